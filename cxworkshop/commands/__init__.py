"""Undo and redo: one QUndoCommand per kind of change, holding data (ids, before/after values,
what a delete removed), never widgets.

The op runs first, outside the stack, so a refused edit raises `OpError` to whoever asked and
nothing is pushed; the command is pushed already done and skips its first `redo()`. After that,
`undo()`/`redo()` call the same ops again and tell `notify` which section of the workshop
changed, so screens refresh just that. Continuous typing in one field merges into one step
within one run of typing (the editor starts a new run when the field is left).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..ops import Added, Batch, Deleted, Edited, Moved, redo_batch, restore, undo_batch
from ..ops.batch import changes_nothing
from ..store import Session

EditFn = Callable[[Session, str, dict[str, Any]], Edited]
DeleteFn = Callable[[Session, str], Deleted]
MoveFn = Callable[[Session, str, int], Moved]
Report = Callable[[Exception], None]
Notify = Callable[[str], None]
BatchNotify = Callable[[Batch, bool], None]  # the batch, and whether it was undone

_EDIT_MERGE_ID = 0x4358
_BATCH_MERGE_ID = 0x4359


class _Command(QUndoCommand):
    def __init__(self, session: Session, section: str, text: str, report: Report,
                 notify: Notify):
        super().__init__(text)
        self.session = session
        self.section = section
        self._report = report
        self._notify = notify
        self._done = True  # pushed after its op already ran

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception as exc:  # disk gone, file locked by the OS...: say so, never crash
            self._report(exc)
            self.setObsolete(True)
        self._notify(self.section)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class EditCommand(_Command):
    """Fields of one object changed; undo sets them back. Typing in one field merges."""

    def __init__(self, session: Session, edited: Edited, apply: EditFn, text: str,
                 report: Report, notify: Notify, *, typing_run: int | None = None):
        super().__init__(session, edited.section, text, report, notify)
        self.target = (edited.section, edited.id)
        self.before = dict(edited.before)
        self.after = dict(edited.after)
        self._apply = apply
        self.typing_run = typing_run  # keystrokes of one run of typing merge into one step

    def id(self) -> int:
        return _EDIT_MERGE_ID if self.typing_run is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.typing_run != self.typing_run:
            return False
        if other.target != self.target or set(other.after) != set(self.after):
            return False
        self.after = dict(other.after)
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def _redo(self) -> None:
        self._apply(self.session, self.target[1], self.after)

    def _undo(self) -> None:
        self._apply(self.session, self.target[1], self.before)


class AddCommand(_Command):
    """An object was added; undo deletes it (keeping what it removed), redo restores it."""

    def __init__(self, session: Session, added: Added, delete: DeleteFn, text: str,
                 report: Report, notify: Notify):
        super().__init__(session, added.section, text, report, notify)
        self.id_ = added.id
        self._delete = delete
        self._deleted: Deleted | None = None

    def _undo(self) -> None:
        self._deleted = self._delete(self.session, self.id_)

    def _redo(self) -> None:
        assert self._deleted is not None
        restore(self.session, self._deleted)


class DeleteCommand(_Command):
    """An object and what hung on it were deleted; undo restores all of it."""

    def __init__(self, session: Session, deleted: Deleted, delete: DeleteFn, text: str,
                 report: Report, notify: Notify):
        super().__init__(session, deleted.section, text, report, notify)
        self.deleted = deleted
        self._delete = delete

    def _undo(self) -> None:
        restore(self.session, self.deleted)

    def _redo(self) -> None:
        self.deleted = self._delete(self.session, self.deleted.id)


class MoveCommand(_Command):
    """An object moved within its list."""

    def __init__(self, session: Session, moved: Moved, move: MoveFn, text: str, report: Report,
                 notify: Notify):
        super().__init__(session, moved.section, text, report, notify)
        self.moved = moved
        self._move = move

    def _undo(self) -> None:
        self._move(self.session, self.moved.id, self.moved.old_index)

    def _redo(self) -> None:
        self._move(self.session, self.moved.id, self.moved.new_index)


class BatchCommand(_Command):
    """A board gesture (any number of rows, one transaction); undo walks it back exactly.

    Commands with the same `merge_key` that follow each other merge into one step: the
    keystrokes of one edit in place, a run of arrow-key nudges of the same notes.
    """

    def __init__(self, session: Session, batch: Batch, text: str, report: Report,
                 notify: BatchNotify, *, merge_key: object = None):
        super().__init__(session, batch.section, text, report, lambda _s: None)
        self.batch = batch
        self.merge_key = merge_key
        self._notify_batch = notify

    def id(self) -> int:
        return _BATCH_MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, BatchCommand) or other.merge_key != self.merge_key:
            return False
        self.batch.steps.extend(other.batch.steps)
        if changes_nothing(self.batch):  # typed back to where it began: no step at all
            self.setObsolete(True)
        return True

    def _run(self, fn: Callable[[], Any], undone: bool = False) -> None:
        try:
            fn()
        except Exception as exc:
            self._report(exc)
            self.setObsolete(True)
        self._notify_batch(self.batch, undone)

    def undo(self) -> None:
        self._run(self._undo, undone=True)

    def _undo(self) -> None:
        undo_batch(self.session, self.batch)

    def _redo(self) -> None:
        redo_batch(self.session, self.batch)
