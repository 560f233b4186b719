"""Files as a crash (or a copy taken while another program had them open) leaves them: a -wal
with edits never folded back, or a hot rollback journal. What we open shows those edits; what
we refuse is left byte-for-byte as it came, -wal included."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cxworkshop.store import Session, SessionFileError

from ..model.samples import full_workshop
from .files import assert_one_sentence, make_file, side_files


def _copy_with_pending_wal(src: Path, dest: Path, sql: str) -> None:
    """Copy `src` to `dest` with a -wal holding `sql`, never checkpointed into the file."""
    conn = sqlite3.connect(src, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.executescript(sql)
        for suffix in ("", "-wal", "-shm"):  # while the connection is open, as a crash leaves them
            shutil.copyfile(f"{src}{suffix}", f"{dest}{suffix}")
    finally:
        conn.close()
    assert Path(f"{dest}-wal").stat().st_size > 0


def _copy_with_hot_journal(src: Path, dest: Path) -> None:
    """Copy `src` to `dest` in the middle of a big transaction: pages already spilled into the
    file, and the -journal that undoes them."""
    conn = sqlite3.connect(src, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = 1")  # spill to the file before the commit
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE workshop SET title = 'Half done'")
        conn.execute("CREATE TABLE junk (x)")
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                     " INSERT INTO junk SELECT randomblob(500) FROM n")
        for suffix in ("", "-journal"):
            shutil.copyfile(f"{src}{suffix}", f"{dest}{suffix}")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert dest.read_bytes() != src.read_bytes()


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
def test_a_refused_file_with_a_pending_wal_is_left_as_it_came(tmp_path, read_only):
    src = make_file(tmp_path / "src.cxw")
    (tmp_path / "copy").mkdir()
    path = tmp_path / "copy" / "shared.cxw"
    _copy_with_pending_wal(src, path, "CREATE TABLE spy (x); INSERT INTO spy VALUES (1);")
    main, wal = path.read_bytes(), Path(f"{path}-wal").read_bytes()

    with pytest.raises(SessionFileError) as err:
        Session.open(path, read_only=read_only)

    assert_one_sentence(str(err.value), path)
    assert "holds table spy" in str(err.value)
    assert path.read_bytes() == main
    assert Path(f"{path}-wal").read_bytes() == wal


def test_a_file_with_a_pending_wal_opens_with_its_edits(tmp_path):
    src = make_file(tmp_path / "src.cxw")
    (tmp_path / "copy").mkdir()
    path = tmp_path / "copy" / "crashed.cxw"
    _copy_with_pending_wal(src, path, "UPDATE workshop SET title = 'Edited before the crash';")
    main = path.read_bytes()

    with Session.open(path, read_only=True) as s:
        assert s.load().workshop.title == "Edited before the crash"
    assert path.read_bytes() == main
    with Session.open(path) as s:
        assert not s.read_only
        assert s.load().workshop.title == "Edited before the crash"
    assert side_files(path) == []
    with Session.open(path) as s:
        assert s.load().workshop.title == "Edited before the crash"


def test_a_file_with_a_hot_journal_is_rolled_back_and_opens(tmp_path):
    src = make_file(tmp_path / "src.cxw")
    (tmp_path / "copy").mkdir()
    path = tmp_path / "copy" / "crashed.cxw"
    _copy_with_hot_journal(src, path)

    with Session.open(path) as s:
        assert not s.read_only
        assert s.load() == full_workshop()
    assert side_files(path) == []
