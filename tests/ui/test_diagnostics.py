"""The Diagnostics screen driven by the keyboard: digits score, Delete clears, Enter writes the
evidence, Ctrl+Z undoes; the results follow the scores; instruments are added from the
built-in ones or from a file, and a bad file is refused in one sentence. Checks read the file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from cxworkshop.ops import diagnostics as G
from cxworkshop.store import Session, create_file

from ..ops.boards import demo_workshop

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(make_window, tmp_path, qtbot):
    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1600, 1000)
    window.go_diagnostics()
    page = window.diagnostics_page
    qtbot.waitUntil(page.grid.isVisible)
    page.path, page.window_ = path, window
    page.grid.setFocus()
    return page


def cell(page, instrument: str, statement: str, department: str):
    with Session.open(page.path, read_only=True) as s:
        row = G.response(s, instrument, statement, department=department)
    return None if row is None else (row["score"], row["evidence"], bool(row["private"]))


def go(page, qtbot, row: int, column: int) -> None:
    """Move to a cell with the arrow keys, from the top-left one."""
    page.grid.setCurrentCell(0, 0)
    for _ in range(row):
        qtbot.keyClick(page.grid, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert (page.grid.currentRow(), page.grid.currentColumn()) == (row, column)


def test_digits_score_delete_clears_and_undo_takes_each_back(page, qtbot):
    # Five statements: row 0 is Belief; column 5 is IT & Digital, who gave it 3
    assert page.instrument.currentData() == "five"
    go(page, qtbot, 0, 5)
    assert cell(page, "five", "st-belief", "dig") == (3, "", False)
    qtbot.keyClick(page.grid, Qt.Key.Key_5)
    assert cell(page, "five", "st-belief", "dig") == (5, "", False)
    assert page.grid.item(0, 5).text().startswith("5")
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert cell(page, "five", "st-belief", "dig") is None, "not scored, not zero"
    assert page.grid.item(0, 5).text() == "·"
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    assert cell(page, "five", "st-belief", "dig") == (5, "", False)
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    assert cell(page, "five", "st-belief", "dig") == (3, "", False)
    assert (page.grid.currentRow(), page.grid.currentColumn()) == (0, 5), "the cursor stays"


def test_a_digit_off_the_scale_is_refused_and_writes_nothing(page, qtbot):
    said = []
    page.editor.refused.connect(said.append)
    page.instrument.setCurrentIndex(page.instrument.findData("unified"))  # 1 to 3
    page.grid.setFocus()
    go(page, qtbot, 0, 0)
    before = cell(page, "unified", "uw-instinct", "mkt")
    qtbot.keyClick(page.grid, Qt.Key.Key_4)
    assert cell(page, "unified", "uw-instinct", "mkt") == before
    assert said and "1 to 3" in said[-1]


def test_enter_writes_the_evidence_and_escape_drops_it(page, qtbot):
    go(page, qtbot, 1, 5)  # Alignment, IT & Digital: scored 2, no evidence yet
    assert cell(page, "five", "st-alignment", "dig") == (2, "", False)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert page.evidence.hasFocus()
    qtbot.keyClicks(page.evidence, "Each team has its own roadmap")
    qtbot.keyClick(page.evidence, Qt.Key.Key_Return)
    assert cell(page, "five", "st-alignment", "dig") == (2, "Each team has its own roadmap", False)
    assert page.grid.hasFocus(), "back to scoring"
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    qtbot.keyClicks(page.evidence, " (and nobody reads the others)")
    qtbot.keyClick(page.evidence, Qt.Key.Key_Escape)
    assert cell(page, "five", "st-alignment", "dig")[1] == "Each team has its own roadmap"
    assert page.evidence.text() == "Each team has its own roadmap"
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    assert cell(page, "five", "st-alignment", "dig") == (2, "", False)


def test_evidence_waits_for_a_score(page, qtbot):
    said = []
    page.editor.refused.connect(said.append)
    go(page, qtbot, 2, 2)
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)  # now not scored
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert said and said[-1].startswith("Score this cell first")
    assert page.grid.hasFocus() and not page.evidence.isEnabled()


def test_results_follow_the_scores_and_can_hide_names(page, qtbot):
    page.grid.setFocus()
    # make Belief the statement the room disagrees on most: Marketing 5, Field Installations 1
    go(page, qtbot, 0, 0)
    qtbot.keyClick(page.grid, Qt.Key.Key_5)
    go(page, qtbot, 0, 2)
    qtbot.keyClick(page.grid, Qt.Key.Key_1)
    qtbot.keyClick(page.grid, Qt.Key.Key_F7)
    assert page.showing_results and page.chart.isVisible()
    top = page.debate.item(0).text()
    assert top.startswith("Belief") and "Field Installations" in top and "Marketing" in top
    belief = page.chart.results[0]
    assert belief.groups["mkt"] == 5 and belief.groups["fld"] == 1
    assert {g.label for g in page.chart.groups} >= {"MAR", "FI"}
    evidence = [page.evidence_list.item(i).text() for i in range(page.evidence_list.count())]
    assert any("Marketing" in e for e in evidence)

    qtbot.mouseClick(page.hide_names, Qt.MouseButton.LeftButton)
    shown = [page.debate.item(i).text() for i in range(page.debate.count())]
    shown += [page.evidence_list.item(i).text() for i in range(page.evidence_list.count())]
    names = [d.name for d in page.workshop.departments]
    assert not any(name in text for name in names for text in shown)
    assert all(len(g.label) <= 2 for g in page.chart.groups)
    colours = {g.colour for g in page.chart.groups}
    assert not colours & {d.color for d in page.workshop.departments}, "colours name nobody"


def test_private_evidence_stays_off_the_results(page, qtbot):
    go(page, qtbot, 1, 5)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    qtbot.keyClicks(page.evidence, "Said by the head of IT in private")
    qtbot.mouseClick(page.private, Qt.MouseButton.LeftButton)
    page.evidence.setFocus()
    qtbot.keyClick(page.evidence, Qt.Key.Key_Return)
    assert cell(page, "five", "st-alignment", "dig") == (2, "Said by the head of IT in private",
                                                          True)
    page.show_view(1)
    texts = [page.evidence_list.item(i).text() for i in range(page.evidence_list.count())]
    assert not any("in private" in t for t in texts)


def test_scoring_participants_one_by_one(page, qtbot):
    qtbot.mouseClick(page.by_participant, Qt.MouseButton.LeftButton)
    people = page.workshop.participants
    assert page.grid.columnCount() == len(people)
    page.grid.setFocus()
    go(page, qtbot, 3, 1)
    qtbot.keyClick(page.grid, Qt.Key.Key_2)
    with Session.open(page.path, read_only=True) as s:
        row = G.response(s, "five", "st-engagement", participant=people[1].id)
    assert row is not None and row["score"] == 2 and row["department"] is None


def test_a_built_in_instrument_is_added_and_undo_removes_it(page, qtbot):
    titles = [a.text() for a in _menu(page)]
    assert "Naive to natural" in " ".join(titles) or len(titles) >= 3
    maturity = next(a for a in _menu(page) if a.isEnabled() and "atur" in a.text())
    maturity.trigger()
    assert page.current_instrument().scale == "maturity"
    assert page.grid.rowCount() == 9
    with Session.open(page.path, read_only=True) as s:
        assert s.conn.execute("SELECT count(*) FROM statement WHERE instrument = 'maturity'"
                              ).fetchone()[0] == 9
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    with Session.open(page.path, read_only=True) as s:
        assert s.conn.execute("SELECT count(*) FROM instrument WHERE id = 'maturity'"
                              ).fetchone()[0] == 0
    assert page.instrument.findData("maturity") == -1


def test_a_bad_instrument_file_is_refused_in_one_sentence(page, tmp_path):
    bad = tmp_path / "our-own.json"
    bad.write_text(json.dumps({"format": "cxworkshop-instrument", "version": 1, "id": "own",
                               "title": "Our own", "scale": "shoe size", "statements": []}))
    before = page.instrument.count()
    assert not page.add_from_file(bad)
    (message,) = page.window_.errors
    assert "our-own.json" in message and message.count(". ") == 0
    assert page.instrument.count() == before
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "cxworkshop-instrument", "version": 1, "id": "own",
                                "title": "Our own", "scale": "strength", "statements": [
                                    {"id": "own-1", "title": "We call back", "text": ""}]}))
    assert page.add_from_file(good)
    assert page.current_instrument().title == "Our own"


def _menu(page):
    page._fill_add_menu()
    return [a for a in page.add_menu.actions() if not a.isSeparator()]


def test_f2_names_a_maturity_area_for_this_workshop(page, qtbot):
    maturity = next(a for a in _menu(page) if a.isEnabled() and "atur" in a.text())
    maturity.trigger()
    page.grid.setFocus()
    go(page, qtbot, 2, 0)
    first = page.current_instrument().statements[2]
    qtbot.keyClick(page.grid, Qt.Key.Key_F2)
    assert page.rename.hasFocus() and page.rename.text() == first.title
    qtbot.keyClicks(page.rename, "Field operations")  # replaces the selected name
    qtbot.keyClick(page.rename, Qt.Key.Key_Return)
    with Session.open(page.path, read_only=True) as s:
        assert s.conn.execute("SELECT title FROM statement WHERE id = ?", (first.id,)
                              ).fetchone()[0] == "Field operations"
    assert page.grid.verticalHeaderItem(2).text() == "Field operations"
    assert page.grid.hasFocus() and not page.rename_row.isVisible()
    qtbot.keyClick(page.grid, Qt.Key.Key_Z, CTRL)
    assert page.grid.verticalHeaderItem(2).text() == first.title


def test_evidence_typed_is_kept_when_the_facilitator_moves_on(page, qtbot):
    go(page, qtbot, 1, 5)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    qtbot.keyClicks(page.evidence, "Typed, then the room moved on")
    qtbot.keyClick(page.evidence, Qt.Key.Key_F7)  # to the results, without Enter
    assert cell(page, "five", "st-alignment", "dig")[1] == "Typed, then the room moved on"
    qtbot.keyClick(page.chart, Qt.Key.Key_F6)
    go(page, qtbot, 2, 5)  # Way of working: its own evidence, not the one typed above
    assert page.evidence.text() == (cell(page, "five", "st-working", "dig")[1] or "")


def test_tab_leaves_the_grid_and_f2_renames_only_the_row_it_was_pressed_on(page, qtbot):
    go(page, qtbot, 0, 0)
    qtbot.keyClick(page.grid, Qt.Key.Key_Tab)
    assert not page.grid.hasFocus(), "Tab reaches the other controls"
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_F2)
    assert page.rename_row.isVisible()
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_Down)  # moving on closes the rename
    assert not page.rename_row.isVisible()
    titles = [s.title for s in page.current_instrument().statements]
    assert titles[:2] == ["Belief", "Alignment"]


def test_the_grid_and_the_chart_show_the_same_scores(page, qtbot):
    # the demo has Customer Care's own score for Engagement (2) and Ms Doyle's (1, naming
    # Customer Care too): the department view shows the first, the participant view the second
    row = [s.id for s in page.current_instrument().statements].index("st-engagement")
    col = [d.id for d in page.workshop.departments].index("svc")
    assert page.grid.item(row, col).text().startswith("2")
    page.show_view(1)
    assert page.chart.results[row].groups["svc"] == 2
    page.show_view(0)
    qtbot.mouseClick(page.by_participant, Qt.MouseButton.LeftButton)
    doyle = [p.id for p in page.workshop.participants].index("p-doyle")
    assert page.grid.item(row, doyle).text().startswith("1")
    page.show_view(1)
    engagement = page.chart.results[row]
    assert engagement.groups == {"p-doyle": 1} and engagement.mean == 1


def test_means_are_rounded_as_by_hand():
    from cxworkshop.ui.diagnostics.chart import one_decimal

    assert [one_decimal(v) for v in (3.25, 2.75, 1.25, 2.0, 2.05, 4.949)] == [
        "3.3", "2.8", "1.3", "2", "2.1", "4.9"]


def test_an_instrument_whose_id_is_taken_by_something_else_still_comes_in(page, tmp_path):
    own = tmp_path / "own.json"
    own.write_text(json.dumps({"format": "cxworkshop-instrument", "version": 1,
                               "id": "st-belief", "title": "Our own", "scale": "agreement",
                               "statements": [{"id": "own-1", "title": "We call back"}]}))
    assert page.add_from_file(own)
    assert page.current_instrument().title == "Our own"
    assert page.current_instrument().id != "st-belief"
