"""What the board is drawn with: sticky notes, cluster frames, link arrows and lane headings.

Items hold only what they draw; the scene sets it from the file. Drawing depends on how far
the room is zoomed out (the level of detail): a plain card when text would be too small to
read, the full note with its laid-out text (prepared once per text and size) otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model import Cluster, Link, Note
from . import style as S

PLAIN_BELOW = 0.3  # level of detail under which a note is a plain card
LABELS_FROM = 0.6  # and from which its 13 px labels are drawn (8 px on screen or more)
TEXT_FLAGS = Qt.TextFlag.TextWordWrap
BORDER = QPen(S.FRAME, 1.2)
DASHED_BORDER = QPen(S.FRAME, 1.2, Qt.PenStyle.DashLine)  # a private note
TEXT_AT = QPointF(S.PAD, S.STRIPE_H + S.PAD * 0.6)  # where a note's text starts


#: A note's small labels, laid out: department initials, badge, author initials, "Private".
Labels = tuple[QStaticText | None, QStaticText, QStaticText | None, QStaticText | None]


@dataclass(frozen=True, slots=True)
class NoteLook:
    """What a note shows besides its own fields, worked out by the scene."""

    colour: str  # the department's colour (or the note's own, or grey)
    department: str  # initials of the department, "" when it has none
    author: str  # the author's initials, "" when nobody is named


class NoteItem(QGraphicsItem):
    KIND = "note"

    def __init__(self, note: Note, look: NoteLook):
        super().__init__()
        self.id = note.id
        self.links: list[LinkItem] = []
        self.note = note
        self.look = look
        self._text: QStaticText | None = None
        self._text_px = S.TEXT_MAX_PX
        self._labels: Labels | None = None
        self._geometry()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setPos(note.x, note.y)

    # -- data ---------------------------------------------------------------------------------

    def set_note(self, note: Note, look: NoteLook) -> None:
        old = self.note
        if (old.w, old.h) != (note.w, note.h):
            self.prepareGeometryChange()
        if (old.text, old.w, old.h) != (note.text, note.w, note.h):
            self._text = None
        if (old.kind, old.dimension, old.private) != (note.kind, note.dimension, note.private) \
                or look != self.look:
            self._labels = None
        self.note = note
        self.look = look
        self._geometry()
        if self.pos() != QPointF(note.x, note.y):
            self.setPos(note.x, note.y)
        self.update()

    def _geometry(self) -> None:
        """What paint() and Qt ask for on every frame, worked out once per change."""
        w, h = self.note.w, self.note.h
        self._rect = QRectF(0, 0, w, h)
        self._bounds = QRectF(-6, -6, w + 12, h + 12)
        self._stripe = QRectF(0, 0, w, S.STRIPE_H)
        self._paper = S.tint(self.look.colour)
        self._ink = S.solid(self.look.colour)
        self._border = DASHED_BORDER if self.note.private else BORDER

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect())
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for link in self.links:
                link.adjust()
        return super().itemChange(change, value)

    # -- drawing ------------------------------------------------------------------------------

    def text_px(self) -> float:
        """The pixel size the note's text is drawn at (at 100 % zoom) so that all of it fits."""
        self._prepare_text()
        return self._text_px

    def _text_box(self) -> QRectF:
        w, h = self.note.w, self.note.h
        return QRectF(S.PAD, S.STRIPE_H + S.PAD * 0.6, max(1.0, w - 2 * S.PAD),
                      max(1.0, h - S.STRIPE_H - S.PAD * 0.6 - S.PAD - S.LABEL_PX))

    def _prepare_text(self) -> QStaticText:
        if self._text is not None:
            return self._text
        box = self._text_box()
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text = QStaticText(self.note.text)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setTextOption(option)
        text.setTextWidth(box.width())
        text.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)

        prepared = [0]

        def fits(px: int) -> bool:
            text.prepare(QTransform(), S.font(px))
            prepared[0] = px
            return text.size().height() <= box.height()

        # The largest whole pixel size, between the smallest and the largest, at which all of
        # the text fits (never cut: below the smallest it may overflow). Laying text out is the
        # cost, so the search starts from a guess by area (a character of a px-pixel font
        # takes about 0.7 px² of the box) and walks from there one size at a time: the guess
        # is seldom more than two sizes out, so most notes are laid out two to four times
        # instead of once per size.
        lo, hi = int(S.TEXT_MIN_PX), int(S.TEXT_MAX_PX)
        guess = math.sqrt(box.width() * box.height() / (0.7 * max(1, len(self.note.text))))
        px = max(lo, min(hi, int(guess)))
        if fits(px):
            while px < hi and fits(px + 1):
                px += 1
        else:
            while px > lo and not fits(px - 1):
                px -= 1
            px = max(lo, px - 1)
        if prepared[0] != px:
            text.prepare(QTransform(), S.font(px))
        self._text, self._text_px = text, float(px)
        return text

    def _prepare_labels(self) -> Labels:
        """The stripe's department initials and kind/dimension badge, the footer's author
        initials and "Private" mark, laid out once (drawText would lay them out on every paint)."""
        if self._labels is None:
            def static(label: str, bold: bool = False) -> QStaticText:
                t = QStaticText(label)
                t.setTextFormat(Qt.TextFormat.PlainText)
                t.prepare(QTransform(), S.font(S.LABEL_PX, bold=bold))
                return t

            self._labels = (static(self.look.department, bold=True) if self.look.department else None,
                            static(S.badge(self.note.kind, self.note.dimension)),
                            static(self.look.author) if self.look.author else None,
                            static("Private") if self.note.private else None)
        return self._labels

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # No view rotates the board, so the horizontal scale is the level of detail.
        lod = painter.worldTransform().m11()
        if self.isSelected():
            painter.fillRect(self._bounds, S.SELECTION)
        painter.fillRect(self._rect, self._paper)
        painter.fillRect(self._stripe, self._ink)
        if lod < PLAIN_BELOW:
            return
        painter.setPen(self._border)
        painter.drawRect(self._rect)
        text = self._text or self._prepare_text()
        painter.setPen(S.INK)
        painter.setFont(S.font(self._text_px))
        painter.drawStaticText(TEXT_AT, text)
        if lod < LABELS_FROM:
            return  # the labels would be a few pixels high: only the stripe's colour reads
        w, h = self.note.w, self.note.h
        department, badge, author, private = self._prepare_labels()
        middle = (S.STRIPE_H - S.LABEL_PX * 1.25) / 2
        painter.setPen(S.ink_on(self.look.colour))
        if department is not None:
            painter.setFont(S.font(S.LABEL_PX, bold=True))
            painter.drawStaticText(QPointF(S.PAD * 0.6, middle), department)
        painter.setFont(S.font(S.LABEL_PX))
        painter.drawStaticText(QPointF(w - S.PAD * 0.6 - badge.size().width(), middle), badge)
        footer = h - S.PAD * 0.4 - S.LABEL_PX * 1.25 - 2
        painter.setPen(S.MUTED)
        if author is not None:
            painter.drawStaticText(QPointF(w - S.PAD - author.size().width(), footer), author)
        if private is not None:
            painter.drawStaticText(QPointF(S.PAD, footer), private)


