"""Verbs of the Discover board: notes, clusters, links and arrangements.

Every verb runs in one transaction and returns a `Batch` of the rows it changed, so a gesture
that moves thirty notes is one undo step and one commit. Cluster membership follows geometry:
a note belongs to the topmost cluster whose frame holds the note's centre, and moving a frame
moves its notes. While the board is arranged in lanes the frames are put aside (membership is
kept) until "restore free layout" puts every note back where it stood.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import board as B
from ..model import rules
from ..model import vocabulary as V
from ..model.workshop import Department, Note
from ..store import Session
from ..store import rows as R
from ..store import tables as T
from .batch import Batch, Recorder, update_one
from .core import OpError, id_for_new, new_id, text

SECTION = "discover"
ARRANGEMENTS = ("free", "departments", "dimensions")
NOTE_FIELDS = ("text", "kind", "department", "dimension", "author", "color", "private")
DUPLICATE_OFFSET = 24.0


def arrangement(session: Session) -> str:
    """How the board is laid out now: "free", "departments" or "dimensions"."""
    row = session.conn.execute("SELECT arrangement FROM board WHERE id = 1").fetchone()
    return row[0] if row and row[0] in ARRANGEMENTS else "free"


DRAFT_KEYS = ("text", "department", "kind", "dimension", "author")


def capture_draft(session: Session) -> dict[str, Any]:
    """What was typed in the capture bar and not yet added, with the bar's choices then:
    {"text", "department", "kind", "dimension", "author"}; {} when nothing was."""
    row = session.conn.execute("SELECT capture_draft FROM board WHERE id = 1").fetchone()
    try:
        draft = json.loads(row[0]) if row and row[0] else {}
    except ValueError:
        return {}  # not ours to fail over: a draft is a convenience
    if not isinstance(draft, dict) or not isinstance(draft.get("text"), str):
        return {}
    return {k: draft.get(k) for k in DRAFT_KEYS}


def keep_capture_draft(session: Session, draft: Mapping[str, Any]) -> None:
    """Keep the capture bar's text, and what its choosers said, in the file at each keystroke,
    so that a crash loses nothing that was on screen. It is not an edit of the workshop: no
    undo step; and an empty bar keeps nothing, so a file whose notes were all added (or whose
    edits were all undone) is exactly what it was."""
    typed = text(draft.get("text", ""), "capture bar's text")
    value = json.dumps({k: draft.get(k) for k in DRAFT_KEYS}, ensure_ascii=False) \
        if typed else ""
    row = session.conn.execute("SELECT capture_draft FROM board WHERE id = 1").fetchone()
    if row is not None and row[0] != value:
        with session.atomic() as conn:
            conn.execute("UPDATE board SET capture_draft = ? WHERE id = 1", (value,))


def _number(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise OpError(f"The {what} must be a number.")
    return float(value)


def _size(value: object, what: str) -> float:
    number = _number(value, what)
    if number <= 0:
        raise OpError(f"The {what} must be more than zero.")
    return number


def _choice(value: object, allowed: tuple[str, ...], what: str, *, optional: bool) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise OpError(f"{value!r} is not a {what}; choose one of {', '.join(allowed)}.")
    return str(value)


def _reference(session: Session, table: str, value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or R.get(session.conn, table, {"id": value}) is None:
        raise OpError(f'There is no {what} "{value}" in this workshop.')
    return value


def _note_values(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "text":
            out[key] = text(value, "note's text", required=True).strip()
        elif key == "kind":
            out[key] = _choice(value, V.NOTE_KINDS, "kind of note", optional=False)
        elif key == "dimension":
            out[key] = _choice(value, V.DIMENSIONS, "dimension", optional=True)
        elif key == "department":
            out[key] = _reference(session, "department", value, "department")
        elif key == "author":
            out[key] = _reference(session, "participant", value, "participant")
        elif key == "color":
            if value is not None and not rules.is_colour(value):
                raise OpError(f"{value!r} is not a colour; write it like #0072B2.")
            out[key] = value
        elif key == "private":
            out[key] = int(bool(value))
        else:
            raise OpError(f"A note has no detail called {key!r}.")
    return out


# -- reading what the verbs need -----------------------------------------------------------------


def _departments(session: Session) -> list[Department]:
    return [T.DEPARTMENT.from_row(r) for r in _rows(session, "department", "ORDER BY pos")]


def _rows(session: Session, table: str, tail: str = "", args: tuple = ()) -> list[dict[str, Any]]:
    cur = session.conn.execute(f"SELECT * FROM {T.quote(table)} {tail}", args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _notes(session: Session) -> list[Note]:
    return [T.NOTE.from_row(r) for r in _rows(session, "note", "ORDER BY pos")]


def _most_in_a_lane(session: Session, column: str) -> int:
    row = session.conn.execute(
        f"SELECT max(c) FROM (SELECT count(*) AS c FROM note GROUP BY {column})").fetchone()
    return row[0] or 0


def _widest(session: Session) -> float:
    return session.conn.execute("SELECT max(w) FROM note").fetchone()[0] or B.NOTE_W


def lanes(session: Session) -> list[B.Lane]:
    """The board's lanes now: by dimension when arranged so, else by department (the free
    layout keeps department lanes as the places captured notes land)."""
    if arrangement(session) == "dimensions":
        return B.dimension_lanes(_most_in_a_lane(session, "dimension"), _widest(session))
    return B.department_lanes(_departments(session), _most_in_a_lane(session, "department"),
                              _widest(session))


def _lane_for(session: Session, department: str | None, dimension: str | None) -> B.Lane:
    """The lane a new note goes to, in the board's current arrangement."""
    every = lanes(session)
    keys = {lane.key for lane in every}
    key = dimension if arrangement(session) == "dimensions" else department
    key = key if key in keys else B.NO_DEPARTMENT
    return next(lane for lane in every if lane.key == key)


def free_spot(session: Session, department: str | None, dimension: str | None = None,
              w: float = B.NOTE_W, h: float = B.NOTE_H) -> tuple[float, float]:
    """Where a new note of `department` lands: the first free cell of its lane, clear of other
    notes and of cluster frames (a captured note should not join a cluster by accident)."""
    lane = _lane_for(session, department, dimension)
    left, right = lane.x, lane.x + (lane.columns - 1) * B.CELL_W + w  # as far as the note reaches
    occupied = session.conn.execute(
        "SELECT x, y, w, h FROM note WHERE x < ? AND x + w > ?", (right, left)).fetchall()
    if arrangement(session) == "free":
        occupied += session.conn.execute(
            "SELECT x, y, w, h FROM cluster WHERE x < ? AND x + w > ?", (right, left)).fetchall()
    return B.free_spot(lane, occupied, w, h)


def _cluster_at(clusters: list[dict[str, Any]], cx: float, cy: float) -> str | None:
    for c in reversed(clusters):  # topmost first
        if c["x"] <= cx <= c["x"] + c["w"] and c["y"] <= cy <= c["y"] + c["h"]:
            return c["id"]
    return None


def _clusters(session: Session) -> list[dict[str, Any]]:
    return _rows(session, "cluster", "ORDER BY pos")


# -- notes -----------------------------------------------------------------------------------------


def add_note(session: Session, text_: str, department: str | None = None,
             kind: str = "challenge", dimension: str | None = None, author: str | None = None,
             *, x: float | None = None, y: float | None = None, w: float = B.NOTE_W,
             h: float = B.NOTE_H, color: str | None = None, private: bool = False,
             id: str | None = None) -> Batch:
    """Add a note; without x and y it lands in the first free spot of its department's lane."""
    values = _note_values(session, {"text": text_, "kind": kind, "department": department,
                                    "dimension": dimension, "author": author, "color": color,
                                    "private": private})
    w, h = _size(w, "note's width"), _size(h, "note's height")
    if x is None or y is None:
        x, y = free_spot(session, values["department"], values["dimension"], w, h)
    x, y = _number(x, "note's x"), _number(y, "note's y")
    cluster = None
    if arrangement(session) == "free":
        cluster = _cluster_at(_clusters(session), x + w / 2, y + h / 2)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        oid = id_for_new(session, "n", id)
        row = {"id": oid, **values, "cluster": cluster, "x": x, "y": y, "w": w, "h": h}
        Recorder(conn, batch).insert("note", row)
    batch.created.append(oid)
    return batch


