"""Turning what is wrong with a JSON document into one sentence a person can act on:
JSON paths like `$.discover.notes[2].kind`, values shown briefly, schema errors put in words.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from .schema import schema

JsonPath = tuple[str | int, ...]


class Object(dict):
    """A JSON object as parsed by `loads`, remembering a key that appeared twice."""

    duplicate: str | None = None

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> Object:
        obj = cls()
        for k, v in pairs:
            if k in obj and obj.duplicate is None:
                obj.duplicate = k
            obj[k] = v
        return obj


class FileProblem(ValueError):
    """A file cannot be read (or written). `str()` is one sentence naming the file, the JSON
    path (when there is one) and the problem, fit to show to a person as it is.

    `source` is the file (or name) given, `path` a JSON path such as `$.statements[2].title`
    or None, and `problem` the bare description.
    """

    def __init__(self, source: str, problem: str, path: str | None = None):
        self.source = source
        self.path = path
        self.problem = problem
        where = f"{source}: {path}: " if path else f"{source}: "
        text = (where + problem).rstrip()
        if not text.endswith((".", "?", "!")):
            text += "."
        super().__init__(one_line(text))

    def __reduce__(self):
        return (type(self), (self.source, self.problem, self.path))


def read_file(path, problem: Callable[[str, str], Exception], limit: int | None = None) -> bytes:
    """The bytes of a file (at most `limit` + 1 of them, so a caller can tell it is too big);
    a file that cannot be read raises `problem(source, what is wrong)`."""
    source = str(path)
    try:
        with open(path, "rb") as f:
            return f.read(-1 if limit is None else limit + 1)
    except FileNotFoundError:
        raise problem(source, "the file does not exist") from None
    except IsADirectoryError:
        raise problem(source, "this is a folder, not a file") from None
    except PermissionError:
        raise problem(source, "the file cannot be read (permission denied)") from None
    except OSError as exc:
        raise problem(source, f"the file cannot be read ({exc.strerror or exc})") from None


def parse_json(text: str | bytes, source: str, problem: Callable[[str, str], Exception],
               empty: str) -> object:
    """JSON text (str, or UTF-8 bytes; a byte-order mark is allowed) parsed with repeated keys
    noted (`Object`); anything else raises `problem(source, what is wrong)`, `empty` being
    what is said of a blank file."""
    if isinstance(text, bytes):
        if text.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise problem(source, "the file is UTF-16 text; save it as UTF-8")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise problem(
                source, f"the file is not UTF-8 text (byte 0x{text[exc.start]:02x} at offset {exc.start})"
            ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise problem(source, empty)
    try:
        return json.loads(text, object_pairs_hook=Object.from_pairs)
    except json.JSONDecodeError as exc:
        msg = exc.msg[:1].lower() + exc.msg[1:]
        raise problem(
            source, f"the file is not valid JSON: {msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise problem(source, "the file is not usable JSON: it is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise problem(source, f"the file is not usable JSON: {exc}") from None


def first_text_problem(doc: object, phrasing: Callable[[object, JsonPath], str] | None = None
                       ) -> tuple[JsonPath, str] | None:
    """The first repeated key or broken string in document order, as (path, problem);
    `phrasing(doc, where)` names the place (by default as an interchange document would).

    A broken string holds half of a UTF-16 surrogate pair (JSON lets `\\ud800` be written
    alone); it is not a character and could never be written back as UTF-8. Walked
    iteratively: documents can be deeply nested.
    """
    name = phrasing or phrase
    stack: list[tuple[JsonPath, object]] = [((), doc)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, dict):
            duplicate = getattr(node, "duplicate", None)
            if duplicate is not None:
                return where + (duplicate,), f'{name(doc, where)} has the key "{duplicate}" twice'
            for k in node:
                if isinstance(k, str) and _SURROGATE.search(k):
                    return where, f"{name(doc, where)} has a key with {_surrogate(k)}"
            stack.extend(reversed([(where + (k,), v) for k, v in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([(where + (i,), v) for i, v in enumerate(node)]))
        elif isinstance(node, str) and _SURROGATE.search(node):
            return where, f"{name(doc, where)} contains {_surrogate(node)}"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(text: str) -> str:
    found = _SURROGATE.search(text)
    assert found is not None
    return f"\\u{ord(found.group()):04x}, half of a surrogate pair, which is not a character"


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def render(where: Sequence[str | int]) -> str:
    """A JSON path as people read it: `$.discover.notes[2].kind`."""
    out = ["$"]
    for part in where:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENT.match(part):
            out.append(f".{part}")
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out)


def one_line(text: str) -> str:
    """Control characters and line breaks written as escapes, so a message stays one line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
    )


