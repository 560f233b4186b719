"""The lock beside a session file that keeps a second window from writing it.

An OS lock (flock on POSIX, a byte-range lock on Windows) held on a small file beside the
session: the OS lets go of it when the process ends, however it ends, so a crash never leaves
a file locked. Written here rather than taken from filelock because importing that costs about
18 ms of a start-up budget of ~100 ms (docs/benchmarks.md), for a dozen lines of work.

On POSIX the lock file is removed on release, while still locked, so they do not pile up
beside every session. That is safe because `acquire` only keeps a lock on the file that is
still at the path: one that lost a race with a release locked a removed file, and tries again.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: Times `acquire` tries again when the file it locked was removed by the holder letting go.
_ATTEMPTS = 5

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _REMOVE_ON_RELEASE = False  # an open file cannot be removed on Windows

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    _REMOVE_ON_RELEASE = True

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _at_path(fd: int, path: Path) -> bool:
    """True if the open file `fd` is the file at `path` now (not one removed since)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


class Busy(Exception):
    """Another process (or another session in this one) holds the lock."""


class SessionLock:
    """Held while a session file is open for writing; `acquire` raises `Busy` if taken."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise `Busy`; an OSError means the lock cannot exist here."""
        for _ in range(_ATTEMPTS):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if not _try_lock(fd):
                    raise Busy(str(self.path))
                if not _REMOVE_ON_RELEASE or _at_path(fd, self.path):
                    self._fd = fd
                    return
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the holder removed this file as it let go: lock the one there now
        raise Busy(str(self.path))

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if _REMOVE_ON_RELEASE:
                with contextlib.suppress(OSError):  # a lock file left behind does no harm
                    if _at_path(fd, self.path):
                        os.unlink(self.path)  # while still locked: see the module's docstring
            _unlock(fd)
        finally:
            os.close(fd)
