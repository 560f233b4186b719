"""The workshop's actions as a CSV file a spreadsheet opens cleanly.

One row per action, in the workshop's order, after a header row; the columns are the action's
text, its owner's name, the owner's department, the due date (YYYY-MM-DD as stored), the status
(open, done or dropped, as stored) and the linked improvement's title. A reference that is not
set, or that names nothing in the workshop, is a blank cell.

The file is UTF-8 with a byte-order mark (Excel needs it to read UTF-8 rather than the local
code page), quoted as RFC 4180 says by the `csv` module, with CRLF line endings; a line break
inside a text stays inside its quoted cell.

Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
also one starting with a tab or a carriage return) as a formula, so anything a participant
typed could become one. Such a cell is written with a single apostrophe in front (`'=SUM(A1)`,
`'-2`), which spreadsheets show as plain text. This is the only change made to any text, and it
is made only here: the JSON export writes every text exactly as stored.

The file is written whole or not at all: a temporary file beside it, flushed to disk, then moved
into place; an existing file is kept unless `overwrite`. Nothing here imports Qt.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .. import model as m
from ..files import write_whole

HEADER = ["Action", "Owner", "Owner's department", "Due", "Status", "Improvement"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ActionsCsvError(Exception):
    """The CSV file cannot be written; `str()` is one sentence naming it."""


def safe_cell(text: str) -> str:
    """`text`, with an apostrophe in front if a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def actions_rows(workshop: m.Workshop) -> list[list[str]]:
    """The header, then one row per action in the workshop's order, every cell made safe."""
    departments = {d.id: d.name for d in workshop.departments}
    participants = {p.id: p for p in workshop.participants}
    improvements = {i.id: i.title for i in workshop.priorities.improvements}
    rows = [list(HEADER)]
    for action in workshop.actions:
        owner = participants.get(action.owner) if action.owner is not None else None
        department = (departments.get(owner.department, "")
                      if owner is not None and owner.department is not None else "")
        improvement = (improvements.get(action.improvement, "")
                       if action.improvement is not None else "")
        row = [action.text, owner.name if owner is not None else "", department,
               action.due or "", action.status, improvement]
        rows.append([safe_cell(cell) for cell in row])
    return rows


def dumps_actions_csv(workshop: m.Workshop) -> bytes:
    """The whole file as bytes: BOM, header, rows, each line ended by CRLF."""
    text = io.StringIO(newline="")
    csv.writer(text, dialect="excel", lineterminator="\r\n").writerows(actions_rows(workshop))
    return text.getvalue().encode("utf-8-sig")


def write_actions_csv(workshop: m.Workshop, path: str | os.PathLike[str], *,
                      overwrite: bool = False) -> None:
    """Write the actions to `path` as CSV, whole or not at all (see the module's notes).
    Raises `ActionsCsvError` naming `path` when it exists (and not `overwrite`) or cannot be
    written."""
    name = os.fspath(path)
    try:
        data = dumps_actions_csv(workshop)
    except UnicodeEncodeError:
        raise ActionsCsvError(f"{name} could not be written: an action holds text that is not "
                              "valid Unicode.") from None
    out = Path(path)
    if out.is_dir():
        raise ActionsCsvError(f"{name} is a folder; give a file name for the CSV.")
    if not overwrite and out.exists():
        raise ActionsCsvError(f"{name} already exists; add --force to replace it.")
    write_whole(out, data, overwrite=overwrite, problem=ActionsCsvError)
