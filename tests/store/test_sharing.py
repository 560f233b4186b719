"""Sharing a workshop is Save a Copy: the copy is one file that travels alone.

test_save_copy.py proves the copy is complete where it is made; these follow it to another
machine: only its bytes go (the original, its -wal, its lock and its folder stay behind, still
open), and it opens there from a read-only folder as the same workshop, with the same identity
and the same version history, without writing a byte beside itself.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from cxworkshop import ops
from cxworkshop.ops import discover as D
from cxworkshop.store import APPLICATION_ID, SCHEMA_VERSION, Session

from ..model.samples import full_workshop
from .files import SIDE_FILES, folder_state, make_file, side_files


def _ledger(path) -> list[tuple]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT id, migration_set, name FROM _sqlite_migrations ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def original(tmp_path):
    """The facilitator's file, open and just edited: the edits are still only in its -wal."""
    folder = tmp_path / "laptop"
    folder.mkdir()
    path = make_file(folder / "Customer journey day.cxw")
    s = Session.open(path)
    ops.edit_workshop(s, title="Customer journey day — after lunch")
    D.add_note(s, "Quotes take «three» weeks 😞", "d-sales", "barrier", private=True)
    assert os.path.getsize(f"{path}-wal") > 0
    yield s
    s.close()


class Stick:
    """A fresh folder to carry a file into; `seal()` makes it read-only."""

    def __init__(self, folder):
        self.folder = folder
        folder.mkdir()
        self.sealed = False

    def seal(self) -> None:
        os.chmod(self.folder, 0o555)
        self.sealed = True
        if os.access(self.folder, os.W_OK) and os.geteuid() != 0:
            pytest.skip("this filesystem ignores permission bits")


@pytest.fixture
def stick(tmp_path):
    made = Stick(tmp_path / "colleague")
    yield made
    if made.sealed:  # writable again, so tmp_path can be cleaned up
        os.chmod(made.folder, 0o755)


def test_a_copy_carried_alone_opens_read_only_on_another_machine(tmp_path, original, stick):
    expected = original.load()
    made = original.save_copy(tmp_path / "outbox.cxw")
    carried = stick.folder / "Customer journey day.cxw"
    shutil.copyfile(made, carried)  # the bytes and nothing else: no -wal, no lock, no folder
    assert sorted(p.name for p in stick.folder.iterdir()) == [carried.name]
    header = carried.read_bytes()[:100]
    assert header[18] == 1 and header[19] == 1  # rollback journal: no -wal or -shm wanted
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION  # user_version
    assert _ledger(carried) == _ledger(original.path)  # the same version history

    stick.seal()
    before = folder_state(stick.folder)
    with Session.open(carried) as there:  # while the original is still open on its laptop
        assert there.read_only and not there.migrated_in_memory
        assert there.load() == expected
        assert there.load().workshop.title == "Customer journey day — after lunch"
        assert any(n.private and "«three»" in n.text for n in there.load().discover.notes)
    assert folder_state(stick.folder) == before  # not a lock, journal or byte changed
    assert side_files(carried) == []


def test_the_copy_needs_nothing_of_the_original(tmp_path, original):
    """The original's folder goes away entirely (its -wal with it); the copy is whole."""
    expected = original.load()
    away = tmp_path / "away"
    away.mkdir()
    copy = original.save_copy(away / "shared.cxw")
    laptop = original.path.parent
    original.close()
    shutil.rmtree(laptop)
    with Session.open(copy) as s:
        assert not s.read_only  # a writable folder: the colleague may work on it
        assert s.load() == expected
        ops.edit_workshop(s, location="Their office")
    assert sorted(p.name for p in away.iterdir()) == ["shared.cxw"]  # closed: one file again
    with Session.open(copy, read_only=True) as s:
        assert s.load().workshop.location == "Their office"


def test_a_copy_of_a_colleagues_read_only_file_is_again_one_file(tmp_path, stick):
    """Passing a file on from a read-only stick (as received) gives the same kind of file."""
    received = make_file(stick.folder / "received.cxw")
    stick.seal()
    with Session.open(received) as s:
        assert s.read_only
        copy = s.save_copy(tmp_path / "passed on.cxw")
    assert [suffix for suffix in SIDE_FILES if (tmp_path / f"passed on.cxw{suffix}").exists()] \
        == []
    assert copy.read_bytes()[18:20] == b"\x01\x01"
    assert _ledger(copy) == _ledger(received)
    with Session.open(copy, read_only=True) as s:
        assert s.load() == full_workshop()

