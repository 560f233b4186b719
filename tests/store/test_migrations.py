"""The file says which program made it and which version of the layout it has; an older file
is brought up to date on open (after a backup), or in memory when it may not be written.

"An older build" is this build with its later migrations taken away: `schema.STEPS` cut to its
first migration and `SCHEMA_VERSION` set to match, for as long as it takes to make a file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from cxworkshop import ops
from cxworkshop.store import APPLICATION_ID, SCHEMA_VERSION, Session, SessionFileError, schema

from ..model.samples import full_workshop
from .files import assert_one_sentence, folder_state, make_file, pragma, side_files


@contextlib.contextmanager
def build_with(steps: list[tuple[str, Callable[[Any], None]]]) -> Iterator[None]:
    """Run the block as a build whose migrations are `steps`; the real ones come back after."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(schema, "STEPS", steps)
        mp.setattr(schema, "SCHEMA_VERSION", len(steps))
        schema.expected_schema.cache_clear()
        try:
            yield
        finally:
            schema.expected_schema.cache_clear()
    schema.expected_schema.cache_clear()


def make_v1_file(path: Path) -> Path:
    """A file as the build before the board's arrangement (migration 0002) wrote it."""
    with build_with(schema.STEPS[:1]):
        make_file(path)
    assert schema.SCHEMA_VERSION == 2  # the real build is back
    assert pragma(path, "user_version") == 1
    assert "board" not in _tables(path)
    return path


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _layout(path: Path) -> frozenset:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return schema.read_schema(conn)
    finally:
        conn.close()


def test_this_build_has_the_board_migration():
    assert SCHEMA_VERSION == 2
    assert schema.migration_names(2) == ["0001_every_section_of_interchange_v1",
                                         "0002_board_arrangement"]


def test_a_fresh_file_names_itself_and_its_version(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID
    header = path.read_bytes()[:100]
    assert header[68:72] == b"CXWk"
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert header[18:20] == b"\x01\x01"  # at rest: a rollback journal, one self-contained file


def test_a_fresh_file_shows_its_board_as_placed(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    assert _query(path, "SELECT id, arrangement FROM board") == [(1, "free")]
    assert _query(path, "SELECT * FROM free_layout") == []


def test_the_version_history_lists_every_migration(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert names == schema.migration_names(SCHEMA_VERSION)
    assert len(names) == SCHEMA_VERSION


def test_opening_a_v1_file_migrates_it_after_a_backup(tmp_path):
    path = make_v1_file(tmp_path / "w.cxw")
    v1_bytes = path.read_bytes()

    with Session.open(path) as s:
        assert not s.read_only
        assert not s.migrated_in_memory
        assert s.load() == full_workshop()
        assert ops.discover.arrangement(s) == "free"
    assert pragma(path, "user_version") == 2
    assert pragma(path, "application_id") == APPLICATION_ID
    assert _query(path, "SELECT id, arrangement FROM board") == [(1, "free")]
    assert _query(path, "SELECT * FROM free_layout") == []
    assert [r[0] for r in _query(path, "SELECT name FROM _sqlite_migrations ORDER BY id")] == \
        schema.migration_names(2)
    # laid out exactly like a file this build made itself
    assert _layout(path) == _layout(make_file(tmp_path / "fresh.cxw"))
    with Session.open(path) as s:  # a migrated file is an ordinary v2 file
        assert s.load() == full_workshop()
        ops.discover.arrange(s, "departments")  # and the board can use its new tables
    assert _query(path, "SELECT arrangement FROM board") == [("departments",)]

    backup = tmp_path / "w.cxw.v1.bak"
    assert backup.exists()
    assert pragma(backup, "user_version") == 1
    assert pragma(backup, "application_id") == APPLICATION_ID
    assert not {"board", "free_layout"} & _tables(backup)
    bak = sqlite3.connect(backup)
    assert bak.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert bak.execute("SELECT title FROM workshop").fetchone()[0] == "Customer journey day"
    bak.close()
    assert len(backup.read_bytes()) == len(v1_bytes)


def test_the_backup_opens_as_the_workshop_it_was(tmp_path):
    path = make_v1_file(tmp_path / "w.cxw")
    Session.open(path).close()
    backup = tmp_path / "w.cxw.v1.bak"
    with Session.open(backup, read_only=True) as s:
        assert s.migrated_in_memory
        assert s.load() == full_workshop()


def test_a_read_only_v1_file_is_migrated_in_memory_and_left_alone(tmp_path):
    path = make_v1_file(tmp_path / "w.cxw")
    os.chmod(path, 0o444)
    try:
        before = folder_state(tmp_path)
        with Session.open(path) as s:
            assert s.read_only
            assert s.migrated_in_memory
            assert s.load() == full_workshop()
            found = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
            assert {"board", "free_layout"} <= found
            assert ops.discover.arrangement(s) == "free"
            with pytest.raises(SessionFileError):
                ops.discover.arrange(s, "departments")
        assert folder_state(tmp_path) == before  # no backup, no journal, not a byte changed
        assert side_files(path) == []
        assert pragma(path, "user_version") == 1
    finally:
        os.chmod(path, 0o644)


def _add_index_v3(db: Database) -> None:
    db.execute("CREATE INDEX note_by_kind ON note (kind)")
    db.execute("PRAGMA user_version = 3")


def test_a_file_from_the_future_is_refused_by_this_build(tmp_path):
    path = tmp_path / "w.cxw"
    with build_with([*schema.STEPS, ("0003_index_notes_by_kind", _add_index_v3)]):
        make_file(path)
        with Session.open(path) as s:  # the newer build itself reads it
            assert s.load() == full_workshop()
    assert pragma(path, "user_version") == 3
    assert schema.SCHEMA_VERSION == 2
    before = folder_state(tmp_path)
    with pytest.raises(SessionFileError) as err:
        Session.open(path)
    assert_one_sentence(str(err.value), path)
    assert "saved by a newer CX Workshop (file version 3; this one reads up to 2)" in str(err.value)
    assert folder_state(tmp_path) == before  # no backup, no lock left, not a byte changed


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    """A migration that breaks halfway rolls back: the file stays a good v1 file."""
    path = make_v1_file(tmp_path / "w.cxw")
    v1_bytes = path.read_bytes()

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE board (id INTEGER PRIMARY KEY, arrangement TEXT) STRICT")
        db.execute("CREATE INDEX half_done ON note (kind)")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(schema, "STEPS", [schema.STEPS[0], ("0002_board_arrangement", broken)])
    with pytest.raises(SessionFileError) as err:
        Session.open(path)
    assert_one_sentence(str(err.value), path)
    assert pragma(path, "user_version") == 1
    assert not {"board", "half_done"} & {r[0] for r in _query(path, "SELECT name FROM sqlite_master")}
    assert side_files(path) == []
    assert path.read_bytes() == v1_bytes

    monkeypatch.undo()  # the fixed build migrates it as if nothing had happened
    schema.expected_schema.cache_clear()
    with Session.open(path) as s:
        assert s.load() == full_workshop()
    assert pragma(path, "user_version") == 2
