"""The Ambition stage driven with keys and the mouse: every field is saved as it is typed, a run
of typing is one undo step, a bad horizon is refused in place, the approach is chosen with a
click, and companions are added, edited, moved between columns and deleted, each undoable."""

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
    window.resize(1600, 1000)
    window.go_ambition()
    page = window.ambition_page
    qtbot.waitUntil(page.isVisible)
    page.path, page.window_ = path, window
    return page


def test_typing_is_saved_at_each_key_and_one_run_undoes_at_once(page, qtbot):
    vision = page.fields["vision"]
    vision.setFocus()
    vision.selectAll()
    qtbot.keyClicks(vision, "Nobody chases us")
    assert saved(page.path).ambition.vision == "Nobody chases us"
    qtbot.keyClick(vision, Qt.Key.Key_Z, CTRL)
    assert saved(page.path).ambition.vision == demo_workshop().ambition.vision
    assert vision.toPlainText() == demo_workshop().ambition.vision


def test_the_horizon_must_be_a_date_and_the_approach_is_one_click(page, qtbot):
    page.horizon.setFocus()
    page.horizon.selectAll()
    qtbot.keyClicks(page.horizon, "next year")
    qtbot.keyClick(page.horizon, Qt.Key.Key_Return)
    assert "2028-12-31" in page.horizon_problem.text()
    assert saved(page.path).ambition.horizon == demo_workshop().ambition.horizon
    page.horizon.selectAll()
    qtbot.keyClicks(page.horizon, "2029-06-30")
    qtbot.keyClick(page.horizon, Qt.Key.Key_Return)
    assert saved(page.path).ambition.horizon == "2029-06-30" and not page.horizon_problem.text()
    bottom_up = page.approach_buttons["bottom-up"]
    on_it = QPoint(12, bottom_up.height() // 2)  # its circle (the row is wider than the label)
    qtbot.mouseClick(bottom_up, Qt.MouseButton.LeftButton, pos=on_it)
    assert saved(page.path).ambition.approach == "bottom-up"
    assert not page.approach_buttons["top-down"].isChecked()
    qtbot.mouseClick(bottom_up, Qt.MouseButton.LeftButton, pos=on_it)
    assert saved(page.path).ambition.approach is None, "a second click leaves it open"


def test_companions_are_added_moved_and_deleted_with_the_keyboard(page, qtbot):
    before = [c.name for c in saved(page.path).ambition.companions]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.name.hasFocus()
    page.role.setCurrentIndex(page.role.findData("sceptic"))
    qtbot.keyClicks(page.name, "Works council")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    companions = saved(page.path).ambition.companions
    assert [c.name for c in companions] == [*before, "Works council"]
    new = companions[-1]
    assert (new.side, new.role) == ("internal", "sceptic")
    assert page.name.hasFocus() and page.name.text() == "", "ready for the next one"

    inside = page.columns["internal"]
    row = next(i for i in range(inside.count()) if inside.item(i).text().startswith("Works"))
    inside.setFocus()
    inside.setCurrentRow(row)
    qtbot.keyClick(inside, Qt.Key.Key_Right, CTRL)
    assert next(c for c in saved(page.path).ambition.companions
                if c.id == new.id).side == "external"
    outside = page.columns["external"]
    assert outside.hasFocus() and outside.currentItem().text().startswith("Works council")

    qtbot.keyClick(outside, Qt.Key.Key_Return)  # edit it in the form
    assert page.name.hasFocus()
    qtbot.keyClicks(page.name, "Works council (all sites)")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert any(c.name == "Works council (all sites)" for c in saved(page.path).ambition.companions)

    outside.setFocus()
    row = next(i for i in range(outside.count()) if outside.item(i).text().startswith("Works"))
    outside.setCurrentRow(row)
    qtbot.keyClick(outside, Qt.Key.Key_Delete)
    assert [c.name for c in saved(page.path).ambition.companions] == before
    for _ in range(4):  # delete, edit, move, add
        qtbot.keyClick(outside, Qt.Key.Key_Z, CTRL)
    assert [c.name for c in saved(page.path).ambition.companions] == before
    qtbot.keyClick(outside, Qt.Key.Key_Y, CTRL)
    assert [c.name for c in saved(page.path).ambition.companions] == [*before, "Works council"]


def test_a_companion_edited_in_the_form_keeps_its_new_column_and_every_typed_change(page, qtbot):
    inside = page.columns["internal"]
    inside.setFocus()
    inside.setCurrentRow(0)
    first = inside.item(0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(inside, Qt.Key.Key_Right, CTRL)  # to the other column
    outside = page.columns["external"]
    qtbot.keyClick(outside, Qt.Key.Key_Return)  # into the form
    page.note.setFocus()
    page.note.selectAll()
    qtbot.keyClicks(page.note, "Wants a monthly update")
    # choose another companion without pressing Enter: nothing typed is lost
    outside.setFocus()
    outside.setCurrentRow(0 if outside.item(0).data(Qt.ItemDataRole.UserRole) != first else 1)
    moved = next(c for c in saved(page.path).ambition.companions if c.id == first)
    assert (moved.side, moved.note) == ("external", "Wants a monthly update")
