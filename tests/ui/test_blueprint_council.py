"""The CX council on the Blueprint stage: how often the councils meet, the chair (who becomes a
member in the same step), members ticked on and off (never the chair), and the standing agenda
added to, edited in place, moved with Alt+Down, deleted and filled with the usual items; each
change is in the file at once and undone by Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from cxworkshop.model.blueprint import STANDING_AGENDA
from tests.ui.conftest import saved, type_into_cell

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def view(blueprint_tab):
    view = blueprint_tab("council")
    view.main_window = view.window_
    return view


def council(view):
    return saved(view.path).blueprint.council


def undo(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def member_row(view, participant: str) -> int:
    return next(r for r in range(view.members.count())
                if view.members.item(r).data(Qt.ItemDataRole.UserRole) == participant)


def choose(combo, value) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def test_the_cadences_are_chosen_from_the_keyboard_and_undone(view, qtbot):
    assert view.operational.currentText() == "Every month"
    assert "every month, the strategic council every quarter" in view.summary.text()
    view.operational.setFocus()
    qtbot.keyClick(view.operational, Qt.Key.Key_Up)
    assert council(view).operational_cadence == "weekly"
    assert view.summary.text().startswith("The operational council meets every week")
    choose(view.strategic, None)
    assert council(view).strategic_cadence is None
    assert "there is no strategic council" in view.summary.text()
    undo(qtbot, view.strategic)
    assert council(view).strategic_cadence == "quarterly"
    assert view.strategic.currentText() == "Every quarter"
    undo(qtbot, view.strategic)
    assert council(view).operational_cadence == "monthly"
    assert view.operational.currentText() == "Every month"


def test_a_chair_who_is_not_a_member_joins_and_one_ctrl_z_undoes_both(view, qtbot):
    assert "p-okafor" not in council(view).members
    choose(view.chair, "p-okafor")
    c = council(view)
    assert c.chair == "p-okafor" and c.members[-1] == "p-okafor"
    item = view.members.item(member_row(view, "p-okafor"))
    assert item.checkState() == Qt.CheckState.Checked and item.text().endswith("(chair)")
    assert "(chair)" not in view.members.item(member_row(view, "p-nair")).text()
    assert "Chair: Tunde Okafor. 8 members." in view.summary.text()
    undo(qtbot, view.chair)
    c = council(view)
    assert c.chair == "p-nair" and "p-okafor" not in c.members
    assert view.members.item(member_row(view, "p-okafor")).checkState() == \
        Qt.CheckState.Unchecked
    assert view.chair.currentData() == "p-nair"


def test_members_are_ticked_with_the_mouse_and_space_and_undone(view, qtbot):
    members = view.members
    row = member_row(view, "p-sato")
    rect = members.visualItemRect(members.item(row))
    members.setFocus()
    qtbot.mouseClick(members.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    assert council(view).members[-1] == "p-sato"
    assert members.item(row).checkState() == Qt.CheckState.Checked
    assert "8 members" in view.summary.text()

    row = member_row(view, "p-lind")
    members.setCurrentRow(row)
    qtbot.keyClick(members, Qt.Key.Key_Space)
    assert "p-lind" not in council(view).members
    assert members.item(row).checkState() == Qt.CheckState.Unchecked
    assert "7 members" in view.summary.text()
    undo(qtbot, members)
    assert "p-lind" in council(view).members
    assert members.item(row).checkState() == Qt.CheckState.Checked
    undo(qtbot, members)
    assert "p-sato" not in council(view).members


def test_the_chair_cannot_be_unticked_and_the_box_is_ticked_again(view, qtbot):
    members = view.members
    row = member_row(view, "p-nair")
    members.setFocus()
    members.setCurrentRow(row)
    qtbot.keyClick(members, Qt.Key.Key_Space)
    assert "p-nair" in council(view).members
    assert members.item(row).checkState() == Qt.CheckState.Checked
    assert "chairs the council" in view.main_window.statusBar().currentMessage()


def test_agenda_items_are_added_edited_in_place_moved_and_deleted_each_undone(view, qtbot):
    first = council(view).agenda
    view.new_item.setFocus()
    qtbot.keyClicks(view.new_item, "Thank someone who helped a customer")
    qtbot.keyClick(view.new_item, Qt.Key.Key_Return)
    assert council(view).agenda == [*first, "Thank someone who helped a customer"]
    assert view.agenda.item(len(first), 0).text() == f"{len(first) + 1}."
    assert view.new_item.text() == ""

    # F2, typing, Enter
    type_into_cell(qtbot, view.agenda, 0, 1, "Actions from last time")
    qtbot.waitUntil(lambda: council(view).agenda[0] == "Actions from last time")
    # Enter edits too, and Esc leaves the item as it was
    view.agenda.setFocus()
    view.agenda.setCurrentCell(1, 1)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert editor is not view.agenda
    editor.selectAll()
    qtbot.keyClicks(editor, "never kept")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.agenda.hasFocus)
    assert council(view).agenda[1] == first[1]

    # Alt+Down moves the current item and keeps it current
    view.agenda.setCurrentCell(0, 1)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down, ALT)
    assert council(view).agenda[:2] == [first[1], "Actions from last time"]
    assert view.agenda.currentRow() == 1
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down, ALT)
    assert council(view).agenda[2] == "Actions from last time"
    assert view.agenda.currentRow() == 2

    qtbot.keyClick(view.agenda, Qt.Key.Key_Delete)
    assert "Actions from last time" not in council(view).agenda
    assert len(council(view).agenda) == len(first)

    undo(qtbot, view.agenda)  # the delete
    assert council(view).agenda[2] == "Actions from last time"
    undo(qtbot, view.agenda)  # the second move
    undo(qtbot, view.agenda)  # the first move
    assert council(view).agenda[0] == "Actions from last time"
    undo(qtbot, view.agenda)  # the edit
    assert council(view).agenda[0] == first[0]
    assert view.agenda.item(0, 1).text() == first[0]
    undo(qtbot, view.agenda)  # the new item
    assert council(view).agenda == first


def test_an_emptied_agenda_says_so_and_gets_the_usual_items(view, qtbot):
    view.agenda.setFocus()
    view.agenda.setCurrentCell(0, 1)
    assert view.agenda_hint.isHidden() and view.fill_button.isEnabled()
    for _ in range(len(council(view).agenda)):
        qtbot.keyClick(view.agenda, Qt.Key.Key_Delete)
    assert council(view).agenda == []
    assert view.agenda_hint.isVisible() and "Add the usual items" in view.agenda_hint.text()

    qtbot.mouseClick(view.fill_button, Qt.MouseButton.LeftButton)
    assert council(view).agenda == list(STANDING_AGENDA)
    assert view.agenda.rowCount() == len(STANDING_AGENDA)
    assert view.agenda_hint.isHidden() and not view.fill_button.isEnabled()
    undo(qtbot, view.agenda)
    assert council(view).agenda == []
    assert view.fill_button.isEnabled() and view.agenda_hint.isVisible()


def test_the_moved_item_stays_chosen_through_undo(view, qtbot):
    view.agenda.setFocus()
    view.agenda.setCurrentCell(2, 1)
    third = council(view).agenda[2]
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert council(view).agenda[3] == third
    assert view.agenda.item(view.agenda.currentRow(), 1).text() == third
    qtbot.keyClick(view.agenda, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert council(view).agenda[2] == third
    assert view.agenda.item(view.agenda.currentRow(), 1).text() == third
    # so Delete takes out the item the facilitator sees chosen
    qtbot.keyClick(view.agenda, Qt.Key.Key_Delete)
    assert third not in council(view).agenda


# -- found in the second review ---------------------------------------------------------------

def _with_duplicates(view, qtbot):
    for text in ("Any other business", "Close", "Any other business"):
        view.new_item.setFocus()
        qtbot.keyClicks(view.new_item, text)
        qtbot.keyClick(view.new_item, Qt.Key.Key_Return)
    return len(council(view).agenda)


def test_undoing_a_move_chooses_the_moved_item_even_among_twins(view, qtbot):
    n = _with_duplicates(view, qtbot)
    view.agenda.setFocus()
    view.agenda.setCurrentCell(n - 1, 1)  # the second "Any other business"
    qtbot.keyClick(view.agenda, Qt.Key.Key_Up, ALT)
    assert view.agenda.currentRow() == n - 2
    undo(qtbot, view.agenda)
    assert council(view).agenda[-3:] == ["Any other business", "Close", "Any other business"]
    assert view.agenda.currentRow() == n - 1


def test_deleting_at_the_end_chooses_the_new_last_item(view, qtbot):
    n = _with_duplicates(view, qtbot)
    view.agenda.setFocus()
    view.agenda.setCurrentCell(n - 1, 1)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Delete)
    assert view.agenda.currentRow() == n - 2


def test_undoing_a_delete_chooses_the_item_it_brings_back(view, qtbot):
    before = council(view).agenda
    view.agenda.setFocus()
    view.agenda.setCurrentCell(3, 1)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Delete)
    undo(qtbot, view.agenda)
    assert council(view).agenda == before and view.agenda.currentRow() == 3
