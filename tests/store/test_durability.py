"""Every edit the app reported as done survives the process being killed at any moment.

A child process edits a session file through `cxworkshop.ops` in a loop and prints each op's
result only after the op returned. The parent kills it with SIGKILL after a random number of
printed lines (no timers), several rounds on the same file. A fresh open must then show every
printed edit: the lock was released by the OS and the WAL recovered.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cxworkshop.store import Session, create_file

CHILD = textwrap.dedent(
    """
    import random, sys
    from cxworkshop import ops
    from cxworkshop.store import Session

    path, seed = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(seed)
    session = Session.open(path)
    departments = [d.id for d in session.load().departments]
    n = 0
    while True:
        n += 1
        choice = rnd.random()
        if choice < 0.35 or not departments:
            done = ops.add_department(session, f"Dept {seed}-{n}", index=rnd.randint(0, 3))
            departments.append(done.id)
            line = f"{n} D {done.id}"
        elif choice < 0.75:
            done = ops.add_participant(session, f"Person {seed}-{n}", rnd.choice(departments + [None]))
            line = f"{n} P {done.id}"
        else:
            title = f"Title {seed}-{n}"
            ops.edit_workshop(session, title=title)
            line = f"{n} T {title}"
        print(line, flush=True)
    """
)

#: (child seed, printed lines before the kill): from one line to a few hundred
ROUNDS = [(100 + i, k) for i, k in enumerate(random.Random(2026).choices(range(1, 300), k=12))]


def _run_and_kill(path: Path, seed: int, lines_before_kill: int) -> list[tuple[int, str, str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    printed: list[str] = []
    try:
        while len(printed) < lines_before_kill:
            line = proc.stdout.readline()
            if not line:
                break
            printed.append(line)
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the child stopped by itself: {err}"
    printed.extend(rest.splitlines(keepends=True))
    assert len(printed) >= lines_before_kill
    out = []
    for line in printed:
        n, kind, value = line.rstrip("\n").split(" ", 2)
        out.append((int(n), kind, value))
    return out


@pytest.mark.slow
def test_killed_mid_edit_keeps_every_reported_edit(tmp_path):
    path = tmp_path / "live.cxw"
    create_file(path)
    reported_departments: set[str] = set()
    reported_participants: set[str] = set()
    for seed, kill_after in ROUNDS:
        done = _run_and_kill(path, seed, kill_after)
        assert Path(f"{path}-wal").exists()  # the child never closed: recovery is needed
        reported_departments |= {v for _, k, v in done if k == "D"}
        reported_participants |= {v for _, k, v in done if k == "P"}
        titles = [v for _, k, v in done if k == "T"]
        last = done[-1][0]

        with Session.open(path) as s:  # the dead child's lock is gone and its WAL is recovered
            assert not s.read_only
            w = s.load()
        departments = {d.id for d in w.departments}
        participants = {p.id for p in w.participants}
        assert reported_departments <= departments
        assert reported_participants <= participants
        # at most the one op that was running when the kill came is there unreported
        unreported = (departments - reported_departments) | (participants - reported_participants)
        assert len(unreported) <= 1, unreported
        in_flight = f"Title {seed}-{last + 1}"
        if titles:
            assert w.workshop.title in (titles[-1], in_flight)
        reported_departments |= departments
        reported_participants |= participants

        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    assert len(reported_departments) > 10
    assert len(reported_participants) > 10
