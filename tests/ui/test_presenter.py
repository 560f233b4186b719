"""The room's window, with two windows open: it follows the facilitator's stage and view, shows
nothing that is the facilitator's alone, blanks for a break, runs the agenda countdown on a fake
clock, and takes the facilitator's text size and look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsTextItem,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from cxworkshop.model.timer import clock_text
from cxworkshop.store import Session, create_file
from cxworkshop.ui import theme as T
from tests.ui.conftest import saved

from ..ops.boards import demo_workshop

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def demo(tmp_path):
    w = demo_workshop()
    for item in w.agenda:  # a day that has not started yet
        item.actual_minutes = None
    w.priorities.votes_revealed = False
    return create_file(tmp_path / "Demo.cxw", w)


@pytest.fixture
def room(make_window, demo, qtbot):
    window = make_window(demo)
    window.resize(1600, 1000)
    window.clock = FakeClock()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.audience is not None and window.audience.isVisible())
    window.audience.showNormal()
    window.audience.resize(1920, 1080)
    window.path = demo
    yield window
    window.stop_presenting()


def every_text(widget) -> str:
    """Everything the room's window can show as text: labels, its slides, its board."""
    parts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    parts.append(widget.text.plain())
    for item in widget.board.board.items():
        if item.isVisible() and isinstance(item, QGraphicsTextItem):
            parts.append(item.toPlainText())
    for note in widget.board.board.notes.values():
        if note.isVisible():
            parts.append(note.note.text)
    return "\n".join(parts)


def test_f5_opens_the_room_window_and_f5_or_esc_closes_it(make_window, demo, qtbot):
    window = make_window(demo)
    assert not window.presenting
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.presenting and window.audience.isFullScreen())
    assert window.actions_by_id["view.present"].isChecked()
    qtbot.keyClick(window.audience, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presenting)
    assert not window.actions_by_id["view.present"].isChecked()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.presenting)
    qtbot.keyClick(window.audience, Qt.Key.Key_F5)  # the room's window takes the same key
    qtbot.waitUntil(lambda: not window.presenting)


def test_it_follows_the_stage_and_the_tab(room, qtbot):
    audience = room.audience
    room.go_ambition()
    qtbot.waitUntil(lambda: audience.shown == ("ambition", "ambition"))
    assert audience.header.stage.text() == "Ambition"
    vision = saved(room.path).ambition.vision
    qtbot.waitUntil(lambda: vision[:40] in audience.text.plain().replace("\n", " "))

    room.go_priorities()
    room.priorities_page.show_tab("contract")
    qtbot.waitUntil(lambda: audience.shown == ("priorities", "contract"))
    rule = saved(room.path).priorities.social_contract.rules[0].text
    qtbot.waitUntil(lambda: rule[:30] in audience.text.plain())

    room.go_blueprint()
    room.blueprint_page.show_tab("roadmap")
    qtbot.waitUntil(lambda: audience.shown == ("blueprint", "roadmap"))
    assert audience.roadmap.milestones == saved(room.path).blueprint.milestones
    assert "road map" in room.timer_bar.room.text()


def test_an_edit_reaches_the_room_at_once(room, qtbot):
    from cxworkshop.ops import ambition as ops_ambition

    room.go_ambition()
    qtbot.waitUntil(lambda: room.audience.shown == ("ambition", "ambition"))
    room.editor.board(ops_ambition.edit_ambition, vision="Every customer is known by name.",
                      label="Vision")
    qtbot.waitUntil(lambda: "known by name" in room.audience.text.plain())


