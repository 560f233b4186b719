"""The Discover board's geometry and its tallies, as plain functions of the workshop.

The board is organised in lanes: one column per department, in Setup order, then one for notes
without a department. A captured note lands in the first free cell of its department's lane;
"arrange by department" lays every note out in those lanes, "arrange by dimension" in one lane
per dimension. Nothing here knows about Qt; the scene draws what these functions place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import vocabulary as V
from .workshop import Department, Link, Note

NOTE_W = 180.0
NOTE_H = 120.0
GAP = 20.0  # between notes in a lane
LANE_GAP = 60.0  # between lanes
LANE_TOP = 0.0  # notes start here; the lane's heading sits above it
HEADING_H = 70.0
MIN_LANE_COLUMNS = 2

CELL_W = NOTE_W + GAP
CELL_H = NOTE_H + GAP

NO_DEPARTMENT = ""  # the lane key for notes without a department (and without a dimension)


@dataclass(frozen=True, slots=True)
class Lane:
    key: str  # a department id, a dimension, or NO_DEPARTMENT
    title: str
    colour: str | None
    x: float
    columns: int

    @property
    def width(self) -> float:
        return self.columns * CELL_W - GAP


def lane_columns(most_notes_in_a_lane: int, widest: float = NOTE_W) -> int:
    """Columns per lane: two for a workshop-sized board, wider so a huge lane stays squarish,
    and wide enough for the widest note (`widest`) to fit in a lane."""
    return max(MIN_LANE_COLUMNS, math.ceil(math.sqrt(max(0, most_notes_in_a_lane) / 3)),
               math.ceil((widest + GAP) / CELL_W - 1e-9))


def _lanes(keys: Sequence[tuple[str, str, str | None]], most: int,
           widest: float = NOTE_W) -> list[Lane]:
    columns = lane_columns(most, widest)
    lanes, x = [], 0.0
    for key, title, colour in keys:
        lane = Lane(key, title, colour, x, columns)
        lanes.append(lane)
        x += lane.width + LANE_GAP
    return lanes


def department_lanes(departments: Sequence[Department], most: int,
                     widest: float = NOTE_W) -> list[Lane]:
    """One lane per department in Setup order, and a last one for notes with no department;
    `most` is the number of notes in the fullest lane and `widest` the widest note's width
    (they set how wide lanes are)."""
    keys = [(d.id, d.name, d.color) for d in departments]
    keys.append((NO_DEPARTMENT, "No department", None))
    return _lanes(keys, most, widest)


DIMENSION_TITLES = {"people": "People", "process": "Process", "technology": "Technology",
                    NO_DEPARTMENT: "No dimension"}


def dimension_lanes(most: int, widest: float = NOTE_W) -> list[Lane]:
    """One lane per dimension, and a last one for notes without a dimension."""
    keys = [(d, DIMENSION_TITLES[d], None) for d in (*V.DIMENSIONS, NO_DEPARTMENT)]
    return _lanes(keys, most, widest)


def cell(lane: Lane, index: int) -> tuple[float, float]:
    """Top-left corner of the `index`-th cell of a lane, filled row by row."""
    row, col = divmod(index, lane.columns)
    return lane.x + col * CELL_W, LANE_TOP + row * CELL_H


def free_spot(lane: Lane, occupied: Iterable[tuple[float, float, float, float]],
              w: float = NOTE_W, h: float = NOTE_H) -> tuple[float, float]:
    """The first cell of `lane` (row by row) where a w×h note overlaps none of `occupied`
    (x, y, w, h rectangles); only rectangles that reach into the lane matter."""
    left, right = lane.x, lane.x + (lane.columns - 1) * CELL_W + w  # as far as a note reaches
    columns = lane.columns
    fits_a_cell = w <= CELL_W and h <= CELL_H
    blocked: set[int] = set()
    for ox, oy, ow, oh in occupied:
        if ox >= right or ox + ow <= left or oy + oh <= LANE_TOP:
            continue
        if fits_a_cell and ow <= CELL_W and oh <= CELL_H:
            col, dx = divmod(ox - left, CELL_W)
            row, dy = divmod(oy - LANE_TOP, CELL_H)
            if dx == 0 and dy == 0 and 0 <= col < columns and row >= 0:
                # a note that sits in a cell (as most do) takes that cell and no other
                blocked.add(int(row) * columns + int(col))
                continue
        # every cell where a w×h note would touch this rectangle is taken (a note bigger than a
        # cell reaches into the cells right of and below its own)
        c0 = max(0, math.floor((ox - w - left) / CELL_W))
        c1 = min(lane.columns - 1, math.floor((ox + ow - left) / CELL_W))
        r0 = max(0, math.floor((oy - h - LANE_TOP) / CELL_H))
        r1 = math.floor((oy + oh - LANE_TOP) / CELL_H)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if _overlaps(cell(lane, r * lane.columns + c), w, h, (ox, oy, ow, oh)):
                    blocked.add(r * lane.columns + c)
    index = 0
    while index in blocked:
        index += 1
    return cell(lane, index)


def _overlaps(corner: tuple[float, float], w: float, h: float,
              rect: tuple[float, float, float, float]) -> bool:
    x, y = corner
    ox, oy, ow, oh = rect
    return x < ox + ow and ox < x + w and y < oy + oh and oy < y + h


def _most(lane_of: dict[str, str]) -> int:
    return max(Counter(lane_of.values()).values(), default=0)


def _sort_key(note: Note, departments: dict[str, int]) -> tuple:
    return (V.NOTE_KINDS.index(note.kind) if note.kind in V.NOTE_KINDS else 9,
            departments.get(note.department or "", 999),
            V.DIMENSIONS.index(note.dimension) if note.dimension in V.DIMENSIONS else 9)


def arrange(notes: Sequence[Note], departments: Sequence[Department],
            by: str) -> tuple[list[Lane], dict[str, tuple[float, float]]]:
    """Where every note goes when laid out in lanes `by` "departments" or "dimensions".

    Within a lane notes are ordered by kind (challenges, barriers, ideas), then department and
    dimension, keeping their board order otherwise, so the same board always arranges the same.
    """
    if by == "departments":
        known = {d.id for d in departments}
        lane_of = {n.id: n.department if n.department in known else NO_DEPARTMENT for n in notes}
        lanes = department_lanes(departments, _most(lane_of), _widest(notes))
    elif by == "dimensions":
        lane_of = {n.id: n.dimension or NO_DEPARTMENT for n in notes}
        lanes = dimension_lanes(_most(lane_of), _widest(notes))
    else:
        raise ValueError(f"cannot arrange by {by!r}")
    order = {d.id: i for i, d in enumerate(departments)}
    by_lane: dict[str, list[Note]] = {lane.key: [] for lane in lanes}
    for note in sorted(notes, key=lambda n: _sort_key(n, order)):  # sorted() is stable
        by_lane[lane_of[note.id]].append(note)
    places: dict[str, tuple[float, float]] = {}
    for lane in lanes:
        places.update(_rows_of(lane, by_lane[lane.key]))
    return lanes, places


def _widest(notes: Iterable[Note]) -> float:
    return max((n.w for n in notes), default=NOTE_W)


def _rows_of(lane: Lane, notes: Sequence[Note]) -> dict[str, tuple[float, float]]:
    """Notes left to right in rows down the lane. A note takes at least a cell, so notes of the
    usual size sit exactly in the lane's cells; a bigger one takes the room it needs."""
    places: dict[str, tuple[float, float]] = {}
    x, y, row_h = lane.x, LANE_TOP, 0.0
    for note in notes:
        w, h = max(note.w, NOTE_W), max(note.h, NOTE_H)
        if x > lane.x and x + w > lane.x + lane.width:
            x, y, row_h = lane.x, y + row_h + GAP, 0.0
        places[note.id] = (x, y)
        x += w + GAP
        row_h = max(row_h, h)
    return places


