"""F1: every key of the current stage and of the window, in a window of its own.

`collect(window)` lists the keys as sections: first the current stage's (the tab that is
showing, on a page with tabs), then the window's own, menu by menu. The window's keys are read
from its live actions, so an action added later shows up by itself. A page's keys come from
two places:

- what each page does with keys in its own code (keyPressEvent, event filters, Enter in a
  line) cannot be read from Qt, so it is declared here, as data, beside the stage it belongs
  to (the Discover board's own keys are declared in `discover/keys.py` and read from there);
- keys bound with a QShortcut or a QAction inside the page are also read from the page's
  widgets, so one nobody described here still shows: with the action's text, the shortcut's
  "What's This?" text, or else marked `UNDESCRIBED` (a test fails until it is described).

`show_keymap(window)` shows them in a dialog that stays open beside the work (F1 again brings
it forward; Esc or F1 in it closes it).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .discover.keys import BOARD_KEYS
from .theme import ACCENT, INK, MUTED, PAPER, RAIL


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its rows: (keys as the user types them, what they do)."""

    title: str
    rows: list[tuple[str, str]]


#: A declared row: the keys, each in Qt's portable text ("Ctrl+Shift+E", "Del", "Return"), and
#: what they do. A plain string instead of the tuple is shown as written ("2 b pr: text").
Row = tuple[tuple[str, ...] | str, str]

#: What a key bound in a page (QShortcut) says when nobody has described it here yet.
UNDESCRIBED = "A key of this page (not described yet)"

#: How some keys are written for people: the key caps, not Qt's names.
KEY_NAMES = {"Return": "Enter", "Enter": "Enter", "Left": "←", "Right": "→", "Up": "↑",
             "Down": "↓"}
ARROWS = ("←", "→", "↑", "↓")
RANGE = " – "


def _digits(prefix: str = "", first: int = 1, last: int = 9) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(first, last + 1))


# -- what the pages do with keys in their own code ----------------------------------------------

SETUP: tuple[Row, ...] = (
    (("Return",), "In a “new” line under a list: add what was typed, ready for the next"),
    (("F2",), "In a list: change the cell in place (or double-click); on a colour or "
              "department cell, open its chooser, where an arrow key or a letter picks and it "
              "is saved at once"),
    (("Space",), "On a Senior cell: mark or unmark the participant as senior"),
    (("Alt+Up", "Alt+Down"), "Move the chosen line of a list up or down"),
    (("Del",), "Delete the chosen line of a list (Undo brings it back)"),
)

#: Discover board keys (from `BOARD_KEYS`) shown as one row each.
BOARD_ROWS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("board.left", "board.right", "board.up", "board.down"),
     "Nudge the selection (a run of nudges is one undo step)"),
    (("board.leftFar", "board.rightFar", "board.upFar", "board.downFar"),
     "Nudge the selection further"),
)
DISCOVER_PAGE: tuple[Row, ...] = (
    (("Return",), "In the search field: zoom to the notes that match"),
)
DISCOVER_CAPTURE: tuple[Row, ...] = (
    (("Return",), "Add the note in the first free spot of its department's lane"),
    (_digits(), "On an empty line: the note's department, in Setup order (a digit followed by "
                "a space, a digit or a sign stays in the text: “3 systems…”)"),
    (("Backspace",), "Right after that digit: take the department back"),
    (_digits("Alt+"), "The note's department, at any time"),
    (("Alt+C", "Alt+B", "Alt+I"), "Challenge, barrier or idea"),
    (("Alt+P", "Alt+R", "Alt+T", "Alt+N"), "People, process, technology or no dimension"),
    ("2 b pr @dl: text", "The same as a prefix before a colon: department (number or start of "
                         "its name), kind, dimension (- for none), author (@, then initials or the start of "
                         "a name)"),
    (("Esc",), "Clear the line; on an empty line, back to the board"),
)
DISCOVER_WRITING: tuple[Row, ...] = (
    (("Return",), "Keep what was written on the note, cluster or link"),
    (("Shift+Return",), "A new line in a note"),
    (("Esc",), "Put back what it said"),
)
DISCOVER_SUMMARY: tuple[Row, ...] = (
    (("Return",), "On a chain across departments: show its link on the board"),
)