def show(value: object, limit: int = 60) -> str:
    """A value as it appears in the document, shortened."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return show(value)


_TYPE_NAMES = {
    "string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
    "array": "a list", "object": "an object", "null": "null",
}

#: What one item of each list is called in messages (by the list's key).
_NOUNS = {
    "departments": "department", "participants": "participant", "agenda": "agenda item",
    "notes": "note", "clusters": "cluster", "links": "link", "instruments": "instrument",
    "statements": "statement", "responses": "response", "companions": "companion",
    "improvements": "improvement", "votes": "vote", "decisions": "decision",
    "positions": "position", "rules": "rule", "signatures": "signature",
    "milestones": "milestone", "measures": "measure", "actions": "action",
    "members": "member", "roadblocks": "roadblock",
}

_SECTIONS = {
    "workshop": "the workshop", "discover": "the discover section",
    "diagnostics": "the diagnostics section", "ambition": "the ambition section",
    "priorities": "the priorities section", "social_contract": "the social contract",
    "blueprint": "the blueprint section", "council": "the council",
}


@functools.cache
def _pattern_names() -> dict[str, str]:
    """Each pattern of the schema, by what it means to a person."""
    defs = schema()["$defs"]
    return {
        defs["date_or_null"]["pattern"]: "a date like 2027-03-31",
        defs["month"]["pattern"]: "a month like 2027-03",
        defs["month_or_null"]["pattern"]: "a month like 2027-03",
        defs["colour_or_null"]["pattern"]: "a colour like #e69f00",
    }


def _node(doc: object, where: JsonPath) -> object:
    node = doc
    for part in where:
        node = node[part]  # type: ignore[index]
    return node


def phrase(doc: object, where: JsonPath) -> str:
    """How a message names the thing at `where`: 'note "n3"', 'the council', 'note "n3" kind'."""
    if not where:
        return "the document"
    last, parent = where[-1], where[:-1]
    if isinstance(last, int):
        container = str(parent[-1]) if parent else ""
        owner = parent[:-1]
        obj = _node(doc, where)
        noun = _NOUNS.get(container, "item")
        if isinstance(obj, dict) and isinstance(obj.get("id"), str) and obj["id"]:
            return f'{noun} "{obj["id"]}"'
        if container == "notes" and owner and isinstance(owner[-1], int):
            return f"note reference {last + 1} of {phrase(doc, owner)}"
        if container == "agenda" and owner and owner[-1] == "council":
            return f"agenda item {last + 1} of the council"
        if container in ("roadblocks", "members", "votes", "positions", "signatures"):
            return f"{noun} {last + 1} of {phrase(doc, owner)}"
        return f"this {noun}"
    if last in _SECTIONS:
        return _SECTIONS[last]
    if not parent:
        return f'the "{last}" list'
    owner = phrase(doc, parent)
    if owner == "the workshop" or owner.endswith('"'):  # 'the workshop date', 'note "n2" kind'
        return f"{owner} {last}"
    return f"the {last} of {owner}"  # 'the dots of vote 1 of improvement "i1"'


def error_order(doc: object, error) -> tuple:
    """Sort key putting schema errors in document order (the first in the file comes first)."""
    key: list[int] = []
    node = doc
    for part in error.absolute_path:
        if isinstance(node, dict):
            key.append(list(node).index(part))
        else:
            key.append(int(part))
        node = node[part]
    extra = _unknown_keys(error)
    if extra:
        key.append(list(node).index(extra[0]))
    rank = ("type", "required", "additionalProperties", "minLength", "enum", "const", "pattern",
            "minimum", "maximum")
    validator = str(error.validator)
    return tuple(key), rank.index(validator) if validator in rank else len(rank), error.message


def _unknown_keys(error) -> list[str]:
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    known = error.schema.get("properties", {})
    return [k for k in error.instance if k not in known]


def describe_error(doc: object, error) -> tuple[str, str]:
    """(JSON path, problem) for one schema error, in the words of the rules' messages."""
    where: JsonPath = tuple(error.absolute_path)
    value = error.instance
    v = error.validator
    if v == "additionalProperties":
        key = _unknown_keys(error)[0]
        known = list(error.schema.get("properties", {}))
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return render(where + (key,)), f'{phrase(doc, where)} has an unknown key "{key}"{hint}'
    if v == "required":
        missing = [k for k in error.validator_value if k not in value]
        noun = _NOUNS.get(str(where[-2]), "item") if len(where) >= 2 else "object"
        return render(where), f'{phrase(doc, where)} has no "{missing[0]}", which every {noun} needs'
    what = phrase(doc, where)
    if v == "type":
        types = error.validator_value
        types = [types] if isinstance(types, str) else list(types)
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in types)
        return render(where), f"{what} is {show(value)}, not {expected}"
    if v == "enum":
        allowed = [x for x in error.validator_value if x is not None]
        tail = ", or null" if None in error.validator_value else ""
        return render(where), f"{what} is {show(value)}; expected one of {', '.join(allowed)}{tail}"
    if v == "const":
        return render(where), f"{what} is {show(value)}; expected {show(error.validator_value)}"
    if v == "pattern":
        like = _pattern_names().get(error.validator_value, f"text matching {error.validator_value}")
        return render(where), f"{what} is {show(value)}, not {like}"
    if v in ("minimum", "maximum"):
        size = "large" if v == "maximum" else "small"
        return render(where), (f"{what} is {show(value)}, too {size} for a workshop file "
                                "(whole numbers are kept as 64-bit integers)")
    if v == "minLength" and where and where[-1] == "id":
        return render(where), f"{phrase(doc, where[:-1])} has an empty id"
    return render(where), f"{what}: {error.message}"
