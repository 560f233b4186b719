"""The window's actions and menus, declared as data: id, text, shortcut, handler, menu.

Keeping them in one table lets a test prove that no two actions share a shortcut, and lets F1
(a later issue) list them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    menu: str
    handler: str  # name of a method on the main window
    shortcut: str | QKeySequence.StandardKey | None = None
    needs_session: bool = True
    separator_before: bool = False
    also: tuple[str, ...] = ()  # further keys for the same action (Ctrl+= beside Ctrl++)
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", "&New Workshop…", "&File", "new_workshop", QKeySequence.StandardKey.New,
               needs_session=False),
    ActionSpec("file.open", "&Open…", "&File", "open_workshop", QKeySequence.StandardKey.Open,
               needs_session=False),
    ActionSpec("file.demo", "Open the &Demo Workshop", "&File", "open_demo", None,
               needs_session=False),
    ActionSpec("file.copy", "Save a &Copy…", "&File", "save_copy", "Ctrl+Shift+S",
               separator_before=True),
    ActionSpec("file.importsession", "&Import from Another Session…", "&File",
               "import_session", None),
    ActionSpec("file.report", "&Export Report (PDF)…", "&File", "export_report", "Ctrl+Shift+E"),
    ActionSpec("file.councilpack", "Export the Council &Pack (PDF)…", "&File",
               "export_council_pack", None),
    ActionSpec("file.close", "&Close", "&File", "close_workshop", QKeySequence.StandardKey.Close),
    ActionSpec("file.quit", "&Quit", "&File", "close", QKeySequence.StandardKey.Quit,
               needs_session=False, separator_before=True),
    ActionSpec("go.setup", "&Setup", "&Go", "go_setup", "Ctrl+1"),
    ActionSpec("go.discover", "&Discover", "&Go", "go_discover", "Ctrl+2"),
    ActionSpec("go.diagnostics", "D&iagnostics", "&Go", "go_diagnostics", "Ctrl+3"),
    ActionSpec("go.ambition", "&Ambition", "&Go", "go_ambition", "Ctrl+4"),
    ActionSpec("go.priorities", "&Priorities", "&Go", "go_priorities", "Ctrl+5"),
    ActionSpec("go.blueprint", "&Blueprint", "&Go", "go_blueprint", "Ctrl+6"),
    ActionSpec("view.present", "&Present to the Room", "&View", "toggle_presenting", "F5",
               checkable=True),
    ActionSpec("view.blank", "&Blank the Room's Screen", "&View", "toggle_blank", "B",
               checkable=True),
    ActionSpec("view.bigger", "&Larger Text", "&View", "font_bigger", "Ctrl++",
               needs_session=False, separator_before=True, also=("Ctrl+=",)),
    ActionSpec("view.smaller", "&Smaller Text", "&View", "font_smaller", "Ctrl+-",
               needs_session=False),
    ActionSpec("view.normalsize", "&Normal Text Size", "&View", "font_normal", "Ctrl+0",
               needs_session=False),
    ActionSpec("view.contrast", "&High-Contrast Theme", "&View", "toggle_contrast",
               "Ctrl+Shift+H", needs_session=False, checkable=True),
    ActionSpec("timer.toggle", "&Start or Pause the Timer", "&Timer", "toggle_timer", "F8"),
    ActionSpec("timer.next", "&Next Agenda Item", "&Timer", "next_agenda_item", "Shift+F8"),
    ActionSpec("timer.previous", "&Previous Agenda Item", "&Timer", "previous_agenda_item",
               "Ctrl+F8"),
    ActionSpec("help.keys", "&Keyboard Shortcuts", "&Help", "show_keys", "F1",
               needs_session=False),
)

#: Shortcuts owned by actions built elsewhere (the undo stack's own actions).
OTHER_SHORTCUTS = {"edit.undo": "Ctrl+Z", "edit.redo": "Ctrl+Shift+Z"}


def shortcut_text(spec: ActionSpec) -> str:
    if spec.shortcut is None:
        return ""
    if isinstance(spec.shortcut, str):
        return QKeySequence(spec.shortcut).toString()
    return QKeySequence(spec.shortcut).toString()


def build(window: QMainWindow, menus: dict[str, QMenu]) -> dict[str, QAction]:
    """Create every action on `window`, wired to its handler and placed in its menu."""
    made: dict[str, QAction] = {}
    for spec in ACTIONS:
        menu = menus.get(spec.menu) or window.menuBar().addMenu(spec.menu)
        menus[spec.menu] = menu
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(spec.text, window)
        action.setObjectName(spec.id)
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            # every key the platform gives (Ctrl+W and Ctrl+F4 both close on Linux)
            action.setShortcuts(QKeySequence.keyBindings(spec.shortcut))
        elif spec.shortcut is not None:
            action.setShortcuts([QKeySequence(spec.shortcut),
                                 *(QKeySequence(k) for k in spec.also)])
        action.setCheckable(spec.checkable)
        handler: Callable[[], object] = getattr(window, spec.handler)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menu.addAction(action)
        window.addAction(action)
        made[spec.id] = action
    return made
