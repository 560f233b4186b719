"""The Discover board driven with keys and the mouse; every check reads the file itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from cxworkshop import model as m
from cxworkshop.model import board as B
from cxworkshop.ops import discover as D
from cxworkshop.store import create_file
from cxworkshop.ui.canvas.items import NoteItem
from cxworkshop.ui.canvas.style import FADED_OPACITY, tint

from .board_helpers import (
    at,
    click,
    double_click,
    drag,
    file_state,
    note_row,
    rows,
    shown_and_saved,
)
from .conftest import saved

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def board_workshop() -> m.Workshop:
    w = m.Workshop()
    w.workshop.title = "Bridging day"
    w.workshop.current_stage = "discover"
    w.departments = [
        m.Department("mkt", "Marketing", "#E69F00"),
        m.Department("sal", "Sales", "#56B4E9"),
        m.Department("svc", "Customer Service", "#009E73"),
    ]
    w.participants = [m.Participant("p1", "Dana Lee", "mkt"), m.Participant("p2", "Sam Ortiz")]
    w.discover.notes = [
        m.Note("n1", "Leads are weak", "barrier", "sal", "process", "p1", x=0.0, y=0.0),
        m.Note("n2", "Complaint calls about broken promises", "challenge", "svc", "people",
               x=400.0, y=0.0),
        m.Note("n3", "Adverts promise speeds we cannot deliver", "challenge", "mkt",
               "process", x=0.0, y=300.0),
    ]
    return w


@pytest.fixture
def board_file(tmp_path):
    path = tmp_path / "Board day.cxw"
    create_file(path, board_workshop())
    return path


@pytest.fixture
def board(make_window, board_file, qtbot):
    window = make_window(board_file)
    window.resize(1400, 900)
    assert window.rail.currentRow() == 1, "a workshop left on Discover reopens there"
    page = window.discover_page
    qtbot.waitUntil(lambda: page.view.isVisible())
    page.view.show_rect(page.scene.items_rect())
    page.path = board_file
    page.window_ = window
    return page


def test_the_board_shows_every_note_cluster_and_link_of_the_file(make_window, tmp_path):
    from cxworkshop.demo import demo_workshop

    w = demo_workshop()
    w.workshop.current_stage = "discover"
    path = create_file(tmp_path / "demo.cxw", w)
    page = make_window(path).discover_page
    assert set(page.scene.notes) == {n.id for n in w.discover.notes}
    assert set(page.scene.clusters) == {c.id for c in w.discover.clusters}
    assert set(page.scene.links) == {link.id for link in w.discover.links}
    note = w.discover.notes[0]
    item = page.scene.notes[note.id]
    assert (item.pos().x(), item.pos().y()) == (note.x, note.y)
    assert item.look.department == B.initials(w.departments[0].name)


def test_capture_bar_adds_notes_without_the_mouse(board, qtbot):
    line = board.capture.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_2)  # an empty line: a digit picks the department
    assert board.capture.department.currentData() == "sal"
    assert line.text() == ""
    qtbot.keyClicks(line, "Nobody owns the hand-off")
    qtbot.keyClick(line, Qt.Key.Key_B, ALT)
    qtbot.keyClick(line, Qt.Key.Key_R, ALT)
    qtbot.keyClick(line, Qt.Key.Key_Return)

    added = rows(board.path, "SELECT id, text, department, kind, dimension, author, x, y, w, h "
                             "FROM note WHERE text = 'Nobody owns the hand-off'")
    assert len(added) == 1
    _id, _t, dept, kind, dim, author, x, y, w, h = added[0]
    assert (dept, kind, dim, author) == ("sal", "barrier", "process", None)
    lanes = {lane.key: lane for lane in B.department_lanes(board.scene.departments, 2)}
    assert lanes["sal"].x <= x < lanes["sal"].x + lanes["sal"].width
    assert line.text() == "" and line.hasFocus(), "the bar is ready for the next note"
    assert board.scene.notes[_id].isSelected(), "the room sees where it landed"

    qtbot.keyClicks(line, "3 c pe @sam: Agents cannot rebook an installation")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    (second,) = rows(board.path, "SELECT department, kind, dimension, author, text FROM note "
                                 "WHERE text LIKE 'Agents%'")
    assert second == ("svc", "challenge", "people", "p2",
                      "Agents cannot rebook an installation")
    assert board.capture.department.currentData() == "svc", "the prefix's choice sticks"


@pytest.mark.parametrize("typed", ["3 systems hold our customer data", "40% of calls are repeats",
                                   "12 weeks to send a quote", "2.5 days to refund"])
def test_a_note_that_starts_with_a_number_keeps_it(board, qtbot, typed):
    line = board.capture.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_1, ALT)  # Marketing, chosen on purpose
    qtbot.keyClicks(line, typed)
    assert line.text() == typed
    assert board.capture.department.currentData() == "mkt", "the digit was not a choice"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert rows(board.path, "SELECT department FROM note WHERE text = ?", (typed,)) == [("mkt",)]


def test_a_number_survives_shift_a_paste_and_a_digit_with_no_department(board, qtbot):
    from PySide6.QtWidgets import QApplication

    line = board.capture.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_1, ALT)
    qtbot.keyClick(line, Qt.Key.Key_3)
    qtbot.keyPress(line, Qt.Key.Key_Shift)  # a real keyboard sends Shift on its own first
    qtbot.keyClicks(line, "+ weeks to refund")
    qtbot.keyRelease(line, Qt.Key.Key_Shift)
    assert line.text() == "3+ weeks to refund"
    assert board.capture.department.currentData() == "mkt"
    line.clear()
    QApplication.clipboard().setText("0% of calls are repeats")
    qtbot.keyClick(line, Qt.Key.Key_3)
    qtbot.keyClick(line, Qt.Key.Key_V, CTRL)
    assert line.text() == "30% of calls are repeats"
    assert board.capture.department.currentData() == "mkt"
    line.clear()
    qtbot.keyClicks(line, "5G coverage drops")  # three departments: 5 picks nothing
    assert line.text() == "5G coverage drops"


def test_a_digit_then_a_letter_picks_the_department_and_backspace_takes_it_back(board, qtbot):
    line = board.capture.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_3)
    assert board.capture.department.currentData() == "svc"
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    assert board.capture.department.currentData() == "mkt", "back to what it was"
    qtbot.keyClicks(line, "3Agents cannot rebook")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert rows(board.path, "SELECT department FROM note WHERE text = 'Agents cannot rebook'") \
        == [("svc",)]


def test_twenty_captured_notes_never_land_on_each_other(board, qtbot):
    line = board.capture.line
    line.setFocus()
    for i in range(20):
        qtbot.keyClicks(line, f"{1 + i % 3}: note number {i}")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    notes = rows(board.path, "SELECT x, y, w, h FROM note")
    assert len(notes) == 23
    for i, a in enumerate(notes):
        for b in notes[i + 1:]:
            overlap = a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] \
                and b[1] < a[1] + a[3]
            assert not overlap, (a, b)


def test_an_empty_capture_adds_nothing(board, qtbot):
    before = file_state(board.path)
    board.capture.line.setFocus()
    qtbot.keyClicks(board.capture.line, "   ")
    qtbot.keyClick(board.capture.line, Qt.Key.Key_Return)
    after = file_state(board.path)
    after.pop("board")  # keeps the bar's three spaces, as on screen
    before.pop("board")
    assert after == before
    assert D.capture_draft(board.session)["text"] == "   "


def test_what_is_typed_in_the_capture_bar_survives_a_crash(board, qtbot, make_window):
    """Each keystroke of a note not yet added is in the file: reopened after the process died,
    the bar holds it again. Enter adds the note and empties the kept text."""
    line = board.capture.line
    line.setFocus()
    qtbot.keyClicks(line, "3Refunds take six wee")  # Customer Service's
    qtbot.keyClick(line, Qt.Key.Key_B, ALT)
    assert D.capture_draft(board.session) == {
        "text": "Refunds take six wee", "department": "svc", "kind": "barrier",
        "dimension": None, "author": None}
    assert board.editor.stack.count() == 0, "typing in the bar is not an undo step"
    # as if the process had been killed: a second window opens a copy of the file as it is
    import shutil

    copy = board.path.with_name("After the crash.cxw")
    shutil.copyfile(board.path, copy)
    for suffix in ("-wal", "-shm"):
        wal = board.path.with_name(board.path.name + suffix)
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + suffix))
    reopened = make_window(copy).discover_page
    bar = reopened.capture
    assert bar.line.text() == "Refunds take six wee"
    assert (bar.department.currentData(), bar.kind.currentData()) == ("svc", "barrier")
    qtbot.keyClicks(line, "ks")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert rows(board.path, "SELECT capture_draft FROM board") == [("",)]
    assert rows(board.path, "SELECT department, kind FROM note "
                            "WHERE text = 'Refunds take six weeks'") == [("svc", "barrier")]


def test_double_click_edits_a_note_in_place_and_undo_takes_it_back(board, qtbot):
    view, item = board.view, board.scene.notes["n1"]
    double_click(view, at(view, item))
    editor = board.inplace.text
    qtbot.waitUntil(editor.isVisible)
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "Leads arrive unqualified")  # replaces the selected text
    assert note_row(board.path, "n1")["text"] == "Leads arrive unqualified", \
        "saved while typing, before the edit ends"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert board.scene.notes["n1"].note.text == "Leads arrive unqualified"
    board.editor.stack.undo()  # the whole edit is one step
    assert note_row(board.path, "n1")["text"] == "Leads are weak"


def test_escape_puts_back_the_text_an_edit_started_with(board, qtbot):
    view, item = board.view, board.scene.notes["n2"]
    double_click(view, at(view, item))
    editor = board.inplace.text
    qtbot.waitUntil(editor.isVisible)
    qtbot.keyClicks(editor, "Something else")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert note_row(board.path, "n2")["text"] == "Complaint calls about broken promises"


def test_dragging_a_note_moves_it_in_the_file(board, qtbot):
    view, item = board.view, board.scene.notes["n1"]
    start = at(view, item)
    drag(view, start, start + QPoint(120, 60))
    row = note_row(board.path, "n1")
    scale = view.scale_now()
    assert row["x"] == pytest.approx(120 / scale, abs=2 / scale)
    assert row["y"] == pytest.approx(60 / scale, abs=2 / scale)
    board.editor.stack.undo()
    assert (note_row(board.path, "n1")["x"], note_row(board.path, "n1")["y"]) == (0.0, 0.0)
    assert board.scene.notes["n1"].pos().x() == 0.0


def test_rubber_band_and_ctrl_click_select_several_and_delete_takes_them_all(board, qtbot):
    view, scene = board.view, board.scene
    n1, n2, n3 = (scene.notes[i] for i in ("n1", "n2", "n3"))
    top_left = view.mapFromScene(n1.sceneBoundingRect().topLeft()) - QPoint(20, 20)
    right = view.mapFromScene(n2.sceneBoundingRect().bottomRight()) + QPoint(20, 20)
    drag(view, top_left, QPoint(right.x(), right.y()))
    assert {i.id for i in scene.selectedItems()} == {"n1", "n2"}
    click(view, at(view, n3), CTRL)
    assert {i.id for i in scene.selectedItems()} == {"n1", "n2", "n3"}
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert rows(board.path, "SELECT count(*) FROM note") == [(0,)]
    board.editor.stack.undo()
    assert {r[0] for r in rows(board.path, "SELECT id FROM note")} == {"n1", "n2", "n3"}
    assert set(scene.notes) == {"n1", "n2", "n3"}


def test_arrow_keys_nudge_and_a_run_of_nudges_is_one_undo_step(board, qtbot):
    view = board.view
    board.scene.notes["n2"].setSelected(True)
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    row = note_row(board.path, "n2")
    assert (row["x"], row["y"]) == (430.0, 60.0)
    board.editor.stack.undo()
    row = note_row(board.path, "n2")
    assert (row["x"], row["y"]) == (400.0, 0.0)


def test_ctrl_d_duplicates_the_selection_on_top(board, qtbot):
    board.scene.notes["n3"].setSelected(True)
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_D, CTRL)
    copies = rows(board.path, "SELECT text, department, x, y, pos FROM note WHERE id != 'n3' "
                              "AND text LIKE 'Adverts%'")
    assert copies == [("Adverts promise speeds we cannot deliver", "mkt", 24.0, 324.0, 3)]
    assert [i.id for i in board.scene.selectedItems()] != ["n3"], "the copy is selected"


def test_grouping_makes_a_named_cluster_that_carries_its_notes(board, qtbot):
    scene, view = board.scene, board.view
    scene.notes["n1"].setSelected(True)
    scene.notes["n3"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(board.inplace.line.isVisible)  # the new cluster's name is asked for at once
    qtbot.keyClicks(board.inplace.line, "Lead quality")
    qtbot.keyClick(board.inplace.line, Qt.Key.Key_Return)
    (cid, title, cx, cy) = rows(board.path, "SELECT id, title, x, y FROM cluster")[0]
    assert title == "Lead quality"
    members = rows(board.path, "SELECT id FROM note WHERE cluster = ? ORDER BY id", (cid,))
    assert members == [("n1",), ("n3",)]

    frame = scene.clusters[cid]
    scene.clearSelection()
    grip = view.mapFromScene(frame.mapToScene(frame.title_rect().center()))
    drag(view, grip, grip + QPoint(100, 0))
    moved = rows(board.path, "SELECT x FROM cluster")[0][0]
    dx = moved - cx
    assert dx > 20
    assert note_row(board.path, "n1")["x"] == pytest.approx(dx)
    assert note_row(board.path, "n3")["x"] == pytest.approx(dx)
    assert note_row(board.path, "n2")["x"] == 400.0

    # a note dragged out of the frame leaves the cluster; dropped back in, it joins again
    n3 = scene.notes["n3"]
    start = at(view, n3)
    drag(view, start, start + QPoint(0, int(600 * view.scale_now())))
    assert note_row(board.path, "n3")["cluster"] is None
    board.editor.stack.undo()
    assert note_row(board.path, "n3")["cluster"] == cid


def test_shift_drag_links_two_notes_and_the_arrow_follows(board, qtbot):
    view, scene = board.view, board.scene
    drag(view, at(view, scene.notes["n1"]), at(view, scene.notes["n2"]), SHIFT)
    links = rows(board.path, "SELECT id, source, target, label FROM link")
    assert [(s, t, lbl) for _i, s, t, lbl in links] == [("n1", "n2", "")]
    arrow = scene.links[links[0][0]]
    end_before = arrow.line().p2()
    scene.notes["n2"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    end = arrow.line().p2()
    assert end.y() > end_before.y() + 20, "the arrow's head went down with its note"
    edge = scene.notes["n2"].sceneBoundingRect().adjusted(6, 6, -6, -6)
    assert edge.adjusted(-1, -1, 1, 1).contains(end) and not edge.adjusted(1, 1, -1, -1).contains(end)

    # a label, typed in place
    scene.clearSelection()
    arrow.setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(board.inplace.line.isVisible)
    qtbot.keyClicks(board.inplace.line, "leads to")
    qtbot.keyClick(board.inplace.line, Qt.Key.Key_Return)
    assert rows(board.path, "SELECT label FROM link") == [("leads to",)]


def test_ctrl_l_links_the_two_selected_notes_in_the_order_chosen(board, qtbot):
    view, scene = board.view, board.scene
    click(view, at(view, scene.notes["n3"]))
    click(view, at(view, scene.notes["n1"]), CTRL)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    assert rows(board.path, "SELECT source, target FROM link") == [("n3", "n1")]
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # the new arrow is selected: Del removes it
    assert rows(board.path, "SELECT count(*) FROM link") == [(0,)]


def test_arranging_lays_out_lanes_in_one_step_and_free_layout_comes_back(board, qtbot):
    before = file_state(board.path)
    qtbot.mouseClick(board.arrange_buttons["departments"], Qt.MouseButton.LeftButton)
    lanes = {lane.key: lane for lane in B.department_lanes(board.scene.departments, 1)}
    for oid, dept in (("n1", "sal"), ("n2", "svc"), ("n3", "mkt")):
        row = note_row(board.path, oid)
        assert (row["x"], row["y"]) == (lanes[dept].x, B.LANE_TOP), oid
    assert rows(board.path, "SELECT arrangement FROM board") == [("departments",)]
    qtbot.waitUntil(lambda: not board.gliding)
    assert board.scene.notes["n2"].pos().x() == lanes["svc"].x
    assert board.arrange_buttons["departments"].isChecked()

    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_M, CTRL | SHIFT)  # by dimension
    assert rows(board.path, "SELECT arrangement FROM board") == [("dimensions",)]
    qtbot.keyClick(board.view, Qt.Key.Key_R, CTRL | SHIFT)  # and back to the free layout
    assert file_state(board.path) == before
    board.editor.stack.undo()
    assert rows(board.path, "SELECT arrangement FROM board") == [("dimensions",)]
    board.editor.stack.undo()
    board.editor.stack.undo()
    assert file_state(board.path) == before


def test_highlight_and_search_fade_the_other_notes(board, qtbot):
    view, notes = board.view, board.scene.notes
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_2)  # Sales
    assert notes["n1"].opacity() == 1.0
    assert notes["n2"].opacity() == FADED_OPACITY
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert notes["n2"].opacity() == 1.0
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert board.search.hasFocus()
    qtbot.keyClicks(board.search, "PROMISE")
    assert notes["n1"].opacity() == FADED_OPACITY
    assert notes["n2"].opacity() == 1.0 and notes["n3"].opacity() == 1.0


def test_zoom_keys_and_fit_all(board, qtbot):
    view = board.view
    view.setFocus()
    view.set_scale(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.scale_now() > 1.0
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.scale_now() < 1.0
    qtbot.keyClick(view, Qt.Key.Key_F)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in board.scene.notes.values():
        assert shown.contains(item.sceneBoundingRect())
    board.scene.notes["n1"].setSelected(True)
    qtbot.keyClick(view, Qt.Key.Key_Z)
    assert view.scale_now() > 1.0  # one small note fills the view


def test_the_summary_counts_departments_by_dimension_and_lists_crossing_links(board, qtbot):
    table = board.summary.table
    sales = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())].index("Sales")
    assert table.item(sales, 1).text() == "1"  # Sales × process
    board.editor.board(D.add_link, "n1", "n2", label="Link")
    qtbot.waitUntil(lambda: "Sales → Customer Service" in board.summary.crossing.item(0).text())
    assert board.summary.crossing.count() == 1


def test_every_step_undone_returns_the_file_to_its_first_state(board, qtbot):
    first = file_state(board.path)
    view, scene, line = board.view, board.scene, board.capture.line
    line.setFocus()
    qtbot.keyClicks(line, "1 b t: The CRM forgets every call")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    drag(view, at(view, scene.notes["n1"]), at(view, scene.notes["n1"]) + QPoint(30, 30))
    drag(view, at(view, scene.notes["n1"]), at(view, scene.notes["n2"]), SHIFT)
    scene.clearSelection()
    scene.notes["n1"].setSelected(True)
    scene.notes["n2"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(board.inplace.line.isVisible)
    qtbot.keyClicks(board.inplace.line, "Broken promises")
    qtbot.keyClick(board.inplace.line, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.mouseClick(board.arrange_buttons["dimensions"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(board.arrange_buttons["free"], Qt.MouseButton.LeftButton)
    scene.clearSelection()
    scene.notes["n3"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    stack = board.editor.stack
    assert stack.count() >= 9
    changed = file_state(board.path)
    assert changed != first
    while stack.canUndo():
        stack.undo()
    assert file_state(board.path) == first
    assert {n.id: (n.pos().x(), n.pos().y()) for n in scene.notes.values()} == {
        n.id: (n.x, n.y) for n in saved(board.path).discover.notes}
    while stack.canRedo():
        stack.redo()
    assert file_state(board.path) == changed


def test_a_read_only_file_shows_the_board_but_takes_no_notes(make_window, board_file):
    import os

    os.chmod(board_file, 0o444)
    try:
        page = make_window(board_file).discover_page
        assert not page.capture.isEnabled()
        assert not page.scene.notes["n1"].flags() & NoteItem.GraphicsItemFlag.ItemIsMovable
    finally:
        os.chmod(board_file, 0o644)


def test_no_two_board_keys_or_window_actions_share_a_key():
    from PySide6.QtGui import QKeySequence

    from cxworkshop.ui import actions as A
    from cxworkshop.ui.discover.keys import BOARD_KEYS

    seen: dict[str, str] = {}
    for spec in A.ACTIONS:
        if spec.shortcut is not None:
            seen[QKeySequence(spec.shortcut).toString()] = spec.id
    for oid, key in A.OTHER_SHORTCUTS.items():
        seen[QKeySequence(key).toString()] = oid
    for spec in BOARD_KEYS:
        for key in spec.keys:
            text = QKeySequence(key).toString()
            assert text not in seen, f"{key} is used by {seen.get(text)} and {spec.id}"
            seen[text] = spec.id



def test_dragging_a_frames_corner_resizes_it_and_takes_in_the_notes_it_now_covers(board, qtbot):
    view, scene = board.view, board.scene
    batch = board.editor.board(D.add_cluster, "Leads", ["n1"], label="Group")
    cid = batch.created[0]
    frame = scene.clusters[cid]
    assert note_row(board.path, "n2")["cluster"] is None
    grip = view.mapFromScene(frame.mapToScene(frame.handle_rect().center()))
    target = view.mapFromScene(scene.notes["n2"].sceneBoundingRect().bottomRight()) + QPoint(8, 8)
    drag(view, grip, target)
    (w, h) = rows(board.path, "SELECT w, h FROM cluster")[0]
    assert w > 400 and h > 100
    assert note_row(board.path, "n2")["cluster"] == cid
    board.editor.stack.undo()
    assert note_row(board.path, "n2")["cluster"] is None


def test_the_link_tool_links_with_a_plain_drag(board, qtbot):
    view, scene = board.view, board.scene
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert board.link_button.isChecked()
    drag(view, at(view, scene.notes["n2"]), at(view, scene.notes["n3"]))
    assert rows(board.path, "SELECT source, target FROM link") == [("n2", "n3")]
    assert (note_row(board.path, "n2")["x"], note_row(board.path, "n2")["y"]) == (400.0, 0.0), \
        "with the link tool on, a drag draws a link instead of moving the note"
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert not board.link_button.isChecked()


def test_a_refused_link_says_why_and_changes_nothing(board, qtbot):
    messages = []
    board.editor.refused.connect(messages.append)
    board.editor.board(D.add_link, "n1", "n2", label="Link")
    before = file_state(board.path)
    drag(board.view, at(board.view, board.scene.notes["n1"]),
         at(board.view, board.scene.notes["n2"]), SHIFT)
    assert file_state(board.path) == before
    assert messages == ["These two notes are already linked that way."]


def test_zoomed_far_out_on_a_big_board_every_captured_note_is_shown(make_window, tmp_path, qtbot):
    """Past a few hundred notes, fit-all paints one overview picture instead of every note;
    each note captured then must still reach the screen (the view repaints every time)."""
    from PySide6.QtCore import QEvent, QObject

    from cxworkshop.ui.canvas.scene import OVERVIEW_MIN_NOTES

    w = board_workshop()
    w.discover.notes = [m.Note(f"n{i}", f"Note {i}", "challenge", ("mkt", "sal", "svc")[i % 3])
                        for i in range(OVERVIEW_MIN_NOTES + 60)]
    _lanes, places = B.arrange(w.discover.notes, w.departments, "departments")
    for note in w.discover.notes:
        note.x, note.y = places[note.id]
    window = make_window(create_file(tmp_path / "big.cxw", w))
    window.resize(1400, 900)
    page = window.discover_page
    qtbot.waitUntil(page.view.isVisible)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F)
    assert page.scene.overview_on

    paints = []

    class Watch(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                paints.append(event.rect())
            return False

    watch = Watch()
    page.view.viewport().installEventFilter(watch)
    qtbot.waitUntil(lambda: bool(paints))
    for k in range(3):
        before = len(paints)
        page.capture.line.setFocus()
        qtbot.keyClicks(page.capture.line, f"{k + 1}: Captured while zoomed out {k}")
        qtbot.keyClick(page.capture.line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda before=before: len(paints) > before)
        image, area = page.scene.overview()
        new = next(i for i in page.scene.notes.values() if i.note.text.endswith(f"out {k}"))
        spot = (new.sceneBoundingRect().center() - area.topLeft()) * page.scene.overview_scale()
        assert image.pixelColor(spot.toPoint()) == tint(new.look.colour)  # drawn into the picture


def test_undoing_the_delete_of_a_linked_note_brings_its_arrow_back(board, qtbot):
    view, scene = board.view, board.scene
    board.editor.board(D.add_link, "n1", "n2", "leads to", label="Link")
    scene.clearSelection()
    scene.notes["n1"].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert not scene.links and "n1" not in scene.notes
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    shown, on_disk = shown_and_saved(board)
    assert shown == on_disk
    assert list(shown["links"].values()) == [("n1", "n2", "leads to")]


@pytest.mark.parametrize("seed", [3, 12, 32])
def test_the_board_shows_the_file_after_any_run_of_edits_undos_and_redos(board, qtbot, seed):
    """A seeded random walk through the board's verbs, Undo and Redo, arranging in between
    (and undoing an arrangement while its notes still glide); after every step the board must
    show exactly what the file holds. The seeds were chosen because each fails on at least
    one of three bugs found in review: links applied before their notes on undo, frames
    stacked out of file order, an interrupted glide leaving notes part-way (seed 32 all three)."""
    import random

    rng = random.Random(seed)
    stack = board.editor.stack
    for step in range(60):
        ids = sorted(board.scene.notes)
        choice = rng.randrange(10)
        if choice == 0 or not ids:
            board.capture.line.setFocus()
            qtbot.keyClicks(board.capture.line, f"{rng.randint(1, 3)}Said at step {step}")
            qtbot.keyClick(board.capture.line, Qt.Key.Key_Return)
        elif choice == 1:
            some = ids + sorted(board.scene.clusters)
            board.editor.board(D.delete_items, rng.sample(some, min(len(some), rng.randint(1, 2))),
                               label="Delete")
        elif choice == 2 and len(ids) > 1:
            a, b = rng.sample(ids, 2)
            board.editor.board(D.add_link, a, b, rng.choice(["", "leads to"]), label="Link")
        elif choice == 3:
            board.editor.board(D.duplicate_notes, rng.sample(ids, 1), label="Duplicate")
        elif choice == 4 and len(ids) > 1:
            board.editor.board(D.add_cluster, "Group", rng.sample(ids, 2), label="Group")
        elif choice == 5:
            board.editor.board(D.move_items, {rng.choice(ids): (rng.randrange(-400, 800),
                                                                rng.randrange(-200, 600))},
                               label="Move")
        elif choice == 6:
            board.arrange(rng.choice(["departments", "dimensions", "free"]))
            if rng.random() < 0.5 and stack.canUndo():
                stack.undo()  # while the notes are still gliding
        elif choice in (7, 8) and stack.canUndo():
            stack.undo()
        elif stack.canRedo():
            stack.redo()
        qtbot.waitUntil(lambda: not board.gliding)
        shown, on_disk = shown_and_saved(board)
        assert shown == on_disk, f"step {step} ({choice})"


def test_arranging_twice_in_quick_succession_leaves_every_note_where_the_file_says(board, qtbot):
    board.editor.board(D.edit_note, "n3", dimension="people", label="Edit")
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_D, CTRL | SHIFT)  # lanes by department: notes glide
    assert board.gliding
    qtbot.keyClick(board.view, Qt.Key.Key_M, CTRL | SHIFT)  # by dimension, before they land
    qtbot.waitUntil(lambda: not board.gliding)
    shown, on_disk = shown_and_saved(board)
    assert shown == on_disk
    # and fit-all frames the lanes as they are now, not as they were
    qtbot.keyClick(board.view, Qt.Key.Key_F)
    seen = board.view.mapToScene(board.view.viewport().rect()).boundingRect()
    for item in board.scene.notes.values():
        assert seen.contains(item.sceneBoundingRect())
    assert board.scene.items_rect().height() < 2 * B.CELL_H + B.HEADING_H + 60


def test_a_draft_that_cannot_be_kept_is_said_once_not_at_every_key(board, qtbot, monkeypatch):
    import sqlite3

    said, errors = [], []
    board.editor.refused.connect(said.append)
    board.editor.failed.connect(errors.append)

    def full_disk(session, draft):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(D, "keep_capture_draft", full_disk)
    line = board.capture.line
    line.setFocus()
    qtbot.keyClicks(line, "Refunds")
    assert errors == [] and len(said) == 1, "one line in the status bar, no dialog per key"
    assert "could not be kept" in said[0] and "disk is full" in said[0]
    monkeypatch.undo()
    qtbot.keyClicks(line, " take")
    assert D.capture_draft(board.session)["text"] == "Refunds take"
    assert len(said) == 1
