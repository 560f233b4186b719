"""Op latency: one user verb, validation to committed-on-disk, on a demo-sized session.

Each op is one `cxworkshop.ops` call, which opens its own transaction and commits it before
returning (WAL, synchronous=FULL while a session is open: every commit is fsynced). Timed one
call at a time with `time.perf_counter`, ~2,000 calls each after a short warm-up; the figures
are the median and the 99th percentile (nearest rank) in milliseconds.

For the record, not against a target: the same one-row UPDATE per transaction on a plain
sqlite3 connection in WAL and in rollback-journal (DELETE) mode, both synchronous=FULL, and
the cost of one `os.fsync` of a small file: what the storage itself charges for a commit.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import figure, median, percentile
from _workload import interchange_document

ORDER = 30
N = 2000
WARMUP = 20
TARGET_P99_MS = 5.0
SIZE_NOTES = 300  # a few hundred rows: 6 departments, 30 people, 300 notes (the demo has 30 notes)


def demo_sized_workshop():
    """A workshop of demo size built straight from the model (no interchange module needed)."""
    from cxworkshop import model as m

    doc = interchange_document(SIZE_NOTES, seed=7)
    disc = doc["discover"]
    return m.Workshop(
        workshop=m.WorkshopInfo(**doc["workshop"]),
        departments=[m.Department(**d) for d in doc["departments"]],
        participants=[m.Participant(**p) for p in doc["participants"]],
        agenda=[m.AgendaItem(**a) for a in doc["agenda"]],
        discover=m.Discover(
            notes=[m.Note(**n) for n in disc["notes"]],
            clusters=[m.Cluster(**c) for c in disc["clusters"]],
            links=[m.Link(id=lk["id"], source=lk["from"], target=lk["to"], label=lk["label"])
                   for lk in disc["links"]],
        ),
        priorities=m.Priorities(improvements=[
            m.Improvement(**{**i, "votes": [m.Vote(**v) for v in i["votes"]]})
            for i in doc["priorities"]["improvements"]]),
    )


def _time(fn: Callable[[int], object], n: int = N, after: Callable[[object], None] | None = None
          ) -> list[float]:
    """Milliseconds of `fn(i)` for i in range(n), after WARMUP unrecorded calls; `after(result)`
    runs untimed after each call (to put things back)."""
    samples = []
    for i in range(-WARMUP, n):
        t0 = time.perf_counter()
        result = fn(i)
        elapsed = time.perf_counter() - t0
        if after is not None:
            after(result)
        if i >= 0:
            samples.append(elapsed * 1000)
    return samples


def _op_figures(name: str, samples: list[float], note: str = "") -> list[dict]:
    p99 = percentile(samples, 99)
    return [
        figure("ops", f"{name}: median", median(samples), "ms", note=note),
        figure("ops", f"{name}: p99", p99, "ms", target=f"< {TARGET_P99_MS:g} ms",
               limit=TARGET_P99_MS, note=f"max {max(samples):.2f} ms over {len(samples):,}"),
    ]


def _ops(folder: Path) -> list[dict]:
    from cxworkshop import ops
    from cxworkshop.store import Session

    workshop = demo_sized_workshop()
    rows = (f"{len(workshop.departments)} departments, {len(workshop.participants)} participants, "
            f"{len(workshop.discover.notes)} notes")
    victim = workshop.participants[7].id  # authored notes, cast votes
    refs = sum(n.author == victim for n in workshop.discover.notes)
    out: list[dict] = []
    with Session.create(folder / "ops.cxw", workshop) as s:
        out += _op_figures("edit_workshop(title=)", _time(
            lambda i: ops.edit_workshop(s, title=f"Alignment day, take {i}")), note=rows)
        out += _op_figures("edit_department(name=)", _time(
            lambda i: ops.edit_department(s, "d-mkt", name=f"Marketing {i}")))
        out += _op_figures("move_department (first <-> last of 6)", _time(
            lambda i: ops.move_department(s, "d-mkt", 5 if i % 2 else 0)))
        out += _op_figures("add_participant", _time(
            lambda i: ops.add_participant(s, f"Guest {i}", "d-sal", "Observer"),
            after=lambda added: ops.delete_participant(s, added.id)),
            note="deleted again untimed, so the list keeps its size")
        out += _op_figures("delete_participant", _time(
            lambda i: ops.delete_participant(s, victim), after=lambda d: ops.restore(s, d)),
            note=f"clears {refs} note authors and the votes it cast; restored untimed")
        last = [ops.delete_participant(s, victim)]
        out += _op_figures("restore (undo of that delete)", _time(
            lambda i: ops.restore(s, last[0]),
            after=lambda _: last.__setitem__(0, ops.delete_participant(s, victim))),
            note="deleted again untimed")
        ops.restore(s, last[0])
        after = s.load()  # still whole after ~20,000 commits, and the same size as before
        if len(after.participants) != len(workshop.participants):
            raise RuntimeError(f"{len(after.participants)} participants at the end, "
                               f"{len(workshop.participants)} at the start")
    return out


def _plain_sqlite(folder: Path, journal: str) -> list[float]:
    path = folder / f"plain-{journal.lower()}.db"
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"PRAGMA journal_mode = {journal}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE workshop (id INTEGER PRIMARY KEY, title TEXT NOT NULL) STRICT")
        conn.execute("CREATE TABLE note (id TEXT PRIMARY KEY, text TEXT NOT NULL) STRICT")
        conn.execute("INSERT INTO workshop VALUES (1, '')")
        conn.executemany("INSERT INTO note VALUES (?, ?)",
                         [(f"n{i}", "x" * 80) for i in range(SIZE_NOTES)])

        def update(i: int) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE workshop SET title = ? WHERE id = 1", (f"Alignment day, take {i}",))
            conn.execute("COMMIT")

        return _time(update)
    finally:
        conn.close()


def _fsync(folder: Path) -> list[float]:
    fd = os.open(folder / "fsync.bin", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        samples = []
        for i in range(-WARMUP, N):
            os.pwrite(fd, (i + WARMUP).to_bytes(4, "little") * 25, 0)  # 100 bytes, changed every time
            t0 = time.perf_counter()
            os.fsync(fd)
            if i >= 0:
                samples.append((time.perf_counter() - t0) * 1000)
        return samples
    finally:
        os.close(fd)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="cxw-bench-ops-") as tmp:
        folder = Path(tmp)
        out = _ops(folder)
        for journal, label in (("WAL", "plain sqlite3 UPDATE+COMMIT, WAL"),
                               ("DELETE", "plain sqlite3 UPDATE+COMMIT, DELETE journal")):
            samples = _plain_sqlite(folder, journal)
            out += [figure("ops", f"{label}: median", median(samples), "ms",
                           note="synchronous=FULL; for the record"),
                    figure("ops", f"{label}: p99", percentile(samples, 99), "ms")]
        samples = _fsync(folder)
        out += [figure("ops", "os.fsync of a 100-byte file: median", median(samples), "ms",
                       note="for the record"),
                figure("ops", "os.fsync of a 100-byte file: p99", percentile(samples, 99), "ms")]
    return out