def edit_note(session: Session, note: str, **values: Any) -> Batch:
    _require(session, "note", note)
    checked = _note_values(session, values)
    return update_one(session, SECTION, "note", {"id": note}, checked)


def _require(session: Session, table: str, oid: str) -> dict[str, Any]:
    row = R.get(session.conn, table, {"id": oid})
    if row is None:
        what = {"note": "note", "cluster": "cluster", "link": "link"}[table]
        raise OpError(f'There is no {what} "{oid}" on the board.')
    return row


def _kind_of(session: Session, oid: str) -> str | None:
    for table in ("note", "cluster", "link"):
        if session.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (oid,)).fetchone():
            return table
    return None


def move_items(session: Session, places: Mapping[str, tuple[float, float]]) -> Batch:
    """Move notes and cluster frames to new top-left corners, as one step.

    A moved frame takes its notes along (unless they were moved themselves); in the free layout
    a moved note then belongs to the cluster it was dropped in, or to none.
    """
    free = arrangement(session) == "free"
    clusters = _clusters(session)
    frames = {c["id"]: c for c in clusters}
    notes: dict[str, tuple[float, float]] = {}
    moved_frames: dict[str, tuple[float, float]] = {}
    for oid, (x, y) in places.items():
        x, y = _number(x, "x"), _number(y, "y")
        if oid in frames:
            moved_frames[oid] = (x, y)
        elif _kind_of(session, oid) == "note":
            notes[oid] = (x, y)
        else:
            raise OpError(f'There is nothing called "{oid}" on the board to move.')
    for cid, (x, y) in moved_frames.items():
        dx, dy = x - frames[cid]["x"], y - frames[cid]["y"]
        for nid, nx, ny in session.conn.execute(
                "SELECT id, x, y FROM note WHERE cluster = ?", (cid,)).fetchall():
            notes.setdefault(nid, (nx + dx, ny + dy))
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for cid, (x, y) in moved_frames.items():
            rec.update("cluster", {"id": cid}, {"x": x, "y": y})
            frames[cid] = {**frames[cid], "x": x, "y": y}
        ordered = [frames[c["id"]] for c in clusters]
        for nid, (x, y) in notes.items():
            values: dict[str, Any] = {"x": x, "y": y}
            if free:
                w, h = conn.execute("SELECT w, h FROM note WHERE id = ?", (nid,)).fetchone()
                values["cluster"] = _cluster_at(ordered, x + w / 2, y + h / 2)
            rec.update("note", {"id": nid}, values)
    return batch


def set_frame(session: Session, cluster: str, x: float, y: float, w: float, h: float) -> Batch:
    """Move and resize a cluster's frame in one go; notes it now holds join it, notes left
    outside leave it (its notes stay where they are)."""
    _require(session, "cluster", cluster)
    values = {"x": _number(x, "x"), "y": _number(y, "y"),
              "w": _size(w, "cluster's width"), "h": _size(h, "cluster's height")}
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.update("cluster", {"id": cluster}, values)
        if arrangement(session) == "free":
            _regroup(session, rec)
    return batch


def _regroup(session: Session, rec: Recorder) -> None:
    """Give every note the cluster its centre lies in now."""
    clusters = _clusters(session)
    for nid, x, y, w, h, current in session.conn.execute(
            "SELECT id, x, y, w, h, cluster FROM note").fetchall():
        cluster = _cluster_at(clusters, x + w / 2, y + h / 2)
        if cluster != current:
            rec.update("note", {"id": nid}, {"cluster": cluster})


def delete_items(session: Session, ids: Iterable[str]) -> Batch:
    """Delete notes, clusters and links; a deleted note takes its links along, a deleted
    cluster leaves its notes on the board."""
    wanted = list(dict.fromkeys(ids))
    kinds = {}
    for oid in wanted:
        kind = _kind_of(session, oid)
        if kind is None:
            raise OpError(f'There is nothing called "{oid}" on the board to delete.')
        kinds[oid] = kind
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for table in ("link", "cluster", "note"):
            for oid in wanted:
                if kinds[oid] == table and R.get(conn, table, {"id": oid}) is not None:
                    rec.delete(table, {"id": oid})
    return batch


