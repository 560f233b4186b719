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


def shown_and_saved(page) -> tuple[dict, dict]:
    """What the board shows and what the file holds, in the same terms: every note's place,
    size, text and cluster, the stacking order of notes, every visible frame and its members,
    every arrow's ends and label. Equal pairs mean the room sees the file."""
    scene = page.scene
    shown = {
        "notes": {i.id: (i.pos().x(), i.pos().y(), i.note.w, i.note.h, i.note.text, i.note.cluster)
                  for i in scene.notes.values()},
        "order": [i.id for i in sorted(scene.notes.values(), key=lambda i: i.zValue())],
        "frame order": [c.id for c in sorted(scene.clusters.values(), key=lambda c: c.zValue())],
        "frames": {c.id: (c.pos().x(), c.pos().y(), c.cluster.w, c.cluster.h, c.cluster.title,
                          sorted(m.id for m in c.members))
                   for c in scene.clusters.values() if c.isVisible()},
        "links": {k.id: (k.source.id, k.target.id, k.link.label) for k in scene.links.values()},
    }
    arranged = rows(page.path, "SELECT arrangement FROM board")[0][0] != "free"
    notes = rows(page.path, "SELECT id, x, y, w, h, text, cluster FROM note ORDER BY pos")
    saved = {
        "notes": {n[0]: n[1:] for n in notes},
        "order": [n[0] for n in notes],
        "frame order": [c[0] for c in rows(page.path, "SELECT id FROM cluster ORDER BY pos")],
        "frames": {} if arranged else {
            c[0]: (*c[1:], sorted(n[0] for n in notes if n[6] == c[0]))
            for c in rows(page.path, "SELECT id, x, y, w, h, title FROM cluster")},
        "links": {k[0]: k[1:] for k in rows(page.path, "SELECT id, source, target, label FROM link")},
    }
    return shown, saved
