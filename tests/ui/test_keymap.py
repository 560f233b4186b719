"""F1 lists every key of the current stage (of the tab showing, on a page with tabs) and of the
window: pressing it on each stage opens the list naming that stage; every key bound in the
page's widgets is described in it (the test that keeps the list honest when someone adds a
key); the window's actions show with all their keys, menu by menu, new ones too; a key the list
declares for a page really does what it says; Esc and F1 close the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QTextBrowser

from cxworkshop.store import create_file
from cxworkshop.ui import keymap as K
from tests.ui.conftest import saved

from ..ops.boards import demo_workshop

STAGES = ("Setup", "Discover", "Diagnostics", "Ambition", "Priorities", "Blueprint")


@pytest.fixture
def window(make_window, tmp_path, qtbot):
    path = create_file(tmp_path / "Demo.cxw", demo_workshop())
    window = make_window(path)
    window.resize(1600, 1000)
    window.path = path
    return window


def press(qtbot, window, key) -> None:
    """A key pressed where the keyboard is in the window (the window itself if nowhere)."""
    focused = QApplication.focusWidget()
    target = focused if focused is not None and focused.window() is window else window
    qtbot.keyClick(target, key)


def the_map(window) -> QDialog | None:
    return window.findChild(QDialog, "keymap")


def open_map(qtbot, window) -> QDialog:
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: the_map(window) is not None and the_map(window).isVisible())
    return the_map(window)


def shown_text(dialog: QDialog) -> str:
    return dialog.findChild(QTextBrowser).toPlainText()


def go(qtbot, window, row: int):
    window.go_to(row)
    page = window.pages.currentWidget()
    qtbot.waitUntil(page.isVisible)
    return page


def stage_sections(window) -> list[K.Section]:
    stage = STAGES[window.rail.currentRow()]
    return [s for s in K.collect(window) if s.title.startswith(stage)]


def bound_keys(page) -> list[QKeySequence]:
    """Every key a QShortcut or a QAction holds inside the page, leaving out the tabs that are
    not showing (found here on its own, not by the code under test)."""
    hidden = [tabs.widget(i) for tabs in page.findChildren(QTabWidget)
              for i in range(tabs.count()) if i != tabs.currentIndex()]
    keys: list[QKeySequence] = []
    for shortcut in page.findChildren(QShortcut):
        owner = shortcut.parent()
        if not any(h is owner or h.isAncestorOf(owner) for h in hidden):
            keys += shortcut.keys()
    for action in page.findChildren(QAction):
        owner = action.parent()
        if not any(h is owner or h.isAncestorOf(owner) for h in hidden):
            keys += action.shortcuts()
    return [k for k in keys if not k.isEmpty()]


def not_described(window) -> list[str]:
    """The keys bound in the current page that no described row of its stage lists."""
    described: set[str] = set()
    for section in stage_sections(window):
        for keys, text in section.rows:
            if text != K.UNDESCRIBED:
                described |= K.expand(keys)
    page = window.pages.currentWidget()
    return [K.key_label(k) for k in bound_keys(page) if K.key_label(k) not in described]


def test_f1_on_each_stage_opens_the_list_naming_that_stage(window, qtbot):
    for row, stage in enumerate(STAGES):
        go(qtbot, window, row)
        dialog = open_map(qtbot, window)
        assert dialog.windowTitle() == f"Keys: {stage}"
        sections = K.collect(window)
        assert sections[0].title.startswith(stage) and sections[0].rows
        text = shown_text(dialog)
        assert text.lstrip().startswith(sections[0].title)
        for section in sections:
            assert section.title in text
            for keys, what in section.rows:
                assert keys in text and what in text
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())


def test_the_list_is_one_window_beside_the_work_and_f1_again_shows_the_stage_now(window, qtbot):
    go(qtbot, window, 1)
    dialog = open_map(qtbot, window)
    assert not dialog.isModal() and QApplication.activeModalWidget() is None
    window.activateWindow()  # back to the work, the list still open
    qtbot.waitUntil(window.isActiveWindow)
    assert dialog.isVisible()
    page = go(qtbot, window, 4)
    page.show_tab("decisions")
    assert open_map(qtbot, window) is dialog
    assert len(window.findChildren(QDialog, "keymap")) == 1
    assert dialog.windowTitle() == "Keys: Priorities"
    text = shown_text(dialog)
    assert "Priorities: Decisions" in text and "It agrees with reservations" in text
    assert "Discover board" not in text


def test_every_key_bound_in_a_page_is_described_in_its_list(window, qtbot):
    seen: dict[str, set[str]] = {}
    for row, stage in enumerate(STAGES):
        page = go(qtbot, window, row)
        tabs = getattr(page, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                qtbot.waitUntil(tabs.currentWidget().isVisible)
            assert not_described(window) == [], (stage, index)
            seen.setdefault(stage, set()).update(K.key_label(k) for k in bound_keys(page))
    # the pages do bind keys, so the check above checked something
    assert {"Del", "Backspace", "Enter", "Ctrl+Shift+I", "Ctrl+F", "F9", "1", "9"} \
        <= seen["Discover"]
    assert {"F6", "F7"} <= seen["Diagnostics"]
    assert {"Alt+↑", "Alt+↓", "Del"} <= seen["Setup"]


def test_a_key_added_to_a_page_without_words_still_shows_and_is_caught(window, qtbot):
    page = go(qtbot, window, 1)
    added = QShortcut(QKeySequence("Ctrl+Alt+J"), page.capture)
    assert not_described(window) == ["Ctrl+Alt+J"]
    first = K.collect(window)[0]
    assert ("Ctrl+Alt+J", K.UNDESCRIBED) in first.rows
    assert "Ctrl+Alt+J" in shown_text(open_map(qtbot, window))
    added.setParent(None)
    assert not_described(window) == []


def test_a_tab_that_is_not_showing_keeps_its_keys_to_itself(window, qtbot):
    page = go(qtbot, window, 5)
    page.show_tab("measures")
    hidden = QShortcut(QKeySequence("Ctrl+Alt+J"), page.roadmap_view)
    assert not_described(window) == []
    assert all("Ctrl+Alt+J" not in keys for s in K.collect(window) for keys, _t in s.rows)
    page.show_tab("roadmap")
    assert not_described(window) == ["Ctrl+Alt+J"]
    hidden.setParent(None)


def test_every_tab_has_its_keys_in_the_list(window, qtbot):
    for row, declared in ((4, K.PRIORITIES_TABS), (5, K.BLUEPRINT_TABS)):
        page = go(qtbot, window, row)
        titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        assert sorted(titles) == sorted(declared)
        for i, title in enumerate(titles):
            page.tabs.setCurrentIndex(i)
            first = K.collect(window)[0]
            assert first.title == f"{STAGES[row]}: {title}" and first.rows


def test_the_windows_actions_show_menu_by_menu_with_all_their_keys(window, qtbot):
    go(qtbot, window, 3)
    sections = {s.title: s.rows for s in K.collect(window)}
    for action in window.actions_by_id.values():
        keys = {K.key_label(k) for k in action.shortcuts() if not k.isEmpty()}
        if not keys:  # (Quit has none on some systems)
            continue
        menu = next(o for o in action.associatedObjects() if hasattr(o, "title"))
        rows = sections[K.plain_text(menu.title())]
        assert any(K.expand(cell) == keys and text == K.plain_text(action.text())
                   for cell, text in rows), action.objectName()
    assert ("Ctrl++ or Ctrl+=", "Larger Text") in sections["View"]
    assert ("F1", "Keyboard Shortcuts") in sections["Help"]
    redo = next(cell for cell, text in sections["Edit"] if text == "Redo")
    assert K.expand(redo) == {"Ctrl+Shift+Z", "Ctrl+Y"}
    menus = [K.plain_text(a.text()) for a in window.menuBar().actions()]
    window_titles = [t for t in sections if t in menus]
    assert window_titles == [m for m in menus if m in window_titles]
    assert list(sections)[:2] == ["Ambition", "Ambition: travelling companions"]


def test_an_action_added_later_shows_by_itself(window, qtbot):
    go(qtbot, window, 1)
    help_menu = next(a.menu() for a in window.menuBar().actions()
                     if K.plain_text(a.text()) == "Help")
    later = QAction("&Tour of the Keys…", window)
    later.setShortcuts([QKeySequence("Ctrl+Alt+T"), QKeySequence("Shift+F1")])
    help_menu.addAction(later)
    window.actions_by_id["help.tour"] = later
    help_rows = next(s.rows for s in K.collect(window) if s.title == "Help")
    assert ("Ctrl+Alt+T or Shift+F1", "Tour of the Keys") in help_rows
    assert "Tour of the Keys" in shown_text(open_map(qtbot, window))


def row_for(window, words: str) -> str:
    return next(keys for s in stage_sections(window) for keys, text in s.rows
                if text.startswith(words))


def test_a_digit_the_list_declares_for_the_diagnostics_grid_scores_the_cell(window, qtbot):
    page = go(qtbot, window, 2)
    keys = K.expand(row_for(window, "Score the cell"))
    assert keys == {str(d) for d in range(1, 10)}
    clear = K.expand(row_for(window, "Clear the cell"))
    assert {"Del", "0"} <= clear
    page.grid.setFocus()
    page.grid.setCurrentCell(0, 5)  # Belief, IT & Digital: the demo scored it 3

    def score():
        return next((r.score for r in saved(window.path).diagnostics.responses
                     if (r.instrument, r.statement, r.department, r.participant)
                     == ("five", "st-belief", "dig", None)), None)

    assert score() == 3
    qtbot.keyClick(page.grid, Qt.Key.Key_4)
    assert score() == 4
    qtbot.keyClick(page.grid, Qt.Key.Key_0)
    assert score() is None


def test_a_key_the_list_declares_for_the_stance_strip_sets_the_stance(window, qtbot):
    page = go(qtbot, window, 4)
    page.show_tab("decisions")
    view = page.decisions_view
    qtbot.waitUntil(view.strip.isVisible)
    assert K.expand(row_for(window, "It agrees with reservations")) == {"R", "2"}
    view.list.setCurrentRow(0)
    decision = view.current
    billing = next(d.id for d in saved(window.path).departments if d.name == "Billing & Finance")
    view.strip.setFocus()
    view.strip.go([d.id for d, _s, _n in view.strip.row].index(billing))

    def stance():
        d = next(d for d in saved(window.path).priorities.decisions if d.id == decision)
        return next((p.stance for p in d.positions if p.department == billing), None)

    assert stance() is None
    qtbot.keyClick(view.strip, Qt.Key.Key_R)
    assert stance() == "reservations"


def test_esc_and_f1_close_the_list(window, qtbot):
    go(qtbot, window, 1)
    dialog = open_map(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    dialog = open_map(qtbot, window)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.findChild(QTextBrowser), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_with_no_workshop_open_f1_lists_the_windows_keys(make_window, qtbot):
    window = make_window()
    dialog = open_map(qtbot, window)
    assert dialog.windowTitle() == "Keys"
    titles = [s.title for s in K.collect(window)]
    assert titles[0] == "File" and "Help" in titles
    assert "New Workshop" in shown_text(dialog)


@pytest.mark.parametrize(("keys", "shown"), [
    (("1", "2", "3", "4", "5", "6", "7", "8", "9"), "1 – 9"),
    (tuple(f"Alt+{d}" for d in range(1, 10)), "Alt+1 – 9"),
    (("Alt+Up", "Alt+Down"), "Alt+↑/↓"),
    (("Left", "Right", "Up", "Down"), "←/→/↑/↓"),
    (("Del", "Backspace", "0"), "Del, Backspace or 0"),
    (("Return", "F2"), "Enter or F2"),
    (("A", "1"), "A or 1"),
    (("+", "="), "+ or ="),
])
def test_keys_are_written_as_people_type_them_and_read_back(keys, shown):
    assert K.keys_text([K.key_label(k) for k in keys]) == shown
    assert K.expand(shown) == {K.key_label(k) for k in keys}
