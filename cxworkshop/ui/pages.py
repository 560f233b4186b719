"""The welcome page, shown when no workshop is open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """What the window shows when no workshop is open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.welcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        title = QLabel("CX Workshop")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        hint = QLabel("Start a new workshop, or open one you have prepared.")
        hint.setObjectName("hint")
        layout.addWidget(hint)
        for text, signal, name in (("New workshop…", self.new_requested, "welcome.new"),
                                   ("Open…", self.open_requested, "welcome.open"),
                                   ("Open the demo workshop", self.demo_requested, "welcome.demo")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(36)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        recent_title = QLabel("Recent workshops")
        recent_title.setObjectName("sectionTitle")
        layout.addWidget(recent_title)
        self.recent = QListWidget()
        self.recent.setObjectName("welcome.recent")
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.recent, 1)

    def show_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
