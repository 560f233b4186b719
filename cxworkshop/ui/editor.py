"""The one road every edit takes from a widget: op (validated, committed) → undo command.

Widgets call `Editor`; they never write the file or the stack themselves. A refused edit comes
back as a sentence for the facilitator through `refused`, and nothing is pushed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from .. import commands as C
from ..ops import OpError
from ..store import Session, SessionFileError


class Editor(QObject):
    """Runs ops for the widgets and keeps the undo stack.

    `changed(section)` is emitted once after any edit, undo or redo, naming the section of the
    workshop that changed ("workshop", "departments", "participants", ...).
    """

    changed = Signal(str)
    board_changed = Signal(object)  # the Batch an edit, undo or redo of the board applied
    refused = Signal(str)
    failed = Signal(str)

    def __init__(self, session: Session, stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.stack = stack
        self._typing_run = 0
        self._keep_failing = False  # a draft could not be saved; said once until one is
        #: "undo" or "redo" (both true) while one is being shown, else False: a page then
        #: refreshes even the field that has the keyboard (otherwise it leaves a field alone
        #: while the facilitator types), and can tell which way the change went.
        self.replaying: str | bool = False

    def _notify(self, section: str) -> None:
        self.seal()  # an undo or redo ends any run of typing
        self.changed.emit(section)

    def _push(self, command: C._Command) -> None:
        self.stack.push(command)
        self.changed.emit(command.section)

    def seal(self) -> None:
        """End the current run of typing: the next keystroke starts a new undo step."""
        self._typing_run += 1

    @property
    def run(self) -> int:
        """Which run of typing (or nudging) is going on; `seal()` starts the next."""
        return self._typing_run

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def _attempt(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except OpError as exc:
            self.refused.emit(str(exc))
        except SessionFileError as exc:
            self.refused.emit(str(exc))
        except Exception as exc:  # the file went away, the disk is full...
            self.report(exc)
        return None

    def report(self, exc: Exception) -> None:
        detail = str(exc).splitlines()[0].rstrip(".") if str(exc) else type(exc).__name__
        self.failed.emit(f"The change could not be saved to {self.session.path.name} ({detail}).")

    def edit(self, op: Callable[..., Any], oid: str, values: dict[str, Any], text: str, *,
             merge: bool = False) -> bool:
        """Apply `op(session, oid, **values)` and push an `EditCommand` that can undo it."""
        edited = self._attempt(lambda: op(self.session, oid, **values))
        if edited is None:
            return False
        if edited.before == edited.after:
            return True
        apply = lambda s, i, v: op(s, i, **v)  # noqa: E731
        if not merge:
            self.seal()
        self._push(C.EditCommand(self.session, edited, apply, text, self.report, self._notify,
                                 typing_run=self._typing_run if merge else None))
        return True

    def add(self, op: Callable[..., Any], delete: C.DeleteFn, text: str, *args: Any,
            **kwargs: Any) -> str | None:
        added = self._attempt(lambda: op(self.session, *args, **kwargs))
        if added is None:
            return None
        self.seal()
        self._push(C.AddCommand(self.session, added, delete, text, self.report, self._notify))
        return added.id

    def delete(self, op: C.DeleteFn, oid: str, text: str) -> bool:
        deleted = self._attempt(lambda: op(self.session, oid))
        if deleted is None:
            return False
        self.seal()
        self._push(C.DeleteCommand(self.session, deleted, op, text, self.report, self._notify))
        return True

    def keep(self, op: Callable[..., Any], *args: Any) -> bool:
        """Save state that is not an edit of the workshop (no undo step), such as a draft.

        It is saved at every keystroke, so a failure is said once, in the status bar, and
        not again until a save has worked (a dialog per key would stop the typing)."""
        if self.session.read_only:
            return False
        try:
            op(self.session, *args)
        except Exception as exc:  # the disk is full, the file went away...
            if not self._keep_failing:
                self._keep_failing = True
                detail = str(exc).splitlines()[0].rstrip(".") if str(exc) else type(exc).__name__
                self.refused.emit(f"What is typed could not be kept in {self.session.path.name} "
                                  f"({detail}); it is saved when you press Enter, if it can be.")
            return False
        self._keep_failing = False
        return True

    def board(self, op: Callable[..., Any], *args: Any, label: str, merge_key: object = None,
              **kwargs: Any) -> Any:
        """Run a board op (it returns a `Batch`) and push it as one undo step.

        Returns the batch, or None when the op was refused (the reason goes to `refused`).
        A batch that changed nothing is not pushed."""
        batch = self._attempt(lambda: op(self.session, *args, **kwargs))
        if batch is None:
            return None
        if batch:
            if merge_key is None:
                self.seal()
            self.stack.push(C.BatchCommand(self.session, batch, label, self.report,
                                           self._notify_batch, merge_key=merge_key))
            self.board_changed.emit(batch)
            self.changed.emit(batch.section)
        return batch

    def _notify_batch(self, batch: Any, undone: bool = False) -> None:
        self.seal()
        # fields being typed in show the file's value again; "undo" or "redo" says which way
        self.replaying = "undo" if undone else "redo"
        try:
            self.board_changed.emit(batch)
            self.changed.emit(batch.section)
        finally:
            self.replaying = False

    def move(self, op: C.MoveFn, oid: str, index: int, text: str) -> bool:
        moved = self._attempt(lambda: op(self.session, oid, index))
        if moved is None:
            return False
        if moved.old_index != moved.new_index:
            self.seal()
            self._push(C.MoveCommand(self.session, moved, op, text, self.report, self._notify))
        return True


def _workshop_undo(event: QEvent) -> bool:
    """Whether a shortcut is Undo or Redo, which belong to the workshop's stack."""
    return event.type() == QEvent.Type.ShortcutOverride and (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo))


class FieldText(QPlainTextEdit):
    """A multi-line field whose Ctrl+Z / Ctrl+Shift+Z go to the workshop's undo stack (its own
    undo history is off), as in `FieldEdit`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)

    def event(self, event: QEvent) -> bool:
        if _workshop_undo(event):
            event.ignore()
            return False
        return super().event(event)


class FieldEdit(QLineEdit):
    """A line edit whose Ctrl+Z / Ctrl+Shift+Z go to the workshop's undo stack.

    Every keystroke is already saved through the stack, so the field's private undo history
    would disagree with the file; the window's Undo takes over instead.
    """

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return False
        return super().event(event)

    def show_value(self, value: str) -> None:
        """Show a value from the file without moving the cursor if it is already shown."""
        if self.text() != value:
            self.setText(value)
            if not self.hasFocus():
                self.setCursorPosition(0)  # show how a long title begins, not how it ends
