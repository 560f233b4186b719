"""Verbs of the Setup page: the workshop's details, departments and participants."""

from __future__ import annotations

from typing import Any

from ..model import rules
from ..model import vocabulary as V
from ..store import Session
from ..store import rows as R
from .core import (
    Added,
    Deleted,
    Edited,
    Moved,
    OpError,
    add_row,
    delete_row,
    edit_row,
    move_row,
    new_id,
    require,
    text,
)

WORKSHOP_FIELDS = ("title", "organisation", "date", "location", "facilitator", "current_stage")


def edit_workshop(session: Session, **values: Any) -> Edited:
    """Change the workshop's details (title, organisation, date, location, facilitator,
    current_stage)."""
    for key, value in values.items():
        if key not in WORKSHOP_FIELDS:
            raise OpError(f"The workshop has no detail called {key!r}.")
        if key == "date":
            if value in ("", None):
                values[key] = None
            elif not rules.is_date(value):
                raise OpError(f"{value!r} is not a date; write it like 2026-11-23.")
        elif key == "current_stage":
            if value not in V.STAGES:
                raise OpError(f"{value!r} is not a stage of the workshop.")
        else:
            text(value, key)
    with session.atomic() as conn:
        before = R.update(conn, "workshop", {"id": 1}, values)
    return Edited("workshop", "workshop", before, dict(values))


def _colour(value: object) -> str:
    if not rules.is_colour(value):
        raise OpError(f"{value!r} is not a colour; write it like #0072B2.")
    return str(value).upper()


def next_department_colour(session: Session) -> str:
    """The first palette colour no department uses yet (the palette repeats past eight)."""
    used = {(r[0] or "").upper() for r in session.conn.execute("SELECT color FROM department")}
    for colour in V.DEPARTMENT_PALETTE:
        if colour not in used:
            return colour
    return V.palette_colour(R.count(session.conn, "department"))


def add_department(session: Session, name: str, color: str | None = None, *,
                   index: int | None = None, id: str | None = None) -> Added:
    name = text(name, "department name", required=True).strip()
    _unique_name(session, "department", name, "department")
    colour = _colour(color) if color is not None else next_department_colour(session)
    row = {"id": id or new_id(session, "dept"), "name": name, "color": colour}
    return add_row(session, "department", row, index)


def edit_department(session: Session, department: str, **values: Any) -> Edited:
    require(session, "department", department, "department")
    for key, value in values.items():
        if key == "name":
            values[key] = text(value, "department name", required=True).strip()
            _unique_name(session, "department", values[key], "department", but=department)
        elif key == "color":
            values[key] = None if value is None else _colour(value)
        else:
            raise OpError(f"A department has no detail called {key!r}.")
    return edit_row(session, "department", department, values)


def move_department(session: Session, department: str, index: int) -> Moved:
    require(session, "department", department, "department")
    return move_row(session, "department", department, index)


def delete_department(session: Session, department: str) -> Deleted:
    """Delete a department; its participants and notes stay, without a department, and so do
    scores that also name a participant (the department's own scores go)."""
    require(session, "department", department, "department")
    return delete_row(session, "department", department)


def add_participant(session: Session, name: str, department: str | None = None,
                    role: str = "", senior: bool = False, *, index: int | None = None,
                    id: str | None = None) -> Added:
    name = text(name, "participant's name", required=True).strip()
    if department is not None:
        require(session, "department", department, "department")
    row = {"id": id or new_id(session, "p"), "name": name, "department": department,
           "role": text(role, "role").strip(), "senior": int(bool(senior))}
    return add_row(session, "participant", row, index)


def edit_participant(session: Session, participant: str, **values: Any) -> Edited:
    require(session, "participant", participant, "participant")
    for key, value in values.items():
        if key == "name":
            values[key] = text(value, "participant's name", required=True).strip()
        elif key == "role":
            values[key] = text(value, "role").strip()
        elif key == "department":
            if value is not None:
                require(session, "department", value, "department")
        elif key == "senior":
            values[key] = int(bool(value))
        else:
            raise OpError(f"A participant has no detail called {key!r}.")
    edited = edit_row(session, "participant", participant, values)
    if "senior" in edited.before:
        edited.before["senior"] = bool(edited.before["senior"])
        edited.after["senior"] = bool(edited.after["senior"])
    return edited


def move_participant(session: Session, participant: str, index: int) -> Moved:
    require(session, "participant", participant, "participant")
    return move_row(session, "participant", participant, index)


def delete_participant(session: Session, participant: str) -> Deleted:
    """Delete a participant; notes they wrote stay, their votes and their own scores go with
    them (a score they gave for a department stays, the department's)."""
    require(session, "participant", participant, "participant")
    return delete_row(session, "participant", participant)


def _unique_name(session: Session, table: str, name: str, what: str, but: str | None = None):
    for oid, other in session.conn.execute(f"SELECT id, name FROM {table}"):
        if oid != but and other.strip().casefold() == name.casefold():
            raise OpError(f'There is already a {what} called "{other}".')
