"""Opening, creating, copying and closing a session file (`.cxw`).

Shared files come from other people, so opening is defensive and refuses anything that is not
exactly one of our files, with one sentence naming the file. Nothing is written to a file
until it has passed every check. While open, the file runs in WAL mode with synchronous=FULL
(every committed edit is on disk); on close it returns to a rollback journal so the file at
rest is one self-contained file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

from .. import model as m
from . import schema, snapshot
from .errors import SessionFileError
from .lock import Busy, SessionLock

_MAGIC = b"SQLite format 3\x00"


def lock_path(path: Path) -> Path:
    """The lock beside a session file that says another window has it open.

    Named after the real file, so a symlink to an open file finds the same lock.
    """
    path = Path(path).resolve()
    return path.with_name(f".{path.name}.lock")


def _writable(path: Path) -> bool:
    """True if we may write the file and its folder (SQLite needs the folder for its journal).

    Permission bits are checked as well as `os.access`, which says yes to root for anything.
    """
    try:
        for p in (path, path.parent):
            if not os.access(p, os.W_OK) or not os.stat(p).st_mode & 0o222:
                return False
    except OSError:
        return False
    return True


def _connect(target: str, *, uri_mode: str | None) -> sqlite3.Connection:
    if uri_mode is None:
        conn = sqlite3.connect(target, isolation_level=None)
    else:
        conn = sqlite3.connect(f"{Path(target).absolute().as_uri()}?mode={uri_mode}",
                               uri=True, isolation_level=None)
    with contextlib.suppress(AttributeError, sqlite3.Error):
        conn.enable_load_extension(False)
    if hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_TRIGGER, False)
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_VIEW, False)
    for pragma in ("trusted_schema = OFF", "cell_size_check = ON", "mmap_size = 0",
                   "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")


def _publish(tmp: Path, dest: Path, *, overwrite: bool) -> None:
    """Move a finished file into place: never over an existing file unless asked."""
    if overwrite:
        # first: a stale -wal must never meet the new file (SQLite would replay it over it)
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{dest}{suffix}")
        os.replace(tmp, dest)
    else:
        try:
            os.link(tmp, dest)
        except FileExistsError:
            raise SessionFileError(f"{dest} already exists; it was left as it is.") from None
        except OSError:  # a filesystem without hard links (FAT, some network shares)
            if dest.exists():
                raise SessionFileError(f"{dest} already exists; it was left as it is.") from None
            os.replace(tmp, dest)
        else:
            os.unlink(tmp)
    _fsync_folder(dest.parent)


def _claim_for_replacing(path: Path) -> SessionLock | None:
    """Take the lock of a file about to be replaced, so a file open in a window never is."""
    if not path.exists():
        return None
    guard = SessionLock(lock_path(path))
    try:
        guard.acquire()
    except Busy:
        raise SessionFileError(
            f"{path} is open in a CX Workshop window; close it there before replacing it."
        ) from None
    except OSError as exc:
        raise SessionFileError(f"{path} could not be written: {exc.strerror or exc}.") from exc
    return guard


@contextlib.contextmanager
def _built_beside(dest: Path, *, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path beside `dest` to build a file in; on success move it into place.

    Whatever fails, no temporary file is left, `dest` is untouched, and the error becomes one
    sentence naming `dest`.
    """
    if dest.exists() and not overwrite:
        raise SessionFileError(f"{dest} already exists; it was left as it is.")
    guard = _claim_for_replacing(dest)
    tmp = _temp_beside(dest)
    try:
        yield tmp
        _publish(tmp, dest, overwrite=overwrite)
    except OSError as exc:
        raise SessionFileError(f"{dest} could not be written: {exc.strerror or exc}.") from exc
    except sqlite3.Error as exc:  # a full disk shows up here as "database or disk is full"
        raise SessionFileError(f"{dest} could not be written: {exc}.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if guard is not None:
            guard.release()


class Session:
    """One open session file. All writes go through `atomic()`; use `ops` for user verbs."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool,
                 lock: SessionLock | None, migrated_in_memory: bool = False):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        self.migrated_in_memory = migrated_in_memory
        #: The workshop as checked while opening, so the first screen need not read it again.
        self.workshop_at_open: m.Workshop | None = None
        self._depth = 0

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Session:
        """Open an existing session file, or raise `SessionFileError` saying why not."""
        path = Path(path)
        _check_header(path)
        writable = not read_only and _writable(path)
        lock = None
        if writable:
            lock = SessionLock(lock_path(path))
            try:
                lock.acquire()
            except Busy:
                raise SessionFileError(
                    f"{path} is already open in another CX Workshop window; "
                    "close it there before opening it here."
                ) from None
            except OSError:
                lock, writable = None, False
        conn = None
        try:
            # Every check on a read-only connection, which never writes, not even on close (a
            # read-write one would checkpoint a refused file's -wal into it).
            conn = _connect(str(path), uri_mode="ro")
            try:
                version, workshop = _verify(path, conn)
            except sqlite3.OperationalError:
                if not (writable and Path(f"{path}-journal").exists()):
                    raise
                # a hot journal, which only a read-write connection can roll back; the header
                # already proved the file is ours
                conn.close()
                conn = None
                _roll_back_journal(path)
                conn = _connect(str(path), uri_mode="ro")
                version, workshop = _verify(path, conn)
            in_memory = False
            if writable:
                conn.close()
                conn = _connect(str(path), uri_mode="rw")
                if version < schema.SCHEMA_VERSION:
                    _backup(conn, path.with_name(f"{path.name}.v{version}.bak"))
                    schema.migrate(conn)
                    workshop = _read_checked(conn)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            elif version < schema.SCHEMA_VERSION:
                conn, workshop = _migrated_in_memory(conn)
                in_memory = True
            session = cls(path, conn, read_only=not writable, lock=lock,
                          migrated_in_memory=in_memory)
            session.workshop_at_open = workshop
            return session
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            if isinstance(exc, SessionFileError):
                raise
            if isinstance(exc, Exception):
                raise SessionFileError(_damaged(path, exc)) from exc
            raise

    @classmethod
    def create(cls, path: str | os.PathLike[str], workshop: m.Workshop | None = None, *,
               overwrite: bool = False) -> Session:
        """Create a session file holding `workshop` (or an empty one) and open it."""
        create_file(path, workshop, overwrite=overwrite)
        return cls.open(path)

    # -- using ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and on disk) when the block ends without error."""
        if self.read_only:
            raise SessionFileError(f"{self.path} is open read-only; nothing can be changed.")
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # also when COMMIT itself fails (a deferred foreign key): SQLite keeps that open
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    def load(self, sections: tuple[str, ...] | None = None) -> m.Workshop:
        """The workshop as the file holds it now; with `sections`, only those are read."""
        return snapshot.read_workshop(self.conn, sections)

    def save_copy(self, dest: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write a self-contained copy (one file, rollback journal) through `VACUUM INTO`."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise SessionFileError(f"{dest} is the file already open; choose another name.")
        with _built_beside(dest, overwrite=overwrite) as tmp:
            self.conn.execute("VACUUM INTO ?", (str(tmp),))
            copy = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        return dest

    def close(self) -> None:
        """Fold the WAL back into the file and let go of it; safe to call twice."""
        if self.conn is None:
            return
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    self.conn.execute("PRAGMA journal_mode = DELETE")
            self.conn.close()
        finally:
            self.conn = None  # type: ignore[assignment]
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_file(path: str | os.PathLike[str], workshop: m.Workshop | None = None, *,
                overwrite: bool = False) -> Path:
    """Build a complete session file beside `path`, then move it into place in one step.

    Nothing half-written is ever left at `path`; an existing file is kept unless `overwrite`,
    and one that is open in another window is never replaced.
    """
    path = Path(path)
    workshop = workshop or m.Workshop()
    m.check(workshop)
    if not path.parent.is_dir():
        raise SessionFileError(f"{path} cannot be created: its folder does not exist.")
    with _built_beside(path, overwrite=overwrite) as tmp:
        conn = _connect(str(tmp), uri_mode=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            schema.migrate(conn)
            conn.execute("BEGIN IMMEDIATE")
            snapshot.write_workshop(conn, workshop)
            conn.execute("COMMIT")
        finally:
            conn.close()
    return path


def _check_header(path: Path) -> None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SessionFileError(f"{path} does not exist.") from None
    except OSError as exc:
        raise SessionFileError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(st.st_mode):
        raise SessionFileError(f"{path} is a folder, not a CX Workshop session file.")
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise SessionFileError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise SessionFileError(
            f"{path} is not a CX Workshop session file (it is not an SQLite database)."
        )
    if int.from_bytes(header[68:72], "big") != schema.APPLICATION_ID:
        raise SessionFileError(
            f"{path} is an SQLite database made by another program, not a CX Workshop session."
        )


def _verify(path: Path, conn: sqlite3.Connection) -> tuple[int, m.Workshop]:
    """Every check of a file before we trust it; returns its version and its workshop."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != schema.APPLICATION_ID:
        raise SessionFileError(
            f"{path} is an SQLite database made by another program, not a CX Workshop session."
        )
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.SCHEMA_VERSION:
        raise SessionFileError(
            f"{path} was saved by a newer CX Workshop (file version {version}; this one reads "
            f"up to {schema.SCHEMA_VERSION}); update the app to open it."
        )
    if version < 1:
        raise SessionFileError(f"{path} is damaged: it has no workshop in it.")
    result = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    if result != ["ok"]:
        detail = " ".join(result[0].replace("*** in database main ***", "").split())  # one line
        raise SessionFileError(f"{path} is damaged and cannot be opened ({detail}).")
    found = schema.read_schema(conn)
    expected = schema.expected_schema(version)
    if found != expected:
        known = {(t, n) for t, n, _, _ in expected}
        extra = sorted(f"{t} {n}" for t, n, _, _ in found if (t, n) not in known)
        what = f"holds {extra[0]}, which" if extra else "has a table layout that"
        raise SessionFileError(f"{path} {what} a CX Workshop file never has; it was not opened.")
    applied = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'cxworkshop' ORDER BY id")]
    total = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    if applied != schema.migration_names(version) or total != version:
        raise SessionFileError(f"{path} is damaged: its version history does not add up.")
    return version, _read_checked(conn)  # refuse a file we could not show whole


def _read_checked(conn: sqlite3.Connection) -> m.Workshop:
    workshop = snapshot.read_workshop(conn)
    m.check(workshop)
    return workshop


def _migrated_in_memory(conn: sqlite3.Connection) -> tuple[sqlite3.Connection, m.Workshop]:
    """A read-only older file: migrate a copy in memory, leave the file alone."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.backup(mem)
        conn.close()
        mem.execute("PRAGMA foreign_keys = ON")
        schema.migrate(mem)
        return mem, _read_checked(mem)
    except BaseException:
        mem.close()
        raise


def _roll_back_journal(path: Path) -> None:
    """Let SQLite roll back a hot journal left by a crash (it does so on the first read)."""
    conn = _connect(str(path), uri_mode="rw")
    try:
        with contextlib.suppress(sqlite3.DatabaseError):  # the checks that follow will say why
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _backup(conn: sqlite3.Connection, dest: Path) -> None:
    """Keep the file as it was before a migration (Anki's habit: back up before repair)."""
    if dest.exists():
        return
    target = sqlite3.connect(str(dest))
    try:
        conn.backup(target)
    finally:
        target.close()


def _damaged(path: Path, exc: Exception) -> str:
    if isinstance(exc, m.WorkshopInvalid):
        return f"{path} is damaged: {exc.problem.message}."
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    # Python's sqlite3 reports undecodable text as OperationalError ("Could not decode to UTF-8")
    if isinstance(exc, UnicodeError) or "decode to UTF-8" in detail:
        detail = "it holds text that is not valid UTF-8"
    return f"{path} is damaged and cannot be opened ({detail})."
