"""A walk through every screen and tab, pressing the keys a facilitator would: on a read-only
file nothing changes (not a byte), and on an empty workshop nothing breaks."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cxworkshop import model as m
from cxworkshop.store import create_file

from ..ops.boards import demo_workshop

KEYS = (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Down,
        Qt.Key.Key_Right, Qt.Key.Key_A, Qt.Key.Key_Escape)
CTRL = Qt.KeyboardModifier.ControlModifier


def _walk(window, qtbot) -> None:
    for row in range(window.rail.count()):
        window.go_to(row)
        QApplication.processEvents()
        page = window.pages.currentWidget()
        tabs = getattr(page, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
            target = QApplication.focusWidget() or page
            for key in KEYS:
                qtbot.keyClick(target, key)
                target = QApplication.focusWidget() or page
            qtbot.keyClick(target, Qt.Key.Key_Z, CTRL)
            qtbot.keyClick(target, Qt.Key.Key_Y, CTRL)


def test_a_read_only_file_is_not_changed_by_any_screen(make_window, tmp_path, qtbot):
    path = create_file(tmp_path / "Colleague.cxw", demo_workshop())
    os.chmod(path, 0o444)
    try:
        before = path.read_bytes()
        window = make_window(path)
        window.resize(1600, 1000)
        assert window.session.read_only
        _walk(window, qtbot)
        assert not window.errors, window.errors
        window.close_workshop()
        assert path.read_bytes() == before
    finally:
        os.chmod(path, 0o644)


@pytest.mark.parametrize("named", [True, False])
def test_an_empty_workshop_opens_every_screen_without_trouble(make_window, tmp_path, qtbot,
                                                              named):
    w = m.Workshop()
    if named:  # a title makes it reopen on its stage rather than on Setup
        w.workshop.title = "Nothing yet"
        w.workshop.current_stage = "priorities"
    window = make_window(create_file(tmp_path / "Empty.cxw", w))
    window.resize(1600, 1000)
    _walk(window, qtbot)
    assert not window.errors, window.errors
