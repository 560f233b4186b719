"""File ▸ Import from Another Session…: a breakout group's board comes onto this one as one undo
step, a file that is not a session (or is this one) is refused in one sentence and changes
nothing, and opening a file says whose workshop it is. Checks read the file."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from cxworkshop import model as m
from cxworkshop.store import create_file
from cxworkshop.ui.main_window import whose_workshop

from .board_helpers import file_state
from .conftest import saved, small_workshop

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def breakout_workshop() -> m.Workshop:
    w = m.Workshop()
    w.workshop.title = "Breakout A"
    w.workshop.facilitator = "Sam Ortiz"
    w.departments = [m.Department("b-sal", "SALES"), m.Department("b-leg", "Legal", "#CC79A7")]
    w.participants = [m.Participant("b-dana", "Dana Lee")]
    w.discover = m.Discover(
        notes=[m.Note("b1", "Quotes wait for legal sign-off", "barrier", "b-leg", author="b-dana",
                      cluster="b-c", x=20.0, y=80.0),
               m.Note("b2", "Reps promise dates «we» cannot keep", "challenge", "b-sal",
                      cluster="b-c", x=220.0, y=80.0),
               m.Note("b3", "Nobody owns the hand-off", "challenge", x=520.0, y=80.0)],
        clusters=[m.Cluster("b-c", "Sales to legal", 0.0, 0.0, 420.0, 240.0)],
        links=[m.Link("b-l", "b1", "b2", "delays")],
    )
    return w


def import_action(window):
    """The menu's own action, found by its name under the File menu."""
    file_menu = next(menu for menu in window.menuBar().findChildren(QMenu)
                     if menu.title() == "&File")
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("file.importsession") == names.index("file.copy") + 1
    return next(a for a in file_menu.actions() if a.objectName() == "file.importsession")


def open_room(make_window, workshop_file, qtbot, monkeypatch, answer):
    window = make_window(workshop_file)
    window.resize(1400, 900)
    monkeypatch.setattr(window, "ask_import_path", lambda: str(answer))
    return window


def test_a_breakout_comes_in_as_one_step_that_undo_and_redo_take_whole(
        qtbot, make_window, workshop_file, tmp_path, monkeypatch):
    other = create_file(tmp_path / "Breakout A.cxw", breakout_workshop())
    other_bytes = other.read_bytes()
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, other)
    window.go_setup()  # the import goes to Discover itself
    first = file_state(workshop_file)
    action = import_action(window)
    assert action.isEnabled()
    action.trigger()
    assert not window.errors
    assert other.read_bytes() == other_bytes  # the breakout's file is only read

    page = window.discover_page
    assert window.pages.currentWidget() is page
    w = saved(workshop_file)
    texts = {n.text: n for n in w.discover.notes}
    assert {"Quotes wait for legal sign-off", "Reps promise dates «we» cannot keep",
            "Nobody owns the hand-off"} <= set(texts)
    assert len(w.discover.notes) == 4 and len(w.discover.clusters) == 2
    assert len(w.discover.links) == 1
    assert set(page.scene.notes) == {n.id for n in w.discover.notes}  # shown as in the file
    assert set(page.scene.clusters) == {c.id for c in w.discover.clusters}
    assert len(page.scene.links) == 1
    assert texts["Reps promise dates «we» cannot keep"].department == "sal"
    assert texts["Quotes wait for legal sign-off"].author == "p1"
    legal = next(d for d in w.departments if d.name == "Legal")
    assert texts["Quotes wait for legal sign-off"].department == legal.id
    frame = next(c for c in w.discover.clusters if c.title == "From Breakout A")
    assert page.scene.clusters[frame.id].isSelected()
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 3 notes, 1 cluster and 1 link from Breakout A.cxw "
                              "(“Breakout A”, facilitated by Sam Ortiz)"), message
    assert "Legal" in message
    window.go_setup()  # Setup lists the department the import added
    names = [window.setup_page.departments.item(r, 1).text()
             for r in range(window.setup_page.departments.rowCount())]
    assert "Legal" in names
    after = file_state(workshop_file)

    window.go_discover()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # one step takes the whole import away
    assert file_state(workshop_file) == first
    qtbot.waitUntil(lambda: set(page.scene.notes) == {"n1"})
    assert len(page.scene.clusters) == 0 and len(page.scene.links) == 0
    assert not window.stack.canUndo()
    window.go_setup()
    names = [window.setup_page.departments.item(r, 1).text()
             for r in range(window.setup_page.departments.rowCount())]
    assert "Legal" not in names

    window.go_discover()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)  # and redo brings it all back
    assert file_state(workshop_file) == after
    qtbot.waitUntil(lambda: len(page.scene.notes) == 4)
    assert len(page.scene.clusters) == 2 and len(page.scene.links) == 1


