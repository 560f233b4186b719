"""The road map: months and quarters across, one lane per department down (and a last lane for
work that belongs to no single department), each milestone a bar in its department's colour.

Drag a bar to move it (to other months, or another lane), drag either end to change when it
starts or ends, double-click it to edit it, double-click an empty place to make one there.
With a bar chosen: ←/→ move it a month, Shift+←/→ move its end, Alt+←/→ its start, ↑/↓ to the
lane above or below, Enter or F2 edits it, Delete deletes it. Every change is one undo step.

Milestones outside the blueprint period are drawn where they are (the timeline widens to take
them in), over greyed months, with a dashed red border and a ⚠ in their title, and they are
listed beside the road map with the reason; agreed improvements that no milestone serves yet
are listed there too, so nothing agreed falls through.

`Roadmap` only shows and reports (signals); `RoadmapView` turns those into ops.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as _field

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...model import Workshop, rules
from ...model import blueprint as MB
from ...model.board import initials
from ...model.workshop import Department, Milestone
from ...ops import blueprint as O
from ..canvas.style import INK, MUTED, SELECTION, font, solid, tint
from ..editor import Editor, FieldEdit

LANE_W = 210.0
QUARTER_H, MONTH_H = 30.0, 26.0
HEADER_H = QUARTER_H + MONTH_H
ROW_H = 48.0
LANE_PAD = 6.0
MIN_MONTH_W = 40.0
EDGE = 8.0  # how near a bar's end the mouse must be to resize it
DRAG_START = 4.0
SHARED_COLOUR = "#9A9A9A"
FLAG = QColor("#A3200B")
OUTSIDE_FILL = QColor("#E6E6E6")
NEW_LENGTH = 3  # months a new milestone spans
SHARED_NAME = "Across departments"
LABEL_PX = 15  # a title written beside its bar
LABEL_MAX_W = 340.0
MAX_SCALE = 1.6
_WRAP = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap

@dataclass(slots=True)
class _Geometry:
    span: tuple[str, str]
    months: list[str]
    first: int  # the first month's index
    mw: float  # a month's width
    lanes: list[tuple[str | None, float, float, dict[str, int]]]
    rects: dict[str, QRectF]
    labels: dict[str, QRectF] = _field(default_factory=dict)  # titles written beside bars


@dataclass(slots=True)
class _Drag:
    oid: str
    mode: str  # "move", "start" or "end"
    at: QPointF
    original: Milestone
    lane: str | None
    moved: bool = False


class Roadmap(QWidget):
    """The timeline itself. Emits what the facilitator asked for; the view edits the file."""

    chosen = Signal(str)
    moved = Signal(str, int, object)  # milestone, months later (may be negative), lane
    resized = Signal(str, str, str)  # milestone, start, end
    edit_requested = Signal(str)
    create_requested = Signal(object, str)  # lane (None: the shared one), first month
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blueprint.roadmap")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.departments: list[Department] = []
        self.milestones: list[Milestone] = []
        self.start: str | None = None
        self.end: str | None = None
        self.current: str | None = None
        self.read_only = False
        self._drag: _Drag | None = None
        self._preview: tuple[str, str] = ("", "")
        #: How much larger than its least size the road map is drawn: a few lanes fill the
        #: height the view has (up to MAX_SCALE), so the room reads them from further away.
        self.s = 1.0
        self.available_height = 0.0
        self._version = 0  # counts what was shown, so the geometry is worked out once each
        self._geo: _Geometry | None = None
        self._geo_state: tuple | None = None
        self._fits: dict[tuple, int | None] = {}
        self._advances: dict[tuple, float] = {}

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1100, 600)

    @property
    def quarter_h(self) -> float:
        return QUARTER_H * self.s

    @property
    def month_h(self) -> float:
        return MONTH_H * self.s

    @property
    def header_h(self) -> float:
        return HEADER_H * self.s

    @property
    def row_h(self) -> float:
        return ROW_H * self.s

    @property
    def lane_pad(self) -> float:
        return LANE_PAD * self.s

    @property
    def label_max_w(self) -> float:
        return LABEL_MAX_W * self.s

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # narrower months can put more titles beside bars: more rows

    def fit_height(self, height: float) -> None:
        """The height the view has for the road map; a short one grows to fill it."""
        if height != self.available_height:
            self.available_height = height
            self._fit()
            self.update()

    def show_roadmap(self, departments: list[Department], milestones: list[Milestone],
                     start: str | None, end: str | None) -> None:
        self.departments = list(departments)
        self.milestones = list(milestones)
        self.start, self.end = start, end
        if self.current not in {m.id for m in self.milestones}:
            self.current = None
        self._drag = None
        self._version += 1
        self._fit()
        self.update()

    # -- geometry ---------------------------------------------------------------------------------

    def _state(self) -> tuple:
        """What the geometry depends on; it is worked out again only when this changes."""
        drag = self._drag
        preview = (drag.oid, self._preview, drag.lane) if drag is not None and drag.moved \
            else None
        return self._version, preview, self.width(), self.s

    def _geometry(self) -> _Geometry:
        state = self._state()
        if self._geo is None or self._geo_state != state:
            self._geo_state = state
            self._geo = None
            shown = self._shown()
            span = MB.shown_span(self.start, self.end, shown)
            if span is None:  # nothing yet: this year
                import datetime as _dt

                first = f"{_dt.date.today().year:04d}-01"
                span = (first, MB.add_months(first, 11))
            months = MB.months(*span)
            mw = max(MIN_MONTH_W, (self.width() - LANE_W - 1) / max(1, len(months)))
            self._geo = _Geometry(span, months, MB.month_index(span[0]), mw, [], {})
            self._lay_out(self._geo, shown)
        return self._geo

    def _lay_out(self, geo: _Geometry, shown: list[Milestone]) -> None:
        """Lanes top to bottom, the rows within each, and every bar's rectangle."""
        by_lane: dict[str | None, list[Milestone]] = {}
        for m in shown:
            by_lane.setdefault(MB.lane_of(m, self.departments), []).append(m)
        top = self.header_h
        for lane in MB.lanes(self.departments):
            mine = by_lane.get(lane, [])
            rows = MB.stack_rows(mine, self._extent)
            height = self.lane_pad * 2 + ((max(rows.values()) + 1) if rows else 1) * self.row_h
            geo.lanes.append((lane, top, height, rows))
            for m in mine:
                x = self.month_x(m.start)
                rect = geo.rects[m.id] = QRectF(
                    x + 1, top + self.lane_pad + rows[m.id] * self.row_h + 3,
                    MB.months_between(m.start, m.end) * geo.mw - 2, self.row_h - 6)
                side, room = self._label_side(m)
                if side != "inside":  # the title beside the bar answers clicks as the bar
                    geo.labels[m.id] = QRectF(rect.right(), rect.top(), room, rect.height()) \
                        if side == "right" else QRectF(rect.left() - room, rect.top(), room,
                                                       rect.height())
            top += height

    def span(self) -> tuple[str, str]:
        return self._geometry().span

    def month_list(self) -> list[str]:
        return self._geometry().months

    def month_width(self) -> float:
        return self._geometry().mw

    def _shown(self) -> list[Milestone]:
        """The milestones as drawn: the one being dragged where it would land."""
        drag = self._drag
        if drag is None or not drag.moved:
            return self.milestones
        out = []
        for m in self.milestones:
            if m.id == drag.oid:
                m = replace(m, start=self._preview[0], end=self._preview[1], lane=drag.lane)
            out.append(m)
        return out

    def lanes(self) -> list[tuple[str | None, float, float, dict[str, int]]]:
        """(lane, top, height, rows of its milestones) for every lane, top to bottom."""
        return self._geometry().lanes

    # A title that does not fit its bar is written beside it (right, or left at the end of the
    # timeline), and the row keeps that room free. Both answers are remembered: they need the
    # font's measurements, which are slow next to everything else here.

    def _inside_px(self, m: Milestone, width: float) -> int | None:
        """The largest type size (16 down to 12 px) at which the title fits inside its bar."""
        text = self._title(m)
        key = (text, round(width, 1), self.s)
        if key in self._fits:
            return self._fits[key]
        box = QRectF(0, 0, width - 20, self.row_h - 10)
        found = None
        longest = max(text.split(), key=len, default="")
        for px in range(round(16 * self.s), round(12 * self.s) - 1, -1):
            metrics = QFontMetricsF(font(px, bold=True))
            if metrics.horizontalAdvance(longest) <= box.width() and \
                    metrics.boundingRect(box, _WRAP, text).height() <= box.height():
                found = px
                break
        if len(self._fits) > 20000:
            self._fits.clear()
        self._fits[key] = found
        return found

    def _title(self, m: Milestone) -> str:
        flagged = MB.placement(m, self.start, self.end) != MB.INSIDE
        return ("⚠ " if flagged else "") + m.title

    def _label_side(self, m: Milestone) -> tuple[str, float]:
        """("inside", 0) or the side a title goes on and the room it takes, in pixels."""
        geo = self._geo
        assert geo is not None
        width = MB.months_between(m.start, m.end) * geo.mw
        if self._inside_px(m, width) is not None:
            return "inside", 0.0
        text = self._title(m)
        key = (text, self.s)
        advance = self._advances.get(key)
        if advance is None:
            if len(self._advances) > 20000:
                self._advances.clear()
            advance = self._advances[key] = QFontMetricsF(
                font(LABEL_PX * self.s, bold=True)).horizontalAdvance(text)
        room = min(self.label_max_w, advance) + 14
        right_edge = LANE_W + len(geo.months) * geo.mw
        if self.month_x(m.end) + geo.mw + room <= right_edge:
            return "right", room
        if self.month_x(m.start) - room >= LANE_W:
            return "left", room
        return "inside", 0.0  # no room either side: cut short inside the bar

    def _extent(self, m: Milestone) -> tuple[int, int]:
        first, last = MB.month_index(m.start), MB.month_index(m.end)
        side, room = self._label_side(m)
        extra = int(-(-room // self._geo.mw))  # whole months, rounded up
        if side == "right":
            last += extra
        elif side == "left":
            first -= extra
        return first, last

    def _height(self) -> float:
        lanes = self.lanes()
        return lanes[-1][1] + lanes[-1][2] if lanes else self.header_h

    def _fit(self) -> None:
        """Choose the scale: the largest (up to MAX_SCALE) at which every lane still fits the
        height the view has (larger type writes more titles beside their bars, which can take
        more rows), else 1; then ask for the room that needs."""
        self.s = 1.0
        natural = self._height()
        if self.available_height > natural:
            scale = min(MAX_SCALE, self.available_height / natural)
            while scale > 1.0:
                self.s = scale
                if self._height() <= self.available_height:
                    break
                scale = round(scale - 0.05, 2)
            else:
                self.s = 1.0
        n = len(self.month_list())
        self.setMinimumSize(int(LANE_W + n * MIN_MONTH_W + 2), int(self._height() + 2))

    def month_x(self, month: str) -> float:
        geo = self._geo if self._geo is not None else self._geometry()
        return LANE_W + (MB.month_index(month) - geo.first) * geo.mw

    def bar_rects(self) -> dict[str, QRectF]:
        return self._geometry().rects

    def bar_at(self, point: QPointF) -> str | None:
        """The milestone under a point: its bar, or its title written beside the bar."""
        geo = self._geometry()
        for oid, rect in reversed(list(geo.rects.items())):
            if rect.contains(point):
                return oid
        for oid, rect in reversed(list(geo.labels.items())):
            if rect.contains(point):
                return oid
        return None

    def lane_at(self, y: float) -> tuple[bool, str | None]:
        """(found, lane) for a height on the widget; above the lanes is the first, below the
        last (a drag past the edge keeps to the nearest lane)."""
        lanes = self.lanes()
        if not lanes:
            return False, None
        for lane, top, height, _rows in lanes:
            if top <= y < top + height:
                return True, lane
        return True, (lanes[0][0] if y < lanes[0][1] else lanes[-1][0])

    def month_at(self, x: float) -> str:
        index = int((x - LANE_W) // self.month_width())
        months = self.month_list()
        return months[max(0, min(len(months) - 1, index))]

    # -- drawing ---------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        months = self.month_list()
        mw = self.month_width()
        lanes = self.lanes()
        bottom = lanes[-1][1] + lanes[-1][2] if lanes else self.header_h
        right = LANE_W + len(months) * mw
        # months outside the period, greyed and hatched
        for month in months:
            outside = (self.start is not None and month < self.start) or (
                self.end is not None and month > self.end)
            if outside:
                r = QRectF(self.month_x(month), 0, mw, bottom)
                p.fillRect(r, OUTSIDE_FILL)
                p.fillRect(r, QBrush(QColor("#C8C8C8"), Qt.BrushStyle.BDiagPattern))
        # lanes: name on the left, a quiet band of the department's colour
        names = {d.id: d for d in self.departments}
        for i, (lane, top, height, _rows) in enumerate(lanes):
            dept = names.get(lane) if lane else None
            colour = (dept.color or SHARED_COLOUR) if dept else SHARED_COLOUR
            if i % 2:
                p.fillRect(QRectF(LANE_W, top, right - LANE_W, height), QColor(0, 0, 0, 10))
            p.fillRect(QRectF(0, top, LANE_W, height), tint(colour))
            p.fillRect(QRectF(0, top, 8, height), solid(colour))
            p.setPen(INK)
            p.setFont(font(16 * self.s, bold=True))
            label = dept.name if dept else SHARED_NAME
            p.drawText(QRectF(16, top + 4, LANE_W - 22, height - 8),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                       | Qt.TextFlag.TextWordWrap, label)
            p.setPen(QPen(QColor("#BDBDBD"), 1))
            p.drawLine(QPointF(0, top + height), QPointF(right, top + height))
        # the grid: months, quarters, years
        quarters = MB.quarters(months[0], months[-1]) if months else []
        for month in months:
            x = self.month_x(month)
            january, quarter_start = month.endswith("-01"), int(month[5:7]) % 3 == 1
            pen = QPen(QColor("#555555") if january else QColor("#9A9A9A") if quarter_start
                       else QColor("#E0E0E0"), 2 if january else 1)
            p.setPen(pen)
            p.drawLine(QPointF(x, self.quarter_h if not quarter_start else 0), QPointF(x, bottom))
        p.setPen(QPen(QColor("#555555"), 1))
        p.drawLine(QPointF(right, 0), QPointF(right, bottom))
        p.drawLine(QPointF(LANE_W, 0), QPointF(LANE_W, bottom))
        p.drawLine(QPointF(0, self.header_h), QPointF(right, self.header_h))
        p.drawLine(QPointF(LANE_W, self.quarter_h), QPointF(right, self.quarter_h))
        # the period's two ends, as heavy lines
        p.setPen(QPen(INK, 3))
        if self.start and months and months[0] <= self.start <= months[-1]:
            x = self.month_x(self.start)
            p.drawLine(QPointF(x, 0), QPointF(x, bottom))
        if self.end and months and months[0] <= self.end <= months[-1]:
            x = self.month_x(self.end) + mw
            p.drawLine(QPointF(x, 0), QPointF(x, bottom))
        # header text
        p.setPen(INK)
        for q in quarters:
            x0, x1 = self.month_x(q.first), self.month_x(q.last) + mw
            text = q.label if x1 - x0 >= 74 else f"Q{q.number}"
            p.setFont(font(15 * self.s, bold=True))
            p.drawText(QRectF(x0 + 4, 0, x1 - x0 - 6, self.quarter_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.setFont(font(13 * self.s))
        for month in months:
            x = self.month_x(month)
            text = MB.month_name(month, short=True) if mw >= 34 else MB.month_name(month)[0]
            outside = (self.start is not None and month < self.start) or (
                self.end is not None and month > self.end)
            p.setPen(MUTED if outside else INK)
            p.drawText(QRectF(x, self.quarter_h, mw, self.month_h), Qt.AlignmentFlag.AlignCenter, text)
        p.setPen(INK)
        p.setFont(font(14 * self.s, bold=True))
        p.drawText(QRectF(10, 0, LANE_W - 14, self.header_h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   MB.period_words(self.start, self.end).capitalize()
                   if not (self.start and self.end) else "Lane")
        # the milestones
        by_id = {m.id: m for m in self._shown()}
        reach = self.label_max_w + 24  # a title may be written beside its bar
        exposed = QRectF(event.rect()).adjusted(-reach, 0, reach, 0)
        for oid, rect in self.bar_rects().items():
            if rect.intersects(exposed):  # a scrolled road map paints only what shows
                self._draw_bar(p, by_id[oid], rect)
        p.end()

    def _draw_bar(self, p: QPainter, m: Milestone, rect: QRectF) -> None:
        dept = next((d for d in self.departments if d.id == m.lane), None)
        colour = (dept.color or SHARED_COLOUR) if dept else SHARED_COLOUR
        flagged = MB.placement(m, self.start, self.end) != MB.INSIDE
        chosen = m.id == self.current
        p.setBrush(tint(colour))
        if chosen:
            p.setPen(QPen(SELECTION, 4))
        elif flagged:
            p.setPen(QPen(FLAG, 2.5, Qt.PenStyle.DashLine))
        else:
            p.setPen(QPen(solid(colour).darker(130), 1.5))
        p.drawRoundedRect(rect, 6, 6)
        stripe = QRectF(rect.left() + 2, rect.top() + 2, 7, rect.height() - 4)
        p.fillRect(stripe, solid(colour))
        text = self._title(m)
        side, room = self._label_side(m)
        p.save()
        if side == "inside":
            px = self._inside_px(m, rect.width())
            p.setPen(FLAG if flagged and not chosen else INK)
            p.setClipRect(rect)
            box = rect.adjusted(14, 2, -6, -2)
            if px is not None:
                p.setFont(font(px, bold=True))
                p.drawText(box, _WRAP, text)
            else:  # too long for the bar and no room beside it: one line, cut short
                p.setFont(font(round(13 * self.s), bold=True))
                p.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           QFontMetricsF(font(round(13 * self.s), bold=True)).elidedText(
                               text, Qt.TextElideMode.ElideRight, box.width()))
        else:
            metrics = QFontMetricsF(font(LABEL_PX * self.s, bold=True))
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 14)
            x = rect.right() + 8 if side == "right" else rect.left() - room + 6
            box = QRectF(x, rect.top(), room - 14, rect.height())
            p.setFont(font(LABEL_PX * self.s, bold=True))
            p.setPen(SELECTION if chosen else FLAG if flagged else INK)
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if side == "right" else Qt.AlignmentFlag.AlignRight)
            p.drawText(box, align, shown)
        p.restore()

    # -- mouse ------------------------------------------------------------------------------------

    def _mode_at(self, oid: str, point: QPointF) -> str:
        rect = self.bar_rects()[oid]
        if not rect.contains(point):
            return "move"  # held by its title
        if rect.width() >= 3 * EDGE:
            if point.x() <= rect.left() + EDGE:
                return "start"
            if point.x() >= rect.right() - EDGE:
                return "end"
        return "move"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        oid = self.bar_at(event.position())
        if oid is None:
            return
        if oid != self.current:
            self.current = oid
            self.chosen.emit(oid)
        if not self.read_only:
            m = next(m for m in self.milestones if m.id == oid)
            self._drag = _Drag(oid, self._mode_at(oid, event.position()), event.position(), m,
                               MB.lane_of(m, self.departments))
            self._preview = (m.start, m.end)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        drag = self._drag
        pos = event.position()
        if drag is None:
            oid = self.bar_at(pos)
            if oid is None or self.read_only:
                self.unsetCursor()
            elif self._mode_at(oid, pos) == "move":
                self.setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.setCursor(Qt.CursorShape.SizeHorCursor)
            return
        if not drag.moved and (pos - drag.at).manhattanLength() < DRAG_START:
            return
        drag.moved = True
        steps = round((pos.x() - drag.at.x()) / self.month_width())
        m = drag.original
        if drag.mode == "move":
            self._preview = (MB.add_months(m.start, steps), MB.add_months(m.end, steps))
            found, lane = self.lane_at(pos.y())
            drag.lane = lane if found else drag.lane
        elif drag.mode == "start":
            self._preview = (min(MB.add_months(m.start, steps), m.end), m.end)
        else:
            self._preview = (m.start, max(MB.add_months(m.end, steps), m.start))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        drag, self._drag = self._drag, None
        if drag is None or not drag.moved:
            self.update()
            return
        m = drag.original
        start, end = self._preview
        if drag.mode == "move":
            months = MB.month_index(start) - MB.month_index(m.start)
            lane_before = MB.lane_of(m, self.departments)
            if months or drag.lane != lane_before:
                self.moved.emit(m.id, months, drag.lane)
        elif (start, end) != (m.start, m.end):
            self.resized.emit(m.id, start, end)
        self._fit()
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position()
        oid = self.bar_at(pos)
        if oid is not None:
            self.edit_requested.emit(oid)
        elif pos.x() > LANE_W and self.header_h < pos.y() < self._height() \
                and not self.read_only:
            found, lane = self.lane_at(pos.y())
            if found:
                self.create_requested.emit(lane, self.month_at(pos.x()))

    # -- keys ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is not None and event.key() == Qt.Key.Key_Escape:
            self._drag = None  # the bar goes back; nothing is written
            self.update()
            event.accept()
            return
        m = next((m for m in self.milestones if m.id == self.current), None)
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        if m is None or (mods & Qt.KeyboardModifier.ControlModifier):
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit(m.id)
        elif self.read_only:
            super().keyPressEvent(event)
            return
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            if shift:
                end = MB.add_months(m.end, step)
                if end >= m.start:
                    self.resized.emit(m.id, m.start, end)
            elif alt:
                start = MB.add_months(m.start, step)
                if start <= m.end:
                    self.resized.emit(m.id, start, m.end)
            else:
                self.moved.emit(m.id, step, MB.lane_of(m, self.departments))
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            order = MB.lanes(self.departments)
            i = order.index(MB.lane_of(m, self.departments))
            j = i + (1 if key == Qt.Key.Key_Down else -1)
            if 0 <= j < len(order):
                self.moved.emit(m.id, 0, order[j])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(m.id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class RoadmapView(QWidget):
    """The road map with its form and the two lists that keep anything from falling through."""

    def __init__(self, editor: Editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blueprint.roadmapView")
        self.editor = editor
        self.session = editor.session
        self.workshop = Workshop()
        self.current: str | None = None
        self._loading = False
        self._origin: dict[tuple, tuple[str, str]] = {}  # a run of typing → dates before it

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        self.new_title = FieldEdit()
        self.new_title.setObjectName("roadmap.new")
        self.new_title.setPlaceholderText("A new milestone: type its title and press Enter "
                                          "(or double-click an empty place on the road map)")
        self.new_title.returnPressed.connect(self.add_typed)
        left.addWidget(self.new_title)
        self.canvas = Roadmap()
        # a click chooses what is under the mouse: no scrolling then, or the press would land
        # somewhere else on the road map than where the facilitator pressed
        self.canvas.chosen.connect(lambda oid: self.choose(oid, scroll=False))
        self.canvas.moved.connect(self._moved)
        self.canvas.resized.connect(self._resized)
        self.canvas.edit_requested.connect(self.edit)
        self.canvas.create_requested.connect(self.create_at)
        self.canvas.delete_requested.connect(self.delete)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.canvas)
        self.scroll.viewport().installEventFilter(self)
        left.addWidget(self.scroll, 1)
        self.keys = QLabel("Drag a bar to move it, drag an end to change its dates. With a bar "
                           "chosen: ←/→ a month, Shift+←/→ its end, Alt+←/→ its start, ↑/↓ "
                           "another lane, Enter to edit, Delete to delete.")
        self.keys.setObjectName("hint")
        self.keys.setWordWrap(True)
        left.addWidget(self.keys)
        row.addLayout(left, 1)
        side = QWidget()
        side.setFixedWidth(420)
        row.addWidget(side)
        self._side(side)

    def _side(self, side: QWidget) -> None:
        col = QVBoxLayout(side)
        col.setContentsMargins(6, 0, 0, 0)
        heading = QLabel("Milestone")
        heading.setObjectName("sectionTitle")
        col.addWidget(heading)
        form = QFormLayout()
        self.picker = QComboBox()
        self.picker.setObjectName("roadmap.picker")
        self.picker.activated.connect(lambda _i: self.choose(self.picker.currentData()))
        self.title = FieldEdit()
        self.title.setObjectName("roadmap.title")
        self.title.textEdited.connect(lambda t: t.strip() and self._edit("title", t, typing=True))
        self.title.editingFinished.connect(self._title_done)
        self.lane = QComboBox()
        self.lane.setObjectName("roadmap.lane")
        self.lane.activated.connect(lambda _i: self._edit("lane", self.lane.currentData()))
        self.improvement = QComboBox()
        self.improvement.setObjectName("roadmap.improvement")
        self.improvement.activated.connect(
            lambda _i: self._edit("improvement", self.improvement.currentData()))
        self.owner = QComboBox()
        self.owner.setObjectName("roadmap.owner")
        self.owner.activated.connect(lambda _i: self._edit("owner", self.owner.currentData()))
        self.start = FieldEdit()
        self.start.setObjectName("roadmap.start")
        self.end = FieldEdit()
        self.end.setObjectName("roadmap.end")
        for field in (self.start, self.end):
            field.setPlaceholderText("2027-01")
            field.textEdited.connect(self._dates_typed)
            field.editingFinished.connect(self._dates_done)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.delete_button = QPushButton("Delete milestone")
        self.delete_button.setObjectName("roadmap.delete")
        self.delete_button.clicked.connect(lambda: self.current and self.delete(self.current))
        form.addRow("Chosen", self.picker)
        form.addRow("Title", self.title)
        form.addRow("Lane", self.lane)
        form.addRow("Improvement", self.improvement)
        form.addRow("Owner", self.owner)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("", self.problem)
        form.addRow("", self.delete_button)
        col.addLayout(form)
        self.unplanned_title = QLabel("Agreed, with no milestone yet")
        self.unplanned_title.setObjectName("sectionTitle")
        col.addWidget(self.unplanned_title)
        self.unplanned = QListWidget()
        self.unplanned.setObjectName("roadmap.unplanned")
        self.unplanned.setWordWrap(True)
        self.unplanned.setSpacing(3)
        self.unplanned.itemActivated.connect(self._plan)
        self.unplanned.installEventFilter(self)
        col.addWidget(self.unplanned, 1)
        self.outside_title = QLabel("Outside the period")
        self.outside_title.setObjectName("sectionTitle")
        col.addWidget(self.outside_title)
        self.outside = QListWidget()
        self.outside.setObjectName("roadmap.outside")
        self.outside.setWordWrap(True)
        self.outside.setSpacing(3)
        self.outside.itemClicked.connect(self._outside_chosen)
        self.outside.itemActivated.connect(self._outside_chosen)
        col.addWidget(self.outside, 1)

    # -- showing ----------------------------------------------------------------------------------

    def show_workshop(self, workshop: Workshop) -> None:
        self.workshop = workshop
        bp = workshop.blueprint
        if self.current not in {m.id for m in bp.milestones}:
            self.current = None
        self.canvas.read_only = self.session.read_only
        self.canvas.current = self.current
        self.canvas.show_roadmap(workshop.departments, bp.milestones, bp.start, bp.end)
        self._fill_lists()
        self._fill_form()

    def _fill_lists(self) -> None:
        bp = self.workshop.blueprint
        todo = MB.without_milestone(self.workshop.priorities.improvements, bp.milestones)
        self.unplanned.clear()
        for imp in todo:
            item = QListWidgetItem(f"⚠ {imp.title}")
            item.setData(Qt.ItemDataRole.UserRole, imp.id)
            item.setToolTip("Enter or double-click gives it a milestone.")
            self.unplanned.addItem(item)
        if not todo:
            item = QListWidgetItem("Every agreed improvement has a milestone.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.unplanned.addItem(item)
        self.unplanned_title.setText(
            f"Agreed, with no milestone yet ({len(todo)})" if todo
            else "Agreed, with no milestone yet")
        flagged = MB.outside_period(bp.milestones, bp.start, bp.end)
        self.outside.clear()
        for m, why in flagged:
            item = QListWidgetItem(why)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.outside.addItem(item)
        if not flagged:
            item = QListWidgetItem("Every milestone lies inside the period."
                                   if bp.start or bp.end else "Set the period above to see "
                                   "which milestones fall outside it.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.outside.addItem(item)
        self.outside_title.setText(f"Outside the period ({len(flagged)})" if flagged
                                   else "Outside the period")

    def _milestone(self) -> Milestone | None:
        return next((m for m in self.workshop.blueprint.milestones if m.id == self.current), None)

    def _fill_form(self) -> None:
        m = self._milestone()
        enabled = m is not None and not self.session.read_only
        for w in (self.title, self.lane, self.improvement, self.owner, self.start, self.end,
                  self.delete_button):
            w.setEnabled(enabled)
        self.new_title.setEnabled(not self.session.read_only)
        self._loading = True
        try:
            self.picker.clear()
            self.picker.addItem("Choose a milestone…", None)
            for x in self.workshop.blueprint.milestones:
                self.picker.addItem(f"{x.title} ({MB.month_name(x.start, short=True)} "
                                    f"{x.start[:4]})" if rules.is_month(x.start) else x.title,
                                    x.id)
            self.picker.setCurrentIndex(max(0, self.picker.findData(self.current)))
            self.lane.clear()
            for d in self.workshop.departments:
                self.lane.addItem(f"{d.name} ({initials(d.name)})", d.id)
            self.lane.addItem(SHARED_NAME, None)
            self.improvement.clear()
            self.improvement.addItem("None", None)
            for i in self.workshop.priorities.improvements:
                self.improvement.addItem(i.title, i.id)
            self.owner.clear()
            self.owner.addItem("Nobody yet", None)
            for p in self.workshop.participants:
                self.owner.addItem(p.name, p.id)
            if m is None:
                self.title.clear()
                self.start.clear()
                self.end.clear()
                self.problem.setText("")
                return
            if not (self.title.hasFocus() and not self.editor.replaying
                    and self.title.text().strip() == m.title):
                self.title.show_value(m.title)  # (not over a space being typed)
            self.lane.setCurrentIndex(max(0, self.lane.findData(
                MB.lane_of(m, self.workshop.departments))))
            self.improvement.setCurrentIndex(max(0, self.improvement.findData(m.improvement)))
            self.owner.setCurrentIndex(max(0, self.owner.findData(m.owner)))
            for field, value in ((self.start, m.start), (self.end, m.end)):
                if not field.hasFocus() or self.editor.replaying:
                    field.setText(value)
            bp = self.workshop.blueprint
            self.problem.setText(MB.placement_problem(m, bp.start, bp.end) or "")
        finally:
            self._loading = False

    # -- choosing ---------------------------------------------------------------------------------

    def choose(self, oid: str | None, *, scroll: bool = True) -> None:
        self.current = oid
        self.canvas.current = oid
        self.canvas.update()
        self._fill_form()
        rect = self.canvas.bar_rects().get(oid or "")
        if rect is not None and scroll:
            self.scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()),
                                      int(rect.width() / 2) + 20, int(rect.height()))

    def _outside_chosen(self, item: QListWidgetItem) -> None:
        oid = item.data(Qt.ItemDataRole.UserRole)
        if oid:  # not the sentence shown when the list is empty
            self.choose(oid)

    def edit(self, oid: str) -> None:
        """Double-click or Enter on a bar: its title, ready to be typed over."""
        self.choose(oid)
        self.title.setFocus()
        self.title.selectAll()

    # -- verbs --------------------------------------------------------------------------------------

    def _default_start(self) -> str:
        bp = self.workshop.blueprint
        return bp.start or self.canvas.span()[0]

    def add_typed(self) -> None:
        title = self.new_title.text().strip()
        if not title:
            return
        chosen = self._milestone()
        lane = MB.lane_of(chosen, self.workshop.departments) if chosen else None
        start = self._default_start()
        batch = self.editor.board(O.add_milestone, title, start,
                                  MB.add_months(start, NEW_LENGTH - 1), lane=lane,
                                  label="Add milestone")
        if batch is not None:
            self.new_title.clear()
            self.choose(batch.created[0])

    def create_at(self, lane: str | None, month: str) -> None:
        batch = self.editor.board(O.add_milestone, "New milestone", month,
                                  MB.add_months(month, NEW_LENGTH - 1), lane=lane,
                                  label="Add milestone")
        if batch is not None:
            self.edit(batch.created[0])

    def _plan(self, item: QListWidgetItem) -> None:
        """A milestone for an agreed improvement that has none: in the lane of its accountable
        executive's department, from the start of the period."""
        oid = item.data(Qt.ItemDataRole.UserRole)
        imp = next((i for i in self.workshop.priorities.improvements if i.id == oid), None)
        if imp is None or self.session.read_only:
            return
        who = next((p for p in self.workshop.participants if p.id == imp.accountable), None)
        lane = who.department if who and who.department in {
            d.id for d in self.workshop.departments} else None
        start = self._default_start()
        batch = self.editor.board(O.add_milestone, imp.title, start,
                                  MB.add_months(start, NEW_LENGTH - 1), lane=lane,
                                  improvement=imp.id, owner=imp.accountable,
                                  label="Add milestone")
        if batch is not None:
            self.edit(batch.created[0])

    def _moved(self, oid: str, months: int, lane: str | None) -> None:
        self.current = oid
        m = next((m for m in self.workshop.blueprint.milestones if m.id == oid), None)
        kwargs = {} if m is not None and lane == MB.lane_of(m, self.workshop.departments) \
            else {"lane": lane}
        self.editor.board(O.shift_milestone, oid, months, label="Move milestone", **kwargs)

    def _resized(self, oid: str, start: str, end: str) -> None:
        self.current = oid
        self.editor.board(O.edit_milestone, oid, start=start, end=end,
                          label="Change milestone dates")

    def delete(self, oid: str) -> None:
        if self.editor.board(O.delete_milestone, oid, label="Delete milestone") is not None:
            self.canvas.setFocus()

    def _edit(self, key: str, value, typing: bool = False) -> None:
        m = self._milestone()
        if self._loading or m is None or self.session.read_only:
            return
        if getattr(m, key) == value:
            return
        merge = ("milestone", m.id, key, self.editor.run) if typing else None
        if self.editor.board(O.edit_milestone, m.id, label=f"Edit milestone {key}",
                             merge_key=merge, **{key: value}) is not None:
            setattr(m, key, value)

    def _title_done(self) -> None:
        self.editor.seal()  # typing here again later is another undo step
        m = self._milestone()
        if m is None:
            return
        if self.title.text().strip():
            self._edit("title", self.title.text().strip())
        else:  # a milestone keeps a title: show the one the file has
            self.title.setText(m.title)

    def _dates_typed(self, _text: str = "") -> None:
        """Save the dates at each key once they make a milestone's span (a run of typing is one
        undo step); what does not make one yet is said when the field is left."""
        self._dates_done(typing=True)

    def _dates_done(self, typing: bool = False) -> None:
        m = self._milestone()
        if m is None or self._loading or self.session.read_only:
            return
        start, end = self.start.text().strip(), self.end.text().strip()
        problem = None
        if not (rules.is_month(start) and rules.is_month(end)):
            problem = "Write months like 2027-01."
        elif end < start:
            problem = "A milestone cannot end before it starts."
        run = ("milestone dates", m.id, self.editor.run)
        if problem:
            if not typing:
                origin = self._origin.pop(run, None)
                if origin is not None and origin != (m.start, m.end):
                    # take back what this run wrote on the way ("2027-041" wrote 2027-04)
                    self.editor.board(O.edit_milestone, m.id, start=origin[0], end=origin[1],
                                      label="Change milestone dates", merge_key=run)
                self.problem.setText(problem)  # (after the form showed the file again)
                self._origin.clear()
                self.editor.seal()
            return
        if (start, end) != (m.start, m.end):
            if typing:
                self._origin.setdefault(run, (m.start, m.end))
            self.editor.board(O.edit_milestone, m.id, start=start, end=end,
                              label="Change milestone dates", merge_key=run if typing else None)
        else:
            bp = self.workshop.blueprint
            self.problem.setText(MB.placement_problem(m, bp.start, bp.end) or "")
        if not typing:
            self._origin.clear()
            self.editor.seal()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.canvas.fit_height(float(self.scroll.viewport().height()))
            return False
        if obj is self.unplanned and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.unplanned.currentItem()
                if item is not None and item.data(Qt.ItemDataRole.UserRole):
                    self._plan(item)
                return True
        return False
