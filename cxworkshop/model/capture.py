"""The capture bar's short prefix: "2 b pr: Leads are unqualified".

Before a colon, a few tokens may set what the note is, so a facilitator never leaves the keys:
a digit 1–9 picks the department in Setup order (or the start of its name, "sal"), a kind
(c, b, i, or the start of challenge/barrier/idea), a dimension (pe, pr, t, or the start of
people/process/technology; "-" for none) and "@" with an author's initials or the start of
their name. If any token before the colon is not one of these, the whole text is the note, so
"Note to self: call Sam" stays as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import board as B
from . import vocabulary as V
from .workshop import Department, Participant

_UNSET = object()


@dataclass(frozen=True, slots=True)
class Capture:
    text: str
    department: object = _UNSET  # a department id, or unset
    kind: object = _UNSET
    dimension: object = _UNSET  # a dimension, None for "no dimension", or unset
    author: object = _UNSET  # a participant id, or unset

    def sets(self, what: str) -> bool:
        """Whether the prefix chose `what` ("department", "kind", "dimension", "author")."""
        return getattr(self, what) is not _UNSET


def kind_for(token: str) -> str | None:
    token = token.casefold()
    found = [k for k in V.NOTE_KINDS if k.startswith(token)]
    return found[0] if len(found) == 1 else None


def dimension_for(token: str) -> str | None:
    token = token.casefold()
    if token == "t":
        return "technology"
    found = [d for d in V.DIMENSIONS if len(token) >= 2 and d.startswith(token)]
    return found[0] if len(found) == 1 else None


def department_for(token: str, departments: Sequence[Department]) -> str | None:
    if token.isdigit() and len(token) == 1 and token != "0":
        index = int(token) - 1
        return departments[index].id if index < len(departments) else None
    token = token.casefold()
    if len(token) < 2:
        return None
    found = [d for d in departments
             if d.name.casefold().startswith(token) or B.initials(d.name).casefold() == token]
    return found[0].id if len(found) == 1 else None


def author_for(token: str, participants: Sequence[Participant]) -> str | None:
    token = token.casefold()
    if not token:
        return None
    by_initials = [p for p in participants if B.initials(p.name).casefold() == token]
    if len(by_initials) == 1:
        return by_initials[0].id
    found = [p for p in participants if p.name.casefold().startswith(token)]
    return found[0].id if len(found) == 1 else None


def parse(text: str, departments: Sequence[Department],
          participants: Sequence[Participant] = ()) -> Capture:
    """Split a typed line into the note's text and what its prefix sets."""
    head, colon, rest = text.partition(":")
    tokens = head.split()
    if not colon or not tokens or len(tokens) > 5:
        return Capture(text.strip())
    values: dict[str, object] = {}
    for token in tokens:
        if token.startswith("@"):
            found: object = author_for(token[1:], participants)
            slot = "author"
        elif token == "-":
            found, slot = None, "dimension"
            values[slot] = None
            continue
        elif (found := kind_for(token)) is not None and len(token) <= 9:
            slot = "kind"
        elif (found := dimension_for(token)) is not None:
            slot = "dimension"
        else:
            found, slot = department_for(token, departments), "department"
        if found is None or slot in values:
            return Capture(text.strip())  # not a prefix after all: the note is what was typed
        values[slot] = found
    return Capture(rest.strip(), **values)  # type: ignore[arg-type]
