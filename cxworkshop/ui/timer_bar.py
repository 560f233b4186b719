"""The strip along the bottom of the facilitator's window: the agenda item running now, its
countdown, the keys that drive it, and what the room's screen is showing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ..model.timer import AgendaTimer, clock_text
from . import theme as T


def countdown_words(timer: AgendaTimer) -> str:
    """The countdown in words, the same here and in the room: "12:05 left", "+01:30 over",
    led by "Paused ·" while it is."""
    left = timer.remaining()
    words = f"{clock_text(left)} over" if left < 0 else f"{clock_text(left)} left"
    return words if timer.running else f"Paused · {words}"


class TimerBar(QWidget):
    toggled = Signal()
    next_requested = Signal()
    chosen = Signal(int)
    present_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timerBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(10)
        title = QLabel("Agenda")
        title.setObjectName("timerBar.title")
        row.addWidget(title)
        self.items = QComboBox()
        self.items.setObjectName("timerBar.items")
        self.items.setMinimumWidth(320)
        self.items.setToolTip("The agenda item the timer counts down (Ctrl+F8 goes back one)")
        self.items.activated.connect(self.chosen.emit)
        row.addWidget(self.items, 1)
        self.countdown = QLabel("")
        self.countdown.setObjectName("timerBar.countdown")
        self.countdown.setMinimumWidth(150)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.countdown)
        self.start = QPushButton("Start")
        self.start.setObjectName("timerBar.start")
        self.start.setToolTip("Start or pause the timer (F8)")
        self.start.clicked.connect(self.toggled.emit)
        row.addWidget(self.start)
        self.next = QPushButton("Next item")
        self.next.setObjectName("timerBar.next")
        self.next.setToolTip("Keep the time this item took and go on to the next (Shift+F8)")
        self.next.clicked.connect(self.next_requested.emit)
        row.addWidget(self.next)
        row.addSpacing(24)
        self.room = QLabel("")
        self.room.setObjectName("timerBar.room")
        row.addWidget(self.room)
        self.present = QPushButton("Present (F5)")
        self.present.setObjectName("timerBar.present")
        self.present.setToolTip("Show the room its own calm view on the projector")
        self.present.clicked.connect(self.present_requested.emit)
        row.addWidget(self.present)
        self._titles: list[str] = []

    def show_timer(self, timer: AgendaTimer) -> None:
        titles = [f"{item.title} · {item.minutes} min" for item in timer.items]
        if titles != self._titles or self.items.count() == 0:
            self._titles = titles
            self.items.blockSignals(True)
            self.items.clear()
            self.items.addItems(titles or ["No agenda yet: add its items in Setup"])
            self.items.blockSignals(False)
        self.items.setCurrentIndex(max(0, timer.index))
        has = timer.current is not None
        for widget in (self.items, self.start, self.next):
            widget.setEnabled(has)
        self.next.setEnabled(has and timer.index < len(timer.items) - 1)
        self.start.setText("Pause" if timer.running else "Start")
        if not has:
            self.countdown.setText("")
            return
        phase = timer.phase()
        colours = {"amber": (T.LIGHT.amber, T.LIGHT.amber_ink),
                   "red": (T.LIGHT.red, T.LIGHT.red_ink)}.get(
            phase, (T.LIGHT.accent, T.LIGHT.accent_ink) if timer.running
            else ("transparent", T.LIGHT.ink))
        self.countdown.setText(countdown_words(timer))
        self.countdown.setProperty("phase", phase if timer.running or phase != "calm"
                                   else "paused")
        self.countdown.setStyleSheet(
            f"QLabel {{ background: {colours[0]}; color: {colours[1]}; font-weight: bold; "
            "padding: 3px 10px; border-radius: 6px; }")

    def show_room(self, presenting: bool, blank: bool, what: str) -> None:
        if not presenting:
            self.room.setText("")
            self.present.setText("Present (F5)")
            return
        self.room.setText("The room sees a blank screen (B shows it again)" if blank
                          else f"The room sees: {what}")
        self.present.setText("Stop presenting (F5)")
