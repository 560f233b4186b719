"""Helpers the Discover board tests share: sample files, a dump of every table, geometry."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import cxworkshop
from cxworkshop import model as m
from cxworkshop.interchange.json_v1 import load_json

DEMO = Path(cxworkshop.__file__).parent / "resources" / "demo-workshop.json"

Rect = tuple[float, float, float, float]


def demo_workshop() -> m.Workshop:
    return load_json(DEMO)


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the file (the board's own tables too), sorted, so two dumps
    are equal exactly when the files hold the same things in the same order."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != '_sqlite_migrations' "
        "ORDER BY name")]
    assert {"board", "free_layout", "note", "cluster", "link"} <= set(tables)
    return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def rows(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def note_rects(conn: sqlite3.Connection) -> dict[str, Rect]:
    return {r[0]: tuple(r[1:]) for r in conn.execute("SELECT id, x, y, w, h FROM note")}


def frame_rects(conn: sqlite3.Connection) -> dict[str, Rect]:
    return {r[0]: tuple(r[1:]) for r in conn.execute("SELECT id, x, y, w, h FROM cluster")}


def overlap(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def one_sentence(message: str) -> None:
    """What the facilitator reads when an edit is refused: one sentence, nothing technical."""
    assert message, "an empty message"
    assert "\n" not in message, message
    assert message.endswith("."), message
    assert message[0].isupper() or message[0] in "'\"", message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert "Traceback" not in message and "sqlite" not in message.lower(), message


def refused(session, op, *args, **kwargs) -> str:
    """Run an op that must be refused; check it wrote nothing and return its message."""
    import pytest

    from cxworkshop.ops import OpError

    before = dump(session.conn)
    with pytest.raises(OpError) as err:
        op(session, *args, **kwargs)
    message = str(err.value)
    one_sentence(message)
    assert not session.conn.in_transaction
    assert dump(session.conn) == before, "a refused op changed the file"
    return message


def undo_and_redo_are_exact(session, done: list, first: dict) -> None:
    """Undoing every batch of `done`, last first, gives back the dump `first` exactly; redoing
    them all, in order, gives back what the file held after them, exactly."""
    from cxworkshop.ops.batch import redo_batch, undo_batch

    after = dump(session.conn)
    for batch in reversed(done):
        undo_batch(session, batch)
    assert dump(session.conn) == first
    for batch in done:
        redo_batch(session, batch)
    assert dump(session.conn) == after
