"""Writing an output file whole or not at all (the PNG of the board, the CSV of the actions).

The bytes go to a temporary file beside the target, are flushed to the disk, then the file is
moved into place: a crash leaves either the old file or the new one, never half of one. Without
`overwrite`, an existing file is never replaced, not even one that appears while writing (the
move is a hard link, which fails if the name is taken). No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path


def write_whole(path: str | os.PathLike[str], data: bytes, *, overwrite: bool,
                problem: Callable[[str], Exception]) -> None:
    """Write `data` to `path` atomically. Failures raise `problem(sentence)`, the sentence
    naming the file: it exists (and not `overwrite`), or it could not be written."""
    out = Path(path)
    name = os.fspath(path)
    exists = f"{name} already exists; add --force to replace it."
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if overwrite:
                if out.is_file():
                    shutil.copymode(out, tmp)  # a replaced file keeps its permissions
                os.replace(tmp, out)
            else:
                try:
                    os.link(tmp, out)  # fails if a file appeared there meanwhile
                except FileExistsError:
                    raise problem(exists) from None
                except OSError:  # a filesystem without hard links (FAT, some network shares)
                    if out.exists():
                        raise problem(exists) from None
                    os.replace(tmp, out)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    except OSError as exc:
        raise problem(f"{name} could not be written: {exc.strerror or exc}.") from None
    fsync_folder(out.parent)


def fsync_folder(folder: Path) -> None:
    """Make a file's new name durable too (POSIX; elsewhere the rename is enough)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