DIAGNOSTICS: tuple[Row, ...] = (
    (("F6",), "The scoring grid"),
    (("F7",), "The results, for the projector"),
)
DIAGNOSTICS_GRID: tuple[Row, ...] = (
    (("Left", "Right", "Up", "Down"), "Move from cell to cell"),
    (_digits(), "Score the cell, on the instrument's scale"),
    (("Del", "Backspace", "0"), "Clear the cell: not scored, which is not zero"),
    (("Return",), "Write the evidence behind the score"),
    (("F2",), "Rename the row's statement (a maturity area, say)"),
)
DIAGNOSTICS_FIELDS: tuple[Row, ...] = (
    (("Return",), "Keep the evidence, or the statement's new name, and go back to the grid"),
    (("Esc",), "Back to the grid without keeping what was typed"),
)

AMBITION: tuple[Row, ...] = (
    (("Tab", "Shift+Tab"), "The next or the previous field (the texts are saved as typed)"),
)
AMBITION_COMPANIONS: tuple[Row, ...] = (
    (("Return",), "On a companion: edit it in the form below the columns"),
    (("Ctrl+Left", "Ctrl+Right"), "Move the companion to the other column"),
    (("Del", "Backspace"), "Delete the companion"),
    (("Return",), "In the name or the note: save the companion"),
)

PRIORITIES: tuple[Row, ...] = (
    (("Return",), "In the line above the tabs: add an improvement with the title typed"),
)
PRIORITIES_TABS: dict[str, tuple[Row, ...]] = {
    "Improvements": (
        (("Ctrl+Up", "Ctrl+Down"), "On the matrix: more or less impact for the chosen card"),
        (("Ctrl+Left", "Ctrl+Right"), "On the matrix: less or more effort for the chosen card"),
        (("Up", "Down"), "In the list: the next or the previous improvement"),
    ),
    "Vote": (
        (_digits("", 0), "On a cell of the grid: that person gives that many dots to that "
                         "improvement"),
        (("Del", "Backspace"), "Take the person's dots off that improvement"),
        (("+", "-"), "One dot more or one fewer"),
        (("Left", "Right", "Up", "Down"), "Move in the grid"),
        (("Return",), "In “Dots each”: keep the number typed"),
        (("Return",), "In the secret ballot, on a name: vote as that person"),
    ),
    "Decisions": (
        (("Return",), "In the top line: record the decision typed"),
        (("Del", "Backspace"), "In the list: delete the chosen decision"),
        (("Left", "Right"), "On the strip of departments: the department before or after"),
        (("Home", "End"), "The first or the last department"),
        (("A", "1"), "The department agrees"),
        (("R", "2"), "It agrees with reservations"),
        (("D", "3"), "It disagrees"),
        (("Del", "Backspace", "0"), "Clear its stance"),
        (("Return",), "Write a note on its stance"),
        (("Return", "Esc"), "In the note: back to the strip"),
    ),
    "Social contract": (
        (("Return",), "In “A new rule”: add the rule typed"),
        (("F2",), "On the rules: edit the chosen rule in place (or double-click)"),
        (("Alt+Up", "Alt+Down"), "Move the chosen rule up or down"),
        (("Del", "Backspace"), "Delete the chosen rule"),
        (("Tab",), "From the preamble to the next field"),
    ),
    "Actions": (
        (("Return",), "In the top line: add the action typed"),
        (("Return",), "In the table: edit the chosen action in the form"),
        (("Del", "Backspace"), "In the table: delete the chosen action"),
    ),
}

BLUEPRINT_TABS: dict[str, tuple[Row, ...]] = {
    "Road map": (
        (("Return",), "In the top line: add a milestone with the title typed"),
        (("Left", "Right"), "With a bar chosen: move it a month earlier or later"),
        (("Shift+Left", "Shift+Right"), "Move its end"),
        (("Alt+Left", "Alt+Right"), "Move its start"),
        (("Up", "Down"), "Move it to another lane"),
        (("Return", "F2"), "Edit it in the form"),
        (("Del", "Backspace"), "Delete it"),
        (("Esc",), "While dragging a bar: put it back"),
        (("Return",), "On an agreed improvement with no milestone: give it one"),
    ),
    "Measures": (
        (("Return",), "In the top line: add a measure with what you will count"),
        (("Return",), "In the table: edit the chosen measure in the form"),
        (("Del", "Backspace"), "In the table: delete the chosen measure"),
        (("Up", "Down"), "On the arrows: the measure above or below"),
    ),
    "CX council": (
        (("Space",), "In the members: tick or untick the current person"),
        (("Return",), "In the top line: add the agenda item typed"),
        (("Return", "F2"), "On the agenda: edit the chosen item in place"),
        (("Alt+Up", "Alt+Down"), "Move the chosen item up or down"),
        (("Del", "Backspace"), "Delete the chosen item"),
    ),
}


