"""Editing on the board itself: a note's text, a cluster's name, a link's label.

The editor opens over the item at the board's zoom. Every keystroke is saved (one undo step
for the whole edit, so a crash loses nothing); Enter or clicking elsewhere ends the edit,
Shift+Enter starts a new line in a note, Esc puts back what was there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ...ops import discover as D
from ..canvas import style as S
from ..canvas.items import ClusterItem, LinkItem, NoteItem

if TYPE_CHECKING:
    from .page import DiscoverPage


class InPlaceEditor(QObject):
    def __init__(self, page: DiscoverPage):
        super().__init__(page)
        self.page = page
        viewport = page.view.viewport()
        self.text = QPlainTextEdit(viewport)
        self.text.setObjectName("board.noteEditor")
        self.text.hide()
        self.line = QLineEdit(viewport)
        self.line.setObjectName("board.lineEditor")
        self.line.hide()
        for widget in (self.text, self.line):
            widget.installEventFilter(self)
        self.text.textChanged.connect(self._typed)
        self.line.textEdited.connect(lambda _t: self._typed())
        self.target: NoteItem | ClusterItem | LinkItem | None = None
        self._key: object = None
        self._pushed = False
        self._original = ""

    @property
    def active(self) -> bool:
        return self.target is not None

    def _start(self, item, widget, rect: QRectF, px: float, value: str) -> None:
        self.finish()
        editor = self.page.editor
        editor.seal()
        self.target = item
        self._key = ("edit in place", item.id, editor.run)
        self._pushed = False
        self._original = value
        font = S.font(max(12.0, px))
        widget.setFont(font)
        widget.blockSignals(True)
        if widget is self.text:
            self.text.setPlainText(value)
            self.text.selectAll()
        else:
            self.line.setText(value)
            self.line.selectAll()
        widget.blockSignals(False)
        widget.setGeometry(rect.toRect())
        widget.show()
        widget.raise_()
        widget.setFocus()

    def edit_note(self, item: NoteItem) -> None:
        view = self.page.view
        rect = view.item_viewport_rect(item, item.rect())
        scale = view.scale_now()
        if rect.width() < 160:  # too small to type in: give it a readable size
            rect.setSize(rect.size() * (160 / max(rect.width(), 1)))
        self.text.setStyleSheet(f"QPlainTextEdit {{ background: {S.tint(item.look.colour).name()};"
                                f" color: {S.INK.name()}; border: 3px solid {S.SELECTION.name()}; }}")
        self._start(item, self.text, rect, item.text_px() * scale, item.note.text)

    def edit_cluster(self, item: ClusterItem) -> None:
        view = self.page.view
        rect = view.item_viewport_rect(item, item.title_rect())
        rect.setHeight(max(rect.height() * 0.6, 32.0))
        rect.setWidth(max(rect.width(), 240.0))
        self._start(item, self.line, rect, S.CLUSTER_TITLE_PX * view.scale_now(),
                    item.cluster.title)
        self.line.setPlaceholderText("Name this cluster")

    def edit_link(self, item: LinkItem) -> None:
        view = self.page.view
        mid = view.mapFromScene(item.line().center())
        rect = QRectF(mid.x() - 120, mid.y() - 18, 240, 36)
        self._start(item, self.line, rect, LinkItem.LABEL_PX * view.scale_now(), item.link.label)
        self.line.setPlaceholderText("Label, e.g. leads to")

    def _value(self) -> str:
        return self.text.toPlainText() if isinstance(self.target, NoteItem) else self.line.text()

    def _typed(self) -> None:
        if self.target is None:
            return
        value = self._value()
        item, editor = self.target, self.page.editor
        if isinstance(item, NoteItem):
            if not value.strip():
                return  # a note is never empty; the last words typed stay saved meanwhile
            batch = editor.board(D.edit_note, item.id, text=value, label="Edit note",
                                 merge_key=self._key)
        elif isinstance(item, ClusterItem):
            batch = editor.board(D.edit_cluster, item.id, value, label="Rename cluster",
                                 merge_key=self._key)
        else:
            batch = editor.board(D.edit_link, item.id, value, label="Label link",
                                 merge_key=self._key)
        if batch:
            self._pushed = True

    def finish(self) -> None:
        """End the edit, keeping what was typed (an emptied note keeps its old text)."""
        if self.target is None:
            return
        if isinstance(self.target, NoteItem) and not self._value().strip():
            self.cancel()
            return
        self._close()

    def cancel(self) -> None:
        """End the edit and put back the text it started with."""
        if self.target is None:
            return
        stack = self.page.editor.stack
        if self._pushed and stack.index() > 0:
            top = stack.command(stack.index() - 1)
            if getattr(top, "merge_key", None) == self._key:
                stack.undo()
        self._close()

    def _close(self) -> None:
        self.target = None
        self._key = None
        self.page.editor.seal()
        for widget in (self.text, self.line):
            widget.hide()
        self.page.view.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if self.target is None:
            return False
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    watched is self.text and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
                self.finish()
                return True
        elif event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            self.finish()  # the window's Undo takes over: the edit is saved, close it first
            event.ignore()
            return True
        elif event.type() == QEvent.Type.FocusOut:
            self.finish()
        return False
