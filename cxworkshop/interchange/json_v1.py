"""INTERCHANGE v1: one workshop as a JSON document, and back, without loss.

Reading goes header (format, version) -> JSON Schema (shipped in cxworkshop/resources) ->
model dataclasses -> `cxworkshop.model.check()`; the first problem found is refused with an
`InterchangeError` whose message is one sentence naming the file and the JSON path. Writing
puts every field, absent ones with their defaults, in the key order of the specification.
Nothing here runs at import time and nothing imports Qt.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import model as m
from .messages import (
    FileProblem,
    JsonPath,
    describe_error,
    error_order,
    first_text_problem,
    kind,
    parse_json,
    phrase,
    read_file,
    render,
    show,
)
from .schema import FORMAT, VERSION, validator


class InterchangeError(FileProblem):
    """A document cannot be read or written. `str()` is one sentence naming the file, the JSON
    path (when there is one, such as `$.discover.notes[2].kind`) and the first problem."""


# --------------------------------------------------------------------------- reading


def load_json(path: str | os.PathLike[str]) -> m.Workshop:
    """Read and check an interchange document; raise `InterchangeError` for any problem."""
    source = os.fspath(path)
    data = read_file(source, InterchangeError)
    return loads(data, source)


def loads(text: str | bytes, source: str = "<document>") -> m.Workshop:
    """Parse JSON text (str, or UTF-8 bytes; a leading byte-order mark is allowed) and check it."""
    doc = parse_json(text, source, InterchangeError, "the file is empty, not a JSON document")
    return from_document(doc, source)


def from_document(doc: object, source: str) -> m.Workshop:
    """Check a parsed JSON document and build the workshop it describes.

    `source` names the document in messages (usually its file name). Raises `InterchangeError`
    with the first problem: header, repeated keys and broken text, schema, then the model's
    rules.
    """
    _check_header(doc, source)
    assert isinstance(doc, dict)
    bad = first_text_problem(doc)
    if bad is not None:
        raise InterchangeError(source, bad[1], render(bad[0]))
    errors = list(validator().iter_errors(doc))
    if errors:
        first = min(errors, key=lambda e: error_order(doc, e))
        path, problem = describe_error(doc, first)
        raise InterchangeError(source, problem, path)
    try:
        workshop = _Reader().workshop(doc)
    except _BadValue as exc:
        problem = f"{phrase(doc, exc.where)} {exc.problem}"
        raise InterchangeError(source, problem, render(exc.where)) from None
    try:
        m.check(workshop)
    except m.WorkshopInvalid as exc:
        raise InterchangeError(source, exc.problem.message, exc.problem.path) from None
    return workshop


def _check_header(doc: object, source: str) -> None:
    if not isinstance(doc, dict):
        raise InterchangeError(source, f"the document is {kind(doc)}, not a JSON object with "
                                       f'"format": "{FORMAT}" and "version": {VERSION}')
    if "format" not in doc:
        raise InterchangeError(source, f'the document has no "format", so it is not a CX Workshop '
                                       f'interchange document (they start with "format": "{FORMAT}")')
    if doc["format"] != FORMAT:
        raise InterchangeError(source, f"the format is {show(doc['format'])}, so this is not a CX "
                                       f'Workshop interchange document (expected "{FORMAT}")', "$.format")
    if "version" not in doc:
        raise InterchangeError(source, f'the document has no "version" (this program reads version '
                                       f"{VERSION})")
    version = doc["version"]
    if isinstance(version, float) and version.is_integer():
        version = int(version)
    if isinstance(version, bool) or not isinstance(version, int):
        raise InterchangeError(source, f"the version is {show(doc['version'])}, not a whole number",
                               "$.version")
    if version > VERSION:
        raise InterchangeError(
            source,
            f"the document is in interchange format version {version}, newer than this CX Workshop "
            f"reads (version {VERSION}); open it with a newer CX Workshop",
            "$.version",
        )
    if version < VERSION:
        raise InterchangeError(source, f"the version is {version}; the first version of the format "
                                       f"is {VERSION}", "$.version")


class _BadValue(Exception):
    def __init__(self, where: JsonPath, problem: str):
        super().__init__(problem)
        self.where = where
        self.problem = problem


class _Reader:
    """Builds model objects from a document the schema has passed: types and keys are right."""

    def workshop(self, d: dict) -> m.Workshop:
        info = d.get("workshop", {})
        disc = d.get("discover", {})
        diag = d.get("diagnostics", {})
        amb = d.get("ambition", {})
        pri = d.get("priorities", {})
        bp = d.get("blueprint", {})
        return m.Workshop(
            workshop=m.WorkshopInfo(**info),
            departments=[m.Department(**x) for x in d.get("departments", [])],
            participants=[m.Participant(**x) for x in d.get("participants", [])],
            agenda=[self.agenda_item(x) for x in d.get("agenda", [])],
            discover=m.Discover(
                notes=[self.note(x, ("discover", "notes", i)) for i, x in enumerate(disc.get("notes", []))],
                clusters=[self.cluster(x, ("discover", "clusters", i))
                          for i, x in enumerate(disc.get("clusters", []))],
                links=[m.Link(id=x["id"], source=x["from"], target=x["to"], label=x.get("label", ""))
                       for x in disc.get("links", [])],
            ),
            diagnostics=m.Diagnostics(
                instruments=[self.instrument(x) for x in diag.get("instruments", [])],
                responses=[self.response(x) for x in diag.get("responses", [])],
            ),
            ambition=m.Ambition(
                **{k: v for k, v in amb.items() if k != "companions"},
                companions=[m.Companion(**x) for x in amb.get("companions", [])],
            ),
            priorities=self.priorities(pri),
            blueprint=self.blueprint(bp),
            actions=[m.Action(**x) for x in d.get("actions", [])],
        )

    @staticmethod
    def agenda_item(x: dict) -> m.AgendaItem:
        return m.AgendaItem(**_ints(x, "minutes", "actual_minutes"))

    @staticmethod
    def note(x: dict, where: JsonPath) -> m.Note:
        return m.Note(**_floats(x, where, "x", "y", "w", "h"))

    @staticmethod
    def cluster(x: dict, where: JsonPath) -> m.Cluster:
        return m.Cluster(**_floats(x, where, "x", "y", "w", "h"))

    @staticmethod
    def instrument(x: dict) -> m.Instrument:
        return m.Instrument(
            **{k: v for k, v in x.items() if k != "statements"},
            statements=[m.Statement(**s) for s in x.get("statements", [])],
        )

    @staticmethod
    def response(x: dict) -> m.Response:
        return m.Response(**_ints(x, "score"))

    def priorities(self, p: dict) -> m.Priorities:
        sc = p.get("social_contract", {})
        return m.Priorities(
            **_ints({k: v for k, v in p.items()
                     if k in ("dots_per_participant", "votes_revealed")}, "dots_per_participant"),
            improvements=[self.improvement(x) for x in p.get("improvements", [])],
            decisions=[
                m.Decision(**{k: v for k, v in x.items() if k != "positions"},
                           positions=[m.Position(**y) for y in x.get("positions", [])])
                for x in p.get("decisions", [])
            ],
            social_contract=m.SocialContract(
                preamble=sc.get("preamble", ""),
                rules=[m.Rule(**r) for r in sc.get("rules", [])],
                signatures=[m.Signature(**s) for s in sc.get("signatures", [])],
            ),
        )

    @staticmethod
    def improvement(x: dict) -> m.Improvement:
        plain = {k: v for k, v in x.items() if k not in ("notes", "roadblocks", "votes")}
        return m.Improvement(
            **_ints(plain, "impact", "effort"),
            notes=list(x.get("notes", [])),
            roadblocks=list(x.get("roadblocks", [])),
            votes=[m.Vote(**_ints(v, "dots")) for v in x.get("votes", [])],
        )

    @staticmethod
    def blueprint(b: dict) -> m.Blueprint:
        co = b.get("council", {})
        return m.Blueprint(
            start=b.get("start"),
            end=b.get("end"),
            milestones=[m.Milestone(**x) for x in b.get("milestones", [])],
            measures=[m.Measure(**_floats(x, ("blueprint", "measures", i), "baseline", "target"))
                      for i, x in enumerate(b.get("measures", []))],
            council=m.Council(
                **{k: v for k, v in co.items() if k not in ("members", "agenda")},
                members=list(co.get("members", [])),
                agenda=list(co.get("agenda", [])),
            ),
        )


def _ints(x: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """JSON Schema counts 3.0 as an integer; the model keeps ints as ints."""
    out = dict(x)
    for k in keys:
        if isinstance(out.get(k), float):
            out[k] = int(out[k])
    return out


def _floats(x: Mapping[str, Any], where: JsonPath, *keys: str) -> dict[str, Any]:
    """The model keeps these as floats; a whole number no float equals exactly (beyond ±2**53,
    such as 9007199254740993) is refused, or export would not give it back."""
    out = dict(x)
    for k in keys:
        v = out.get(k)
        if v is not None and k in out:
            try:
                out[k] = float(v)
            except OverflowError:
                raise _BadValue(where + (k,), f"is {show(v)}, too large for a number") from None
            if isinstance(v, int) and int(out[k]) != v:
                raise _BadValue(where + (k,), f"is {show(v)}, too large to keep exactly")
    return out


# --------------------------------------------------------------------------- writing


def to_document(workshop: m.Workshop) -> dict[str, Any]:
    """The whole workshop as a JSON-ready dict: every field, in the specification's key order."""
    w = workshop
    info = w.workshop
    am, pr, bp = w.ambition, w.priorities, w.blueprint
    sc, co = pr.social_contract, bp.council
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": {
            "title": info.title, "organisation": info.organisation, "date": info.date,
            "location": info.location, "facilitator": info.facilitator,
            "current_stage": info.current_stage,
        },
        "departments": [{"id": d.id, "name": d.name, "color": d.color} for d in w.departments],
        "participants": [
            {"id": p.id, "name": p.name, "department": p.department, "role": p.role, "senior": p.senior}
            for p in w.participants
        ],
        "agenda": [
            {"id": a.id, "title": a.title, "stage": a.stage, "minutes": a.minutes,
             "actual_minutes": a.actual_minutes}
            for a in w.agenda
        ],
        "discover": {
            "notes": [
                {"id": n.id, "text": n.text, "kind": n.kind, "department": n.department,
                 "dimension": n.dimension, "author": n.author, "cluster": n.cluster,
                 "x": float(n.x), "y": float(n.y), "w": float(n.w), "h": float(n.h),
                 "color": n.color, "private": n.private}
                for n in w.discover.notes
            ],
            "clusters": [
                {"id": c.id, "title": c.title, "x": float(c.x), "y": float(c.y), "w": float(c.w),
                 "h": float(c.h)}
                for c in w.discover.clusters
            ],
            "links": [
                {"id": lk.id, "from": lk.source, "to": lk.target, "label": lk.label}
                for lk in w.discover.links
            ],
        },
        "diagnostics": {
            "instruments": [
                {"id": i.id, "title": i.title, "scale": i.scale,
                 "statements": [{"id": s.id, "title": s.title, "text": s.text} for s in i.statements]}
                for i in w.diagnostics.instruments
            ],
            "responses": [
                {"id": r.id, "instrument": r.instrument, "statement": r.statement,
                 "department": r.department, "participant": r.participant, "score": r.score,
                 "evidence": r.evidence, "private": r.private}
                for r in w.diagnostics.responses
            ],
        },
        "ambition": {
            "cx_definition": am.cx_definition, "vision": am.vision, "destination": am.destination,
            "horizon": am.horizon, "approach": am.approach, "programme_name": am.programme_name,
            "companions": [
                {"id": c.id, "name": c.name, "side": c.side, "role": c.role,
                 "department": c.department, "note": c.note}
                for c in am.companions
            ],
        },
        "priorities": {
            "dots_per_participant": pr.dots_per_participant,
            "votes_revealed": pr.votes_revealed,
            "improvements": [
                {"id": i.id, "title": i.title, "description": i.description, "notes": list(i.notes),
                 "impact": i.impact, "effort": i.effort, "status": i.status,
                 "accountable": i.accountable, "measure": i.measure,
                 "roadblocks": list(i.roadblocks),
                 "votes": [{"participant": v.participant, "dots": v.dots} for v in i.votes]}
                for i in pr.improvements
            ],
            "decisions": [
                {"id": d.id, "text": d.text, "improvement": d.improvement, "date": d.date,
                 "positions": [{"department": p.department, "stance": p.stance, "note": p.note}
                               for p in d.positions]}
                for d in pr.decisions
            ],
            "social_contract": {
                "preamble": sc.preamble,
                "rules": [{"id": r.id, "text": r.text} for r in sc.rules],
                "signatures": [
                    {"department": s.department, "participant": s.participant, "date": s.date}
                    for s in sc.signatures
                ],
            },
        },
        "blueprint": {
            "start": bp.start,
            "end": bp.end,
            "milestones": [
                {"id": ms.id, "title": ms.title, "improvement": ms.improvement, "lane": ms.lane,
                 "start": ms.start, "end": ms.end, "owner": ms.owner}
                for ms in bp.milestones
            ],
            "measures": [
                {"id": k.id, "name": k.name, "unit": k.unit, "baseline": _opt_float(k.baseline),
                 "target": _opt_float(k.target), "due": k.due, "owner": k.owner,
                 "improvement": k.improvement}
                for k in bp.measures
            ],
            "council": {
                "operational_cadence": co.operational_cadence,
                "strategic_cadence": co.strategic_cadence,
                "chair": co.chair,
                "members": list(co.members),
                "agenda": list(co.agenda),
            },
        },
        "actions": [
            {"id": a.id, "text": a.text, "owner": a.owner, "due": a.due, "status": a.status,
             "improvement": a.improvement}
            for a in w.actions
        ],
    }


def _opt_float(v: float | None) -> float | None:
    return None if v is None else float(v)


def dumps(workshop: m.Workshop) -> str:
    """The document as text: UTF-8-ready (non-ASCII kept as is), indented by 2, final newline."""
    return json.dumps(to_document(workshop), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def dump_json(workshop: m.Workshop, path: str | os.PathLike[str]) -> None:
    """Write the document to `path` atomically: a temporary file beside it, flushed to disk, then
    renamed over it. Either the old file or the whole new one is there, never half of one.
    Raises `InterchangeError` naming `path` when it cannot be written."""
    data = dumps(workshop).encode("utf-8")
    dest = Path(path)
    source = os.fspath(path)
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise InterchangeError(source, f"the file cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if dest.is_file():
            shutil.copymode(dest, tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InterchangeError(source, f"the file cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(dest.parent)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
