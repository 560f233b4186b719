"""A file open in one window is refused in another, and free again once closed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from cxworkshop import ops
from cxworkshop.store import Session, SessionFileError, create_file, lock_path

from .files import assert_one_sentence, raw_sql

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

#: Takes and lets go of one lock many times; while holding it, claims a marker file that only
#: one holder at a time can create. Prints how often it held the lock, or OVERLAP.
RACER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from cxworkshop.store.lock import Busy, SessionLock

    lock, marker, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    held = 0
    for _ in range(rounds):
        guard = SessionLock(lock)
        try:
            guard.acquire()
        except Busy:
            continue
        try:
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                print("OVERLAP", flush=True)
                sys.exit(1)
            os.close(fd)
            os.unlink(marker)
            held += 1
        finally:
            guard.release()
    print(held, flush=True)
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


def test_no_lock_file_is_left_beside_a_closed_file(tmp_path):
    path = create_file(tmp_path / "w.cxw")
    lock = lock_path(path)
    first = Session.open(path)
    assert lock.exists()
    with pytest.raises(SessionFileError, match="already open"):
        Session.open(path)
    assert lock.exists()  # the refused second window does not take the first one's lock away
    first.close()
    assert not lock.exists()
    with Session.open(path, read_only=True):
        pass
    create_file(path, overwrite=True)
    raw_sql(path, "PRAGMA user_version = 99;")
    with pytest.raises(SessionFileError, match="newer CX Workshop"):
        Session.open(path)
    assert sorted(os.listdir(tmp_path)) == ["w.cxw"]


@pytest.mark.skipif(os.name == "nt", reason="the lock file is removed on POSIX only")
def test_racing_windows_never_hold_the_lock_together(tmp_path):
    """Removing the lock file on release must not let a window that opened the old file and
    one that created the new one both think they hold it."""
    lock, marker = tmp_path / ".w.cxw.lock", tmp_path / "holder"
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(lock), str(marker), "3000"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(4)]
    results = [r.communicate(timeout=120) for r in racers]
    for (out, err), r in zip(results, racers, strict=True):
        assert r.returncode == 0, out + err
    assert sum(int(out) for out, _ in results) > 0
    assert not lock.exists()
