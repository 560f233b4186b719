"""The session file's identity and numbered migrations.

A `.cxw` file is SQLite with `PRAGMA application_id = APPLICATION_ID` and
`PRAGMA user_version` = the number of migrations applied. Migrations are listed in order in
`STEPS` and applied with sqlite-utils' `Migrations`, which records each in the ledger table
`_sqlite_migrations`; each one also bumps `user_version`. A migration, once released, is never
edited: the next change is a new migration.

Opening a file of the current version needs no migration, so sqlite-utils (60 ms of imports)
is loaded only when one runs; the expected layout is built from the same steps in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import Any

#: "CXWk" in ASCII; names a file as ours in bytes 68–71 of the SQLite header.
APPLICATION_ID = 0x4358576B

MIGRATION_SET = "cxworkshop"

# The ledger sqlite-utils' Migrations keeps, created by us in the form it accepts, so the
# layout of our files never depends on how a sqlite-utils release happens to write its DDL.
_LEDGER = (
    'CREATE TABLE "_sqlite_migrations" (id INTEGER PRIMARY KEY, migration_set TEXT, '
    "name TEXT, applied_at TEXT)",
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" '
    'ON "_sqlite_migrations" (migration_set, name)',
)

# Version 1 covers every section of INTERCHANGE v1. Tables are STRICT; list order is `pos`;
# references are deferred foreign keys so one transaction can write in any order, and a bug
# that would leave a dangling reference fails its transaction instead of damaging the file.
_V1 = """
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL, organisation TEXT NOT NULL, date TEXT, location TEXT NOT NULL,
    facilitator TEXT NOT NULL, current_stage TEXT NOT NULL
) STRICT;
CREATE TABLE department (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, name TEXT NOT NULL, color TEXT
) STRICT;
CREATE TABLE participant (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, name TEXT NOT NULL,
    department TEXT REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL, senior INTEGER NOT NULL
) STRICT;
CREATE TABLE agenda_item (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, stage TEXT,
    minutes INTEGER NOT NULL, actual_minutes INTEGER
) STRICT;
CREATE TABLE cluster (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL
) STRICT;
CREATE TABLE note (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    department TEXT REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    dimension TEXT,
    author TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    cluster TEXT REFERENCES cluster(id) DEFERRABLE INITIALLY DEFERRED,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    color TEXT, private INTEGER NOT NULL
) STRICT;
CREATE TABLE link (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES note(id) DEFERRABLE INITIALLY DEFERRED,
    target TEXT NOT NULL REFERENCES note(id) DEFERRABLE INITIALLY DEFERRED,
    label TEXT NOT NULL
) STRICT;
CREATE TABLE instrument (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, scale TEXT NOT NULL
) STRICT;
CREATE TABLE statement (
    id TEXT PRIMARY KEY,
    instrument TEXT NOT NULL REFERENCES instrument(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL
) STRICT;
CREATE TABLE response (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    instrument TEXT NOT NULL REFERENCES instrument(id) DEFERRABLE INITIALLY DEFERRED,
    statement TEXT NOT NULL REFERENCES statement(id) DEFERRABLE INITIALLY DEFERRED,
    score INTEGER NOT NULL,
    department TEXT REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    participant TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    evidence TEXT NOT NULL, private INTEGER NOT NULL
) STRICT;
CREATE TABLE ambition (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cx_definition TEXT NOT NULL, vision TEXT NOT NULL, destination TEXT NOT NULL,
    horizon TEXT, approach TEXT, programme_name TEXT NOT NULL
) STRICT;
CREATE TABLE companion (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, name TEXT NOT NULL, side TEXT NOT NULL,
    role TEXT NOT NULL,
    department TEXT REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    note TEXT NOT NULL
) STRICT;
CREATE TABLE priorities (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dots_per_participant INTEGER NOT NULL, votes_revealed INTEGER NOT NULL,
    preamble TEXT NOT NULL
) STRICT;
CREATE TABLE improvement (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    impact INTEGER, effort INTEGER, status TEXT NOT NULL,
    accountable TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    measure TEXT NOT NULL
) STRICT;
CREATE TABLE improvement_note (
    improvement TEXT NOT NULL REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED,
    note TEXT NOT NULL REFERENCES note(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL,
    PRIMARY KEY (improvement, note)
) STRICT;
CREATE TABLE roadblock (
    improvement TEXT NOT NULL REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (improvement, pos)
) STRICT;
CREATE TABLE vote (
    improvement TEXT NOT NULL REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED,
    participant TEXT NOT NULL REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL, dots INTEGER NOT NULL,
    PRIMARY KEY (improvement, participant)
) STRICT;
CREATE TABLE decision (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, text TEXT NOT NULL,
    improvement TEXT REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED,
    date TEXT
) STRICT;
CREATE TABLE position (
    decision TEXT NOT NULL REFERENCES decision(id) DEFERRABLE INITIALLY DEFERRED,
    department TEXT NOT NULL REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL, stance TEXT NOT NULL, note TEXT NOT NULL,
    PRIMARY KEY (decision, department)
) STRICT;
CREATE TABLE contract_rule (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, text TEXT NOT NULL
) STRICT;
CREATE TABLE signature (
    department TEXT PRIMARY KEY REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL,
    participant TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    date TEXT
) STRICT;
CREATE TABLE blueprint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    start TEXT, "end" TEXT,
    operational_cadence TEXT NOT NULL, strategic_cadence TEXT,
    chair TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE TABLE milestone (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL,
    improvement TEXT REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED,
    lane TEXT REFERENCES department(id) DEFERRABLE INITIALLY DEFERRED,
    start TEXT NOT NULL, "end" TEXT NOT NULL,
    owner TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE TABLE measure (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
    baseline REAL, target REAL, due TEXT,
    owner TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    improvement TEXT REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE TABLE council_member (
    participant TEXT PRIMARY KEY REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    pos INTEGER NOT NULL
) STRICT;
CREATE TABLE council_agenda_item (
    pos INTEGER PRIMARY KEY, text TEXT NOT NULL
) STRICT;
CREATE TABLE action (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, text TEXT NOT NULL,
    owner TEXT REFERENCES participant(id) DEFERRABLE INITIALLY DEFERRED,
    due TEXT, status TEXT NOT NULL,
    improvement TEXT REFERENCES improvement(id) DEFERRABLE INITIALLY DEFERRED
) STRICT;
INSERT INTO workshop VALUES (1, '', '', NULL, '', '', 'discover');
INSERT INTO ambition VALUES (1, '', '', '', NULL, NULL, '');
INSERT INTO priorities VALUES (1, 5, 0, '');
INSERT INTO blueprint VALUES (1, NULL, NULL, 'monthly', 'quarterly', NULL);
"""


def _v1(db: Any) -> None:
    for statement in _statements(_V1):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")


def _statements(script: str) -> list[str]:
    """Split our own DDL script on ';' (it holds no semicolons inside strings)."""
    return [s.strip() for s in script.split(";") if s.strip()]


# Version 2 keeps the board's arrangement: which layout is shown ("free", "departments",
# "dimensions") and, while an arranged layout is shown, where each note stood in the free layout
# so "restore free layout" can put it back; and what is typed in the capture bar but not yet
# added (a crash must not lose it); and whether the dots were cast in a secret ballot (then
# nobody's own dots are ever shown). None of it is part of the interchange format. The
# indexes keep placing a captured note quick on a board of thousands: where it lands depends on
# the fullest lane (a count by department or dimension) and on the widest note.
_V2 = """
CREATE TABLE board (
    id INTEGER PRIMARY KEY CHECK (id = 1), arrangement TEXT NOT NULL,
    capture_draft TEXT NOT NULL, secret_ballot INTEGER NOT NULL
) STRICT;
INSERT INTO board VALUES (1, 'free', '', 0);
CREATE TABLE free_layout (
    note TEXT PRIMARY KEY REFERENCES note(id) DEFERRABLE INITIALLY DEFERRED,
    x REAL NOT NULL, y REAL NOT NULL
) STRICT;
CREATE INDEX note_by_department ON note(department);
CREATE INDEX note_by_dimension ON note(dimension);
CREATE INDEX note_by_width ON note(w);
"""


def _v2(db: Any) -> None:
    for statement in _statements(_V2):
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")


#: Every migration in order: (name, function taking anything with `.execute(sql)`).
STEPS: list[tuple[str, Callable[[Any], None]]] = [
    ("0001_every_section_of_interchange_v1", _v1),
    ("0002_board_arrangement", _v2),
]

#: The version this build writes: the number of migrations.
SCHEMA_VERSION = len(STEPS)


def _ensure_ledger(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone():
        return
    conn.execute("BEGIN")
    for ddl in _LEDGER:
        conn.execute(ddl)
    conn.execute("COMMIT")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply every pending migration, each in its own transaction with its version bump."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    _ensure_ledger(conn)
    migrations = Migrations(MIGRATION_SET)
    for name, step in STEPS:
        migrations(name=name)(step)
    # no plugins: files come from strangers, and plugins could run code on the connection
    migrations.apply(Database(conn, execute_plugins=False))


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """What `sqlite_master` holds in a file of ours at `version`, built afresh in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _ensure_ledger(conn)
        for _name, step in STEPS[:version]:
            step(conn)
        return read_schema(conn)
    finally:
        conn.close()


def read_schema(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(tuple(r) for r in rows)


def migration_names(version: int) -> list[str]:
    return [name for name, _step in STEPS[:version]]
