"""The Ambition stage: what customer experience means here, the vision, the destination and its
horizon, the approach, the programme's name (in large type, for the projector), and the
travelling companions on a two-column board, internal and external.

Every keystroke is saved as it is typed; a run of typing in one field is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop
from ...model import vocabulary as V
from ...ops import Batch
from ...ops import ambition as M
from ..editor import Editor, FieldEdit, FieldText

BIG = 1.45  # text size of the ambition's fields, against the desktop's own
FIELD_TITLES = {
    "cx_definition": "What customer experience means here",
    "vision": "Vision",
    "destination": "Destination",
    "programme_name": "Programme name",
}
#: Okabe–Ito colours for the companions' roles; the role is always written too.
ROLE_COLOURS = {"sponsor": "#009E73", "ally": "#56B4E9", "neutral": "#BBBBBB",
                "sceptic": "#E69F00", "blocker": "#D55E00"}
SIDE_TITLES = {"internal": "Inside the company", "external": "Outside the company"}


def _bigger(widget: QWidget, factor: float = BIG, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


class AmbitionPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.ambition")
        self.editor = editor
        self.session = editor.session
        self.workshop = Workshop()
        self._loading = False
        self._stale = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        title = QLabel("Ambition")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        split = QSplitter()
        split.addWidget(self._fields())
        split.addWidget(self._companions())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        editor.board_changed.connect(self.follow)
        editor.changed.connect(self._changed)

    # -- building ---------------------------------------------------------------------------------

    def _fields(self) -> QWidget:
        inner = QWidget()
        col = QVBoxLayout(inner)
        self.fields: dict[str, QPlainTextEdit | QLineEdit] = {}
        for key, heading in FIELD_TITLES.items():
            label = QLabel(heading)
            label.setObjectName("sectionTitle")
            col.addWidget(label)
            if key == "programme_name":
                edit: QPlainTextEdit | QLineEdit = FieldEdit()
                edit.textEdited.connect(lambda _t, key=key: self._typed(key))
            else:
                edit = FieldText()
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(90)
                edit.textChanged.connect(lambda key=key: self._typed(key))
            edit.setObjectName(f"ambition.{key}")
            _bigger(edit)
            col.addWidget(edit)
            self.fields[key] = edit
        row = QHBoxLayout()
        horizon = QLabel("Horizon")
        horizon.setObjectName("sectionTitle")
        row.addWidget(horizon)
        self.horizon = FieldEdit()
        self.horizon.setObjectName("ambition.horizon")
        self.horizon.setPlaceholderText("2028-12-31")
        self.horizon.setMaximumWidth(220)
        _bigger(self.horizon)
        self.horizon.editingFinished.connect(self._horizon_done)
        row.addWidget(self.horizon)
        self.horizon_problem = QLabel("")
        self.horizon_problem.setObjectName("problem")
        row.addWidget(self.horizon_problem, 1)
        col.addLayout(row)
        approach = QLabel("Approach")
        approach.setObjectName("sectionTitle")
        col.addWidget(approach)
        self.approach = QButtonGroup(self)
        self.approach.setExclusive(False)  # a second click on the chosen one leaves it open
        grid = QGridLayout()
        self.approach_buttons: dict[str, QRadioButton] = {}
        for i, key in enumerate(V.APPROACHES):
            button = QRadioButton(key.replace("-", " ").capitalize())
            button.setObjectName(f"ambition.approach.{key}")
            _bigger(button, 1.25, bold=True)
            self.approach.addButton(button)
            self.approach_buttons[key] = button
            button.clicked.connect(lambda checked, key=key: self._approach(key, checked))
            hint = QLabel(M.APPROACH_HINTS[key])
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            grid.addWidget(button, 0, i)
            grid.addWidget(hint, 1, i)
        col.addLayout(grid)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _companions(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        heading = QLabel("Travelling companions")
        heading.setObjectName("sectionTitle")
        col.addWidget(heading)
        hint = QLabel("Who will help or hinder, inside and outside. Enter edits · Ctrl+←/→ "
                      "moves to the other column · Del deletes · drag between columns")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        col.addWidget(hint)
        columns = QHBoxLayout()
        self.columns: dict[str, QListWidget] = {}
        for side in V.COMPANION_SIDES:
            part = QVBoxLayout()
            label = QLabel(SIDE_TITLES[side])
            label.setObjectName("sectionTitle")
            part.addWidget(label)
            lst = QListWidget()
            lst.setObjectName(f"ambition.companions.{side}")
            lst.setWordWrap(True)
            lst.setSpacing(4)
            lst.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            lst.setDefaultDropAction(Qt.DropAction.MoveAction)
            lst.installEventFilter(self)
            lst.viewport().installEventFilter(self)
            lst.currentItemChanged.connect(lambda cur, _prev: self._chosen(cur))
            _bigger(lst, 1.2)
            part.addWidget(lst, 1)
            columns.addLayout(part)
            self.columns[side] = lst
        col.addLayout(columns, 1)
        form = QGridLayout()
        self.name = FieldEdit()
        self.name.setObjectName("ambition.companion.name")
        self.name.setPlaceholderText("Name (a group or a person), then Enter")
        self.name.returnPressed.connect(self.save_companion)
        self.name.textEdited.connect(lambda t: t.strip() and self._edit_chosen("name", t, True))
        self.side = QComboBox()
        self.side.setObjectName("ambition.companion.side")
        for side in V.COMPANION_SIDES:
            self.side.addItem(side.capitalize(), side)
        self.role = QComboBox()
        self.role.setObjectName("ambition.companion.role")
        for role in V.COMPANION_ROLES:
            self.role.addItem(role.capitalize(), role)
        self.role.setCurrentIndex(V.COMPANION_ROLES.index("neutral"))
        self.department = QComboBox()
        self.department.setObjectName("ambition.companion.department")
        self.note = FieldEdit()
        self.note.setObjectName("ambition.companion.note")
        self.note.setPlaceholderText("A note (optional)")
        self.note.returnPressed.connect(self.save_companion)
        self.note.textEdited.connect(lambda t: self._edit_chosen("note", t, True))
        for key, combo in (("side", self.side), ("role", self.role),
                           ("department", self.department)):
            combo.activated.connect(lambda _i, key=key, combo=combo:
                                    self._edit_chosen(key, combo.currentData()))
        self.add_button = QPushButton("New")
        self.add_button.setObjectName("ambition.companion.add")
        self.add_button.clicked.connect(self.new_companion)
        self.save_button = QPushButton("Save companion")
        self.save_button.setObjectName("ambition.companion.save")
        self.save_button.clicked.connect(self.save_companion)
        form.addWidget(self.name, 0, 0, 1, 3)
        form.addWidget(self.side, 1, 0)
        form.addWidget(self.role, 1, 1)
        form.addWidget(self.department, 1, 2)
        form.addWidget(self.note, 2, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        form.addLayout(buttons, 3, 0, 1, 3)
        col.addLayout(form)
        self._editing: str | None = None  # the companion the form edits; None: a new one
        return box

    # -- reading the file -------------------------------------------------------------------------

    def reload(self) -> None:
        self.workshop = self.session.load(("departments", "ambition"))
        self._stale = False
        self._loading = True
        try:
            am = self.workshop.ambition
            for key, edit in self.fields.items():
                value = getattr(am, key)
                current = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
                if current != value:
                    if isinstance(edit, QPlainTextEdit):
                        edit.setPlainText(value)
                    else:
                        edit.setText(value)
            if not self.horizon.hasFocus() or self.editor.replaying:
                self.horizon.setText(am.horizon or "")
            for key, button in self.approach_buttons.items():
                button.setChecked(am.approach == key)
            chosen = self.department.currentData()
            self.department.clear()
            self.department.addItem("No department", None)
            for d in self.workshop.departments:
                self.department.addItem(d.name, d.id)
            self.department.setCurrentIndex(max(0, self.department.findData(chosen)))
            self._show_companions()
            self._refill_form()
        finally:
            self._loading = False
        read_only = self.session.read_only
        for edit in (*self.fields.values(), self.horizon):
            edit.setReadOnly(read_only)
        for w in (*self.approach_buttons.values(), self.add_button, self.save_button,
                  self.name, self.note, self.side, self.role, self.department):
            w.setEnabled(not read_only)

    def _show_companions(self) -> None:
        names = {d.id: d.name for d in self.workshop.departments}
        current = self.current_companion()
        for lst in self.columns.values():
            lst.clear()
        for c in self.workshop.ambition.companions:
            lst = self.columns.get(c.side, self.columns["internal"])
            where = f" · {names[c.department]}" if c.department in names else ""
            note = f"\n{c.note}" if c.note else ""
            item = QListWidgetItem(f"{c.name}\n{c.role.capitalize()}{where}{note}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            colour = QColor(ROLE_COLOURS.get(c.role, "#BBBBBB"))
            colour.setAlpha(90)
            item.setBackground(QBrush(colour))
            item.setToolTip(f"{c.role.capitalize()}: {c.name}")
            lst.addItem(item)
            if c.id == current:
                lst.setCurrentItem(item)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()

    def follow(self, batch: Batch) -> None:
        if batch.section == M.SECTION:
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def _changed(self, section: str) -> None:
        if section == "departments":
            self._stale = True
            if self.isVisible():
                self.reload()

    # -- the ambition's fields ----------------------------------------------------------------------

    def _typed(self, key: str) -> None:
        if self._loading or self.session.read_only:
            return
        edit = self.fields[key]
        value = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        self.editor.board(M.edit_ambition, label=f"Edit {FIELD_TITLES[key].lower()}",
                          merge_key=("ambition", key, self.editor.run), **{key: value})

    def _horizon_done(self) -> None:
        if self._loading or self.session.read_only:
            return
        value = self.horizon.text().strip()
        if value == (self.workshop.ambition.horizon or ""):
            self.horizon_problem.setText("")
            return
        batch = self.editor.board(M.edit_ambition, horizon=value, label="Edit horizon")
        self.horizon_problem.setText("" if batch is not None
                                     else "Write the horizon as a date, like 2028-12-31.")

    def _approach(self, key: str, checked: bool) -> None:
        if self._loading:
            return
        self.editor.board(M.edit_ambition, approach=key if checked else None,
                          label="Choose the approach")

    # -- companions ---------------------------------------------------------------------------------

    def current_companion(self) -> str | None:
        for lst in self.columns.values():
            item = lst.currentItem()
            if item is not None and lst.hasFocus():
                return item.data(Qt.ItemDataRole.UserRole)
        for lst in self.columns.values():
            item = lst.currentItem()
            if item is not None and item.isSelected():
                return item.data(Qt.ItemDataRole.UserRole)
        return None

    def _companion(self, oid: str | None):
        return next((c for c in self.workshop.ambition.companions if c.id == oid), None)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if self._loading or item is None:
            return
        c = self._companion(item.data(Qt.ItemDataRole.UserRole))
        if c is None:
            return
        self._editing = c.id
        self.name.setText(c.name)
        self.side.setCurrentIndex(self.side.findData(c.side))
        self.role.setCurrentIndex(self.role.findData(c.role))
        self.department.setCurrentIndex(max(0, self.department.findData(c.department)))
        self.note.setText(c.note)

    def _refill_form(self) -> None:
        """Show the edited companion as the file has it now (moved, undone…), leaving a line
        the facilitator is typing in alone unless an Undo or Redo changed it."""
        c = self._companion(self._editing)
        if c is None:
            return
        self.side.setCurrentIndex(self.side.findData(c.side))
        self.role.setCurrentIndex(self.role.findData(c.role))
        self.department.setCurrentIndex(max(0, self.department.findData(c.department)))
        for line, value in ((self.name, c.name), (self.note, c.note)):
            if line.text() != value and (not line.hasFocus() or self.editor.replaying):
                line.setText(value)

    def new_companion(self) -> None:
        """Clear the form for a new companion and put the cursor in its name."""
        self._editing = None
        for lst in self.columns.values():
            lst.clearSelection()
        self.name.clear()
        self.note.clear()
        self.name.setFocus()

    def _edit_chosen(self, key: str, value, typing: bool = False) -> None:
        """The form shows a companion: each change to it is saved at once (a run of typing in
        one field is one undo step), so choosing another companion loses nothing."""
        c = self._companion(self._editing)
        if self._loading or c is None or self.session.read_only or getattr(c, key) == value:
            return
        merge = ("companion", c.id, key, self.editor.run) if typing else None
        if self.editor.board(M.edit_companion, c.id, label="Edit companion", merge_key=merge,
                             **{key: value}) is not None:
            setattr(c, key, value)

    def save_companion(self) -> None:
        values = {"name": self.name.text(), "side": self.side.currentData(),
                  "role": self.role.currentData(), "department": self.department.currentData(),
                  "note": self.note.text()}
        if self._editing is not None and self._companion(self._editing) is not None:
            self._focus_companion(self._editing)  # saved as typed: back to the board
            return
        batch = self.editor.board(M.add_companion, label="Add companion", **values)
        if batch is not None:
            self.name.clear()
            self.note.clear()
            self.name.setFocus()  # ready for the next one

    def move_to(self, oid: str, side: str, before: str | None = None) -> None:
        self.editor.board(M.move_companion, oid, side, before=before, label="Move companion")

    def delete_companion(self, oid: str) -> None:
        deleted = self.editor.board(M.delete_companion, oid, label="Delete companion")
        if deleted is not None and self._editing == oid:
            self._editing = None

    def _focused_list(self, obj: QObject) -> QListWidget | None:
        for lst in self.columns.values():
            if obj is lst or obj is lst.viewport():
                return lst
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        lst = self._focused_list(obj)
        if lst is None:
            return False
        side = next(s for s, w in self.columns.items() if w is lst)
        if event.type() == QEvent.Type.KeyPress and obj is lst:
            assert isinstance(event, QKeyEvent)
            item = lst.currentItem()
            oid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if oid and ctrl and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                other = "external" if side == "internal" else "internal"
                self.move_to(oid, other)
                self._focus_companion(oid)
                return True
            if oid and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_companion(oid)
                return True
            if oid and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._chosen(item)
                self.name.setFocus()
                self.name.selectAll()
                return True
        if event.type() == QEvent.Type.Drop and obj is lst.viewport():
            source = event.source()
            dragged = source.currentItem() if isinstance(source, QListWidget) else None
            if dragged is not None:
                oid = dragged.data(Qt.ItemDataRole.UserRole)
                at = event.position().toPoint()
                target = lst.itemAt(at)
                before = None
                if target is not None:
                    row = lst.row(target)
                    if at.y() > lst.visualItemRect(target).center().y():
                        row += 1  # the lower half of a companion: after it
                    following = lst.item(row) if row < lst.count() else None
                    before = following.data(Qt.ItemDataRole.UserRole) if following else None
                onto_itself = target is not None and target.data(Qt.ItemDataRole.UserRole) == oid
                if not onto_itself and before != oid:
                    self.move_to(oid, side, before)
            event.ignore()  # the file moved it; the lists are drawn again from the file
            return True
        return False

    def _focus_companion(self, oid: str) -> None:
        for lst in self.columns.values():
            for i in range(lst.count()):
                if lst.item(i).data(Qt.ItemDataRole.UserRole) == oid:
                    lst.setFocus()
                    lst.setCurrentRow(i)
                    return
