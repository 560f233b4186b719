"""Measures: the numbers that show whether customers notice the plan. Each measure says what is
counted, in which unit, where it stands today (the baseline), where it should be (the target) by
when, who owns it and which agreed improvement it proves.

A sortable table lists them, with a strip below it the room can read at a glance: one row per
measure, from today's figure to the target. Type a measure's name and press Enter to add it;
the form beside the table sets the rest; Delete deletes. Every change is saved at once and is
one undo step on the workshop's stack (a run of typing in the name or the unit is one step).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from ...model import Measure, Workshop, rules
from ...model import blueprint as MB
from ...ops import blueprint as O
from ..canvas.style import font
from ..editor import Editor, FieldEdit
from ..tables import SORT_KEY, SortItem, read_only_list
from ..theme import ACCENT, ERROR_INK, INK, MUTED

COLUMNS = ("Measure", "Unit", "Baseline", "Target", "Due", "Owner", "Improvement")
OWNER_COLUMN = 5
NOBODY = "Nobody yet ⚠"
ID = Qt.ItemDataRole.UserRole
LAST = float("inf")  # where a blank figure sorts: after every number
_NOTHING = object()


def figure_text(value: float | None, unit: str) -> str:
    """A figure with its unit as the room reads it: "38 complaints", "23.5 % of customers"."""
    text = MB.number_text(value)
    return f"{text} {unit}".strip() if value is not None else text


def parse_figure(text: str) -> float | None:
    """The number typed in a baseline or target field ("1,200" → 1200.0, "2,5" → 2.5); None
    when it is not a number. An empty field is not asked about here: it clears the figure."""
    return MB.parse_figure(text)


class TargetStrip(QWidget):
    """Every measure on one line each: its name, then a track from today's figure (a hollow
    circle) to the target (a filled diamond), an arrow between them, both figures written
    with their unit, and "up" or "down" in words.

    Measures are counted in different units, so each row is on its own scale and the two
    marks sit at fixed places: the lower figure always at 15 % of the track and the higher at
    85 %. Left always means less and right more, so the arrow points the way the number has
    to move: to the right for a measure that should rise, to the left for one that should
    fall (complaints, churn). The length of the arrow means nothing; the figures say how far.
    A missing baseline or target is said in words where its mark would be, with no arrow.
    The chosen measure's row is tinted and barred in the accent colour; a click chooses a
    row, and so do the Up and Down keys.
    """

    chosen = Signal(str)

    ROW_H = 64
    HEADER_H = 34
    NAME_SHARE = 0.32
    DIRECTION_W = 110
    TEXT_PX = 16
    LOW, HIGH = 0.15, 0.85
    LINE = QColor("#9A9A9A")
    DIVIDER = QColor("#DDDDDD")
    CHOSEN = QColor("#E1EEF7")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("measures.gauge")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Measures from baseline to target")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.measures: list[Measure] = []
        self.current: str | None = None

    # -- what it shows ----------------------------------------------------------------------------

    def show_measures(self, measures: list[Measure], current: str | None) -> None:
        self.measures = list(measures)
        self.current = current
        self.setFixedHeight(self.content_height())
        self.update()

    def set_current(self, current: str | None) -> None:
        if current != self.current:
            self.current = current
            self.update()

    def content_height(self) -> int:
        return self.HEADER_H + self.ROW_H * max(1, len(self.measures)) + 4

    def row_rect(self, index: int) -> QRectF:
        return QRectF(0, self.HEADER_H + index * self.ROW_H, self.width(), self.ROW_H)

    def row_at(self, y: float) -> int:
        """The row under height `y`, or -1 when there is none."""
        index = math.floor((y - self.HEADER_H) / self.ROW_H)
        return index if y >= self.HEADER_H and 0 <= index < len(self.measures) else -1

    def row_texts(self, index: int) -> list[str]:
        """What row `index` says in words (its name, figures and direction), for tests and
        screen readers."""
        m = self.measures[index]
        out = [m.name]
        out.append(figure_text(m.baseline, m.unit) if m.baseline is not None
                   else "baseline missing")
        out.append(figure_text(m.target, m.unit) if m.target is not None else "target missing")
        out.append(self._direction_word(m))
        return out

    @staticmethod
    def _direction_word(m: Measure) -> str:
        way = MB.direction(m)
        if way == "up":
            return "▲ up"
        if way == "down":
            return "▼ down"
        if m.baseline is not None and m.target is not None:
            return "no change"
        return ""

    # -- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        ink = QColor(INK)
        p.setPen(QColor(MUTED))
        p.setFont(font(self.TEXT_PX - 1))
        legend = QFontMetrics(font(self.TEXT_PX - 1)).elidedText(
            "○ today (baseline)    ◆ target    The arrow points the way the number has to "
            "move: left is less, right is more.", Qt.TextElideMode.ElideRight, self.width() - 24)
        p.drawText(QRectF(12, 0, self.width() - 24, self.HEADER_H),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, legend)
        p.setPen(QPen(self.DIVIDER, 1))
        p.drawLine(QPointF(0, self.HEADER_H - 0.5), QPointF(self.width(), self.HEADER_H - 0.5))
        if not self.measures:
            p.setPen(QColor(MUTED))
            p.setFont(font(self.TEXT_PX))
            p.drawText(self.row_rect(0).adjusted(12, 0, -12, 0),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       "No measures yet: type what you will count above and press Enter.")
            return
        for i, m in enumerate(self.measures):
            self._paint_row(p, i, m, ink)
        if self.hasFocus():
            p.setPen(QPen(QColor(ACCENT), 2, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _paint_row(self, p: QPainter, index: int, m: Measure, ink: QColor) -> None:
        row = self.row_rect(index)
        if m.id == self.current:
            p.fillRect(row, self.CHOSEN)
            p.fillRect(QRectF(row.left(), row.top(), 6, row.height()), QColor(ACCENT))
        p.setPen(QPen(self.DIVIDER, 1))
        p.drawLine(QPointF(row.left(), row.bottom() - 0.5),
                   QPointF(row.right(), row.bottom() - 0.5))

        # the name, on up to two lines
        name_w = row.width() * self.NAME_SHARE
        name_font = font(self.TEXT_PX, bold=m.id == self.current)
        p.setFont(name_font)
        p.setPen(ink)
        lines = _wrap(m.name, QFontMetrics(name_font), name_w - 24, 2)
        fm = QFontMetrics(name_font)
        top = row.center().y() - len(lines) * fm.height() / 2
        for n, line in enumerate(lines):
            p.drawText(QRectF(16, top + n * fm.height(), name_w - 24, fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

        # the track
        left = name_w + 8
        right = row.width() - self.DIRECTION_W - 8
        width = right - left
        y = row.top() + 22
        p.setPen(QPen(self.LINE, 2))
        p.drawLine(QPointF(left, y), QPointF(right, y))
        way = MB.direction(m)
        low, high = left + width * self.LOW, left + width * self.HIGH
        base_x, target_x = (high, low) if way == "down" else (low, high)
        figure_font = font(self.TEXT_PX)
        p.setFont(figure_font)
        fm = QFontMetrics(figure_font)
        label_top = y + 12

        if m.baseline is not None and m.target is not None and way is not None:
            self._arrow(p, base_x, target_x, y)
        labels: list[QRectF] = []
        texts: list[str] = []
        for x, value, missing, mark in ((base_x, m.baseline, "baseline missing", "circle"),
                                        (target_x, m.target, "target missing", "diamond")):
            if value is None:
                words_font = QFont(font(self.TEXT_PX))  # a copy: `font` is shared
                words_font.setItalic(True)
                p.setFont(words_font)
                w = QFontMetrics(words_font).horizontalAdvance(missing) + 12
                box = QRectF(x - w / 2, y - fm.height() / 2 - 1, w, fm.height() + 2)
                box.moveLeft(max(left, min(box.left(), right - w)))
                p.fillRect(box, QColor("#FFFFFF"))
                p.setPen(QColor(ERROR_INK))
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, missing)
                p.setFont(figure_font)
                continue
            if mark == "circle":
                p.setPen(QPen(ink, 2.5))
                p.setBrush(QColor("#FFFFFF"))
                p.drawEllipse(QPointF(x, y), 7.5, 7.5)
            else:
                p.setPen(QPen(ink, 1))
                p.setBrush(ink)
                p.drawPolygon(QPolygonF([QPointF(x, y - 9.5), QPointF(x + 9.5, y),
                                         QPointF(x, y + 9.5), QPointF(x - 9.5, y)]))
            text = figure_text(value, m.unit)
            w = fm.horizontalAdvance(text) + 4
            box = QRectF(x - w / 2, label_top, w, fm.height())
            box.moveLeft(max(left, min(box.left(), right - w)))
            labels.append(box)
            texts.append(text)
        if len(labels) == 2:  # two long figures on a narrow track: each goes to its own end
            first, second = sorted(labels, key=QRectF.left)
            if first.right() + 12 > second.left():
                first.moveLeft(left)
                second.moveRight(right)
        p.setPen(ink)
        for box, text in zip(labels, texts, strict=True):
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

        # the way it must move, in words
        word = self._direction_word(m)
        if word:
            p.setFont(font(self.TEXT_PX, bold=True))
            p.setPen(ink)
            p.drawText(QRectF(row.width() - self.DIRECTION_W, row.top(), self.DIRECTION_W - 12,
                              row.height()),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, word)

    @staticmethod
    def _arrow(p: QPainter, start: float, end: float, y: float) -> None:
        sign = 1 if end > start else -1
        tail = start + sign * 11
        tip = end - sign * 13
        if (tip - tail) * sign <= 4:
            return
        blue = QColor(ACCENT)
        p.setPen(QPen(blue, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawLine(QPointF(tail, y), QPointF(tip - sign * 8, y))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(blue)
        p.drawPolygon(QPolygonF([QPointF(tip, y), QPointF(tip - sign * 13, y - 7),
                                 QPointF(tip - sign * 13, y + 7)]))

    # -- choosing ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self.row_at(event.position().y())
        if index >= 0:
            self.set_current(self.measures[index].id)
            self.chosen.emit(self.measures[index].id)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        ids = [m.id for m in self.measures]
        if step is None or not ids:
            super().keyPressEvent(event)
            return
        index = ids.index(self.current) + step if self.current in ids else 0
        index = max(0, min(index, len(ids) - 1))
        self.set_current(ids[index])
        self.chosen.emit(ids[index])

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.update()


class RoomyRows(QStyledItemDelegate):
    """Cells with a little air above and below their text, so rows of a list read as lines
    from across the room (padding in a style sheet would make wrapped text overflow)."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        size = super().sizeHint(option, index)
        return QSize(size.width() + 8, size.height() + 10)


