"""The built-in demo workshop (an invented company), shipped as interchange JSON."""

from __future__ import annotations

from .model import Workshop


def demo_workshop() -> Workshop:
    import json
    from importlib.resources import files

    from .interchange import from_document

    text = (files("cxworkshop") / "resources" / "demo-workshop.json").read_text("utf-8")
    return from_document(json.loads(text), "demo-workshop.json")
