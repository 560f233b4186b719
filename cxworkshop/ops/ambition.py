"""Ambition: what customer experience means here, the vision, the destination and its horizon,
the approach, the programme's name, and the travelling companions (the stakeholders who will
help or hinder, inside and outside the company).

Every verb is one transaction and returns a `Batch`: one exact undo step.
"""

from __future__ import annotations

from typing import Any

from ..model import rules
from ..model import vocabulary as V
from ..store import Session
from ..store import rows as R
from .batch import Batch, Recorder, delete_one, insert_new, update_one
from .core import OpError, text

SECTION = "ambition"
TEXT_FIELDS = ("cx_definition", "vision", "destination", "programme_name")
FIELDS = (*TEXT_FIELDS, "horizon", "approach")
COMPANION_FIELDS = ("name", "side", "role", "department", "note")

#: What each approach implies, in two lines, for the facilitator to read out.
APPROACH_HINTS = {
    "top-down": "The leadership team sets the direction and carries it down through every "
                "department.\nFast and consistent, but it needs visible sponsorship to stick.",
    "bottom-up": "Teams close to customers start the changes and leaders back what works.\n"
                 "Strong ownership on the ground, but slower and harder to keep aligned.",
}


def _ambition_values(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in FIELDS:
            raise OpError(f"The ambition has no part called {key!r}.")
        if key == "horizon":
            if value in ("", None):
                out[key] = None
            elif not rules.is_date(value):
                raise OpError(f"{value!r} is not a date; write the horizon like 2028-12-31.")
            else:
                out[key] = value
        elif key == "approach":
            if value not in (None, *V.APPROACHES):
                raise OpError(f"{value!r} is not an approach; choose top-down or bottom-up.")
            out[key] = value
        else:
            out[key] = text(value, key.replace("_", " "))
    return out


def edit_ambition(session: Session, **values: Any) -> Batch:
    """Change parts of the ambition: cx_definition, vision, destination, horizon (a date or
    None), approach ("top-down", "bottom-up" or None), programme_name."""
    checked = _ambition_values(values)
    return update_one(session, SECTION, "ambition", {"id": 1}, checked)


# -- travelling companions --------------------------------------------------------------------


def _companion_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in COMPANION_FIELDS:
            raise OpError(f"A companion has no detail called {key!r}.")
        if key == "side" and value not in V.COMPANION_SIDES:
            raise OpError(f"{value!r} is not a side; a companion is internal or external.")
        if key == "role" and value not in V.COMPANION_ROLES:
            raise OpError(f"{value!r} is not a role; choose one of "
                          f"{', '.join(V.COMPANION_ROLES)}.")
        if key == "department":
            if value in ("", None):
                value = None
            elif R.get(session.conn, "department", {"id": value}) is None:
                raise OpError(f'There is no department "{value}" in this workshop.')
        if key in ("name", "note"):
            value = text(value, "companion's " + key, required=key == "name")
            value = value.strip() if key == "name" else value
        out[key] = value
    return out


def _require(session: Session, oid: str) -> dict[str, Any]:
    row = R.get(session.conn, "companion", {"id": oid})
    if row is None:
        raise OpError(f'There is no companion "{oid}" in this workshop.')
    return row


def add_companion(session: Session, name: str, side: str = "internal", role: str = "neutral",
                  department: str | None = None, note: str = "", *,
                  index: int | None = None, id: str | None = None) -> Batch:
    """A stakeholder on the companions board; `index` places it among the others (by default
    last)."""
    values = _companion_values(session, {"name": name, "side": side, "role": role,
                                         "department": department, "note": note})
    return insert_new(session, SECTION, "companion", "co", values, index, id)


def edit_companion(session: Session, companion: str, **values: Any) -> Batch:
    _require(session, companion)
    checked = _companion_values(session, values)
    return update_one(session, SECTION, "companion", {"id": companion}, checked)


def move_companion(session: Session, companion: str, side: str,
                   before: str | None = None) -> Batch:
    """Put a companion in the `side` column, just before the companion `before` (at the end
    of the column when None). The columns share one order; only its side changes its column."""
    row = _require(session, companion)
    checked = _companion_values(session, {"side": side})
    if before == companion:
        before = None
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.delete("companion", {"id": companion})
        if before is not None:
            target = R.get(conn, "companion", {"id": before})
            if target is None:
                raise OpError(f'There is no companion "{before}" in this workshop.')
            index = target["pos"]
        else:
            index = None
        moved = {k: v for k, v in row.items() if k != "pos"}
        moved.update(checked)
        rec.insert("companion", moved, index)
    return batch


def delete_companion(session: Session, companion: str) -> Batch:
    _require(session, companion)
    return delete_one(session, SECTION, "companion", {"id": companion})
