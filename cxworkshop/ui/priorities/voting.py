"""Dot voting on the improvements, for the Priorities stage.

Open voting: the facilitator sets how many dots each person gets, then records each person's
dots in a grid (people down, improvements across) by typing a digit on a cell (0, Delete or
Backspace takes them off; + and - add or take one; arrows move). A number over what the person
has left is refused with the reason. While the tally is hidden the grid shows only that a dot
was placed (the cell under the cursor shows its number, so the facilitator can check it) and
the result says how many people have voted; revealed, the result is a ranked bar chart.

Secret ballot: the laptop goes round the room. Each person picks their name, places their
dots on a screen that shows only the improvements and their own dots, and presses Done, which
wipes the screen for the next person. The room sees only how many have voted. Closing the
ballot reveals the tally and writes the question and the tally to the decision log.

The view shows what `show_workshop` gives it and edits only through the editor's ops.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop
from ...model import priorities as P
from ...ops import priorities as O
from ..editor import Editor

ID = Qt.ItemDataRole.UserRole
COLUMN_W = 132  # an improvement's column in the grid
MASK = "●"  # a cell with dots while the tally is hidden
DEFAULT_QUESTION = "Which improvements should we take on first?"
GRID_HINT = ("Type a digit on a cell to give that person's dots to that improvement; zero or "
             "Delete takes them off, + and - add or take one, arrows move.")


def _font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


def _dots(n: int) -> str:
    return f"{n} dot" if n == 1 else f"{n} dots"


def _header_title(title: str) -> str:
    """An improvement's title on at most three short lines, for a column header."""
    lines = textwrap.wrap(title, 14) or [""]
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2][:13].rstrip() + "…"
    return "\n".join(lines)


def _undo_key(event: QEvent) -> bool:
    return event.type() == QEvent.Type.ShortcutOverride and (
        event.matches(QKeySequence.StandardKey.Undo)
        or event.matches(QKeySequence.StandardKey.Redo))


class BudgetSpin(QSpinBox):
    """The dots-each spin box; Ctrl+Z / Ctrl+Shift+Z go to the workshop's undo stack."""

    def event(self, event: QEvent) -> bool:
        if _undo_key(event):
            event.ignore()
            return False
        return super().event(event)


class DotGrid(QTableWidget):
    """A table where a digit typed on a cell sets dots there.

    `typed(row, column, dots)` for 0–9 (Delete and Backspace are 0); `stepped(row, column,
    +1 or -1)` for + and -. Arrows and the rest behave as in any table."""

    typed = Signal(int, int, int)
    stepped = Signal(int, int, int)

    def __init__(self, rows: int = 0, columns: int = 0, parent: QWidget | None = None):
        super().__init__(rows, columns, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setFont(_font(18))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        row, column = self.currentRow(), self.currentColumn()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier
                                         | Qt.KeyboardModifier.MetaModifier)
        text = event.text()
        if plain and row >= 0 and column >= 0:
            if len(text) == 1 and text.isdigit() and text.isascii():
                self.typed.emit(row, column, int(text))
                event.accept()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.typed.emit(row, column, 0)
                event.accept()
                return
            if text in ("+", "-"):
                self.stepped.emit(row, column, 1 if text == "+" else -1)
                event.accept()
                return
        super().keyPressEvent(event)


