"""Dot voting on the Priorities stage: the budget, dots typed into the grid (over-budget refused
with the reason, each digit one undo step), a hidden tally that shows no numbers until it is
revealed as ranked bars, and the secret ballot where the laptop goes round and each screen is
wiped before the next person. Checks read the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget

from cxworkshop.ui.priorities.voting import MASK, VotingView
from tests.ui.conftest import saved

from ..ops.boards import demo_workshop, one_sentence

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(make_window, qtbot, tmp_path, *, votes: bool) -> VotingView:
    from cxworkshop.store import create_file

    workshop = demo_workshop()
    workshop.priorities.votes_revealed = False
    if not votes:
        for imp in workshop.priorities.improvements:
            imp.votes = []
    path = create_file(tmp_path / "Voting.cxw", workshop)
    window = make_window(path)
    window.resize(1700, 1000)
    view = VotingView(window.editor)
    window.pages.addWidget(view)
    window.pages.setCurrentWidget(view)
    window.editor.board_changed.connect(lambda _b: view.show_workshop(window.session.load()))
    view.show_workshop(window.session.load())
    qtbot.waitUntil(view.grid.isVisible)
    view.path, view.window_ = path, window
    return view


@pytest.fixture
def voted(make_window, qtbot, tmp_path):
    """The demo as it is (everyone has placed their five dots), tally hidden."""
    return _open(make_window, qtbot, tmp_path, votes=True)


@pytest.fixture
def fresh(make_window, qtbot, tmp_path):
    """The demo with no dots placed yet, five each, tally hidden."""
    return _open(make_window, qtbot, tmp_path, votes=False)


def dots(view, participant: str) -> dict[str, int]:
    """What the file holds of this participant's dots, by improvement title."""
    return {imp.title: v.dots for imp in saved(view.path).priorities.improvements
            for v in imp.votes if v.participant == participant}


def visible_texts(view) -> list[str]:
    texts = [label.text() for label in view.findChildren(QLabel) if label.isVisible()]
    for table in view.findChildren(QTableWidget):
        if table.isVisible():
            texts += [table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(table.columnCount()) if table.item(r, c)]
    return texts


def test_the_budget_is_set_with_the_keyboard_and_undone(fresh, qtbot):
    spin = fresh.budget
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "8")
    assert saved(fresh.path).priorities.dots_per_participant == 5  # saved on Enter, not per key
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert saved(fresh.path).priorities.dots_per_participant == 8
    qtbot.keyClick(spin, Qt.Key.Key_Z, CTRL)
    assert saved(fresh.path).priorities.dots_per_participant == 5
    assert spin.value() == 5


def test_a_budget_below_the_dots_already_placed_is_refused(voted, qtbot):
    spin = voted.budget  # everyone already has five dots down
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert saved(voted.path).priorities.dots_per_participant == 5
    assert spin.value() == 5
    assert "more than 3 dots" in voted.message.text()
    one_sentence(voted.message.text())


def test_dots_typed_in_the_grid_are_saved_over_budget_refused_and_undone(fresh, qtbot):
    people = saved(fresh.path).participants
    improvements = saved(fresh.path).priorities.improvements
    first = people[0]
    grid = fresh.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_3)
    assert dots(fresh, first.id) == {improvements[0].title: 3}
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    assert dots(fresh, first.id) == {improvements[0].title: 3, improvements[1].title: 2}
    left = grid.item(0, grid.columnCount() - 1).text()
    assert left == "0 left"
    assert grid.item(0, 0).text() == MASK  # hidden: a mark, not the number
    assert grid.item(0, 1).text() == "2"  # the cell under the cursor shows what was typed

    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_1)  # over the five
    assert dots(fresh, first.id) == {improvements[0].title: 3, improvements[1].title: 2}
    message = fresh.message.text()
    assert first.name in message and "too many" in message
    one_sentence(message)
    assert fresh.window_.statusBar().currentMessage() == message

    qtbot.keyClick(grid, Qt.Key.Key_Down)  # the next person, same improvement
    qtbot.keyClick(grid, Qt.Key.Key_Plus)
    qtbot.keyClick(grid, Qt.Key.Key_Plus)
    assert dots(fresh, people[1].id) == {improvements[2].title: 2}
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert dots(fresh, people[1].id) == {}

    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)  # the Delete
    assert dots(fresh, people[1].id) == {improvements[2].title: 2}
    for _ in range(3):  # the two +, then the 2 typed for the first person
        qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert dots(fresh, people[1].id) == {}
    assert dots(fresh, first.id) == {improvements[0].title: 3}
    assert (grid.currentRow(), grid.currentColumn()) == (1, 2)  # the cursor stays put