def test_the_board_follows_zoom_and_focus_and_hides_private_notes(room, qtbot):
    room.go_discover()
    page = room.discover_page
    board = room.audience.board
    qtbot.waitUntil(lambda: board.loaded and board.isVisible())
    seen = page.view.viewport().width()

    def zoomed_to(scale):  # set again until the page's own opening fit has finished
        if abs(page.view.scale_now() - scale) > 1e-6:
            page.view.set_scale(scale)
            return False
        return abs(board.shown_rect.width() - seen / scale) < 2

    qtbot.waitUntil(lambda: zoomed_to(0.5))
    far = board.transform().m11()
    qtbot.waitUntil(lambda: zoomed_to(1.5))  # zoomed in: the room sees a third of that
    assert board.transform().m11() == pytest.approx(far * 3, rel=0.01)

    department = saved(room.path).departments[1].id
    page.scene.set_focus(department, "")
    qtbot.waitUntil(lambda: board.board.highlighted == department)

    private = [n for n in saved(room.path).discover.notes if n.private]
    assert private, "the demo has private notes"
    for note in private:
        assert not board.board.notes[note.id].isVisible()
        assert note.text not in every_text(room.audience)
    shown = [n for n in saved(room.path).discover.notes if not n.private]
    assert all(board.board.notes[n.id].isVisible() for n in shown)


def test_a_note_added_on_the_board_appears_in_the_room_and_a_private_one_does_not(room, qtbot):
    from cxworkshop.ops import discover as D

    room.go_discover()
    board = room.audience.board
    qtbot.waitUntil(lambda: board.loaded)
    batch = room.editor.board(D.add_note, "Bills arrive before the engineer", label="Add")
    oid = batch.created[0]
    qtbot.waitUntil(lambda: oid in board.board.notes and board.board.notes[oid].isVisible())
    room.editor.board(D.edit_note, oid, private=True, label="Private")
    qtbot.waitUntil(lambda: not board.board.notes[oid].isVisible())


def test_nothing_of_the_facilitators_own_reaches_the_room(room, qtbot):
    audience = room.audience
    evidence = [r.evidence for r in saved(room.path).diagnostics.responses if r.evidence]
    room.go_diagnostics()
    qtbot.waitUntil(lambda: audience.shown == ("diagnostics", "results"))
    room.go_priorities()
    room.priorities_page.show_tab("vote")
    qtbot.waitUntil(lambda: audience.shown == ("priorities", "vote"))
    assert "Voting is open" in audience.text.plain()
    assert audience.slides.currentWidget() is audience.text
    for _ in range(3):
        for stage in (room.go_setup, room.go_discover, room.go_diagnostics, room.go_ambition,
                      room.go_priorities, room.go_blueprint):
            stage()
            audience.sync(force=True)
            text = every_text(audience)
            assert not any(e in text for e in evidence)
    # no way to type, click or choose anything, and no menus
    for kind in (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractButton, QComboBox, QMenuBar):
        assert not audience.findChildren(kind), kind.__name__
    # the capture bar, the evidence box and the scoring grid are not in its widget tree
    names = {w.objectName() for w in audience.findChildren(QWidget)}
    assert "audience.header" in names  # the search below does look at every widget
    assert not any(n.startswith(("discover.capture", "diagnostics.evidence", "diagnostics.grid"))
                   for n in names)


def test_the_vote_tally_stays_hidden_until_it_is_revealed(room, qtbot):
    from cxworkshop.ops import priorities as P

    room.go_priorities()
    room.priorities_page.show_tab("vote")
    audience = room.audience
    qtbot.waitUntil(lambda: audience.shown == ("priorities", "vote"))
    assert audience.tally.rows == []
    assert audience.slides.currentWidget() is audience.text
    room.editor.board(P.reveal_votes, True, label="Reveal")
    qtbot.waitUntil(lambda: audience.slides.currentWidget() is audience.chart_page)
    assert audience.chart_stack.currentWidget() is audience.charts["tally"]
    assert audience.tally.rows


def test_b_blanks_the_room_for_a_break_and_b_brings_it_back(room, qtbot):
    audience = room.audience
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    room.rail.setFocus()
    qtbot.keyClick(room.rail, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: audience.blanked)
    assert audience.screens.currentWidget() is audience.blank
    assert "blank" in room.timer_bar.room.text()
    qtbot.keyClick(audience, Qt.Key.Key_B)  # on the room's window too
    qtbot.waitUntil(lambda: not audience.blanked)
    assert audience.screens.currentWidget() is audience.content


def test_typing_b_in_a_text_box_types_it(room, qtbot):
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    room.go_discover()
    capture = room.discover_page.capture.line
    capture.setFocus()
    qtbot.waitUntil(capture.hasFocus)
    qtbot.keyClicks(capture, "bb")
    assert "bb" in capture.text() and not room.audience.blanked