def duplicate_notes(session: Session, ids: Iterable[str], dx: float = DUPLICATE_OFFSET,
                    dy: float = DUPLICATE_OFFSET) -> Batch:
    """Copy notes (on top, a little down and right); links between copied notes are copied."""
    wanted = list(dict.fromkeys(ids))
    rows = [_require(session, "note", oid) for oid in wanted]
    free = arrangement(session) == "free"
    clusters = _clusters(session)
    batch = Batch(SECTION)
    copies: dict[str, str] = {}
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for row in sorted(rows, key=lambda r: r["pos"]):
            oid = new_id(session, "n")
            x, y = row["x"] + dx, row["y"] + dy
            cluster = _cluster_at(clusters, x + row["w"] / 2, y + row["h"] / 2) if free \
                else row["cluster"]
            copy = {k: v for k, v in row.items() if k != "pos"}
            copy.update(id=oid, x=x, y=y, cluster=cluster)
            rec.insert("note", copy)
            if not free:  # in lanes: the copy's free place is beside its original's
                saved = conn.execute("SELECT x, y FROM free_layout WHERE note = ?",
                                     (row["id"],)).fetchone()
                if saved is not None:
                    rec.insert("free_layout", {"note": oid, "x": saved[0] + dx, "y": saved[1] + dy})
            copies[row["id"]] = oid
            batch.created.append(oid)
        for link in _rows(session, "link", "ORDER BY pos"):
            if link["source"] in copies and link["target"] in copies:
                lid = new_id(session, "l")
                rec.insert("link", {"id": lid, "source": copies[link["source"]],
                                    "target": copies[link["target"]], "label": link["label"]})
    return batch


# -- clusters and links -------------------------------------------------------------------------

FRAME_MARGIN = 24.0
FRAME_TITLE = 56.0  # room above the notes for the cluster's name


def add_cluster(session: Session, title: str = "", notes: Iterable[str] = (), *,
                rect: tuple[float, float, float, float] | None = None,
                id: str | None = None) -> Batch:
    """A new cluster framing `notes` (or at `rect`); the notes in it join it. Frames belong to
    the free layout (lanes put them aside), so they are made only there."""
    title = text(title, "cluster's name").strip()
    if arrangement(session) != "free":
        raise OpError("Clusters are made in the free layout: choose Free layout "
                      "(Ctrl+Shift+R), then group the notes.")
    members = [_require(session, "note", n) for n in dict.fromkeys(notes)]
    if rect is None:
        if not members:
            raise OpError("Select the notes to group first, or give the cluster a place.")
        left = min(n["x"] for n in members) - FRAME_MARGIN
        top = min(n["y"] for n in members) - FRAME_MARGIN - FRAME_TITLE
        right = max(n["x"] + n["w"] for n in members) + FRAME_MARGIN
        bottom = max(n["y"] + n["h"] for n in members) + FRAME_MARGIN
        rect = (left, top, right - left, bottom - top)
    x, y = _number(rect[0], "x"), _number(rect[1], "y")
    w, h = _size(rect[2], "cluster's width"), _size(rect[3], "cluster's height")
    batch = Batch(SECTION)
    with session.atomic() as conn:
        oid = id_for_new(session, "c", id)
        rec = Recorder(conn, batch)
        rec.insert("cluster", {"id": oid, "title": title, "x": x, "y": y, "w": w, "h": h})
        for n in members:  # the chosen notes join even where another frame overlaps
            rec.update("note", {"id": n["id"]}, {"cluster": oid})
        if arrangement(session) == "free":
            clusters = _clusters(session)
            chosen = {n["id"] for n in members}
            for nid, nx, ny, nw, nh, current in conn.execute(
                    "SELECT id, x, y, w, h, cluster FROM note WHERE x < ? AND x + w > ? "
                    "AND y < ? AND y + h > ?", (x + w, x, y + h, y)).fetchall():
                if nid not in chosen and _cluster_at(clusters, nx + nw / 2, ny + nh / 2) == oid \
                        and current != oid:
                    rec.update("note", {"id": nid}, {"cluster": oid})
    batch.created.append(oid)
    return batch


def edit_cluster(session: Session, cluster: str, title: str) -> Batch:
    return _set_text(session, "cluster", cluster, "title", title, "cluster's name")


