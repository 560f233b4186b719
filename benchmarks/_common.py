"""What every benchmark module shares: result rows, statistics, the machine, subprocess set-up.

A benchmark module is `benchmarks/bench_<name>.py` with `run() -> list[dict]`; each dict is one
figure, made with `figure()`. `run.py` finds the modules, runs them and prints the table.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable  # run.py is started with the project's virtualenv Python


class Skip(Exception):  # noqa: N818 - reads as "raise Skip(why)"
    """A benchmark cannot run here yet (say why, in one sentence)."""


def figure(bench: str, name: str, value: float, unit: str, *, target: str | None = None,
           limit: float | None = None, inclusive: bool = False, note: str = "") -> dict:
    """One row of the table. With `limit`, PASS means value < limit (<= when `inclusive`)."""
    passed = None
    if limit is not None:
        passed = value <= limit if inclusive else value < limit
    return {"bench": bench, "figure": name, "value": value, "unit": unit, "target": target,
            "passed": passed, "note": note}


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample at or above p % of them (p99 of 2,000 is
    the 20th largest)."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100)
    return ordered[int(rank) - 1]


def machine() -> dict[str, str]:
    """The facts a reader needs to compare figures between machines."""
    cpu = ""
    with contextlib.suppress(OSError):
        match = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = match.group(1).strip() if match else ""
    memory = ""
    with contextlib.suppress(OSError, AttributeError):
        match = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else ""
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    return {
        "cpu": cpu or platform.processor() or platform.machine(),
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": pyside,
        "sqlite": sqlite3.sqlite_version,
        "tmp_fs": filesystem(tempfile.gettempdir()),
    }


def filesystem(path: str) -> str:
    """The filesystem type holding `path` (Linux /proc/mounts), or '?'."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "?"
    real = os.path.realpath(path)
    best, kind = "", "?"
    for fields in mounts:
        if len(fields) >= 3:
            mount = fields[1]
            inside = real == mount or real.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) > len(best):
                best, kind = mount, fields[2]
    return kind


@contextlib.contextmanager
def app_home() -> Iterator[dict[str, str]]:
    """An environment for the app as a subprocess: offscreen Qt, and a throw-away home, so the
    demo file, settings and logs never touch the user's own."""
    with tempfile.TemporaryDirectory(prefix="cxw-bench-home-") as home:
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["HOME"] = home
        for var, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                         ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state"),
                         ("XDG_RUNTIME_DIR", "runtime")):
            folder = Path(home, sub)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            env[var] = str(folder)
        yield env


def timed_run(args: list[str], env: dict[str, str], *, timeout: float = 60) -> tuple[float, str]:
    """Wall time of a whole subprocess, spawn to exit, and its stdout; raises if it fails."""
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        err = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"{' '.join(args[1:])} exited with {done.returncode}: "
                           f"{err[-1] if err else 'no output'}")
    return wall, done.stdout


def interchange_missing() -> str | None:
    """Why the interchange module cannot be used yet, or None when it can."""
    try:
        from cxworkshop import interchange

        for name in ("load_json", "from_document"):
            if not hasattr(interchange, name):
                return f"cxworkshop.interchange has no {name}() yet"
    except ImportError as exc:
        return f"cxworkshop.interchange cannot be imported ({exc})"
    return None
