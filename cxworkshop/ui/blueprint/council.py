"""The CX council that keeps the plan alive after the day: how often the operational council
meets, whether a strategic council meets above it and how often, who chairs, who sits on it,
and the standing agenda of every meeting.

Every change is saved at once and is one undo step on the workshop's stack. Keys on the
members: Space ticks or unticks the current person. Keys on the agenda: Enter, F2 or a double
click edits an item in place (Enter keeps, Esc cancels), Alt+Up / Alt+Down move it, Delete
takes it out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model import Department, Workshop
from ...model import blueprint as MB
from ...model import vocabulary as V
from ...model.board import initials
from ...ops import Batch
from ...ops import blueprint as O
from ...ops.batch import Inserted
from ..canvas.style import font, ink_on, tint
from ..editor import Editor, FieldEdit
from ..theme import INK
from .measures import RoomyRows

ID = Qt.ItemDataRole.UserRole
EDIT_KEYS = (QAbstractItemView.EditTrigger.DoubleClicked
             | QAbstractItemView.EditTrigger.EditKeyPressed)


def cadence_label(cadence: str) -> str:
    """ "monthly" → "Every month"."""
    return MB.CADENCE_WORDS.get(cadence, cadence).capitalize()


def summary(workshop: Workshop) -> str:
    """The council's set-up in two or three sentences."""
    council = workshop.blueprint.council
    operational = MB.CADENCE_WORDS.get(council.operational_cadence, council.operational_cadence)
    if council.strategic_cadence:
        strategic = MB.CADENCE_WORDS.get(council.strategic_cadence, council.strategic_cadence)
        meets = (f"The operational council meets {operational}, the strategic council "
                 f"{strategic}.")
    else:
        meets = f"The operational council meets {operational}; there is no strategic council."
    names = {p.id: p.name for p in workshop.participants}
    chair = f"Chair: {names[council.chair]}." if council.chair in names else "No chair yet ⚠."
    n = len(council.members)
    members = "No members yet." if n == 0 else f"{n} member{'' if n == 1 else 's'}."
    return f"{meets} {chair} {members}"


def badge(department: Department | None, size: int = 28) -> QIcon:
    """A department's colour chip with its initials written on it, so the colour is never the
    only way to tell departments apart."""
    pix = QPixmap(size * 2, size)
    pix.fill(QColor(0, 0, 0, 0))
    if department is None:
        return QIcon(pix)
    colour = department.color or "#9A9A9A"
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(colour))
    p.setBrush(tint(colour))
    p.drawRoundedRect(QRectF(1, 1, size * 2 - 2, size - 2), 4, 4)
    p.fillRect(QRectF(1, 1, 5, size - 2), QColor(colour))
    p.setPen(ink_on(tint(colour).name()))
    p.setFont(font(size * 0.5, bold=True))
    p.drawText(QRectF(6, 0, size * 2 - 6, size), Qt.AlignmentFlag.AlignCenter,
               initials(department.name))
    p.end()
    return QIcon(pix)


