"""The Priorities stage, improvements part: typed fresh or promoted from Discover notes (the
links kept), placed on the impact / effort matrix by dragging or with Ctrl+arrows, edited in
the form (an agreed improvement without an accountable executive is flagged), sorted in the
list, each change undoable. Checks read the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import saved

from ..ops.boards import demo_workshop

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(make_window, tmp_path, qtbot):
    from cxworkshop.store import create_file

    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1700, 1000)
    window.go_priorities()
    page = window.priorities_page
    qtbot.waitUntil(page.matrix.isVisible)
    page.path, page.window_ = path, window
    return page


def improvement(page, title: str):
    return next(i for i in saved(page.path).priorities.improvements if i.title == title)


def test_a_typed_improvement_is_dragged_on_the_matrix_and_undo_puts_it_back(page, qtbot):
    qtbot.keyClicks(page.new_title, "Answer every complaint within a day")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    fresh = improvement(page, "Answer every complaint within a day")
    assert (fresh.impact, fresh.effort, fresh.notes) == (None, None, [])
    page.editor.board(page_ops().place_improvement, fresh.id, 2, 2, label="Place")
    start = page.matrix.card_rects()[fresh.id].center().toPoint()
    target = page.matrix.cell_rect(5, 1).center().toPoint()  # high impact, low effort
    qtbot.mousePress(page.matrix, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(page.matrix, (start + target) / 2)
    qtbot.mouseMove(page.matrix, target)
    qtbot.mouseRelease(page.matrix, Qt.MouseButton.LeftButton, pos=target)
    placed = improvement(page, "Answer every complaint within a day")
    assert (placed.impact, placed.effort) == (5, 1)
    row = _row(page, fresh.id)
    assert page.table.item(row, 4).text() == "Quick wins"
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_Right, CTRL)  # one step more effort
    assert (improvement(page, placed.title).impact, improvement(page, placed.title).effort) == (5, 2)
    qtbot.keyClick(page.matrix, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(page.matrix, Qt.Key.Key_Z, CTRL)
    back = improvement(page, placed.title)
    assert (back.impact, back.effort) == (2, 2)


def test_promoted_notes_become_an_improvement_that_keeps_them(page, qtbot):
    window = page.window_
    window.go_discover()
    board = window.discover_page
    qtbot.waitUntil(board.view.isVisible)
    first, second = list(board.scene.notes)[:2]
    board.scene.clearSelection()
    board.scene.notes[first].setSelected(True)
    board.scene.notes[second].setSelected(True)
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_I, CTRL | Qt.KeyboardModifier.ShiftModifier)
    promoted = saved(page.path).priorities.improvements[-1]
    assert set(promoted.notes) == {first, second}
    count = len(saved(page.path).priorities.improvements)
    qtbot.keyClick(board.view, Qt.Key.Key_Z, CTRL)
    assert len(saved(page.path).priorities.improvements) == count - 1
    qtbot.keyClick(board.view, Qt.Key.Key_Y, CTRL)
    assert saved(page.path).priorities.improvements[-1].notes == promoted.notes
    window.go_priorities()
    qtbot.waitUntil(page.matrix.isVisible)
    assert page.current == promoted.id or any(
        page.table.item(r, 0).text() == promoted.title for r in range(page.table.rowCount()))


def test_an_agreed_improvement_without_an_accountable_executive_is_flagged(page, qtbot):
    qtbot.keyClicks(page.new_title, "Fix the first bill")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    fresh = improvement(page, "Fix the first bill")
    page.choose(fresh.id)
    page.status.setCurrentIndex(page.status.findData("agreed"))
    page.status.activated.emit(page.status.currentIndex())
    assert improvement(page, "Fix the first bill").status == "agreed"
    assert page.flag.text()
    assert "⚠" in page.table.item(_row(page, fresh.id), 6).text()
    senior = page.accountable.findData(
        next(p.id for p in saved(page.path).participants if p.senior))
    page.accountable.setCurrentIndex(senior)
    page.accountable.activated.emit(senior)
    assert improvement(page, "Fix the first bill").accountable is not None
    assert not page.flag.text()


def test_the_description_and_roadblocks_are_saved_as_typed(page, qtbot):
    qtbot.keyClicks(page.new_title, "Shared customer record")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    fresh = improvement(page, "Shared customer record")
    page.choose(fresh.id)
    page.roadblocks.setFocus()
    qtbot.keyClicks(page.roadblocks, "Two CRMs")
    qtbot.keyClick(page.roadblocks, Qt.Key.Key_Return)
    qtbot.keyClicks(page.roadblocks, "No budget this year")
    assert improvement(page, "Shared customer record").roadblocks == ["Two CRMs",
                                                                      "No budget this year"]
    qtbot.keyClick(page.roadblocks, Qt.Key.Key_Z, CTRL)
    assert improvement(page, "Shared customer record").roadblocks == []


def page_ops():
    from cxworkshop.ops import priorities

    return priorities


def _row(page, oid: str) -> int:
    return next(r for r in range(page.table.rowCount())
                if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == oid)


del QPoint


def test_roadblocks_typed_with_blank_lines_and_spaces_stay_as_typed(page, qtbot):
    qtbot.keyClicks(page.new_title, "Single view of the customer")
    qtbot.keyClick(page.new_title, Qt.Key.Key_Return)
    fresh = improvement(page, "Single view of the customer")
    page.choose(fresh.id)
    page.roadblocks.setFocus()
    qtbot.keyClicks(page.roadblocks, "Two CRMs")
    qtbot.keyClick(page.roadblocks, Qt.Key.Key_Return)
    qtbot.keyClick(page.roadblocks, Qt.Key.Key_Return)
    qtbot.keyClicks(page.roadblocks, " No budget")
    assert page.roadblocks.toPlainText() == "Two CRMs\n\n No budget"
    assert improvement(page, fresh.title).roadblocks == ["Two CRMs", "No budget"]


def test_tab_leaves_the_list_of_improvements(page, qtbot):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()
