"""Blueprint: the period, the road map's milestones, the measures and the CX council (its
cadences, chair, members and standing agenda).

Every verb checks its values first and refuses in one sentence, writing nothing; then it
writes in one transaction and returns a `Batch`: one exact undo step. Milestones outside the
period are allowed (they are flagged on the road map, never dropped), and so is changing the
period so that some fall outside it.
"""

from __future__ import annotations

import math
from typing import Any

from ..model import blueprint as B
from ..model import rules
from ..model import vocabulary as V
from ..store import Session
from ..store import rows as R
from .batch import Batch, Recorder, delete_one, insert_new, move_row, update_one
from .core import OpError, list_index, require, whole
from .core import text as _text

SECTION = "blueprint"
MILESTONE_FIELDS = ("title", "start", "end", "lane", "improvement", "owner")
MEASURE_FIELDS = ("name", "unit", "baseline", "target", "due", "owner", "improvement")
COUNCIL_FIELDS = ("operational_cadence", "strategic_cadence", "chair")
BLUEPRINT = {"id": 1}


def _ref(session: Session, table: str, value: object, what: str) -> str | None:
    if value in ("", None):
        return None
    if not isinstance(value, str):
        raise OpError(f"The {what} is named by its id, and {value!r} is not one.")
    return require(session, table, value, what)["id"]


def _month(value: object, what: str) -> str:
    if not rules.is_month(value):
        raise OpError(f"The {what} is a month written like 2027-01, and {value!r} is not one.")
    return value  # type: ignore[return-value]


def _blueprint(session: Session) -> dict[str, Any]:
    return R.get(session.conn, "blueprint", BLUEPRINT)


# -- the period -----------------------------------------------------------------------------------

def set_period(session: Session, start: str | None, end: str | None) -> Batch:
    """Set the blueprint's first and last month (either may be None: not set yet)."""
    start = start or None
    end = end or None
    problem = B.period_problem(start, end)
    if problem:
        raise OpError(problem)
    return update_one(session, SECTION, "blueprint", BLUEPRINT, {"start": start, "end": end})


# -- milestones -----------------------------------------------------------------------------------

def _milestone(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "milestone", oid, "milestone")


def _milestone_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in MILESTONE_FIELDS:
            raise OpError(f"A milestone has no detail called {key!r}.")
        if key == "title":
            out[key] = _text(value, "milestone's title", required=True).strip()
        elif key in ("start", "end"):
            out[key] = _month(value, f"milestone's {key}")
        elif key == "lane":
            out[key] = _ref(session, "department", value, "department")
        elif key == "improvement":
            out[key] = _ref(session, "improvement", value, "improvement")
        else:
            out[key] = _ref(session, "participant", value, "participant")
    return out


def _span_problem(title: str, start: str, end: str) -> None:
    if end < start:
        raise OpError(f"The milestone “{title}” cannot end ({B.month_words(end)}) before it starts "
                      f"({B.month_words(start)}).")


def add_milestone(session: Session, title: str, start: str, end: str, *,
                  lane: str | None = None, improvement: str | None = None,
                  owner: str | None = None, id: str | None = None,  # noqa: A002
                  index: int | None = None) -> Batch:
    """A new milestone on the road map, from month `start` to month `end` (both included), in
    `lane` (a department's id; None for the shared lane), perhaps serving an improvement."""
    values = _milestone_values(session, {"title": title, "start": start, "end": end,
                                         "lane": lane, "improvement": improvement,
                                         "owner": owner})
    _span_problem(values["title"], values["start"], values["end"])
    index = list_index(index)
    return insert_new(session, SECTION, "milestone", "m", values, index, id)


def edit_milestone(session: Session, milestone: str, **values: Any) -> Batch:
    """Change a milestone's title, start or end month, lane, improvement or owner. Moving it on
    the road map is one edit of start, end (and lane); a resize changes one end."""
    row = _milestone(session, milestone)
    checked = _milestone_values(session, values)
    merged = {**row, **checked}
    _span_problem(merged["title"], merged["start"], merged["end"])
    return update_one(session, SECTION, "milestone", {"id": milestone}, checked)


