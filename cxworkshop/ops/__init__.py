"""One small function per user verb. The CLI, the tests and the GUI's undo commands all call
these; none of them import Qt."""

from . import discover
from .batch import Batch, redo_batch, undo_batch
from .core import Added, Change, Deleted, Edited, Moved, OpError, Restored, new_id, restore
from .setup import (
    add_department,
    add_participant,
    delete_department,
    delete_participant,
    edit_department,
    edit_participant,
    edit_workshop,
    move_department,
    move_participant,
    next_department_colour,
)

__all__ = [
    "Added", "Batch", "discover", "redo_batch", "undo_batch",
    "Change", "Deleted", "Edited", "Moved", "OpError", "Restored", "add_department",
    "add_participant", "delete_department", "delete_participant", "edit_department",
    "edit_participant", "edit_workshop", "move_department", "move_participant", "new_id",
    "next_department_colour", "restore",
]
