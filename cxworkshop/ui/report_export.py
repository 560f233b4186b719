"""File ▸ Export Report…: the workshop report as a PDF, from the window.

The facilitator picks where it goes; when the workshop holds private notes or scores, the app
asks whether they belong in this copy (left out unless asked for). A large workshop takes a few
seconds, so a progress dialog with Cancel appears when the work lasts longer than a moment;
cancelling writes nothing. What the report reads is the workshop as saved, so nothing the room
does meanwhile can tear it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Countries that print on US Letter; everywhere else A4.
LETTER_COUNTRIES = {QLocale.Country.UnitedStates, QLocale.Country.Canada,
                    QLocale.Country.Mexico, QLocale.Country.Philippines, QLocale.Country.Chile,
                    QLocale.Country.Colombia, QLocale.Country.Venezuela}

#: Show the progress dialog only when the work lasts longer than this (milliseconds).
SHOW_PROGRESS_AFTER = 400


def default_paper() -> str:
    return "letter" if QLocale.system().territory() in LETTER_COUNTRIES else "a4"


def ask_include_private(window: MainWindow, notes: int, scores: int) -> bool | None:
    """Whether the private notes and scores go into this report; None to stop."""
    parts = [f"{n} private {what}{'' if n == 1 else 's'}"
             for n, what in ((notes, "note"), (scores, "score")) if n]
    box = QMessageBox(QMessageBox.Icon.Question, "Export the report",
                      f"This workshop has {' and '.join(parts)}. Put them in this report?",
                      QMessageBox.StandardButton.NoButton, window)
    box.setInformativeText("Leave them out for a report you hand round; include them only in a "
                           "copy for yourself.")
    leave = box.addButton("Leave Them Out", QMessageBox.ButtonRole.AcceptRole)
    include = box.addButton("Include Them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(leave)
    box.exec()
    clicked = box.clickedButton()
    if clicked is leave:
        return False
    if clicked is include:
        return True
    return None


def export_report(window: MainWindow) -> Path | None:
    """Ask where, ask about private notes if there are any, write the report with a progress
    dialog; say what happened in the status bar (or one sentence in an error box). Returns the
    file written, or None."""
    from ..report.workshop_report import Cancelled, ReportError, private_counts, write_report

    session = window.session
    if session is None:
        return None
    suggestion = session.path.with_name(f"{session.path.stem} report.pdf")
    answer = window.ask_pdf_path("Export the workshop report", suggestion)
    if not answer:
        return None
    path = Path(answer) if Path(answer).suffix.lower() == ".pdf" \
        else Path(answer).with_name(Path(answer).name + ".pdf")
    if path.exists() and path.samefile(session.path):
        window.show_error(f"{path.name} is this workshop's own file; choose another name for "
                          "the report.")
        return None
    try:
        workshop = session.load()
    except Exception as exc:  # the file could not be read
        window.show_error(f"The report could not be made from {session.path.name} ({exc}).")
        return None
    notes, scores = private_counts(workshop)
    include = False
    if notes or scores:
        include = window.ask_include_private(notes, scores)
        if include is None:
            return None
    dialog = QProgressDialog("Writing the report…", "Cancel", 0, 100, window)
    dialog.setWindowTitle("Export the workshop report")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, of: int) -> bool:
        dialog.setValue(done * 100 // max(1, of))  # a modal dialog also handles its events
        return not dialog.wasCanceled()

    try:
        pages = write_report(workshop, path, overwrite=True, paper=window.report_paper(),
                             include_private=include, progress=progress)
    except Cancelled:
        window.statusBar().showMessage("The report was not written (cancelled).", 8000)
        return None
    except ReportError as exc:
        window.show_error(str(exc))
        return None
    except Exception as exc:  # never a traceback in the window
        window.show_error(f"The report could not be written to {path.name} ({exc}).")
        return None
    finally:
        dialog.close()
        dialog.deleteLater()
    private = " with the private notes and scores" if include else ""
    window.statusBar().showMessage(
        f"Wrote the report ({pages} page{'' if pages == 1 else 's'}){private} to {path}.", 10000)
    return path
