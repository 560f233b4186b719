"""Starting the GUI: check there is a screen, make the application, show the window.

Nothing here runs at import time; `run()` wires logging of unexpected errors, which the
facilitator sees as one sentence, never a traceback.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

#: Libraries Qt's X11 window plugin loads, with the Debian/Ubuntu package that has each.
XCB_LIBRARIES = (
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)


def display_problem(env: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why no window can open here, in one sentence, or None if one can."""
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: the user chose a platform that needs no X
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("cxworkshop needs a graphical display and found none (DISPLAY and "
                "WAYLAND_DISPLAY are unset); run it from a desktop session.")
    if env.get("DISPLAY") and (qpa.startswith("xcb") or not env.get("WAYLAND_DISPLAY")):
        missing = [pkg for lib, pkg in XCB_LIBRARIES if not _loadable(lib)]
        if missing:
            return ("cxworkshop cannot open a window because system libraries are missing; "
                    f"install them with: sudo apt install {' '.join(missing)}")
    return None


def _loadable(library: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def demo_session_path(fresh: bool = False) -> Path:
    """The demo workshop in the user's data folder: made when missing or when `fresh`.

    An existing demo is kept as the facilitator left it (rebuilding it at every start would
    throw their practice edits away, and costs a validation of the whole demo).
    """
    from platformdirs import user_data_path

    from ..demo import demo_workshop
    from ..store import SessionFileError, create_file

    folder = user_data_path("cxworkshop", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Demo workshop.cxw"
    if path.exists() and not fresh:
        return path
    try:
        create_file(path, demo_workshop(), overwrite=True)
    except SessionFileError:
        if not path.exists():
            raise  # else: the demo is open in another window; that one is shown as it is
    return path


#: The app's id on Linux: the name of its .desktop file, AppStream metadata and theme icon
#: (packaging/linux).
APP_ID = "org.cxworkshop.CXWorkshop"


def app_icon():
    """The app's icon (cxworkshop/resources/icons) at every size drawn for it, so the window,
    the task bar and the window switcher each take a sharp one. Read as bytes, not by path:
    the package may live inside a zip file."""
    from importlib.resources import files

    from PySide6.QtGui import QIcon, QPixmap

    icon = QIcon()
    for entry in (files("cxworkshop") / "resources" / "icons").iterdir():
        if entry.name.startswith("cxworkshop-") and entry.name.endswith(".png"):
            pixmap = QPixmap()
            if pixmap.loadFromData(entry.read_bytes(), "PNG"):
                icon.addPixmap(pixmap)
    return icon


def _log_path() -> Path:
    from platformdirs import user_log_path

    folder = user_log_path("cxworkshop", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "cxworkshop.log"


def run(path: str | None, *, demo: bool, exit_when_shown: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    started = time.perf_counter()

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CX Workshop")
    app.setOrganizationName("cxworkshop")
    app.setApplicationDisplayName("CX Workshop")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)  # on Wayland the window's icon comes from the .desktop file

    def excepthook(kind, value, tb) -> None:
        import traceback

        try:
            with open(_log_path(), "a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(kind, value, tb)) + "\n")
        except OSError:
            pass
        where = f" in {window.session.path.name}" if window.session else ""
        QMessageBox.critical(
            window, "CX Workshop",
            f"Something went wrong ({kind.__name__}: {value}). Everything up to your last "
            f"change is saved{where}; the details are in {_log_path()}.")

    window = MainWindow(QSettings(), demo_path=demo_session_path)
    sys.excepthook = excepthook
    if demo:
        window.open_demo()
    elif path:
        window.open_path(path)
    window.show()
    if exit_when_shown:  # for the start-up benchmark
        def done() -> None:
            print(f"shown {time.perf_counter() - started:.4f}", flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, done)
    return app.exec()
