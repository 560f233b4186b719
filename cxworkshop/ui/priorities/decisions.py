"""Decisions: agreement, not consensus. The log of what the room decided and, for each decision,
where every department stands (agrees, agrees with reservations, disagrees) with its note, drawn
as a strip of cells so that dissent is on the wall and in the file, not smoothed over.

The view only shows the Workshop the page hands it and edits through ops; it never reads the
session itself. Keys, with the strip focused: Left / Right move between departments, A, R, D
(or 1, 2, 3) set the stance, Delete clears it, Enter writes the department's note. Delete on the
decision list deletes the decision. Every change is one undo step on the workshop's stack.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...model import Decision, Department, Workshop
from ...model import priorities as P
from ...model import vocabulary as V
from ...ops import priorities as O
from ..editor import Editor, FieldEdit
from ..theme import ACCENT, MUTED

#: How each stance looks: words, a shape that does not depend on colour, and an Okabe–Ito colour
#: (distinguishable with the common colour-vision deficiencies). Black ink reads on all of them.
STANCE_LOOK: dict[str | None, tuple[str, str, str]] = {
    "agree": ("Agree", "✓", "#009E73"),
    "reservations": ("Agree with reservations", "~", "#E69F00"),
    "disagree": ("Disagree", "✗", "#D55E00"),
    None: ("No stance yet", "○", "#DADADA"),
}
SHORT_WORDS = {"agree": "agree", "reservations": "with reservations", "disagree": "disagree",
               "missing": "no stance yet"}
STANCE_KEYS = {
    Qt.Key.Key_A: "agree", Qt.Key.Key_1: "agree",
    Qt.Key.Key_R: "reservations", Qt.Key.Key_2: "reservations",
    Qt.Key.Key_D: "disagree", Qt.Key.Key_3: "disagree",
}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ID = Qt.ItemDataRole.UserRole


def stance_words(stance: str | None) -> str:
    """The stance as the room reads it; anything outside the vocabulary counts as none yet."""
    return STANCE_LOOK.get(stance if stance in V.STANCES else None)[0]


class _Cell(QFrame):
    """One department's place in the strip: its name, the stance as a shape and in words, the
    note. Colour repeats what the words say; it is never the only sign."""

    def __init__(self, strip: StanceStrip, index: int):
        super().__init__(strip)
        self.setObjectName("stanceCell")
        self.strip = strip
        self.index = index
        self.department_id = ""
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 8, 10, 8)
        col.setSpacing(2)
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-weight: bold;")
        self.mark = QLabel()
        self.mark.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.word = QLabel()
        self.word.setWordWrap(True)
        self.word.setStyleSheet("font-weight: bold;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-style: italic;")
        for w in (self.name, self.mark, self.word, self.note):
            w.setTextFormat(Qt.TextFormat.PlainText)  # names and notes print as typed
            col.addWidget(w)
        col.addStretch(1)
        self.setMinimumWidth(120)

    def show_stance(self, department: Department, stance: str | None, note: str, *,
                    current: bool, focused: bool) -> None:
        self.department_id = department.id
        known = stance if stance in V.STANCES else None
        word, shape, colour = STANCE_LOOK[known]
        self.name.setText(department.name)
        self.mark.setText(shape)
        self.word.setText(word)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        edge = ACCENT if current and focused else (MUTED if current else "transparent")
        line = "dashed" if known is None and not current else "solid"
        if known is None and not current:
            edge = "#8C8C8C"
        ink = "#000000" if known else "#333333"
        self.setStyleSheet(
            f"QFrame#stanceCell {{ background: {colour}; border: 4px {line} {edge}; "
            f"border-radius: 6px; }} QLabel {{ color: {ink}; background: transparent; }}")
        self.setAccessibleName(f"{department.name}: {word}" + (f". {note}" if note else ""))
        self.setToolTip(self.accessibleName())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.strip.go(self.index)
        self.strip.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class StanceStrip(QWidget):
    """Every department's stance on one decision, side by side in Setup order.

    Emits what the keys ask for; the view turns that into ops. `current` is the index of the
    chosen department's cell."""

    stance_keyed = Signal(str, object)  # department id, stance or None (clear)
    note_requested = Signal(str)  # department id
    moved = Signal(str)  # department id now chosen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("decisions.strip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Where each department stands")
        self.row: list[tuple[Department, str | None, str]] = []
        self.cells: list[_Cell] = []
        self.current = 0
        self.read_only = False
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)

    def show_row(self, row: Sequence[tuple[Department, str | None, str]]) -> None:
        """Draw these (department, stance, note) entries, keeping the chosen department."""
        chosen = self.current_department()
        self.row = list(row)
        while len(self.cells) < len(self.row):
            cell = _Cell(self, len(self.cells))
            self.cells.append(cell)
            self._layout.addWidget(cell, 1)
        while len(self.cells) > len(self.row):
            cell = self.cells.pop()
            self._layout.removeWidget(cell)
            cell.deleteLater()
        ids = [d.id for d, _s, _n in self.row]
        self.current = ids.index(chosen) if chosen in ids else min(self.current,
                                                                    max(0, len(ids) - 1))
        self._paint()

    def _paint(self) -> None:
        focused = self.hasFocus()
        for i, (department, stance, note) in enumerate(self.row):
            self.cells[i].show_stance(department, stance, note, current=i == self.current,
                                      focused=focused)

    def current_department(self) -> str | None:
        if 0 <= self.current < len(self.row):
            return self.row[self.current][0].id
        return None

    def current_entry(self) -> tuple[Department, str | None, str] | None:
        if 0 <= self.current < len(self.row):
            return self.row[self.current]
        return None

    def go(self, index: int) -> None:
        if not self.row:
            return
        index = max(0, min(index, len(self.row) - 1))
        if index != self.current:
            self.current = index
            self._paint()
            self.moved.emit(self.row[index][0].id)

    def texts(self) -> list[tuple[str, str, str]]:
        """What the room reads: (department, stance in words, note) for every cell."""
        return [(c.name.text(), c.word.text(), c.note.text()) for c in self.cells]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier
                             | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        department = self.current_department()
        if not plain or department is None:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Left:
            self.go(self.current - 1)
        elif key == Qt.Key.Key_Right:
            self.go(self.current + 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.row) - 1)
        elif key in STANCE_KEYS and not self.read_only:
            self.stance_keyed.emit(department, STANCE_KEYS[key])
        elif key in CLEAR_KEYS and not self.read_only:
            self.stance_keyed.emit(department, None)
        elif key in ENTER_KEYS and not self.read_only:
            self.note_requested.emit(department)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self._paint()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self._paint()