# -- keys as people read them ----------------------------------------------------------------------

def key_label(key: str | QKeySequence) -> str:
    """One key as the user types it: "Ctrl+Shift+E", "Enter", "Shift+←", "Ctrl++"."""
    seq = key if isinstance(key, QKeySequence) else QKeySequence(key)
    text = seq.toString(QKeySequence.SequenceFormat.NativeText)
    if seq.count() != 1:
        return text
    combo = seq[0]
    name = QKeySequence(combo.key()).toString(QKeySequence.SequenceFormat.NativeText)
    if name and text.endswith(name):
        return text[:-len(name)] + KEY_NAMES.get(name, name)
    return text


def _split(label: str) -> tuple[str, str]:
    """("Shift+", "←") from "Shift+←"; ("Ctrl+", "+") from "Ctrl++"."""
    if label.endswith("++"):
        return label[:-1], "+"
    head, plus, tail = label.rpartition("+")
    return (head + plus, tail) if plus and tail else ("", label)


def keys_text(labels: Sequence[str]) -> str:
    """Several keys for one thing, as a person would write them: "Del, Backspace or 0",
    "1 – 9", "Alt+↑/↓"."""
    unique = list(dict.fromkeys(labels))
    parts: list[str] = []
    i = 0
    while i < len(unique):
        prefix, key = _split(unique[i])
        j = i + 1
        if key.isdigit():  # a run of digits 1, 2, 3… with one prefix: "1 – 9"
            while j < len(unique) and _split(unique[j]) == (prefix, str(int(key) + j - i)):
                j += 1
            if j - i >= 3:
                parts.append(f"{prefix}{key}{RANGE}{int(key) + j - i - 1}")
                i = j
                continue
            j = i + 1
        elif key in ARROWS:  # arrows with one prefix: "Alt+↑/↓"
            arrows = [key]
            while j < len(unique) and _split(unique[j])[0] == prefix \
                    and _split(unique[j])[1] in ARROWS:
                arrows.append(_split(unique[j])[1])
                j += 1
            parts.append(prefix + "/".join(arrows))
            i = j
            continue
        parts.append(unique[i])
        i += 1
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} or {parts[-1]}"


def expand(cell: str) -> set[str]:
    """Every single key a keys cell stands for: the inverse of `keys_text`."""
    found: set[str] = set()
    for part in re.split(r", | or ", cell):
        ranged = re.fullmatch(rf"(.*?)(\d){RANGE}(\d)", part)
        if ranged:
            prefix, first, last = ranged.group(1), int(ranged.group(2)), int(ranged.group(3))
            found.update(f"{prefix}{d}" for d in range(first, last + 1))
            continue
        prefix, key = _split(part)
        if "/" in key and all(k in ARROWS for k in key.split("/")):
            found.update(prefix + k for k in key.split("/"))
        else:
            found.add(part)
    return found


def _row(keys: tuple[str, ...] | str, text: str) -> tuple[str, str]:
    if isinstance(keys, str):
        return keys, text
    return keys_text([key_label(k) for k in keys]), text


def _rows(declared: Iterable[Row]) -> list[tuple[str, str]]:
    return [_row(keys, text) for keys, text in declared]


def plain_text(text: str) -> str:
    """A menu item's text without its mnemonic ampersands and closing ellipsis."""
    return re.sub(r"&(.)", r"\1", text).replace("…", "").strip()


# -- the current stage ----------------------------------------------------------------------------

def _current_tab(page: QWidget) -> str:
    tabs = getattr(page, "tabs", None)
    if isinstance(tabs, QTabWidget) and tabs.currentIndex() >= 0:
        return plain_text(tabs.tabText(tabs.currentIndex()))
    return ""


def _setup(stage: str, page: QWidget) -> list[Section]:
    return [Section(stage, _rows(SETUP))]


def _discover(stage: str, page: QWidget) -> list[Section]:
    board: list[tuple[str, str]] = []
    anywhere: list[tuple[str, str]] = []
    grouped = {key_id: ids for ids, _text in BOARD_ROWS for key_id in ids}
    texts = {ids: text for ids, text in BOARD_ROWS}
    by_id = {spec.id: spec for spec in BOARD_KEYS}
    for spec in BOARD_KEYS:
        ids = grouped.get(spec.id)
        if ids is not None and spec.id != ids[0]:
            continue  # shown with the first of its group
        keys = [k for i in (ids or (spec.id,)) for k in by_id[i].keys]
        row = (keys_text([key_label(k) for k in keys]), texts[ids] if ids else spec.text)
        (anywhere if spec.where == "page" else board).append(row)
    return [Section(f"{stage} board", board),
            Section(f"{stage}: anywhere on the page", anywhere + _rows(DISCOVER_PAGE)),
            Section(f"{stage}: the capture bar under the board", _rows(DISCOVER_CAPTURE)),
            Section(f"{stage}: writing on the board", _rows(DISCOVER_WRITING)),
            Section(f"{stage}: the barrier summary", _rows(DISCOVER_SUMMARY))]