def test_the_countdown_runs_on_the_clock_turns_amber_then_red_and_keeps_the_minutes(room, qtbot):
    clock, audience = room.clock, room.audience
    first = room.timer.current
    assert first is not None and first.minutes == 15
    room.activateWindow()
    qtbot.keyClick(room, Qt.Key.Key_F8)
    assert room.timer.running
    header = audience.header
    assert header.countdown.text() == "15:00 left" and header.phase == "calm"
    assert first.title in header.item.text()
    clock.now += 10 * 60
    room.tick()
    assert header.countdown.text() == "05:00 left" and header.phase == "calm"
    clock.now += 2 * 60
    room.tick()
    assert header.phase == "amber" and header.countdown.property("phase") == "amber"
    assert saved(room.path).agenda[0].actual_minutes == 12  # in the file as it runs
    clock.now += 4 * 60
    room.tick()
    assert header.phase == "red" and header.countdown.text() == "+01:00 over"
    qtbot.keyClick(room, Qt.Key.Key_F8)  # pause: the clock moves, the countdown does not
    clock.now += 120
    room.tick()
    assert header.countdown.text() == "Paused · +01:00 over"
    qtbot.keyClick(room, Qt.Key.Key_F8)
    qtbot.keyClick(room, Qt.Key.Key_F8, SHIFT)  # next item: the first keeps its 16 minutes
    agenda = saved(room.path).agenda
    assert agenda[0].actual_minutes == 16
    assert room.timer.current.id == agenda[1].id and room.timer.running
    assert agenda[1].title in header.item.text()
    assert room.timer_bar.countdown.text() == f"{clock_text(agenda[1].minutes * 60)} left"


def test_the_timer_picks_up_after_a_restart(make_window, demo, qtbot):
    window = make_window(demo)
    clock = FakeClock()
    window.clock = clock
    window.toggle_timer()
    clock.now += 7 * 60
    window.tick()
    window.close_workshop()  # as good as a crash: the minutes were already written
    with Session.open(demo) as session:
        assert session.load().agenda[0].actual_minutes == 7
    window.open_path(demo)
    # it opens on the first item with no time yet; going back continues the interrupted one
    assert window.timer.current.id == saved(demo).agenda[1].id
    window.previous_agenda_item()
    assert window.timer.current.id == saved(demo).agenda[0].id
    assert round(window.timer.elapsed()) == 7 * 60


def test_text_size_grows_here_and_in_the_room_and_the_room_never_goes_below_28_px(room, qtbot):
    audience = room.audience
    before_window = room.font().pointSizeF()
    room.activateWindow()
    qtbot.keyClick(room, Qt.Key.Key_Equal, CTRL)
    assert room.font_scale > T.NORMAL_SCALE
    assert room.font().pointSizeF() > before_window
    assert audience.body_px() > T.BODY_PX
    for _ in range(6):
        qtbot.keyClick(room, Qt.Key.Key_Minus, CTRL)
    assert room.font_scale < T.NORMAL_SCALE
    assert audience.body_px() == T.BODY_PX
    room.go_setup()
    audience.sync(force=True)
    assert audience.text.document.defaultFont().pixelSize() >= T.BODY_PX
    assert room.settings.value("look/scale") is not None  # kept for next time


def test_the_high_contrast_look_reaches_the_room(room, qtbot):
    room.activateWindow()
    qtbot.keyClick(room, Qt.Key.Key_H, CTRL | SHIFT)
    assert room.theme is T.HIGH_CONTRAST
    assert T.HIGH_CONTRAST.paper in room.audience.styleSheet()
    qtbot.keyClick(room, Qt.Key.Key_H, CTRL | SHIFT)
    assert room.theme is T.LIGHT


def test_the_welcome_slide_marks_the_item_running_now(room, qtbot):
    audience, agenda = room.audience, saved(room.path).agenda
    room.go_setup()
    room.choose_agenda_item(2)
    qtbot.waitUntil(lambda: f"▶ {agenda[2].title}" in audience.text.plain())
    room.choose_agenda_item(3)
    qtbot.waitUntil(lambda: f"▶ {agenda[3].title}" in audience.text.plain())
    assert f"▶ {agenda[2].title}" not in audience.text.plain()


