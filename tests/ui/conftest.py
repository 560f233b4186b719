import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from cxworkshop import model as m  # noqa: E402
from cxworkshop.store import Session, create_file  # noqa: E402


def small_workshop() -> m.Workshop:
    w = m.Workshop()
    w.workshop.title = "Bridging day"
    w.departments = [
        m.Department("mkt", "Marketing", "#E69F00"),
        m.Department("sal", "Sales", "#56B4E9"),
        m.Department("svc", "Customer Service", "#009E73"),
    ]
    w.participants = [
        m.Participant("p1", "Dana Lee", "mkt", "CMO", True),
        m.Participant("p2", "Sam Ortiz", "svc", "Head of Contact Centre", False),
    ]
    w.discover.notes = [m.Note("n1", "Leads are weak", department="sal", author="p1")]
    return w


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings, monkeypatch):
    """Open a window; dialogs are answered by tests, error boxes are collected, never shown."""
    from cxworkshop.ui.main_window import MainWindow

    made = []

    def factory(path=None):
        window = MainWindow(settings)
        window.errors = []
        monkeypatch.setattr(window, "show_error", window.errors.append)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        if path is not None:
            assert window.open_path(path), window.errors
        made.append(window)
        return window

    yield factory
    for window in made:
        window.close_workshop()


@pytest.fixture
def blueprint_tab(make_window, tmp_path, qtbot):
    """Open the demo on Blueprint at 1700×1000 and return a function showing one tab's view
    ("roadmap", "measures", "council"), with `path` (the file) and `window_` set on it."""
    from tests.ops.boards import demo_workshop

    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1700, 1000)
    window.go_blueprint()
    page = window.blueprint_page

    def show(key: str):
        page.show_tab(key)
        view = getattr(page, f"{key}_view")
        qtbot.waitUntil(view.isVisible)
        view.path, view.window_ = path, window
        return view

    return show


@pytest.fixture
def workshop_file(tmp_path):
    path = tmp_path / "Bridging day.cxw"
    create_file(path, small_workshop())
    return path


def saved(path) -> m.Workshop:
    """What the file holds, read by a second, read-only connection (as after a crash)."""
    with Session.open(path, read_only=True) as session:
        return session.load()


def type_into_cell(qtbot, table, row: int, column: int, text: str, *, enter: bool = True):
    """F2 on a cell, replace its text by typing, and (unless told not to) press Enter.

    Qt commits a cell editor on its next turn after Enter, so callers wait for the effect.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor
