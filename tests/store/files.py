"""Helpers the store tests share: build files, poke them with plain sqlite3, watch folders."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from cxworkshop import model as m
from cxworkshop.store import create_file

from ..model.samples import full_workshop

SIDE_FILES = ("-wal", "-shm", "-journal")


def make_file(path: Path, workshop: m.Workshop | None = None) -> Path:
    return create_file(path, full_workshop() if workshop is None else workshop)


def raw_sql(path: Path, script: str) -> None:
    """Change a file behind the app's back, the way another program (or an attacker) could."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.executescript(script)
    finally:
        conn.close()


def pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def folder_state(folder: Path) -> dict[str, bytes | None]:
    """Every entry of a folder with its bytes (None for sub-folders)."""
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in sorted(folder.iterdir())}


def side_files(path: Path) -> list[str]:
    return [s for s in SIDE_FILES if Path(f"{path}{s}").exists()]


def assert_one_sentence(message: str, path: Path) -> None:
    """What the facilitator reads: one sentence, naming the file, no mojibake."""
    assert str(path) in message, message
    assert "\n" not in message, message
    assert message.endswith("."), message
    body = message.replace(str(path), "FILE")
    assert not re.search(r"[.!?]\s+[A-Z]", body), f"more than one sentence: {message}"
    assert "\ufffd" not in message, message