def test_a_file_that_is_not_a_session_is_refused_in_one_sentence(
        make_window, workshop_file, tmp_path, monkeypatch, qtbot):
    bad = tmp_path / "minutes.cxw"
    bad.write_text("Minutes of the breakout\n" * 30)
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, bad)
    before = file_state(workshop_file)
    import_action(window).trigger()
    assert window.errors == [f"{bad} is not a CX Workshop session file (it is not an SQLite "
                             "database)."]
    assert file_state(workshop_file) == before
    assert not window.stack.canUndo()


def test_a_damaged_session_is_refused_and_changes_nothing(
        make_window, workshop_file, tmp_path, monkeypatch, qtbot):
    other = create_file(tmp_path / "Breakout B.cxw", breakout_workshop())
    whole = other.read_bytes()
    other.write_bytes(whole[:len(whole) // 2])  # cut off in the copying
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, other)
    before = file_state(workshop_file)
    import_action(window).trigger()
    assert len(window.errors) == 1
    message = window.errors[0]
    assert str(other) in message and "damaged" in message
    assert "\n" not in message and message.endswith(".")
    assert file_state(workshop_file) == before
    assert not window.stack.canUndo()


def test_an_empty_breakout_board_is_refused_in_one_sentence(
        make_window, workshop_file, tmp_path, monkeypatch, qtbot):
    other = create_file(tmp_path / "Breakout C.cxw", m.Workshop())
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, other)
    before = file_state(workshop_file)
    import_action(window).trigger()
    assert window.errors == ['"Breakout C" has nothing on its Discover board to import.']
    assert file_state(workshop_file) == before
    assert not window.stack.canUndo()


def test_the_open_file_itself_is_refused(make_window, workshop_file, monkeypatch, qtbot):
    spelled = workshop_file.parent / "." / workshop_file.name
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, spelled)
    before = file_state(workshop_file)
    import_action(window).trigger()
    assert len(window.errors) == 1 and "own file" in window.errors[0]
    assert file_state(workshop_file) == before
    assert window.session.path == workshop_file and not window.stack.canUndo()


def test_cancelling_the_dialog_does_nothing(make_window, workshop_file, monkeypatch, qtbot):
    window = open_room(make_window, workshop_file, qtbot, monkeypatch, "")
    monkeypatch.setattr(window, "ask_import_path", lambda: "")
    before = file_state(workshop_file)
    import_action(window).trigger()
    assert not window.errors and file_state(workshop_file) == before


def test_the_import_needs_an_open_workshop(make_window):
    window = make_window()
    assert not import_action(window).isEnabled()


def test_opening_a_file_says_whose_workshop_it_is(make_window, tmp_path):
    w = small_workshop()
    w.workshop.organisation = "Larchmere Fibre"
    w.workshop.facilitator = "Priya Raman"
    w.workshop.date = "2026-11-18"
    path = create_file(tmp_path / "From Priya.cxw", w)
    window = make_window(path)
    assert window.statusBar().currentMessage() == (
        "Opened From Priya.cxw: “Bridging day” for Larchmere Fibre, facilitated by Priya Raman "
        "on 18 November 2026.")
    assert window.windowTitle() == "From Priya.cxw — Bridging day — CX Workshop"


def test_what_is_said_on_opening_leaves_out_what_the_file_does_not_say():
    info = m.WorkshopInfo(facilitator="Kim")
    assert whose_workshop("a.cxw", info) == "Opened a.cxw: a workshop, facilitated by Kim."
    info = m.WorkshopInfo(title="Offsite.", organisation="Acme", date="2027-02-01")
    assert whose_workshop("a.cxw", info) == "Opened a.cxw: “Offsite” for Acme on 1 February 2027."
    assert whose_workshop("a.cxw", m.WorkshopInfo(date="2027-02-01")) == ""


def test_an_older_file_still_says_it_opened_read_only(make_window, tmp_path):
    """Whose workshop it is does not hide that an older file is read-only here."""
    from tests.store.test_migrations import make_v1_file

    path = make_v1_file(tmp_path / "Old.cxw")
    os.chmod(path, 0o444)
    try:
        window = make_window(path)
        assert window.session.migrated_in_memory
        message = window.statusBar().currentMessage()
        assert message.startswith("Opened Old.cxw: “Customer journey day” for Acme, "
                                  "facilitated by Kim on 23 November 2026. "), message
        assert "older version and is read-only here" in message
    finally:
        os.chmod(path, 0o644)
