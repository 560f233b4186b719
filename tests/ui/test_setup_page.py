"""The Setup page, driven with the keyboard and mouse; every check reads the file itself."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from cxworkshop.model import vocabulary as V
from tests.ui.conftest import saved, type_into_cell


def choose(qtbot, table, row, column, steps=1):
    """Open a cell's chooser with F2 and move `steps` entries down with the arrow key."""
    table.setFocus()
    table.setCurrentCell(row, column)
    for _ in range(steps):
        qtbot.keyClick(table, Qt.Key.Key_F2)
        box = QApplication.focusWidget()
        assert isinstance(box, QComboBox), "F2 opens a chooser"
        qtbot.keyClick(box, Qt.Key.Key_Down)


def test_typing_a_title_is_saved_on_every_keystroke_and_undone_in_one_step(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    field = window.setup_page.fields["title"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, "Closing the gaps")
    assert saved(workshop_file).workshop.title == "Closing the gaps"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved(workshop_file).workshop.title == "Bridging day"
    assert field.text() == "Bridging day"
    qtbot.keyClick(field, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved(workshop_file).workshop.title == "Closing the gaps"


def test_a_date_is_saved_only_once_it_is_a_date(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    field = window.setup_page.fields["date"]
    field.setFocus()
    qtbot.keyClicks(field, "2026-11")
    assert saved(workshop_file).workshop.date is None
    assert "2026-11-23" in window.setup_page.problem_line.text()
    qtbot.keyClicks(field, "-23")
    assert saved(workshop_file).workshop.date == "2026-11-23"
    assert window.setup_page.problem_line.text() == ""


def test_departments_are_added_with_enter_and_take_distinct_safe_colours(
        qtbot, make_window, tmp_path):
    from cxworkshop import model as m
    from cxworkshop.store import create_file

    path = tmp_path / "empty.cxw"
    create_file(path, m.Workshop())
    window = make_window(path)
    window.go_setup()
    line = window.setup_page.new_department
    line.setFocus()
    for name in ("Marketing", "Sales", "Finance"):
        qtbot.keyClicks(line, name)
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "" and line.hasFocus()
    departments = saved(path).departments
    assert [d.name for d in departments] == ["Marketing", "Sales", "Finance"]
    assert [d.color for d in departments] == list(V.DEPARTMENT_PALETTE[:3])
    assert window.setup_page.departments.rowCount() == 3


def test_a_duplicate_department_is_refused_in_one_sentence_and_nothing_is_written(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    line = window.setup_page.new_department
    line.setFocus()
    qtbot.keyClicks(line, "sales")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert 'already a department called "Sales"' in window.setup_page.problem_line.text()
    assert len(saved(workshop_file).departments) == 3
    assert line.text() == "sales"  # kept so it can be corrected


def test_delete_and_reorder_departments_with_keys_and_undo_everything(
        qtbot, make_window, workshop_file):
    first = saved(workshop_file)
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.departments
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [d.id for d in saved(workshop_file).departments] == ["sal", "mkt", "svc"]
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    after = saved(workshop_file)
    assert [d.id for d in after.departments] == ["sal", "mkt"]
    assert next(p for p in after.participants if p.id == "p2").department is None
    undo = window.actions_by_id["edit.undo"]
    while undo.isEnabled():
        undo.trigger()
    assert saved(workshop_file) == first


def test_renaming_a_department_in_place(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    type_into_cell(qtbot, window.setup_page.departments, 1, 1, "Sales & Partnerships")
    qtbot.waitUntil(lambda: saved(workshop_file).departments[1].name == "Sales & Partnerships")


def test_recolouring_a_department(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    choose(qtbot, window.setup_page.departments, 0, 0)  # orange -> the next palette colour
    assert saved(workshop_file).departments[0].color == "#56B4E9"
    assert window.setup_page.departments.item(0, 0).text() == "Sky blue"


def test_participants_are_typed_in_quickly(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    page = window.setup_page
    page.new_dept.setCurrentIndex(page.new_dept.findData("sal"))
    page.new_name.setFocus()
    qtbot.keyClicks(page.new_name, "Ravi Menon")
    qtbot.keyClick(page.new_name, Qt.Key.Key_Tab)  # to the department list
    qtbot.keyClick(page.new_dept, Qt.Key.Key_Tab)  # to the role
    qtbot.keyClicks(page.new_role, "Sales Director")
    page.new_senior.setChecked(True)
    qtbot.keyClick(page.new_role, Qt.Key.Key_Return)
    qtbot.keyClicks(page.new_name, "Mia Chen")
    qtbot.keyClick(page.new_name, Qt.Key.Key_Return)
    people = saved(workshop_file).participants
    assert [(p.name, p.department, p.role, p.senior) for p in people[2:]] == [
        ("Ravi Menon", "sal", "Sales Director", True),
        ("Mia Chen", "sal", "", False),
    ]
    assert page.new_name.hasFocus() and page.new_name.text() == ""


def test_editing_a_participant_in_the_table(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.participants
    senior = table.item(1, 3)
    senior.setCheckState(Qt.CheckState.Checked)
    assert saved(workshop_file).participants[1].senior is True
    choose(qtbot, table, 0, 1)
    assert saved(workshop_file).participants[0].department == "sal"
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [p.id for p in saved(workshop_file).participants] == ["p2"]
    assert saved(workshop_file).discover.notes[0].author is None
    window.actions_by_id["edit.undo"].trigger()
    restored = saved(workshop_file)
    assert [p.id for p in restored.participants] == ["p1", "p2"]
    assert restored.discover.notes[0].author == "p1"


def test_after_moving_a_department_the_arrow_keys_move_the_selection_not_its_colour(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.departments
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    steps = window.stack.count()
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    after = saved(workshop_file)
    assert [d.color for d in after.departments] == ["#56B4E9", "#E69F00", "#009E73"]
    assert window.stack.count() == steps
    assert table.currentRow() == 2


def test_a_department_chooser_keeps_the_keyboard_after_each_change(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.participants
    choose(qtbot, table, 0, 1)
    assert saved(workshop_file).participants[0].department == "sal"
    assert table.hasFocus() and (table.currentRow(), table.currentColumn()) == (0, 1)
    choose(qtbot, table, 0, 1)
    assert saved(workshop_file).participants[0].department == "svc"
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the arrow moves on; it changes nothing
    assert table.currentRow() == 1
    assert saved(workshop_file).participants[1].department == "svc"


def test_space_toggles_senior_on_and_off_again(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.participants
    table.setFocus()
    table.setCurrentCell(1, 3)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert saved(workshop_file).participants[1].senior is True
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert saved(workshop_file).participants[1].senior is False


def test_an_unfinished_date_shows_the_saved_one_again_when_left(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    field = window.setup_page.fields["date"]
    field.setFocus()
    qtbot.keyClicks(field, "2026-11-2")
    window.setup_page.fields["location"].setFocus()
    assert field.text() == ""
    assert window.setup_page.problem_line.text() == ""
    assert saved(workshop_file).workshop.date is None


def test_typing_after_leaving_a_field_is_a_separate_undo_step(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    title = window.setup_page.fields["title"]
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " one")
    window.setup_page.fields["location"].setFocus()
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " two")
    assert saved(workshop_file).workshop.title == "Bridging day one two"
    window.actions_by_id["edit.undo"].trigger()
    assert saved(workshop_file).workshop.title == "Bridging day one"


def test_ctrl_z_in_a_new_department_line_undoes_the_typing_not_the_last_edit(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    line = window.setup_page.new_department
    line.setFocus()
    qtbot.keyClicks(line, "Finance")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClicks(line, "Leg")
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Finance" in [d.name for d in saved(workshop_file).departments]


def test_every_kind_of_edit_undoes_and_redoes_exactly(qtbot, make_window, workshop_file):
    first = saved(workshop_file)
    window = make_window(workshop_file)
    window.go_setup()
    page = window.setup_page
    choose(qtbot, page.departments, 0, 0, steps=2)                    # recolour
    choose(qtbot, page.participants, 0, 1)                            # change department
    page.participants.item(1, 3).setCheckState(Qt.CheckState.Checked)  # senior
    page.new_department.setFocus()
    qtbot.keyClicks(page.new_department, "Finance")                   # add
    qtbot.keyClick(page.new_department, Qt.Key.Key_Return)
    page.departments.setFocus()
    page.departments.setCurrentCell(3, 1)
    qtbot.keyClick(page.departments, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # move
    page.departments.setCurrentCell(0, 1)
    qtbot.keyClick(page.departments, Qt.Key.Key_Delete)               # delete
    last = saved(workshop_file)
    assert [window.stack.text(i) for i in range(window.stack.count())] == [
        "Change colour", "Change colour", "Change department", "Mark senior", "Add Finance",
        "Move department", "Delete Marketing"]
    undo, redo = window.actions_by_id["edit.undo"], window.actions_by_id["edit.redo"]
    while undo.isEnabled():
        undo.trigger()
    assert saved(workshop_file) == first
    while redo.isEnabled():
        redo.trigger()
    assert saved(workshop_file) == last


def test_a_read_only_file_offers_no_controls_that_would_fail(make_window, workshop_file):
    import os
    import stat

    os.chmod(workshop_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        window = make_window(workshop_file)
        window.go_setup()
        page = window.setup_page
        assert not page.today.isEnabled()
        assert not page.new_department.isEnabled() and not page.new_name.isEnabled()
        assert not any(b.isEnabled() for b in page.findChildren(QPushButton)
                       if b.objectName().startswith(("departments.", "participants.")))
        flags = page.participants.item(0, 3).flags()
        assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    finally:
        os.chmod(workshop_file, stat.S_IRUSR | stat.S_IWUSR)


def test_a_refused_rename_in_place_shows_the_old_name_again(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    table = window.setup_page.departments
    type_into_cell(qtbot, table, 1, 1, "Marketing")
    qtbot.waitUntil(lambda: "already a department" in window.setup_page.problem_line.text())
    assert 'already a department called "Marketing"' in window.setup_page.problem_line.text()
    assert table.item(1, 1).text() == "Sales"
    assert saved(workshop_file).departments[1].name == "Sales"


def test_a_long_role_wraps_onto_more_lines_instead_of_being_cut(qtbot, make_window,
                                                                 workshop_file):
    from cxworkshop import ops
    from cxworkshop.store import Session

    long_role = ("Head of retail partnerships, regional franchise relations and the partner "
                 "onboarding programme")
    with Session.open(workshop_file) as s:
        ops.edit_participant(s, "p2", role=long_role)
    window = make_window(workshop_file)
    window.resize(1000, 700)
    window.go_setup()
    table = window.setup_page.participants
    qtbot.waitUntil(lambda: table.rowHeight(1) >= 2 * table.rowHeight(0))
    assert table.item(1, 2).text() == long_role
