"""Row-level edits the ops are made of. Each runs inside the caller's transaction.

A delete returns a `Removed` record holding every row it took away and every reference it
cleared, so `restore()` puts the file back exactly as it was (that is how undo of a delete
works, below the GUI).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from . import tables as T

Key = dict[str, Any]


@dataclass(slots=True)
class Removed:
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cleared: list[tuple[str, Key, str, Any]] = field(default_factory=list)


def _where(key: Key) -> tuple[str, tuple[Any, ...]]:
    return " AND ".join(f"{T.quote(k)} = ?" for k in key), tuple(key.values())


def _scope(table: T.Table, parent: str | None) -> tuple[str, tuple[Any, ...]]:
    if table.parent is None:
        return "1", ()
    return f"{T.quote(table.parent)} = ?", (parent,)


def get(conn: sqlite3.Connection, table: str, key: Key) -> dict[str, Any] | None:
    where, args = _where(key)
    cur = conn.execute(f"SELECT * FROM {T.quote(table)} WHERE {where}", args)
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def count(conn: sqlite3.Connection, table: str, parent: str | None = None) -> int:
    t = T.table(table)
    where, args = _scope(t, parent)
    return conn.execute(f"SELECT count(*) FROM {T.quote(table)} WHERE {where}", args).fetchone()[0]


def id_in_use(conn: sqlite3.Connection, oid: str) -> bool:
    """Ids are unique across the whole file, whatever the kind of object."""
    union = " UNION ALL ".join(f"SELECT 1 FROM {T.quote(t)} WHERE id = ?" for t in T.ID_TABLES)
    return conn.execute(f"SELECT EXISTS ({union})", (oid,) * len(T.ID_TABLES)).fetchone()[0] == 1


def _shift(conn, table: T.Table, parent, start: int, by: int) -> None:
    """Move positions >= start by `by`, in two passes so no (parent, pos) key ever collides."""
    where, args = _scope(table, parent)
    q = T.quote(table.name)
    conn.execute(f"UPDATE {q} SET pos = -(pos + ?) - 1 WHERE {where} AND pos >= ?",
                 (by, *args, start))
    conn.execute(f"UPDATE {q} SET pos = -pos - 1 WHERE {where} AND pos < 0", args)


def insert(conn: sqlite3.Connection, table: str, row: dict[str, Any],
           index: int | None = None) -> int:
    """Insert `row` (without pos) at `index` in its list (the end when None); returns the pos."""
    t = T.table(table)
    if not t.ordered:
        _insert_row(conn, table, row)
        return 0
    parent = row.get(t.parent) if t.parent else None
    n = count(conn, table, parent)
    pos = n if index is None else max(0, min(index, n))
    if pos < n:
        _shift(conn, t, parent, pos, 1)
    _insert_row(conn, table, {**row, "pos": pos})
    return pos


def _insert_row(conn, table: str, row: dict[str, Any]) -> None:
    cols = list(row)
    conn.execute(
        f"INSERT INTO {T.quote(table)} ({', '.join(map(T.quote, cols))}) "
        f"VALUES ({', '.join('?' * len(cols))})",
        tuple(row.values()),
    )


def update(conn: sqlite3.Connection, table: str, key: Key, values: dict[str, Any]) -> dict:
    """Set columns of one row; returns their values before, for undo."""
    before = get(conn, table, key)
    if before is None:
        raise LookupError(f"no {table} with {key}")
    if values:
        sets = ", ".join(f"{T.quote(k)} = ?" for k in values)
        where, args = _where(key)
        conn.execute(f"UPDATE {T.quote(table)} SET {sets} WHERE {where}",
                     (*values.values(), *args))
    return {k: before[k] for k in values}


def delete(conn: sqlite3.Connection, table: str, key: Key) -> Removed:
    """Delete one row and whatever depends on it (see `tables.REFERENCES`)."""
    removed = Removed()
    _delete(conn, table, key, removed)
    return removed


def _delete(conn, table: str, key: Key, removed: Removed) -> None:
    row = get(conn, table, key)
    if row is None:
        return
    if "id" in key:
        for ref_table, column, action in T.REFERENCES.get(table, ()):
            t = T.table(ref_table)
            cur = conn.execute(
                f"SELECT * FROM {T.quote(ref_table)} WHERE {T.quote(column)} = ?", (key["id"],))
            names = [d[0] for d in cur.description]
            found = [dict(zip(names, x, strict=True)) for x in cur.fetchall()]
            # last first: deleting compacts positions, and a key may include the position
            for r in sorted(found, key=lambda r: r.get("pos", 0), reverse=True):
                rkey = {k: r[k] for k in t.key}
                what = action
                if what.startswith("null-or-delete:"):
                    what = "null" if r[what.split(":", 1)[1]] is not None else "delete"
                if what == "null":
                    removed.cleared.append((ref_table, rkey, column, key["id"]))
                    update(conn, ref_table, rkey, {column: None})
                else:
                    _delete(conn, ref_table, rkey, removed)
    where, args = _where(key)
    conn.execute(f"DELETE FROM {T.quote(table)} WHERE {where}", args)
    t = T.table(table)
    if t.ordered:
        _shift(conn, t, row.get(t.parent) if t.parent else None, row["pos"] + 1, -1)
    removed.rows.append((table, row))  # in the order rows left the file


def restore(conn: sqlite3.Connection, removed: Removed) -> None:
    """Put back what `delete` took away, at the positions it had."""
    for table, row in reversed(removed.rows):
        t = T.table(table)
        if t.ordered:
            _shift(conn, t, row.get(t.parent) if t.parent else None, row["pos"], 1)
        _insert_row(conn, table, row)
    for table, key, column, value in removed.cleared:
        update(conn, table, key, {column: value})


def keys_in_order(conn, table: str, parent: str | None = None) -> list[Key]:
    t = T.table(table)
    where, args = _scope(t, parent)
    cols = ", ".join(map(T.quote, t.key))
    cur = conn.execute(
        f"SELECT {cols} FROM {T.quote(table)} WHERE {where} ORDER BY pos, rowid", args)
    return [dict(zip(t.key, r, strict=True)) for r in cur]


def move(conn: sqlite3.Connection, table: str, key: Key, index: int) -> int:
    """Move one row to `index` in its list; returns the index it had."""
    t = T.table(table)
    row = get(conn, table, key)
    if row is None:
        raise LookupError(f"no {table} with {key}")
    parent = row.get(t.parent) if t.parent else None
    order = keys_in_order(conn, table, parent)
    old = order.index(key)
    order.insert(max(0, min(index, len(order) - 1)), order.pop(old))
    q = T.quote(table)
    for i, k in enumerate(order):  # negative first, so (parent, pos) keys never collide
        where, args = _where(k)
        conn.execute(f"UPDATE {q} SET pos = ? WHERE {where}", (-i - 1, *args))
    where, args = _scope(t, parent)
    conn.execute(f"UPDATE {q} SET pos = -pos - 1 WHERE {where} AND pos < 0", args)
    return old
