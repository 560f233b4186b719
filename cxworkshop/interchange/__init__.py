"""INTERCHANGE v1: the workshop as a public JSON document (docs/interchange.md). No Qt here."""

from .json_v1 import (
    InterchangeError,
    dump_json,
    dumps,
    from_document,
    load_json,
    loads,
    to_document,
)
from .schema import FORMAT, VERSION, schema

__all__ = [
    "FORMAT", "VERSION", "InterchangeError", "dump_json", "dumps", "from_document", "load_json",
    "loads", "schema", "to_document",
]