class DecisionsView(QWidget):
    """The decision log with each department's stance. `show_workshop` draws a freshly loaded
    workshop (departments, participants, priorities); `current` is the chosen decision's id."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorities.decisions")
        self.editor = editor
        self.workshop = Workshop()
        self.current: str | None = None
        self._loading = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        title = QLabel("Decisions")
        title.setObjectName("pageTitle")
        top.addWidget(title)
        motto = QLabel("We look for agreement, not consensus: every department's view is "
                       "written down, dissent included.")
        motto.setObjectName("hint")
        motto.setWordWrap(True)
        top.addWidget(motto, 1)
        layout.addLayout(top)
        self.new_text = FieldEdit()
        self.new_text.setObjectName("decisions.new")
        self.new_text.setPlaceholderText("Record a decision: type what was decided and press "
                                         "Enter")
        self.new_text.returnPressed.connect(self.add_typed)
        layout.addWidget(self.new_text)

        split = QSplitter(Qt.Orientation.Vertical)
        upper = QSplitter()
        self.list = QListWidget()
        self.list.setObjectName("decisions.list")
        self.list.setAccessibleName("Decisions")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentRowChanged.connect(self._row_chosen)
        self.list.installEventFilter(self)
        upper.addWidget(self.list)
        upper.addWidget(self._form())
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        split.addWidget(upper)
        split.addWidget(self._stances())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

    def _form(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.text = FieldEdit()
        self.text.setObjectName("decisions.text")
        self.text.textEdited.connect(self._text_typed)
        self.text.editingFinished.connect(self._text_finished)
        date_row = QHBoxLayout()
        self.date = FieldEdit()
        self.date.setObjectName("decisions.date")
        self.date.setPlaceholderText("e.g. 2026-11-18, or blank for none")
        self.date.editingFinished.connect(self._date_finished)
        self.today = QPushButton("Today")
        self.today.setObjectName("decisions.today")
        self.today.clicked.connect(self._date_today)
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.today)
        self.improvement = QComboBox()
        self.improvement.setObjectName("decisions.improvement")
        self.improvement.activated.connect(
            lambda _i: self._edit("improvement", self.improvement.currentData()))
        self.delete_button = QPushButton("Delete decision")
        self.delete_button.setObjectName("decisions.delete")
        self.delete_button.clicked.connect(self.delete_current)
        form.addRow("Decision", self.text)
        form.addRow("Date", date_row)
        form.addRow("About", self.improvement)
        form.addRow("", self.delete_button)
        return box

    def _stances(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 6, 0, 0)
        heading = QLabel("Where each department stands")
        heading.setObjectName("sectionTitle")
        col.addWidget(heading)
        self.strip = StanceStrip()
        self.strip.stance_keyed.connect(self.set_stance)
        self.strip.note_requested.connect(self.edit_note)
        self.strip.moved.connect(lambda _d: self._fill_stance_tools())
        self.strip.setMaximumHeight(220)  # a strip, not a wall: the rest stays together below
        col.addWidget(self.strip)
        self.summary = QLabel("")
        self.summary.setObjectName("decisions.summary")
        self.summary.setWordWrap(True)
        col.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.stance_buttons: dict[str | None, QPushButton] = {}
        for stance in (*V.STANCES, None):
            word, shape, _colour = STANCE_LOOK[stance]
            button = QPushButton(f"{shape}  {word}" if stance else "Clear the stance")
            button.setObjectName(f"decisions.stance.{stance or 'clear'}")
            button.clicked.connect(lambda _c=False, s=stance: self._button_stance(s))
            buttons.addWidget(button)
            self.stance_buttons[stance] = button
        buttons.addStretch(1)
        col.addLayout(buttons)
        note_row = QHBoxLayout()
        self.note_label = QLabel("Note")
        self.note = FieldEdit()
        self.note.setObjectName("decisions.note")
        self.note.textEdited.connect(self._note_typed)
        self.note.returnPressed.connect(self._note_done)
        self.note.installEventFilter(self)
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        col.addLayout(note_row)
        keys = QLabel("Click the strip (or Tab to it), then: ← → choose a department · A, R or "
                      "D (or 1, 2, 3) agree, agree with reservations, disagree · Delete clears "
                      "· Enter writes a note, Enter again returns to the strip.")
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        col.addWidget(keys)
        col.addStretch(1)
        return box

    # -- drawing the workshop -------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        """Draw this workshop, keeping the chosen decision (or choosing the first)."""
        self.workshop = workshop
        decisions = workshop.priorities.decisions
        if self.current not in {d.id for d in decisions}:
            self.current = decisions[0].id if decisions else None
        read_only = self.editor.read_only
        self.new_text.setEnabled(not read_only)
        self.strip.read_only = read_only
        self._fill_list()
        self._fill_form()
        self._fill_strip()

    def _decision(self) -> Decision | None:
        return next((d for d in self.workshop.priorities.decisions if d.id == self.current),
                    None)

    def _fill_list(self) -> None:
        titles = {i.id: i.title for i in self.workshop.priorities.improvements}
        departments = self.workshop.departments
        self._loading = True
        try:
            self.list.clear()
            for d in self.workshop.priorities.decisions:
                counts = P.stance_counts(d, departments)
                tally = "  ".join(f"{STANCE_LOOK[s][1]} {counts[s]}" for s in V.STANCES)
                if counts["missing"]:
                    tally += f"  {STANCE_LOOK[None][1]} {counts['missing']}"
                about = titles.get(d.improvement or "", "")
                facts = [d.date or "No date", f"About: {about}" if about else
                         "Not tied to an improvement"]
                if departments:
                    facts.append(tally)
                item = QListWidgetItem(f"{d.text}\n{'  ·  '.join(facts)}")
                item.setData(ID, d.id)
                words = ", ".join(f"{counts[k]} {SHORT_WORDS[k]}" for k in SHORT_WORDS)
                item.setToolTip(words)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, words)
                self.list.addItem(item)
                if d.id == self.current:
                    self.list.setCurrentItem(item)
        finally:
            self._loading = False

    def _fill_form(self) -> None:
        d = self._decision()
        enabled = d is not None and not self.editor.read_only
        for w in (self.text, self.date, self.today, self.improvement, self.delete_button):
            w.setEnabled(enabled)
        self._loading = True
        try:
            self.improvement.clear()
            self.improvement.addItem("Not tied to an improvement", None)
            for imp in self.workshop.priorities.improvements:
                self.improvement.addItem(imp.title, imp.id)
            if d is None:
                self.text.clear()
                self.date.clear()
                return
            if not (self.text.hasFocus() and self.text.text().strip() == d.text):
                self.text.show_value(d.text)
            self.date.show_value(d.date or "")
            index = self.improvement.findData(d.improvement) if d.improvement else 0
            self.improvement.setCurrentIndex(max(0, index))
        finally:
            self._loading = False

    def _fill_strip(self) -> None:
        d = self._decision()
        if d is None:
            self.strip.show_row([])
            self.strip.setEnabled(False)
            self.summary.setText("Record a decision above to collect each department's view.")
        else:
            self.strip.setEnabled(True)
            self.strip.show_row(P.strip(d, self.workshop.departments))
            if not self.workshop.departments:
                self.summary.setText("There are no departments yet; add them in Setup.")
            else:
                counts = P.stance_counts(d, self.workshop.departments)
                self.summary.setText("  ·  ".join(
                    f"{STANCE_LOOK[k if k != 'missing' else None][1]} {counts[k]} {SHORT_WORDS[k]}"
                    for k in SHORT_WORDS))
        self._fill_stance_tools()

    def _fill_stance_tools(self) -> None:
        entry = self.strip.current_entry() if self._decision() is not None else None
        writable = entry is not None and not self.editor.read_only
        for button in self.stance_buttons.values():
            button.setEnabled(writable)
        has_stance = entry is not None and entry[1] in V.STANCES
        self.note.setEnabled(writable and has_stance)
        self._loading = True
        try:
            if entry is None:
                self.note_label.setText("Note")
                self.note.clear()
                self.note.setPlaceholderText("")
                return
            department, _stance, note = entry
            self.note_label.setText(f"Note from {department.name}")
            self.note.setPlaceholderText(
                "Why they stand there, what would change their mind…" if has_stance
                else "Give a stance first, then a note can go with it")
            if not (self.note.hasFocus() and self.note.text() == note):
                self.note.show_value(note)
        finally:
            self._loading = False

    # -- verbs ----------------------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        if self._loading or row < 0:
            return
        oid = self.list.item(row).data(ID)
        if oid != self.current:
            self.current = oid
            self._fill_form()
            self._fill_strip()

    def add_typed(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        batch = self.editor.board(O.add_decision, text, label="Record decision")
        if batch is not None:
            self.new_text.clear()
            self.current = batch.created[0]
            self.show_workshop(self.workshop)

    def _edit(self, key: str, value, typing: bool = False) -> bool:
        d = self._decision()
        if self._loading or d is None or self.editor.read_only or getattr(d, key) == value:
            return False
        merge = ("decision", d.id, key, self.editor.run) if typing else None
        if self.editor.board(O.edit_decision, d.id, label=f"Edit the decision's {key}",
                             merge_key=merge, **{key: value}) is None:
            return False
        setattr(d, key, value)  # what the file now holds, until the page draws it again
        return True

    def _text_typed(self, text: str) -> None:
        if text.strip():
            self._edit("text", text.strip(), typing=True)

    def _text_finished(self) -> None:
        d = self._decision()
        if d is not None and not self.text.text().strip():
            self.text.show_value(d.text)  # a decision always says something

    def _date_finished(self) -> None:
        d = self._decision()
        if self._loading or d is None:
            return
        value = self.date.text().strip() or None
        if value != d.date and not self._edit("date", value):
            self.date.show_value(d.date or "")  # refused: the reason is in the status bar

    def _date_today(self) -> None:
        self._edit("date", _dt.date.today().isoformat())

    def delete_current(self) -> None:
        d = self._decision()
        if d is not None and not self.editor.read_only:
            self.editor.board(O.delete_decision, d.id, label="Delete decision")

    def set_stance(self, department: str, stance: str | None) -> None:
        """The chosen decision: this department's stance (None clears it), keeping its note."""
        d = self._decision()
        if d is None or self.editor.read_only:
            return
        note = next((n for dep, _s, n in P.strip(d, self.workshop.departments)
                     if dep.id == department), "")
        self.editor.board(O.set_stance, d.id, department, stance,
                          note if stance is not None else "",
                          label="Clear stance" if stance is None else "Set stance")

    def _button_stance(self, stance: str | None) -> None:
        department = self.strip.current_department()
        if department is not None:
            self.set_stance(department, stance)
            self.strip.setFocus()

    def edit_note(self, department: str) -> None:
        """Put the cursor in the note of this department (it needs a stance first)."""
        entry = self.strip.current_entry()
        if entry is None or entry[0].id != department:
            return
        if entry[1] not in V.STANCES:
            self.editor.refused.emit(f"{entry[0].name} has no stance on this decision yet; "
                                     "give one (A, R or D) before writing a note.")
            return
        self.note.setFocus()
        self.note.end(False)

    def _note_typed(self, text: str) -> None:
        d = self._decision()
        entry = self.strip.current_entry()
        if self._loading or d is None or entry is None or entry[1] not in V.STANCES:
            return
        department, stance, _note = entry
        self.editor.board(O.set_stance, d.id, department.id, stance, text, label="Edit note",
                          merge_key=("stance note", d.id, department.id, self.editor.run))

    def _note_done(self) -> None:
        self.editor.seal()
        self.strip.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if (obj is self.list and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.delete_current()
            return True
        if obj is self.note and event.key() == Qt.Key.Key_Escape:
            self._note_done()
            return True
        return False
