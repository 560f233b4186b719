"""The Blueprint road map in the window at 1920×1080: a drag frame (the mouse moves, the bar
follows and the road map is painted again) and a drop (mouse released to the move committed in
the file and every list beside the road map showing it), on the demo (11 milestones) and on a
large plan (400 milestones in 12 lanes over five years).

The issue set no target; one frame at 60 Hz (16 ms) is the bar for a drag, and 100 ms (the
point where a response stops feeling instant) for a drop.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from _common import figure, median, percentile

ORDER = 60
MOVES = 120


def _large():
    from cxworkshop.demo import demo_workshop
    from cxworkshop.model import blueprint as MB
    from cxworkshop.model.workshop import Department, Milestone

    w = demo_workshop()
    rng = random.Random(6)
    extra = [Department(f"b{i}", f"Business unit {i}", None) for i in range(6)]
    w.departments = [*w.departments, *extra]
    lanes = [d.id for d in w.departments]
    w.blueprint.start, w.blueprint.end = "2027-01", "2031-12"
    for i in range(400 - len(w.blueprint.milestones)):
        first = MB.add_months("2027-01", rng.randrange(0, 58))
        w.blueprint.milestones.append(Milestone(
            f"mb{i}", f"Milestone {i}: a step of the plan with a longer title", first,
            MB.add_months(first, rng.randrange(0, 8)), lane=rng.choice(lanes)))
    return w


def _drag(path: Path) -> tuple[list[float], float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cxworkshop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1920, 1080)
    window.show()
    assert window.open_path(path)
    window.go_blueprint()
    for _ in range(3):
        app.processEvents()
    canvas = window.blueprint_page.roadmap_view.canvas
    rect = canvas.bar_rects()["m-calendar"]
    start = rect.center().toPoint()
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    samples = []
    step = canvas.month_width() / 6
    for i in range(1, MOVES + 1):  # six moves a month: right for ten months, then back
        dx = round(step * (i if i <= MOVES // 2 else MOVES - i))
        t0 = time.perf_counter()
        QTest.mouseMove(canvas, start + QPoint(dx, (i % 7) * 3))
        canvas.repaint()  # paint now, as the screen would on its next frame
        samples.append(time.perf_counter() - t0)
    end = start + QPoint(round(canvas.month_width() * 2), 0)
    QTest.mouseMove(canvas, end)
    t0 = time.perf_counter()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    app.processEvents()
    canvas.repaint()
    drop = time.perf_counter() - t0
    moved = next(m for m in window.blueprint_page.workshop.blueprint.milestones
                 if m.id == "m-calendar")
    assert moved.start == "2027-03", moved  # the drop did land, two months on
    window.close_workshop()
    window.close()
    return samples, drop


def run() -> list[dict]:
    from cxworkshop.demo import demo_workshop
    from cxworkshop.store import create_file

    rows = []
    b = "roadmap"
    with tempfile.TemporaryDirectory(prefix="cxw-bench-roadmap-") as tmp:
        for label, workshop in (("demo", demo_workshop()), ("400 milestones", _large())):
            path = create_file(Path(tmp, f"{label[:4]}.cxw"), workshop)
            samples, drop = _drag(path)
            ms = [s * 1000 for s in samples]
            rows.append(figure(b, f"drag frame, {label}: median", median(ms), "ms"))
            rows.append(figure(b, f"drag frame, {label}: p95", percentile(ms, 95), "ms",
                               target="< 16 ms", limit=16,
                               note=f"mouse move + repaint, {MOVES} moves at 1920x1080"))
            rows.append(figure(b, f"drop to saved and shown, {label}", drop * 1000, "ms",
                               target="< 100 ms", limit=100,
                               note="release, commit, page reread, repaint"))
    return rows
