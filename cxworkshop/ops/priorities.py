"""Priorities: the improvements on the impact/effort matrix (with their linked Discover notes,
roadblocks and votes), dot voting, decisions with each department's stance, and the social
contract with its rules and signatures.

Every verb checks its values first and refuses in one sentence, writing nothing; then it
writes in one transaction and returns a `Batch`: one exact undo step. The budget and signing
rules are those of `model.priorities` (`check_vote`, `sign_problem`), not copies of them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from ..model import priorities as P
from ..model import rules
from ..model import vocabulary as V
from ..store import Session
from ..store import rows as R
from .batch import Batch, Recorder, delete_one, insert_new, move_row, update_one
from .core import OpError, id_for_new, list_index, new_id, require, whole
from .core import text as _text

SECTION = "priorities"
IMPROVEMENT_FIELDS = ("title", "description", "status", "accountable", "measure", "impact",
                      "effort")
DECISION_FIELDS = ("text", "improvement", "date")
MAX_DOTS = 99
TITLE_LENGTH = 80


def _today() -> str:
    return _dt.date.today().isoformat()


def _date(value: object, what: str) -> str | None:
    if value in ("", None):
        return None
    if not rules.is_date(value):
        raise OpError(f"The {what} is a date written like 2027-03-31, and {value!r} is not one.")
    return value


def _score(value: object, what: str, *, nullable: bool = True) -> int | None:
    if value is None and nullable:
        return None
    if not whole(value) or not 1 <= value <= 5:
        raise OpError(f"The {what} is a whole number from 1 to 5, and {value!r} is not one.")
    return value


def _improvement(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "improvement", oid, "improvement")


def _participant(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "participant", oid, "participant")


def _department(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "department", oid, "department")


def _decision(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "decision", oid, "decision")


def _rule(session: Session, oid: str) -> dict[str, Any]:
    return require(session, "contract_rule", oid, "rule in the social contract")


def _optional_improvement(session: Session, value: object) -> str | None:
    if value in ("", None):
        return None
    return _improvement(session, value)["id"]


def _note_ids(session: Session, note_ids: Iterable[str]) -> list[str]:
    """The notes named, each once, in the order given; unknown notes are refused."""
    if isinstance(note_ids, str):
        note_ids = [note_ids]
    out: list[str] = []
    for nid in note_ids:
        if R.get(session.conn, "note", {"id": nid}) is None:
            raise OpError(f'There is no note "{nid}" in this workshop.')
        if nid not in out:
            out.append(nid)
    return out


def _keys(session: Session, sql: str, args: tuple = ()) -> list[tuple]:
    return session.conn.execute(sql, args).fetchall()


# -- improvements -------------------------------------------------------------------------------


def _improvement_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in IMPROVEMENT_FIELDS:
            raise OpError(f"An improvement has no detail called {key!r}.")
        if key == "title":
            out[key] = _text(value, "improvement's title", required=True).strip()
        elif key in ("description", "measure"):
            out[key] = _text(value, "improvement's " + key)
        elif key == "status":
            if value not in V.IMPROVEMENT_STATUSES:
                raise OpError(f"An improvement is proposed, agreed or parked, and {value!r} is "
                              "none of those.")
            out[key] = value
        elif key == "accountable":
            out[key] = None if value in ("", None) else _participant(session, value)["id"]
        else:
            out[key] = _score(value, key)
    return out


def add_improvement(session: Session, title: str, description: str = "", *,
                    notes: Iterable[str] = (), status: str = "proposed",
                    index: int | None = None, id: str | None = None) -> Batch:
    """A new improvement (not yet placed on the matrix), linked to these Discover notes in
    this order; `index` places it among the others (by default last)."""
    values = _improvement_values(session, {"title": title, "description": description,
                                           "status": status})
    linked = _note_ids(session, notes)
    index = list_index(index)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        oid = id_for_new(session, "i", id)
        rec = Recorder(conn, batch)
        rec.insert("improvement", {"id": oid, **values, "impact": None, "effort": None,
                                   "accountable": None, "measure": ""}, index)
        for nid in linked:
            rec.insert("improvement_note", {"improvement": oid, "note": nid})
    batch.created.append(oid)
    return batch


def title_from(note_text: str) -> str:
    """A note's text on one line, cut at a word boundary to at most 80 characters."""
    line = " ".join(note_text.split())
    if len(line) <= TITLE_LENGTH:
        return line
    head = line[:TITLE_LENGTH]
    if line[TITLE_LENGTH] != " ":
        cut = head.rfind(" ")
        head = head[:cut] if cut > 0 else head
    return head.rstrip(" ,;:-–—")


