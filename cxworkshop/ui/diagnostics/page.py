"""Diagnostics: the self-assessments that start the honest conversation.

Two views of the chosen instrument. *Scoring*: a grid of statements × departments (or ×
participants), driven by the keyboard: arrows move, a digit scores, Delete clears (an empty
cell is "not scored", never zero), Enter writes the evidence behind a score. *Results*, made
for the projector: each statement's scores side by side, the overall mean, the statements to
"debate here first" (where departments disagree most) and the weakest ones, and the evidence.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...interchange.instruments import InstrumentError, builtin_instruments, load_instrument
from ...model import Workshop
from ...model import board as B
from ...model import diagnostics as A
from ...model import vocabulary as V
from ...ops import Batch
from ...ops import diagnostics as G
from ..editor import Editor, FieldEdit
from .chart import NEUTRAL, Group, ScoreChart, one_decimal

DIGIT_KEYS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)
DEBATE_SHOWN = 5
WEAKEST_SHOWN = 3


class DiagnosticsPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.diagnostics")
        self.editor = editor
        self.session = editor.session
        self.workshop = Workshop()
        self._stale = True
        self._evidence_for: tuple[str, str, str] | None = None  # (instrument, statement, key)
        self._renaming: tuple[str, str] | None = None  # (instrument, statement)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        self.views = QStackedWidget()
        self.views.addWidget(self._score_view())
        self.views.addWidget(self._results_view())
        self.empty = QLabel("This workshop has no diagnostic yet. Add one of the built-in "
                            "instruments, or your own from a file, with “Add instrument”.")
        self.empty.setObjectName("hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.empty.setFont(font)
        self.views.addWidget(self.empty)
        layout.addWidget(self.views, 1)
        editor.board_changed.connect(self.follow)
        editor.changed.connect(self._changed)
        for key, view in (("F6", 0), ("F7", 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda view=view: self.show_view(view))

    # -- building ---------------------------------------------------------------------------------

    def _toolbar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 6, 8, 6)
        title = QLabel("Diagnostics")
        title.setObjectName("pageTitle")
        row.addWidget(title)
        row.addSpacing(16)
        self.instrument = QComboBox()
        self.instrument.setObjectName("diagnostics.instrument")
        self.instrument.setMinimumWidth(240)
        self.instrument.currentIndexChanged.connect(lambda _i: self.show_current())
        row.addWidget(self.instrument)
        self.add_button = QToolButton()
        self.add_button.setObjectName("diagnostics.add")
        self.add_button.setText("Add instrument")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(self.add_menu)
        row.addWidget(self.add_button)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("diagnostics.remove")
        self.remove_button.setText("Remove")
        self.remove_button.setToolTip("Take this instrument and all its scores out of the "
                                      "workshop (Undo brings them back)")
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.by_participant = QCheckBox("Score participants")
        self.by_participant.setObjectName("diagnostics.byParticipant")
        self.by_participant.setToolTip("Score each participant instead of each department")
        self.by_participant.toggled.connect(lambda _on: self.show_current())
        row.addWidget(self.by_participant)
        self.hide_names = QCheckBox("Hide names")
        self.hide_names.setObjectName("diagnostics.hideNames")
        self.hide_names.setToolTip("Show the results without naming departments or people, so a "
                                   "low score shames nobody")
        self.hide_names.toggled.connect(lambda _on: self.show_current())
        row.addWidget(self.hide_names)
        self.score_button = QPushButton("Score")
        self.results_button = QPushButton("Results")
        for i, button in enumerate((self.score_button, self.results_button)):
            button.setObjectName(("diagnostics.scoreView", "diagnostics.resultsView")[i])
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, i=i: self.show_view(i))
            row.addWidget(button)
        self.score_button.setToolTip("Score statements with the keyboard (F6)")
        self.results_button.setToolTip("The results, for the projector (F7)")
        self.score_button.setChecked(True)
        return bar

    def _score_view(self) -> QWidget:
        view = QWidget()
        col = QVBoxLayout(view)
        col.setContentsMargins(8, 0, 8, 8)
        hint = QLabel("Arrows move · a digit scores · Delete clears (not scored) · Enter writes "
                      "the evidence · F2 renames the statement · Ctrl+Z undoes")
        hint.setObjectName("hint")
        col.addWidget(hint)
        self.grid = QTableWidget()
        self.grid.setObjectName("diagnostics.grid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.verticalHeader().setMinimumSectionSize(44)
        self.grid.verticalHeader().setMaximumWidth(420)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        font = self.grid.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.grid.setFont(font)
        self.grid.installEventFilter(self)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid for the other controls
        self.grid.currentCellChanged.connect(lambda *_a: self._cell_changed())
        col.addWidget(self.grid, 1)
        row = QHBoxLayout()
        label = QLabel("Evidence")
        label.setObjectName("sectionTitle")
        row.addWidget(label)
        self.evidence = FieldEdit()
        self.evidence.setObjectName("diagnostics.evidence")
        self.evidence.setPlaceholderText("What was seen or said that backs this score; Enter "
                                         "saves, Esc goes back to the grid")
        self.evidence.returnPressed.connect(self.save_evidence)
        self.evidence.editingFinished.connect(lambda: self.save_evidence(back_to_grid=False))
        self.evidence.installEventFilter(self)
        row.addWidget(self.evidence, 1)
        self.private = QCheckBox("Private")
        self.private.setObjectName("diagnostics.private")
        self.private.setToolTip("Evidence about a person: kept off the projected results")
        self.private.clicked.connect(lambda _c: self.save_evidence(back_to_grid=False))
        row.addWidget(self.private)
        col.addLayout(row)
        rename = QHBoxLayout()
        self.rename_label = QLabel("Statement")
        self.rename_label.setObjectName("sectionTitle")
        rename.addWidget(self.rename_label)
        self.rename = FieldEdit()
        self.rename.setObjectName("diagnostics.rename")
        self.rename.setPlaceholderText("The statement's name for this workshop (a maturity area, "
                                       "say); Enter saves, Esc goes back")
        self.rename.returnPressed.connect(self.save_rename)
        self.rename.installEventFilter(self)
        rename.addWidget(self.rename, 1)
        self.rename_row = QWidget()
        self.rename_row.setLayout(rename)
        self.rename_row.hide()
        col.addWidget(self.rename_row)
        return view

    def _results_view(self) -> QWidget:
        split = QSplitter()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner_col = QVBoxLayout(inner)
        self.legend = QLabel()
        self.legend.setObjectName("diagnostics.legend")
        self.legend.setWordWrap(True)
        font = self.legend.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.legend.setFont(font)
        inner_col.addWidget(self.legend)
        self.chart = ScoreChart()
        inner_col.addWidget(self.chart)
        evidence_title = QLabel("Evidence")
        evidence_title.setObjectName("sectionTitle")
        inner_col.addWidget(evidence_title)
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("diagnostics.evidenceList")
        self.evidence_list.setWordWrap(True)
        self.evidence_list.setMinimumHeight(200)
        inner_col.addWidget(self.evidence_list)
        scroll.setWidget(inner)
        split.addWidget(scroll)
        side = QWidget()
        side_col = QVBoxLayout(side)
        debate = QLabel("Debate here first")
        debate.setObjectName("sectionTitle")
        side_col.addWidget(debate)
        why = QLabel("Where the groups' scores lie furthest apart")
        why.setObjectName("hint")
        side_col.addWidget(why)
        self.debate = QListWidget()
        self.debate.setObjectName("diagnostics.debate")
        self.debate.setWordWrap(True)
        side_col.addWidget(self.debate, 3)
        weak = QLabel("Weakest")
        weak.setObjectName("sectionTitle")
        side_col.addWidget(weak)
        self.weakest = QListWidget()
        self.weakest.setObjectName("diagnostics.weakest")
        self.weakest.setWordWrap(True)
        side_col.addWidget(self.weakest, 2)
        for lst in (self.debate, self.weakest, self.evidence_list):
            f = lst.font()
            f.setPointSizeF(f.pointSizeF() * 1.3)
            lst.setFont(f)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        return split

    # -- reading the file -------------------------------------------------------------------------

    def reload(self) -> None:
        self.workshop = self.session.load(("departments", "participants", "diagnostics"))
        self._stale = False
        chosen = self.instrument.currentData()
        self.instrument.blockSignals(True)
        self.instrument.clear()
        for inst in self.workshop.diagnostics.instruments:
            self.instrument.addItem(inst.title, inst.id)
        index = self.instrument.findData(chosen)
        self.instrument.setCurrentIndex(index if index >= 0 else 0)
        self.instrument.blockSignals(False)
        read_only = self.session.read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and self.instrument.count() > 0)
        self.show_current()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.reload()
        QTimer.singleShot(0, self._focus_grid)  # scoring starts at once, from the keyboard

    def _focus_grid(self) -> None:
        if self.isVisible() and not self.showing_results:
            self.grid.setFocus()

    def follow(self, batch: Batch) -> None:
        if batch.section == G.SECTION:
            self._refresh_soon()

    def _changed(self, section: str) -> None:
        if section in ("departments", "participants"):
            self._refresh_soon()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def current_instrument(self):
        oid = self.instrument.currentData()
        return next((i for i in self.workshop.diagnostics.instruments if i.id == oid), None)

    def columns(self) -> list[tuple[str, str, str]]:
        """(key, name, colour) of each column: the departments, or the participants."""
        if self.by_participant.isChecked():
            colour_of = {d.id: d.color or V.palette_colour(i)
                         for i, d in enumerate(self.workshop.departments)}
            return [(p.id, p.name, colour_of.get(p.department or "", S_GREY))
                    for p in self.workshop.participants]
        return [(d.id, d.name, d.color or V.palette_colour(i))
                for i, d in enumerate(self.workshop.departments)]

    # -- showing ----------------------------------------------------------------------------------

    def show_view(self, index: int) -> None:
        if self.evidence.hasFocus():
            self.save_evidence(back_to_grid=False)
        self._end_rename(refocus=False)
        self.score_button.setChecked(index == 0)
        self.results_button.setChecked(index == 1)
        if self.current_instrument() is not None:
            self.views.setCurrentIndex(index)
        if index == 0:
            self.grid.setFocus()

    @property
    def showing_results(self) -> bool:
        return self.results_button.isChecked()

    def show_current(self) -> None:
        inst = self.current_instrument()
        self.remove_button.setEnabled(inst is not None and not self.session.read_only)
        if inst is None:
            self.views.setCurrentWidget(self.empty)
            return
        self.views.setCurrentIndex(1 if self.showing_results else 0)
        self._show_grid(inst)
        self._show_results(inst)

    def _cell_who(self, key: str) -> dict[str, str]:
        return {"participant": key} if self.by_participant.isChecked() else {"department": key}

    def _responses(self, inst) -> dict[tuple[str, str], object]:
        """(statement, column key) -> response, for the cells of the grid."""
        cells = {}
        for r in self._counted(inst):  # in file order: the first response is the cell's
            key = r.participant if self.by_participant.isChecked() else r.department
            cells.setdefault((r.statement, key), r)
        return cells

    def _counted(self, inst) -> list:
        """The responses the grid and the results show: those given for a whole department,
        or, when scoring participants, those naming a participant. The two never mix, so the
        grid and the chart always show the same scores."""
        if self.by_participant.isChecked():
            return [r for r in self.workshop.diagnostics.responses
                    if r.instrument == inst.id and r.participant]
        return [r for r in self.workshop.diagnostics.responses
                if r.instrument == inst.id and r.department and r.participant is None]

    def _show_grid(self, inst) -> None:
        grid = self.grid
        row, col = max(0, grid.currentRow()), max(0, grid.currentColumn())
        columns = self.columns()
        labels = A.scale_labels(inst.scale)
        cells = self._responses(inst)
        grid.blockSignals(True)
        grid.clear()
        grid.setRowCount(len(inst.statements))
        grid.setColumnCount(len(columns))
        grid.setHorizontalHeaderLabels([name for _k, name, _c in columns])
        grid.setVerticalHeaderLabels([s.title for s in inst.statements])
        for r, statement in enumerate(inst.statements):
            header = grid.verticalHeaderItem(r)
            if header is not None and statement.text:
                header.setToolTip(statement.text)
            for c, (key, _name, _colour) in enumerate(columns):
                response = cells.get((statement.id, key))
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if response is None:
                    item.setText("·")
                    item.setToolTip("Not scored")
                    item.setForeground(QBrush(QColor("#8A8A8A")))
                else:
                    mark = " ✎" if response.evidence else ""
                    item.setText(f"{response.score} {labels.get(response.score, '')}{mark}")
                    low, high = A.SCALES.get(inst.scale, (1, 5))
                    shade = 250 - round(90 * (high - response.score) / max(1, high - low))
                    item.setBackground(QBrush(QColor(shade, shade, shade)))
                    if response.evidence:
                        item.setToolTip(response.evidence)
                grid.setItem(r, c, item)
        grid.blockSignals(False)
        if grid.rowCount() and grid.columnCount():
            grid.setCurrentCell(min(row, grid.rowCount() - 1), min(col, grid.columnCount() - 1))
        self._show_cell_evidence()

    def _groups(self, inst) -> tuple[list[Group], dict[str, str]]:
        """The chart's groups (always by department for the room, or by participant in that
        mode) and the name each group is given on the projected view."""
        hide = self.hide_names.isChecked()
        columns = self.columns()
        groups, names = [], {}
        for i, (key, name, colour) in enumerate(columns):
            letter = _letter(i)
            label = letter if hide else (B.initials(name) if not self.by_participant.isChecked()
                                         else name.split()[0])
            groups.append(Group(key, label, NEUTRAL[i % len(NEUTRAL)] if hide else colour))
            names[key] = (f"Department {letter}" if not self.by_participant.isChecked()
                          else f"Person {letter}") if hide else name
        if not self.by_participant.isChecked():
            groups.append(Group("", "—" if not hide else "?", "#9A9A9A"))
            names[""] = "No department"
        return groups, names

    def _show_results(self, inst) -> None:
        by = "participant" if self.by_participant.isChecked() else "department"
        people = {p.id: p for p in self.workshop.participants}
        groups, names = self._groups(inst)
        results = A.analyse(inst, self._counted(inst), people, by=by,
                            order=[g.key for g in groups])
        self.chart.show_results(results, groups, inst.scale)
        listed = [g for g in groups if g.key in names and any(g.key in r.groups for r in results)]
        self.legend.setText("   ".join(f"{g.label} {names[g.key]}" for g in listed)
                            + "    ◆ the mean of every score")
        self.debate.clear()
        for result in A.debate_first(results)[:DEBATE_SHOWN]:
            low_key = min(result.groups, key=result.groups.get)
            high_key = max(result.groups, key=result.groups.get)
            self.debate.addItem(
                f"{result.statement.title} — {_num(result.groups[low_key])} to "
                f"{_num(result.groups[high_key])} ({names.get(low_key, '?')} ↔ "
                f"{names.get(high_key, '?')})")
        if not self.debate.count():
            _placeholder(self.debate, "Needs scores from at least two groups on a statement.")
        self.weakest.clear()
        for result in A.weakest(results)[:WEAKEST_SHOWN]:
            self.weakest.addItem(f"{result.statement.title} — mean {_num(result.mean)}")
        if not self.weakest.count():
            _placeholder(self.weakest, "Nothing scored yet.")
        self.evidence_list.clear()
        titles = {s.id: s.title for s in inst.statements}
        order = {s.id: i for i, s in enumerate(inst.statements)}
        shown = [r for r in self._counted(inst) if r.evidence and not r.private]
        shown.sort(key=lambda r: order.get(r.statement, 999))
        heading = None
        for r in shown:
            if r.statement != heading:  # the evidence sits under its statement
                heading = r.statement
                item = QListWidgetItem(titles.get(r.statement, "?"))
                font = self.evidence_list.font()
                font.setBold(True)
                item.setFont(font)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setForeground(QBrush(QColor("#1B1B1B")))
                self.evidence_list.addItem(item)
            who = names.get((r.participant if by == "participant" else r.department) or "", "?")
            self.evidence_list.addItem(f"    {who} ({r.score}): {r.evidence}")
        if not shown:
            _placeholder(self.evidence_list, "No evidence written yet.")

    def _cell_changed(self) -> None:
        self._end_rename(refocus=False)
        self._show_cell_evidence()

    def _show_cell_evidence(self) -> None:
        self._evidence_for = None
        inst, cell = self.current_instrument(), self._current_cell()
        if inst is None or cell is None:
            self.evidence.setText("")
            self.evidence.setEnabled(False)
            self.private.setEnabled(False)
            return
        statement, key = cell
        response = self._responses(inst).get((statement, key))
        editable = response is not None and not self.session.read_only
        self.evidence.setEnabled(editable)
        self.private.setEnabled(editable)
        self.evidence.setText(response.evidence if response is not None else "")
        self.private.setChecked(bool(response is not None and response.private))

    def _current_cell(self) -> tuple[str, str] | None:
        inst = self.current_instrument()
        r, c = self.grid.currentRow(), self.grid.currentColumn()
        columns = self.columns()
        if inst is None or not (0 <= r < len(inst.statements)) or not (0 <= c < len(columns)):
            return None
        return inst.statements[r].id, columns[c][0]

    # -- verbs ----------------------------------------------------------------------------------

    def score(self, value: int | None) -> None:
        inst, cell = self.current_instrument(), self._current_cell()
        if inst is None or cell is None or self.session.read_only:
            return
        low, high = A.SCALES.get(inst.scale, (1, 5))
        if value is not None and not low <= value <= high:
            self.editor.refused.emit(f"“{inst.title}” is scored from {low} to {high}.")
            return
        statement, key = cell
        label = "Clear score" if value is None else f"Score {value}"
        self.editor.board(G.set_score, inst.id, statement, value, label=label,
                          **self._cell_who(key))

    def _writing_about(self) -> tuple[str, str, str] | None:
        """The cell the evidence field is writing about: the one it was opened on."""
        if self._evidence_for is None:
            inst, cell = self.current_instrument(), self._current_cell()
            if inst is not None and cell is not None:
                self._evidence_for = (inst.id, *cell)
        return self._evidence_for

    def edit_evidence(self) -> None:
        """Enter on a cell: write its evidence (a cell must be scored first)."""
        inst, cell = self.current_instrument(), self._current_cell()
        if inst is None or cell is None or self.session.read_only:
            return
        if self._responses(inst).get(cell) is None:
            self.editor.refused.emit("Score this cell first: evidence is written for a score.")
            return
        self._writing_about()
        self.evidence.setFocus()
        self.evidence.selectAll()

    def save_evidence(self, back_to_grid: bool = True) -> None:
        """Save what the evidence field says, for the cell it was opened on (Enter, leaving
        the field, or a click on Private): nothing typed is lost by moving on."""
        about = self._writing_about()
        if about is None or not self.evidence.isEnabled() or self.session.read_only:
            return
        instrument, statement, key = about
        self.editor.board(G.set_evidence, instrument, statement, self.evidence.text(),
                          private=self.private.isChecked(), label="Evidence",
                          **self._cell_who(key))
        if back_to_grid:
            self.grid.setFocus()

    def start_rename(self) -> None:
        """F2: name the current row's statement (a maturity area is named per workshop)."""
        inst, cell = self.current_instrument(), self._current_cell()
        if inst is None or cell is None or self.session.read_only:
            return
        title = next(s.title for s in inst.statements if s.id == cell[0])
        self._renaming = (inst.id, cell[0])
        self.rename.setText(title)
        self.rename_row.show()
        self.rename.setFocus()
        self.rename.selectAll()

    def save_rename(self) -> None:
        renaming, self._renaming = self._renaming, None
        if renaming is not None:
            self.editor.board(G.edit_statement, *renaming, title=self.rename.text(),
                              label="Rename statement")
        self._end_rename()

    def _end_rename(self, refocus: bool = True) -> None:
        self._renaming = None
        if self.rename_row.isVisible() or refocus:
            self.rename_row.hide()
            if refocus:
                self.grid.setFocus()

    def add_instrument(self, instrument) -> bool:
        batch = self.editor.board(G.add_instrument, instrument,
                                  label=f"Add “{instrument.title}”")
        if batch is None:
            return False
        self.reload()
        self.instrument.setCurrentIndex(self.instrument.findData(batch.created[0]))
        return True

    def add_from_file(self, path: str | Path | None = None) -> bool:
        if path is None:
            answer, _f = QFileDialog.getOpenFileName(self, "Add an instrument from a file", "",
                                                     "Instrument (*.json);;All files (*)")
            if not answer:
                return False
            path = answer
        try:
            instrument = load_instrument(path)
        except InstrumentError as exc:
            self.editor.failed.emit(str(exc))
            return False
        return self.add_instrument(instrument)

    def remove_current(self) -> None:
        inst = self.current_instrument()
        if inst is not None:
            self.editor.board(G.remove_instrument, inst.id, label=f"Remove “{inst.title}”")

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        used = {i.id for i in self.workshop.diagnostics.instruments}
        titles = {i.title.casefold() for i in self.workshop.diagnostics.instruments}
        for inst in builtin_instruments():
            action = self.add_menu.addAction(inst.title)
            action.setEnabled(inst.id not in used and inst.title.casefold() not in titles)
            action.triggered.connect(lambda _c=False, inst=inst: self.add_instrument(inst))
        self.add_menu.addSeparator()
        self.add_menu.addAction("From a file…").triggered.connect(lambda: self.add_from_file())

    # -- keys -------------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn and obj is getattr(self, "evidence", None):
            self._writing_about()  # what is typed belongs to this cell, wherever the grid goes
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier
                             | Qt.KeyboardModifier.AltModifier))
        if obj is self.grid and plain:
            if key in DIGIT_KEYS:
                self.score(DIGIT_KEYS[key])
                return True
            if key in CLEAR_KEYS:
                self.score(None)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_evidence()
                return True
            if key == Qt.Key.Key_F2:
                self.start_rename()
                return True
        if obj is self.rename and key == Qt.Key.Key_Escape:
            self._end_rename()
            return True
        if obj is self.evidence and key == Qt.Key.Key_Escape:
            self._show_cell_evidence()  # what was typed is dropped
            self.grid.setFocus()
            return True
        return False


S_GREY = "#9A9A9A"


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"A{i - 25}"


def _num(value: float | None) -> str:
    return "–" if value is None else one_decimal(value)


def _placeholder(lst: QListWidget, text: str) -> None:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    lst.addItem(item)
