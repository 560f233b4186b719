"""PySide6 6.12.0 on CPython 3.11 aborts after a few thousand calls of methods that return
nothing ("Fatal Python error: none_dealloc"). pyproject.toml keeps that pair out; this soak
fails if a broken pair ever comes back."""

import subprocess
import sys
import textwrap

import pytest

SOAK = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene
    app = QApplication([])
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 10, 10)
    scene.addItem(item)
    brush = QBrush(QColor("#0072B2"))
    for i in range(100_000):
        item.setPos(i % 500, i % 300)
        item.setBrush(brush)
        item.setZValue(i % 7)
    print("survived", flush=True)
""")


@pytest.mark.slow
def test_300k_calls_of_methods_returning_none_do_not_abort():
    result = subprocess.run([sys.executable, "-c", SOAK], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
