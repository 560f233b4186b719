"""Actions: what will be done, by whom, by when, for which improvement. A sortable table with
quick keyboard entry: type the action and press Enter; the form beside it sets its owner, due
date, status and improvement; Delete deletes. Every change is saved at once and undoable.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop, rules
from ...model import vocabulary as V
from ...ops import actions as O
from ..editor import Editor, FieldEdit
from ..tables import SORT_KEY, SortItem, read_only_list

COLUMNS = ("Action", "Owner", "Due", "Status", "Improvement")


class ActionsView(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorities.actions")
        self.editor = editor
        self.workshop = Workshop()
        self.current: str | None = None
        self._loading = False

        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.new_text = FieldEdit()
        self.new_text.setObjectName("actions.new")
        self.new_text.setPlaceholderText("A new action: type what will be done and press Enter")
        self.new_text.returnPressed.connect(self.add_typed)
        col.addWidget(self.new_text)
        row = QHBoxLayout()
        self.table = read_only_list("actions.table", COLUMNS)
        self.table.installEventFilter(self)
        self.table.currentCellChanged.connect(lambda r, *_a: self._row_chosen(r))
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.table.setFont(font)
        row.addWidget(self.table, 3)
        row.addWidget(self._form(), 2)
        col.addLayout(row, 1)

    def _form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.text = FieldEdit()
        self.text.setObjectName("actions.text")
        self.text.textEdited.connect(lambda t: t.strip() and self._edit("text", t, typing=True))
        self.owner = QComboBox()
        self.owner.setObjectName("actions.owner")
        self.owner.activated.connect(lambda _i: self._edit("owner", self.owner.currentData()))
        self.due = FieldEdit()
        self.due.setObjectName("actions.due")
        self.due.setPlaceholderText("2026-12-31")
        self.due.editingFinished.connect(self._due_done)
        self.status = QComboBox()
        self.status.setObjectName("actions.status")
        for s in V.ACTION_STATUSES:
            self.status.addItem(s.capitalize(), s)
        self.status.activated.connect(lambda _i: self._edit("status", self.status.currentData()))
        self.improvement = QComboBox()
        self.improvement.setObjectName("actions.improvement")
        self.improvement.activated.connect(
            lambda _i: self._edit("improvement", self.improvement.currentData()))
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        form.addRow("Action", self.text)
        form.addRow("Owner", self.owner)
        form.addRow("Due", self.due)
        form.addRow("", self.problem)
        form.addRow("Status", self.status)
        form.addRow("Improvement", self.improvement)
        return box

    # -- showing --------------------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        self.workshop = workshop
        actions = workshop.actions
        if self.current not in {a.id for a in actions}:
            self.current = None
        people = {p.id: p for p in workshop.participants}
        titles = {i.id: i.title for i in workshop.priorities.improvements}
        table = self.table
        self._loading = True
        try:
            table.setSortingEnabled(False)
            table.setRowCount(len(actions))
            for r, a in enumerate(actions):
                owner = people.get(a.owner or "")
                cells = ((a.text, None), (owner.name if owner else "", None),
                         (a.due or "", a.due or "9999"),
                         (a.status.capitalize(), V.ACTION_STATUSES.index(a.status)
                          if a.status in V.ACTION_STATUSES else 9),
                         (titles.get(a.improvement or "", ""), None))
                for c, (text, key) in enumerate(cells):
                    item = SortItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, a.id)
                    item.setData(SORT_KEY, key)
                    table.setItem(r, c, item)
            table.setSortingEnabled(True)
            for r in range(table.rowCount()):
                if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == self.current:
                    table.setCurrentCell(r, max(0, table.currentColumn()))
            self._fill_form()
        finally:
            self._loading = False

    def _action(self):
        return next((a for a in self.workshop.actions if a.id == self.current), None)

    def _fill_form(self) -> None:
        action = self._action()
        read_only = self.editor.read_only
        for w in (self.text, self.owner, self.due, self.status, self.improvement):
            w.setEnabled(action is not None and not read_only)
        self.new_text.setEnabled(not read_only)
        self.owner.clear()
        self.owner.addItem("Nobody yet", None)
        for p in self.workshop.participants:
            self.owner.addItem(p.name, p.id)
        self.improvement.clear()
        self.improvement.addItem("None", None)
        for i in self.workshop.priorities.improvements:
            self.improvement.addItem(i.title, i.id)
        if action is None:
            self.text.clear()
            self.due.clear()
            return
        self.text.show_value(action.text)
        if not self.due.hasFocus() or self.editor.replaying:
            self.due.setText(action.due or "")
        self.owner.setCurrentIndex(max(0, self.owner.findData(action.owner)))
        self.status.setCurrentIndex(max(0, self.status.findData(action.status)))
        self.improvement.setCurrentIndex(max(0, self.improvement.findData(action.improvement)))

    def _row_chosen(self, row: int) -> None:
        if self._loading or row < 0 or self.table.item(row, 0) is None:
            return
        self.current = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        self._loading = True
        try:
            self._fill_form()
        finally:
            self._loading = False

    # -- verbs --------------------------------------------------------------------------------------

    def add_typed(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        batch = self.editor.board(O.add_action, text, label="Add action")
        if batch is not None:
            self.current = batch.created[0]
            self.new_text.clear()
            self.show_workshop(self.workshop)  # the page read it before this one was chosen

    def _edit(self, key: str, value, typing: bool = False) -> None:
        action = self._action()
        if self._loading or action is None or self.editor.read_only:
            return
        if getattr(action, key) == value:
            return
        merge = ("action", action.id, key, self.editor.run) if typing else None
        if self.editor.board(O.edit_action, action.id, label=f"Edit action {key}",
                             merge_key=merge, **{key: value}) is not None:
            setattr(action, key, value)

    def _due_done(self) -> None:
        value = self.due.text().strip()
        if value and not rules.is_date(value):
            self.problem.setText("Write the due date like 2026-12-31.")
            return
        self.problem.setText("")
        self._edit("due", value or None)

    def delete_current(self) -> None:
        action = self._action()
        if action is not None:
            self.editor.board(O.delete_action, action.id, label="Delete action")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.text.setFocus()
                self.text.selectAll()
                return True
        return False
