"""Starting the app: no display gets one sentence, not Qt's abort."""

import subprocess
import sys

from cxworkshop.ui import app


def test_no_display_is_one_sentence():
    problem = app.display_problem({}, "linux")
    assert problem.startswith("cxworkshop needs a graphical display")
    assert problem.count(".") <= 1


def test_offscreen_needs_no_display():
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert app.display_problem({}, "win32") is None


def test_missing_x11_libraries_are_named_with_their_packages(monkeypatch):
    monkeypatch.setattr(app, "_loadable", lambda lib: "icccm" not in lib and "keysyms" not in lib)
    problem = app.display_problem({"DISPLAY": ":0"}, "linux")
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in problem


def test_the_command_says_so_and_exits_2_without_a_display():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run([sys.executable, "-m", "cxworkshop"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("cxworkshop needs a graphical display")
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