def promote_notes(session: Session, note_ids: Iterable[str], title: str | None = None) -> Batch:
    """A new improvement made from these Discover notes, linked to them in the order given;
    without a title it takes the first note's text, cut short."""
    linked = _note_ids(session, note_ids)
    if not linked:
        raise OpError("Choose at least one note to turn into an improvement.")
    if title is None:
        first = R.get(session.conn, "note", {"id": linked[0]})
        title = title_from(first["text"] if first else "")
        if not title:
            raise OpError("The first note has no text to name the improvement by; give it a "
                          "title.")
    return add_improvement(session, title, notes=linked)


def edit_improvement(session: Session, improvement: str, **values: Any) -> Batch:
    """Change details of an improvement: title, description, status, accountable (a
    participant's id or None), measure, impact and effort (1–5 or None)."""
    _improvement(session, improvement)
    checked = _improvement_values(session, values)
    return update_one(session, SECTION, "improvement", {"id": improvement}, checked)


def place_improvement(session: Session, improvement: str, impact: int, effort: int) -> Batch:
    """Put an improvement on the matrix (the drag): impact and effort from 1 to 5."""
    _improvement(session, improvement)
    values = {"impact": _score(impact, "impact", nullable=False),
              "effort": _score(effort, "effort", nullable=False)}
    return update_one(session, SECTION, "improvement", {"id": improvement}, values)


def set_roadblocks(session: Session, improvement: str, texts: Iterable[str]) -> Batch:
    """Replace the improvement's roadblocks with these, in order; blank ones are left out."""
    _improvement(session, improvement)
    if isinstance(texts, str):
        texts = [texts]
    new = [_text(t, "roadblock").strip() for t in texts]
    new = [t for t in new if t]
    old = [t for (t,) in _keys(session, "SELECT text FROM roadblock WHERE improvement = ? "
                                        "ORDER BY pos", (improvement,))]
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for pos in range(min(len(old), len(new))):
            rec.update("roadblock", {"improvement": improvement, "pos": pos}, {"text": new[pos]})
        for pos in range(len(old) - 1, len(new) - 1, -1):
            rec.delete("roadblock", {"improvement": improvement, "pos": pos})
        for t in new[len(old):]:
            rec.insert("roadblock", {"improvement": improvement, "text": t})
    return batch


def link_notes(session: Session, improvement: str, note_ids: Iterable[str]) -> Batch:
    """Replace the Discover notes linked to an improvement with these, in this order."""
    _improvement(session, improvement)
    new = _note_ids(session, note_ids)
    old = [n for (n,) in _keys(session, "SELECT note FROM improvement_note WHERE improvement = ? "
                                        "ORDER BY pos", (improvement,))]
    batch = Batch(SECTION)
    if new == old:
        return batch
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for nid in reversed(old):
            rec.delete("improvement_note", {"improvement": improvement, "note": nid})
        for nid in new:
            rec.insert("improvement_note", {"improvement": improvement, "note": nid})
    return batch


def delete_improvement(session: Session, improvement: str) -> Batch:
    """Delete an improvement with its note links, roadblocks and votes; decisions, actions,
    milestones and measures that named it keep going without it."""
    _improvement(session, improvement)
    return delete_one(session, SECTION, "improvement", {"id": improvement})


# -- dot voting ---------------------------------------------------------------------------------


def _spent(session: Session) -> list[tuple[str, str, int]]:
    """(participant id, name, dots placed) for everyone with a vote, in participant order."""
    return _keys(session, "SELECT p.id, p.name, sum(v.dots) FROM vote v JOIN participant p "
                          "ON p.id = v.participant GROUP BY p.id ORDER BY p.pos")