class ClusterItem(QGraphicsItem):
    """A named frame; notes whose centre lies in it belong to it and move with it."""

    KIND = "cluster"
    HANDLE = 28.0

    def __init__(self, cluster: Cluster):
        super().__init__()
        self.id = cluster.id
        self.cluster = cluster
        self.members: list[NoteItem] = []
        self.resizing: QRectF | None = None  # the frame being dragged to a new size
        self._press: QPointF | None = None
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setPos(cluster.x, cluster.y)

    def set_cluster(self, cluster: Cluster) -> None:
        if (cluster.w, cluster.h) != (self.cluster.w, self.cluster.h):
            self.prepareGeometryChange()
        self.cluster = cluster
        if self.pos() != QPointF(cluster.x, cluster.y):
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)
            self.setPos(cluster.x, cluster.y)  # the scene places the notes itself
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.update()

    def size(self) -> QSizeF:
        if self.resizing is not None:
            return self.resizing.size()
        return QSizeF(self.cluster.w, self.cluster.h)

    def boundingRect(self) -> QRectF:
        s = self.size()
        return QRectF(-6, -6, s.width() + 12, s.height() + 12)

    def shape(self) -> QPainterPath:
        """Only the frame's border band, title and handle pick it up: a click inside the frame
        reaches the board (to rubber-band notes) rather than grabbing the whole cluster."""
        s = self.size()
        outer = QPainterPath()
        outer.addRect(QRectF(-6, -6, s.width() + 12, s.height() + 12))
        inner = QPainterPath()
        inner.addRect(QRectF(12, self.title_height(), max(0.0, s.width() - 24),
                             max(0.0, s.height() - self.title_height() - 12)))
        handle = QPainterPath()
        handle.addRect(self.handle_rect())
        return outer.subtracted(inner).united(handle)

    def title_height(self) -> float:
        return min(self.size().height() * 0.4, S.CLUSTER_TITLE_PX * 2.6)

    def title_px(self) -> float:
        """The largest title size, up to 24 px, at which the whole name fits its space."""
        key = (self.cluster.title, self.size().width(), self.title_height())
        if getattr(self, "_title_key", None) != key:
            rect, px = self.title_rect(), S.CLUSTER_TITLE_PX
            title = self.cluster.title or "Untitled cluster"
            while px > S.TEXT_MIN_PX:
                box = QFontMetricsF(S.font(px, bold=True)).boundingRect(
                    QRectF(0, 0, rect.width(), 1e6), TEXT_FLAGS, title)
                if box.height() <= rect.height() and box.width() <= rect.width():
                    break
                px -= 1
            self._title_key, self._title_px = key, px
        return self._title_px

    def title_rect(self) -> QRectF:
        return QRectF(14, 6, max(1.0, self.size().width() - 28), self.title_height())

    def handle_rect(self) -> QRectF:
        s = self.size()
        return QRectF(s.width() - self.HANDLE, s.height() - self.HANDLE, self.HANDLE, self.HANDLE)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange:
            delta = QPointF(value) - self.pos()
            for note in self.members:
                if not note.isSelected():  # selected notes are moved by the drag itself
                    note.moveBy(delta.x(), delta.y())
        return super().itemChange(change, value)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and \
                self.handle_rect().contains(event.pos()):
            self.prepareGeometryChange()
            self.resizing = QRectF(self.pos(), self.size())
            self._press = event.scenePos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.resizing is not None and self._press is not None:
            d = event.scenePos() - self._press
            self.prepareGeometryChange()
            self.resizing.setSize(QSizeF(max(120.0, self.cluster.w + d.x()),
                                         max(100.0, self.cluster.h + d.y())))
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self.resizing is not None:
            frame, self.resizing, self._press = self.resizing, None, None
            self.prepareGeometryChange()
            scene = self.scene()
            if scene is not None and hasattr(scene, "frame_resized"):
                scene.frame_resized.emit(self.id, frame)
            return
        super().mouseReleaseEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.save()
        try:
            self._paint(painter, option)
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        s = self.size()
        rect = QRectF(0, 0, s.width(), s.height())
        pen = QPen(S.SELECTION if self.isSelected() else S.FRAME, 5 if self.isSelected() else 3)
        painter.setPen(pen)
        painter.setBrush(QBrush(S.FRAME_FILL))
        painter.drawRoundedRect(rect, 14, 14)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod * S.CLUSTER_TITLE_PX >= 3:
            title = self.cluster.title or "Untitled cluster"
            painter.setPen(S.INK if self.cluster.title else S.MUTED)
            painter.setFont(S.font(self.title_px(), bold=True))
            painter.drawText(self.title_rect(), TEXT_FLAGS, title)
        painter.setPen(QPen(S.FRAME, 3))
        hr = self.handle_rect()
        for i in (0.35, 0.65):  # a grip in the corner: drag it to resize
            painter.drawLine(QPointF(hr.left() + hr.width() * i, hr.bottom() - 6),
                             QPointF(hr.right() - 6, hr.top() + hr.height() * i))


