"""The Setup page: the workshop's details, its departments, its participants and its agenda.

Built for typing while people introduce themselves: a quick-add line under each list (type,
Enter, next), Delete to remove, Alt+Up / Alt+Down to reorder, F2 or double-click to rename.
Every keystroke in a detail field is saved at once; typing in one field is one undo step.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import model as m
from .. import ops
from ..model import rules
from ..model import vocabulary as V
from ..ops import agenda as A
from .editor import Editor, FieldEdit
from .tables import (
    EDITABLE,
    VALUE,
    Choice,
    ChoiceDelegate,
    choice_item,
    list_table,
    show_choice,
    swatch,
)

PALETTE_CHOICES: list[Choice] = [(V.PALETTE_NAMES[c], c, c) for c in V.DEPARTMENT_PALETTE]
STAGE_CHOICES: list[Choice] = [("No stage", None, None)] + [
    (stage.capitalize(), stage, None) for stage in V.STAGES]
#: What a new agenda item is planned to take until the facilitator says otherwise.
NEW_ITEM_MINUTES = 30
#: The agenda table's columns, by what each holds.
ITEM, STAGE, PLANNED, TOOK = range(4)

DETAILS = (
    ("title", "Title", "What the day is called, e.g. Closing the gaps"),
    ("organisation", "Organisation", "The company in the room"),
    ("date", "Date", "YYYY-MM-DD"),
    ("location", "Location", "Where you meet"),
    ("facilitator", "Facilitator", "Who runs the day"),
)


def _edit_workshop(session, _oid: str, **values):
    return ops.edit_workshop(session, **values)


def duration(minutes: int) -> str:
    """Minutes as people say them: "45 min", "2 h", "6 h 25 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def agenda_summary(items: list[m.AgendaItem]) -> str:
    """One line under the agenda: what is planned in all, and how the items done so far went."""
    if not items:
        return "No agenda yet: type its first item below and press Enter."
    planned = sum(i.minutes for i in items)
    line = f"{len(items)} item{'' if len(items) == 1 else 's'}, {duration(planned)} planned."
    done = [i for i in items if i.actual_minutes is not None]
    if not done:
        return line
    took = sum(i.actual_minutes or 0 for i in done)
    diff = took - sum(i.minutes for i in done)
    against = ("as planned" if diff == 0 else
               f"{duration(abs(diff))} {'more' if diff > 0 else 'less'} than planned")
    which = "one" if len(done) == 1 else str(len(done))
    return f"{line} The {which} done so far took {duration(took)}, {against}."


def _typed_minutes(text: str, blank: object) -> object:
    """A typed number of minutes as a whole number; `blank` for nothing typed; anything else
    as typed, for the op to refuse in its own words."""
    text = text.strip()
    if not text:
        return blank
    try:
        return int(text)
    except ValueError:
        return text