def shift_milestone(session: Session, milestone: str, months: int, *,
                    lane: object = ...) -> Batch:
    """Move a milestone `months` later (earlier if negative), keeping its length; `lane`, if
    given, moves it to another lane (a department's id, or None for the shared lane)."""
    if not whole(months):
        raise OpError(f"A milestone moves by a whole number of months, and {months!r} is not one.")
    row = _milestone(session, milestone)
    values: dict[str, Any] = {}
    if months:
        values["start"] = B.add_months(row["start"], months)
        values["end"] = B.add_months(row["end"], months)
        if not (rules.is_month(values["start"]) and rules.is_month(values["end"])):
            raise OpError("A milestone cannot move outside the years 0001 to 9999.")
    if lane is not ...:
        values["lane"] = lane
    return edit_milestone(session, milestone, **values)


def delete_milestone(session: Session, milestone: str) -> Batch:
    _milestone(session, milestone)
    return delete_one(session, SECTION, "milestone", {"id": milestone})


# -- measures -------------------------------------------------------------------------------------

def _measure(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "measure", oid, "measure")


def _figure(value: object, what: str) -> float | None:
    if value in ("", None):
        return None
    if isinstance(value, str):
        parsed = B.parse_figure(value)
        if parsed is None:
            raise OpError(f"The {what} is a number, and {value!r} is not one.")
        return parsed
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise OpError(f"The {what} is a number, and {value!r} is not one.")
    return float(value)


def _measure_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in MEASURE_FIELDS:
            raise OpError(f"A measure has no detail called {key!r}.")
        if key == "name":
            out[key] = _text(value, "measure's name", required=True).strip()
        elif key == "unit":
            out[key] = _text(value or "", "unit").strip()
        elif key in ("baseline", "target"):
            out[key] = _figure(value, key)
        elif key == "due":
            if value in ("", None):
                out[key] = None
            elif not rules.is_date(value):
                raise OpError(f"The due date is a date written like 2027-12-31, and {value!r} "
                              "is not one.")
            else:
                out[key] = value
        elif key == "owner":
            out[key] = _ref(session, "participant", value, "participant")
        else:
            out[key] = _ref(session, "improvement", value, "improvement")
    return out


def add_measure(session: Session, name: str, *, unit: str = "", baseline: object = None,
                target: object = None, due: str | None = None, owner: str | None = None,
                improvement: str | None = None, id: str | None = None,  # noqa: A002
                index: int | None = None) -> Batch:
    """A new measure: what is counted, in which unit, where it stands (baseline), where it
    should be (target) by when (due), who owns it and which improvement it proves."""
    values = _measure_values(session, {"name": name, "unit": unit, "baseline": baseline,
                                       "target": target, "due": due, "owner": owner,
                                       "improvement": improvement})
    index = list_index(index)
    return insert_new(session, SECTION, "measure", "k", values, index, id)


def edit_measure(session: Session, measure: str, **values: Any) -> Batch:
    _measure(session, measure)
    checked = _measure_values(session, values)
    return update_one(session, SECTION, "measure", {"id": measure}, checked)


def move_measure(session: Session, measure: str, index: int) -> Batch:
    return move_row(session, SECTION, "measure", _measure(session, measure), index, "measure")


def delete_measure(session: Session, measure: str) -> Batch:
    _measure(session, measure)
    return delete_one(session, SECTION, "measure", {"id": measure})


# -- the council ----------------------------------------------------------------------------------

def _members(session: Session) -> list[str]:
    return [r[0] for r in session.conn.execute(
        "SELECT participant FROM council_member ORDER BY pos")]


def _name(session: Session, participant: str) -> str:
    row = R.get(session.conn, "participant", {"id": participant})
    return row["name"] if row else participant