class TallyChart(QWidget):
    """The tally as horizontal bars, most dots first, in type the back of the room can read.

    `rows` holds (title, dots) in the order drawn and `ranks` the place of each (tied totals
    share a place)."""

    ROW = 66
    PAD = 12

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("voting.chart")
        self.rows: list[tuple[str, int]] = []
        self.ranks: list[int] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_tally(self, ranked: list[tuple[str, int]]) -> None:
        self.rows = list(ranked)
        self.ranks = []
        for k, (_title, n) in enumerate(self.rows):
            tied = k > 0 and self.rows[k - 1][1] == n
            self.ranks.append(self.ranks[-1] if tied else k + 1)
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        return max(1, len(self.rows)) * self.ROW + 2 * self.PAD

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, self._height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self.rows:
            p.setPen(QColor("#6A6A6A"))
            p.setFont(_font(20))
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, "No improvements yet")
            p.end()
            return
        top = max(n for _t, n in self.rows) or 1
        title_font, number_font = _font(20), _font(22, bold=True)
        number_w = QFontMetricsF(number_font).horizontalAdvance("999") + 12
        width = self.width() - 2 * self.PAD
        y = float(self.PAD)
        for rank, (title, n) in zip(self.ranks, self.rows, strict=True):
            p.setPen(QColor("#1B1B1B"))
            p.setFont(title_font)
            line = f"{rank}. {title}"
            line = QFontMetricsF(title_font).elidedText(line, Qt.TextElideMode.ElideRight,
                                                         width)
            p.drawText(QRectF(self.PAD, y, width, 28),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            bar_w = (width - number_w) * n / top
            bar = QRectF(self.PAD, y + 30, bar_w, 26)
            if n:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor("#0072B2") if rank == 1 else QColor("#56B4E9"))
                p.drawRoundedRect(bar, 4, 4)
            p.setPen(QColor("#1B1B1B"))
            p.setFont(number_font)
            p.drawText(QRectF(bar.right() + 8, y + 28, number_w, 30),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(n))
            y += self.ROW
        p.end()


