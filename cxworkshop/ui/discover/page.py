"""The Discover stage: the board of challenges and barriers, its capture bar and its summary.

Every gesture becomes one board op through the editor (one transaction, one undo step); the
scene then follows the batch the op returned. The page owns the keys (see `keys.py`), the
in-place editors and the short glide when notes are arranged.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model import vocabulary as V
from ...ops import Batch
from ...ops import discover as D
from ..canvas.items import ClusterItem, LinkItem, NoteItem
from ..canvas.scene import BoardScene
from ..canvas.view import BoardView
from ..editor import Editor
from ..tables import swatch
from .capture import CaptureBar
from .inplace import InPlaceEditor
from .keys import BOARD_KEYS
from .summary import SummaryPanel

NUDGE = 10.0
NUDGE_FAR = 60.0
GLIDE_MS = 220
GLIDE_MAX_NOTES = 1500  # beyond this the board jumps: a glide would stutter, not explain


class DiscoverPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.discover")
        self.editor = editor
        self.session = editor.session
        self.scene = BoardScene(self)
        self.view = BoardView(self.scene)
        self.capture = CaptureBar()
        self.summary = SummaryPanel()
        self.inplace = InPlaceEditor(self)
        self._selection_order: list[str] = []
        self._glide: QVariantAnimation | None = None
        self._land = None  # puts the gliding notes at their ends
        self._summary_due = False
        self._restoring = False  # putting a kept draft back: nothing to save
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(0)
        self._summary_timer.timeout.connect(self._refresh_summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.summary)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 400])
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.capture)

        self.capture.capture.connect(self.add_note)
        self.capture.line.textChanged.connect(self._keep_draft)
        for combo in (self.capture.department, self.capture.kind, self.capture.dimension,
                      self.capture.author):
            combo.currentIndexChanged.connect(self._keep_draft)
        self.capture.line.leave.connect(self.view.setFocus)
        self.scene.moved.connect(self._dragged)
        self.scene.frame_resized.connect(self._frame_resized)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.link_drawn.connect(self.link_notes)
        self.view.edit_requested.connect(self.edit_item)
        self.view.zoomed.connect(lambda _s: self.inplace.finish())
        self.summary.show_link.connect(self._show_link)
        self.summary.barriers_only.toggled.connect(lambda _on: self._refresh_summary())
        editor.board_changed.connect(self.follow)
        self._bind_keys()
        self.reload()

    # -- building -----------------------------------------------------------------------------

    def _toolbar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("boardToolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 6, 8, 6)
        title = QLabel("Discover")
        title.setObjectName("pageTitle")
        row.addWidget(title)
        row.addSpacing(16)
        self.search = QLineEdit()
        self.search.setObjectName("board.search")
        self.search.setPlaceholderText("Search notes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self._focus_changed)
        self.search.returnPressed.connect(self._zoom_to_matches)
        row.addWidget(self.search)
        self.highlight = QComboBox()
        self.highlight.setObjectName("board.highlight")
        self.highlight.setToolTip("Highlight one department; the others fade (keys 1–9, Esc)")
        self.highlight.currentIndexChanged.connect(self._focus_changed)
        row.addWidget(self.highlight)
        row.addStretch(1)
        self.arrange_buttons: dict[str, QPushButton] = {}
        for how, text, tip in (("departments", "Lanes by department", "Ctrl+Shift+D"),
                               ("dimensions", "Lanes by dimension", "Ctrl+Shift+M"),
                               ("free", "Free layout", "Ctrl+Shift+R")):
            button = QPushButton(text)
            button.setObjectName(f"board.arrange.{how}")
            button.setToolTip(tip)
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, h=how: self.arrange(h))
            row.addWidget(button)
            self.arrange_buttons[how] = button
        row.addSpacing(12)
        self.link_button = QToolButton()
        self.link_button.setObjectName("board.linkTool")
        self.link_button.setText("Link tool")
        self.link_button.setToolTip("Drag from one note to another to link them (L); "
                                    "Shift-drag works at any time")
        self.link_button.setCheckable(True)
        self.link_button.toggled.connect(self._link_tool_toggled)
        row.addWidget(self.link_button)
        for name, text, slot, tip in (
                ("board.fit", "Fit all", lambda: self.view.fit_all(), "F"),
                ("board.zoomIn", "+", lambda: self.view.zoom_in(), "+ or Ctrl+wheel"),
                ("board.zoomOut", "−", lambda: self.view.zoom_out(), "− or Ctrl+wheel")):
            button = QToolButton()
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.summary_button = QToolButton()
        self.summary_button.setObjectName("board.summaryToggle")
        self.summary_button.setText("Summary")
        self.summary_button.setToolTip("Show or hide the barrier summary (F9)")
        self.summary_button.setCheckable(True)
        self.summary_button.setChecked(True)
        self.summary_button.toggled.connect(self._summary_toggled)
        row.addWidget(self.summary_button)
        return bar

    def _bind_keys(self) -> None:
        self.shortcuts: dict[str, QShortcut] = {}
        for spec in BOARD_KEYS:
            if spec.where == "view":
                continue
            owner = self.view if spec.where == "board" else self
            context = (Qt.ShortcutContext.WidgetShortcut if spec.where == "board"
                       else Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for i, key in enumerate(spec.keys):
                shortcut = QShortcut(QKeySequence(key), owner)
                shortcut.setContext(context)
                handler = getattr(self, spec.handler)
                if spec.id == "board.highlight":
                    shortcut.activated.connect(lambda n=i + 1: self.highlight_number(n))
                else:
                    shortcut.activated.connect(handler)
                self.shortcuts[f"{spec.id}.{i}"] = shortcut

    # -- showing the file -----------------------------------------------------------------------

    def reload(self) -> None:
        """Show the whole board again from the file (on open, or after Setup changed)."""
        self.scene.load(self.session)
        self.scene.use_overview(self.view.scale_now())  # the board may have grown or shrunk
        self._restoring = True  # refilling the choosers is not the facilitator's doing
        try:
            self._people_changed()
            self._restore_draft()  # once the choosers list this file's people
        finally:
            self._restoring = False
        self._arrangement_changed()
        self._set_read_only(self.session.read_only)
        self._refresh_summary()

    def people_changed(self) -> None:
        """Departments or participants were edited in Setup (deleting one also changes notes):
        the board is read again when it is next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _people_changed(self) -> None:
        self.capture.show_people(self.scene.departments, self._participants())
        chosen = self.highlight.currentData()
        self.highlight.blockSignals(True)
        self.highlight.clear()
        self.highlight.addItem("All departments", None)
        for i, d in enumerate(self.scene.departments):
            self.highlight.addItem(swatch(d.color or V.palette_colour(i)),
                                   f"{i + 1}  {d.name}" if i < 9 else d.name, d.id)
        self.highlight.addItem("No department", "")
        self.highlight.setCurrentIndex(max(0, self.highlight.findData(chosen)))
        self.highlight.blockSignals(False)

    def _participants(self):
        return self.session.load(("participants",)).participants

    def _set_read_only(self, read_only: bool) -> None:
        self.capture.setEnabled(not read_only)
        for button in self.arrange_buttons.values():
            button.setEnabled(not read_only)
        self.link_button.setEnabled(not read_only)
        if read_only:
            for item in (*self.scene.notes.values(), *self.scene.clusters.values()):
                item.setFlag(item.GraphicsItemFlag.ItemIsMovable, False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
            self.reload()
        if not getattr(self, "_fitted", False):
            self._fitted = True
            QTimer.singleShot(0, self.view.fit_all)
            QTimer.singleShot(0, self._focus_capture)

    def _focus_capture(self) -> None:
        if self.isVisible():  # the facilitator may have moved on to another page already
            self.capture.line.setFocus()

    def follow(self, batch: Batch) -> None:
        """An edit, undo or redo changed the board: update what it touched."""
        if batch.section != D.SECTION:
            return
        self._finish_glide()
        before = {nid: item.pos() for nid, item in self.scene.notes.items()} \
            if self._is_arrangement(batch) else {}
        moved = self.scene.apply(self.session, batch)
        if self.session.read_only:
            self._set_read_only(True)
        if before and 1 < len(moved) <= GLIDE_MAX_NOTES and not self.scene.overview_on:
            self.scene.items_rect()  # the extent they glide into: what fit-all will show
            self._glide_from(before, moved)
        self._arrangement_changed()
        self._summary_timer.start()  # counted once the edit is shown (and once for a burst)

    def _keep_draft(self, *_changed) -> None:
        if not self._restoring:
            self.editor.keep(D.keep_capture_draft, self.capture.draft())

    def _restore_draft(self) -> None:
        """Put back what was being typed, and the choices then, when the file was closed (or
        the app stopped)."""
        draft = D.capture_draft(self.session)
        if draft:
            self.capture.set_draft(draft)

    @staticmethod
    def _is_arrangement(batch: Batch) -> bool:
        return any(table == "board" for table, _key in batch.touched())

    def _arrangement_changed(self) -> None:
        for how, button in self.arrange_buttons.items():
            button.setChecked(how == self.scene.arrangement)

    def _refresh_summary(self) -> None:
        if not self.summary.isVisible() and self.isVisible():
            self._summary_due = True
            return
        self._summary_due = False
        self.summary.show_board(self.scene.departments,
                                [item.note for item in self.scene.notes.values()],
                                [item.link for item in self.scene.links.values()])

    def _summary_toggled(self, on: bool) -> None:
        self.summary.setVisible(on)
        if on and self._summary_due:
            self._refresh_summary()

    # -- gliding into lanes ------------------------------------------------------------------------

    def _glide_from(self, before: dict[str, QPointF], moved) -> None:
        self._finish_glide()
        paths = []
        for item in moved:
            if isinstance(item, NoteItem) and item.id in before:
                paths.append((item, before[item.id], item.pos()))
                item.setPos(before[item.id])
        glide = QVariantAnimation(self)
        glide.setDuration(GLIDE_MS)
        glide.setStartValue(0.0)
        glide.setEndValue(1.0)
        glide.setEasingCurve(QEasingCurve.Type.OutCubic)

        def step(t) -> None:
            for item, a, b in paths:
                item.setPos(a + (b - a) * float(t))

        def land() -> None:
            for item, _a, b in paths:
                item.setPos(b)
            self._glide = self._land = None
            self.view.setInteractive(True)
            self.scene.refresh_overview()  # it may have been drawn mid-way

        glide.valueChanged.connect(step)
        glide.finished.connect(land)
        self._glide, self._land = glide, land
        self.view.setInteractive(False)  # no drag starts from a note on its way
        glide.start(QVariantAnimation.DeletionPolicy.DeleteWhenStopped)

    def _finish_glide(self) -> None:
        """Put notes that are gliding where they are going, at once (stop() alone would leave
        them part-way, and the next edit would start from there)."""
        if self._glide is not None and self._land is not None:
            glide, land = self._glide, self._land
            glide.stop()
            land()

    @property
    def gliding(self) -> bool:
        return self._glide is not None

    # -- verbs --------------------------------------------------------------------------------------

    def add_note(self, text: str, department, kind: str, dimension, author) -> None:
        batch = self.editor.board(D.add_note, text, department, kind, dimension, author,
                                  label="Add note")
        if batch is None:
            return
        self.capture.done()
        item = self.scene.notes.get(batch.created[0])
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.ensureVisible(item, 40, 40)

    def selected_ids(self, kinds=(NoteItem, ClusterItem, LinkItem)) -> list[str]:
        return [item.id for item in self.scene.selectedItems() if isinstance(item, kinds)]

    def delete_selection(self) -> None:
        ids = self.selected_ids()
        if ids:
            n = len(ids)
            self.editor.board(D.delete_items, ids, label=f"Delete {n} item{'s' * (n != 1)}")

    def duplicate_selection(self) -> None:
        ids = self.selected_ids((NoteItem,))
        if not ids:
            return
        batch = self.editor.board(D.duplicate_notes, ids, label="Duplicate")
        if batch is not None:
            self._select(batch.created)

    def _select(self, ids) -> None:
        self.scene.clearSelection()
        for oid in ids:
            item = self.scene.notes.get(oid) or self.scene.clusters.get(oid)
            if item is not None:
                item.setSelected(True)

    def group_selection(self) -> None:
        ids = self.selected_ids((NoteItem,))
        if not ids:
            self.editor.refused.emit("Select the notes to group first.")
            return
        batch = self.editor.board(D.add_cluster, "", ids, label="Group into a cluster")
        if batch is not None:
            cluster = self.scene.clusters.get(batch.created[0])
            if cluster is not None:
                self.edit_item(cluster)

    def promote_selection(self) -> None:
        """The selected notes become one improvement on the Priorities stage, linked to them."""
        from ...ops import priorities as O

        ids = [i for i in self._selection_order if i in self.scene.notes
               and self.scene.notes[i].isSelected()]
        ids += [i for i in self.selected_ids((NoteItem,)) if i not in ids]
        if not ids:
            self.editor.refused.emit("Select the notes to promote first.")
            return
        batch = self.editor.board(O.promote_notes, ids, label="Promote to improvement")
        if batch is not None:
            self.editor.refused.emit(f"{len(ids)} note{'s' * (len(ids) != 1)} promoted to an "
                                     "improvement; see Priorities.")

    def link_selection(self) -> None:
        order = [i for i in self._selection_order if i in self.scene.notes
                 and self.scene.notes[i].isSelected()]
        if len(order) != 2:
            self.editor.refused.emit("Select exactly two notes to link, the cause first.")
            return
        self.link_notes(order[0], order[1])

    def link_notes(self, source: str, target: str) -> None:
        batch = self.editor.board(D.add_link, source, target, label="Link notes")
        if batch is not None:
            link = self.scene.links.get(batch.created[0])
            if link is not None:
                self.scene.clearSelection()
                link.setSelected(True)

    def toggle_link_tool(self) -> None:
        self.link_button.setChecked(not self.link_button.isChecked())

    def _link_tool_toggled(self, on: bool) -> None:
        self.view.link_tool = on
        self.view.viewport().setCursor(Qt.CursorShape.CrossCursor if on
                                       else Qt.CursorShape.ArrowCursor)

    def select_all(self) -> None:
        for item in self.scene.notes.values():
            item.setSelected(True)

    def _nudge(self, dx: float, dy: float) -> None:
        self._finish_glide()
        items = [i for i in self.scene.selectedItems() if isinstance(i, NoteItem | ClusterItem)]
        if not items or self.session.read_only:
            return
        places = {i.id: (i.pos().x() + dx, i.pos().y() + dy) for i in items
                  if not (isinstance(i, NoteItem) and i.note.cluster in
                          {c.id for c in items if isinstance(c, ClusterItem)})}
        key = ("nudge", frozenset(places), self.editor.run)
        self.editor.board(D.move_items, places, label="Nudge", merge_key=key)

    def nudge_left(self) -> None:
        self._nudge(-NUDGE, 0)

    def nudge_right(self) -> None:
        self._nudge(NUDGE, 0)

    def nudge_up(self) -> None:
        self._nudge(0, -NUDGE)

    def nudge_down(self) -> None:
        self._nudge(0, NUDGE)

    def nudge_left_far(self) -> None:
        self._nudge(-NUDGE_FAR, 0)

    def nudge_right_far(self) -> None:
        self._nudge(NUDGE_FAR, 0)

    def nudge_up_far(self) -> None:
        self._nudge(0, -NUDGE_FAR)

    def nudge_down_far(self) -> None:
        self._nudge(0, NUDGE_FAR)

    def arrange(self, how: str) -> None:
        self._finish_glide()
        titles = {"departments": "Arrange by department", "dimensions": "Arrange by dimension",
                  "free": "Restore free layout"}
        self.editor.board(D.arrange, how, label=titles[how])
        self._arrangement_changed()
        self.view.fit_all()

    def arrange_by_department(self) -> None:
        self.arrange("departments")

    def arrange_by_dimension(self) -> None:
        self.arrange("dimensions")

    def arrange_free(self) -> None:
        self.arrange("free")

    def _dragged(self, places: dict) -> None:
        if self.session.read_only:
            self.scene.load(self.session)
            return
        n = len(places)
        if self.editor.board(D.move_items, places, label=f"Move {n} item{'s' * (n != 1)}") is None:
            self.scene.load(self.session)  # refused: show the file as it is

    def _frame_resized(self, cluster: str, frame: QRectF) -> None:
        if self.editor.board(D.set_frame, cluster, frame.x(), frame.y(), frame.width(),
                             frame.height(), label="Resize cluster") is None:
            self.scene.load(self.session)

    # -- focus ----------------------------------------------------------------------------------

    def highlight_number(self, n: int) -> None:
        if n <= len(self.scene.departments):
            self.highlight.setCurrentIndex(n)

    def escape(self) -> None:
        if self.inplace.active:
            return
        if self.scene.selectedItems():
            self.scene.clearSelection()
        elif self.highlight.currentIndex() > 0 or self.search.text():
            self.highlight.setCurrentIndex(0)
            self.search.clear()
        else:
            self.capture.line.setFocus()

    def start_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def start_capture(self) -> None:
        self.capture.line.setFocus()

    def toggle_summary(self) -> None:
        self.summary_button.setChecked(not self.summary_button.isChecked())

    def _focus_changed(self, *_args) -> None:
        self.scene.set_focus(self.highlight.currentData(), self.search.text())

    def _zoom_to_matches(self) -> None:
        matches = self.scene.matching()
        if matches:
            self.view.zoom_to_items(matches)

    def _show_link(self, source: str, target: str) -> None:
        items = [self.scene.notes[i] for i in (source, target) if i in self.scene.notes]
        self.scene.clearSelection()
        for item in items:
            item.setSelected(True)
        self.view.zoom_to_items(items)

    def _selection_changed(self) -> None:
        try:
            chosen = {i.id for i in self.scene.selectedItems() if isinstance(i, NoteItem)}
        except RuntimeError:  # the scene is going away
            return
        self._selection_order = [i for i in self._selection_order if i in chosen]
        self._selection_order += [i for i in chosen if i not in self._selection_order]

    # -- editing in place ----------------------------------------------------------------------

    def edit_selection(self) -> None:
        items = self.scene.selectedItems()
        if len(items) == 1:
            self.edit_item(items[0])

    def edit_item(self, item) -> None:
        if self.session.read_only:
            return
        if isinstance(item, NoteItem):
            self.inplace.edit_note(item)
        elif isinstance(item, ClusterItem):
            self.inplace.edit_cluster(item)
        elif isinstance(item, LinkItem):
            self.inplace.edit_link(item)