def set_dots_per_participant(session: Session, n: int) -> Batch:
    """How many dots each participant may place (1 to 99)."""
    if not whole(n) or not 1 <= n <= MAX_DOTS:
        raise OpError(f"Each participant gets a whole number of dots from 1 to {MAX_DOTS}, and "
                      f"{n!r} is not one.")
    over = [(name, dots) for _pid, name, dots in _spent(session) if dots > n]
    if over:
        if len(over) == 1:
            name, dots = over[0]
            raise OpError(f"{name} has already placed {dots} dots, more than {n}; take some off "
                          "or clear their votes first.")
        who = ", ".join(f"{name} {dots}" for name, dots in over)
        raise OpError(f"These participants have already placed more than {n} dots: {who}; take "
                      "some off or clear their votes first.")
    return update_one(session, SECTION, "priorities", {"id": 1}, {"dots_per_participant": n})


def set_vote(session: Session, participant: str, improvement: str, dots: int) -> Batch:
    """Put `dots` of the participant's dots on the improvement, replacing what they had on it;
    0 takes their vote off it."""
    _participant(session, participant)
    _improvement(session, improvement)
    w = session.load(("participants", "priorities"))
    problem = P.check_vote(w.priorities, participant, improvement, dots, w.participants)
    if problem:
        raise OpError(problem)
    key = {"improvement": improvement, "participant": participant}
    current = R.get(session.conn, "vote", key)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        if dots == 0:
            if current is not None:
                rec.delete("vote", key)
        elif current is None:
            rec.insert("vote", {**key, "dots": dots})
        else:
            rec.update("vote", key, {"dots": dots})
    return batch


def clear_votes(session: Session, participant: str | None = None) -> Batch:
    """Take every dot off every improvement, or only this participant's (for a re-vote)."""
    sql, args = "", ()
    if participant is not None:
        _participant(session, participant)
        sql, args = "WHERE v.participant = ?", (participant,)
    found = _keys(session, "SELECT v.improvement, v.participant FROM vote v JOIN improvement i "
                           f"ON i.id = v.improvement {sql} ORDER BY i.pos, v.pos DESC", args)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        for imp, pid in found:
            rec.delete("vote", {"improvement": imp, "participant": pid})
        if participant is None:  # a fresh start: the next votes are open unless balloted
            rec.update("board", {"id": 1}, {"secret_ballot": 0})
    return batch


def secret_ballot(session: Session) -> bool:
    """Whether the dots were cast in a secret ballot: then no screen shows whose they are."""
    row = session.conn.execute("SELECT secret_ballot FROM board WHERE id = 1").fetchone()
    return bool(row and row[0])


def begin_ballot(session: Session) -> Batch:
    """Start a secret ballot: the tally is hidden, and from now on nobody's own dots show."""
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.update("priorities", {"id": 1}, {"votes_revealed": 0})
        rec.update("board", {"id": 1}, {"secret_ballot": 1})
    return batch


def reveal_votes(session: Session, revealed: bool) -> Batch:
    """Show the dots to the room (True) or hide them again while people vote (False)."""
    if not isinstance(revealed, bool):
        raise OpError("Votes are either revealed or hidden.")
    return update_one(session, SECTION, "priorities", {"id": 1}, {"votes_revealed": int(revealed)})


def ballot_text(session: Session, question: str) -> str:
    """The question followed by the tally on one line, most dots first, no-dot ones left out."""
    w = session.load(("priorities",))
    counts = [f"{imp.title} {n}" for imp, n in P.tally(w.priorities.improvements) if n > 0]
    return f"{question} — Tally: {', '.join(counts)}"


def close_ballot(session: Session, question: str, *, date: str | None = None) -> Batch:
    """Reveal the votes and record a decision holding the question and the tally; the date is
    today unless given."""
    question = " ".join(_text(question, "ballot's question", required=True).split())
    day = _date(date, "ballot's date") or _today()
    if not _keys(session, "SELECT 1 FROM vote WHERE dots > 0 LIMIT 1"):
        raise OpError("Nobody has placed a dot yet, so there is no ballot to close.")
    line = ballot_text(session, question)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        rec.update("priorities", {"id": 1}, {"votes_revealed": 1})
        oid = new_id(session, "d")
        rec.insert("decision", {"id": oid, "text": line, "improvement": None, "date": day})
    batch.created.append(oid)
    return batch


# -- decisions ----------------------------------------------------------------------------------


