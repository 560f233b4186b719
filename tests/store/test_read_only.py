"""A file we may not write opens read-only: everything shows, nothing can change it.

Tests run as root, for whom `os.access` says yes to everything; the store also checks the
permission bits, so these behave as they would for an ordinary user.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cxworkshop import ops
from cxworkshop.store import Session, SessionFileError

from ..model.samples import full_workshop
from .files import assert_one_sentence, folder_state, make_file, side_files


@pytest.fixture
def chmod(tmp_path):
    """chmod that is undone after the test, so tmp_path can be cleaned up."""
    changed: list[tuple[Path, int]] = []

    def set_mode(path: Path, mode: int) -> None:
        changed.append((path, os.stat(path).st_mode & 0o7777))
        os.chmod(path, mode)

    yield set_mode
    for path, mode in reversed(changed):
        os.chmod(path, mode)


EVERY_OP = {
    "add_department": lambda s: ops.add_department(s, "Finance"),
    "edit_department": lambda s: ops.edit_department(s, "d-sales", name="Sales & Marketing"),
    "move_department": lambda s: ops.move_department(s, "d-it", 0),
    "delete_department": lambda s: ops.delete_department(s, "d-ops"),
    "add_participant": lambda s: ops.add_participant(s, "Eve", "d-it"),
    "edit_participant": lambda s: ops.edit_participant(s, "p-bob", role="Director"),
    "move_participant": lambda s: ops.move_participant(s, "p-dan", 0),
    "delete_participant": lambda s: ops.delete_participant(s, "p-ann"),
    "edit_workshop": lambda s: ops.edit_workshop(s, title="Renamed"),
}


def _check_read_only(path: Path, folder: Path) -> None:
    before = folder_state(folder)
    with Session.open(path) as s:
        assert s.read_only
        assert s.load() == full_workshop()
        for name, op in EVERY_OP.items():
            with pytest.raises(SessionFileError) as err:
                op(s)
            assert_one_sentence(str(err.value), path)
            assert "read-only" in str(err.value), name
        assert s.load() == full_workshop()
    assert folder_state(folder) == before
    assert side_files(path) == []


def test_a_read_only_file_opens_read_only_and_refuses_every_edit(tmp_path, chmod):
    path = make_file(tmp_path / "w.cxw")
    chmod(path, 0o444)
    _check_read_only(path, tmp_path)


def test_a_file_in_a_read_only_folder_opens_read_only(tmp_path, chmod):
    folder = tmp_path / "usb"
    folder.mkdir()
    path = make_file(folder / "w.cxw")
    chmod(folder, 0o555)
    _check_read_only(path, folder)


def test_asking_for_read_only_is_honoured_on_a_writable_file(tmp_path):
    path = make_file(tmp_path / "w.cxw")
    before = path.read_bytes()
    with Session.open(path, read_only=True) as s:
        assert s.read_only
        with pytest.raises(SessionFileError, match="read-only"):
            ops.edit_workshop(s, title="Renamed")
    assert path.read_bytes() == before
    with Session.open(path) as s:  # and it took no lock
        assert not s.read_only


def test_a_read_only_session_can_save_a_writable_copy(tmp_path, chmod):
    path = make_file(tmp_path / "w.cxw")
    chmod(path, 0o444)
    with Session.open(path) as s:
        copy = s.save_copy(tmp_path / "mine.cxw")
    with Session.open(copy) as s:
        assert not s.read_only
        ops.edit_workshop(s, title="Mine now")
    with Session.open(copy) as s:
        assert s.load().workshop.title == "Mine now"
