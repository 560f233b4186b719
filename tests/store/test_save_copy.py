"""Save a copy: one self-contained file anyone can open, even from a read-only stick."""

from __future__ import annotations

import os

import pytest

from cxworkshop import ops
from cxworkshop.store import APPLICATION_ID, SCHEMA_VERSION, Session, SessionFileError

from ..model.samples import full_workshop
from .files import SIDE_FILES, assert_one_sentence, make_file, pragma


@pytest.fixture
def live(tmp_path):
    """An open session with edits still in its WAL (not yet folded into the file)."""
    path = make_file(tmp_path / "live.cxw")
    s = Session.open(path)
    ops.edit_workshop(s, title="Edited after opening")
    ops.add_department(s, "Finance", id="d-fin")
    assert os.path.getsize(f"{path}-wal") > 0
    yield s
    s.close()


def test_the_copy_is_one_complete_file(tmp_path, live):
    stick = tmp_path / "stick"
    stick.mkdir()
    dest = live.save_copy(stick / "copy.cxw")
    assert dest == stick / "copy.cxw"
    assert sorted(p.name for p in stick.iterdir()) == ["copy.cxw"]
    for suffix in SIDE_FILES:  # nothing beside it is needed
        assert not os.path.exists(f"{dest}{suffix}")
    header = dest.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback journal: readable without a -shm
    assert pragma(dest, "application_id") == APPLICATION_ID
    assert pragma(dest, "user_version") == SCHEMA_VERSION

    os.chmod(stick, 0o555)
    try:
        with Session.open(dest) as copy:
            assert copy.read_only
            assert copy.load() == live.load()
            assert copy.load().workshop.title == "Edited after opening"
        assert sorted(p.name for p in stick.iterdir()) == ["copy.cxw"]
    finally:
        os.chmod(stick, 0o755)


def test_the_original_keeps_working_after_a_copy(tmp_path, live):
    live.save_copy(tmp_path / "copy.cxw")
    ops.add_participant(live, "Eve", "d-fin")
    with Session.open(tmp_path / "copy.cxw") as copy:
        assert "Eve" not in [p.name for p in copy.load().participants]
    assert "Eve" in [p.name for p in live.load().participants]


def test_an_existing_file_is_not_overwritten_unless_asked(tmp_path, live):
    dest = tmp_path / "taken.cxw"
    dest.write_bytes(b"somebody's thesis")
    with pytest.raises(SessionFileError) as err:
        live.save_copy(dest)
    assert_one_sentence(str(err.value), dest)
    assert "already exists" in str(err.value)
    assert dest.read_bytes() == b"somebody's thesis"
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []

    live.save_copy(dest, overwrite=True)
    with Session.open(dest) as copy:
        assert copy.load() == live.load()


def test_the_open_file_itself_is_refused_however_it_is_spelled(tmp_path, live, monkeypatch):
    before = live.load()
    monkeypatch.chdir(tmp_path)
    for spelling in (live.path, tmp_path / "." / "live.cxw", "live.cxw",
                     tmp_path / "other" / ".." / "live.cxw"):
        with pytest.raises(SessionFileError) as err:
            live.save_copy(spelling, overwrite=True)
        assert "already open" in str(err.value)
        assert_one_sentence(str(err.value), spelling)
    assert live.load() == before
    ops.edit_workshop(live, title="still fine")


def test_a_copy_into_a_missing_folder_is_refused_in_one_sentence(tmp_path, live):
    dest = tmp_path / "nowhere" / "copy.cxw"
    with pytest.raises(SessionFileError) as err:
        live.save_copy(dest)
    assert_one_sentence(str(err.value), dest)
    assert not dest.parent.exists()


def test_a_copy_of_the_demo_content_round_trips(tmp_path):
    with Session.create(tmp_path / "a.cxw", full_workshop()) as s:
        s.save_copy(tmp_path / "b.cxw")
    with Session.open(tmp_path / "b.cxw") as s:
        assert s.load() == full_workshop()


def test_a_copy_never_replaces_a_file_open_in_another_window(tmp_path, live):
    """Overwriting someone's open file would throw away their WAL (their latest edits)."""
    other_path = make_file(tmp_path / "other.cxw")
    with Session.open(other_path) as other:
        ops.edit_workshop(other, title="Being edited elsewhere")
        with pytest.raises(SessionFileError) as err:
            live.save_copy(other_path, overwrite=True)
        assert_one_sentence(str(err.value), other_path)
        assert "open in a CX Workshop window" in str(err.value)
        ops.add_department(other, "Finance")
        assert other.load().workshop.title == "Being edited elsewhere"
    with Session.open(other_path) as other:
        w = other.load()
    assert w.workshop.title == "Being edited elsewhere"
    assert [d.name for d in w.departments][-1] == "Finance"
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []
