"""The file says which program made it and which version of the layout it has; an older file
is brought up to date on open (after a backup), or in memory when it may not be written."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlite_utils import Database

from cxworkshop.store import APPLICATION_ID, SCHEMA_VERSION, Session, SessionFileError, schema

from ..model.samples import full_workshop
from .files import assert_one_sentence, folder_state, make_file, pragma, side_files


def test_a_fresh_file_names_itself_and_its_version(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID
    header = path.read_bytes()[:100]
    assert header[68:72] == b"CXWk"
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert header[18:20] == b"\x01\x01"  # at rest: a rollback journal, one self-contained file


def test_the_version_history_lists_every_migration(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert names == schema.migration_names(SCHEMA_VERSION)
    assert len(names) == SCHEMA_VERSION


def _add_index_v2(db: Database) -> None:
    db.execute("CREATE INDEX note_by_department ON note (department)")
    db.execute("PRAGMA user_version = 2")


@pytest.fixture
def version_2(monkeypatch):
    """Pretend this build has a second migration; everything is put back afterwards."""
    assert SCHEMA_VERSION == 1, "rewrite this fixture when a real second migration exists"

    def install() -> None:
        monkeypatch.setattr(
            schema, "STEPS", [*schema.STEPS, ("0002_index_notes_by_department", _add_index_v2)])
        monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
        schema.expected_schema.cache_clear()

    yield install
    monkeypatch.undo()
    schema.expected_schema.cache_clear()


def _indexes(path) -> set[str]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def test_opening_a_v1_file_migrates_it_after_a_backup(tmp_path, version_2):
    path = make_file(tmp_path / "w.cxw")
    v1_bytes = path.read_bytes()
    version_2()

    with Session.open(path) as s:
        assert not s.read_only
        assert not s.migrated_in_memory
        assert s.load() == full_workshop()
    assert pragma(path, "user_version") == 2
    assert pragma(path, "application_id") == APPLICATION_ID
    assert "note_by_department" in _indexes(path)
    with Session.open(path) as s:  # a migrated file is an ordinary v2 file
        assert s.load() == full_workshop()

    backup = tmp_path / "w.cxw.v1.bak"
    assert backup.exists()
    assert pragma(backup, "user_version") == 1
    assert pragma(backup, "application_id") == APPLICATION_ID
    assert "note_by_department" not in _indexes(backup)
    bak = sqlite3.connect(backup)
    assert bak.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert bak.execute("SELECT title FROM workshop").fetchone()[0] == "Customer journey day"
    bak.close()
    assert len(backup.read_bytes()) == len(v1_bytes)


def test_a_read_only_v1_file_is_migrated_in_memory_and_left_alone(tmp_path, version_2):
    path = make_file(tmp_path / "w.cxw")
    os.chmod(path, 0o444)
    try:
        version_2()
        before = folder_state(tmp_path)
        with Session.open(path) as s:
            assert s.read_only
            assert s.migrated_in_memory
            assert s.load() == full_workshop()
            found = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
            assert "note_by_department" in found
        assert folder_state(tmp_path) == before  # no backup, no journal, not a byte changed
        assert side_files(path) == []
        assert pragma(path, "user_version") == 1
    finally:
        os.chmod(path, 0o644)


def test_a_file_from_the_future_is_refused_by_an_older_build(tmp_path, version_2, monkeypatch):
    path = tmp_path / "w.cxw"
    version_2()
    make_file(path)
    assert pragma(path, "user_version") == 2
    monkeypatch.undo()
    schema.expected_schema.cache_clear()
    assert schema.SCHEMA_VERSION == 1
    before = path.read_bytes()
    with pytest.raises(SessionFileError) as err:
        Session.open(path)
    assert_one_sentence(str(err.value), path)
    assert "saved by a newer CX Workshop (file version 2; this one reads up to 1)" in str(err.value)
    assert path.read_bytes() == before


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path, version_2, monkeypatch):
    """A migration that breaks halfway rolls back: the file stays a good v1 file."""
    path = make_file(tmp_path / "w.cxw")
    version_2()

    def broken(db: Database) -> None:
        db.execute("CREATE INDEX half_done ON note (kind)")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS[:-1], (schema.STEPS[-1][0], broken)])
    with pytest.raises(SessionFileError) as err:
        Session.open(path)
    assert_one_sentence(str(err.value), path)
    assert pragma(path, "user_version") == 1
    assert "half_done" not in _indexes(path)
    assert side_files(path) == []
