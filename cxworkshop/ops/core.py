"""What every op shares: the change records it returns, its error, and the row verbs.

An op validates, writes through the store in one transaction (committed before it returns)
and returns a small record of what changed. The records carry enough to undo the op, so the
GUI's undo commands hold data, never widgets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ..store import Session
from ..store import rows as R
from ..store.rows import Removed


class OpError(ValueError):
    """An edit was refused; the message is one sentence fit to show the facilitator."""


@dataclass(slots=True)
class Added:
    section: str
    id: str
    index: int


@dataclass(slots=True)
class Edited:
    section: str
    id: str
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(slots=True)
class Moved:
    section: str
    id: str
    old_index: int
    new_index: int


@dataclass(slots=True)
class Deleted:
    section: str
    id: str
    removed: Removed


@dataclass(slots=True)
class Restored:
    section: str
    id: str


Change = Added | Edited | Moved | Deleted | Restored

#: Section names the screens listen for, by table.
SECTION = {
    "workshop": "workshop",
    "department": "departments",
    "participant": "participants",
}


def new_id(session: Session, prefix: str) -> str:
    """A short id unused anywhere in the file (ids are unique across every kind)."""
    while True:
        oid = f"{prefix}-{os.urandom(3).hex()}"
        if not R.id_in_use(session.conn, oid):
            return oid


def id_for_new(session: Session, prefix: str, given: str | None) -> str:
    """The id a new object gets: the one `given` (refused if something in the file has it
    already), or a fresh one."""
    if not given:
        return new_id(session, prefix)
    if R.id_in_use(session.conn, given):
        raise OpError(f'The id "{given}" is already used in this workshop.')
    return given


def whole(value: object) -> bool:
    """Whether a value is a whole number (True and False are not, though Python says so)."""
    return isinstance(value, int) and not isinstance(value, bool)


def list_index(index: object) -> int | None:
    """A place in a list as a verb is given it: a whole number, or None for the end."""
    if index is not None and not whole(index):
        raise OpError(f"A place in the list is a whole number, and {index!r} is not one.")
    return index  # type: ignore[return-value]


def require(session: Session, table: str, oid: str, what: str) -> dict[str, Any]:
    row = R.get(session.conn, table, {"id": oid})
    if row is None:
        raise OpError(f'There is no {what} "{oid}" in this workshop.')
    return row


def add_row(session: Session, table: str, row: dict[str, Any], index: int | None) -> Added:
    with session.atomic() as conn:
        if R.id_in_use(conn, row["id"]):
            raise OpError(f'The id "{row["id"]}" is already used in this workshop.')
        pos = R.insert(conn, table, row, index)
    return Added(SECTION.get(table, table), row["id"], pos)


def edit_row(session: Session, table: str, oid: str, values: dict[str, Any]) -> Edited:
    with session.atomic() as conn:
        before = R.update(conn, table, {"id": oid}, values)
    return Edited(SECTION.get(table, table), oid, before, dict(values))


def move_row(session: Session, table: str, oid: str, index: int) -> Moved:
    with session.atomic() as conn:
        old = R.move(conn, table, {"id": oid}, index)
        new = R.get(conn, table, {"id": oid})["pos"]
    return Moved(SECTION.get(table, table), oid, old, new)


def delete_row(session: Session, table: str, oid: str) -> Deleted:
    with session.atomic() as conn:
        removed = R.delete(conn, table, {"id": oid})
    return Deleted(SECTION.get(table, table), oid, removed)


def restore(session: Session, deleted: Deleted) -> Restored:
    """Undo a delete: every row and reference it took away comes back where it was."""
    with session.atomic() as conn:
        R.restore(conn, deleted.removed)
    return Restored(deleted.section, deleted.id)


def text(value: object, what: str, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise OpError(f"The {what} must be text.")
    if required and not value.strip():
        raise OpError(f"The {what} cannot be empty.")
    return value
