"""Diagnostics: the instruments a workshop uses, and the scores and evidence the room gives.

A score belongs to a cell: one statement of one instrument, for one department (or for one
participant). A cell without a response is *not scored*; there is no zero. Clearing a score
removes the response, and the evidence written for it with it (undo brings both back).

Every verb is one transaction and returns a `Batch`, so it is one exact undo step.
"""

from __future__ import annotations

from typing import Any

from ..model import diagnostics as A
from ..model.workshop import Instrument
from ..store import Session
from ..store import rows as R
from .batch import Batch, Recorder, update_one
from .core import OpError, new_id, text

SECTION = "diagnostics"


def _rows(session: Session, sql: str, args: tuple = ()) -> list[dict[str, Any]]:
    cur = session.conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _instrument(session: Session, oid: str) -> dict[str, Any]:
    row = R.get(session.conn, "instrument", {"id": oid})
    if row is None:
        raise OpError(f'There is no instrument "{oid}" in this workshop.')
    return row


def _statement(session: Session, instrument: str, oid: str) -> dict[str, Any]:
    row = R.get(session.conn, "statement", {"id": oid})
    if row is None or row["instrument"] != instrument:
        raise OpError(f'The instrument "{instrument}" has no statement "{oid}".')
    return row


# -- instruments ------------------------------------------------------------------------------


def add_instrument(session: Session, instrument: Instrument) -> Batch:
    """Add a copy of an instrument (a built-in one, or one loaded from a file) to the workshop.
    A statement whose id is taken elsewhere in the file gets a new one."""
    if instrument.scale not in A.SCALES:
        raise OpError(f"{instrument.scale!r} is not a scale this app knows; use one of "
                      f"{', '.join(A.SCALES)}.")
    if not instrument.statements:
        raise OpError(f"The instrument “{instrument.title}” has no statements.")
    if R.get(session.conn, "instrument", {"id": instrument.id}) is not None:
        raise OpError(f"This workshop already uses the instrument “{instrument.title}”.")
    batch = Batch(SECTION)
    with session.atomic() as conn:
        # an id something else of this workshop has taken is replaced: ids are file-wide
        oid = instrument.id if not R.id_in_use(conn, instrument.id) else new_id(session, "in")
        rec = Recorder(conn, batch)
        rec.insert("instrument", {"id": oid, "title": text(instrument.title, "title"),
                                  "scale": instrument.scale})
        for s in instrument.statements:
            sid = s.id if not R.id_in_use(conn, s.id) else new_id(session, "st")
            rec.insert("statement", {"id": sid, "instrument": oid,
                                     "title": text(s.title, "statement's title"),
                                     "text": text(s.text, "statement's text")})
    batch.created.append(oid)
    return batch


def remove_instrument(session: Session, instrument: str) -> Batch:
    """Take an instrument out of the workshop, with its statements and every score given."""
    _instrument(session, instrument)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for (rid,) in conn.execute("SELECT id FROM response WHERE instrument = ? ORDER BY pos "
                                   "DESC", (instrument,)).fetchall():
            rec.delete("response", {"id": rid})
        for (sid,) in conn.execute("SELECT id FROM statement WHERE instrument = ? ORDER BY pos "
                                   "DESC", (instrument,)).fetchall():
            rec.delete("statement", {"id": sid})
        rec.delete("instrument", {"id": instrument})
    return batch


def edit_statement(session: Session, instrument: str, statement: str, *,
                   title: str | None = None, text_: str | None = None) -> Batch:
    """Rename a statement (a maturity area is named for each workshop) or reword it."""
    _statement(session, instrument, statement)
    values: dict[str, Any] = {}
    if title is not None:
        values["title"] = text(title, "statement's title", required=True).strip()
    if text_ is not None:
        values["text"] = text(text_, "statement's text")
    return update_one(session, SECTION, "statement", {"id": statement}, values)


# -- scores -------------------------------------------------------------------------------------


def _who(session: Session, department: str | None, participant: str | None) -> None:
    if (department is None) == (participant is None):
        raise OpError("A score is given for one department or for one participant.")
    if department is not None and R.get(session.conn, "department", {"id": department}) is None:
        raise OpError(f'There is no department "{department}" in this workshop.')
    if participant is not None and \
            R.get(session.conn, "participant", {"id": participant}) is None:
        raise OpError(f'There is no participant "{participant}" in this workshop.')


def response(session: Session, instrument: str, statement: str, *,
             department: str | None = None, participant: str | None = None
             ) -> dict[str, Any] | None:
    """The response in one cell, or None when it is not scored.

    A department's cell holds the response given for the department as a whole (naming no
    participant); a participant's cell holds the response naming that participant, whether or
    not it names their department too. Should a file hold two responses for one cell, the
    first in the file's order is the cell's."""
    if participant is not None:
        sql, args = "participant = ?", (participant,)
    else:
        sql, args = "department IS ? AND participant IS NULL", (department,)
    found = _rows(session, f"SELECT * FROM response WHERE instrument = ? AND statement = ? AND "
                           f"{sql} ORDER BY pos LIMIT 1", (instrument, statement, *args))
    return found[0] if found else None


def set_score(session: Session, instrument: str, statement: str, score: int | None, *,
              department: str | None = None, participant: str | None = None) -> Batch:
    """Score one cell; None clears it (and the evidence written for it)."""
    scale = _instrument(session, instrument)["scale"]
    _statement(session, instrument, statement)
    _who(session, department, participant)
    low, high = A.SCALES.get(scale, (1, 5))
    if score is not None and (isinstance(score, bool) or not isinstance(score, int)
                              or not low <= score <= high):
        raise OpError(f"A score on this instrument is a whole number from {low} to {high}.")
    current = response(session, instrument, statement, department=department,
                       participant=participant)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        if score is None:
            if current is not None:
                rec.delete("response", {"id": current["id"]})
        elif current is None:
            rid = new_id(session, "r")
            rec.insert("response", {"id": rid, "instrument": instrument, "statement": statement,
                                    "score": score, "department": department,
                                    "participant": participant, "evidence": "",
                                    "private": 0})
            batch.created.append(rid)
        else:
            rec.update("response", {"id": current["id"]}, {"score": score})
    return batch


def set_evidence(session: Session, instrument: str, statement: str, evidence: str, *,
                 department: str | None = None, participant: str | None = None,
                 private: bool | None = None) -> Batch:
    """Write the evidence behind a score (what was seen or said that backs it); `private`
    keeps it off the projected results (evidence about a person)."""
    evidence = text(evidence, "evidence").strip()
    current = response(session, instrument, statement, department=department,
                       participant=participant)
    if current is None:
        raise OpError("Score this cell first: evidence is written for a score.")
    values: dict[str, Any] = {"evidence": evidence}
    if private is not None:
        values["private"] = int(bool(private))
    return update_one(session, SECTION, "response", {"id": current["id"]}, values)
