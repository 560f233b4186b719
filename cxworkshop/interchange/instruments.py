"""Diagnostic instruments as files: the built-in ones shipped in cxworkshop/resources/instruments,
and any a facilitator brings.

An instrument file is a UTF-8 JSON object `{"format": "cxworkshop-instrument", "version": 1,
"id", "title", "scale", "statements": [{"id", "title", "text"}]}` checked against
resources/instrument-v1.schema.json. Reading goes size -> UTF-8 -> JSON -> header (format,
version) -> repeated keys and broken text -> schema -> unique statement ids; the first problem
is refused with an `InstrumentError` whose message is one sentence naming the file, the JSON
path and what is wrong. Nothing here runs at import time and nothing imports Qt.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
from importlib.resources import files
from typing import Any

from .. import model as m
from .messages import (
    FileProblem,
    JsonPath,
    error_order,
    first_text_problem,
    kind,
    parse_json,
    read_file,
    render,
    show,
)

FORMAT = "cxworkshop-instrument"
VERSION = 1
SCHEMA_NAME = "instrument-v1.schema.json"
MAX_BYTES = 1024 * 1024  # 1 MiB: far more than 40 statements of 2,000 characters need

#: The built-in instruments, in the order they are offered.
BUILTIN_FILES = ("five-statements.json", "unified-working.json", "maturity.json")

# The schema's id pattern, applied to the whole string: a JSON Schema "$" also matches before
# a final line break in Python's regular expressions, so the loader checks ids once more.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_ID_RULE = 'a usable id (1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit)'


class InstrumentError(FileProblem):
    """An instrument file cannot be read. `str()` is one sentence naming the file, the JSON
    path (when there is one, such as `$.statements[2].title`) and the problem."""


# --------------------------------------------------------------------------- public


def load_instrument(path: str | os.PathLike[str]) -> m.Instrument:
    """Read and check an instrument file; raise `InstrumentError` for any problem."""
    source = os.fspath(path)
    data = read_file(source, InstrumentError, MAX_BYTES)
    return _parse(data, source)


def builtin_instruments() -> list[m.Instrument]:
    """The instruments shipped with CX Workshop: five statements, unified working and maturity,
    in that order, checked like any other file. Each call returns new objects."""
    folder = files("cxworkshop") / "resources" / "instruments"
    return [_parse((folder / name).read_bytes(), f"built-in instrument {name}")
            for name in BUILTIN_FILES]


# --------------------------------------------------------------------------- reading


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of instrument files, read once. Treat it as read-only."""
    text = (files("cxworkshop") / "resources" / SCHEMA_NAME).read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


def _parse(data: bytes, source: str) -> m.Instrument:
    if len(data) > MAX_BYTES:
        raise InstrumentError(source, "the file is larger than 1 MiB, far too big for an instrument")
    doc = parse_json(data, source, InstrumentError, "the file is empty, not an instrument")
    _check_header(doc, source)
    bad = first_text_problem(doc, _phrase)
    if bad is not None:
        raise InstrumentError(source, bad[1], render(bad[0]))
    errors = list(_validator().iter_errors(doc))
    if errors:
        first = min(errors, key=lambda e: error_order(doc, e))
        where, problem = _describe(doc, first)
        raise InstrumentError(source, problem, render(where))
    _check_ids(doc, source)
    return m.Instrument(
        id=doc["id"],
        title=doc["title"],
        scale=doc["scale"],
        statements=[m.Statement(id=s["id"], title=s["title"], text=s.get("text", ""))
                    for s in doc["statements"]],
    )