def _diagnostics(stage: str, page: QWidget) -> list[Section]:
    return [Section(stage, _rows(DIAGNOSTICS)),
            Section(f"{stage}: the scoring grid", _rows(DIAGNOSTICS_GRID)),
            Section(f"{stage}: the evidence and a statement's name", _rows(DIAGNOSTICS_FIELDS))]


def _ambition(stage: str, page: QWidget) -> list[Section]:
    return [Section(stage, _rows(AMBITION)),
            Section(f"{stage}: travelling companions", _rows(AMBITION_COMPANIONS))]


def _tabbed(tabs: dict[str, tuple[Row, ...]], common: tuple[Row, ...]):
    def sections(stage: str, page: QWidget) -> list[Section]:
        tab = _current_tab(page)
        found = [Section(f"{stage}: {tab}" if tab else stage, _rows(tabs.get(tab, ())))]
        if common:
            found.append(Section(f"{stage}: on every tab", _rows(common)))
        return found
    return sections


STAGES: dict[int, Callable[[str, QWidget], list[Section]]] = {
    0: _setup, 1: _discover, 2: _diagnostics, 3: _ambition,
    4: _tabbed(PRIORITIES_TABS, PRIORITIES), 5: _tabbed(BLUEPRINT_TABS, ()),
}


def _hidden_tabs(page: QWidget) -> list[QWidget]:
    """The pages of tabs that are not showing: their keys are not the page's keys now."""
    return [tabs.widget(i) for tabs in page.findChildren(QTabWidget)
            for i in range(tabs.count()) if i != tabs.currentIndex()]


def _owner(obj: QObject) -> QWidget | None:
    parent = obj.parent()
    while parent is not None and not isinstance(parent, QWidget):
        parent = parent.parent()
    return parent


def bound_keys(page: QWidget) -> list[tuple[QShortcut | QAction, list[str]]]:
    """The QShortcuts and QActions with keys inside `page` (outside tabs that are not
    showing), each with its keys as people read them."""
    hidden = _hidden_tabs(page)
    found: list[tuple[QShortcut | QAction, list[str]]] = []
    for kind in (QShortcut, QAction):
        for obj in page.findChildren(kind):
            owner = _owner(obj)
            if owner is not None and any(h is owner or h.isAncestorOf(owner) for h in hidden):
                continue
            keys = obj.keys() if isinstance(obj, QShortcut) else obj.shortcuts()
            labels = [key_label(k) for k in keys if not k.isEmpty()]
            if labels:
                found.append((obj, labels))
    return found


def _stage_sections(window: QMainWindow) -> list[Section]:
    row = window.rail.currentRow()
    page = window.pages.currentWidget()
    if row < 0 or page is None or window.rail.item(row) is None:
        return []
    stage = window.rail.item(row).text()
    maker = STAGES.get(row)
    sections = maker(stage, page) if maker else [Section(stage, [])]
    shown: set[str] = set()
    for section in sections:
        for keys, _text in section.rows:
            shown |= expand(keys)
    extra: list[tuple[str, str]] = []
    for obj, labels in bound_keys(page):
        missing = [k for k in labels if k not in shown]
        if missing:
            # an action says what it does; so does a shortcut given a "What's This?" text
            text = plain_text(obj.text() if isinstance(obj, QAction) else obj.whatsThis())
            extra.append((keys_text(missing), text or UNDESCRIBED))
            shown.update(missing)
    if extra:
        sections[0] = Section(sections[0].title, sections[0].rows + extra)
    return [s for s in sections if s.rows] or [Section(stage, [])]


# -- the window ------------------------------------------------------------------------------------

def _menu_of(action: QAction) -> QMenu | None:
    return next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)