def _title(text: str, name: str = "sectionTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


class SetupPage(QWidget):
    """Edits the workshop through an `Editor`; `show_workshop` refreshes it from the file."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.workshop = m.Workshop()
        self._filling = False
        self._list_controls: list[QPushButton | QShortcut] = []  # off on a read-only file
        self._shown: tuple | None = None  # departments and participants the tables show
        self._shown_agenda: list[m.AgendaItem] | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.addWidget(_title("Setup", "pageTitle"))
        hint = QLabel("Name the day, list the departments in the room and who speaks for each, "
                      "and plan the agenda. Everything is saved as you type.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        root.addWidget(hint)
        self.problem_line = QLabel("")
        self.problem_line.setObjectName("problem")
        self.problem_line.setWordWrap(True)
        root.addWidget(self.problem_line)
        editor.refused.connect(self.show_problem)

        root.addLayout(self._build_details())
        root.addSpacing(8)
        columns = QHBoxLayout()
        root.addLayout(columns, 1)
        columns.addLayout(self._build_departments(), 3)
        columns.addSpacing(24)
        columns.addLayout(self._build_participants(), 7)
        columns.addSpacing(24)
        columns.addLayout(self._build_agenda(), 6)

    # -- building -----------------------------------------------------------------------------

    def _build_details(self) -> QVBoxLayout:
        """Two rows across the page: title and organisation; date, location, facilitator."""
        box = QVBoxLayout()
        box.addWidget(_title("The workshop"))
        self.fields: dict[str, FieldEdit] = {}
        rows = (("title", 3), ("organisation", 2)), (("date", 0), ("location", 2),
                                                     ("facilitator", 2))
        labels = {key: (label, placeholder) for key, label, placeholder in DETAILS}
        for row_keys in rows:
            row = QHBoxLayout()
            for key, stretch in row_keys:
                label, placeholder = labels[key]
                caption = QLabel(label)
                field = FieldEdit()
                field.setObjectName(f"detail.{key}")
                field.setPlaceholderText(placeholder)
                field.textEdited.connect(lambda text, k=key: self._detail_edited(k, text))
                field.editingFinished.connect(lambda k=key: self._detail_left(k))
                caption.setBuddy(field)
                self.fields[key] = field
                row.addWidget(caption)
                if key == "date":
                    field.setMinimumWidth(field.fontMetrics().horizontalAdvance("2026-11-23__") + 16)
                    row.addWidget(field)
                    self.today = QPushButton("Today")
                    self.today.setObjectName("detail.today")
                    self.today.clicked.connect(self._set_today)
                    row.addWidget(self.today)
                else:
                    row.addWidget(field, stretch)
                row.addSpacing(16)
            box.addLayout(row)
        return box

    def _build_departments(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(_title("Departments"))
        self.departments = list_table("departments", {"Colour": False, "Department": True})
        self._colour_delegate = ChoiceDelegate(PALETTE_CHOICES, self.departments)
        self.departments.setItemDelegateForColumn(0, self._colour_delegate)
        self.departments.itemChanged.connect(self._department_item_changed)
        box.addWidget(self.departments, 1)
        self.new_department = QLineEdit()  # not saved until Enter: its own Ctrl+Z is right
        self.new_department.setObjectName("departments.new")
        self.new_department.setPlaceholderText("Type a department and press Enter")
        self.new_department.returnPressed.connect(self._add_department)
        box.addWidget(self.new_department)
        box.addLayout(self._list_buttons("departments", self.departments,
                                         self._move_department, self._delete_department))
        return box

    def _build_participants(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(_title("Participants"))
        self.participants = list_table(
            "participants", {"Name": True, "Department": False, "Role": True, "Senior": False})
        self._department_delegate = ChoiceDelegate([], self.participants)
        self.participants.setItemDelegateForColumn(1, self._department_delegate)
        self.participants.itemChanged.connect(self._participant_item_changed)
        box.addWidget(self.participants, 1)

        quick = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("participants.new.name")
        self.new_name.setPlaceholderText("Name, then Enter")
        self.new_dept = QComboBox()
        self.new_dept.setObjectName("participants.new.department")
        self.new_role = QLineEdit()
        self.new_role.setObjectName("participants.new.role")
        self.new_role.setPlaceholderText("Role")
        self.new_senior = QCheckBox("Senior")
        self.new_senior.setObjectName("participants.new.senior")
        for w in (self.new_name, self.new_role):
            w.returnPressed.connect(self._add_participant)
        quick.addWidget(self.new_name, 3)
        quick.addWidget(self.new_dept, 2)
        quick.addWidget(self.new_role, 2)
        quick.addWidget(self.new_senior)
        box.addLayout(quick)
        box.addLayout(self._list_buttons("participants", self.participants,
                                         self._move_participant, self._delete_participant))
        return box

    def _build_agenda(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(_title("Agenda"))
        self.agenda = list_table("agenda", {"Item": True, "Stage": False, "Planned": False,
                                            "Took": False})
        for column, tip in ((PLANNED, "Minutes planned for the item"),
                            (TOOK, "Minutes the item took (the agenda timer writes them)")):
            self.agenda.horizontalHeaderItem(column).setToolTip(tip)
        self._stage_delegate = ChoiceDelegate(STAGE_CHOICES, self.agenda)
        self.agenda.setItemDelegateForColumn(STAGE, self._stage_delegate)
        self.agenda.itemChanged.connect(self._agenda_item_changed)
        box.addWidget(self.agenda, 1)
        self.agenda_total = QLabel("")
        self.agenda_total.setObjectName("agenda.total")
        self.agenda_total.setWordWrap(True)
        box.addWidget(self.agenda_total)
        self.new_agenda = QLineEdit()  # not saved until Enter, like a new department
        self.new_agenda.setObjectName("agenda.new")
        self.new_agenda.setPlaceholderText("Type an agenda item and press Enter")
        self.new_agenda.setToolTip(f"A new item is planned at {NEW_ITEM_MINUTES} minutes; "
                                   "change that in the table.")
        self.new_agenda.returnPressed.connect(self._add_agenda_item)
        box.addWidget(self.new_agenda)
        box.addLayout(self._list_buttons("agenda", self.agenda, self._move_agenda_item,
                                         self._delete_agenda_item))
        return box

    def _list_buttons(self, name, table, move, delete) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, key, slot in (("Move up", "Alt+Up", lambda: move(-1)),
                                 ("Move down", "Alt+Down", lambda: move(+1)),
                                 ("Delete", "Del", delete)):
            button = QPushButton(label)
            button.setObjectName(f"{name}.{label.lower().replace(' ', '_')}")
            button.setToolTip(f"{label} ({key})")
            button.clicked.connect(slot)
            row.addWidget(button)
            shortcut = QShortcut(QKeySequence(key), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._list_controls += [button, shortcut]
        row.addStretch(1)
        return row

    # -- showing ------------------------------------------------------------------------------

    def show_problem(self, message: str) -> None:
        self.problem_line.setText(message)

    def show_workshop(self, workshop: m.Workshop, *, redraw: bool = False) -> None:
        """Show what the file holds now, keeping focus, cursor and current cell where they are.

        The tables are rebuilt, so the focused cell widget (a department chooser, say) is found
        again by its name, and each table's current cell by the id of its row.
        """
        self.workshop = workshop
        focused = QApplication.focusWidget()
        focus_name = focused.objectName() if focused and self.isAncestorOf(focused) else ""
        current = {t: (self._current_id(t), t.currentColumn()) for t in self._tables()}
        self._filling = True
        try:
            info = workshop.workshop
            for key, field in self.fields.items():
                if key == "date" and field.property("invalid") and field.hasFocus():
                    continue  # the facilitator is still typing a date
                field.show_value(getattr(info, key) or "")
            lists = (list(workshop.departments), list(workshop.participants))
            if redraw or lists != self._shown:  # typing a title must not rebuild the tables
                self._fill_departments(workshop)
                self._fill_participants(workshop)
                self._shown = lists
                for table in (self.departments, self.participants):
                    self._set_current(table, *current[table])
            if redraw or workshop.agenda != self._shown_agenda:  # the timer writes every minute
                self._fill_agenda(workshop.agenda)
                self._shown_agenda = [dc.replace(a) for a in workshop.agenda]  # copies
                self._set_current(self.agenda, *current[self.agenda])
        finally:
            self._filling = False
        if focus_name:
            again = self.findChild(QWidget, focus_name)
            if again is not None and QApplication.focusWidget() is not again:
                again.setFocus()
        self._show_read_only(self.editor.read_only)

    def _tables(self) -> tuple[QTableWidget, QTableWidget, QTableWidget]:
        return self.departments, self.participants, self.agenda

    def _show_read_only(self, read_only: bool) -> None:
        for w in self.fields.values():
            w.setReadOnly(read_only)
        for w in (self.today, self.new_department, self.new_name, self.new_role, self.new_dept,
                  self.new_senior, self.new_agenda, *self._list_controls):
            w.setEnabled(not read_only)
        for table in self._tables():
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                  else EDITABLE)

    def _department_colour(self, index: int, d: m.Department) -> str:
        return d.color or V.palette_colour(index)

    def _fill_departments(self, w: m.Workshop) -> None:
        table = self.departments
        table.setRowCount(len(w.departments))
        for row, d in enumerate(w.departments):
            item = QTableWidgetItem(d.name)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            table.setItem(row, 1, item)
            table.setItem(row, 0, choice_item(PALETTE_CHOICES, self._department_colour(row, d)))
        # the quick-add department list for new participants
        current = self.new_dept.currentData()
        self.new_dept.blockSignals(True)
        self._offer_departments(self.new_dept, w, current)
        self.new_dept.blockSignals(False)

    def _department_choices(self, w: m.Workshop) -> list[Choice]:
        """No department, then each in Setup order with its colour."""
        return [("No department", None, None)] + [
            (d.name, d.id, self._department_colour(i, d)) for i, d in enumerate(w.departments)]

    def _offer_departments(self, box: QComboBox, w: m.Workshop, current: str | None) -> None:
        box.clear()
        for label, value, colour in self._department_choices(w):
            if colour:
                box.addItem(swatch(colour), label, value)
            else:
                box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(current)))

    def _fill_participants(self, w: m.Workshop) -> None:
        table = self.participants
        choices = self._department_choices(w)
        self._department_delegate.choices = choices
        table.setRowCount(len(w.participants))
        for row, p in enumerate(w.participants):
            name = QTableWidgetItem(p.name)
            name.setData(Qt.ItemDataRole.UserRole, p.id)
            table.setItem(row, 0, name)
            role = QTableWidgetItem(p.role)
            table.setItem(row, 2, role)
            senior = QTableWidgetItem("")
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not self.editor.read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            senior.setFlags(flags)
            senior.setCheckState(Qt.CheckState.Checked if p.senior else Qt.CheckState.Unchecked)
            table.setItem(row, 3, senior)
            table.setItem(row, 1, choice_item(choices, p.department))

    def _fill_agenda(self, items: list[m.AgendaItem]) -> None:
        """Change only the cells that differ, so a cell being edited stays open while the
        timer writes the minutes another item took."""
        table = self.agenda
        table.setRowCount(len(items))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, a in enumerate(items):
            texts = (a.title, None, str(a.minutes),
                     "" if a.actual_minutes is None else str(a.actual_minutes))
            for column, text in enumerate(texts):
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column in (PLANNED, TOOK):
                        item.setTextAlignment(right)
                    table.setItem(row, column, item)
                if column == STAGE:
                    if item.data(VALUE) != a.stage or not item.text():
                        show_choice(item, STAGE_CHOICES, a.stage)
                elif item.text() != text:
                    item.setText(text)
            first = table.item(row, ITEM)
            if first.data(Qt.ItemDataRole.UserRole) != a.id:
                first.setData(Qt.ItemDataRole.UserRole, a.id)
        self.agenda_total.setText(agenda_summary(items))

    @staticmethod
    def _id_column(table: QTableWidget) -> int:
        """The column whose item carries the row's id (the name)."""
        return 1 if table.objectName() == "departments" else 0

    def _current_id(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        item = table.item(row, self._id_column(table)) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected_id(self, table: QTableWidget) -> str | None:
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not rows:
            return None
        item = table.item(rows[0].row(), self._id_column(table))
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _set_current(self, table: QTableWidget, oid: str | None, column: int) -> None:
        if oid is None:
            return
        id_column = self._id_column(table)
        for row in range(table.rowCount()):
            item = table.item(row, id_column)
            if item and item.data(Qt.ItemDataRole.UserRole) == oid:
                table.setCurrentCell(row, column if column >= 0 else id_column)
                return

    # -- editing ------------------------------------------------------------------------------

    def _detail_edited(self, key: str, text: str) -> None:
        field = self.fields[key]
        if key == "date":
            valid = text.strip() == "" or rules.is_date(text.strip())
            field.setProperty("invalid", not valid)
            field.style().unpolish(field)
            field.style().polish(field)
            if not valid:
                self.show_problem("Write the date like 2026-11-23; it is saved once it is a date.")
                return
            text = text.strip()
        self.problem_line.setText("")
        label = dict((k, lab) for k, lab, _ in DETAILS)[key]
        self.editor.edit(_edit_workshop, "workshop", {key: text}, f"Edit {label.lower()}",
                         merge=True)

    def _detail_left(self, key: str) -> None:
        """Leaving a field ends its run of typing; a date left unfinished shows the saved one."""
        self.editor.seal()
        field = self.fields[key]
        if key == "date" and field.property("invalid"):
            field.setProperty("invalid", False)
            field.style().unpolish(field)
            field.style().polish(field)
            field.show_value(self.workshop.workshop.date or "")
            self.problem_line.setText("")

    def _set_today(self) -> None:
        today = dt.date.today().isoformat()
        self.fields["date"].setText(today)
        self._detail_edited("date", today)

    def _add_department(self) -> None:
        name = self.new_department.text().strip()
        if not name:
            return
        if self.editor.add(ops.add_department, ops.delete_department, f"Add {name}", name):
            self.new_department.clear()
            self.problem_line.setText("")

    def _department_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row = item.row()
        did = self.departments.item(row, 1).data(Qt.ItemDataRole.UserRole)
        if item.column() == 1:
            ok = self.editor.edit(ops.edit_department, did, {"name": item.text()},
                                  "Rename department")
        else:
            colour = item.data(VALUE)
            shown = self._department_colour(row, self.workshop.departments[row])
            if colour == shown:
                return  # the chooser updates its label first, then its value
            ok = self.editor.edit(ops.edit_department, did, {"color": colour}, "Change colour")
        if not ok:
            self.show_workshop(self.workshop, redraw=True)  # put the old value back

    def _move_department(self, step: int) -> None:
        self._move_selected(self.departments, ops.move_department, step, "Move department")

    def _delete_department(self) -> None:
        self._delete_selected(self.departments, ops.delete_department, self.workshop.departments)

    def _add_participant(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self.new_name.setFocus()
            return
        pid = self.editor.add(ops.add_participant, ops.delete_participant, f"Add {name}", name,
                              self.new_dept.currentData(), self.new_role.text().strip(),
                              self.new_senior.isChecked())
        if pid:
            self.new_name.clear()
            self.new_role.clear()
            self.new_senior.setChecked(False)
            self.new_name.setFocus()
            self.problem_line.setText("")

    def _participant_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        pid = self.participants.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if item.column() == 0:
            ok = self.editor.edit(ops.edit_participant, pid, {"name": item.text()}, "Rename")
        elif item.column() == 2:
            ok = self.editor.edit(ops.edit_participant, pid, {"role": item.text()}, "Edit role")
        elif item.column() == 3:
            senior = item.checkState() == Qt.CheckState.Checked
            ok = self.editor.edit(ops.edit_participant, pid, {"senior": senior}, "Mark senior")
        else:
            department = item.data(VALUE)
            if department == self.workshop.participants[item.row()].department:
                return  # the chooser updates its label first, then its value
            ok = self.editor.edit(ops.edit_participant, pid, {"department": department},
                                  "Change department")
        if not ok:
            self.show_workshop(self.workshop, redraw=True)

    def _move_participant(self, step: int) -> None:
        self._move_selected(self.participants, ops.move_participant, step, "Move participant")

    def _delete_participant(self) -> None:
        self._delete_selected(self.participants, ops.delete_participant,
                              self.workshop.participants)

    def _agenda_item(self, oid: str) -> m.AgendaItem | None:
        return next((a for a in self.workshop.agenda if a.id == oid), None)

    def _add_agenda_item(self) -> None:
        title = self.new_agenda.text().strip()
        if not title:
            return
        batch = self.editor.board(A.add_agenda_item, title, None, NEW_ITEM_MINUTES,
                                  label=f"Add {title}")
        if batch is not None:
            self.new_agenda.clear()
            self.problem_line.setText("")
            self.agenda.scrollToBottom()

    def _agenda_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        first = self.agenda.item(row, ITEM)
        shown = self._agenda_item(first.data(Qt.ItemDataRole.UserRole)) if first else None
        if shown is None:
            return
        if column == STAGE:
            if item.data(VALUE) == shown.stage:
                return  # the chooser updates its label first, then its value
            values = {"stage": item.data(VALUE)}
        elif column == ITEM:
            values = {"title": item.text()}
        elif column == PLANNED:
            values = {"minutes": _typed_minutes(item.text(), "")}
        else:
            values = {"actual_minutes": _typed_minutes(item.text(), None)}
        batch = self.editor.board(A.edit_agenda_item, shown.id, label="Edit agenda item",
                                  **values)
        if batch is not None:
            self.problem_line.setText("")
        if not batch:  # refused, or the same value typed again: show the file's value
            self.show_workshop(self.workshop, redraw=True)

    def _move_agenda_item(self, step: int) -> None:
        oid = self._selected_id(self.agenda)
        if oid is not None:
            self.editor.board(A.move_agenda_item, oid, max(0, self.agenda.currentRow() + step),
                              label="Move agenda item")

    def _delete_agenda_item(self) -> None:
        oid = self._selected_id(self.agenda)
        shown = self._agenda_item(oid) if oid is not None else None
        if shown is not None:
            self.editor.board(A.delete_agenda_item, oid, label=f"Delete {shown.title}")

    def _move_selected(self, table: QTableWidget, op, step: int, text: str) -> None:
        oid = self._selected_id(table)
        if oid is not None:
            self.editor.move(op, oid, max(0, table.currentRow() + step), text)

    def _delete_selected(self, table: QTableWidget, op, shown: list) -> None:
        oid = self._selected_id(table)
        if oid is not None:
            name = next((x.name for x in shown if x.id == oid), "")
            self.editor.delete(op, oid, f"Delete {name}")
