"""Whole-workshop reads and writes: the session file ⇄ a `Workshop` value."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from .. import model as m
from . import tables as T


def _rows(conn: sqlite3.Connection, table: T.Table) -> list[dict[str, Any]]:
    cur = conn.execute(f"SELECT * FROM {T.quote(table.name)} ORDER BY pos, rowid")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _single(conn: sqlite3.Connection, table: T.Table) -> dict[str, Any]:
    rows = _rows_single(conn, table)
    if len(rows) != 1:
        raise T.BadValue(f"table {table.name} holds {len(rows)} rows instead of one")
    table.check({**rows[0], "pos": 0})
    return rows[0]


def _rows_single(conn, table):
    cur = conn.execute(f"SELECT * FROM {T.quote(table.name)}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _children(conn, table: T.Table) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(conn, table):
        table.check(row)
        grouped[row[table.parent]].append(row)
    return grouped


#: The top-level sections of a workshop, as named by `Workshop`'s fields.
SECTIONS = ("workshop", "departments", "participants", "agenda", "discover", "diagnostics",
            "ambition", "priorities", "blueprint", "actions")


def read_workshop(conn: sqlite3.Connection,
                  sections: tuple[str, ...] | None = None) -> m.Workshop:
    """Read every section, or only `sections` (the others are left empty), e.g. to refresh
    one screen without reading a 10,000-note board. Raises `tables.BadValue` (or sqlite3
    errors) on a damaged file."""

    def objects(table: T.Table) -> list[Any]:
        return [table.from_row(r) for r in _rows(conn, table)]

    w = m.Workshop()
    wanted = set(SECTIONS if sections is None else sections)
    if unknown := wanted - set(SECTIONS):
        raise ValueError(f"no section called {sorted(unknown)[0]!r}")
    if "workshop" in wanted:
        info = _single(conn, T.WORKSHOP)
        w.workshop = m.WorkshopInfo(**{k: info[k] for k in T.WORKSHOP.columns})
    if "departments" in wanted:
        w.departments = objects(T.DEPARTMENT)
    if "participants" in wanted:
        w.participants = objects(T.PARTICIPANT)
    if "agenda" in wanted:
        w.agenda = objects(T.AGENDA_ITEM)
    if "discover" in wanted:
        w.discover = m.Discover(objects(T.NOTE), objects(T.CLUSTER), objects(T.LINK))
    if "diagnostics" in wanted:
        statements = _children(conn, T.STATEMENT)
        instruments = objects(T.INSTRUMENT)
        for ins in instruments:
            ins.statements = [T.STATEMENT.from_row(r) for r in statements.pop(ins.id, [])]
        if statements:
            raise T.BadValue("statements belong to an instrument that does not exist")
        w.diagnostics = m.Diagnostics(instruments, objects(T.RESPONSE))
    if "ambition" in wanted:
        am = _single(conn, T.AMBITION)
        w.ambition = m.Ambition(**{k: am[k] for k in T.AMBITION.columns},
                                companions=objects(T.COMPANION))
    if "priorities" in wanted:
        w.priorities = _read_priorities(conn, objects)
    if "blueprint" in wanted:
        bp = _single(conn, T.BLUEPRINT)
        members = _rows(conn, T.COUNCIL_MEMBER)
        agenda = _rows(conn, T.COUNCIL_AGENDA_ITEM)
        for r in members:
            T.COUNCIL_MEMBER.check(r)
        for r in agenda:
            T.COUNCIL_AGENDA_ITEM.check(r)
        council = m.Council(
            bp["operational_cadence"], bp["strategic_cadence"], bp["chair"],
            [r["participant"] for r in members], [r["text"] for r in agenda],
        )
        w.blueprint = m.Blueprint(bp["start"], bp["end"], objects(T.MILESTONE),
                                  objects(T.MEASURE), council)
    if "actions" in wanted:
        w.actions = objects(T.ACTION)
    return w


def _read_priorities(conn: sqlite3.Connection, objects) -> m.Priorities:
    pr = _single(conn, T.PRIORITIES)
    notes = _children(conn, T.IMPROVEMENT_NOTE)
    roadblocks = _children(conn, T.ROADBLOCK)
    votes = _children(conn, T.VOTE)
    improvements = objects(T.IMPROVEMENT)
    for imp in improvements:
        imp.notes = [r["note"] for r in notes.pop(imp.id, [])]
        imp.roadblocks = [r["text"] for r in roadblocks.pop(imp.id, [])]
        imp.votes = [T.VOTE.from_row(r) for r in votes.pop(imp.id, [])]
    if notes or roadblocks or votes:
        raise T.BadValue("rows belong to an improvement that does not exist")
    positions = _children(conn, T.POSITION)
    decisions = objects(T.DECISION)
    for dec in decisions:
        dec.positions = [T.POSITION.from_row(r) for r in positions.pop(dec.id, [])]
    if positions:
        raise T.BadValue("stances belong to a decision that does not exist")
    contract = m.SocialContract(pr["preamble"], objects(T.CONTRACT_RULE), objects(T.SIGNATURE))
    return m.Priorities(pr["dots_per_participant"], bool(pr["votes_revealed"]), improvements,
                        decisions, contract)


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT INTO {T.quote(table)} ({', '.join(map(T.quote, cols))}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _set_single(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{T.quote(k)} = ?" for k in values)
    conn.execute(f"UPDATE {T.quote(table)} SET {sets} WHERE id = 1", tuple(values.values()))


def write_workshop(conn: sqlite3.Connection, w: m.Workshop) -> None:
    """Replace everything in the file with `w`. The caller holds the transaction."""
    for name in reversed(list(T.LIST_TABLES)):
        conn.execute(f"DELETE FROM {T.quote(name)}")

    def put(table: T.Table, items, parent: str | None = None) -> None:
        _insert_many(conn, table.name, [table.to_row(o, i, parent) for i, o in enumerate(items)])

    info = w.workshop
    _set_single(conn, "workshop", {k: getattr(info, k) for k in T.WORKSHOP.columns})
    put(T.DEPARTMENT, w.departments)
    put(T.PARTICIPANT, w.participants)
    put(T.AGENDA_ITEM, w.agenda)
    put(T.CLUSTER, w.discover.clusters)
    put(T.NOTE, w.discover.notes)
    put(T.LINK, w.discover.links)
    put(T.INSTRUMENT, w.diagnostics.instruments)
    for ins in w.diagnostics.instruments:
        put(T.STATEMENT, ins.statements, ins.id)
    put(T.RESPONSE, w.diagnostics.responses)
    am = w.ambition
    _set_single(conn, "ambition", {k: getattr(am, k) for k in T.AMBITION.columns})
    put(T.COMPANION, am.companions)
    pr = w.priorities
    _set_single(conn, "priorities", {
        "dots_per_participant": pr.dots_per_participant,
        "votes_revealed": int(pr.votes_revealed),
        "preamble": pr.social_contract.preamble,
    })
    put(T.IMPROVEMENT, pr.improvements)
    for imp in pr.improvements:
        _insert_many(conn, "improvement_note", [
            {"improvement": imp.id, "note": n, "pos": i} for i, n in enumerate(imp.notes)])
        _insert_many(conn, "roadblock", [
            {"improvement": imp.id, "text": t, "pos": i} for i, t in enumerate(imp.roadblocks)])
        put(T.VOTE, imp.votes, imp.id)
    put(T.DECISION, pr.decisions)
    for dec in pr.decisions:
        put(T.POSITION, dec.positions, dec.id)
    put(T.CONTRACT_RULE, pr.social_contract.rules)
    put(T.SIGNATURE, pr.social_contract.signatures)
    bp = w.blueprint
    co = bp.council
    _set_single(conn, "blueprint", {
        "start": bp.start, "end": bp.end, "operational_cadence": co.operational_cadence,
        "strategic_cadence": co.strategic_cadence, "chair": co.chair,
    })
    put(T.MILESTONE, bp.milestones)
    put(T.MEASURE, bp.measures)
    _insert_many(conn, "council_member",
                 [{"participant": p, "pos": i} for i, p in enumerate(co.members)])
    _insert_many(conn, "council_agenda_item",
                 [{"pos": i, "text": t} for i, t in enumerate(co.agenda)])
    put(T.ACTION, w.actions)