class CouncilView(QWidget):
    """The CX council tab. Public for the tests: `operational`, `strategic`, `chair` (combos),
    `members` (a checkable list), `agenda` (a two-column table: number, item), `new_item`,
    `fill_button`, `agenda_hint`, `summary` and `agenda_current` (the chosen item's place)."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blueprint.council")
        self.editor = editor
        self.workshop = Workshop()
        self.agenda_current = 0
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        self.summary = QLabel("")
        self.summary.setObjectName("council.summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setFont(font(20))
        self.summary.setStyleSheet(f"color: {INK}; padding: 4px 0 10px 0;")
        layout.addWidget(self.summary)

        row = QHBoxLayout()
        row.setSpacing(24)
        row.addLayout(self._set_up(), 2)
        row.addLayout(self._agenda(), 3)
        layout.addLayout(row, 1)
        editor.board_changed.connect(self._follow)  # after the page's own reading of the file

    def _set_up(self) -> QVBoxLayout:
        left = QVBoxLayout()
        heading = QLabel("How often they meet, and who chairs")
        heading.setObjectName("sectionTitle")
        left.addWidget(heading)
        form = QFormLayout()
        self.operational = QComboBox()
        self.operational.setObjectName("council.operational")
        self.operational.setAccessibleName("How often the operational council meets")
        for cadence in V.CADENCES:
            self.operational.addItem(cadence_label(cadence), cadence)
        self.operational.activated.connect(
            lambda _i: self._set("operational_cadence", self.operational.currentData()))
        self.strategic = QComboBox()
        self.strategic.setObjectName("council.strategic")
        self.strategic.setAccessibleName("How often the strategic council meets")
        for cadence in V.CADENCES:
            self.strategic.addItem(cadence_label(cadence), cadence)
        self.strategic.addItem("No strategic council", None)
        self.strategic.activated.connect(
            lambda _i: self._set("strategic_cadence", self.strategic.currentData()))
        self.chair = QComboBox()
        self.chair.setObjectName("council.chair")
        self.chair.setAccessibleName("Chair")
        self.chair.activated.connect(lambda _i: self._set("chair", self.chair.currentData()))
        form.addRow("Operational council", self.operational)
        form.addRow("Strategic council", self.strategic)
        form.addRow("Chair", self.chair)
        left.addLayout(form)
        note = QLabel("The operational council (department leads) acts; the strategic council "
                      "(senior people) approves its plans and gives it the means.")
        note.setObjectName("hint")
        note.setWordWrap(True)
        left.addWidget(note)
        heading = QLabel("Members")
        heading.setObjectName("sectionTitle")
        left.addWidget(heading)
        self.members = QListWidget()
        self.members.setObjectName("council.members")
        self.members.setAccessibleName("Council members: tick who sits on the council")
        self.members.setFont(_bigger(self.members.font()))
        self.members.setIconSize(QPixmap(56, 28).size())
        self.members.setSpacing(2)
        self.members.itemChanged.connect(self._member_ticked)
        left.addWidget(self.members, 1)
        keys = QLabel("Tick who sits on the council (Space ticks the current person). The "
                      "chair stays on it until another chair is chosen.")
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        left.addWidget(keys)
        return left

    def _agenda(self) -> QVBoxLayout:
        right = QVBoxLayout()
        heading = QLabel("Standing agenda of every meeting")
        heading.setObjectName("sectionTitle")
        right.addWidget(heading)
        self.new_item = FieldEdit()
        self.new_item.setObjectName("council.newItem")
        self.new_item.setPlaceholderText("A new agenda item: type it and press Enter")
        self.new_item.returnPressed.connect(self.add_typed)
        right.addWidget(self.new_item)
        self.agenda_hint = QLabel("The agenda is empty: type an item above and press Enter, "
                                  "or press “Add the usual items” below.")
        self.agenda_hint.setObjectName("hint")
        self.agenda_hint.setWordWrap(True)
        self.agenda_hint.hide()
        right.addWidget(self.agenda_hint)
        self.agenda = QTableWidget(0, 2)
        self.agenda.setObjectName("council.agenda")
        self.agenda.setAccessibleName("Standing agenda")
        self.agenda.horizontalHeader().setVisible(False)
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.setWordWrap(True)
        self.agenda.setShowGrid(False)
        self.agenda.setTabKeyNavigation(False)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setEditTriggers(EDIT_KEYS)
        self.agenda.setFont(_bigger(self.agenda.font()))
        self.agenda.setItemDelegate(RoomyRows(self.agenda))
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_a: self.agenda.resizeRowsToContents())
        self.agenda.itemChanged.connect(self._item_changed_in_place)
        self.agenda.currentCellChanged.connect(lambda r, *_a: self._item_chosen(r))
        self.agenda.installEventFilter(self)
        right.addWidget(self.agenda, 1)
        line = QHBoxLayout()
        keys = QLabel("On the list: Enter or F2 edits an item, Alt+Up / Alt+Down move it, "
                      "Delete takes it out.")
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        line.addWidget(keys, 1)
        self.fill_button = QPushButton("Add the usual items")
        self.fill_button.setObjectName("council.fillAgenda")
        self.fill_button.setToolTip("Adds the items a council meeting usually covers that the "
                                    "agenda does not have yet, at the end.")
        self.fill_button.clicked.connect(self.fill_agenda)
        line.addWidget(self.fill_button)
        right.addLayout(line)
        return right

    # -- showing --------------------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        self.workshop = workshop
        council = workshop.blueprint.council
        read_only = self.editor.read_only
        self._loading = True
        try:
            for combo in (self.operational, self.strategic, self.chair):
                combo.setEnabled(not read_only)
            self.operational.setCurrentIndex(
                max(0, self.operational.findData(council.operational_cadence)))
            self.strategic.setCurrentIndex(max(0, self.strategic.findData(
                council.strategic_cadence)))
            departments = {d.id: d for d in workshop.departments}
            self.chair.clear()
            self.chair.addItem("Nobody yet", None)
            for p in workshop.participants:
                dep = departments.get(p.department or "")
                self.chair.addItem(f"{p.name} — {dep.name}" if dep else p.name, p.id)
            chair = self.chair.findData(council.chair)
            if chair < 0 and council.chair:
                self.chair.addItem("No longer a participant", council.chair)
                chair = self.chair.count() - 1
            self.chair.setCurrentIndex(max(0, chair))
            self._fill_members(departments, read_only)
            self._fill_agenda(read_only)
        finally:
            self._loading = False
        self.summary.setText(summary(workshop))

    def _fill_members(self, departments: dict[str, Department], read_only: bool) -> None:
        """Tick each participant on the council. Items are kept when the people are the same,
        as this runs while a tick is being handled."""
        council = self.workshop.blueprint.council
        people = self.workshop.participants
        ids = [self.members.item(r).data(ID) for r in range(self.members.count())]
        if ids != [p.id for p in people]:
            self.members.clear()
            for p in people:
                item = QListWidgetItem()
                item.setData(ID, p.id)
                self.members.addItem(item)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        members = set(council.members)
        for r, p in enumerate(people):
            item = self.members.item(r)
            dep = departments.get(p.department or "")
            text = f"{p.name} — {dep.name if dep else 'no department'}"
            if p.id == council.chair:
                text += " (chair)"
            item.setText(text)
            item.setIcon(badge(dep))
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if p.id in members
                               else Qt.CheckState.Unchecked)
            f = item.font()
            f.setBold(p.id == council.chair)
            item.setFont(f)

    def _fill_agenda(self, read_only: bool) -> None:
        items = self.workshop.blueprint.council.agenda
        table = self.agenda
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                              else EDIT_KEYS)
        table.setRowCount(len(items))
        for r, text in enumerate(items):
            number = QTableWidgetItem(f"{r + 1}.")
            number.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 0, number)
            table.setItem(r, 1, item)
        table.resizeRowsToContents()  # long items wrap onto more lines
        if items:
            self.agenda_current = max(0, min(self.agenda_current, len(items) - 1))
            table.setCurrentCell(self.agenda_current, 1)
        self.agenda_hint.setVisible(not items)
        self.new_item.setEnabled(not read_only)
        have = set(items)
        self.fill_button.setEnabled(not read_only
                                    and any(t not in have for t in MB.STANDING_AGENDA))

    # -- the set-up ---------------------------------------------------------------------------------

    def _set(self, key: str, value) -> None:
        if self._loading or self.editor.read_only:
            return
        council = self.workshop.blueprint.council
        if getattr(council, key) == value:
            return
        labels = {"operational_cadence": "Set how often the operational council meets",
                  "strategic_cadence": "Set how often the strategic council meets",
                  "chair": "Choose the council's chair"}
        if self.editor.board(O.set_council, label=labels[key], **{key: value}) is None:
            self.show_workshop(self.workshop)  # refused: show what the file holds

    def _member_ticked(self, item: QListWidgetItem) -> None:
        if self._loading or self.editor.read_only:
            return
        participant = item.data(ID)
        member = item.checkState() == Qt.CheckState.Checked
        if member == (participant in self.workshop.blueprint.council.members):
            return
        self.members.setCurrentItem(item)
        label = "Put on the council" if member else "Take off the council"
        if self.editor.board(O.set_member, participant, member, label=label) is None:
            self.show_workshop(self.workshop)  # refused (the chair): the box goes back

    # -- the agenda --------------------------------------------------------------------------------

    def _item_chosen(self, row: int) -> None:
        if not self._loading and row >= 0:
            self.agenda_current = row

    def _follow(self, batch: Batch) -> None:
        """After an undo or redo of the agenda, the item it put back (or moved, or changed) is
        the chosen one: the first row the change touched when undone, the last when redone."""
        if not self.editor.replaying:
            return
        steps = [st for st in batch.steps if st.table == "council_agenda_item"]
        if not steps:
            return
        step = steps[0] if self.editor.replaying == "undo" else steps[-1]
        pos = step.row["pos"] if isinstance(step, Inserted) else step.key["pos"]
        count = self.agenda.rowCount()
        self.agenda_current = max(0, min(pos, count - 1))
        if count:
            self.agenda.setCurrentCell(self.agenda_current, 1)

    def add_typed(self) -> None:
        text = self.new_item.text().strip()
        if not text or self.editor.read_only:
            return
        if self.editor.board(O.add_agenda_item, text, label="Add agenda item") is not None:
            self.new_item.clear()
            self.agenda_current = len(self.workshop.blueprint.council.agenda) - 1
            self.show_workshop(self.workshop)

    def _item_changed_in_place(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 1:
            return
        row, text = item.row(), item.text().strip()
        agenda = self.workshop.blueprint.council.agenda
        if not 0 <= row < len(agenda) or text == agenda[row]:
            return
        self.agenda_current = row
        if self.editor.board(O.edit_agenda_item, row, text, label="Edit agenda item") is None:
            self.show_workshop(self.workshop)  # refused (an empty item): show the file's

    def edit_current(self) -> None:
        item = self.agenda.item(self.agenda_current, 1)
        if item is not None and not self.editor.read_only:
            self.agenda.setCurrentItem(item)
            self.agenda.editItem(item)

    def move_current(self, step: int) -> None:
        agenda = self.workshop.blueprint.council.agenda
        index = self.agenda_current
        if self.editor.read_only or not (0 <= index < len(agenda)
                                         and 0 <= index + step < len(agenda)):
            return
        self.agenda_current = index + step  # it stays the chosen one where it lands
        if self.editor.board(O.move_agenda_item, index, index + step,
                             label="Move agenda item up" if step < 0
                             else "Move agenda item down") is None:
            self.agenda_current = index

    def delete_current(self) -> None:
        agenda = self.workshop.blueprint.council.agenda
        if self.editor.read_only or not 0 <= self.agenda_current < len(agenda):
            return
        self.editor.board(O.delete_agenda_item, self.agenda_current,
                          label="Delete agenda item")

    def fill_agenda(self) -> None:
        if not self.editor.read_only:
            self.editor.board(O.fill_standing_agenda, label="Add the usual agenda items")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is not self.agenda or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if self.agenda.state() == QAbstractItemView.State.EditingState:
            return False  # an item is being typed in place: its keys are its own
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_current(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not alt:
            self.delete_current()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not alt:
            self.edit_current()
            return True
        return False


def _bigger(f):
    f.setPointSizeF(f.pointSizeF() * 1.2)
    return f
