"""Merging a breakout group's board into this one (File ▸ Import from Another Session…).

A breakout group works on its own laptop, in its own session file. Bringing its board back
should lose nothing and disturb nothing already on this board: its notes, clusters and links
arrive under fresh ids, keep their layout as one block to the right of everything here, inside
a new cluster named after where they came from, and the whole import is one undo step.
Departments are matched by name; one this workshop lacks is added, so no note loses the
department it was written for. Authors are matched by name too, or left out (the breakout's
people are not added to this workshop's participants).
"""

from __future__ import annotations

import sqlite3

from .. import model as m
from ..model import rules
from ..store import Session
from .batch import Batch, Inserted, Recorder
from .core import OpError, new_id, text
from .discover import FRAME_MARGIN, FRAME_TITLE, SECTION, arrange, arrangement
from .setup import next_department_colour

#: Room between what is on the board already and the imported block.
IMPORT_MARGIN = 120.0


def _key(name: str) -> str:
    return name.strip().casefold()


def breakout_board(other: Session) -> m.Workshop:
    """What a breakout's session file holds, with its board in its free layout.

    A board arranged in lanes keeps its notes' free places aside (and its frames where they
    were); an import takes the free layout, where frames and notes agree. The file is never
    written: the layout is worked out on a copy in memory.
    """
    workshop = other.load()
    if arrangement(other) == "free":
        return workshop
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        other.conn.backup(scratch)
        scratch.execute("PRAGMA foreign_keys = ON")
        copy = Session(other.path, scratch, read_only=False, lock=None)
        arrange(copy, "free")
        workshop.discover = copy.load(("discover",)).discover
    finally:
        scratch.close()
    return workshop


def _bounds(rects: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[0] + r[2] for r in rects), max(r[1] + r[3] for r in rects))


def _checked(other: m.Workshop, source_name: str) -> None:
    try:
        rules.check(other)
    except rules.WorkshopInvalid as exc:
        detail = exc.problem.message.rstrip(".")
        raise OpError(f'"{source_name}" cannot be imported ({detail}).') from None


def import_board(session: Session, other: m.Workshop, *, source_name: str) -> Batch:
    """Bring every note, cluster and link of `other`'s Discover board onto this board.

    The imported notes and frames keep their places relative to each other and move as one
    block into the free space right of everything on this board, framed by a new cluster
    "From <source_name>"; notes that were in no cluster belong to it, the breakout's clusters
    sit inside it with their members. Departments are matched by name whatever the case (a
    missing one is added), authors by name (else none). Importing the same board twice gives
    two blocks. One step: undo takes all of it away, departments added with it included.
    """
    name = text(source_name, "session's name").strip()
    if not name:
        raise OpError("Say which session the board comes from.")
    board = other.discover
    if not (board.notes or board.clusters):
        raise OpError(f'"{name}" has nothing on its Discover board to import.')
    if arrangement(session) != "free":
        raise OpError("A session is imported into the free layout: choose Free layout "
                      "(Ctrl+Shift+R), then import it again.")
    _checked(other, name)  # kinds, colours, sizes and references as in any session file

    conn = session.conn
    here_departments = {_key(n): i for i, n in conn.execute(
        "SELECT id, name FROM department ORDER BY pos DESC")}  # the first of a name wins
    here_people = {_key(n): i for i, n in conn.execute(
        "SELECT id, name FROM participant ORDER BY pos DESC")}
    their_departments = {d.id: d for d in other.departments}
    their_people = {p.id: p.name for p in other.participants}

    # where the block goes: its frame's top-left beside everything on this board
    block = _bounds([(n.x, n.y, n.w, n.h) for n in board.notes]
                    + [(c.x, c.y, c.w, c.h) for c in board.clusters])
    right, top = conn.execute(
        "SELECT max(x + w), min(y) FROM (SELECT x, y, w FROM note "
        "UNION ALL SELECT x, y, w FROM cluster)").fetchone()
    frame_x = 0.0 if right is None else float(right) + IMPORT_MARGIN
    frame_y = 0.0 if top is None else float(top)
    dx = frame_x + FRAME_MARGIN - block[0]
    dy = frame_y + FRAME_MARGIN + FRAME_TITLE - block[1]
    frame = {"x": frame_x, "y": frame_y, "w": block[2] - block[0] + 2 * FRAME_MARGIN,
             "h": block[3] - block[1] + 2 * FRAME_MARGIN + FRAME_TITLE}

    batch = Batch(SECTION)
    with session.atomic():
        rec = Recorder(conn, batch)
        departments = {}
        for oid, dept in their_departments.items():
            if not any(n.department == oid for n in board.notes):
                continue
            found = here_departments.get(_key(dept.name))
            if found is None:
                found = _add_department(session, rec, dept)
                here_departments[_key(dept.name)] = found
            departments[oid] = found
        whole = new_id(session, "c")  # first, so the breakout's frames lie on top of it
        rec.insert("cluster", {"id": whole, "title": f"From {name}", **frame})
        batch.created.append(whole)
        clusters: dict[str, str] = {}
        for cluster in board.clusters:
            clusters[cluster.id] = new_id(session, "c")
            rec.insert("cluster", {"id": clusters[cluster.id], "title": cluster.title,
                                   "x": cluster.x + dx, "y": cluster.y + dy,
                                   "w": float(cluster.w), "h": float(cluster.h)})
        notes: dict[str, str] = {}
        for note in board.notes:
            notes[note.id] = new_id(session, "n")
            author = their_people.get(note.author or "")
            rec.insert("note", {
                "id": notes[note.id], "text": note.text, "kind": note.kind,
                "department": departments.get(note.department or ""),
                "dimension": note.dimension,
                "author": None if author is None else here_people.get(_key(author)),
                "cluster": clusters.get(note.cluster or "", whole),
                "x": note.x + dx, "y": note.y + dy, "w": float(note.w), "h": float(note.h),
                "color": note.color, "private": int(bool(note.private))})
            batch.created.append(notes[note.id])
        batch.created += clusters.values()
        for link in board.links:
            lid = new_id(session, "l")
            rec.insert("link", {"id": lid, "source": notes[link.source],
                                "target": notes[link.target], "label": link.label})
            batch.created.append(lid)
    return batch


def _add_department(session: Session, rec: Recorder, dept: m.Department) -> str:
    """A department of the breakout's that this workshop has not got, added at the end; it
    keeps its colour unless a department here has that colour already."""
    used = {(c or "").upper() for (c,) in session.conn.execute("SELECT color FROM department")}
    colour = dept.color.upper() if dept.color and dept.color.upper() not in used \
        else next_department_colour(session)
    oid = new_id(session, "dept")
    rec.insert("department", {"id": oid, "name": dept.name.strip(), "color": colour})
    return oid


def imported(batch: Batch) -> dict[str, int]:
    """How many of each kind an import brought: {"notes", "clusters", "links", "departments"};
    the cluster made to hold the import is not counted."""
    counts = {"note": 0, "cluster": -1, "link": 0, "department": 0}
    for step in batch.steps:
        if isinstance(step, Inserted) and step.table in counts:
            counts[step.table] += 1
    return {"notes": counts["note"], "clusters": max(0, counts["cluster"]),
            "links": counts["link"], "departments": counts["department"]}



def added_departments(batch: Batch) -> list[str]:
    """The names of the departments an import added (those this workshop had not got)."""
    return [step.row["name"] for step in batch.steps
            if isinstance(step, Inserted) and step.table == "department"]