def _edge_point(rect: QRectF, inside: QPointF, outside: QPointF) -> QPointF:
    """Where the segment from `inside` (in rect) towards `outside` leaves the rectangle."""
    line = QLineF(inside, outside)
    for a, b in ((rect.topLeft(), rect.topRight()), (rect.topRight(), rect.bottomRight()),
                 (rect.bottomRight(), rect.bottomLeft()), (rect.bottomLeft(), rect.topLeft())):
        kind, point = line.intersects(QLineF(a, b))
        if kind == QLineF.IntersectionType.BoundedIntersection:
            return point
    return inside


def clip_line(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of `line` inside `rect` (Liang-Barsky), or None when none of it is."""
    x1, y1, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - rect.left()), (dx, rect.right() - x1),
                 (-dy, y1 - rect.top()), (dy, rect.bottom() - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    return QLineF(x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy)


class LinkItem(QGraphicsItem):
    """An arrow from one note to another, clipped at both notes' edges, with its label."""

    KIND = "link"
    HEAD = 22.0
    LABEL_PX = 17.0

    def __init__(self, link: Link, source: NoteItem, target: NoteItem):
        super().__init__()
        self.id = link.id
        self.link = link
        self.source = source
        self.target = target
        self._line = QLineF()
        self._bounds = QRectF()
        self.label_item: LinkLabel | None = None  # drawn above the notes, so it stays readable
        # the exposed area comes with each paint: a long arrow is drawn only where it shows
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        source.links.append(self)
        target.links.append(self)
        self.adjust()

    def detach(self) -> None:
        for end in (self.source, self.target):
            if self in end.links:
                end.links.remove(self)

    def set_link(self, link: Link) -> None:
        self.link = link
        self.adjust()
        self.update()

    def line(self) -> QLineF:
        return self._line

    def label_rect(self) -> QRectF:
        if not self.link.label:
            return QRectF()
        mid = self._line.center()
        width = QFontMetricsF(S.font(self.LABEL_PX)).horizontalAdvance(self.link.label) + 18
        return QRectF(mid.x() - width / 2, mid.y() - self.LABEL_PX * 0.8, width,
                      self.LABEL_PX * 1.6)

    def adjust(self) -> None:
        a = self.source.sceneBoundingRect().adjusted(6, 6, -6, -6)
        b = self.target.sceneBoundingRect().adjusted(6, 6, -6, -6)
        start = _edge_point(a, a.center(), b.center())
        end = _edge_point(b, b.center(), a.center())
        self.prepareGeometryChange()
        self._line = QLineF(start, end)
        box = QRectF(start, end).normalized().adjusted(-self.HEAD, -self.HEAD, self.HEAD,
                                                         self.HEAD)
        self._bounds = box
        if self.label_item is not None:
            self.label_item.follow()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(18)
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.save()  # the view does not save state between items (it is faster so)
        try:
            self._paint(painter, option.exposedRect)
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, exposed: QRectF) -> None:
        line = self._line
        if line.length() < 1:
            return
        colour = S.SELECTION if self.isSelected() else S.LINK
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 5 if self.isSelected() else 3.5, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.FlatCap))  # round caps cost 20x more to antialias
        angle = math.atan2(line.dy(), line.dx())
        tip = line.p2()
        back = QPointF(tip.x() - self.HEAD * math.cos(angle), tip.y() - self.HEAD * math.sin(angle))
        # antialiased wide lines cost by their full length, even off screen: draw the part
        # that shows (with a margin for the pen)
        shaft = clip_line(QLineF(line.p1(), back), exposed.adjusted(-8, -8, 8, 8))
        if shaft is not None:
            painter.drawLine(shaft)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        spread = 0.45
        painter.drawPolygon(QPolygonF([
            tip,
            QPointF(tip.x() - self.HEAD * math.cos(angle - spread),
                    tip.y() - self.HEAD * math.sin(angle - spread)),
            QPointF(tip.x() - self.HEAD * math.cos(angle + spread),
                    tip.y() - self.HEAD * math.sin(angle + spread)),
        ]))


