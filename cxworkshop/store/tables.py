"""How each model object maps to a table row, and which columns point at which objects.

Every list table has a `pos` column giving its display order; nested lists (statements of an
instrument, votes of an improvement) also carry their parent's id. Values read back are
type-checked here: a STRICT table keeps honest writers honest, but a damaged or hostile file
can still hold anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from .. import model as m

# Column kinds: T text, I integer, R real, B boolean (0/1); a trailing "?" allows NULL.
_CHECKS = {
    "T": lambda v: isinstance(v, str),
    "I": lambda v: isinstance(v, int) and not isinstance(v, bool) and -(2**53) < v < 2**53,
    "R": lambda v: isinstance(v, float) and math.isfinite(v),
    "B": lambda v: v in (0, 1) and isinstance(v, int),
}


class BadValue(ValueError):
    """A stored value has the wrong type or shape."""


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    cls: type | None
    columns: dict[str, str]  # column -> kind, in table order, excluding pos
    key: tuple[str, ...]
    parent: str | None = None  # column that names the owning object (nested lists)
    renames: tuple[tuple[str, str], ...] = ()  # (column, model field)
    ordered: bool = True  # has a pos column giving the list's order

    def field(self, column: str) -> str:
        return dict(self.renames).get(column, column)

    def column(self, field_name: str) -> str:
        return {f: c for c, f in self.renames}.get(field_name, field_name)

    def to_row(self, obj: Any, pos: int, parent: str | None = None) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for col, kind in self.columns.items():
            if col == self.parent:
                row[col] = parent
                continue
            value = getattr(obj, self.field(col))
            if kind.startswith("B"):
                value = int(bool(value))
            elif kind.startswith("R") and value is not None:
                value = float(value)
            row[col] = value
        row["pos"] = pos
        return row

    def check(self, row: dict[str, Any]) -> None:
        for col, kind in self.columns.items():
            value = row[col]
            if value is None and kind.endswith("?"):
                continue
            if not _CHECKS[kind[0]](value):
                raise BadValue(f"{self.name}.{col} holds {type(value).__name__} {value!r:.40}")
        if self.ordered and not _CHECKS["I"](row["pos"]):
            raise BadValue(f"{self.name}.pos holds {row['pos']!r:.40}")

    def from_row(self, row: dict[str, Any]) -> Any:
        self.check(row)
        assert self.cls is not None
        wanted = {f.name for f in fields(self.cls)}
        values = {}
        for col, kind in self.columns.items():
            name = self.field(col)
            if name in wanted:
                value = row[col]
                values[name] = bool(value) if kind.startswith("B") else value
        return self.cls(**values)


def _t(name, cls, columns: str, key=("id",), parent=None, renames=(), ordered=True) -> Table:
    cols = {}
    for part in columns.split():
        col, kind = part.split(":")
        cols[col] = kind
    return Table(name, cls, cols, tuple(key), parent, tuple(renames), ordered)


DEPARTMENT = _t("department", m.Department, "id:T name:T color:T?")
PARTICIPANT = _t("participant", m.Participant, "id:T name:T department:T? role:T senior:B")
AGENDA_ITEM = _t("agenda_item", m.AgendaItem, "id:T title:T stage:T? minutes:I actual_minutes:I?")
CLUSTER = _t("cluster", m.Cluster, "id:T title:T x:R y:R w:R h:R")
NOTE = _t(
    "note", m.Note,
    "id:T text:T kind:T department:T? dimension:T? author:T? cluster:T? x:R y:R w:R h:R "
    "color:T? private:B",
)
LINK = _t("link", m.Link, "id:T source:T target:T label:T")
INSTRUMENT = _t("instrument", m.Instrument, "id:T title:T scale:T")
STATEMENT = _t("statement", m.Statement, "id:T instrument:T title:T text:T", parent="instrument")
RESPONSE = _t(
    "response", m.Response,
    "id:T instrument:T statement:T score:I department:T? participant:T? evidence:T private:B",
)
COMPANION = _t("companion", m.Companion, "id:T name:T side:T role:T department:T? note:T")
IMPROVEMENT = _t(
    "improvement", m.Improvement,
    "id:T title:T description:T impact:I? effort:I? status:T accountable:T? measure:T",
)
IMPROVEMENT_NOTE = _t(
    "improvement_note", None, "improvement:T note:T", key=("improvement", "note"),
    parent="improvement",
)
ROADBLOCK = _t("roadblock", None, "improvement:T text:T", key=("improvement", "pos"),
               parent="improvement")
VOTE = _t("vote", m.Vote, "improvement:T participant:T dots:I", key=("improvement", "participant"),
          parent="improvement")
DECISION = _t("decision", m.Decision, "id:T text:T improvement:T? date:T?")
POSITION = _t("position", m.Position, "decision:T department:T stance:T note:T",
              key=("decision", "department"), parent="decision")
CONTRACT_RULE = _t("contract_rule", m.Rule, "id:T text:T")
SIGNATURE = _t("signature", m.Signature, "department:T participant:T? date:T?", key=("department",))
MILESTONE = _t(
    "milestone", m.Milestone,
    "id:T title:T improvement:T? lane:T? start:T end:T owner:T?",
)
MEASURE = _t(
    "measure", m.Measure,
    "id:T name:T unit:T baseline:R? target:R? due:T? owner:T? improvement:T?",
)
COUNCIL_MEMBER = _t("council_member", None, "participant:T", key=("participant",))
COUNCIL_AGENDA_ITEM = _t("council_agenda_item", None, "text:T", key=("pos",))
ACTION = _t("action", m.Action, "id:T text:T owner:T? due:T? status:T improvement:T?")

#: Single-row tables (id = 1) and the model fields they hold.
WORKSHOP = _t(
    "workshop", m.WorkshopInfo,
    "title:T organisation:T date:T? location:T facilitator:T current_stage:T", key=("id",),
)
AMBITION = _t(
    "ambition", m.Ambition,
    "cx_definition:T vision:T destination:T horizon:T? approach:T? programme_name:T", key=("id",),
)
PRIORITIES = _t("priorities", None, "dots_per_participant:I votes_revealed:B preamble:T",
                key=("id",))
BLUEPRINT = _t(
    "blueprint", None,
    "start:T? end:T? operational_cadence:T strategic_cadence:T? chair:T?", key=("id",),
)

LIST_TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        DEPARTMENT, PARTICIPANT, AGENDA_ITEM, CLUSTER, NOTE, LINK, INSTRUMENT, STATEMENT,
        RESPONSE, COMPANION, IMPROVEMENT, IMPROVEMENT_NOTE, ROADBLOCK, VOTE, DECISION, POSITION,
        CONTRACT_RULE, SIGNATURE, MILESTONE, MEASURE, COUNCIL_MEMBER, COUNCIL_AGENDA_ITEM, ACTION,
    )
}
SINGLE_TABLES: dict[str, Table] = {t.name: t for t in (WORKSHOP, AMBITION, PRIORITIES, BLUEPRINT)}

#: Tables of the session file that are not part of the interchange format (the board's state).
BOARD = _t("board", None, "arrangement:T capture_draft:T secret_ballot:B", key=("id",))
FREE_LAYOUT = _t("free_layout", None, "note:T x:R y:R", key=("note",), ordered=False)
EXTRA_TABLES: dict[str, Table] = {t.name: t for t in (BOARD, FREE_LAYOUT)}

#: Tables whose rows are objects with an id of their own (ids are unique across all of them).
ID_TABLES = tuple(name for name, t in LIST_TABLES.items() if t.key == ("id",))

#: Who points at an object of a table: (table, column, what deleting the target does to them).
#: "null" clears the reference; "delete" removes the pointing row too (its meaning was the link);
#: "null-or-delete:COLUMN" clears it if the row's COLUMN names something, else removes the row
#: (a response needs a department or a participant; either one will do).
REFERENCES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "department": (
        ("participant", "department", "null"), ("note", "department", "null"),
        ("response", "department", "null-or-delete:participant"), ("companion", "department", "null"),
        ("position", "department", "delete"), ("signature", "department", "delete"),
        ("milestone", "lane", "null"),
    ),
    "participant": (
        ("note", "author", "null"), ("response", "participant", "null-or-delete:department"),
        ("improvement", "accountable", "null"), ("vote", "participant", "delete"),
        ("signature", "participant", "null"), ("milestone", "owner", "null"),
        ("measure", "owner", "null"), ("blueprint", "chair", "null"),
        ("council_member", "participant", "delete"), ("action", "owner", "null"),
    ),
    "cluster": (("note", "cluster", "null"),),
    "note": (
        ("link", "source", "delete"), ("link", "target", "delete"),
        ("improvement_note", "note", "delete"), ("free_layout", "note", "delete"),
    ),
    "instrument": (("statement", "instrument", "delete"), ("response", "instrument", "delete")),
    "statement": (("response", "statement", "delete"),),
    "improvement": (
        ("improvement_note", "improvement", "delete"), ("roadblock", "improvement", "delete"),
        ("vote", "improvement", "delete"), ("decision", "improvement", "null"),
        ("milestone", "improvement", "null"), ("measure", "improvement", "null"),
        ("action", "improvement", "null"),
    ),
    "decision": (("position", "decision", "delete"),),
}


def table(name: str) -> Table:
    try:
        return LIST_TABLES.get(name) or SINGLE_TABLES.get(name) or EXTRA_TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r} in the session file") from None


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
