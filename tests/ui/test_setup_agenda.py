"""The agenda on the Setup page, driven with the keyboard and mouse; every check reads the file
itself."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton

from cxworkshop import model as m
from cxworkshop.store import create_file
from cxworkshop.ui.setup_page import PLANNED, STAGE, TOOK
from tests.ops.boards import one_sentence
from tests.ui.conftest import saved, small_workshop, type_into_cell

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def agenda_file(tmp_path):
    w = small_workshop()
    w.agenda = [m.AgendaItem("a-hello", "Welcome", None, 15, 20),
                m.AgendaItem("a-fail", "Where we let customers down", "discover", 60),
                m.AgendaItem("a-close", "Close", None, 15)]
    return create_file(tmp_path / "Agenda day.cxw", w)


@pytest.fixture
def page(make_window, agenda_file):
    window = make_window(agenda_file)
    window.go_setup()
    return window.setup_page


def items(path) -> list[tuple]:
    return [(a.title, a.stage, a.minutes, a.actual_minutes) for a in saved(path).agenda]


def shown(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def clear_cell(qtbot, table, row: int, column: int) -> None:
    """F2 on a cell, delete all its text and press Enter."""
    editor = type_into_cell(qtbot, table, row, column, "", enter=False)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_the_agenda_shows_what_the_file_holds_with_its_totals(page):
    assert shown(page.agenda) == [["Welcome", "No stage", "15", "20"],
                                  ["Where we let customers down", "Discover", "60", ""],
                                  ["Close", "No stage", "15", ""]]
    total = page.agenda_total.text()
    assert "1 h 30 min planned" in total
    assert "took 20 min, 5 min more than planned" in total


def test_an_empty_agenda_says_what_to_do_and_items_are_added_by_typing(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    page = window.setup_page
    assert "press Enter" in page.agenda_total.text()
    line = page.new_agenda
    line.setFocus()
    for title in ("Welcome", "  Coffee "):
        qtbot.keyClicks(line, title)
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and line.hasFocus()
    assert items(workshop_file) == [("Welcome", None, 30, None), ("Coffee", None, 30, None)]
    assert [row[0] for row in shown(page.agenda)] == ["Welcome", "Coffee"]
    assert "2 items, 1 h planned" in page.agenda_total.text()
    qtbot.keyClick(line, Qt.Key.Key_Return)  # nothing typed: nothing added
    assert len(saved(workshop_file).agenda) == 2


def test_stage_planned_minutes_and_time_taken_are_changed_in_the_table(
        qtbot, page, agenda_file):
    table = page.agenda
    table.setFocus()
    table.setCurrentCell(2, STAGE)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == [
        "No stage", "Discover", "Ambition", "Priorities", "Blueprint"]
    qtbot.keyClick(box, Qt.Key.Key_End)
    assert saved(agenda_file).agenda[2].stage == "blueprint"
    assert table.item(2, STAGE).text() == "Blueprint"

    type_into_cell(qtbot, table, 1, PLANNED, " 45 ")
    qtbot.waitUntil(lambda: saved(agenda_file).agenda[1].minutes == 45)
    type_into_cell(qtbot, table, 1, TOOK, "52")
    qtbot.waitUntil(lambda: saved(agenda_file).agenda[1].actual_minutes == 52)
    assert "The 2 done so far took 1 h 12 min, 12 min more than planned" in \
        page.agenda_total.text()
    clear_cell(qtbot, table, 0, TOOK)  # blank: not taken yet
    qtbot.waitUntil(lambda: saved(agenda_file).agenda[0].actual_minutes is None)
    type_into_cell(qtbot, table, 0, 0, "Welcome and purpose")
    qtbot.waitUntil(lambda: saved(agenda_file).agenda[0].title == "Welcome and purpose")
    assert items(agenda_file) == [("Welcome and purpose", None, 15, None),
                                  ("Where we let customers down", "discover", 45, 52),
                                  ("Close", "blueprint", 15, None)]
    assert "The one done so far took 52 min, 7 min more than planned" in \
        page.agenda_total.text()


@pytest.mark.parametrize(("column", "typed", "words"), [
    (PLANNED, "half an hour", "“half an hour”"),
    (PLANNED, "2000", "1440"),
    (PLANNED, None, "empty"),
    (TOOK, "-5", "-5"),
])
def test_a_bad_number_is_refused_in_one_sentence_and_nothing_is_saved(
        qtbot, page, agenda_file, column, typed, words):
    before = saved(agenda_file)
    steps = page.editor.stack.count()
    old = page.agenda.item(0, column).text()
    if typed is None:
        clear_cell(qtbot, page.agenda, 0, column)
    else:
        type_into_cell(qtbot, page.agenda, 0, column, typed)
    qtbot.waitUntil(lambda: page.problem_line.text() != "")
    one_sentence(page.problem_line.text())
    assert words in page.problem_line.text()
    assert page.agenda.item(0, column).text() == old  # the saved value is shown again
    assert saved(agenda_file) == before
    assert page.editor.stack.count() == steps
    type_into_cell(qtbot, page.agenda, 0, column, "25")  # a good one clears the message
    qtbot.waitUntil(lambda: page.problem_line.text() == "")


def test_items_are_moved_and_deleted_with_keys_and_ctrl_z_restores_each_step(
        qtbot, page, agenda_file):
    first = saved(agenda_file)
    table = page.agenda
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-fail", "a-hello", "a-close"]
    assert table.currentRow() == 1  # the moved item stays chosen, so it can move on
    qtbot.keyClick(table, Qt.Key.Key_Down, ALT)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-fail", "a-close", "a-hello"]
    qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-hello", "a-close"]
    assert [row[0] for row in shown(table)] == ["Welcome", "Close"]
    stack = page.editor.stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Move agenda item", "Move agenda item", "Move agenda item",
        "Delete Where we let customers down"]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-fail", "a-hello", "a-close"]
    assert [row[0] for row in shown(table)][0] == "Where we let customers down"
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert saved(agenda_file) == first
    assert shown(table)[0] == ["Welcome", "No stage", "15", "20"]


def test_the_buttons_move_and_delete_too(qtbot, page, agenda_file):
    page.agenda.setCurrentCell(2, 0)
    qtbot.mouseClick(page.findChild(QPushButton, "agenda.move_up"), Qt.MouseButton.LeftButton)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-hello", "a-close", "a-fail"]
    qtbot.mouseClick(page.findChild(QPushButton, "agenda.delete"), Qt.MouseButton.LeftButton)
    assert [a.id for a in saved(agenda_file).agenda] == ["a-hello", "a-fail"]


def test_an_added_item_and_a_stage_change_are_one_undo_step_each(qtbot, page, agenda_file):
    first = saved(agenda_file)
    page.new_agenda.setFocus()
    qtbot.keyClicks(page.new_agenda, "Lunch")
    qtbot.keyClick(page.new_agenda, Qt.Key.Key_Return)
    table = page.agenda
    table.setFocus()
    table.setCurrentCell(3, STAGE)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    last = saved(agenda_file)
    assert (last.agenda[3].title, last.agenda[3].stage) == ("Lunch", "discover")
    stack = page.editor.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Add Lunch", "Edit agenda item"]
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert saved(agenda_file).agenda[3].stage is None
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert saved(agenda_file) == first
    assert table.rowCount() == 3
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert saved(agenda_file) == last


def test_minutes_the_timer_writes_show_without_closing_a_cell_being_edited(
        qtbot, page, agenda_file):
    from cxworkshop.ops import agenda as A

    table = page.agenda
    editor = type_into_cell(qtbot, table, 2, 0, "Close and thanks", enter=False)
    A.record_actual(page.editor.session, "a-fail", 12)  # what the running timer does
    page.editor.changed.emit("agenda")
    assert table.item(1, TOOK).text() == "12"
    assert QApplication.focusWidget() is editor and isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: saved(agenda_file).agenda[2].title == "Close and thanks")
    assert saved(agenda_file).agenda[1].actual_minutes == 12


def test_a_read_only_file_offers_no_agenda_controls(make_window, agenda_file):
    import os
    import stat

    os.chmod(agenda_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        window = make_window(agenda_file)
        window.go_setup()
        page = window.setup_page
        assert page.agenda.rowCount() == 3
        assert not page.new_agenda.isEnabled()
        assert not any(b.isEnabled() for b in page.findChildren(QPushButton)
                       if b.objectName().startswith("agenda."))
        assert page.agenda.editTriggers() == page.agenda.EditTrigger.NoEditTriggers
    finally:
        os.chmod(agenda_file, stat.S_IRUSR | stat.S_IWUSR)
