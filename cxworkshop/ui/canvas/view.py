"""The window onto the board: zoom (Ctrl+wheel, + and −, F to fit all, Z to the selection),
pan (scroll, middle-drag), rubber-band and Ctrl-click selection, and drawing links by
Shift-dragging from one note to another (or with the link tool on)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
)

from . import style as S
from .items import ClusterItem, LinkItem, LinkLabel, NoteItem
from .scene import DRAWING_Z, BoardScene

MIN_SCALE = 0.01
MAX_SCALE = 4.0
ZOOM_STEP = 1.25
FIT_MARGIN = 40.0
EMPTY_HINT = "Type a challenge in the capture bar below and press Enter."


class BoardView(QGraphicsView):
    link_drawn = Signal(str, str)  # from note id, to note id
    edit_requested = Signal(object)  # the item double-clicked
    zoomed = Signal(float)

    def __init__(self, scene: BoardScene, parent=None):
        super().__init__(scene, parent)
        self.board = scene
        self.setObjectName("board")
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.link_tool = False
        self._link_from: NoteItem | None = None
        self._link_line: QGraphicsLineItem | None = None
        self._pan_from: QPointF | None = None

    # -- zoom -------------------------------------------------------------------------------------

    def scale_now(self) -> float:
        return self.transform().m11()

    def set_scale(self, scale: float, anchor_under_mouse: bool = False) -> None:
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        factor = scale / self.scale_now()
        if abs(factor - 1) < 1e-9:
            return
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse
                                     if anchor_under_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.board.use_overview(scale)
        self.scale(factor, factor)
        self.zoomed.emit(scale)

    def zoom_in(self) -> None:
        self.set_scale(self.scale_now() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_scale(self.scale_now() / ZOOM_STEP)

    def zoom_actual(self) -> None:
        self.set_scale(1.0)

    def show_rect(self, rect: QRectF) -> None:
        """Zoom and scroll so `rect` (scene units) fills the view, with a margin."""
        if rect.isEmpty():
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        view = self.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height())
        scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        self.board.use_overview(scale)
        self.resetTransform()
        self.scale(scale, scale)
        self.setSceneRect(self.board.items_rect().united(rect).adjusted(-2000, -2000, 2000, 2000))
        self.centerOn(rect.center())
        self.zoomed.emit(scale)

    def fit_all(self) -> None:
        self.show_rect(self.board.items_rect())

    def zoom_to_selection(self) -> None:
        rect = QRectF()
        for item in self.board.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            self.fit_all()
        else:
            self.show_rect(rect)

    def zoom_to_items(self, items) -> None:
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        if not rect.isEmpty():
            self.show_rect(rect)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_scale(self.scale_now() * ZOOM_STEP ** steps, anchor_under_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif plain and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif plain and key == Qt.Key.Key_0:
            self.zoom_actual()
        elif plain and key == Qt.Key.Key_F:
            self.fit_all()
        elif plain and key == Qt.Key.Key_Z:
            self.zoom_to_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- mouse: pan, link, edit -----------------------------------------------------------------

    def _note_at(self, pos) -> NoteItem | None:
        for item in self.items(pos):
            if isinstance(item, NoteItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and (
                self.link_tool or event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            note = self._note_at(event.position().toPoint())
            if note is not None:
                self._link_from = note
                centre = note.sceneBoundingRect().center()
                self._link_line = QGraphicsLineItem(centre.x(), centre.y(), centre.x(), centre.y())
                self._link_line.setPen(QPen(S.SELECTION, 4, Qt.PenStyle.DashLine))
                self._link_line.setZValue(DRAWING_Z)
                self.board.addItem(self._link_line)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        if self._link_line is not None:
            line = self._link_line.line()
            end = self.mapToScene(event.position().toPoint())
            self._link_line.setLine(line.x1(), line.y1(), end.x(), end.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._link_line is not None:
            self.board.removeItem(self._link_line)
            self._link_line = None
            source, self._link_from = self._link_from, None
            target = self._note_at(event.position().toPoint())
            if source is not None and target is not None and target is not source:
                self.link_drawn.emit(source.id, target.id)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        for item in self.items(event.position().toPoint()):
            if isinstance(item, LinkLabel):
                item = item.link
            if isinstance(item, NoteItem | LinkItem):
                self.edit_requested.emit(item)
                event.accept()
                return
            if isinstance(item, ClusterItem):
                local = item.mapFromScene(self.mapToScene(event.position().toPoint()))
                if item.title_rect().contains(local):
                    self.edit_requested.emit(item)
                    event.accept()
                    return
        super().mouseDoubleClickEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Zoomed far out on a big board, paint the scene's overview picture, the lane headings
        and outlines of what is selected, instead of asking ten thousand items to draw."""
        if not self.board.overview_on:
            super().paintEvent(event)
            return
        # Qt clears its "the whole scene needs repainting" flag only while it draws items; were
        # it never to draw, later changes (a note added while zoomed out) would not be shown.
        # So let it draw one pixel's worth (one note at most), then paint over everything.
        super().paintEvent(QPaintEvent(QRect(0, 0, 1, 1)))
        exposed = event.rect()
        painter = QPainter(self.viewport())
        painter.fillRect(exposed, S.BOARD_BG)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setTransform(self.viewportTransform())
        image, area = self.board.overview()
        painter.drawImage(area, image)
        option = QStyleOptionGraphicsItem()
        for heading in self.board.headings:
            painter.save()
            painter.setOpacity(heading.opacity())
            painter.translate(heading.pos())
            heading.paint(painter, option, None)
            painter.restore()
        selected = self.board.selectedItems()
        if selected:
            painter.setPen(QPen(S.SELECTION, 4 / max(self.scale_now(), 1e-6)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for item in selected:
                painter.drawRect(item.sceneBoundingRect())
        self.drawForeground(painter, self.mapToScene(exposed).boundingRect())
        painter.resetTransform()
        band = self.rubberBandRect()
        if not band.isEmpty():
            fill = QColor(S.SELECTION)
            fill.setAlpha(50)
            painter.setPen(QPen(S.SELECTION, 2))
            painter.setBrush(fill)
            painter.drawRect(band)
        painter.end()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if not self.board.notes:  # an empty board says what to do next, in one line
            painter.save()
            painter.resetTransform()
            painter.setPen(S.MUTED)
            painter.setFont(S.font(22))
            area = self.viewport().rect()
            area.setTop(area.height() * 3 // 5)  # below the lane headings, which sit mid-view
            painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, EMPTY_HINT)
            painter.restore()

    def item_viewport_rect(self, item: QGraphicsItem, rect: QRectF | None = None) -> QRectF:
        """Where (part of) an item is on screen, in viewport pixels."""
        scene_rect = item.mapRectToScene(rect) if rect is not None else item.sceneBoundingRect()
        return self.mapFromScene(scene_rect).boundingRect().toRectF()