class VotingView(QWidget):
    """Dot voting: open (the grid and the result) or by secret ballot (picker, private screen).

    `show_workshop(workshop)` shows a freshly loaded workshop; every change goes through
    `editor.board`."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorities.voting")
        self.editor = editor
        self.workshop = Workshop()
        self.cell: tuple[str, str] | None = None  # (participant, improvement) under the cursor
        self.voter: str | None = None  # whose private screen is open in the ballot
        self.in_ballot = False
        self._loading = False
        self._asking = False  # a refusal now is the answer to this view's own edit

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.open_page = self._open_page()
        self.picker_page = self._picker_page()
        self.private_page = self._private_page()
        for page in (self.open_page, self.picker_page, self.private_page):
            self.stack.addWidget(page)
        editor.refused.connect(self._refused)

    # -- building ---------------------------------------------------------------------------

    def _open_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("Dots each"))
        self.budget = BudgetSpin()
        self.budget.setObjectName("voting.budget")
        self.budget.setRange(1, O.MAX_DOTS)
        self.budget.setKeyboardTracking(False)  # a number typed is saved on Enter, not per key
        self.budget.setToolTip("How many dots every participant may place")
        self.budget.valueChanged.connect(self.set_budget)
        top.addWidget(self.budget)
        top.addSpacing(16)
        self.reveal = QPushButton("Reveal the tally")
        self.reveal.setObjectName("voting.reveal")
        self.reveal.setCheckable(True)
        self.reveal.clicked.connect(self.set_revealed)
        top.addWidget(self.reveal)
        self.ballot_button = QPushButton("Secret ballot…")
        self.ballot_button.setObjectName("voting.startBallot")
        self.ballot_button.setToolTip("Pass the laptop round so that each person votes unseen")
        self.ballot_button.clicked.connect(self.start_ballot)
        top.addWidget(self.ballot_button)
        top.addStretch(1)
        col.addLayout(top)

        split = QSplitter()
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        self.grid = DotGrid()
        self.grid.setObjectName("voting.grid")
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(COLUMN_W)
        self.grid.typed.connect(self._grid_typed)
        self.grid.stepped.connect(self._grid_stepped)
        self.grid.currentCellChanged.connect(self._grid_moved)
        left_col.addWidget(self.grid, 1)
        self.grid_hint = QLabel(GRID_HINT)
        self.grid_hint.setObjectName("hint")
        self.grid_hint.setWordWrap(True)
        left_col.addWidget(self.grid_hint)
        self.message = QLabel("")
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        left_col.addWidget(self.message)
        split.addWidget(left)

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(8, 0, 0, 0)
        heading = QLabel("Result")
        heading.setObjectName("pageTitle")
        right_col.addWidget(heading)
        self.voted = QLabel("")
        self.voted.setObjectName("voting.voted")
        self.voted.setFont(_font(22, bold=True))
        right_col.addWidget(self.voted)
        self.hidden_note = QLabel("The tally stays hidden until you reveal it, so that early "
                                  "dots do not sway the people who vote later.")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setFont(_font(20))
        right_col.addWidget(self.hidden_note)
        self.result_note = QLabel("")
        self.result_note.setObjectName("hint")
        self.result_note.setWordWrap(True)
        right_col.addWidget(self.result_note)
        self.chart = TallyChart()
        self.chart_scroll = QScrollArea()
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart)
        right_col.addWidget(self.chart_scroll, 1)
        right_col.addStretch(0)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([1000, 560])
        col.addWidget(split, 1)
        return page

    def _picker_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(24, 12, 24, 12)
        title = QLabel("Secret ballot")
        title.setObjectName("pageTitle")
        col.addWidget(title)
        how = QLabel("Pass the laptop round. Each person chooses their name, places their dots "
                     "on a screen nobody else's dots are on, and presses Done for the next.")
        how.setObjectName("hint")
        how.setWordWrap(True)
        col.addWidget(how)
        row = QHBoxLayout()
        row.addWidget(QLabel("Question"))
        self.question = QLineEdit(DEFAULT_QUESTION)
        self.question.setObjectName("voting.question")
        row.addWidget(self.question, 1)
        col.addLayout(row)
        self.counter = QLabel("")
        self.counter.setObjectName("voting.counter")
        self.counter.setFont(_font(30, bold=True))
        col.addWidget(self.counter)
        who = QLabel("Who votes now? Choose your name and press Enter.")
        who.setFont(_font(18))
        col.addWidget(who)
        self.names = QListWidget()
        self.names.setObjectName("voting.names")
        self.names.setFont(_font(20))
        self.names.itemActivated.connect(lambda item: self.vote_as(item.data(ID)))
        col.addWidget(self.names, 1)
        buttons = QHBoxLayout()
        self.vote_button = QPushButton("Vote as this person")
        self.vote_button.setObjectName("voting.voteAs")
        self.vote_button.clicked.connect(self._vote_as_chosen)
        buttons.addWidget(self.vote_button)
        buttons.addStretch(1)
        self.afresh = QPushButton("Take every dot off and start afresh")
        self.afresh.setObjectName("voting.afresh")
        self.afresh.clicked.connect(self.start_afresh)
        buttons.addWidget(self.afresh)
        self.close_button = QPushButton("Close the ballot and reveal the tally")
        self.close_button.setObjectName("voting.closeBallot")
        self.close_button.clicked.connect(self.close_ballot)
        buttons.addWidget(self.close_button)
        back = QPushButton("Back to open voting")
        back.setObjectName("voting.leaveBallot")
        back.clicked.connect(self.leave_ballot)
        buttons.addWidget(back)
        col.addLayout(buttons)
        self.picker_message = QLabel("")
        self.picker_message.setObjectName("problem")
        self.picker_message.setWordWrap(True)
        col.addWidget(self.picker_message)
        return page

    def _private_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(24, 12, 24, 12)
        self.voter_name = QLabel("")
        self.voter_name.setObjectName("pageTitle")
        col.addWidget(self.voter_name)
        self.left_label = QLabel("")
        self.left_label.setObjectName("voting.left")
        self.left_label.setFont(_font(26, bold=True))
        col.addWidget(self.left_label)
        how = QLabel("Move with ↑ and ↓ and type how many dots an improvement gets; zero takes "
                     "them off. Nobody else's dots are shown here.")
        how.setObjectName("hint")
        how.setWordWrap(True)
        col.addWidget(how)
        self.ballot_grid = DotGrid(0, 2)
        self.ballot_grid.setObjectName("voting.ballotGrid")
        self.ballot_grid.setHorizontalHeaderLabels(("Improvement", "Your dots"))
        self.ballot_grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ballot_grid.verticalHeader().setVisible(False)
        header = self.ballot_grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.ballot_grid.typed.connect(lambda r, _c, n: self._ballot_set(r, n))
        self.ballot_grid.stepped.connect(lambda r, _c, d: self._ballot_step(r, d))
        col.addWidget(self.ballot_grid, 1)
        self.private_message = QLabel("")
        self.private_message.setObjectName("problem")
        self.private_message.setWordWrap(True)
        col.addWidget(self.private_message)
        self.done_button = QPushButton("Done — pass the laptop on")
        self.done_button.setObjectName("voting.done")
        self.done_button.setFont(_font(20, bold=True))
        self.done_button.clicked.connect(self.done)
        col.addWidget(self.done_button)
        return page

    # -- showing ----------------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        """Show this freshly loaded workshop (departments, participants and priorities)."""
        self.workshop = workshop
        pr = workshop.priorities
        if not pr.votes_revealed:
            self.result_note.setText("")  # a closed ballot was undone: it is in no log now
        writable = not self.editor.read_only
        self._loading = True
        try:
            self.budget.blockSignals(True)
            self.budget.setValue(pr.dots_per_participant)
            self.budget.blockSignals(False)
            self.reveal.setChecked(pr.votes_revealed)
            self.reveal.setText("Hide the tally" if pr.votes_revealed else "Reveal the tally")
            for w in (self.budget, self.reveal, self.ballot_button, self.afresh,
                      self.close_button, self.vote_button, self.done_button):
                w.setEnabled(writable)
            self._fill_grid()
            self._fill_result()
            self._fill_picker()
            self._fill_private()
        finally:
            self._loading = False

    def _people_voted(self) -> tuple[int, int]:
        voted = set(P.voters(self.workshop.priorities))
        people = self.workshop.participants
        return sum(1 for p in people if p.id in voted), len(people)

    def _voted_text(self) -> str:
        n, m = self._people_voted()
        return f"{n} of {m} have voted"

    def _dots_on(self, improvement, participant: str) -> int:
        return sum(v.dots for v in improvement.votes if v.participant == participant)

    def _fill_grid(self) -> None:
        people = self.workshop.participants
        improvements = self.workshop.priorities.improvements
        grid = self.grid
        grid.setRowCount(len(people))
        grid.setColumnCount(len(improvements) + 1)
        for c, imp in enumerate(improvements):
            head = QTableWidgetItem(_header_title(imp.title))
            head.setToolTip(imp.title)
            head.setData(ID, imp.id)
            grid.setHorizontalHeaderItem(c, head)
        grid.setHorizontalHeaderItem(len(improvements), QTableWidgetItem("Dots left"))
        grid.setVerticalHeaderLabels([p.name for p in people])
        for r, person in enumerate(people):
            for c, imp in enumerate(improvements):
                item = QTableWidgetItem()
                item.setData(ID, (person.id, imp.id))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.setItem(r, c, item)
            left = QTableWidgetItem(f"{P.dots_left(self.workshop.priorities, person.id)} left")
            left.setData(ID, (person.id, None))
            left.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            left.setForeground(QColor("#6A6A6A"))
            grid.setItem(r, len(improvements), left)
        where = self._grid_place(self.cell)
        if where is None and people and improvements:
            where = (0, 0)
        if where is not None:
            grid.setCurrentCell(*where)
        self._mask_grid()
        if not people:
            self.grid_hint.setText("Nobody is listed yet: add the participants on Setup first.")
        elif not improvements:
            self.grid_hint.setText("There are no improvements to vote on yet: add them on the "
                                   "matrix first.")
        else:
            self.grid_hint.setText(GRID_HINT)

    def _grid_place(self, cell: tuple[str, str] | None) -> tuple[int, int] | None:
        if cell is None:
            return None
        rows = [p.id for p in self.workshop.participants]
        columns = [i.id for i in self.workshop.priorities.improvements]
        if cell[0] in rows and cell[1] in columns:
            return rows.index(cell[0]), columns.index(cell[1])
        return None

    def _mask_grid(self) -> None:
        """Numbers in the cells when revealed; while hidden, only a mark where dots are, except
        the cell under the cursor, which shows its number for the facilitator to check."""
        revealed = self.workshop.priorities.votes_revealed
        secret = O.secret_ballot(self.editor.session)  # whose dots they are is never shown
        improvements = {i.id: i for i in self.workshop.priorities.improvements}
        here = (self.grid.currentRow(), self.grid.currentColumn())
        for r in range(self.grid.rowCount()):
            for c in range(self.grid.columnCount() - 1):
                item = self.grid.item(r, c)
                if item is None:
                    continue
                pid, iid = item.data(ID)
                n = self._dots_on(improvements[iid], pid)
                if not n:
                    text = ""
                elif secret:
                    text = MASK
                elif revealed or (r, c) == here:
                    text = str(n)
                else:
                    text = MASK
                if item.text() != text:
                    item.setText(text)
            left = self.grid.item(r, self.grid.columnCount() - 1)
            if left is not None and secret and left.text() != "—":
                left.setText("—")

    def _fill_result(self) -> None:
        pr = self.workshop.priorities
        self.voted.setText(self._voted_text())
        self.hidden_note.setVisible(not pr.votes_revealed)
        self.chart_scroll.setVisible(pr.votes_revealed)
        if pr.votes_revealed:
            self.chart.show_tally([(imp.title, n) for imp, n in P.tally(pr.improvements)])
        else:
            self.chart.show_tally([])  # nothing of the tally is kept while it is hidden

    def _fill_picker(self) -> None:
        voted = set(P.voters(self.workshop.priorities))
        chosen = self.names.currentItem().data(ID) if self.names.currentItem() else None
        self.names.clear()
        for person in self.workshop.participants:
            if person.id not in voted:
                item = QListWidgetItem(person.name)
                item.setData(ID, person.id)
                self.names.addItem(item)
                if person.id == chosen:
                    self.names.setCurrentItem(item)
        if self.names.currentItem() is None and self.names.count():
            self.names.setCurrentRow(0)
        n, m = self._people_voted()
        self.counter.setText(f"{n} of {m} have voted")
        self.afresh.setEnabled(bool(n) and not self.editor.read_only)
        self.vote_button.setEnabled(bool(self.names.count()) and not self.editor.read_only)

    def _fill_private(self) -> None:
        people = {p.id: p for p in self.workshop.participants}
        grid = self.ballot_grid
        if self.voter is None or self.voter not in people:
            if self.voter is not None:  # they were taken off the list meanwhile
                self.done()
            return
        pr = self.workshop.priorities
        row = max(0, grid.currentRow())
        self.voter_name.setText(f"{people[self.voter].name}, your dots")
        left = P.dots_left(pr, self.voter)
        self.left_label.setText(f"You have {left} of {_dots(pr.dots_per_participant)} left")
        grid.setRowCount(len(pr.improvements))
        for r, imp in enumerate(pr.improvements):  # list order: the tally's order would tell
            title = QTableWidgetItem(imp.title)
            title.setData(ID, imp.id)
            n = self._dots_on(imp, self.voter)
            mine = QTableWidgetItem(str(n) if n else "")
            mine.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.setItem(r, 0, title)
            grid.setItem(r, 1, mine)
        if pr.improvements:
            grid.setCurrentCell(min(row, len(pr.improvements) - 1), 1)

    # -- the editor -------------------------------------------------------------------------

    def _ask(self, op, *args, label: str, merge_key: object = None, **kwargs):
        self._asking = True
        try:
            batch = self.editor.board(op, *args, label=label, merge_key=merge_key, **kwargs)
        finally:
            self._asking = False
        if batch is not None:
            self._message_label().setText("")
        return batch

    def _message_label(self) -> QLabel:
        page = self.stack.currentWidget()
        if page is self.private_page:
            return self.private_message
        if page is self.picker_page:
            return self.picker_message
        return self.message

    def _refused(self, text: str) -> None:
        if self._asking:
            self._message_label().setText(text)

    # -- open voting ------------------------------------------------------------------------

    def set_budget(self, n: int) -> None:
        if self._loading or n == self.workshop.priorities.dots_per_participant:
            return
        batch = self._ask(O.set_dots_per_participant, n, label="Set dots each",
                          merge_key=("voting.budget", self.editor.run))
        if batch is None:  # refused: show what the file holds
            self.budget.blockSignals(True)
            self.budget.setValue(self.workshop.priorities.dots_per_participant)
            self.budget.blockSignals(False)

    def set_revealed(self, revealed: bool) -> None:
        if self._loading:
            return
        if self._ask(O.reveal_votes, bool(revealed),
                     label="Reveal the tally" if revealed else "Hide the tally") is None:
            self.reveal.setChecked(self.workshop.priorities.votes_revealed)

    def _grid_ids(self, row: int, column: int) -> tuple[str, str | None] | None:
        item = self.grid.item(row, column)
        return None if item is None else item.data(ID)

    def _grid_typed(self, row: int, column: int, dots: int) -> None:
        ids = self._grid_ids(row, column)
        if ids is None or ids[1] is None:
            return
        self.cell = (ids[0], ids[1])
        self._ask(O.set_vote, ids[0], ids[1], dots, label="Place dots")

    def _grid_stepped(self, row: int, column: int, step: int) -> None:
        ids = self._grid_ids(row, column)
        if ids is None or ids[1] is None:
            return
        imp = next((i for i in self.workshop.priorities.improvements if i.id == ids[1]), None)
        if imp is None:
            return
        dots = self._dots_on(imp, ids[0]) + step
        if dots >= 0:
            self.cell = (ids[0], ids[1])
            self._ask(O.set_vote, ids[0], ids[1], dots, label="Place dots")

    def _grid_moved(self, row: int, column: int, _row: int, _column: int) -> None:
        if self._loading:
            return
        ids = self._grid_ids(row, column)
        if ids is not None and ids[1] is not None:
            self.cell = (ids[0], ids[1])
        self._mask_grid()

    # -- the secret ballot ------------------------------------------------------------------

    def start_ballot(self) -> None:
        """Leave the grid and the result for the picker; a revealed tally is hidden first."""
        if self.editor.read_only:
            return
        # The whole ballot becomes one undo step, and nothing can be undone while it runs: a
        # voter's Ctrl+Z must not take back the previous voter's dots (or show the tally).
        self.editor.stack.beginMacro("Secret ballot")
        if self._ask(O.begin_ballot, label="Start a secret ballot") is None:
            self.editor.stack.endMacro()
            return
        self.in_ballot = True
        self.voter = None
        self.picker_message.setText("")
        self.stack.setCurrentWidget(self.picker_page)
        self._fill_picker()
        self.names.setFocus()

    def _end_macro(self) -> None:
        if self.in_ballot:
            self.editor.stack.endMacro()

    def leave_ballot(self) -> None:
        self.done()
        self._end_macro()
        self.in_ballot = False
        self.stack.setCurrentWidget(self.open_page)
        self.grid.setFocus()

    def _vote_as_chosen(self) -> None:
        item = self.names.currentItem()
        if item is not None:
            self.vote_as(item.data(ID))

    def vote_as(self, participant: str) -> None:
        """Open this person's private screen."""
        if self.editor.read_only or participant not in {p.id for p in self.workshop.participants}:
            return
        self.voter = participant
        self.private_message.setText("")
        self.ballot_grid.setRowCount(0)
        self.stack.setCurrentWidget(self.private_page)
        self._fill_private()
        self.ballot_grid.setFocus()

    def done(self) -> None:
        """Wipe the private screen (nothing of this person's stays) and go back to the names."""
        self.voter = None
        self.ballot_grid.setRowCount(0)
        self.voter_name.setText("")
        self.left_label.setText("")
        self.private_message.setText("")
        window = self.window()
        if isinstance(window, QMainWindow):  # a refusal there could name their dots
            window.statusBar().clearMessage()
        if self.in_ballot:
            self.stack.setCurrentWidget(self.picker_page)
            self._fill_picker()
            self.names.setFocus()

    def _ballot_improvement(self, row: int) -> str | None:
        item = self.ballot_grid.item(row, 0)
        return None if item is None else item.data(ID)

    def _ballot_set(self, row: int, dots: int) -> None:
        iid = self._ballot_improvement(row)
        if self.voter is not None and iid is not None:
            self._ask(O.set_vote, self.voter, iid, dots, label="Place dots")

    def _ballot_step(self, row: int, step: int) -> None:
        iid = self._ballot_improvement(row)
        imp = next((i for i in self.workshop.priorities.improvements if i.id == iid), None)
        if self.voter is not None and imp is not None:
            dots = self._dots_on(imp, self.voter) + step
            if dots >= 0:
                self._ask(O.set_vote, self.voter, imp.id, dots, label="Place dots")

    def start_afresh(self) -> None:
        self._ask(O.clear_votes, label="Take every dot off")

    def close_ballot(self) -> None:
        """Reveal the tally and write the question and the tally to the decision log."""
        question = self.question.text().strip()
        if self._ask(O.close_ballot, question, label="Close the ballot") is None:
            return
        self._end_macro()
        self.in_ballot = False
        self.voter = None
        self.stack.setCurrentWidget(self.open_page)
        self.result_note.setText(f"Ballot closed: “{' '.join(question.split())}” and its tally "
                                 "are in the decision log.")
