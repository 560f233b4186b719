"""Driving the Discover board as a facilitator would: keys, clicks and drags on the viewport."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton
NO_MODS = Qt.KeyboardModifier.NoModifier


def file_state(path) -> dict[str, list]:
    """Every row of every table of the session file (but the migration ledger), sorted: two
    equal states mean the file holds exactly the same workshop, board state included."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' "
            "ESCAPE '\\' ORDER BY name")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names}
    finally:
        conn.close()


def note_row(path, oid: str) -> dict | None:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM note WHERE id = ?", (oid,)).fetchone()
        return dict(row) if row else None
    finally:
        conn.close()


def rows(path, sql: str, args=()) -> list[tuple]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def at(view, item, fx: float = 0.5, fy: float = 0.6) -> QPoint:
    """A viewport point inside an item (by default a little below its middle)."""
    r = item.sceneBoundingRect()
    return view.mapFromScene(QPointF(r.left() + r.width() * fx, r.top() + r.height() * fy))


def _send(view, kind, pos: QPoint, buttons, mods, button=LEFT) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)),
                        button, buttons, mods)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: QPoint, end: QPoint, mods=NO_MODS, steps: int = 6) -> None:
    """Press, move in steps with the button held, release: a real drag."""
    _send(view, QEvent.Type.MouseButtonPress, start, LEFT, mods)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        _send(view, QEvent.Type.MouseMove, p, LEFT, mods, Qt.MouseButton.NoButton)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton, mods)


def click(view, pos: QPoint, mods=NO_MODS) -> None:
    _send(view, QEvent.Type.MouseButtonPress, pos, LEFT, mods)
    _send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton, mods)


def double_click(view, pos: QPoint) -> None:
    click(view, pos)
    _send(view, QEvent.Type.MouseButtonDblClick, pos, LEFT, NO_MODS)
    _send(view, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton, NO_MODS)
