"""Creating a file is all or nothing, never overwrites by surprise, never replaces an open file."""

from __future__ import annotations

import sqlite3

import pytest

from cxworkshop import model as m
from cxworkshop.store import Session, SessionFileError, create_file, snapshot

from ..model.samples import full_workshop
from .files import assert_one_sentence, folder_state


def test_created_file_holds_the_workshop(tmp_path):
    path = create_file(tmp_path / "w.cxw", full_workshop())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.cxw"]
    with Session.open(path) as s:
        assert s.load() == full_workshop()


def test_empty_workshop_by_default(tmp_path):
    with Session.create(tmp_path / "w.cxw") as s:
        assert s.load() == m.Workshop()
        assert not s.read_only


def test_an_existing_file_is_kept_unless_overwrite(tmp_path):
    path = tmp_path / "w.cxw"
    path.write_bytes(b"not ours, but precious")
    with pytest.raises(SessionFileError) as err:
        create_file(path, full_workshop())
    assert_one_sentence(str(err.value), path)
    assert "already exists" in str(err.value)
    assert path.read_bytes() == b"not ours, but precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.cxw"]

    with pytest.raises(SessionFileError):
        Session.create(path)
    assert path.read_bytes() == b"not ours, but precious"

    create_file(path, full_workshop(), overwrite=True)
    with Session.open(path) as s:
        assert s.load() == full_workshop()


def test_overwrite_replaces_a_closed_session_file(tmp_path):
    path = create_file(tmp_path / "w.cxw", full_workshop())
    create_file(path, m.Workshop(), overwrite=True)
    with Session.open(path) as s:
        assert s.load() == m.Workshop()


def _fail_halfway(exc: Exception):
    real = snapshot.write_workshop

    def write_some_then_fail(conn, workshop):
        real(conn, m.Workshop(departments=workshop.departments))  # some rows are in
        raise exc

    return write_some_then_fail


@pytest.mark.parametrize("exc", [RuntimeError("bug"), sqlite3.OperationalError("database or disk is full"),
                                 OSError(28, "No space left on device")],
                         ids=["bug", "sqlite error", "disk full"])
def test_a_failure_halfway_leaves_no_file_and_no_temporary_files(tmp_path, monkeypatch, exc):
    monkeypatch.setattr(snapshot, "write_workshop", _fail_halfway(exc))
    path = tmp_path / "w.cxw"
    with pytest.raises((SessionFileError, RuntimeError)) as err:
        create_file(path, full_workshop())
    if not isinstance(exc, RuntimeError):  # what a person could meet: told in one sentence
        assert isinstance(err.value, SessionFileError)
        assert_one_sentence(str(err.value), path)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_overwrite_keeps_the_old_file(tmp_path, monkeypatch):
    path = create_file(tmp_path / "w.cxw", full_workshop())
    before = folder_state(tmp_path)
    monkeypatch.setattr(snapshot, "write_workshop", _fail_halfway(OSError(28, "No space left")))
    with pytest.raises(SessionFileError):
        create_file(path, m.Workshop(), overwrite=True)
    assert folder_state(tmp_path) == before  # the lock taken while replacing is gone too
    monkeypatch.undo()
    with Session.open(path) as s:
        assert s.load() == full_workshop()


def test_an_invalid_workshop_is_not_written(tmp_path):
    w = full_workshop()
    w.participants[0].department = "nope"
    with pytest.raises(m.WorkshopInvalid, match=r"\$\.participants\[0\]\.department"):
        create_file(tmp_path / "w.cxw", w)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_refused_in_one_sentence(tmp_path):
    path = tmp_path / "missing" / "w.cxw"
    with pytest.raises(SessionFileError) as err:
        create_file(path)
    assert_one_sentence(str(err.value), path)
    assert not path.parent.exists()


def test_a_file_open_in_another_session_is_not_replaced(tmp_path):
    path = create_file(tmp_path / "w.cxw", full_workshop())
    with Session.open(path) as s:
        with pytest.raises(SessionFileError) as err:
            create_file(path, m.Workshop(), overwrite=True)
        assert_one_sentence(str(err.value), path)
        assert s.load() == full_workshop()
    with Session.open(path) as s:
        assert s.load() == full_workshop()
