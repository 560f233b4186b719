"""The board as a QGraphicsScene: one item per note, cluster and link, kept equal to the file.

The scene is built once from the file, then follows the `Batch` each edit, undo or redo
returns: only the rows a batch touched are read again. Gestures (a drag that moved items, a
frame resized) come out as signals; the page turns them into ops, so the scene never writes.

Zoomed far out on a big board, drawing ten thousand items one by one costs more than a frame,
so the view then paints one overview picture of them instead, drawn once per change (see
`BoardView.paintEvent`). Items are never parented to a layer item: Qt walks every child of a
parent on each paint, which costs a frame on its own at 10,000 notes; stacking is by z bands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ...model import Cluster, Department, Link, Note, Participant
from ...model import board as B
from ...model import vocabulary as V
from ...ops import Batch
from ...ops import discover as D
from ...store import Session
from ...store import rows as R
from ...store import tables as T
from . import style as S
from .items import ClusterItem, LaneHeading, LinkItem, LinkLabel, NoteItem, NoteLook

OVERVIEW_MIN_NOTES = 600  # smaller boards are always drawn item by item
OVERVIEW_MAX_PX = 8192  # the overview picture's longest side
OVERVIEW_MAX_SCALE = 0.3  # never worth drawing the picture finer than plain cards

# Stacking, bottom to top: lane headings, frames, arrows (they pass under notes, ending at their
# edges), notes in the file's order, link labels (readable over the notes), a link being drawn.
HEADING_Z = -1.0
FRAME_Z = 0.0
LINK_Z = 1e6
NOTE_Z = 2e6
LABEL_Z = 3e6
DRAWING_Z = 4e6


class BoardScene(QGraphicsScene):
    moved = Signal(dict)  # id -> (x, y): items a drag left somewhere new
    frame_resized = Signal(str, QRectF)  # cluster id, its new frame in scene units

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackgroundBrush(S.BOARD_BG)
        self.notes: dict[str, NoteItem] = {}
        self.clusters: dict[str, ClusterItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.headings: list[LaneHeading] = []
        self.departments: list[Department] = []
        self.arrangement = "free"
        self._department: dict[str, tuple[str, str]] = {}  # id -> (colour, initials)
        self._authors: dict[str, str] = {}
        self._pressed: dict[QGraphicsItem, QPointF] = {}
        self._overview: QImage | None = None
        self._overview_rect = QRectF()
        self._overview_scale = 1.0
        self._items_rect: QRectF | None = None  # cached; None once anything may have moved
        self.overview_on = False
        self.highlighted: str | None = None  # a department id, or "" for notes without one
        self.search = ""

    # -- reading the file ---------------------------------------------------------------------

    def load(self, session: Session) -> None:
        """Show the board the file holds now (everything is rebuilt)."""
        w = session.load(("departments", "participants", "discover"))
        self.arrangement = D.arrangement(session)
        for item in (*self.links.values(), *self.notes.values(), *self.clusters.values()):
            if isinstance(item, LinkItem) and item.label_item is not None:
                self.removeItem(item.label_item)
            self.removeItem(item)
        self.notes.clear()
        self.clusters.clear()
        self.links.clear()
        self._set_people(w.departments, w.participants)
        for z, cluster in enumerate(w.discover.clusters):
            self._add_cluster(cluster).setZValue(FRAME_Z + z)
        for z, note in enumerate(w.discover.notes):
            item = self._add_note(note)
            item.setZValue(NOTE_Z + z)
        for link in w.discover.links:
            self._add_link(link)
        self._show_lanes(D.lanes(session))
        self._show_frames()
        self._apply_focus(self.notes.values())
        self._changed()
        self.update()

    def set_people(self, session: Session) -> None:
        """Departments or participants changed (in Setup): recolour and relabel the notes."""
        w = session.load(("departments", "participants"))
        self._set_people(w.departments, w.participants)
        for item in self.notes.values():
            item.set_note(item.note, self._look(item.note))
        self._show_lanes(D.lanes(session))
        self._apply_focus(self.notes.values())
        self._changed()

    def refresh_overview(self) -> None:
        """Items were moved outside an edit (an animation landed): draw the overview again."""
        self._changed()
        if self.overview_on:
            self.update()

    def _changed(self) -> None:
        """Something on the board changed: the overview picture and the extent are stale."""
        self._overview = None
        self._items_rect = None

    def _show_frames(self) -> None:
        """Frames show in the free layout; an arrangement puts them aside (they keep their
        place for when the free layout comes back)."""
        for item in self.clusters.values():
            item.setVisible(self.arrangement == "free")

    def _set_people(self, departments: Sequence[Department],
                    participants: Sequence[Participant]) -> None:
        self.departments = list(departments)
        self._department = {d.id: (d.color or V.palette_colour(i), B.initials(d.name))
                            for i, d in enumerate(departments)}
        self._authors = {p.id: B.initials(p.name) for p in participants}

    def _look(self, note: Note) -> NoteLook:
        colour, initials = self._department.get(note.department or "", (S.NO_DEPARTMENT, ""))
        return NoteLook(note.color or colour, initials, self._authors.get(note.author or "", ""))

    def _add_note(self, note: Note) -> NoteItem:
        item = NoteItem(note, self._look(note))
        item.setZValue(NOTE_Z)
        self.addItem(item)
        self.notes[note.id] = item
        if note.cluster in self.clusters:
            self.clusters[note.cluster].members.append(item)
        return item

    def _add_cluster(self, cluster: Cluster) -> ClusterItem:
        item = ClusterItem(cluster)
        item.setZValue(FRAME_Z)
        item.setVisible(self.arrangement == "free")
        self.addItem(item)
        self.clusters[cluster.id] = item
        item.members = [n for n in self.notes.values() if n.note.cluster == cluster.id]
        return item

    def _add_link(self, link: Link) -> LinkItem | None:
        source, target = self.notes.get(link.source), self.notes.get(link.target)
        if source is None or target is None:
            return None
        item = LinkItem(link, source, target)
        item.setZValue(LINK_Z)
        self.addItem(item)
        label = LinkLabel(item)
        label.setZValue(LABEL_Z)
        self.addItem(label)
        self.links[link.id] = item
        return item

    def _show_lanes(self, lanes: Iterable[B.Lane]) -> None:
        for heading in self.headings:
            self.removeItem(heading)
        self.headings = []
        if self.arrangement == "free" and self.clusters:
            return  # once the room clusters, the lanes no longer say where notes are
        for lane in lanes:
            rect = QRectF(lane.x, B.LANE_TOP - B.HEADING_H - 10, lane.width, B.HEADING_H)
            heading = LaneHeading(lane.title, lane.colour, rect)
            heading.setZValue(HEADING_Z)
            if self.arrangement == "free":
                heading.setOpacity(0.55)  # in the free layout they only say where notes land
            self.addItem(heading)
            self.headings.append(heading)

    # -- following edits ---------------------------------------------------------------------

    def apply(self, session: Session, batch: Batch) -> list[QGraphicsItem]:
        """Bring the items a batch touched up to date with the file; returns the items whose
        position changed (the page may animate them)."""
        conn = session.conn
        moved: list[QGraphicsItem] = []
        renumber = False
        restack = False  # frames stack in the file's order: the last one is on top
        lanes_changed = False
        added: list[NoteItem] = []  # new notes on top of the others: the overview can take them
        other = False  # anything else changed: the overview is drawn again
        # Frames first, then notes, then links: an undone delete brings back a note and its
        # links in one batch, and an arrow can only be drawn between notes that are there.
        order = {"cluster": 0, "note": 1, "link": 2}
        for table, key in sorted(batch.touched(), key=lambda tk: order.get(tk[0], 3)):
            other = other or table != "note"
            if table == "note":
                row = R.get(conn, "note", key)
                item = self.notes.get(key["id"])
                if row is None:
                    if item is not None:
                        self._remove_note(item)
                        renumber = True
                    lanes_changed = other = True
                    continue
                note = T.NOTE.from_row(row)
                if item is None:
                    item = self._add_note(note)
                    renumber = renumber or row["pos"] != len(self.notes) - 1
                    item.setZValue(NOTE_Z + row["pos"])
                    self._apply_focus((item,))
                    lanes_changed = True
                    added.append(item)
                    continue
                other = True
                if item.note.cluster != note.cluster:
                    self._regroup(item, item.note.cluster, note.cluster)
                if item.note.department != note.department:
                    lanes_changed = True
                was = item.pos()
                item.set_note(note, self._look(note))
                if item.pos() != was:
                    moved.append(item)
                self._apply_focus((item,))
            elif table == "cluster":
                row = R.get(conn, "cluster", key)
                item = self.clusters.get(key["id"])
                if row is None:
                    if item is not None:
                        self.clusters.pop(item.id)
                        self.removeItem(item)
                        lanes_changed = True
                    continue
                cluster = T.CLUSTER.from_row(row)
                if item is None:
                    self._add_cluster(cluster)
                    lanes_changed = restack = True
                else:
                    item.set_cluster(cluster)
            elif table == "link":
                row = R.get(conn, "link", key)
                item = self.links.get(key["id"])
                if row is None:
                    if item is not None:
                        self._remove_link(item)
                    continue
                link = T.LINK.from_row(row)
                if item is None:
                    self._add_link(link)
                else:
                    item.set_link(link)
            elif table == "board":
                self.arrangement = D.arrangement(session)
                self._show_frames()
                lanes_changed = True
        if renumber:
            for z, (nid,) in enumerate(conn.execute("SELECT id FROM note ORDER BY pos")):
                if nid in self.notes:
                    self.notes[nid].setZValue(NOTE_Z + z)
        if restack:
            for z, (cid,) in enumerate(conn.execute("SELECT id FROM cluster ORDER BY pos")):
                if cid in self.clusters:
                    self.clusters[cid].setZValue(FRAME_Z + z)
        if lanes_changed:
            self._show_lanes(D.lanes(session))
        if other or renumber:
            self._changed()
        else:  # notes were only added: the extent grows by them, the picture takes them
            if self._items_rect is not None:
                for item in added:
                    self._items_rect = self._items_rect.united(item.sceneBoundingRect())
            if not self._draw_onto_overview(added):
                self._overview = None
        if self.overview_on:
            self.update()
        return moved

    def _regroup(self, item: NoteItem, old: str | None, new: str | None) -> None:
        if old in self.clusters and item in self.clusters[old].members:
            self.clusters[old].members.remove(item)
        if new in self.clusters:
            self.clusters[new].members.append(item)

    def _remove_note(self, item: NoteItem) -> None:
        for link in list(item.links):
            self._remove_link(link)
        self._regroup(item, item.note.cluster, None)
        self.notes.pop(item.id, None)
        self.removeItem(item)

    def _remove_link(self, item: LinkItem) -> None:
        item.detach()
        if item.label_item is not None:
            self.removeItem(item.label_item)
            item.label_item = None
        self.links.pop(item.id, None)
        self.removeItem(item)

    # -- focus: one department, a search --------------------------------------------------------

    def set_focus(self, department: str | None, search: str) -> None:
        """Fade every note but those of `department` ("" = without one) that contain `search`."""
        self.highlighted, self.search = department, search.strip().casefold()
        self._apply_focus(self.notes.values())
        self._overview = None
        self.update()

    def matches(self, item: NoteItem) -> bool:
        if self.highlighted is not None and (item.note.department or "") != self.highlighted:
            return False
        return not self.search or self.search in item.note.text.casefold()

    def _apply_focus(self, items: Iterable[NoteItem]) -> None:
        plain = self.highlighted is None and not self.search
        for item in items:
            item.setOpacity(1.0 if plain or self.matches(item) else S.FADED_OPACITY)

    def matching(self) -> list[NoteItem]:
        return [n for n in self.notes.values() if self.matches(n)]

    # -- drags ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._pressed = {item: item.pos() for item in self.selectedItems()
                         if isinstance(item, NoteItem | ClusterItem)}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        places = {}
        for item, was in pressed.items():
            if item.scene() is self and item.pos() != was:
                places[item.id] = (item.pos().x(), item.pos().y())
        if places:
            self._changed()
            self.moved.emit(places)

    # -- zoomed far out: one picture instead of every item ------------------------------------

    def items_rect(self) -> QRectF:
        """The area holding every note, frame and heading (kept until the board changes)."""
        if self._items_rect is None:
            rect = QRectF()
            frames = self.clusters.values() if self.arrangement == "free" else ()
            for item in (*self.notes.values(), *frames, *self.headings):
                rect = rect.united(item.sceneBoundingRect())
            self._items_rect = rect
        return QRectF(self._items_rect)

    def overview_scale(self) -> float:
        rect = self._overview_rect if self._overview is not None else self.items_rect()
        longest = max(rect.width(), rect.height(), 1.0)
        return min(OVERVIEW_MAX_SCALE, OVERVIEW_MAX_PX / longest)

    def use_overview(self, view_scale: float) -> None:
        """Whether a view at this zoom should paint the overview picture instead of the items
        (the items stay where they are: clicks and rubber bands still reach them)."""
        self.overview_on = (len(self.notes) >= OVERVIEW_MIN_NOTES
                            and view_scale < self.overview_scale() * 1.3)

    def overview(self) -> tuple[QImage, QRectF]:
        """The overview picture and the scene area it covers, drawn now if it is stale."""
        if self._overview is None:
            self._render_overview()
        assert self._overview is not None
        return self._overview, self._overview_rect

    def _render_overview(self) -> None:
        rect = self.items_rect()
        scale = min(OVERVIEW_MAX_SCALE, OVERVIEW_MAX_PX / max(rect.width(), rect.height(), 1.0))
        image = QImage(max(1, int(rect.width() * scale) + 1), max(1, int(rect.height() * scale) + 1),
                       QImage.Format.Format_RGB32)
        image.fill(S.BOARD_BG)
        p = QPainter(image)
        p.scale(scale, scale)
        p.translate(-rect.topLeft())
        if self.arrangement == "free":
            p.setPen(QPen(S.FRAME, 3 / max(scale, 0.01) * 0.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for c in self.clusters.values():
                p.drawRect(QRectF(c.pos(), c.size()))
        p.setPen(QPen(S.LINK, 1.5 / max(scale, 0.01)))
        for link in self.links.values():
            p.drawLine(link.line())
        self._draw_cards(p, sorted(self.notes.values(), key=lambda n: n.zValue()))
        p.end()
        self._overview, self._overview_rect, self._overview_scale = image, rect, scale

    @staticmethod
    def _draw_cards(p: QPainter, items: Iterable[NoteItem]) -> None:
        for item in items:
            pos, note = item.pos(), item.note
            colour = item.look.colour
            p.setOpacity(item.opacity())
            p.fillRect(QRectF(pos.x(), pos.y(), note.w, note.h), S.tint(colour))
            p.fillRect(QRectF(pos.x(), pos.y(), note.w, S.STRIPE_H), S.solid(colour))

    def _draw_onto_overview(self, added: list[NoteItem]) -> bool:
        """Draw notes just added (on top of all others) onto the overview picture, when they lie
        inside it: a captured note costs a card, not the whole board. False if they cannot be."""
        if self._overview is None:
            return True  # no picture to keep up to date
        area, scale = self._overview_rect, self._overview_scale
        if not all(area.contains(item.sceneBoundingRect()) for item in added):
            return False
        if added:
            p = QPainter(self._overview)
            p.scale(scale, scale)
            p.translate(-area.topLeft())
            self._draw_cards(p, added)
            p.end()
        return True