def set_council(session: Session, **values: Any) -> Batch:
    """Set how often the operational council meets (weekly, monthly, quarterly), the strategic
    council (the same, or None for none), or the chair (a participant, or None). A chair who
    is not yet a member becomes one in the same step."""
    checked: dict[str, Any] = {}
    for key, value in values.items():
        if key not in COUNCIL_FIELDS:
            raise OpError(f"The council has no detail called {key!r}.")
        if key == "operational_cadence":
            if value not in V.CADENCES:
                raise OpError(f"The operational council meets weekly, monthly or quarterly, and "
                              f"{value!r} is none of those.")
        elif key == "strategic_cadence":
            if value not in (*V.CADENCES, None):
                raise OpError(f"The strategic council meets weekly, monthly or quarterly (or "
                              f"there is none), and {value!r} is none of those.")
        else:
            value = _ref(session, "participant", value, "participant")
        checked[key] = value
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.update("blueprint", BLUEPRINT, checked)
        chair = checked.get("chair")
        if chair and chair not in _members(session):
            rec.insert("council_member", {"participant": chair})
    return batch


def set_member(session: Session, participant: str, member: bool, *,
               index: int | None = None) -> Batch:
    """Put a participant on the council (`member` True; `index` places them in the list, by
    default last) or take them off it. The chair stays a member until another is chosen."""
    require(session, "participant", participant, "participant")
    index = list_index(index)
    batch = Batch(SECTION)
    present = participant in _members(session)
    if member == present:
        return batch
    if not member and _blueprint(session)["chair"] == participant:
        raise OpError(f"{_name(session, participant)} chairs the council; choose another chair "
                      "before taking them off it.")
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        if member:
            rec.insert("council_member", {"participant": participant}, index)
        else:
            rec.delete("council_member", {"participant": participant})
    return batch


def _agenda(session: Session) -> list[str]:
    return [r[0] for r in session.conn.execute("SELECT text FROM council_agenda_item ORDER BY pos")]


def _agenda_index(session: Session, index: object) -> int:
    if not whole(index):
        raise OpError(f"A place in the agenda is a whole number, and {index!r} is not one.")
    n = len(_agenda(session))
    if not 0 <= index < n:  # type: ignore[operator]
        raise OpError(f"The agenda has {n} item{'' if n == 1 else 's'}, so there is no item "
                      f"number {index + 1}.")  # type: ignore[operator]
    return index  # type: ignore[return-value]


def add_agenda_item(session: Session, text: str, *, index: int | None = None) -> Batch:
    """A new item on the council's standing agenda; `index` places it (by default last)."""
    value = _text(text, "agenda item", required=True).strip()
    index = list_index(index)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        Recorder(conn, batch).insert("council_agenda_item", {"text": value}, index)
    return batch


def edit_agenda_item(session: Session, index: int, text: str) -> Batch:
    index = _agenda_index(session, index)
    value = _text(text, "agenda item", required=True).strip()
    return update_one(session, SECTION, "council_agenda_item", {"pos": index}, {"text": value})


def move_agenda_item(session: Session, index: int, new_index: int) -> Batch:
    """Move the agenda item at `index` to `new_index` (0 is first)."""
    index = _agenda_index(session, index)
    if not whole(new_index):
        raise OpError(f"A place in the agenda is a whole number, and {new_index!r} is not one.")
    items = _agenda(session)
    new_index = max(0, min(new_index, len(items) - 1))
    batch = Batch(SECTION)
    if new_index == index:
        return batch
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.delete("council_agenda_item", {"pos": index})
        rec.insert("council_agenda_item", {"text": items[index]}, new_index)
    return batch


def delete_agenda_item(session: Session, index: int) -> Batch:
    index = _agenda_index(session, index)
    return delete_one(session, SECTION, "council_agenda_item", {"pos": index})


def fill_standing_agenda(session: Session) -> Batch:
    """Add the usual items of a council meeting (`model.blueprint.STANDING_AGENDA`) that the
    agenda does not have yet, at the end, in their usual order."""
    have = set(_agenda(session))
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for text in B.STANDING_AGENDA:
            if text not in have:
                rec.insert("council_agenda_item", {"text": text})
    return batch
