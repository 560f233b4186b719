"""Opening refuses anything that is not exactly one of our files: one sentence naming the file,
and the file left byte-for-byte as it was, with no journal or WAL created beside it."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from cxworkshop.store import SCHEMA_VERSION, Session, SessionFileError

from .files import assert_one_sentence, folder_state, make_file, raw_sql, side_files

PAGE = 4096


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "good.cxw"
    make_file(path)
    data = path.read_bytes()
    assert len(data) >= 16 * PAGE  # enough pages that cutting or overwriting hits real content
    return data


def _copy_then(sql: str) -> Callable[[Path, bytes], None]:
    def prepare(path: Path, good: bytes) -> None:
        path.write_bytes(good)
        raw_sql(path, sql)
    return prepare


def _nothing(path: Path, good: bytes) -> None:
    pass


def _folder(path: Path, good: bytes) -> None:
    path.mkdir()


def _empty(path: Path, good: bytes) -> None:
    path.write_bytes(b"")


def _text(path: Path, good: bytes) -> None:
    path.write_text("Workshop notes\nSales: invoices are late\n" * 50, encoding="utf-8")


def _truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


def _corrupt(path: Path, good: bytes) -> None:
    data = bytearray(good)
    pages = len(data) // PAGE
    rnd = random.Random(20261123)
    for page in range(pages // 3, pages // 3 + 4):
        data[page * PAGE:(page + 1) * PAGE] = rnd.randbytes(PAGE)
    path.write_bytes(bytes(data))


def _plain_sqlite(path: Path, good: bytes) -> None:
    raw_sql(path, "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup');")


def _header_only(path: Path, good: bytes) -> None:
    path.write_bytes(good[:100])


CASES: list[tuple[str, Callable[[Path, bytes], None], str]] = [
    ("missing file", _nothing, "does not exist"),
    ("a folder", _folder, "is a folder"),
    ("an empty file", _empty, "not an SQLite database"),
    ("a text file", _text, "not an SQLite database"),
    ("only the header", _header_only, "damaged"),
    ("cut in half", _truncated, "damaged"),
    ("pages overwritten with garbage", _corrupt, "damaged"),
    ("another program's SQLite file", _plain_sqlite, "made by another program"),
    ("another application id", _copy_then("PRAGMA application_id = 1234;"), "made by another program"),
    ("a newer version", _copy_then("PRAGMA user_version = 99;"), "newer CX Workshop"),
    ("no version", _copy_then("PRAGMA user_version = 0;"), "damaged"),
    ("an extra table", _copy_then("CREATE TABLE spy (x);"), "holds table spy"),
    ("a view", _copy_then("CREATE VIEW v AS SELECT * FROM note;"), "holds view v"),
    ("a trigger", _copy_then(
        "CREATE TRIGGER t AFTER UPDATE ON note BEGIN DELETE FROM department; END;"),
     "holds trigger t"),
    ("an extra index", _copy_then("CREATE INDEX ix ON note (text);"), "holds index ix"),
    ("a column changed", _copy_then("ALTER TABLE note ADD COLUMN extra TEXT;"), "table layout"),
    ("a boolean that is 7", _copy_then("UPDATE participant SET senior = 7;"),
     "participant.senior holds int 7"),
    ("an integer beyond 2**53", _copy_then("UPDATE agenda_item SET minutes = 1152921504606846976;"),
     "agenda_item.minutes"),
    ("a dangling reference", _copy_then(
        "PRAGMA foreign_keys = OFF; UPDATE note SET department = 'nope' WHERE id = 'n-1';"),
     'note "n-1" names department "nope"'),
    ("a vote for a missing improvement", _copy_then(
        "PRAGMA foreign_keys = OFF; UPDATE vote SET improvement = 'im-9' WHERE participant = 'p-bob';"),
     "damaged"),
    ("statements of a deleted instrument", _copy_then(
        "PRAGMA foreign_keys = OFF; DELETE FROM instrument WHERE id = 'i-2';"),
     "damaged"),
    ("a value breaking a rule", _copy_then("UPDATE note SET w = 0 WHERE id = 'n-2';"),
     'note "n-2" has a size that is not positive'),
    ("the workshop row removed", _copy_then("DELETE FROM workshop;"), "damaged"),
    ("a forged version history", _copy_then("DELETE FROM _sqlite_migrations;"),
     "version history does not add up"),
    ("a title that is not UTF-8", _copy_then("UPDATE workshop SET title = CAST(x'fffe' AS TEXT);"),
     "text that is not valid UTF-8"),
    ("a note that is not UTF-8", _copy_then(
        "UPDATE note SET text = CAST(x'41c328' AS TEXT) WHERE id = 'n-2';"),
     "text that is not valid UTF-8"),
]


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize(("prepare", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_with_one_sentence_and_nothing_written(tmp_path, good_bytes, prepare, says,
                                                       read_only):
    path = tmp_path / "shared.cxw"
    prepare(path, good_bytes)
    before = folder_state(tmp_path)

    with pytest.raises(SessionFileError) as err:
        Session.open(path, read_only=read_only)

    message = str(err.value)
    assert_one_sentence(message, path)
    assert says in message
    assert folder_state(tmp_path) == before  # the lock taken while checking is gone too
    assert side_files(path) == []


def test_a_refused_file_can_be_refused_again_and_its_lock_is_released(tmp_path, good_bytes):
    path = tmp_path / "newer.cxw"
    _copy_then("PRAGMA user_version = 99;")(path, good_bytes)
    for _ in range(2):
        with pytest.raises(SessionFileError, match="newer CX Workshop"):
            Session.open(path)
    raw_sql(path, f"PRAGMA user_version = {SCHEMA_VERSION};")
    with Session.open(path) as s:
        assert not s.read_only
        assert s.load().workshop.title == "Customer journey day"


def test_a_file_renamed_from_another_extension_is_judged_by_content(tmp_path, good_bytes):
    """The name does not matter, only what the file holds: a copy named .db still opens."""
    path = tmp_path / "backup.db"
    path.write_bytes(good_bytes)
    with Session.open(path) as s:
        assert s.load().departments[0].name == "Sales"


def test_a_fresh_copy_of_the_good_file_opens(tmp_path, good_bytes):
    """The base all the refusals start from is itself fine, so each refusal is about its change."""
    path = tmp_path / "good.cxw"
    path.write_bytes(good_bytes)
    with Session.open(path) as s:
        assert len(s.load().discover.notes) == 3
    shutil.copy(path, tmp_path / "again.cxw")
    conn = sqlite3.connect(tmp_path / "again.cxw")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
