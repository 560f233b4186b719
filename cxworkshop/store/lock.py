"""The lock beside a session file that keeps a second window from writing it.

An OS lock (flock on POSIX, a byte-range lock on Windows) held on a small file beside the
session: the OS lets go of it when the process ends, however it ends, so a crash never leaves
a file locked. Written here rather than taken from filelock because importing that costs about
18 ms of a start-up budget of ~100 ms (docs/benchmarks.md), for a dozen lines of work.
"""

from __future__ import annotations

import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

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

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class Busy(Exception):
    """Another process (or another session in this one) holds the lock."""


class SessionLock:
    """Held while a session file is open for writing; `acquire` raises `Busy` if taken."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now or raise `Busy`; an OSError means the lock cannot exist here."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            raise Busy(str(self.path))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
