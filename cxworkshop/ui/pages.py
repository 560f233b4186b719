"""Page pieces: the welcome page (shown when no workshop is open) and tabs built when first
shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def long_date(value: str | None) -> str:
    """An ISO date as people write it ("23 November 2026"); anything else as it is."""
    try:
        day = dt.date.fromisoformat(value or "")
    except ValueError:
        return value or ""
    return f"{day.day} {day:%B %Y}"


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


class LazyTabs(QTabWidget):
    """Tabs whose views are built the first time they are shown (or asked for): a workshop
    often reopens on a page, and start-up should not pay for tabs nobody has looked at yet.

    `built(view)` is called once for each view as it is made (the page shows it the
    workshop then)."""

    def __init__(self, name: str, built: Callable[[QWidget], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._on_built = built
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self.views: dict[str, QWidget] = {}  # those built so far, by key
        self.currentChanged.connect(self._shown)

    def add_now(self, key: str, title: str, widget: QWidget) -> None:
        """A tab built at once (it is not one of `views`: the page shows it itself)."""
        self._holders[key] = widget
        self.addTab(widget, title)

    def add_later(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        holder = QWidget()
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._holders[key] = holder
        self._makers[key] = make
        self.addTab(holder, title)

    def view(self, key: str) -> QWidget:
        """The view of tab `key`, built on first need."""
        view = self.views.get(key)
        if view is None:
            view = self._makers[key]()
            self._holders[key].layout().addWidget(view)
            self.views[key] = view
            self._on_built(view)
        return view

    def show_tab(self, key: str) -> None:
        self.setCurrentWidget(self._holders[key])

    def current_key(self) -> str:
        """The key of the tab showing now."""
        holder = self.currentWidget()
        return next((k for k, h in self._holders.items() if h is holder), "")

    def _shown(self, index: int) -> None:
        holder = self.widget(index)
        key = next((k for k, h in self._holders.items() if h is holder), None)
        if key in self._makers:
            self.view(key)
