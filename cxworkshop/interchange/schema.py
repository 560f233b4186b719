"""The JSON Schema of INTERCHANGE v1, read once from the package's resources."""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

FORMAT = "cxworkshop"
VERSION = 1
SCHEMA_NAME = "interchange-v1.schema.json"


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of INTERCHANGE v1, read once from the package resources.
    Treat it as read-only: it is shared."""
    text = (files("cxworkshop") / "resources" / SCHEMA_NAME).read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())
