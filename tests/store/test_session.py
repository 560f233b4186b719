"""An open session: edits are grouped in transactions, and a closed file is one file again."""

from __future__ import annotations

import sqlite3

import pytest

from cxworkshop import ops
from cxworkshop.store import Session, SessionFileError, create_file, lock_path
from cxworkshop.store import rows as R
from cxworkshop.store import session as session_module

from ..model.samples import full_workshop
from .files import assert_one_sentence, make_file, side_files


def test_a_closed_file_is_one_self_contained_file(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    with Session.open(path) as s:
        ops.add_department(s, "Finance")
        assert side_files(path) == ["-wal", "-shm"]  # while open: WAL
    assert side_files(path) == []
    assert path.read_bytes()[18:20] == b"\x01\x01"
    moved = tmp_path / "moved.cxw"
    path.rename(moved)  # what a person does with a file at rest: the edit went with it
    with Session.open(moved) as s:
        assert s.load().departments[-1].name == "Finance"


def test_close_is_safe_twice(session):
    session.close()
    session.close()


def test_a_failed_block_leaves_no_trace(session):
    before = session.load()
    with pytest.raises(RuntimeError), session.atomic() as conn:
        R.insert(conn, "department", {"id": "d-1", "name": "A", "color": None})
        with session.atomic() as inner:  # nested blocks are one transaction
            R.insert(inner, "department", {"id": "d-2", "name": "B", "color": None})
        raise RuntimeError("halfway")
    assert session.load() == before
    assert not session.conn.in_transaction
    ops.add_department(session, "A")  # and the session carries on
    assert [d.name for d in session.load().departments] == ["A"]


def test_a_dangling_reference_fails_its_transaction_not_the_file(session):
    """References are deferred foreign keys: a bug that would dangle one is stopped at commit."""
    before = session.load()
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), session.atomic() as conn:
        R.insert(conn, "participant",
                 {"id": "p-1", "name": "Eve", "department": "d-none", "role": "", "senior": 0})
    assert session.load() == before
    assert not session.conn.in_transaction
    ops.add_department(session, "Sales")  # the session is not left stuck in that transaction
    assert [d.name for d in session.load().departments] == ["Sales"]


def test_a_lock_that_cannot_be_taken_is_told_in_one_sentence(tmp_path, monkeypatch):
    """A folder where the lock cannot be made (read-only share) fails cleanly on replace."""
    path = create_file(tmp_path / "w.cxw", full_workshop())
    before = path.read_bytes()

    class NoLock:
        def __init__(self, *args, **kwargs):
            pass

        def acquire(self):
            raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(session_module, "SessionLock", NoLock)
    with pytest.raises(SessionFileError) as err:
        create_file(path, overwrite=True)
    assert_one_sentence(str(err.value), path)
    assert "Permission denied" in str(err.value)
    assert path.read_bytes() == before
    with Session.open(path) as s:  # opening without a lock falls back to read-only
        assert s.read_only
        assert s.load() == full_workshop()


def test_the_lock_sits_beside_the_real_file(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    link = tmp_path / "link.cxw"
    link.symlink_to(path)
    assert lock_path(link) == lock_path(path) == tmp_path / ".w.cxw.lock"