def test_a_hidden_tally_shows_no_numbers_and_revealed_it_is_ranked_bars(voted, qtbot):
    assert not saved(voted.path).priorities.votes_revealed
    assert voted.voted.text() == "11 of 11 have voted"
    last = voted.grid.columnCount() - 1
    current = (voted.grid.currentRow(), voted.grid.currentColumn())
    for r in range(voted.grid.rowCount()):
        for c in range(last):
            if (r, c) != current:
                assert voted.grid.item(r, c).text() in ("", MASK)
    labels = [t for t in visible_texts(voted)
              if t != voted.voted.text() and not t.endswith(" left")]
    cells = {voted.grid.item(*current).text()}
    assert not [t for t in labels if any(ch.isdigit() for ch in t) and t not in cells], labels
    assert voted.hidden_note.isVisible()
    assert not voted.chart.isVisible() and voted.chart.rows == []

    qtbot.mouseClick(voted.reveal, Qt.MouseButton.LeftButton)
    assert saved(voted.path).priorities.votes_revealed
    qtbot.waitUntil(voted.chart.isVisible)
    assert not voted.hidden_note.isVisible()
    rows = voted.chart.rows
    assert rows[0] == ("Book installations only into confirmed engineer slots", 12)
    assert [n for _t, n in rows] == sorted((n for _t, n in rows), reverse=True)
    assert len(rows) == len(saved(voted.path).priorities.improvements)
    assert voted.chart.ranks[:5] == [1, 2, 3, 4, 4]  # two improvements tie on 8
    assert MASK not in visible_texts(voted)
    assert voted.reveal.text() == "Hide the tally"

    voted.grid.setFocus()
    qtbot.keyClick(voted.grid, Qt.Key.Key_Z, CTRL)
    assert not saved(voted.path).priorities.votes_revealed
    assert not voted.chart.isVisible()