def _window_sections(window: QMainWindow) -> list[Section]:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    groups: dict[str, list[tuple[int, int, tuple[str, str]]]] = {}
    for action in window.actions_by_id.values():
        labels = [key_label(k) for k in action.shortcuts() if not k.isEmpty()]
        if not labels:
            continue
        menu = _menu_of(action)
        title = plain_text(menu.title()) if menu is not None else "Elsewhere in the window"
        order = menus.index(menu) if menu in menus else len(menus)
        place = menu.actions().index(action) if menu is not None else 0
        groups.setdefault(title, []).append(
            (order, place, (keys_text(labels), plain_text(action.text()))))
    ordered = sorted(groups.items(), key=lambda item: min(o for o, _p, _r in item[1]))
    return [Section(title, [r for _o, _p, r in sorted(rows, key=lambda x: (x[0], x[1]))])
            for title, rows in ordered]


def collect(window: QMainWindow) -> list[Section]:
    """The current stage's keys (the showing tab's, on a page with tabs), then the window's
    keys menu by menu."""
    return _stage_sections(window) + _window_sections(window)


def stage_name(window: QMainWindow) -> str:
    row = window.rail.currentRow()
    item = window.rail.item(row) if row >= 0 else None
    return item.text() if item is not None else ""


# -- the dialog ------------------------------------------------------------------------------------

def to_html(sections: Sequence[Section], stage_titles: int) -> str:
    """The sections as one table: headings across both columns, the keys in a bold column
    that never wraps, what they do beside them (a fixed-width font would do as well, but its
    arrows are often drawn far smaller than its letters). The first `stage_titles` headings are
    the current stage's, in the accent colour ("now")."""
    out = ['<table width="100%" cellspacing="0" cellpadding="5">']
    for n, section in enumerate(sections):
        colour = ACCENT if n < stage_titles else INK
        gap = "0" if n == 0 else "16px"
        out.append(f'<tr><td colspan="2" style="padding-top: {gap};">'
                   f'<span style="font-size: large; font-weight: bold; color: {colour};">'
                   f'{html.escape(section.title)}</span></td></tr>')
        if not section.rows:
            out.append(f'<tr><td colspan="2" style="color: {MUTED};">'
                       'Nothing here has a key of its own.</td></tr>')
        for i, (keys, text) in enumerate(section.rows):
            shade = f' bgcolor="{RAIL}"' if i % 2 == 0 else ""
            out.append(f'<tr{shade}><td style="white-space: nowrap; font-weight: bold; '
                       f'color: {INK}; padding-right: 18px;">'
                       f'{html.escape(keys)}</td>'
                       f'<td style="color: {INK};">{html.escape(text)}</td></tr>')
    out.append("</table>")
    return "".join(out)


class KeymapDialog(QDialog):
    """The keys, beside the work: not modal, one of it per window."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("keymap")
        self.setModal(False)
        # the facilitator's text size (Ctrl + / Ctrl −) reaches this window too
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        self.intro = QLabel("")
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.text = QTextBrowser()
        self.text.setObjectName("keymap.text")
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(8)
        self.text.setStyleSheet(f"QTextBrowser {{ background: {PAPER}; color: {INK}; }}")
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("F1"), self, self.reject)  # and Esc, as in any dialog
        self.sections: list[Section] = []

    def show_keys(self, window: QMainWindow) -> None:
        stage = stage_name(window)
        own = _stage_sections(window)
        sections = own + _window_sections(window)
        self.setWindowTitle(f"Keys: {stage}" if stage else "Keys")
        self.intro.setText(
            (f"The keys of {stage} as it shows now, then those that work everywhere in the "
             "window. " if stage else "The keys that work everywhere in the window. ")
            + "Esc or F1 closes this list.")
        if sections != self.sections:
            self.sections = sections
            self.text.setHtml(to_html(sections, len(own)))
            self.text.verticalScrollBar().setValue(0)

    def place(self, window: QMainWindow) -> None:
        """Sensibly sized, over the right-hand part of the window: wide enough for a key and
        its words on one line or two, as tall as the list (the window's height at most)."""
        area = window.frameGeometry()
        width = min(max(720, self.fontMetrics().averageCharWidth() * 105),
                    max(420, area.width() - 80))
        self.text.document().setTextWidth(width - 60)
        wanted = int(self.text.document().size().height()) + 150
        height = max(360, min(wanted, area.height() - 60))
        self.resize(width, height)
        self.move(area.x() + max(0, area.width() - width - 40),
                  area.y() + max(0, (area.height() - height) // 2))


def show_keymap(window) -> None:
    """Show every key of the current stage and of the window (F1); if the list is already open
    it shows the stage now current and comes to the front."""
    dialog = window.findChild(KeymapDialog, "keymap", Qt.FindChildOption.FindDirectChildrenOnly)
    fresh = dialog is None
    if dialog is None:
        dialog = KeymapDialog(window)
    dialog.show_keys(window)
    if fresh or not dialog.isVisible():
        dialog.place(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
