"""Decisions, agreement not consensus: a decision typed into the log, each department's stance
set from the keyboard on the strip (with a note), every department shown in words whether or
not it has a stance, and deleting and undoing from the list. Checks read the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import saved

from ..ops.boards import demo_workshop

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(make_window, tmp_path, qtbot):
    from cxworkshop.store import create_file
    from cxworkshop.ui.priorities.decisions import DecisionsView

    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1600, 1000)
    view = DecisionsView(window.editor)
    window.pages.addWidget(view)
    window.pages.setCurrentWidget(view)
    view.show_workshop(window.session.load())
    window.editor.board_changed.connect(lambda _b: view.show_workshop(window.session.load()))
    qtbot.waitUntil(view.strip.isVisible)
    view.path, view.window_ = path, window
    return view


def decision(view, text: str):
    return next(d for d in saved(view.path).priorities.decisions if d.text == text)


def positions(view, text: str) -> dict[str, tuple[str, str]]:
    return {p.department: (p.stance, p.note) for p in decision(view, text).positions}


def key(qtbot, widget, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, k, mods)


def test_the_demo_strip_shows_every_department_in_words_with_its_note(view):
    view.list.setCurrentRow(0)  # every offer uses the checked speed
    names = [d.name for d in saved(view.path).departments]
    assert [name for name, _w, _n in view.strip.texts()] == names  # Setup order
    shown = dict((name, (word, note)) for name, word, note in view.strip.texts())
    assert shown["Marketing"] == ("Agree with reservations",
                                  "January is already printed; February is the earliest we can "
                                  "change.")
    assert shown["Sales"] == ("Agree", "")
    assert shown["Billing & Finance"] == ("No stance yet", "")
    assert shown["IT & Digital"] == ("No stance yet", "")
    assert "2 no stance yet" in view.summary.text()
    assert "1 with reservations" in view.summary.text()
    row = view.list.item(0).text()
    assert "2026-11-18" in row and "Sell only the speed the line can deliver" in row


def test_a_typed_decision_takes_stances_and_a_note_from_the_keyboard(view, qtbot):
    text = "Publish one calendar of customer promises"
    view.new_text.setFocus()
    qtbot.keyClicks(view.new_text, text)
    key(qtbot, view.new_text, Qt.Key.Key_Return)
    fresh = decision(view, text)
    assert (fresh.positions, fresh.improvement, view.current) == ([], None, fresh.id)
    assert view.new_text.text() == ""
    assert [w for _n, w, _note in view.strip.texts()] == ["No stance yet"] * 6

    strip = view.strip
    strip.setFocus()
    key(qtbot, strip, Qt.Key.Key_A)  # Marketing agrees
    key(qtbot, strip, Qt.Key.Key_Right)
    key(qtbot, strip, Qt.Key.Key_D)  # Sales disagrees...
    key(qtbot, strip, Qt.Key.Key_Return)  # ...and says why
    assert view.note.hasFocus()
    qtbot.keyClicks(view.note, "Not before the spring price list")
    key(qtbot, view.note, Qt.Key.Key_Return)
    assert strip.hasFocus()
    assert positions(view, text) == {"mkt": ("agree", ""),
                                     "sal": ("disagree", "Not before the spring price list")}
    key(qtbot, strip, Qt.Key.Key_Right)
    key(qtbot, strip, Qt.Key.Key_2)  # Field Installations: with reservations
    key(qtbot, strip, Qt.Key.Key_Right)
    key(qtbot, strip, Qt.Key.Key_1)
    key(qtbot, strip, Qt.Key.Key_Delete)  # Customer Care: changed its mind, no stance yet
    assert positions(view, text) == {"mkt": ("agree", ""),
                                     "sal": ("disagree", "Not before the spring price list"),
                                     "fld": ("reservations", "")}
    assert strip.texts() == [
        ("Marketing", "Agree", ""),
        ("Sales", "Disagree", "Not before the spring price list"),
        ("Field Installations", "Agree with reservations", ""),
        ("Customer Care", "No stance yet", ""),
        ("Billing & Finance", "No stance yet", ""),
        ("IT & Digital", "No stance yet", ""),
    ]
    assert "1 disagree" in view.summary.text() and "3 no stance yet" in view.summary.text()

    # the note typed was one undo step, apart from the stance it goes with
    for _ in range(4):  # clear, agree, reservations: undone; then the whole note
        key(qtbot, strip, Qt.Key.Key_Z, CTRL)
    assert positions(view, text) == {"mkt": ("agree", ""), "sal": ("disagree", "")}


def test_a_note_waits_for_a_stance(view, qtbot):
    refused = []
    view.editor.refused.connect(refused.append)
    view.list.setCurrentRow(0)
    view.strip.setFocus()
    key(qtbot, view.strip, Qt.Key.Key_End)  # IT & Digital has no stance on this one
    key(qtbot, view.strip, Qt.Key.Key_Return)
    assert refused and "IT & Digital" in refused[-1]
    assert view.strip.hasFocus() and not view.note.isEnabled()


def test_delete_on_the_list_and_undo_brings_the_decision_back_with_its_stances(view, qtbot):
    before = saved(view.path).priorities.decisions
    view.list.setFocus()
    view.list.setCurrentRow(2)
    gone = before[2]
    key(qtbot, view.list, Qt.Key.Key_Delete)
    assert [d.id for d in saved(view.path).priorities.decisions] == [d.id for d in before[:2]]
    assert view.list.count() == 2
    key(qtbot, view.list, Qt.Key.Key_Z, CTRL)
    after = saved(view.path).priorities.decisions
    assert after == before
    assert view.list.count() == 3 and gone.text in view.list.item(2).text()


def test_the_chosen_decision_is_edited_text_date_and_improvement(view, qtbot):
    view.list.setCurrentRow(1)
    oid = view.current
    view.text.setFocus()
    view.text.selectAll()
    qtbot.keyClicks(view.text, "Only live slots are offered")
    assert next(d for d in saved(view.path).priorities.decisions if d.id == oid).text == \
        "Only live slots are offered"
    view.date.setFocus()
    view.date.selectAll()
    qtbot.keyClicks(view.date, "next Tuesday")
    key(qtbot, view.date, Qt.Key.Key_Return)
    assert "2027-03-31" in view.window_.statusBar().currentMessage()
    assert view.date.text() == "2026-11-18"
    view.date.selectAll()
    qtbot.keyClicks(view.date, "2026-12-01")
    key(qtbot, view.date, Qt.Key.Key_Return)
    index = view.improvement.findData("i-rebook")
    view.improvement.setCurrentIndex(index)
    view.improvement.activated.emit(index)
    edited = next(d for d in saved(view.path).priorities.decisions if d.id == oid)
    assert (edited.date, edited.improvement) == ("2026-12-01", "i-rebook")
    assert "Let Customer Care rebook" in view.list.item(1).text()
    view.list.setFocus()
    for _ in range(3):  # improvement, date, and the typed text as one step
        key(qtbot, view.list, Qt.Key.Key_Z, CTRL)
    assert saved(view.path).priorities.decisions == demo_workshop().priorities.decisions