def test_the_secret_ballot_goes_round_the_room_and_closes_into_the_decision_log(fresh, qtbot):
    people = saved(fresh.path).participants
    improvements = saved(fresh.path).priorities.improvements
    decisions_before = len(saved(fresh.path).priorities.decisions)
    qtbot.mouseClick(fresh.ballot_button, Qt.MouseButton.LeftButton)
    assert fresh.picker_page.isVisible() and not fresh.grid.isVisible()
    assert fresh.counter.text() == f"0 of {len(people)} have voted"
    assert fresh.names.count() == len(people)

    # the first person chooses their name and votes
    fresh.names.setFocus()
    fresh.names.setCurrentRow(0)
    qtbot.keyClick(fresh.names, Qt.Key.Key_Return)
    assert fresh.private_page.isVisible()
    assert people[0].name in fresh.voter_name.text()
    ballot = fresh.ballot_grid
    assert ballot.hasFocus()
    qtbot.keyClick(ballot, Qt.Key.Key_3)
    qtbot.keyClick(ballot, Qt.Key.Key_Down)
    qtbot.keyClick(ballot, Qt.Key.Key_2)
    assert dots(fresh, people[0].id) == {improvements[0].title: 3, improvements[1].title: 2}
    assert fresh.left_label.text() == "You have 0 of 5 dots left"
    qtbot.keyClick(ballot, Qt.Key.Key_Down)
    qtbot.keyClick(ballot, Qt.Key.Key_4)
    assert "too many" in fresh.private_message.text()
    assert dots(fresh, people[0].id) == {improvements[0].title: 3, improvements[1].title: 2}
    qtbot.mouseClick(fresh.done_button, Qt.MouseButton.LeftButton)

    # nothing of theirs is left on the screen
    assert fresh.picker_page.isVisible() and not fresh.private_page.isVisible()
    assert ballot.rowCount() == 0
    assert fresh.voter_name.text() == fresh.left_label.text() == ""
    assert fresh.private_message.text() == ""
    assert fresh.window_.statusBar().currentMessage() == ""
    shown = visible_texts(fresh)
    assert not [t for t in shown if people[0].name in t or "too many" in t], shown
    assert fresh.counter.text() == f"1 of {len(people)} have voted"
    names = [fresh.names.item(r).text() for r in range(fresh.names.count())]
    assert people[0].name not in names and names[0] == people[1].name

    # the second person sees only empty dots of their own
    qtbot.mouseClick(fresh.vote_button, Qt.MouseButton.LeftButton)
    assert people[1].name in fresh.voter_name.text()
    assert [ballot.item(r, 1).text() for r in range(ballot.rowCount())] == \
        [""] * len(improvements)
    assert [ballot.item(r, 0).text() for r in range(ballot.rowCount())] == \
        [i.title for i in improvements]  # list order, not the tally's
    ballot.setCurrentCell(1, 1)
    qtbot.keyClick(ballot, Qt.Key.Key_5)
    assert dots(fresh, people[1].id) == {improvements[1].title: 5}
    qtbot.mouseClick(fresh.done_button, Qt.MouseButton.LeftButton)
    assert fresh.counter.text() == f"2 of {len(people)} have voted"
    assert not saved(fresh.path).priorities.votes_revealed

    # closing writes the question and the tally, and reveals
    fresh.question.setText("Which two do we fund this quarter?")
    qtbot.mouseClick(fresh.close_button, Qt.MouseButton.LeftButton)
    after = saved(fresh.path).priorities
    assert after.votes_revealed
    assert len(after.decisions) == decisions_before + 1
    text = after.decisions[-1].text
    assert "Which two do we fund this quarter?" in text
    assert f"{improvements[1].title} 7" in text and f"{improvements[0].title} 3" in text
    assert text.index(improvements[1].title) < text.index(improvements[0].title)
    assert after.decisions[-1].date
    qtbot.waitUntil(fresh.chart.isVisible)
    assert fresh.chart.rows[:2] == [(improvements[1].title, 7), (improvements[0].title, 3)]


def test_a_ballot_cannot_close_without_a_question(fresh, qtbot):
    people = saved(fresh.path).participants
    qtbot.mouseClick(fresh.ballot_button, Qt.MouseButton.LeftButton)
    fresh.vote_as(people[0].id)
    qtbot.keyClick(fresh.ballot_grid, Qt.Key.Key_1)
    fresh.done()
    fresh.question.clear()
    qtbot.mouseClick(fresh.close_button, Qt.MouseButton.LeftButton)
    assert not saved(fresh.path).priorities.votes_revealed
    assert fresh.picker_page.isVisible()
    one_sentence(fresh.picker_message.text())


def test_a_ballot_stays_secret_undo_cannot_reach_a_previous_voter_and_the_grid_never_tells(
        fresh, qtbot):
    people = saved(fresh.path).participants
    qtbot.mouseClick(fresh.ballot_button, Qt.MouseButton.LeftButton)
    fresh.vote_as(people[0].id)
    qtbot.keyClick(fresh.ballot_grid, Qt.Key.Key_3)
    fresh.done()
    fresh.vote_as(people[1].id)
    qtbot.keyClick(fresh.ballot_grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sum(dots(fresh, people[0].id).values()) == 3, "the first voter's dots stay"
    assert not fresh.window_.actions_by_id["edit.undo"].isEnabled()
    fresh.done()
    fresh.question.setText("Which first?")
    qtbot.mouseClick(fresh.close_button, Qt.MouseButton.LeftButton)
    assert saved(fresh.path).priorities.votes_revealed
    # back on the open grid, with the tally shown: still nobody's own dots
    grid = [fresh.grid.item(r, c).text() for r in range(fresh.grid.rowCount())
            for c in range(fresh.grid.columnCount())]
    assert "3" not in grid and not any(t.endswith("left") for t in grid)
    # the whole ballot is one undo step now
    qtbot.keyClick(fresh.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sum(dots(fresh, people[0].id).values()) == 0
    assert not saved(fresh.path).priorities.votes_revealed
    assert fresh.result_note.text() == ""
