"""The core (model, store, ops, interchange) runs without Qt: the CLI and the tests use it
headless, and a screen can never sneak into the file format."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CORE = ("cxworkshop.model", "cxworkshop.store", "cxworkshop.ops", "cxworkshop.interchange")


def test_the_core_imports_no_qt_and_no_screens():
    script = textwrap.dedent(
        f"""
        import importlib, sys
        for name in {CORE!r}:
            importlib.import_module(name)
        bad = sorted(n for n in sys.modules
                     if n.split(".")[0] in ("PySide6", "shiboken6")
                     or n.startswith(("cxworkshop.ui", "cxworkshop.commands")))
        print(",".join(bad))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the core pulled in: {result.stdout.strip()}"


def test_the_check_itself_would_notice_qt():
    """Guard against a vacuous pass: the same probe does see PySide6 once something imports it."""
    script = "import sys, PySide6.QtCore; print(any(n.startswith('PySide6') for n in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.stdout.strip() == "True", result.stderr
