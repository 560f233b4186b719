"""The window around the stages: files, stages, recent files, refusals, read-only files."""

import os
import stat

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from cxworkshop.store import Session
from cxworkshop.ui import actions as A
from tests.ui.conftest import saved, type_into_cell


def test_the_title_names_the_file_and_the_rail_lists_the_stages(make_window, workshop_file):
    window = make_window(workshop_file)
    assert window.windowTitle().startswith("Bridging day.cxw")
    titles = [window.rail.item(i).text() for i in range(window.rail.count())]
    assert titles == ["Setup", "Discover", "Diagnostics", "Ambition", "Priorities", "Blueprint"]


def test_every_stage_has_its_screen_and_the_current_stage_is_kept(
        qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    for key, name, stage in ((Qt.Key.Key_2, "page.discover", "discover"),
                             (Qt.Key.Key_3, "page.diagnostics", "discover"),
                             (Qt.Key.Key_4, "page.ambition", "ambition"),
                             (Qt.Key.Key_5, "page.priorities", "priorities"),
                             (Qt.Key.Key_6, "page.blueprint", "blueprint")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentWidget().objectName() == name
        assert saved(workshop_file).workshop.current_stage == stage
    assert window.rail.item(5).toolTip().startswith("The road map")


def test_new_creates_a_file_at_once_and_opens_it(make_window, tmp_path, monkeypatch):
    window = make_window()
    target = tmp_path / "Offsite"
    monkeypatch.setattr(window, "ask_new_path", lambda: str(target))
    window.actions_by_id["file.new"].trigger()
    assert (tmp_path / "Offsite.cxw").exists()
    assert window.windowTitle().startswith("Offsite.cxw")
    assert window.pages.currentWidget() is window.setup_page
    assert saved(tmp_path / "Offsite.cxw").workshop.date is not None
    # the council's standing agenda is there to edit from the start
    from cxworkshop.model.blueprint import STANDING_AGENDA

    assert saved(tmp_path / "Offsite.cxw").blueprint.council.agenda == list(STANDING_AGENDA)


def test_save_a_copy_gives_a_file_that_opens_on_its_own(make_window, workshop_file, tmp_path,
                                                         monkeypatch):
    window = make_window(workshop_file)
    copy = tmp_path / "shared.cxw"
    monkeypatch.setattr(window, "ask_copy_path", lambda: str(copy))
    window.actions_by_id["file.copy"].trigger()
    assert not window.errors
    assert saved(copy) == saved(workshop_file)
    assert window.session.path == workshop_file  # still working on the original


def test_close_shows_the_welcome_page_and_open_recent_lists_the_file(make_window, workshop_file):
    window = make_window(workshop_file)
    window.actions_by_id["file.close"].trigger()
    assert window.session is None
    assert window.pages.currentWidget() is window.welcome
    assert not window.actions_by_id["file.copy"].isEnabled()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent == [str(workshop_file)]
    window.recent_menu.actions()[0].trigger()
    assert window.session is not None and window.session.path == workshop_file


def test_a_bad_file_is_refused_in_one_sentence(make_window, tmp_path):
    bad = tmp_path / "notes.cxw"
    bad.write_text("just some text\n" * 20)
    window = make_window()
    assert not window.open_path(bad)
    assert window.errors == [f"{bad} is not a CX Workshop session file (it is not an SQLite "
                             "database)."]
    assert window.session is None


def test_a_file_open_in_another_window_is_refused(make_window, workshop_file):
    make_window(workshop_file)
    second = make_window()
    assert not second.open_path(workshop_file)
    assert "already open in another CX Workshop window" in second.errors[0]


def test_a_read_only_file_opens_read_only_and_says_so(qtbot, make_window, workshop_file):
    before = workshop_file.read_bytes()
    os.chmod(workshop_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        window = make_window(workshop_file)
        window.go_setup()
        assert window.session.read_only
        assert "(read-only)" in window.windowTitle()
        assert window.banner.isVisible() and "Save a Copy" in window.banner.text()
        field = window.setup_page.fields["title"]
        field.setFocus()
        qtbot.keyClicks(field, "x")
        assert field.text() == "Bridging day"
        assert not window.errors
    finally:
        os.chmod(workshop_file, stat.S_IRUSR | stat.S_IWUSR)
    window.close_workshop()
    assert workshop_file.read_bytes() == before


def test_no_two_actions_share_a_shortcut(make_window):
    window = make_window()
    keys = []
    for action in window.findChildren(type(window.actions_by_id["file.open"])):
        keys += [s.toString() for s in action.shortcuts() if not s.isEmpty()]
    assert keys, "the window has shortcuts"
    assert len(keys) == len(set(keys)), keys
    declared = [A.shortcut_text(s) for s in A.ACTIONS if s.shortcut]
    declared += [QKeySequence(k).toString() for s in A.ACTIONS for k in s.also]
    declared += [QKeySequence(k).toString() for k in A.OTHER_SHORTCUTS.values()]
    assert len(declared) == len(set(declared))


def test_the_session_is_released_when_the_window_closes(make_window, workshop_file):
    window = make_window(workshop_file)
    window.close()
    with Session.open(workshop_file) as again:
        assert again.load().workshop.title == "Bridging day"


def test_the_demo_is_made_once_kept_as_left_and_rebuilt_if_damaged(
        qtbot, settings, tmp_path, monkeypatch):
    import platformdirs

    from cxworkshop.ui import app
    from cxworkshop.ui.main_window import MainWindow

    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: tmp_path / "data")
    window = MainWindow(settings, demo_path=app.demo_session_path)
    window.errors = []
    monkeypatch.setattr(window, "show_error", window.errors.append)
    qtbot.addWidget(window)

    window.open_demo()
    demo = tmp_path / "data" / "Demo workshop.cxw"
    assert window.session.path == demo
    assert len(window.workshop.departments) >= 5
    from cxworkshop import ops
    window.editor.edit(lambda s, _i, **v: ops.edit_workshop(s, **v), "workshop",
                       {"title": "My rehearsal"}, "Edit title")
    window.close_workshop()

    window.open_demo()  # a second launch shows the rehearsal, not a fresh copy
    assert window.workshop.workshop.title == "My rehearsal"
    window.close_workshop()

    demo.write_bytes(b"garbage" * 100)
    window.open_demo()  # a demo that will not open is made anew, without bothering anyone
    assert window.session is not None and not window.errors
    assert window.workshop.workshop.title != "My rehearsal"
    window.close_workshop()


def test_editing_after_opening_a_second_file_in_the_same_window(qtbot, make_window,
                                                                 workshop_file, tmp_path):
    from cxworkshop import model as m
    from cxworkshop.store import create_file

    other = create_file(tmp_path / "other.cxw", m.Workshop())
    window = make_window(workshop_file)
    assert window.open_path(other)
    window.go_setup()
    field = window.setup_page.fields["title"]
    field.setFocus()
    qtbot.keyClicks(field, "Second day")
    assert saved(other).workshop.title == "Second day"
    assert not window.errors
    window.actions_by_id["edit.undo"].trigger()
    assert saved(other).workshop.title == ""
    assert saved(workshop_file).workshop.title == "Bridging day"


def test_new_never_replaces_a_file_the_dialog_did_not_name(make_window, tmp_path, monkeypatch,
                                                            workshop_file):
    before = workshop_file.read_bytes()
    window = make_window()
    monkeypatch.setattr(window, "ask_new_path", lambda: str(tmp_path / "Bridging day"))
    window.actions_by_id["file.new"].trigger()
    assert workshop_file.read_bytes() == before
    assert "already exists" in window.errors[0]
    assert window.session is None


def test_save_a_copy_never_replaces_a_file_the_dialog_did_not_name(
        make_window, tmp_path, monkeypatch, workshop_file):
    from cxworkshop import model as m
    from cxworkshop.store import create_file

    other = create_file(tmp_path / "other.cxw", m.Workshop())
    before = other.read_bytes()
    window = make_window(workshop_file)
    monkeypatch.setattr(window, "ask_copy_path", lambda: str(tmp_path / "other"))
    window.actions_by_id["file.copy"].trigger()
    assert other.read_bytes() == before
    assert "already exists" in window.errors[0]


def test_reopening_the_open_file_is_harmless_and_keeps_it_in_recent(make_window,
                                                                     workshop_file):
    window = make_window(workshop_file)
    assert window.open_path(workshop_file)
    assert not window.errors
    assert window.recent_files() == [str(workshop_file)]


def test_closing_commits_a_cell_being_edited(qtbot, make_window, workshop_file):
    window = make_window(workshop_file)
    window.go_setup()
    type_into_cell(qtbot, window.setup_page.participants, 0, 0, "Dana Lee-Park", enter=False)
    window.actions_by_id["file.close"].trigger()
    assert saved(workshop_file).participants[0].name == "Dana Lee-Park"


def test_a_workshop_opens_on_the_stage_it_was_left_on(make_window, workshop_file):
    from cxworkshop import ops

    with Session.open(workshop_file) as s:
        ops.edit_workshop(s, current_stage="blueprint")
    window = make_window(workshop_file)
    assert window.rail.currentRow() == 5
    assert window.pages.currentWidget() is window.blueprint_page


def test_a_workshop_not_set_up_yet_opens_on_setup(make_window, tmp_path):
    from cxworkshop import model as m
    from cxworkshop.store import create_file

    path = create_file(tmp_path / "new.cxw", m.Workshop())
    window = make_window(path)
    assert window.pages.currentWidget() is window.setup_page


def test_the_council_pack_is_exported_from_the_file_menu(make_window, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from cxworkshop.store import create_file
    from tests.ops.boards import demo_workshop

    window = make_window(create_file(tmp_path / "Demo.cxw", demo_workshop()))
    monkeypatch.setattr(window, "ask_pdf_path", lambda *_a: str(tmp_path / "for the chair"))
    window.actions_by_id["file.councilpack"].trigger()
    pdf = tmp_path / "for the chair.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Kavitha Nair" in text and "Standing agenda" in text
    assert "council pack" in window.statusBar().currentMessage() and not window.errors
    # a folder that is not there: one sentence naming the file, nothing written
    monkeypatch.setattr(window, "ask_pdf_path", lambda *_a: str(tmp_path / "gone" / "x.pdf"))
    window.actions_by_id["file.councilpack"].trigger()
    (message,) = window.errors
    assert "x.pdf" in message and "\n" not in message
    assert not (tmp_path / "gone").exists()
