"""The facilitator's window: a stage rail on the left, the current stage's page on the right.

There is no "unsaved" state: a workshop is a file from the moment it exists, and every edit is
written to it before the screen moves on. The window only opens, closes, copies and reads files
(a breakout group's board is brought in through an op, as one undo step).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import model as m
from .. import ops
from ..model.timer import AgendaTimer, opening_index
from ..ops import agenda as ops_agenda
from ..ops import merge
from ..store import Session, SessionFileError, create_file
from . import actions as A
from . import theme as T
from .editor import Editor
from .pages import WelcomePage, long_date
from .timer_bar import TimerBar

STAGE_PAGES = (
    ("Setup", None, ""),
    ("Discover", "discover", "Challenges and barriers on a shared board, by department, "
                             "with the chains of cause and effect between them."),
    ("Diagnostics", "discover", "Self-assessments scored by each department, and where their "
                                "scores differ most."),
    ("Ambition", "ambition", "What customer experience means here, the vision, the destination "
                             "and who travels with you."),
    ("Priorities", "priorities", "Improvements, votes, decisions with each department's stance, "
                                 "and the social contract."),
    ("Blueprint", "blueprint", "The road map, the measures and the CX council that keeps it "
                               "going."),
)
#: What the built screens show; a refresh reads only these (Setup, the agenda timer), never a
#: whole board.
SHOWN_SECTIONS = ("workshop", "departments", "participants", "agenda")
MAX_RECENT = 8
#: The window's actions that also work on the room's window (it may cover the only screen).
ROOM_KEYS = ("view.present", "view.blank", "view.bigger", "view.smaller", "view.normalsize",
             "view.contrast", "timer.toggle", "timer.next", "timer.previous", "go.setup",
             "go.discover", "go.diagnostics", "go.ambition", "go.priorities", "go.blueprint")
#: How often the room's window checks that it still shows what the facilitator shows (a zoom,
#: a highlight, another instrument); it is only drawn again when something changed.
FOLLOW_MS = 200
FILE_FILTER = "CX Workshop sessions (*.cxw)"


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _session_path(answer: str) -> Path:
    """The path a file dialog answered, with the .cxw ending added if it was left off."""
    path = Path(answer)
    return path if path.suffix.lower() == ".cxw" else path.with_name(path.name + ".cxw")


def default_folder() -> Path:
    """Where new workshops go unless the facilitator says otherwise: their documents folder."""
    from platformdirs import user_documents_path

    return user_documents_path()


def _described(info: m.WorkshopInfo) -> str:
    """A workshop in words, from what its details say: “Title” for Organisation, facilitated
    by Someone on 23 November 2026 (each part only when the file has it); "" when it says
    nothing of its title, organisation or facilitator."""
    title = info.title.strip().rstrip(".")
    organisation, facilitator = info.organisation.strip(), info.facilitator.strip()
    if not (title or organisation or facilitator):
        return ""
    words = f"“{title}”" if title else "a workshop"
    if organisation:
        words += f" for {organisation}"
    if facilitator:
        words += f", facilitated by {facilitator}"
    if info.date:
        words += f" on {long_date(info.date)}"
    return words


def whose_workshop(file_name: str, info: m.WorkshopInfo) -> str:
    """What a file just opened is and whose it is, in one sentence ("" if it does not say)."""
    words = _described(info)
    return f"Opened {file_name}: {words}." if words else ""


def _counted(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, demo_path: Callable[[bool], Path] | None = None):
        super().__init__()
        self.settings = settings
        self._demo_path = demo_path
        self.session: Session | None = None
        self.editor: Editor | None = None
        self.stack = QUndoStack(self)
        self.audience = None  # the room's window, made when first presented
        self.theme = T.THEMES.get(str(settings.value("look/theme", T.LIGHT.name)), T.LIGHT)
        try:
            scale = float(settings.value("look/scale", T.NORMAL_SCALE))
        except (TypeError, ValueError):
            scale = T.NORMAL_SCALE
        self.font_scale = T.step_scale(scale, 0)
        self._system_font = QFont(self.font())
        self.content_version = 0  # counts edits, so the room's window knows to draw again
        self.agenda_version = 0
        self.clock: Callable[[], float] = time.monotonic  # tests put a fake clock here
        self.timer = AgendaTimer([], clock=lambda: self.clock())
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._follower = QTimer(self)
        self._follower.setInterval(FOLLOW_MS)
        self._follower.timeout.connect(self.sync_room)
        self._apply_font_scale()
        self.resize(1280, 800)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = QLabel("")
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(0)
        outer.addLayout(body, 1)
        self.rail = QListWidget()
        self.rail.setObjectName("stageRail")
        self.rail.setFixedWidth(180)
        for row, (title, _stage, what) in enumerate(STAGE_PAGES):
            self.rail.addItem(title)
            if what:
                self.rail.item(row).setToolTip(what)
        self.rail.currentRowChanged.connect(self._rail_changed)
        body.addWidget(self.rail)
        self.pages = QStackedWidget()
        body.addWidget(self.pages, 1)
        self.timer_bar = TimerBar()
        self.timer_bar.toggled.connect(self.toggle_timer)
        self.timer_bar.next_requested.connect(self.next_agenda_item)
        self.timer_bar.chosen.connect(self.choose_agenda_item)
        self.timer_bar.present_requested.connect(self.toggle_presenting)
        self.timer_bar.hide()
        outer.addWidget(self.timer_bar)
        self._welcome: WelcomePage | None = None  # built when first needed: start-up is short
        self.setup_page = None  # built on its first visit: a workshop usually opens on a stage
        self.stage_pages: list[QWidget | None] = []
        self.setCentralWidget(central)

        menus: dict[str, QMenu] = {"&File": self.menuBar().addMenu("&File")}
        self.actions_by_id = A.build(self, menus)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("file.recent")
        menus["&File"].insertMenu(self.actions_by_id["file.demo"], self.recent_menu)
        edit = self.menuBar().addMenu("&Edit")
        self.menuBar().insertMenu(menus["&Go"].menuAction(), edit)
        undo = self.stack.createUndoAction(self, "&Undo")
        undo.setObjectName("edit.undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.stack.createRedoAction(self, "&Redo")
        redo.setObjectName("edit.redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit.addAction(action)
            self.addAction(action)
        self.actions_by_id["edit.undo"] = undo
        self.actions_by_id["edit.redo"] = redo
        self.actions_by_id["view.contrast"].setChecked(self.theme is T.HIGH_CONTRAST)
        self._show_session_state()

    # -- what is shown ------------------------------------------------------------------------

    @property
    def welcome(self) -> WelcomePage:
        if self._welcome is None:
            self._welcome = WelcomePage()
            self._welcome.new_requested.connect(self.new_workshop)
            self._welcome.open_requested.connect(self.open_workshop)
            self._welcome.demo_requested.connect(self.open_demo)
            self._welcome.recent_requested.connect(self.open_path)
            self._welcome.show_recent(self.recent_files())
            self.pages.insertWidget(0, self._welcome)
        return self._welcome

    def _stage_page(self, index: int) -> QWidget:
        """The page of stage `index` (0 = Discover), built on its first visit."""
        page = self.stage_pages[index]
        if page is None:
            assert self.editor is not None
            if index == 0:
                from .discover.page import DiscoverPage as cls
            elif index == 1:
                from .diagnostics.page import DiagnosticsPage as cls
            elif index == 2:
                from .ambition.page import AmbitionPage as cls
            elif index == 3:
                from .priorities.page import PrioritiesPage as cls
            else:
                from .blueprint.page import BlueprintPage as cls
            page = cls(self.editor)
            self.pages.addWidget(page)
            self.stage_pages[index] = page
        return page

    def _show_session_state(self) -> None:
        has = self.session is not None
        for spec in A.ACTIONS:
            if spec.needs_session:
                self.actions_by_id[spec.id].setEnabled(has)
        self.rail.setEnabled(has)
        self.timer_bar.setVisible(has)
        self.actions_by_id["view.blank"].setEnabled(has and self.presenting)
        self._fill_recent()
        if not has:
            self.setWindowTitle("CX Workshop")
            self.banner.hide()
            self.pages.setCurrentWidget(self.welcome)
            self.rail.blockSignals(True)
            self.rail.setCurrentRow(-1)
            self.rail.blockSignals(False)
            return
        assert self.session is not None
        suffix = " (read-only)" if self.session.read_only else ""
        self.setWindowTitle(f"{self.session.path.name}{suffix} — CX Workshop")
        self.setWindowFilePath(str(self.session.path))
        if self.session.read_only:
            self.banner.setText(
                f"{self.session.path.name} is read-only here: you can look, but nothing can be "
                "changed. Use File ▸ Save a Copy… to work on a copy of your own.")
            self.banner.show()
        else:
            self.banner.hide()

    def _show_title(self) -> None:
        """The file's name, and the workshop's title when the name does not already say it."""
        assert self.session is not None
        suffix = " (read-only)" if self.session.read_only else ""
        title = self.workshop.workshop.title.strip()
        named = f" — {title}" if title and title != self.session.path.stem else ""
        self.setWindowTitle(f"{self.session.path.name}{suffix}{named} — CX Workshop")

    def refresh(self, section: str = "", workshop: m.Workshop | None = None) -> None:
        """Show what the file holds now (or `workshop`, just read from it).

        Setup shows the workshop's details, departments and participants; an edit of any of
        them can touch the others (deleting a department clears participants' department),
        so those three are read again together, which costs the same on any size of board.
        """
        if section in ("discover", "diagnostics", "ambition", "priorities", "actions",
                       "blueprint"):
            self.content_version += 1
            self.sync_room_soon()
        if self.session is None or section in ("discover", "diagnostics", "ambition",
                                                "priorities", "actions", "blueprint"):
            return  # those pages follow their own changes (their `follow`)
        if workshop is not None:
            self.workshop = workshop
        else:
            fresh = self.session.load(SHOWN_SECTIONS)
            for name in SHOWN_SECTIONS:
                setattr(self.workshop, name, getattr(fresh, name))
        self._show_title()
        if section != "agenda":  # the timer's minutes change only the Welcome slide
            self.content_version += 1
        self.agenda_version += 1
        self.timer.set_items(self.workshop.agenda)
        self._show_timer()
        if self.setup_page is not None:
            self.setup_page.show_workshop(self.workshop)
        board = self.discover_page
        if board is not None and section in ("departments", "participants"):
            board.people_changed()
            if self.audience is not None:
                self.audience.people_changed()
        self.sync_room_soon()

    @property
    def discover_page(self):
        """The Discover page if it has been built (it is built on its first visit)."""
        return self.stage_pages[0] if self.stage_pages else None

    def _ensure_setup_page(self) -> QWidget:
        if self.setup_page is None:
            from .setup_page import SetupPage

            assert self.editor is not None
            self.setup_page = SetupPage(self.editor)
            self.pages.insertWidget(1, self.setup_page)
            self.setup_page.show_workshop(self.workshop)
        return self.setup_page

    def _rail_changed(self, row: int) -> None:
        if row < 0 or self.session is None:
            return
        self.pages.setCurrentWidget(
            self._ensure_setup_page() if row == 0 else self._stage_page(row - 1))
        self.sync_room()
        stage = STAGE_PAGES[row][1]
        if stage and not self.session.read_only:
            try:  # where the facilitator is, so the file reopens there; not an undoable edit
                ops.edit_workshop(self.session, current_stage=stage)
            except Exception as exc:
                self.show_error(f"The current stage could not be saved to "
                                f"{self.session.path.name} ({exc}).")

    def go_to(self, row: int) -> None:
        if self.session is not None:
            self.rail.setCurrentRow(row)

    def go_setup(self) -> None:
        self.go_to(0)

    def go_discover(self) -> None:
        self.go_to(1)

    def go_diagnostics(self) -> None:
        self.go_to(2)

    def go_ambition(self) -> None:
        self.go_to(3)

    def go_priorities(self) -> None:
        self.go_to(4)

    def go_blueprint(self) -> None:
        self.go_to(5)

    @property
    def blueprint_page(self):
        """The Blueprint page if it has been built (it is built on its first visit)."""
        return self.stage_pages[4] if len(self.stage_pages) > 4 else None

    @property
    def priorities_page(self):
        """The Priorities page if it has been built (it is built on its first visit)."""
        return self.stage_pages[3] if len(self.stage_pages) > 3 else None

    @property
    def ambition_page(self):
        """The Ambition page if it has been built (it is built on its first visit)."""
        return self.stage_pages[2] if len(self.stage_pages) > 2 else None

    @property
    def diagnostics_page(self):
        """The Diagnostics page if it has been built (it is built on its first visit)."""
        return self.stage_pages[1] if len(self.stage_pages) > 1 else None

    # -- opening and closing ------------------------------------------------------------------

    def open_path(self, path: str | Path, *, quiet: bool = False) -> bool:
        """Open a session file in this window; a refusal is shown as one sentence."""
        if self.session is not None and _same_file(path, self.session.path):
            return True  # already here
        try:
            session = Session.open(path)
        except SessionFileError as exc:
            if not quiet:
                self.show_error(str(exc))
                if not Path(path).exists():
                    self._forget_recent(str(path))
            return False
        self._adopt(session)
        return True

    def _adopt(self, session: Session) -> None:
        self.close_workshop()
        self.session = session
        self.stack.clear()
        self.editor = Editor(session, self.stack, self)
        self.editor.changed.connect(self.refresh)
        self.editor.failed.connect(self.show_error)
        self.editor.refused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.editor.board_changed.connect(self._people_in_batch)
        self.editor.board_changed.connect(self._room_board_changed)
        self.stage_pages = [None] * (len(STAGE_PAGES) - 1)
        self._remember_recent(str(session.path))
        self._show_session_state()
        self.refresh(workshop=session.workshop_at_open or session.load())
        session.workshop_at_open = None
        self.timer = AgendaTimer(self.workshop.agenda, clock=lambda: self.clock())
        if opening_index(self.timer.items) >= 0:
            self.timer.go(opening_index(self.timer.items))
        self._show_timer()
        self.rail.setCurrentRow(self._opening_row())
        said = [whose_workshop(session.path.name, self.workshop.workshop)]
        if session.migrated_in_memory:
            said.append("This file is from an older version and is read-only here; a copy "
                        "saves it in the current format.")
        if any(said):
            self.statusBar().showMessage(" ".join(filter(None, said)), 10000)

    def _people_in_batch(self, batch) -> None:
        """A board step that also added departments (an imported session does) is news for
        every screen that lists them, when it is made, undone and redone."""
        if self.editor is not None and any(
                table in ("department", "participant") for table, _key in batch.touched()):
            self.editor.changed.emit("departments")

    def _opening_row(self) -> int:
        """Reopen on the stage the facilitator left (a stage's first page: Discover, not its
        Diagnostics); a workshop not set up yet opens on Setup."""
        info = self.workshop.workshop
        if not (self.workshop.departments or info.title):
            return 0
        return next((r for r, page in enumerate(STAGE_PAGES) if page[1] == info.current_stage),
                    0)

    def close_workshop(self) -> None:
        if self.session is None:
            return
        focused = QApplication.focusWidget()
        if focused is not None:  # an open cell editor commits its text as it loses focus
            focused.clearFocus()
        self.stack.clear()
        for page in (self.setup_page, *filter(None, self.stage_pages)):
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
        self.setup_page, self.stage_pages = None, []
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None
        self._timer_stopped()
        session, self.session = self.session, None
        session.close()
        self.timer = AgendaTimer([], clock=lambda: self.clock())
        if self.audience is not None:
            self.audience.forget_board()
        self.stop_presenting()
        self._show_session_state()

    def new_workshop(self) -> None:
        answer = self.ask_new_path()
        if not answer:
            return
        path = _session_path(answer)
        if path != Path(answer) and path.exists():
            self.show_error(f"{path} already exists; choose another name for the new workshop.")
            return
        workshop = m.new_workshop()
        workshop.workshop.date = dt.date.today().isoformat()
        try:
            create_file(path, workshop, overwrite=path.exists())
        except SessionFileError as exc:
            self.show_error(str(exc))
            return
        if self.open_path(path):
            self.go_setup()
            self.setup_page.fields["title"].setFocus()

    def open_workshop(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def open_demo(self) -> None:
        """Open the demo workshop, as it was left; a demo that will not open is made anew."""
        if self._demo_path is None:
            return
        try:
            if self.open_path(self._demo_path(False), quiet=True):
                return
            self.open_path(self._demo_path(True))
        except SessionFileError as exc:
            self.show_error(str(exc))

    def save_copy(self) -> None:
        if self.session is None:
            return
        answer = self.ask_copy_path()
        if not answer:
            return
        path = _session_path(answer)
        if path != Path(answer) and path.exists():
            self.show_error(f"{path} already exists; choose another name for the copy.")
            return
        try:
            self.session.save_copy(path, overwrite=path.exists())
        except SessionFileError as exc:
            self.show_error(str(exc))
            return
        self.statusBar().showMessage(f"Saved a copy as {path}.", 8000)

    def import_session(self) -> None:
        """Bring a breakout group's board (another session file) onto this one, as one undo
        step: the other file is only read, and every refusal of opening a file applies."""
        if self.session is None or self.editor is None:
            return
        if self.session.read_only:
            self.show_error(f"{self.session.path.name} is read-only here, so nothing can be "
                            "imported into it; use File ▸ Save a Copy… to work on a copy.")
            return
        answer = self.ask_import_path()
        if not answer:
            return
        path = Path(answer)
        if _same_file(path, self.session.path):
            self.show_error(f"{path.name} is this workshop's own file; choose the session of "
                            "a breakout group to import.")
            return
        try:
            other = Session.open(path, read_only=True)
        except SessionFileError as exc:
            self.show_error(str(exc))
            return
        try:
            board = merge.breakout_board(other)
        except Exception as exc:  # it opened whole, so this is rare: the disk went away
            detail = str(exc).splitlines()[0].rstrip(".") if str(exc) else type(exc).__name__
            self.show_error(f"{path} could not be read ({detail}).")
            return
        finally:
            other.close()
        said: list[str] = []
        hear = said.append
        self.editor.refused.connect(hear)
        try:
            batch = self.editor.board(merge.import_board, board, source_name=path.stem,
                                      label=f"Import {path.stem}")
        finally:
            self.editor.refused.disconnect(hear)
        if batch is None:
            if said:
                self.show_error(said[-1])
            return
        self._show_import(path, board, batch)

    def _show_import(self, path: Path, board: m.Workshop, batch: ops.Batch) -> None:
        """The Discover page, showing the whole board with the imported block chosen, and
        what came in from whom in the status bar."""
        self.go_discover()
        page = self.discover_page
        if page is not None:
            page.scene.clearSelection()
            frame = page.scene.clusters.get(batch.created[0])
            if frame is not None:
                frame.setSelected(True)
            page.view.fit_all()
        counts = merge.imported(batch)
        parts = [_counted(counts["notes"], "note")]
        if counts["clusters"]:
            parts.append(_counted(counts["clusters"], "cluster"))
        if counts["links"]:
            parts.append(_counted(counts["links"], "link"))
        who = _described(board.workshop)
        source = f"{path.name} ({who})" if who else path.name
        message = f"Imported {_and(parts)} from {source} into the cluster “From {path.stem}”."
        added = merge.added_departments(batch)
        if added:
            message += (f" Added the department{'s' if len(added) > 1 else ''} "
                        f"{_and(added)}, which this workshop had not got.")
        self.statusBar().showMessage(message + " Undo takes it all back.", 15000)

    def export_report(self) -> None:
        """Write the workshop report (the PDF people keep after the day); see report_export."""
        from .report_export import export_report

        export_report(self)

    def report_paper(self) -> str:
        """"a4" or "letter": the paper of this computer's country."""
        from .report_export import default_paper

        return default_paper()

    def ask_include_private(self, notes: int, scores: int) -> bool | None:
        from .report_export import ask_include_private

        return ask_include_private(self, notes, scores)

    def export_council_pack(self) -> None:
        """Write the council pack (the PDF the chair takes to the first council meeting)."""
        if self.session is None:
            return
        suggestion = self.session.path.with_name(f"{self.session.path.stem} council pack.pdf")
        answer = self.ask_pdf_path("Export the council pack", suggestion)
        if not answer:
            return
        path = Path(answer) if Path(answer).suffix.lower() == ".pdf" \
            else Path(answer).with_name(Path(answer).name + ".pdf")
        if _same_file(path, self.session.path):
            self.show_error(f"{path.name} is this workshop's own file; choose another name for "
                            "the council pack.")
            return
        from ..report.council_pack import CouncilPackError, write_council_pack

        try:
            pages = write_council_pack(self.session.load(), path, overwrite=True)
        except CouncilPackError as exc:
            self.show_error(str(exc))
            return
        except Exception as exc:  # the file could not be read, say
            self.show_error(f"The council pack could not be made from {self.session.path.name} "
                            f"({exc}).")
            return
        self.statusBar().showMessage(
            f"Wrote the council pack ({pages} page{'' if pages == 1 else 's'}) to {path}.", 10000)

    # -- in the room: the audience window, the agenda timer, the look ----------------------------

    @property
    def presenting(self) -> bool:
        return self.audience is not None and self.audience.isVisible()

    def toggle_presenting(self) -> None:
        """Open the room's window (F5), or close it."""
        if self.presenting:
            self.stop_presenting()
        else:
            self.start_presenting()

    def start_presenting(self) -> None:
        """The room's window: full screen on the second screen when there is one, else full
        screen here (Esc leaves it)."""
        if self.session is None:
            return
        if self.audience is None:
            from .presenter import AudienceWindow

            self.audience = AudienceWindow(self, parent=self)
            self.audience.left.connect(self.stop_presenting)
            self.audience.addActions([self.actions_by_id[k] for k in ROOM_KEYS])
        screen = self.room_screen()
        if screen is not None:
            self.audience.setScreen(screen)
            self.audience.setGeometry(screen.geometry())
        self.audience.set_blank(False)
        self.audience.showFullScreen()
        self.audience.sync(force=True)
        self._show_timer()
        self._follower.start()
        self.actions_by_id["view.present"].setChecked(True)
        self.actions_by_id["view.blank"].setEnabled(True)
        self.actions_by_id["view.blank"].setChecked(False)
        where = (f" on {screen.name()}" if screen is not None else
                 "; it covers this screen, so Esc comes back here")
        self.statusBar().showMessage(f"Presenting to the room{where}.", 8000)
        self._show_room()

    def room_screen(self):
        """The screen the room's window goes to: another one than this window's, if any."""
        mine = self.screen()
        return next((s for s in QGuiApplication.screens() if s is not mine), None)

    def stop_presenting(self) -> None:
        self._follower.stop()
        if self.audience is not None:
            self.audience.set_blank(False)
            self.audience.hide()
        self.actions_by_id["view.present"].setChecked(False)
        self.actions_by_id["view.blank"].setChecked(False)
        self.actions_by_id["view.blank"].setEnabled(False)
        self._show_room()

    def toggle_blank(self) -> None:
        """Blank the room's screen for a break (B), or show it again."""
        if not self.presenting:
            self.actions_by_id["view.blank"].setChecked(False)
            return
        on = not self.audience.blanked
        self.audience.set_blank(on)
        self.actions_by_id["view.blank"].setChecked(on)
        self._show_room()

    def sync_room(self) -> None:
        """The room's window shows what the facilitator shows now."""
        if self.presenting:
            self.audience.sync()
            self._show_room()

    def sync_room_soon(self) -> None:
        if self.presenting:
            QTimer.singleShot(0, self.sync_room)

    def _room_board_changed(self, batch) -> None:
        if self.audience is not None:
            self.audience.board_changed(batch)

    def _show_room(self) -> None:
        from .presenter import STAGE_TITLES, VIEW_TITLES, current_view

        if not self.presenting:
            self.timer_bar.show_room(False, False, "")
            return
        row = max(0, self.rail.currentRow())
        view = VIEW_TITLES.get(current_view(self), "")
        self.timer_bar.show_room(True, self.audience.blanked, f"{STAGE_TITLES[row]}, {view}")

    # -- the look -------------------------------------------------------------------------------

    def _apply_font_scale(self) -> None:
        font = QFont(self._system_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self.font_scale)
        else:
            font.setPixelSize(round(font.pixelSize() * self.font_scale))
        self.setFont(font)
        self.setStyleSheet(T.facilitator_style(self.font_scale))
        if self.audience is not None:
            self.audience.restyle()

    def _set_font_scale(self, scale: float) -> None:
        if scale == self.font_scale:
            return
        self.font_scale = scale
        self.settings.setValue("look/scale", scale)
        self._apply_font_scale()
        self.statusBar().showMessage(f"Text at {round(scale * 100)} %.", 4000)

    def font_bigger(self) -> None:
        """Larger text here and on the room's screen."""
        self._set_font_scale(T.step_scale(self.font_scale, 1))

    def font_smaller(self) -> None:
        """Smaller text here (the room's screen never goes below what a room can read)."""
        self._set_font_scale(T.step_scale(self.font_scale, -1))

    def font_normal(self) -> None:
        self._set_font_scale(T.NORMAL_SCALE)

    def toggle_contrast(self) -> None:
        """The room's screen in high contrast (white on black), or in its light look."""
        self.theme = T.LIGHT if self.theme is T.HIGH_CONTRAST else T.HIGH_CONTRAST
        self.settings.setValue("look/theme", self.theme.name)
        self.actions_by_id["view.contrast"].setChecked(self.theme is T.HIGH_CONTRAST)
        if self.audience is not None:
            self.audience.restyle()
            self.sync_room()

    # -- the agenda timer -----------------------------------------------------------------------

    def toggle_timer(self) -> None:
        """Start or pause the current agenda item's timer (F8)."""
        if self.timer.current is None:
            self.statusBar().showMessage("The agenda is empty: add its items in Setup, then "
                                         "F8 starts the first.", 8000)
            return
        self.timer.toggle()
        self._timer_changed()

    def next_agenda_item(self) -> None:
        """Keep the time the current item took and go on to the next (Shift+F8)."""
        if self.timer.current is not None:
            last = self.timer.index >= len(self.timer.items) - 1
            self.timer.next()
            self._timer_changed()
            if last:
                self.statusBar().showMessage("That was the last agenda item, so the timer is "
                                             "paused on it; F8 runs it on.", 8000)

    def previous_agenda_item(self) -> None:
        """Back to the item before (Ctrl+F8)."""
        if self.timer.current is not None:
            self.timer.previous()
            self._timer_changed()

    def choose_agenda_item(self, index: int) -> None:
        if 0 <= index < len(self.timer.items):
            self.timer.go(index)
            self._timer_changed()

    def tick(self) -> None:
        """Once a second while the timer runs: the countdown, and the minutes into the file."""
        self._timer_changed()

    def _timer_changed(self) -> None:
        self._save_timer()
        if self.timer.running and self.session is not None:
            self._ticker.start()
        else:
            self._ticker.stop()
        self._show_timer()

    def _timer_stopped(self) -> None:
        """Closing: keep what the running item took so far, then stop the clock."""
        if self.timer.running:
            self.timer.pause()
        self._save_timer()
        self._ticker.stop()

    def _save_timer(self) -> None:
        """Write the minutes each item took as they change: a crash loses less than a minute.
        They are facts of the day, not edits, so they are not on the undo stack."""
        if self.session is None or self.session.read_only:
            return
        unsaved = self.timer.take_unsaved()
        for n, (item_id, minutes) in enumerate(unsaved):
            try:
                ops_agenda.record_actual(self.session, item_id, minutes)
            except Exception as exc:
                for later_id, _m in unsaved[n:]:  # tried again at the next tick
                    self.timer.not_saved(later_id)
                self.statusBar().showMessage(
                    f"The time taken could not be saved to {self.session.path.name} ({exc}); "
                    "it is tried again in a moment.", 10000)
                unsaved = unsaved[:n]
                break
        if unsaved and self.editor is not None:
            self.editor.changed.emit("agenda")

    def _show_timer(self) -> None:
        from .timer_bar import countdown_words

        self.timer_bar.show_timer(self.timer)
        if self.audience is None:
            return
        item = self.timer.current
        if item is None:
            self.audience.header.show_timer("", "", "calm", False)
            return
        self.audience.header.show_timer(item.title, countdown_words(self.timer),
                                        self.timer.phase(), self.timer.running)

    def show_keys(self) -> None:
        """Every key of the current stage and of the window (F1)."""
        from .keymap import show_keymap

        show_keymap(self)

    # -- dialogs: separate methods so tests can answer them ---------------------------------

    def ask_pdf_path(self, title: str, suggestion: Path) -> str:
        dialog = QFileDialog(self, title, str(suggestion), "PDF documents (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(suggestion.name)
        return dialog.selectedFiles()[0] if dialog.exec() else ""

    def _ask_save_path(self, title: str, suggestion: Path) -> str:
        """A save dialog that adds .cxw itself, so its own "replace?" question sees the real
        name."""
        dialog = QFileDialog(self, title, str(suggestion), FILE_FILTER)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("cxw")
        dialog.selectFile(suggestion.name)
        return dialog.selectedFiles()[0] if dialog.exec() else ""

    def ask_new_path(self) -> str:
        suggestion = default_folder() / f"Workshop {dt.date.today().isoformat()}.cxw"
        return self._ask_save_path("New workshop", suggestion)

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Open a workshop", str(default_folder()),
                                              FILE_FILTER)
        return path

    def ask_import_path(self) -> str:
        assert self.session is not None
        path, _ = QFileDialog.getOpenFileName(
            self, "Import the board of another session", str(self.session.path.parent),
            FILE_FILTER)
        return path

    def ask_copy_path(self) -> str:
        assert self.session is not None
        suggestion = self.session.path.with_name(f"{self.session.path.stem} copy.cxw")
        return self._ask_save_path("Save a copy", suggestion)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, "CX Workshop", message)

    # -- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def _remember_recent(self, path: str) -> None:
        path = str(Path(path).absolute())
        paths = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", paths[:MAX_RECENT])

    def _forget_recent(self, path: str) -> None:
        path = str(Path(path).absolute())
        self.settings.setValue("recent", [p for p in self.recent_files() if p != path])
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent_files()
        for path in paths:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(paths))
        if self._welcome is not None:
            self._welcome.show_recent(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_workshop()
        super().closeEvent(event)