# -- the barrier summary -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """Notes counted by department × dimension, and the links that cross departments."""

    counts: dict[tuple[str, str], int]  # (department id or "", dimension or "") -> notes
    crossing: list[Link]

    def count(self, department: str | None, dimension: str | None) -> int:
        return self.counts.get((department or "", dimension or ""), 0)

    def row_total(self, department: str | None) -> int:
        return sum(n for (d, _dim), n in self.counts.items() if d == (department or ""))

    def column_total(self, dimension: str | None) -> int:
        return sum(n for (_d, dim), n in self.counts.items() if dim == (dimension or ""))


def summarise(notes: Iterable[Note], links: Iterable[Link],
              kinds: Iterable[str] = V.NOTE_KINDS) -> Summary:
    wanted = set(kinds)
    department_of: dict[str, str | None] = {}
    counts: Counter = Counter()
    for n in notes:
        department_of[n.id] = n.department
        if n.kind in wanted:
            counts[(n.department or "", n.dimension or "")] += 1
    crossing = [
        link for link in links
        if department_of.get(link.source) and department_of.get(link.target)
        and department_of[link.source] != department_of[link.target]
    ]
    return Summary(dict(counts), crossing)


def initials(name: str) -> str:
    """Up to three capital initials of a name or department ("Customer Care" → "CC")."""
    words = [w for w in name.replace("&", " ").replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][:3].upper()
    return "".join(w[0] for w in words[:3]).upper()