def _set_text(session: Session, table: str, oid: str, column: str, value: str,
              what: str) -> Batch:
    """One text of a cluster or link, trimmed, as one step."""
    _require(session, table, oid)
    return update_one(session, SECTION, table, {"id": oid}, {column: text(value, what).strip()})


def add_link(session: Session, source: str, target: str, label: str = "", *,
             id: str | None = None) -> Batch:
    """An arrow from one note to another; the same arrow twice is refused."""
    _require(session, "note", source)
    _require(session, "note", target)
    if source == target:
        raise OpError("A link goes from one note to another; drag it onto a different note.")
    if session.conn.execute("SELECT 1 FROM link WHERE source = ? AND target = ?",
                            (source, target)).fetchone():
        raise OpError("These two notes are already linked that way.")
    batch = Batch(SECTION)
    with session.atomic() as conn:
        oid = id_for_new(session, "l", id)
        Recorder(conn, batch).insert("link", {"id": oid, "source": source, "target": target,
                                              "label": text(label, "link's label").strip()})
    batch.created.append(oid)
    return batch


def edit_link(session: Session, link: str, label: str) -> Batch:
    return _set_text(session, "link", link, "label", label, "link's label")


# -- arrangements ---------------------------------------------------------------------------------


def _free_places(session: Session, notes: list[Note],
                 saved: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Where the notes that have no saved free position go when the free layout comes back:
    each to the first spot of its department's lane clear of every note (at its free place)
    and of every frame, in the order the notes were made."""
    newcomers = [n for n in notes if n.id not in saved]
    if not newcomers:
        return {}
    counts = Counter(n.department or B.NO_DEPARTMENT for n in notes)
    widest = max((n.w for n in notes), default=B.NOTE_W)
    lanes = {lane.key: lane for lane in B.department_lanes(_departments(session),
                                                           max(counts.values()), widest)}
    occupied = [(*saved[n.id], n.w, n.h) for n in notes if n.id in saved]
    occupied += [(c["x"], c["y"], c["w"], c["h"]) for c in _clusters(session)]
    places: dict[str, tuple[float, float]] = {}
    for note in newcomers:
        lane = lanes.get(note.department or B.NO_DEPARTMENT, lanes[B.NO_DEPARTMENT])
        x, y = B.free_spot(lane, occupied, note.w, note.h)
        places[note.id] = (x, y)
        occupied.append((x, y, note.w, note.h))
    return places


def arrange(session: Session, by: str) -> Batch:
    """Lay the board out in lanes `by` "departments" or "dimensions", or put it back ("free").

    The first arrangement remembers every note's free position; "free" restores them and
    forgets them. A note captured while lanes were shown has no free position yet: it goes to
    the first free spot of its department's area, clear of the other notes and of the frames.
    """
    if by not in ARRANGEMENTS:
        raise OpError(f"{by!r} is not a way to arrange the board; choose one of "
                      f"{', '.join(ARRANGEMENTS)}.")
    current = arrangement(session)
    batch = Batch(SECTION)
    if by == current == "free":
        return batch
    notes = _notes(session)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        if by == "free":
            saved = {r["note"]: (r["x"], r["y"]) for r in _rows(session, "free_layout")}
            for note in notes:
                if note.id in saved and saved[note.id] != (note.x, note.y):
                    T.FREE_LAYOUT.check({"note": note.id, "x": saved[note.id][0],
                                         "y": saved[note.id][1], "pos": 0})
                    rec.update("note", {"id": note.id},
                               {"x": saved[note.id][0], "y": saved[note.id][1]})
            for nid, (x, y) in _free_places(session, notes, saved).items():
                rec.update("note", {"id": nid}, {"x": x, "y": y, "cluster": None})
            for nid in reversed(list(saved)):
                rec.delete("free_layout", {"note": nid})
        else:
            if current == "free":
                for note in notes:
                    rec.insert("free_layout", {"note": note.id, "x": note.x, "y": note.y})
            _lanes, places = B.arrange(notes, _departments(session), by)
            for note in notes:
                x, y = places[note.id]
                if (x, y) != (note.x, note.y):
                    rec.update("note", {"id": note.id}, {"x": x, "y": y})
        rec.update("board", {"id": 1}, {"arrangement": by})
    return batch

