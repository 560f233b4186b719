"""The Discover board's keys, declared as data so a test can prove no two share a key and F1
(a later issue) can list them. `where` says which widget owns the key: the board itself, the
whole page, or the view's own zoom keys."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BoardKey:
    id: str
    text: str
    keys: tuple[str, ...]
    handler: str  # a method of the Discover page ("" for keys the view handles itself)
    where: str = "board"  # "board" (the board has focus), "page" (anywhere on the page), "view"


BOARD_KEYS: tuple[BoardKey, ...] = (
    BoardKey("board.delete", "Delete the selected notes, clusters or links",
             ("Del", "Backspace"), "delete_selection"),
    BoardKey("board.duplicate", "Duplicate the selected notes", ("Ctrl+D",), "duplicate_selection"),
    BoardKey("board.edit", "Edit the selected note, cluster name or link label",
             ("F2", "Return"), "edit_selection"),
    BoardKey("board.group", "Group the selected notes into a cluster", ("Ctrl+G",),
             "group_selection"),
    BoardKey("board.link", "Link the two selected notes (first chosen → second)", ("Ctrl+L",),
             "link_selection"),
    BoardKey("board.linkTool", "Link tool on or off (drag from note to note)", ("L",),
             "toggle_link_tool"),
    BoardKey("board.promote", "Promote the selected notes to an improvement (Priorities)",
             ("Ctrl+Shift+I",), "promote_selection"),
    BoardKey("board.selectAll", "Select every note", ("Ctrl+A",), "select_all"),
    BoardKey("board.left", "Nudge left", ("Left",), "nudge_left"),
    BoardKey("board.right", "Nudge right", ("Right",), "nudge_right"),
    BoardKey("board.up", "Nudge up", ("Up",), "nudge_up"),
    BoardKey("board.down", "Nudge down", ("Down",), "nudge_down"),
    BoardKey("board.leftFar", "Nudge left further", ("Shift+Left",), "nudge_left_far"),
    BoardKey("board.rightFar", "Nudge right further", ("Shift+Right",), "nudge_right_far"),
    BoardKey("board.upFar", "Nudge up further", ("Shift+Up",), "nudge_up_far"),
    BoardKey("board.downFar", "Nudge down further", ("Shift+Down",), "nudge_down_far"),
    BoardKey("board.highlight", "Highlight department 1–9 (others fade)",
             tuple(str(i) for i in range(1, 10)), "highlight_number"),
    BoardKey("board.escape", "Clear the selection and highlight, then back to capture",
             ("Esc",), "escape"),
    BoardKey("page.search", "Search the notes", ("Ctrl+F",), "start_search", "page"),
    BoardKey("page.capture", "Go to the capture bar", ("Ctrl+E",), "start_capture", "page"),
    BoardKey("page.byDepartment", "Arrange in lanes by department", ("Ctrl+Shift+D",),
             "arrange_by_department", "page"),
    BoardKey("page.byDimension", "Arrange in lanes by dimension", ("Ctrl+Shift+M",),
             "arrange_by_dimension", "page"),
    BoardKey("page.free", "Restore the free layout", ("Ctrl+Shift+R",), "arrange_free", "page"),
    BoardKey("page.summary", "Show or hide the barrier summary", ("F9",), "toggle_summary",
             "page"),
    BoardKey("view.zoomIn", "Zoom in (or Ctrl+wheel)", ("+", "="), "", "view"),
    BoardKey("view.zoomOut", "Zoom out (or Ctrl+wheel)", ("-",), "", "view"),
    BoardKey("view.actual", "Zoom to 100 %", ("0",), "", "view"),
    BoardKey("view.fit", "Fit the whole board", ("F",), "", "view"),
    BoardKey("view.selection", "Zoom to the selection", ("Z",), "", "view"),
)
