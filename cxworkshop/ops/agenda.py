"""The workshop's agenda: its items (a title, perhaps a stage, the minutes planned) and the
minutes each actually took, which the agenda timer records as the day runs.

Every verb checks its values first and refuses in one sentence, writing nothing; then it
writes in one transaction and returns a `Batch` whose section is "agenda": one exact undo step.
"""

from __future__ import annotations

from typing import Any

from ..model import vocabulary as V
from ..store import Session
from .batch import Batch, delete_one, insert_new, move_row, update_one
from .core import OpError, list_index, require, whole
from .core import text as _text

SECTION = "agenda"
FIELDS = ("title", "stage", "minutes", "actual_minutes")
#: The longest an agenda item can be planned or take: a whole day.
MAX_MINUTES = 24 * 60
_WHAT = {"minutes": "planned time", "actual_minutes": "time taken"}


def _item(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "agenda_item", oid, "agenda item")


def _minutes(value: object, key: str) -> int | None:
    what = _WHAT[key]
    if value is None and key == "actual_minutes":
        return None
    if whole(value) and 0 <= value <= MAX_MINUTES:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    if isinstance(value, str) and not value.strip():
        raise OpError(f"The {what} cannot be empty; write a whole number of minutes from 0 to "
                      f"{MAX_MINUTES}.")
    shown = f"“{value.strip()}”" if isinstance(value, str) else repr(value)
    raise OpError(f"The {what} is a whole number of minutes from 0 to {MAX_MINUTES}, and "
                  f"{shown} is not one.")


def _stage(value: object) -> str | None:
    if value in ("", None):
        return None
    if value not in V.STAGES:
        raise OpError(f"An agenda item's stage is {', '.join(V.STAGES[:-1])} or {V.STAGES[-1]} "
                      f"(or none), and {value!r} is none of those.")
    return value  # type: ignore[return-value]


def _values(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in FIELDS:
            raise OpError(f"An agenda item has no detail called {key!r}.")
        if key == "title":
            out[key] = _text(value, "agenda item's title", required=True).strip()
        elif key == "stage":
            out[key] = _stage(value)
        else:
            out[key] = _minutes(value, key)
    return out


def add_agenda_item(session: Session, title: str, stage: str | None = None, minutes: int = 0,
                    *, index: int | None = None) -> Batch:
    """A new agenda item, planned to take `minutes`, perhaps belonging to a stage; `index`
    places it (by default last). Its id is the batch's `created[0]`."""
    values = _values({"title": title, "stage": stage, "minutes": minutes})
    index = list_index(index)
    return insert_new(session, SECTION, "agenda_item", "a", {**values, "actual_minutes": None},
                      index)


def edit_agenda_item(session: Session, item_id: str, **values: Any) -> Batch:
    """Change an item's title, stage, planned minutes or the minutes it took (None: not yet)."""
    _item(session, item_id)
    checked = _values(values)
    return update_one(session, SECTION, "agenda_item", {"id": item_id}, checked)


def move_agenda_item(session: Session, item_id: str, index: int) -> Batch:
    """Move an item to `index` in the agenda (0 is first; past the end is last)."""
    return move_row(session, SECTION, "agenda_item", _item(session, item_id), index,
                    "agenda item")


def delete_agenda_item(session: Session, item_id: str) -> Batch:
    _item(session, item_id)
    return delete_one(session, SECTION, "agenda_item", {"id": item_id})


def record_actual(session: Session, item_id: str, minutes: int | None) -> Batch:
    """What the agenda timer writes: the minutes an item has taken so far."""
    return edit_agenda_item(session, item_id, actual_minutes=minutes)