def _wrap(text: str, fm: QFontMetrics, width: float, max_lines: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `max_lines` of them; the last line ends
    in an ellipsis if the text does not fit (the table above shows it whole)."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for n, word in enumerate(words):
        trial = f"{line} {word}".strip()
        if fm.horizontalAdvance(trial) <= width or not line:
            line = trial
            continue
        if len(lines) == max_lines - 1:
            line = " ".join([line, *words[n:]])
            break
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    if lines:
        lines[-1] = fm.elidedText(lines[-1], Qt.TextElideMode.ElideRight, int(width))
    return lines


class MeasuresView(QWidget):
    """The Measures tab. `current` is the chosen measure's id; `table`, `gauge` (a
    `TargetStrip`) and the form's fields (`name`, `unit`, `baseline`, `target`, `due`,
    `owner`, `improvement`, `problem` for a figure or date that cannot be read, `problems`
    for what the measure still lacks, `delete_button`) are public for the tests."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blueprint.measures")
        self.editor = editor
        self.workshop = Workshop()
        self.current: str | None = None
        self._loading = False
        self._unreadable: dict[str, str] = {}  # field → why its text was not saved
        self._origin: dict[tuple, object] = {}  # (measure, field, run) → value before typing
        self._form_for: str | None = None  # the measure the form last showed

        col = QVBoxLayout(self)
        col.setContentsMargins(4, 8, 4, 4)
        self.new_name = FieldEdit()
        self.new_name.setObjectName("measures.new")
        self.new_name.setPlaceholderText("A new measure: type what you will count and "
                                         "press Enter")
        self.new_name.returnPressed.connect(self.add_typed)
        col.addWidget(self.new_name)

        row = QHBoxLayout()
        left = QVBoxLayout()
        self.table = read_only_list("measures.table", COLUMNS)
        self.table.setAccessibleName("Measures")
        self.table.installEventFilter(self)
        self.table.currentCellChanged.connect(lambda r, *_a: self._row_chosen(r))
        bigger = self.table.font()
        bigger.setPointSizeF(bigger.pointSizeF() * 1.2)
        self.table.setFont(bigger)
        self.table.setWordWrap(True)  # long names wrap: the room reads every word
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setItemDelegate(RoomyRows(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("Improvement"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the file's order until a
        # header is clicked
        header.sectionResized.connect(lambda *_a: self._fit_table())
        left.addWidget(self.table, 1)  # both grow only as far as their rows need
        heading = QLabel("From today to the target")
        heading.setObjectName("sectionTitle")
        left.addWidget(heading)
        self.gauge = TargetStrip()
        self.gauge.chosen.connect(self.choose)
        self.gauge_scroll = QScrollArea()
        self.gauge_scroll.setObjectName("measures.gaugeScroll")
        self.gauge_scroll.setWidgetResizable(True)
        self.gauge_scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.gauge_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gauge_scroll.setWidget(self.gauge)
        left.addWidget(self.gauge_scroll, 1)
        left.addStretch(0)  # what neither needs stays below them
        row.addLayout(left, 5)
        row.addWidget(self._form(), 3)
        col.addLayout(row, 1)

    def _form(self) -> QWidget:
        box = QWidget()
        box.setObjectName("measures.form")
        outer = QVBoxLayout(box)
        outer.setContentsMargins(12, 0, 0, 0)
        heading = QLabel("The chosen measure")
        heading.setObjectName("sectionTitle")
        outer.addWidget(heading)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = FieldEdit()
        self.name.setObjectName("measures.name")
        self.name.setAccessibleName("Name of the measure")
        self.name.textEdited.connect(lambda t: t.strip() and self._edit("name", t.strip(),
                                                                        typing=True))
        self.name.editingFinished.connect(self._name_done)
        self.unit = FieldEdit()
        self.unit.setObjectName("measures.unit")
        self.unit.setAccessibleName("Unit")
        self.unit.setPlaceholderText("%, calls, points, complaints…")
        self.unit.textEdited.connect(lambda t: self._edit("unit", t.strip(), typing=True))
        self.unit.editingFinished.connect(self.editor.seal)  # typing here later: a new step
        self.baseline = FieldEdit()
        self.baseline.setObjectName("measures.baseline")
        self.baseline.setAccessibleName("Baseline: where it stands today")
        self.baseline.setPlaceholderText("where it stands today, e.g. 38")
        self.baseline.textEdited.connect(lambda t: self._figure_typed("baseline", t))
        self.baseline.editingFinished.connect(lambda: self._figure_done("baseline"))
        self.target = FieldEdit()
        self.target.setObjectName("measures.target")
        self.target.setAccessibleName("Target")
        self.target.setPlaceholderText("where it should be, e.g. 10")
        self.target.textEdited.connect(lambda t: self._figure_typed("target", t))
        self.target.editingFinished.connect(lambda: self._figure_done("target"))
        self.due = FieldEdit()
        self.due.setObjectName("measures.due")
        self.due.setAccessibleName("Due date")
        self.due.setPlaceholderText("2027-12-31")
        self.due.textEdited.connect(self._due_typed)
        self.due.editingFinished.connect(self._due_done)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.owner = QComboBox()
        self.owner.setObjectName("measures.owner")
        self.owner.setAccessibleName("Owner")
        self.owner.activated.connect(lambda _i: self._edit("owner", self.owner.currentData()))
        self.improvement = QComboBox()
        self.improvement.setObjectName("measures.improvement")
        self.improvement.setAccessibleName("Improvement it proves")
        self.improvement.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.improvement.setMinimumContentsLength(16)
        self.improvement.activated.connect(
            lambda _i: self._edit("improvement", self.improvement.currentData()))
        self.problems = QLabel("")
        self.problems.setObjectName("measures.problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_button = QPushButton("Delete measure")
        self.delete_button.setObjectName("measures.delete")
        self.delete_button.clicked.connect(self.delete_current)
        form.addRow("Name", self.name)
        form.addRow("Unit", self.unit)
        form.addRow("Baseline", self.baseline)
        form.addRow("Target", self.target)
        form.addRow("Due by", self.due)
        form.addRow("", self.problem)
        form.addRow("Owner", self.owner)
        form.addRow("Improvement", self.improvement)
        outer.addLayout(form)
        missing = QLabel("Still missing")
        missing.setObjectName("sectionTitle")
        outer.addWidget(missing)
        outer.addWidget(self.problems)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        outer.addLayout(buttons)
        keys = QLabel("On the table: Enter goes to the name, Delete deletes the measure. "
                      "Ctrl+Z undoes any change.")
        keys.setObjectName("hint")
        keys.setWordWrap(True)
        outer.addWidget(keys)
        outer.addStretch(1)
        return box

    # -- showing --------------------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        self.workshop = workshop
        measures = workshop.blueprint.measures
        if self.current not in {m.id for m in measures}:
            self.current = measures[0].id if measures else None
            self._unreadable.clear()
        self._loading = True
        try:
            self._fill_table()
            self._fill_form()
        finally:
            self._loading = False
        self.gauge.show_measures(measures, self.current)
        self.gauge_scroll.setMaximumHeight(self.gauge.content_height()
                                           + 2 * self.gauge_scroll.frameWidth())
        self.gauge_scroll.setMinimumHeight(min(self.gauge.content_height(),
                                               self.gauge.HEADER_H + 3 * self.gauge.ROW_H)
                                           + 2 * self.gauge_scroll.frameWidth())

    def _fill_table(self) -> None:
        people = {p.id: p for p in self.workshop.participants}
        titles = {i.id: i.title for i in self.workshop.priorities.improvements}
        measures = self.workshop.blueprint.measures
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(measures))
        for r, m in enumerate(measures):
            owner = people.get(m.owner or "")
            if owner is not None:
                owner_text = owner.name
            elif MB.needs_owner(m):
                owner_text = NOBODY
            else:
                owner_text = "No longer a participant ⚠"
            cells = (
                (m.name, None),
                (m.unit, None),
                (MB.number_text(m.baseline), LAST if m.baseline is None else m.baseline),
                (MB.number_text(m.target), LAST if m.target is None else m.target),
                (m.due or "", m.due or "9999"),
                (owner_text, None),
                (titles.get(m.improvement or "", ""), None),
            )
            for c, (text, key) in enumerate(cells):
                item = SortItem(text)
                item.setData(ID, m.id)
                item.setData(SORT_KEY, key)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c == OWNER_COLUMN and owner is None:
                    item.setForeground(QBrush(QColor(ERROR_INK)))
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        self._select_row()
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped text, and the table no taller than its rows."""
        table = self.table
        table.resizeRowsToContents()
        height = (table.horizontalHeader().height() + table.verticalHeader().length()
                  + 2 * table.frameWidth() + 2)
        table.setMaximumHeight(max(height, 120))

    def _select_row(self) -> None:
        table = self.table
        for r in range(table.rowCount()):
            if table.item(r, 0).data(ID) == self.current:
                if table.currentRow() != r:
                    table.setCurrentCell(r, max(0, table.currentColumn()))
                return
        table.clearSelection()

    def _measure(self) -> Measure | None:
        return next((m for m in self.workshop.blueprint.measures if m.id == self.current), None)

    def _fill_form(self) -> None:
        measure = self._measure()
        # another measure chosen: every field shows it, even the one with the keyboard
        force = measure is not None and measure.id != self._form_for
        self._form_for = measure.id if measure is not None else None
        read_only = self.editor.read_only
        for w in (self.name, self.unit, self.baseline, self.target, self.due, self.owner,
                  self.improvement, self.delete_button):
            w.setEnabled(measure is not None and not read_only)
        self.new_name.setEnabled(not read_only)
        self.owner.clear()
        self.owner.addItem("Nobody yet", None)
        departments = {d.id: d.name for d in self.workshop.departments}
        for p in self.workshop.participants:
            where = departments.get(p.department or "")
            self.owner.addItem(f"{p.name} — {where}" if where else p.name, p.id)
        self.improvement.clear()
        self.improvement.addItem("None", None)
        for i in self.workshop.priorities.improvements:
            self.improvement.addItem(i.title, i.id)
        if measure is None:
            for w in (self.name, self.unit, self.baseline, self.target, self.due):
                w.clear()
            self._unreadable.clear()
            self._show_unreadable()
            self.problems.setText("")
            return
        self._show_text(self.name, measure.name, force)
        self._show_text(self.unit, measure.unit, force)
        for key, field in (("baseline", self.baseline), ("target", self.target),
                           ("due", self.due)):
            value = getattr(measure, key)
            text = (value or "") if key == "due" else \
                ("" if value is None else MB.number_text(value))
            if force or self.editor.replaying or not field.hasFocus():
                self._unreadable.pop(key, None)
                field.show_value(text)
        self._show_unreadable()
        owner = self.owner.findData(measure.owner)
        if owner < 0 and measure.owner:
            self.owner.addItem("No longer a participant", measure.owner)
            owner = self.owner.count() - 1
        self.owner.setCurrentIndex(max(0, owner))
        self.improvement.setCurrentIndex(max(0, self.improvement.findData(measure.improvement)))
        people = {p.id: p for p in self.workshop.participants}
        problems = MB.measure_problems(measure, people)
        if problems:
            self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
            self.problems.setStyleSheet(f"color: {ERROR_INK};")
        else:
            self.problems.setText("Nothing: it has an owner, a baseline, a target and a date.")
            self.problems.setStyleSheet(f"color: {MUTED};")

    def _show_text(self, field: FieldEdit, value: str, force: bool = False) -> None:
        """Show the file's text, unless the field is being typed in and already says it (a
        trailing space being typed is not taken away)."""
        if not force and field.hasFocus() and not self.editor.replaying \
                and field.text().strip() == value:
            return
        field.show_value(value)

    def _show_unreadable(self) -> None:
        self.problem.setText(" ".join(self._unreadable.values()))
        for key, field in (("baseline", self.baseline), ("target", self.target),
                           ("due", self.due)):
            _mark_invalid(field, key in self._unreadable)

    def _row_chosen(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if self._loading or item is None:
            return
        self.choose(item.data(ID))

    def choose(self, measure_id: str) -> None:
        """Make this measure the chosen one, in the table, the strip and the form."""
        if measure_id == self.current and self.table.currentRow() >= 0:
            return
        self.current = measure_id
        self._unreadable.clear()
        self._loading = True
        try:
            self._select_row()
            self._fill_form()
        finally:
            self._loading = False
        self.gauge.set_current(measure_id)

    # -- verbs ------------------------------------------------------------------------------------

    def add_typed(self) -> None:
        text = self.new_name.text().strip()
        if not text or self.editor.read_only:
            return
        batch = self.editor.board(O.add_measure, text, label="Add measure")
        if batch is not None:
            self.current = batch.created[0]
            self.new_name.clear()
            self._unreadable.clear()
            self.show_workshop(self.workshop)  # the page read it before this one was chosen
            self.unit.setFocus()  # the name is typed; what is it counted in?

    def _edit(self, key: str, value, typing: bool = False) -> bool:
        measure = self._measure()
        if self._loading or measure is None or self.editor.read_only:
            return False
        if getattr(measure, key) == value:
            return True
        merge = ("measure", measure.id, key, self.editor.run) if typing else None
        if self.editor.board(O.edit_measure, measure.id, label=f"Edit measure {key}",
                             merge_key=merge, **{key: value}) is None:
            return False
        setattr(measure, key, value)
        return True

    def _name_done(self) -> None:
        self.editor.seal()  # typing here again later is another undo step
        measure = self._measure()
        if measure is not None and not self.name.text().strip():
            self.name.show_value(measure.name)  # a measure always has a name

    def _figure_typed(self, key: str, text: str) -> None:
        """Save a figure at each key once the field holds one (a run of typing is one undo
        step); a field that does not hold one yet is said when it is left."""
        value = parse_figure(text) if text.strip() else None
        if value is not None:  # (an emptied field is cleared when it is left)
            self._typed(key, value)

    def _due_typed(self, text: str) -> None:
        if rules.is_date(text.strip()):
            self._typed("due", text.strip())

    def _typed(self, key: str, value) -> None:
        measure = self._measure()
        if measure is None:
            return
        # what the field held when this run of typing began, to put back if it ends refused
        self._origin.setdefault((measure.id, key, self.editor.run), getattr(measure, key))
        if self._unreadable.pop(key, None) is not None:
            self._show_unreadable()  # it reads now: no complaint about what it said before
        self._edit(key, value, typing=True)

    def _refuse(self, key: str, sentence: str) -> None:
        """Say why the field's text is not taken, and take back what its run of typing wrote
        on the way (typing "1.5k" wrote 1.5 at the "5"): the figure stays as it was."""
        self._unreadable[key] = sentence
        self._show_unreadable()
        measure = self._measure()
        if measure is not None:
            origin = self._origin.pop((measure.id, key, self.editor.run), _NOTHING)
            if origin is not _NOTHING:
                self._edit(key, origin, typing=True)  # merges: the run now changes nothing

    def _figure_done(self, key: str) -> None:
        field = self.baseline if key == "baseline" else self.target
        text = field.text().strip()
        value = parse_figure(text) if text else None
        if self._measure() is not None:
            if text and value is None:
                self._refuse(key, f"The {key} is a number, like 38 or 23.5; “{text}” is not one.")
            else:
                self._unreadable.pop(key, None)
                self._show_unreadable()
                self._edit(key, value)
        self._origin.clear()
        self.editor.seal()

    def _due_done(self) -> None:
        text = self.due.text().strip()
        if self._measure() is not None:
            if text and not rules.is_date(text):
                self._refuse("due", f"Write the date like 2027-12-31; “{text}” is not one.")
            else:
                self._unreadable.pop("due", None)
                self._show_unreadable()
                self._edit("due", text or None)
        self._origin.clear()
        self.editor.seal()

    def delete_current(self) -> None:
        measure = self._measure()
        if measure is None or self.editor.read_only:
            return
        measures = self.workshop.blueprint.measures
        index = measures.index(measure)
        neighbours = measures[index + 1:index + 2] or measures[index - 1:index]
        if self.editor.board(O.delete_measure, measure.id, label="Delete measure") is not None:
            self.current = neighbours[0].id if neighbours else None
            self.show_workshop(self.workshop)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.delete_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.name.setFocus()
                self.name.selectAll()
                return True
        return False


def _mark_invalid(field: QLineEdit, invalid: bool) -> None:
    if bool(field.property("invalid")) != invalid:
        field.setProperty("invalid", invalid)
        field.style().unpolish(field)
        field.style().polish(field)
