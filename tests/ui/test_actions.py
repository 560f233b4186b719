"""Actions on the Priorities stage: typed and added with Enter, owner, due date, status and
improvement set in the form, sorted in the table, deleted with Delete; each change is in the
file at once and undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import saved

from ..ops.boards import demo_workshop

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(make_window, tmp_path, qtbot):
    from cxworkshop.store import create_file

    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1700, 1000)
    window.go_priorities()
    page = window.priorities_page
    page.show_tab("actions")
    view = page.actions_view
    qtbot.waitUntil(view.table.isVisible)
    view.path = path
    return view


def test_an_action_is_typed_given_an_owner_and_a_due_date_then_deleted(view, qtbot):
    before = len(saved(view.path).actions)
    view.new_text.setFocus()
    qtbot.keyClicks(view.new_text, "Draft the lead-scoring rules")
    qtbot.keyClick(view.new_text, Qt.Key.Key_Return)
    actions = saved(view.path).actions
    assert len(actions) == before + 1 and actions[-1].text == "Draft the lead-scoring rules"
    new = actions[-1]
    assert view.current == new.id
    person = saved(view.path).participants[0]
    view.owner.setCurrentIndex(view.owner.findData(person.id))
    view.owner.activated.emit(view.owner.currentIndex())
    view.due.setFocus()
    qtbot.keyClicks(view.due, "someday")
    qtbot.keyClick(view.due, Qt.Key.Key_Return)
    assert view.problem.text() and saved(view.path).actions[-1].due is None
    view.due.clear()
    qtbot.keyClicks(view.due, "2026-12-15")
    qtbot.keyClick(view.due, Qt.Key.Key_Return)
    saved_action = saved(view.path).actions[-1]
    assert (saved_action.owner, saved_action.due) == (person.id, "2026-12-15")

    view.table.setFocus()
    row = next(r for r in range(view.table.rowCount())
               if view.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == new.id)
    view.table.setCurrentCell(row, 0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(saved(view.path).actions) == before
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert saved(view.path).actions[-1].due == "2026-12-15"


def test_the_table_sorts_by_due_date_with_blanks_last(view, qtbot):
    due_col = 2
    view.table.sortItems(due_col, Qt.SortOrder.AscendingOrder)
    dues = [view.table.item(r, due_col).text() for r in range(view.table.rowCount())]
    dated = [d for d in dues if d]
    assert dated == sorted(dated) and dues[:len(dated)] == dated


def test_a_new_action_is_chosen_and_its_form_ready(view, qtbot):
    view.new_text.setFocus()
    qtbot.keyClicks(view.new_text, "Call the regulator")
    qtbot.keyClick(view.new_text, Qt.Key.Key_Return)
    assert view.text.isEnabled() and view.owner.isEnabled()
    assert view.text.text() == "Call the regulator"
    assert view.table.currentRow() >= 0


def test_undo_shows_the_due_date_the_file_has_even_in_the_focused_field(view, qtbot):
    view.new_text.setFocus()
    qtbot.keyClicks(view.new_text, "Book the pilot")
    qtbot.keyClick(view.new_text, Qt.Key.Key_Return)
    view.due.setFocus()
    qtbot.keyClicks(view.due, "2027-01-15")
    qtbot.keyClick(view.due, Qt.Key.Key_Return)
    view.due.selectAll()
    qtbot.keyClicks(view.due, "2030-01-02")
    qtbot.keyClick(view.due, Qt.Key.Key_Return)
    qtbot.keyClick(view.due, Qt.Key.Key_Z, CTRL)
    assert saved(view.path).actions[-1].due == "2027-01-15"
    assert view.due.text() == "2027-01-15"
