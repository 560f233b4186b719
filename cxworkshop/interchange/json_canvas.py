"""The Discover board as a JSON Canvas 1.0 file (https://jsoncanvas.org/spec/1.0/), the open
format of Obsidian Canvas and of other whiteboard tools.

The document is `{"nodes": [...], "edges": [...]}`:

- every cluster is a group node (its title as the label, left out when the title is empty);
- every note is a text node with the note's text exactly as typed. JSON Canvas reads that text
  as Markdown, so a note that happens to start with `#` or holds `*stars*` shows formatted
  there; nothing is escaped, because escaping would change what people wrote;
- every link is an edge from its source note to its target note with an arrow at the target,
  its label kept when it has one.

Nodes are listed in z-order, bottom first, as the format asks: all groups, then all notes, so a
group never hides the notes on it. Within each, the workshop's order is kept. Positions and
sizes are the board's, rounded to whole numbers (the format wants integers), a size at least 1.

A note's colour is its own colour if it has one, else its department's (`#rrggbb` as stored);
a note with neither has no colour. Ids are the workshop's: note ids as they are (edges point at
them), cluster ids as they are. A checked workshop never gives a note and a cluster one id; should
an unchecked one do so, `group-` goes in front of the cluster's (as often as needed), so the
canvas's node ids stay unique. Private notes are left out unless `include_private`, and so is every
link that touches a note left out. The same workshop always gives the same bytes.

The file is UTF-8 JSON, indented, written whole or not at all: a temporary file beside it,
flushed to disk, then moved into place; an existing file is kept unless `overwrite`. Nothing
here imports Qt.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from .. import model as m
from ..files import write_whole
from ..model.rules import is_colour

GROUP_PREFIX = "group-"


class CanvasError(Exception):
    """The canvas file cannot be written; `str()` is one sentence naming it."""


def _whole(value: float, what: str, key: str, *, least: int | None = None) -> int:
    if not math.isfinite(value):
        raise ValueError(f"{what} has {key} {value}, not a finite number")
    number = round(value)
    return number if least is None else max(least, number)


def _box(item: m.Note | m.Cluster, what: str) -> dict[str, int]:
    return {"x": _whole(item.x, what, "x"), "y": _whole(item.y, what, "y"),
            "width": _whole(item.w, what, "width", least=1),
            "height": _whole(item.h, what, "height", least=1)}


def board_canvas(workshop: m.Workshop, *, include_private: bool = False) -> dict[str, Any]:
    """The Discover board of `workshop` as a JSON Canvas document (see the module's notes).
    Raises `ValueError` for a position or size that is not a finite number (a checked workshop
    has none)."""
    board = workshop.discover
    colour_of = {d.id: d.color for d in workshop.departments if is_colour(d.color)}
    notes = [n for n in board.notes if include_private or not n.private]

    taken = {n.id for n in board.notes}  # every note's, so group ids do not depend on privacy
    groups: list[dict[str, Any]] = []
    for cluster in board.clusters:
        node_id = cluster.id
        while node_id in taken:
            node_id = GROUP_PREFIX + node_id
        taken.add(node_id)
        group: dict[str, Any] = {"id": node_id, "type": "group",
                                 **_box(cluster, f'cluster "{cluster.id}"')}
        if cluster.title:
            group["label"] = cluster.title
        groups.append(group)

    texts: list[dict[str, Any]] = []
    for note in notes:
        text: dict[str, Any] = {"id": note.id, "type": "text",
                                **_box(note, f'note "{note.id}"'), "text": note.text}
        colour = note.color if is_colour(note.color) else colour_of.get(note.department or "")
        if colour is not None:
            text["color"] = colour
        texts.append(text)

    shown = {n.id for n in notes}
    edges: list[dict[str, Any]] = []
    for link in board.links:
        if link.source not in shown or link.target not in shown:
            continue
        edge: dict[str, Any] = {"id": link.id, "fromNode": link.source, "toNode": link.target,
                                "toEnd": "arrow"}
        if link.label:
            edge["label"] = link.label
        edges.append(edge)
    return {"nodes": groups + texts, "edges": edges}


def dumps_canvas(document: dict[str, Any]) -> bytes:
    """A canvas document as the file's bytes: indented UTF-8 JSON and a final newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_canvas(workshop: m.Workshop, path: str | os.PathLike[str], *, overwrite: bool,
                 include_private: bool = False) -> tuple[int, int, int]:
    """Write the Discover board to `path` as JSON Canvas, whole or not at all, and return how
    many notes, groups and edges (links) it holds. Raises `CanvasError` naming `path` when it
    exists (and not `overwrite`), is a folder, or cannot be written."""
    name = os.fspath(path)
    try:
        document = board_canvas(workshop, include_private=include_private)
        data = dumps_canvas(document)
    except UnicodeEncodeError:
        raise CanvasError(f"{name} could not be written: a note holds text that is not valid "
                          "Unicode.") from None
    except ValueError as exc:
        raise CanvasError(f"{name} could not be written: {exc}.") from None
    out = Path(path)
    if out.is_dir():
        raise CanvasError(f"{name} is a folder; give a file name for the canvas.")
    if not overwrite and out.exists():
        raise CanvasError(f"{name} already exists; add --force to replace it.")
    write_whole(out, data, overwrite=overwrite, problem=CanvasError)
    nodes = document["nodes"]
    groups = sum(1 for node in nodes if node["type"] == "group")
    return len(nodes) - groups, groups, len(document["edges"])
