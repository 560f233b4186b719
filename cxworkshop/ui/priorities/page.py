"""The Priorities stage. This first part: the improvements, on the impact / effort matrix the
room can see and in a sortable list beside it, each with its title, description, status, the
senior executive accountable for it (an agreed improvement without one is flagged), a measure
and its roadblocks. Improvements come from a selection of Discover notes ("promote", which
keeps the links to those notes) or are typed fresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop
from ...model import priorities as P
from ...model import vocabulary as V
from ...ops import Batch
from ...ops import actions as A
from ...ops import priorities as O
from ..editor import Editor, FieldEdit, FieldText
from ..pages import LazyTabs
from ..tables import SORT_KEY, SortItem, read_only_list
from .matrix import Matrix

COLUMNS = ("Improvement", "Status", "Impact", "Effort", "Quadrant", "Dots", "Accountable")
TABS = (("vote", "Vote"), ("decisions", "Decisions"), ("contract", "Social contract"),
        ("actions", "Actions"))


class PrioritiesPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.priorities")
        self.editor = editor
        self.session = editor.session
        self.workshop = Workshop()
        self._stale = True
        self._loading = False
        self.current: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        title = QLabel("Priorities")
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addSpacing(16)
        self.new_title = FieldEdit()
        self.new_title.setObjectName("priorities.newTitle")
        self.new_title.setPlaceholderText("A new improvement: type its title and press Enter "
                                          "(or promote notes on the Discover board)")
        self.new_title.returnPressed.connect(self.add_typed)
        top.addWidget(self.new_title, 1)
        layout.addLayout(top)

        split = QSplitter()
        self.matrix = Matrix()
        self.matrix.placed.connect(self.place)
        self.matrix.chosen.connect(self.choose)
        split.addWidget(self.matrix)
        side = QWidget()
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(0, 0, 0, 0)
        self.table = read_only_list("priorities.list", COLUMNS)
        self.table.currentCellChanged.connect(lambda r, *_a: self._row_chosen(r))
        side_col.addWidget(self.table, 2)
        side_col.addWidget(self._form())
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 640])
        # the page reads the file before any tab hears of a change (tabs connect later)
        editor.board_changed.connect(self.follow)
        editor.changed.connect(self._changed)
        self.tabs = LazyTabs("priorities.tabs", self._built)
        self.tabs.add_now("improvements", "Improvements", split)
        for key, title in TABS:  # built when first shown: a workshop often opens on this page
            self.tabs.add_later(key, title, lambda key=key: self._make(key))
        layout.addWidget(self.tabs, 1)

    def _form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.title = FieldEdit()
        self.title.setObjectName("priorities.title")
        self.title.textEdited.connect(lambda t: t.strip() and self._edit("title", t, typing=True))
        self.title.editingFinished.connect(self._title_done)
        self.description = FieldText()
        self.description.setObjectName("priorities.description")
        self.description.setMaximumHeight(80)
        self.description.setTabChangesFocus(True)
        self.status = QComboBox()
        self.status.setObjectName("priorities.status")
        for s in V.IMPROVEMENT_STATUSES:
            self.status.addItem(s.capitalize(), s)
        self.status.activated.connect(lambda _i: self._edit("status", self.status.currentData()))
        self.accountable = QComboBox()
        self.accountable.setObjectName("priorities.accountable")
        self.accountable.activated.connect(
            lambda _i: self._edit("accountable", self.accountable.currentData()))
        self.flag = QLabel("")
        self.flag.setObjectName("problem")
        self.flag.setWordWrap(True)
        self.measure = FieldEdit()
        self.measure.setObjectName("priorities.measure")
        self.measure.textEdited.connect(lambda t: self._edit("measure", t, typing=True))
        self.roadblocks = FieldText()
        self.roadblocks.setObjectName("priorities.roadblocks")
        self.roadblocks.setPlaceholderText("One roadblock a line")
        self.roadblocks.setMaximumHeight(80)
        self.roadblocks.setTabChangesFocus(True)
        self.notes = QLabel("")
        self.notes.setObjectName("hint")
        self.notes.setWordWrap(True)
        self.delete_button = QPushButton("Delete improvement")
        self.delete_button.setObjectName("priorities.delete")
        self.delete_button.clicked.connect(self.delete_current)
        form.addRow("Title", self.title)
        form.addRow("Description", self.description)
        form.addRow("Status", self.status)
        form.addRow("Accountable", self.accountable)
        form.addRow("", self.flag)
        form.addRow("Measure", self.measure)
        form.addRow("Roadblocks", self.roadblocks)
        form.addRow("From notes", self.notes)
        form.addRow("", self.delete_button)
        self.description.textChanged.connect(lambda: self._save_texts(self.description))
        self.roadblocks.textChanged.connect(lambda: self._save_texts(self.roadblocks))
        return box

    # -- reading the file -------------------------------------------------------------------------

    def reload(self) -> None:
        self.workshop = self.session.load(("departments", "participants", "priorities",
                                           "actions"))
        self._stale = False
        improvements = self.workshop.priorities.improvements
        if self.current not in {i.id for i in improvements}:
            self.current = improvements[0].id if improvements else None
        self.matrix.read_only = self.session.read_only
        self.matrix.current = self.current
        self.matrix.show_improvements(improvements)
        self._fill_table()
        self._fill_form()
        self.new_title.setEnabled(not self.session.read_only)
        for view in self.tabs.views.values():
            view.show_workshop(self.workshop)

    # -- the other tabs -----------------------------------------------------------------------

    def _make(self, key: str) -> QWidget:
        if key == "vote":
            from .voting import VotingView as cls
        elif key == "decisions":
            from .decisions import DecisionsView as cls
        elif key == "contract":
            from .contract import ContractView as cls
        else:
            from .actions import ActionsView as cls
        return cls(self.editor)

    def _built(self, view) -> None:
        if not self._stale:
            view.show_workshop(self.workshop)

    @property
    def voting_view(self):
        return self.tabs.view("vote")

    @property
    def decisions_view(self):
        return self.tabs.view("decisions")

    @property
    def contract_view(self):
        return self.tabs.view("contract")

    @property
    def actions_view(self):
        return self.tabs.view("actions")

    def show_tab(self, key: str) -> None:
        self.tabs.show_tab(key)

    def _fill_table(self) -> None:
        people = {p.id: p for p in self.workshop.participants}
        dots = dict((i.id, n) for i, n in P.tally(self.workshop.priorities.improvements))
        revealed = self.workshop.priorities.votes_revealed
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(self.workshop.priorities.improvements))
        chosen_row = -1
        for r, imp in enumerate(self.workshop.priorities.improvements):
            quadrant = P.quadrant(imp.impact, imp.effort)
            who = people.get(imp.accountable or "")
            cells = (
                (imp.title, None),
                (imp.status.capitalize(), V.IMPROVEMENT_STATUSES.index(imp.status)
                 if imp.status in V.IMPROVEMENT_STATUSES else 9),
                (str(imp.impact or "·"), imp.impact or 0),
                (str(imp.effort or "·"), imp.effort or 0),
                (P.QUADRANT_TITLES.get(quadrant, "Not placed") if quadrant else "Not placed",
                 P.QUADRANTS.index(quadrant) if quadrant else 9),
                (str(dots.get(imp.id, 0)) if revealed else "hidden",
                 dots.get(imp.id, 0) if revealed else 0),
                (who.name if who else ("Nobody yet ⚠" if P.needs_accountable(imp) else ""),
                 None),
            )
            for c, (text, key) in enumerate(cells):
                item = SortItem(text)
                item.setData(Qt.ItemDataRole.UserRole, imp.id)
                item.setData(SORT_KEY, key)
                if c == 6 and P.needs_accountable(imp):
                    item.setForeground(QBrush(QColor("#A3200B")))
                table.setItem(r, c, item)
            if imp.id == self.current:
                chosen_row = r
        table.setSortingEnabled(True)
        if chosen_row >= 0:
            for r in range(table.rowCount()):
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == self.current:
                    self._loading = True
                    table.setCurrentCell(r, 0)
                    self._loading = False
                    break

    def _fill_form(self) -> None:
        imp = self._current()
        enabled = imp is not None and not self.session.read_only
        for w in (self.title, self.description, self.status, self.accountable, self.measure,
                  self.roadblocks, self.delete_button):
            w.setEnabled(enabled)
        self._loading = True
        try:
            self.accountable.clear()
            self.accountable.addItem("Nobody yet", None)
            for p in self.workshop.participants:
                if p.senior:
                    self.accountable.addItem(p.name, p.id)
            if imp is None:
                for w in (self.title, self.measure):
                    w.clear()
                self.description.clear()
                self.roadblocks.clear()
                self.flag.setText("")
                self.notes.setText("")
                return
            if self.title.text() != imp.title:
                self.title.setText(imp.title)
            if self.description.toPlainText() != imp.description and (
                    not self.description.hasFocus() or self.editor.replaying):
                self.description.setPlainText(imp.description)
            self.status.setCurrentIndex(max(0, self.status.findData(imp.status)))
            index = self.accountable.findData(imp.accountable)
            if index < 0 and imp.accountable:  # someone no longer senior: still shown
                who = next((p for p in self.workshop.participants if p.id == imp.accountable),
                           None)
                self.accountable.addItem(who.name if who else imp.accountable, imp.accountable)
                index = self.accountable.count() - 1
            self.accountable.setCurrentIndex(max(0, index))
            people = {p.id: p for p in self.workshop.participants}
            self.flag.setText(P.accountable_problem(imp, people) or "")
            if self.measure.text() != imp.measure:
                self.measure.setText(imp.measure)
            typed = [t.strip() for t in self.roadblocks.toPlainText().splitlines() if t.strip()]
            if typed != imp.roadblocks and (not self.roadblocks.hasFocus()
                                            or self.editor.replaying):
                self.roadblocks.setPlainText("\n".join(imp.roadblocks))
            texts = dict(self.session.conn.execute(
                f"SELECT id, text FROM note WHERE id IN ({','.join('?' * len(imp.notes))})",
                imp.notes).fetchall()) if imp.notes else {}
            self.notes.setText("\n".join(f"“{texts[n]}”" for n in imp.notes if n in texts)
                               or "Typed fresh")
        finally:
            self._loading = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def follow(self, batch: Batch) -> None:
        if batch.section in (O.SECTION, A.SECTION, "discover"):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def _changed(self, section: str) -> None:
        if section in ("departments", "participants"):
            self._stale = True
            if self.isVisible():
                self.reload()

    # -- verbs ----------------------------------------------------------------------------------

    def _current(self):
        return next((i for i in self.workshop.priorities.improvements if i.id == self.current),
                    None)

    def choose(self, oid: str) -> None:
        self.current = oid
        self.matrix.current = oid
        self.matrix.update()
        self._fill_table()
        self._fill_form()

    def _row_chosen(self, row: int) -> None:
        if self._loading or row < 0 or self.table.item(row, 0) is None:
            return
        oid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if oid != self.current:
            self.current = oid
            self.matrix.current = oid
            self.matrix.update()
            self._fill_form()

    def add_typed(self) -> None:
        title = self.new_title.text().strip()
        if not title:
            return
        batch = self.editor.board(O.add_improvement, title, label="Add improvement")
        if batch is not None:
            self.new_title.clear()
            self.current = batch.created[0]
            self.reload()

    def place(self, oid: str, impact: int, effort: int) -> None:
        self.current = oid
        self.editor.board(O.place_improvement, oid, impact, effort, label="Place improvement")

    def _edit(self, key: str, value, typing: bool = False) -> None:
        """Save one detail of the chosen improvement; typed text is saved at each key, and a
        run of typing in one field is one undo step."""
        imp = self._current()
        if self._loading or imp is None or self.session.read_only:
            return
        if getattr(imp, key) == value:
            return
        merge = ("improvement", imp.id, key, self.editor.run) if typing else None
        if self.editor.board(O.edit_improvement, imp.id, label=f"Edit {key}", merge_key=merge,
                             **{key: value}) is not None:
            setattr(imp, key, value)  # what the file now holds, until the page reads it again

    def _title_done(self) -> None:
        imp = self._current()
        if imp is None:
            return
        if self.title.text().strip():
            self._edit("title", self.title.text())
        else:  # an improvement keeps a title: show the one the file has
            self.title.setText(imp.title)

    def _save_texts(self, edit: QPlainTextEdit) -> None:
        imp = self._current()
        if self._loading or imp is None or self.session.read_only:
            return
        if edit is self.description and edit.toPlainText() != imp.description:
            self._edit("description", edit.toPlainText(), typing=True)
        elif edit is self.roadblocks:
            lines = [t.strip() for t in edit.toPlainText().splitlines() if t.strip()]
            if lines != imp.roadblocks and self.editor.board(
                    O.set_roadblocks, imp.id, lines, label="Edit roadblocks",
                    merge_key=("roadblocks", imp.id, self.editor.run)) is not None:
                imp.roadblocks = lines

    def delete_current(self) -> None:
        imp = self._current()
        if imp is not None:
            self.editor.board(O.delete_improvement, imp.id, label="Delete improvement")

