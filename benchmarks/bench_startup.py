"""Start-up: process spawn to a shown main window on the demo workshop, against a bare PySide6
window measured the same way on the same machine in the same run (the floor).

Both are whole subprocesses timed with `time.perf_counter` around `subprocess.run`, offscreen,
alternated so drift (CPU frequency, page cache, other load) hits both alike. The app prints
`shown <seconds>` (its own clock, from `ui.app.run()` entry to the first event-loop turn after
`show()`); the floor script prints the same from its first line.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time

from _common import PY, ROOT, Skip, app_home, figure, interchange_missing, median

ORDER = 10
ROUNDS = 7  # each, alternately, after one unmeasured warm-up of each
TARGET_RATIO = 2.0
TIMEOUT = 60  # seconds, per launch

FLOOR = """\
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def done():
    print(f"shown {time.perf_counter() - started:.4f}", flush=True)
    window.close()
    app.quit()
QTimer.singleShot(0, done)
sys.exit(app.exec())
"""

APP = [PY, "-m", "cxworkshop", "--demo", "--exit-when-shown"]
BARE = [PY, "-c", FLOOR]


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(spawn to exit, spawn to the `shown` line read from the pipe, the seconds it printed)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=err,
                                text=True)
        watchdog = threading.Timer(TIMEOUT, proc.kill)  # a hung window must not hang the run
        watchdog.start()
        try:
            line = proc.stdout.readline()
            t1 = time.perf_counter()
            rest = proc.stdout.read()
            code = proc.wait()
            t2 = time.perf_counter()
        finally:
            watchdog.cancel()
            proc.stdout.close()
        if code != 0 or not line.startswith("shown "):
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()
            raise RuntimeError(f"{' '.join(args[1:3])} exited with {code} after printing "
                               f"{(line + rest).strip()[:200]!r}: {tail[-1] if tail else ''}")
    return t2 - t0, t1 - t0, float(line.split()[1])


def run() -> list[dict]:
    why = interchange_missing()
    if why:
        raise Skip(f"--demo needs the interchange module: {why}")
    if not (ROOT / "cxworkshop" / "resources" / "demo-workshop.json").exists():
        raise Skip("--demo needs cxworkshop/resources/demo-workshop.json, which is not there yet")
    walls: dict[str, list[float]] = {"app": [], "floor": []}
    to_line: dict[str, list[float]] = {"app": [], "floor": []}
    inside: dict[str, list[float]] = {"app": [], "floor": []}
    with app_home() as env:
        for i in range(ROUNDS + 1):
            for kind, args in (("app", APP), ("floor", BARE)):
                wall, line, printed = _spawn(args, env)
                if i:  # round 0 warms the page cache and writes .pyc files
                    walls[kind].append(wall)
                    to_line[kind].append(line)
                    inside[kind].append(printed)
    app, floor = median(walls["app"]), median(walls["floor"])
    shown_app, shown_floor = median(to_line["app"]), median(to_line["floor"])
    b = "startup"

    def spread(kind: str) -> str:
        return f"{min(walls[kind]):.3f}–{max(walls[kind]):.3f} s over {ROUNDS}"

    # The target is on start-up to a shown window, as the issue defines it; the whole process
    # (with teardown) is kept beside it for the record.
    return [
        figure(b, "app --demo: spawn to shown window, median", shown_app, "s",
               note="what the facilitator waits for"),
        figure(b, "floor, bare PySide6 window: spawn to shown, median", shown_floor, "s"),
        figure(b, "app / floor, to a shown window", shown_app / shown_floor, "x",
               target=f"<= {TARGET_RATIO:g}x", limit=TARGET_RATIO, inclusive=True),
        figure(b, "app: spawn to exit, median", app, "s", note=spread("app")),
        figure(b, "floor: spawn to exit, median", floor, "s", note=spread("floor")),
        figure(b, "app / floor, whole processes", app / floor, "x",
               note="for the record: includes closing the file and Python's teardown"),
        figure(b, "app: in-process run() to shown, median", median(inside["app"]), "s",
               note="printed by --exit-when-shown (after imports of cli)"),
        figure(b, "floor: in-process to shown, median", median(inside["floor"]), "s"),
    ]
