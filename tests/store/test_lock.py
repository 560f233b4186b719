"""A file open in one window is refused in another, and free again once closed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cxworkshop import ops
from cxworkshop.store import Session, SessionFileError, create_file

from .files import assert_one_sentence

HOLDER = textwrap.dedent(
    """
    import sys
    from cxworkshop.store import Session
    session = Session.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    session.close()
    print("closed", flush=True)
    """
)


def test_second_open_in_the_same_process_is_refused_until_closed(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    first = Session.open(path)
    try:
        with pytest.raises(SessionFileError) as err:
            Session.open(path)
        assert_one_sentence(str(err.value), path)
        assert "already open in another CX Workshop window" in str(err.value)
        ops.add_department(first, "Sales")  # the first window is not disturbed by the refusal
    finally:
        first.close()
    with Session.open(path) as again:
        assert [d.name for d in again.load().departments] == ["Sales"]


def test_closing_twice_is_harmless_and_does_not_free_someone_elses_lock(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    first = Session.open(path)
    first.close()
    second = Session.open(path)
    try:
        first.close()
        with pytest.raises(SessionFileError, match="already open"):
            Session.open(path)
    finally:
        second.close()


def test_a_file_open_in_another_process_is_refused(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n", holder.stderr.read()
        with pytest.raises(SessionFileError) as err:
            Session.open(path)
        assert_one_sentence(str(err.value), path)
        assert "open in another CX Workshop window" in str(err.value)
        out, _ = holder.communicate("\n")
        assert out == "closed\n"
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    with Session.open(path) as s:
        assert not s.read_only


def test_an_open_file_is_not_replaced_by_create(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    with Session.open(path) as s:
        ops.add_department(s, "Sales")
        with pytest.raises(SessionFileError) as err:
            create_file(path, overwrite=True)
        assert_one_sentence(str(err.value), path)
        assert "open in a CX Workshop window" in str(err.value)
        assert [d.name for d in s.load().departments] == ["Sales"]
    with Session.open(path) as s:
        assert [d.name for d in s.load().departments] == ["Sales"]


def test_the_same_file_by_another_name_is_still_the_same_file(tmp_path):
    """A symlink (a synced folder, /tmp on macOS) must not let two windows edit one file."""
    path = create_file(tmp_path / "w.cxw")
    (tmp_path / "shortcut").mkdir()
    link = tmp_path / "shortcut" / "link.cxw"
    link.symlink_to(path)
    with Session.open(path), pytest.raises(SessionFileError, match="already open"):
        Session.open(link)
    with Session.open(link), pytest.raises(SessionFileError, match="already open"):
        Session.open(path)
