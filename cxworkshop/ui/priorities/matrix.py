"""The impact / effort matrix: improvements as cards on a 5 × 5 grid the room can read, split
into four named quadrants. Dragging a card to a cell sets its impact (up) and effort (right);
with a card chosen, Ctrl+arrow keys do the same one step at a time.

The widget only shows and reports: `placed(improvement id, impact, effort)` is emitted, and the
page turns it into an edit of the file.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...model import priorities as P
from ...model.workshop import Improvement

LOW, HIGH = 1, 5
MARGIN_L, MARGIN_B, MARGIN_T = 70, 56, 10
QUADRANT_TINTS = {"quick_wins": "#E3F2EA", "big_bets": "#E4EEF8", "fill_ins": "#F3F3F3",
                  "avoid": "#FBEBE3"}
CARD_H = 64  # a card's height when it has its cell to itself


class Matrix(QWidget):
    placed = Signal(str, int, int)  # improvement id, impact, effort
    chosen = Signal(str)  # improvement id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("priorities.matrix")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.improvements: list[Improvement] = []
        self.current: str | None = None
        self.read_only = False
        self._drag: str | None = None
        self._drag_at: QPointF | None = None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, 520)

    def show_improvements(self, improvements: list[Improvement]) -> None:
        self.improvements = list(improvements)
        if self.current not in {i.id for i in self.improvements}:
            self.current = None
        self.update()

    # -- geometry -----------------------------------------------------------------------------------

    def grid_rect(self) -> QRectF:
        return QRectF(MARGIN_L, MARGIN_T, max(10, self.width() - MARGIN_L - 10),
                      max(10, self.height() - MARGIN_T - MARGIN_B))

    def cell_rect(self, impact: int, effort: int) -> QRectF:
        g = self.grid_rect()
        w, h = g.width() / 5, g.height() / 5
        return QRectF(g.left() + (effort - LOW) * w, g.top() + (HIGH - impact) * h, w, h)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """(impact, effort) of the cell under a point, or None outside the grid."""
        g = self.grid_rect()
        if not g.contains(point):
            return None
        effort = LOW + int((point.x() - g.left()) / (g.width() / 5))
        impact = HIGH - int((point.y() - g.top()) / (g.height() / 5))
        return max(LOW, min(HIGH, impact)), max(LOW, min(HIGH, effort))

    def card_rects(self) -> dict[str, QRectF]:
        """Where each placed improvement's card is drawn: stacked within its cell."""
        out: dict[str, QRectF] = {}
        stacks: dict[tuple[int, int], int] = {}
        for imp in self.improvements:
            if imp.impact is None or imp.effort is None:
                continue
            key = (imp.impact, imp.effort)
            k = stacks.get(key, 0)
            stacks[key] = k + 1
            cell = self.cell_rect(*key)
            w = cell.width() - 8
            h = min(CARD_H, max(18.0, (cell.height() - 8) / max(1, self._count(key)) - 2))
            out[imp.id] = QRectF(cell.left() + 4, cell.top() + 4 + k * (h + 2), w, h)
        return out

    def _count(self, key: tuple[int, int]) -> int:
        return sum(1 for i in self.improvements if (i.impact, i.effort) == key)

    def card_at(self, point: QPointF) -> str | None:
        for oid, rect in reversed(list(self.card_rects().items())):
            if rect.contains(point):
                return oid
        return None

    # -- drawing ------------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        g = self.grid_rect()
        for impact in range(LOW, HIGH + 1):
            for effort in range(LOW, HIGH + 1):
                p.fillRect(self.cell_rect(impact, effort),
                           QColor(QUADRANT_TINTS[P.quadrant(impact, effort)]))
        p.setPen(QPen(QColor("#D0D0D0"), 1))
        for k in range(6):
            x = g.left() + k * g.width() / 5
            y = g.top() + k * g.height() / 5
            p.drawLine(QPointF(x, g.top()), QPointF(x, g.bottom()))
            p.drawLine(QPointF(g.left(), y), QPointF(g.right(), y))
        # the quadrants' names, large and quiet, in their corners
        p.setPen(QColor("#6A6A6A"))
        p.setFont(_font(22, bold=True))
        for key, corner in (("quick_wins", (5, 1)), ("big_bets", (5, 5)),
                            ("fill_ins", (1, 1)), ("avoid", (1, 5))):
            cell = self.cell_rect(*corner)
            align = (Qt.AlignmentFlag.AlignTop if corner[0] == 5 else Qt.AlignmentFlag.AlignBottom)
            align |= (Qt.AlignmentFlag.AlignLeft if corner[1] == 1 else Qt.AlignmentFlag.AlignRight)
            p.drawText(cell.adjusted(6, 4, -6, -4), align | Qt.TextFlag.TextWordWrap,
                       P.QUADRANT_TITLES[key])
        # axes
        p.setPen(QColor("#1B1B1B"))
        p.setFont(_font(16))
        for v in range(LOW, HIGH + 1):
            c = self.cell_rect(v, v)
            p.drawText(QRectF(0, c.top(), MARGIN_L - 8, c.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
            p.drawText(QRectF(c.left(), g.bottom() + 2, c.width(), 22),
                       Qt.AlignmentFlag.AlignHCenter, str(v))
        p.setFont(_font(17, bold=True))
        p.drawText(QRectF(g.left(), g.bottom() + 24, g.width(), 28),
                   Qt.AlignmentFlag.AlignHCenter, "Effort →")
        p.save()
        p.translate(16, g.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-g.height() / 2, -14, g.height(), 28), Qt.AlignmentFlag.AlignHCenter,
                   "Impact →")
        p.restore()
        # cards
        titles = {i.id: i.title for i in self.improvements}
        for oid, rect in self.card_rects().items():
            if oid == self._drag and self._drag_at is not None:
                rect = QRectF(rect)
                rect.moveCenter(self._drag_at)
            chosen = oid == self.current
            p.setPen(QPen(QColor("#0072B2") if chosen else QColor("#555555"), 3 if chosen else 1))
            p.setBrush(QColor("#FFFFFF"))
            p.drawRoundedRect(rect, 6, 6)
            p.setPen(QColor("#1B1B1B"))
            box = rect.adjusted(6, 2, -6, -2)
            flags = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                     | Qt.TextFlag.TextWordWrap)
            px = 16
            while px > 9:  # the largest size at which the whole title fits its card
                font = _font(px, bold=chosen)
                if QFontMetricsF(font).boundingRect(box, flags, titles[oid]).height() \
                        <= box.height():
                    break
                px -= 1
            p.setFont(_font(px, bold=chosen))
            p.save()
            p.setClipRect(rect)
            p.drawText(box, flags, titles[oid])
            p.restore()
        p.end()

    # -- mouse and keys -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        oid = self.card_at(event.position())
        if oid is not None:
            self.current = oid
            self.chosen.emit(oid)
            if not self.read_only:
                self._drag, self._drag_at = oid, event.position()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is not None:
            self._drag_at = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        oid, self._drag, self._drag_at = self._drag, None, None
        if oid is not None:
            cell = self.cell_at(event.position())
            imp = next((i for i in self.improvements if i.id == oid), None)
            if cell is not None and imp is not None and cell != (imp.impact, imp.effort):
                self.placed.emit(oid, *cell)
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        imp = next((i for i in self.improvements if i.id == self.current), None)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        steps = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Right: (0, 1),
                 Qt.Key.Key_Left: (0, -1)}
        if imp is not None and ctrl and event.key() in steps and not self.read_only:
            di, de = steps[event.key()]
            impact = max(LOW, min(HIGH, (imp.impact or 3) + di))
            effort = max(LOW, min(HIGH, (imp.effort or 3) + de))
            if (impact, effort) != (imp.impact, imp.effort):
                self.placed.emit(imp.id, impact, effort)
            event.accept()
            return
        super().keyPressEvent(event)


def _font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f