def _check_header(doc: object, source: str) -> None:
    if not isinstance(doc, dict):
        raise InstrumentError(source, f"the file holds {kind(doc)}, not a JSON object with "
                                      f'"format": "{FORMAT}" and "version": {VERSION}')
    if "format" not in doc:
        raise InstrumentError(source, f'the file has no "format", so it is not a CX Workshop '
                                      f'instrument (those start with "format": "{FORMAT}")')
    if doc["format"] != FORMAT:
        hint = ("; it is a whole workshop, which is opened or imported, not loaded as an instrument"
                if doc["format"] == "cxworkshop" else f' (expected "{FORMAT}")')
        raise InstrumentError(source, f"the format is {show(doc['format'])}, so this is not a CX "
                                      f"Workshop instrument{hint}", "$.format")
    if "version" not in doc:
        raise InstrumentError(source, f'the file has no "version" (this program reads version {VERSION})')
    version = doc["version"]
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    if isinstance(version, bool) or not isinstance(version, int):
        raise InstrumentError(source, f"the version is {show(doc['version'])}, not a whole number",
                              "$.version")
    if version > VERSION:
        raise InstrumentError(source, f"the instrument is in format version {version}, newer than "
                                      f"this CX Workshop reads (version {VERSION})", "$.version")
    if version < VERSION:
        raise InstrumentError(source, f"the version is {version}; the first version of the format "
                                      f"is {VERSION}", "$.version")


def _check_ids(doc: dict, source: str) -> None:
    if not _ID.fullmatch(doc["id"]):
        raise InstrumentError(source, f"the instrument id is {show(doc['id'])}, not {_ID_RULE}", "$.id")
    seen: dict[str, int] = {}
    for i, s in enumerate(doc["statements"]):
        where = render(("statements", i, "id"))
        if not _ID.fullmatch(s["id"]):
            raise InstrumentError(source, f"the id of statement {i + 1} is {show(s['id'])}, "
                                          f"not {_ID_RULE}", where)
        if s["id"] in seen:
            raise InstrumentError(source, f'statements {seen[s["id"]] + 1} and {i + 1} both have the '
                                          f'id "{s["id"]}"; each statement needs its own', where)
        seen[s["id"]] = i


# --------------------------------------------------------------------------- messages

_TYPE_NAMES = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
    "array": "a list", "object": "an object", "null": "null",
}


def _phrase(doc: object, where: JsonPath) -> str:
    """How a message names the thing at `where`: 'the instrument title', 'statement "belief"',
    'statement 3 title'."""
    if not where:
        return "the instrument"
    if where == ("statements",):
        return 'the "statements" value'
    if len(where) == 1:
        return f"the instrument {where[0]}"
    if where[0] == "statements" and isinstance(where[1], int):
        statement = doc["statements"][where[1]]  # type: ignore[index]
        sid = statement.get("id") if isinstance(statement, dict) else None
        name = f'statement "{sid}"' if isinstance(sid, str) and sid else f"statement {where[1] + 1}"
        if len(where) == 2:
            return name
        if len(where) == 3:
            return f"{name} {where[2]}"
    return render(where)


def _describe(doc: object, error) -> tuple[JsonPath, str]:
    """(JSON path, problem) for one schema error, in plain words."""
    where: JsonPath = tuple(error.absolute_path)
    value = error.instance
    v = error.validator
    if v == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        key = next(k for k in value if k not in known)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return where + (key,), f'{_phrase(doc, where)} has an unknown key "{key}"{hint}'
    if v == "required":
        missing = next(k for k in error.validator_value if k not in value)
        return where, f'{_phrase(doc, where)} has no "{missing}"'
    what = _phrase(doc, where)
    if v == "type":
        types = error.validator_value
        types = [types] if isinstance(types, str) else list(types)
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return where, f"{what} is {show(value)}, not {expected}"
    if v == "enum":
        return where, f"{what} is {show(value)}; expected one of {', '.join(error.validator_value)}"
    if v == "const":
        return where, f"{what} is {show(value)}; expected {show(error.validator_value)}"
    if v == "pattern" and where and where[-1] == "id":
        return where, f"{what} is {show(value)}, not {_ID_RULE}"
    if v == "pattern" or v == "minLength":
        return where, f"{what} is blank"
    if v == "maxLength":
        return where, f"{what} is {len(value):,} characters long; at most {error.validator_value:,} fit"
    if v == "minItems":
        return where, "the instrument has no statements; it needs at least one"
    if v == "maxItems":
        return where, (f"the instrument has {len(value)} statements; at most "
                       f"{error.validator_value} fit")
    return where, f"{what}: {error.message}"