class LinkLabel(QGraphicsItem):
    """A link's label ("leads to"), in a layer above the notes; clicking it picks the link."""

    def __init__(self, link: LinkItem):
        super().__init__()
        self.link = link
        link.label_item = self
        self._rect = QRectF()
        self.follow()

    def follow(self) -> None:
        self.prepareGeometryChange()
        self._rect = self.link.label_rect()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def mousePressEvent(self, event) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene = self.scene()
            if scene is not None and not self.link.isSelected():
                scene.clearSelection()
            self.link.setSelected(True)
        else:
            self.link.setSelected(not self.link.isSelected())
        event.accept()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._rect.isEmpty():
            return
        painter.save()
        colour = S.SELECTION if self.link.isSelected() else S.LINK
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QBrush(S.BOARD_BG))
        painter.setPen(QPen(colour, 3 if self.link.isSelected() else 1.5))
        painter.drawRoundedRect(self._rect, 8, 8)
        painter.setPen(S.INK)
        painter.setFont(S.font(self.link.LABEL_PX))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.link.link.label)
        painter.restore()


class LaneHeading(QGraphicsItem):
    """The name of a lane above its notes, with the department's colour underneath."""

    def __init__(self, title: str, colour: str | None, rect: QRectF):
        super().__init__()
        self.title = title
        self.colour = colour
        self._rect = rect
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self._rect
        painter.setPen(S.INK)
        painter.setFont(S.font(S.HEADING_PX, bold=True))
        painter.drawText(r.adjusted(0, 0, 0, -12),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.title)
        painter.fillRect(QRectF(r.left(), r.bottom() - 8, r.width(), 8),
                         S.solid(self.colour or S.NO_DEPARTMENT))


class Layer(QGraphicsItem):
    """An invisible parent: hiding it hides every note (or frame, or link) in one call."""

    def __init__(self, z: float):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:  # pragma: no cover - no contents
        pass
