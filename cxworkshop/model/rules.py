"""The rules a whole workshop must keep, shared by the JSON importer and the session-file loader.

`problems()` walks a `Workshop` and yields every broken rule with a JSON path, so the first one
can be reported in a single sentence ("$.discover.notes[3].department: ..."). Types are assumed
right (the JSON Schema and STRICT tables see to those); this checks values, references and the
cross-field rules of INTERCHANGE v1.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import vocabulary as V
from .workshop import Workshop

# Patterns are compiled on first use (re.match caches them), not at import: start-up is short.
_COLOUR = r"^#[0-9a-fA-F]{6}$"
_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
_DATE = r"^\d{4}-\d{2}-\d{2}$"
#: Whole numbers beyond this cannot be kept exactly (JSON readers, SQLite's REAL arithmetic).
MAX_WHOLE = 2**53 - 1


@dataclass(slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class WorkshopInvalid(ValueError):
    """A workshop breaks one of the format's rules; `problem` is the first one found."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def is_date(value: object) -> bool:
    if not isinstance(value, str) or not re.match(_DATE, value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_month(value: object) -> bool:
    return isinstance(value, str) and bool(re.match(_MONTH, value))


def is_colour(value: object) -> bool:
    return isinstance(value, str) and bool(re.match(_COLOUR, value))


def check(workshop: Workshop) -> None:
    """Raise `WorkshopInvalid` with the first problem, if there is one."""
    for problem in problems(workshop):
        raise WorkshopInvalid(problem)


def problems(w: Workshop) -> Iterator[Problem]:
    yield from _ids(w)
    dept = {d.id for d in w.departments}
    people = {p.id for p in w.participants}
    notes = {n.id for n in w.discover.notes}
    clusters = {c.id for c in w.discover.clusters}
    improvements = {i.id for i in w.priorities.improvements}

    def ref(path: str, what: str, value: str | None, known: set[str], kind: str) -> Iterator[Problem]:
        if value is not None and value not in known:
            yield Problem(path, f'{what} names {kind} "{value}", which does not exist')

    def enum(path: str, what: str, value: object, allowed: Iterable[str], nullable=False):
        if value is None and nullable:
            return
        allowed = tuple(allowed)
        if value not in allowed:
            yield Problem(path, f'{what} is "{value}"; expected one of {", ".join(allowed)}')

    def date(path: str, what: str, value: object):
        if value is not None and not is_date(value):
            yield Problem(path, f'{what} is "{value}", not a date like 2027-03-31')

    def month(path: str, what: str, value: object):
        if value is not None and not is_month(value):
            yield Problem(path, f'{what} is "{value}", not a month like 2027-03')

    info = w.workshop
    yield from date("$.workshop.date", "the workshop date", info.date)
    yield from enum("$.workshop.current_stage", "the current stage", info.current_stage, V.STAGES)

    for i, d in enumerate(w.departments):
        p = f"$.departments[{i}]"
        if not d.name.strip():
            yield Problem(f"{p}.name", f'department "{d.id}" has no name')
        if d.color is not None and not is_colour(d.color):
            yield Problem(f"{p}.color", f'department "{d.id}" has colour "{d.color}", not #rrggbb')

    for i, x in enumerate(w.participants):
        p = f"$.participants[{i}]"
        if not x.name.strip():
            yield Problem(f"{p}.name", f'participant "{x.id}" has no name')
        yield from ref(f"{p}.department", f'participant "{x.id}"', x.department, dept, "department")

    for i, a in enumerate(w.agenda):
        p = f"$.agenda[{i}]"
        yield from enum(f"{p}.stage", f'agenda item "{a.id}" stage', a.stage, V.STAGES, True)
        for key, val in (("minutes", a.minutes), ("actual_minutes", a.actual_minutes)):
            if val is not None and not 0 <= val <= MAX_WHOLE:
                yield Problem(f"{p}.{key}", f'agenda item "{a.id}" has {key.replace("_", " ")} '
                              f"{val}, outside 0–{MAX_WHOLE}")

    for i, n in enumerate(w.discover.notes):
        p = f"$.discover.notes[{i}]"
        what = f'note "{n.id}"'
        yield from enum(f"{p}.kind", f"{what} kind", n.kind, V.NOTE_KINDS)
        yield from enum(f"{p}.dimension", f"{what} dimension", n.dimension, V.DIMENSIONS, True)
        yield from ref(f"{p}.department", what, n.department, dept, "department")
        yield from ref(f"{p}.author", what, n.author, people, "participant")
        yield from ref(f"{p}.cluster", what, n.cluster, clusters, "cluster")
        yield from _geometry(p, what, n.x, n.y, n.w, n.h)
        if n.color is not None and not is_colour(n.color):
            yield Problem(f"{p}.color", f'{what} has colour "{n.color}", not #rrggbb')
    for i, c in enumerate(w.discover.clusters):
        p = f"$.discover.clusters[{i}]"
        yield from _geometry(p, f'cluster "{c.id}"', c.x, c.y, c.w, c.h)
    for i, lk in enumerate(w.discover.links):
        p = f"$.discover.links[{i}]"
        yield from ref(f"{p}.from", f'link "{lk.id}"', lk.source, notes, "note")
        yield from ref(f"{p}.to", f'link "{lk.id}"', lk.target, notes, "note")

    statements_of: dict[str, set[str]] = {}
    scale_of: dict[str, str] = {}
    for i, ins in enumerate(w.diagnostics.instruments):
        p = f"$.diagnostics.instruments[{i}]"
        yield from enum(f"{p}.scale", f'instrument "{ins.id}" scale', ins.scale, V.SCALES)
        statements_of[ins.id] = {s.id for s in ins.statements}
        scale_of[ins.id] = ins.scale
    for i, r in enumerate(w.diagnostics.responses):
        p = f"$.diagnostics.responses[{i}]"
        what = f'response "{r.id}"'
        yield from ref(f"{p}.instrument", what, r.instrument, set(statements_of), "instrument")
        if r.instrument in statements_of and r.statement not in statements_of[r.instrument]:
            yield Problem(
                f"{p}.statement",
                f'{what} names statement "{r.statement}", which instrument "{r.instrument}" '
                "does not have",
            )
        yield from ref(f"{p}.department", what, r.department, dept, "department")
        yield from ref(f"{p}.participant", what, r.participant, people, "participant")
        if r.department is None and r.participant is None:
            yield Problem(p, f"{what} names neither a department nor a participant")
        lo, hi = V.SCALE_RANGES.get(scale_of.get(r.instrument, ""), (None, None))
        if lo is not None and not (lo <= r.score <= hi):
            yield Problem(f"{p}.score", f"{what} scores {r.score}, outside its scale {lo}–{hi}")

    am = w.ambition
    yield from date("$.ambition.horizon", "the horizon", am.horizon)
    yield from enum("$.ambition.approach", "the approach", am.approach, V.APPROACHES, True)
    for i, c in enumerate(am.companions):
        p = f"$.ambition.companions[{i}]"
        what = f'companion "{c.id}"'
        yield from enum(f"{p}.side", f"{what} side", c.side, V.COMPANION_SIDES)
        yield from enum(f"{p}.role", f"{what} role", c.role, V.COMPANION_ROLES)
        yield from ref(f"{p}.department", what, c.department, dept, "department")

    pr = w.priorities
    if not 0 <= pr.dots_per_participant <= MAX_WHOLE:
        yield Problem("$.priorities.dots_per_participant",
                      f"the dot budget is {pr.dots_per_participant}, outside 0–{MAX_WHOLE}")
    spent: dict[str, int] = {}
    for i, imp in enumerate(pr.improvements):
        p = f"$.priorities.improvements[{i}]"
        what = f'improvement "{imp.id}"'
        for j, nid in enumerate(imp.notes):
            yield from ref(f"{p}.notes[{j}]", what, nid, notes, "note")
        yield from _unique(f"{p}.notes", what, "note", imp.notes)
        for key, val in (("impact", imp.impact), ("effort", imp.effort)):
            if val is not None and not (1 <= val <= 5):
                yield Problem(f"{p}.{key}", f"{what} has {key} {val}, outside 1–5")
        yield from enum(f"{p}.status", f"{what} status", imp.status, V.IMPROVEMENT_STATUSES)
        yield from ref(f"{p}.accountable", what, imp.accountable, people, "participant")
        for j, v in enumerate(imp.votes):
            yield from ref(f"{p}.votes[{j}].participant", what, v.participant, people, "participant")
            if not 1 <= v.dots <= MAX_WHOLE:
                yield Problem(f"{p}.votes[{j}].dots", f"{what} has a vote of {v.dots} dots; at least 1")
            spent[v.participant] = spent.get(v.participant, 0) + v.dots
        yield from _unique(f"{p}.votes", what, "voter", [v.participant for v in imp.votes])
    for pid, dots in spent.items():
        if dots > pr.dots_per_participant:
            yield Problem(
                "$.priorities.improvements",
                f'participant "{pid}" casts {dots} dots, over the budget of '
                f"{pr.dots_per_participant}",
            )
    for i, dec in enumerate(pr.decisions):
        p = f"$.priorities.decisions[{i}]"
        what = f'decision "{dec.id}"'
        yield from ref(f"{p}.improvement", what, dec.improvement, improvements, "improvement")
        yield from date(f"{p}.date", f"{what} date", dec.date)
        for j, pos in enumerate(dec.positions):
            yield from ref(f"{p}.positions[{j}].department", what, pos.department, dept, "department")
            yield from enum(f"{p}.positions[{j}].stance", f"{what} stance", pos.stance, V.STANCES)
        yield from _unique(f"{p}.positions", what, "department", [x.department for x in dec.positions])
    sc = pr.social_contract
    for j, s in enumerate(sc.signatures):
        p = f"$.priorities.social_contract.signatures[{j}]"
        yield from ref(f"{p}.department", "a signature", s.department, dept, "department")
        yield from ref(f"{p}.participant", "a signature", s.participant, people, "participant")
        yield from date(f"{p}.date", "a signature date", s.date)
    yield from _unique(
        "$.priorities.social_contract.signatures", "the social contract", "department",
        [s.department for s in sc.signatures],
    )

    bp = w.blueprint
    yield from month("$.blueprint.start", "the blueprint start", bp.start)
    yield from month("$.blueprint.end", "the blueprint end", bp.end)
    for i, m in enumerate(bp.milestones):
        p = f"$.blueprint.milestones[{i}]"
        what = f'milestone "{m.id}"'
        yield from month(f"{p}.start", f"{what} start", m.start)
        yield from month(f"{p}.end", f"{what} end", m.end)
        if is_month(m.start) and is_month(m.end) and m.end < m.start:
            yield Problem(f"{p}.end", f"{what} ends ({m.end}) before it starts ({m.start})")
        yield from ref(f"{p}.improvement", what, m.improvement, improvements, "improvement")
        yield from ref(f"{p}.lane", what, m.lane, dept, "department")
        yield from ref(f"{p}.owner", what, m.owner, people, "participant")
    for i, k in enumerate(bp.measures):
        p = f"$.blueprint.measures[{i}]"
        what = f'measure "{k.id}"'
        for key, val in (("baseline", k.baseline), ("target", k.target)):
            if val is not None and not math.isfinite(val):
                yield Problem(f"{p}.{key}", f"{what} {key} is not a finite number")
        yield from date(f"{p}.due", f"{what} due date", k.due)
        yield from ref(f"{p}.owner", what, k.owner, people, "participant")
        yield from ref(f"{p}.improvement", what, k.improvement, improvements, "improvement")
    co = bp.council
    yield from enum("$.blueprint.council.operational_cadence", "the operational cadence",
                    co.operational_cadence, V.CADENCES)
    yield from enum("$.blueprint.council.strategic_cadence", "the strategic cadence",
                    co.strategic_cadence, V.CADENCES, True)
    yield from ref("$.blueprint.council.chair", "the council", co.chair, people, "participant")
    for j, mid in enumerate(co.members):
        yield from ref(f"$.blueprint.council.members[{j}]", "the council", mid, people, "participant")
    yield from _unique("$.blueprint.council.members", "the council", "member", co.members)

    for i, a in enumerate(w.actions):
        p = f"$.actions[{i}]"
        what = f'action "{a.id}"'
        yield from ref(f"{p}.owner", what, a.owner, people, "participant")
        yield from date(f"{p}.due", f"{what} due date", a.due)
        yield from enum(f"{p}.status", f"{what} status", a.status, V.ACTION_STATUSES)
        yield from ref(f"{p}.improvement", what, a.improvement, improvements, "improvement")


def id_paths(w: Workshop) -> Iterator[tuple[str, str]]:
    """Every object id in the workshop with its JSON path, in document order."""
    lists = [
        ("$.departments", w.departments),
        ("$.participants", w.participants),
        ("$.agenda", w.agenda),
        ("$.discover.notes", w.discover.notes),
        ("$.discover.clusters", w.discover.clusters),
        ("$.discover.links", w.discover.links),
        ("$.diagnostics.instruments", w.diagnostics.instruments),
    ]
    for base, items in lists:
        for i, obj in enumerate(items):
            yield f"{base}[{i}].id", obj.id
    for i, ins in enumerate(w.diagnostics.instruments):
        for j, s in enumerate(ins.statements):
            yield f"$.diagnostics.instruments[{i}].statements[{j}].id", s.id
    more = [
        ("$.diagnostics.responses", w.diagnostics.responses),
        ("$.ambition.companions", w.ambition.companions),
        ("$.priorities.improvements", w.priorities.improvements),
        ("$.priorities.decisions", w.priorities.decisions),
        ("$.priorities.social_contract.rules", w.priorities.social_contract.rules),
        ("$.blueprint.milestones", w.blueprint.milestones),
        ("$.blueprint.measures", w.blueprint.measures),
        ("$.actions", w.actions),
    ]
    for base, items in more:
        for i, obj in enumerate(items):
            yield f"{base}[{i}].id", obj.id


def _ids(w: Workshop) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, oid in id_paths(w):
        if not oid:
            yield Problem(path, "an id is empty")
        elif oid in seen:
            yield Problem(path, f'id "{oid}" is used twice (first at {seen[oid]})')
        else:
            seen[oid] = path


def _geometry(path: str, what: str, x: float, y: float, w: float, h: float) -> Iterator[Problem]:
    for key, val in (("x", x), ("y", y), ("w", w), ("h", h)):
        if not math.isfinite(val):
            yield Problem(f"{path}.{key}", f"{what} has a {key} that is not a finite number")
    if w <= 0 or h <= 0:
        yield Problem(f"{path}.w" if w <= 0 else f"{path}.h", f"{what} has a size that is not positive")


def _unique(path: str, what: str, kind: str, values: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            yield Problem(path, f'{what} names {kind} "{v}" twice')
        seen.add(v)
