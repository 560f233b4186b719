"""A change of several rows made as one step: one transaction, one undo step.

A board gesture touches many rows at once (dragging twenty notes, arranging a whole board,
deleting a note with its links). Its op records every row it inserted, edited or deleted, in
order, in a `Batch`; `undo_batch` walks the steps backwards in one transaction and
`redo_batch` forwards again, so the file returns to exactly what it held.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store import Session
from ..store import rows as R
from ..store import tables as T
from ..store.rows import Key, Removed
from .core import OpError, id_for_new


@dataclass(slots=True)
class Inserted:
    table: str
    row: dict[str, Any]  # with its pos


@dataclass(slots=True)
class Updated:
    table: str
    key: Key
    before: dict[str, Any]
    after: dict[str, Any]


@dataclass(slots=True)
class Dropped:
    table: str
    key: Key
    removed: Removed


Step = Inserted | Updated | Dropped


@dataclass(slots=True)
class Batch:
    """What one board op did. `touched` lists (table, key) of every row it changed, for screens
    that redraw just those; `created` the ids of new objects (to select them)."""

    section: str
    steps: list[Step] = field(default_factory=list)
    created: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.steps)

    def touched(self) -> list[tuple[str, Key]]:
        seen: dict[tuple[str, tuple], tuple[str, Key]] = {}
        for step in self.steps:
            pairs: list[tuple[str, Key]]
            if isinstance(step, Inserted):
                t = T.table(step.table)
                pairs = [(step.table, {k: step.row[k] for k in t.key})]
            elif isinstance(step, Updated):
                pairs = [(step.table, step.key)]
            else:
                pairs = [(table, {k: row[k] for k in T.table(table).key})
                         for table, row in step.removed.rows]
                pairs += [(table, key) for table, key, _col, _val in step.removed.cleared]
            for table, key in pairs:
                seen.setdefault((table, tuple(key.items())), (table, key))
        return list(seen.values())


class Recorder:
    """Writes rows inside an open transaction and records each write as a step."""

    def __init__(self, conn, batch: Batch):
        self.conn = conn
        self.batch = batch

    def insert(self, table: str, row: dict[str, Any], index: int | None = None) -> int:
        pos = R.insert(self.conn, table, row, index)
        kept = {**row, "pos": pos} if T.table(table).ordered else dict(row)
        self.batch.steps.append(Inserted(table, kept))
        return pos

    def update(self, table: str, key: Key, values: dict[str, Any]) -> None:
        before = R.update(self.conn, table, key, values)
        if before != values:
            self.batch.steps.append(Updated(table, dict(key), before, dict(values)))

    def delete(self, table: str, key: Key) -> None:
        removed = R.delete(self.conn, table, key)
        if removed.rows:
            self.batch.steps.append(Dropped(table, dict(key), removed))


def changes_nothing(batch: Batch) -> bool:
    """Whether the batch's steps, taken together, leave every row as it was: only edits, and
    each column ends with the value it started with (typing "40" over 40, a nudge and its
    way back)."""
    first: dict[tuple, Any] = {}
    last: dict[tuple, Any] = {}
    for step in batch.steps:
        if not isinstance(step, Updated):
            return False
        key = (step.table, tuple(sorted(step.key.items())))
        for column, value in step.after.items():
            first.setdefault((*key, column), step.before[column])
            last[(*key, column)] = value
    return all(first[k] == last[k] for k in first)


def undo_batch(session: Session, batch: Batch) -> None:
    with session.atomic() as conn:
        for step in reversed(batch.steps):
            if isinstance(step, Inserted):
                t = T.table(step.table)
                R.delete(conn, step.table, {k: step.row[k] for k in t.key})
            elif isinstance(step, Updated):
                R.update(conn, step.table, step.key, step.before)
            else:
                R.restore(conn, step.removed)


def redo_batch(session: Session, batch: Batch) -> None:
    with session.atomic() as conn:
        for step in batch.steps:
            if isinstance(step, Inserted):
                R.restore(conn, Removed(rows=[(step.table, dict(step.row))]))
            elif isinstance(step, Updated):
                R.update(conn, step.table, step.key, step.after)
            else:
                step.removed = R.delete(conn, step.table, step.key)


def insert_new(session: Session, section: str, table: str, prefix: str,
               values: dict[str, Any], index: int | None = None,
               given_id: str | None = None) -> Batch:
    """A new object (its id `given_id`, or a fresh one starting with `prefix`) at `index` in its
    list, as one step; its id is the batch's `created[0]`."""
    batch = Batch(section)
    with session.atomic() as conn:
        oid = id_for_new(session, prefix, given_id)
        Recorder(conn, batch).insert(table, {"id": oid, **values}, index)
    batch.created.append(oid)
    return batch


def update_one(session: Session, section: str, table: str, key: Key,
               values: dict[str, Any]) -> Batch:
    """Set columns of one row as one step (a batch with nothing in it when nothing changed)."""
    batch = Batch(section)
    with session.atomic() as conn:
        Recorder(conn, batch).update(table, key, values)
    return batch


def delete_one(session: Session, section: str, table: str, key: Key) -> Batch:
    """Delete one row, and what depends on it, as one step."""
    batch = Batch(section)
    with session.atomic() as conn:
        Recorder(conn, batch).delete(table, key)
    return batch


def move_row(session: Session, section: str, table: str, row: dict[str, Any], index: object,
             what: str) -> Batch:
    """Move one row of an ordered table (found by its id) to `index` (0 is first; past the end
    is last) as one step: taken out and put back, so undo restores the order exactly."""
    if index is None or isinstance(index, bool) or not isinstance(index, int):
        raise OpError(f"Say where the {what} goes with a whole number.")
    batch = Batch(section)
    last = R.count(session.conn, table) - 1
    if max(0, min(index, last)) == row["pos"]:
        return batch
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.delete(table, {"id": row["id"]})
        rec.insert(table, {k: v for k, v in row.items() if k != "pos"}, index)
    return batch
