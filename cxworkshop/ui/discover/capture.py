"""The capture bar under the board: type what was said, press Enter, type the next.

Department, kind, dimension and author stay chosen from one note to the next (a room usually
talks about one department for a while). They change without leaving the keys: a digit 1–9
on an empty line picks the department, Alt+1–9 at any time, Alt+C/B/I the kind, Alt+P/R/T the
dimension (Alt+N none), or a short prefix before a colon ("2 b pr: Leads are unqualified").

A note may itself start with a number ("3 systems hold our customer data", "40% of calls"): a
digit picks a department only if a letter follows it. When what comes next (typed, pasted or
from an input method) starts with a space, another digit or a sign, the pick is taken back and
the digit is put in front, so no number is ever lost; a digit with no department is just typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ...model import Department, Participant
from ...model import capture as cap
from ...model import vocabulary as V
from ..editor import FieldEdit
from ..tables import swatch

KIND_KEYS = {Qt.Key.Key_C: "challenge", Qt.Key.Key_B: "barrier", Qt.Key.Key_I: "idea"}
DIMENSION_KEYS = {Qt.Key.Key_P: "people", Qt.Key.Key_R: "process", Qt.Key.Key_T: "technology",
                  Qt.Key.Key_N: None}
DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}
PLACEHOLDER = "Type a challenge and press Enter   (digit then text = department · 2 b pr: prefix)"


class CaptureLine(FieldEdit):
    """The text field; keys that choose rather than type go to the bar."""

    choose = Signal(str, object)  # ("department", index) / ("kind", k) / ("dimension", d)
    unpick = Signal()  # the digit that picked a department was the start of a number
    leave = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.departments = 0  # how many there are: a digit past them is just a digit
        # A digit that picked a department on the empty line, until the text next changes
        # (by a key, a paste or an input method) or the line loses focus.
        self._digit = ""
        self.textEdited.connect(self._edited)

    def focusOutEvent(self, event) -> None:
        self._digit = ""
        super().focusOutEvent(event)

    def _edited(self, new: str) -> None:
        digit, self._digit = self._digit, ""
        if digit and new and not new[0].isalpha():
            # "3 systems…", "40%…", "3+ weeks", "2 b pr: …", a pasted "0%…": the digit is text
            self.unpick.emit()
            self.setText(digit + new)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Backspace and self._digit and not self.text():
            self._digit = ""
            self.unpick.emit()  # the pick is taken back, as typing would be
        elif key in DIGITS and not ctrl and DIGITS[key] <= self.departments \
                and (alt or not (self.text() or self._digit)):  # "12…": the 2 is typed
            self._digit = "" if alt else (event.text() or str(DIGITS[key]))
            self.choose.emit("department", DIGITS[key] - 1)
        elif alt and not ctrl and key in KIND_KEYS:
            self.choose.emit("kind", KIND_KEYS[key])
        elif alt and not ctrl and key in DIMENSION_KEYS:
            self.choose.emit("dimension", DIMENSION_KEYS[key])
        elif key == Qt.Key.Key_Escape:
            self._digit = ""
            if self.text():
                self.clear()
            else:
                self.leave.emit()
        else:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._digit = ""
            super().keyPressEvent(event)
            return
        event.accept()


class CaptureBar(QWidget):
    """Emits `capture(text, department, kind, dimension, author)` when Enter is pressed."""

    capture = Signal(str, object, str, object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("captureBar")
        self.departments: list[Department] = []
        self.participants: list[Participant] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        self.department = QComboBox()
        self.department.setObjectName("capture.department")
        self.department.setToolTip("The note's department: a digit on an empty line, or Alt+1–9")
        self.kind = QComboBox()
        self.kind.setObjectName("capture.kind")
        self.kind.setToolTip("Alt+C challenge · Alt+B barrier · Alt+I idea")
        for k in V.NOTE_KINDS:
            self.kind.addItem(k.title(), k)
        self.kind.setCurrentIndex(0)
        self.dimension = QComboBox()
        self.dimension.setObjectName("capture.dimension")
        self.dimension.setToolTip("Alt+P people · Alt+R process · Alt+T technology · Alt+N none")
        self.dimension.addItem("No dimension", None)
        for d in V.DIMENSIONS:
            self.dimension.addItem(d.title(), d)
        self.author = QComboBox()
        self.author.setObjectName("capture.author")
        self.author.setToolTip("Who said it (optional); or @initials in the prefix")
        self.line = CaptureLine()
        self.line.setObjectName("capture.text")
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setClearButtonEnabled(True)
        self.line.returnPressed.connect(self._enter)
        self.line.choose.connect(self.choose)
        self.line.unpick.connect(self._unpick)
        self._before_pick = self.department.currentIndex()
        for combo in (self.department, self.kind, self.dimension, self.author):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            combo.activated.connect(lambda _i: self.line.setFocus())
        label = QLabel("Capture")
        label.setObjectName("sectionTitle")
        row.addWidget(label)
        row.addWidget(self.line, 1)
        for combo in (self.department, self.kind, self.dimension, self.author):
            row.addWidget(combo)
        self.show_people([], [])

    def show_people(self, departments: Sequence[Department],
                    participants: Sequence[Participant]) -> None:
        """Fill the choosers from Setup, keeping what was chosen if it still exists."""
        chosen_dept, chosen_author = self.department.currentData(), self.author.currentData()
        self.departments, self.participants = list(departments), list(participants)
        self.line.departments = len(self.departments)
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem("No department", None)
        for i, d in enumerate(departments):
            label = f"{i + 1}  {d.name}" if i < 9 else d.name
            self.department.addItem(swatch(d.color or V.palette_colour(i)), label, d.id)
        index = self.department.findData(chosen_dept) if chosen_dept is not None else -1
        self.department.setCurrentIndex(index if index >= 0 else (1 if departments else 0))
        self.department.blockSignals(False)
        self.author.clear()
        self.author.addItem("Nobody named", None)
        for p in participants:
            self.author.addItem(p.name, p.id)
        index = self.author.findData(chosen_author)
        self.author.setCurrentIndex(max(0, index))

    def choose(self, what: str, value: object) -> None:
        if what == "department":
            assert isinstance(value, int)
            self._before_pick = self.department.currentIndex()
            if value < len(self.departments):
                self.department.setCurrentIndex(value + 1)
        elif what == "kind":
            self.kind.setCurrentIndex(self.kind.findData(value))
        elif what == "dimension":
            self.dimension.setCurrentIndex(self.dimension.findData(value))
        elif what == "author":
            self.author.setCurrentIndex(max(0, self.author.findData(value)))

    def draft(self) -> dict:
        """The text and the choosers, as the file keeps them while a note is being typed."""
        return {"text": self.line.text(), "department": self.department.currentData(),
                "kind": self.kind.currentData(), "dimension": self.dimension.currentData(),
                "author": self.author.currentData()}

    def set_draft(self, draft: dict) -> None:
        """Show a kept draft: its text, and its choices where they still exist."""
        for what in ("department", "kind", "dimension", "author"):
            combo = getattr(self, what)
            index = combo.findData(draft.get(what))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.line.setText(draft.get("text") or "")

    def _unpick(self) -> None:
        self.department.setCurrentIndex(self._before_pick)

    def _enter(self) -> None:
        typed = cap.parse(self.line.text(), self.departments, self.participants)
        for what in ("department", "kind", "dimension", "author"):
            if typed.sets(what):
                combo = getattr(self, what)
                combo.setCurrentIndex(max(0, combo.findData(getattr(typed, what))))
        if not typed.text:
            return  # nothing to add; the prefix alone changed the choosers
        self.capture.emit(typed.text, self.department.currentData(), self.kind.currentData(),
                          self.dimension.currentData(), self.author.currentData())

    def done(self) -> None:
        """The note was saved: clear the line for the next one."""
        self.line.clear()