def test_the_diagnostics_header_names_the_instrument_and_keeps_it(room, qtbot):
    room.go_diagnostics()
    title = room.diagnostics_page.current_instrument().title
    qtbot.waitUntil(lambda: room.audience.header.view.text() == title)
    room.sync_room()
    room.audience.sync()
    assert room.audience.header.view.text() == title


def test_typed_markup_shows_as_typed_in_the_room(room, qtbot):
    from cxworkshop.ops import agenda as ops_agenda

    first = saved(room.path).agenda[0]
    room.editor.board(ops_agenda.edit_agenda_item, first.id, title="<b>Bold</b> & <i>it</i>",
                      label="Rename")
    room.choose_agenda_item(0)
    header = room.audience.header
    assert header.item.text() == "Now: <b>Bold</b> & <i>it</i>"
    assert header.item.textFormat() == Qt.TextFormat.PlainText
    room.go_setup()
    qtbot.waitUntil(lambda: "<b>Bold</b> & <i>it</i>" in room.audience.text.plain())


def test_closing_the_room_window_from_the_desktop_stops_presenting(room, qtbot):
    room.audience.close()
    qtbot.waitUntil(lambda: not room.presenting)
    assert not room.actions_by_id["view.present"].isChecked()
    assert not room.actions_by_id["view.blank"].isEnabled()
    assert room.timer_bar.room.text() == ""


def test_a_long_list_goes_into_two_columns_then_says_how_many_more(room, qtbot):
    from cxworkshop.ops import actions as ops_actions

    room.go_priorities()
    room.priorities_page.show_tab("actions")
    audience = room.audience
    qtbot.waitUntil(lambda: audience.shown == ("priorities", "actions"))
    for n in range(120):
        room.editor.board(ops_actions.add_action, f"Follow-up number {n:03d}", label="Add")
    audience.sync(force=True)
    assert audience.text.columns == 2 and audience.text.left_off > 0
    assert f"and {audience.text.left_off} more" in audience.text.plain()
    assert audience.text.document.defaultFont().pixelSize() >= T.BODY_PX


def test_a_long_vote_shows_the_leaders_readably_and_says_how_many_more(room, qtbot):
    from cxworkshop.ops import priorities as P

    for n in range(20):
        room.editor.board(P.add_improvement, f"Improvement {n:02d}", label="Add")
    room.editor.board(P.reveal_votes, True, label="Reveal")
    room.go_priorities()
    room.priorities_page.show_tab("vote")
    audience = room.audience
    qtbot.waitUntil(lambda: audience.shown == ("priorities", "vote")
                    and audience.chart_stack.currentWidget() is audience.charts["tally"])
    shown = len(audience.tally.rows)
    assert 0 < shown < len(saved(room.path).priorities.improvements)
    assert "more with fewer dots" in audience.chart_note.text()
    assert audience.charts["tally"].zoom >= 1.4  # its 20 px titles at 28 px or more


def test_minutes_that_could_not_be_written_are_written_at_the_next_tick(room, monkeypatch):
    from cxworkshop.ops import agenda as ops_agenda

    real = ops_agenda.record_actual

    def failing(*_args, **_kwargs):
        raise OSError("the disk went away")

    monkeypatch.setattr(ops_agenda, "record_actual", failing)
    room.toggle_timer()
    room.clock.now += 3 * 60
    room.tick()
    assert saved(room.path).agenda[0].actual_minutes is None
    assert "tried again" in room.statusBar().currentMessage()
    monkeypatch.setattr(ops_agenda, "record_actual", real)
    room.tick()
    assert saved(room.path).agenda[0].actual_minutes == 3


def test_an_empty_agenda_says_so_once(make_window, workshop_file):
    window = make_window(workshop_file)
    for _ in range(3):
        window.refresh("agenda")
    items = window.timer_bar.items
    assert items.count() == 1 and "No agenda yet" in items.itemText(0)
    assert not window.timer_bar.start.isEnabled()