def _decision_values(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in DECISION_FIELDS:
            raise OpError(f"A decision has no detail called {key!r}.")
        if key == "text":
            out[key] = _text(value, "decision's text", required=True).strip()
        elif key == "improvement":
            out[key] = _optional_improvement(session, value)
        else:
            out[key] = _date(value, "decision's date")
    return out


def add_decision(session: Session, text: str, *, improvement: str | None = None,
                 date: str | None = None, index: int | None = None) -> Batch:
    """Record a decision, about an improvement or not, with its date (None: no date)."""
    values = _decision_values(session, {"text": text, "improvement": improvement,
                                        "date": date})
    index = list_index(index)
    return insert_new(session, SECTION, "decision", "d", values, index)


def edit_decision(session: Session, decision: str, **values: Any) -> Batch:
    """Change a decision's text, improvement (an id or None) or date (ISO or None)."""
    _decision(session, decision)
    checked = _decision_values(session, values)
    return update_one(session, SECTION, "decision", {"id": decision}, checked)


def set_stance(session: Session, decision: str, department: str, stance: str | None,
               note: str = "") -> Batch:
    """Where a department stands on a decision: agree, reservations or disagree, with a note;
    None takes its position off."""
    _decision(session, decision)
    _department(session, department)
    if stance is not None and stance not in V.STANCES:
        raise OpError(f"A department agrees, has reservations or disagrees, and {stance!r} "
                      "is none of those.")
    note = _text(note, "note with the stance")
    key = {"decision": decision, "department": department}
    current = R.get(session.conn, "position", key)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        rec = Recorder(conn, batch)
        if stance is None:
            if current is not None:
                rec.delete("position", key)
        elif current is None:
            rec.insert("position", {**key, "stance": stance, "note": note})
        else:
            rec.update("position", key, {"stance": stance, "note": note})
    return batch


def delete_decision(session: Session, decision: str) -> Batch:
    """Delete a decision with every department's position on it."""
    _decision(session, decision)
    return delete_one(session, SECTION, "decision", {"id": decision})


# -- the social contract ------------------------------------------------------------------------


def set_preamble(session: Session, text: str) -> Batch:
    value = _text(text, "preamble")
    return update_one(session, SECTION, "priorities", {"id": 1}, {"preamble": value})


def add_rule(session: Session, text: str, *, index: int | None = None) -> Batch:
    """A rule of the social contract; `index` places it among the others (by default last)."""
    value = _text(text, "rule", required=True).strip()
    index = list_index(index)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        oid = new_id(session, "rule")
        Recorder(conn, batch).insert("contract_rule", {"id": oid, "text": value}, index)
    batch.created.append(oid)
    return batch


def edit_rule(session: Session, rule: str, text: str) -> Batch:
    _rule(session, rule)
    value = _text(text, "rule", required=True).strip()
    return update_one(session, SECTION, "contract_rule", {"id": rule}, {"text": value})


def move_rule(session: Session, rule: str, index: int) -> Batch:
    """Move a rule to `index` (0 is first) in the contract's order."""
    return move_row(session, SECTION, "contract_rule", _rule(session, rule), index, "rule")


def delete_rule(session: Session, rule: str) -> Batch:
    """Take a rule out of the contract; signatures already given stay."""
    _rule(session, rule)
    return delete_one(session, SECTION, "contract_rule", {"id": rule})


def sign(session: Session, department: str, participant: str | None = None,
         date: str | None = None) -> Batch:
    """A department signs the contract, through one of its participants if named; the date is
    today unless given."""
    _department(session, department)
    if participant is not None:
        _participant(session, participant)
    day = _date(date, "signature's date") or _today()
    w = session.load(("departments", "participants", "priorities"))
    problem = P.sign_problem(w.priorities.social_contract, department, participant,
                             w.participants, w.departments)
    if problem:
        raise OpError(problem)
    batch = Batch(SECTION)
    with session.atomic() as conn:
        Recorder(conn, batch).insert("signature", {"department": department,
                                                   "participant": participant, "date": day})
    return batch


def unsign(session: Session, department: str) -> Batch:
    """Take a department's signature off the contract."""
    row = _department(session, department)
    if R.get(session.conn, "signature", {"department": department}) is None:
        raise OpError(f"{row['name']} has not signed the contract.")
    return delete_one(session, SECTION, "signature", {"department": department})
