"""Typing in the Setup page: one keystroke in the workshop's title, from the key event to the
edit committed in the file and the page showing it again, on the demo and on a 2,000-note
workshop (the page must not get slower as the board grows).

No target was set for this in the issue; 16 ms (one frame at 60 Hz) is the figure to beat so
typing never lags behind the keys.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from _common import figure, median, percentile
from _workload import interchange_document

ORDER = 40
KEYS = 200


def _keystrokes(path: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cxworkshop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.show()
    assert window.open_path(path)
    window.go_setup()
    field = window.setup_page.fields["title"]
    field.setFocus()
    app.processEvents()
    samples = []
    for i in range(KEYS):
        key = Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace
        t0 = time.perf_counter()
        QTest.keyClick(field, key)
        app.processEvents()
        samples.append(time.perf_counter() - t0)
    window.close()
    return samples


def run() -> list[dict]:
    from cxworkshop.demo import demo_workshop
    from cxworkshop.interchange import from_document
    from cxworkshop.store import create_file

    rows = []
    b = "keystroke"
    with tempfile.TemporaryDirectory(prefix="cxw-bench-keys-") as tmp:
        for label, workshop in (
            ("demo", demo_workshop()),
            ("2,000 notes", from_document(interchange_document(2000), "bench.json")),
        ):
            path = create_file(Path(tmp, f"{label[:4]}.cxw"), workshop)
            ms = [s * 1000 for s in _keystrokes(path)]
            rows.append(figure(b, f"title keystroke, {label}: median", median(ms), "ms"))
            rows.append(figure(b, f"title keystroke, {label}: p99", percentile(ms, 99), "ms",
                               target="< 16 ms", limit=16,
                               note=f"save + refresh, {KEYS} keys"))
    return rows
