"""Actions: who does what by when after the workshop, each perhaps serving an improvement.

Every verb checks its values first and refuses in one sentence, writing nothing; then it
writes in one transaction and returns a `Batch`: one exact undo step.
"""

from __future__ import annotations

from typing import Any

from ..model import rules
from ..model import vocabulary as V
from ..store import Session
from .batch import Batch, delete_one, insert_new, move_row, update_one
from .core import OpError, list_index, require
from .core import text as _text

SECTION = "actions"
FIELDS = ("text", "owner", "due", "status", "improvement")


def _action(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "action", oid, "action")


def _values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in FIELDS:
            raise OpError(f"An action has no detail called {key!r}.")
        if key == "text":
            out[key] = _text(value, "action's text", required=True).strip()
        elif key == "owner":
            out[key] = None if value in ("", None) else \
                require(session, "participant", value, "participant")["id"]
        elif key == "improvement":
            out[key] = None if value in ("", None) else \
                require(session, "improvement", value, "improvement")["id"]
        elif key == "due":
            if value in ("", None):
                out[key] = None
            elif not rules.is_date(value):
                raise OpError(f"The due date is a date written like 2027-03-31, and {value!r} is not one.")
            else:
                out[key] = value
        else:
            if value not in V.ACTION_STATUSES:
                raise OpError(f"An action is open, done or dropped, and {value!r} is none of those.")
            out[key] = value
    return out


def add_action(session: Session, text: str, *, owner: str | None = None, due: str | None = None,
               status: str = "open", improvement: str | None = None,
               index: int | None = None) -> Batch:
    """A new action; `index` places it among the others (by default last)."""
    values = _values(session, {"text": text, "owner": owner, "due": due, "status": status,
                               "improvement": improvement})
    index = list_index(index)
    return insert_new(session, SECTION, "action", "act", values, index)


def edit_action(session: Session, action: str, **values: Any) -> Batch:
    """Change an action's text, owner (a participant's id or None), due date (ISO, or None or
    "" for none), status (open, done, dropped) or improvement (an id or None)."""
    _action(session, action)
    checked = _values(session, values)
    return update_one(session, SECTION, "action", {"id": action}, checked)


def move_action(session: Session, action: str, index: int) -> Batch:
    """Move an action to `index` (0 is first) in the list."""
    return move_row(session, SECTION, "action", _action(session, action), index, "action")


def delete_action(session: Session, action: str) -> Batch:
    _action(session, action)
    return delete_one(session, SECTION, "action", {"id": action})
