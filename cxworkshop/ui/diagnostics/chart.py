"""The results chart, drawn for the projector: one row per statement, one bar per group (a
department, or a participant) on the instrument's scale, and the overall mean as a black mark.

Colour is never the only cue: every bar carries its group's short label. With names hidden the
bars take neutral greys and the labels become letters, so a low score points at nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...model import diagnostics as A
from ..canvas import style as S

ROW_H = 21  # one bar
ROW_GAP = 16  # between statements
TITLE_W = 300
NEUTRAL = ("#4D4D4D", "#7A7A7A", "#A6A6A6", "#5E5E5E", "#8C8C8C", "#B8B8B8", "#6B6B6B",
           "#999999", "#C4C4C4")


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    label: str  # short: initials, or a letter when names are hidden
    colour: str


class ScoreChart(QWidget):
    """Shows `results` (from `model.diagnostics.analyse`) for `groups`, on `scale`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diagnostics.chart")
        self.results: list[A.StatementResult] = []
        self.groups: list[Group] = []
        self.scale = "agreement"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_results(self, results: list[A.StatementResult], groups: list[Group],
                     scale: str) -> None:
        self.results, self.groups, self.scale = results, groups, scale
        self.updateGeometry()
        self.update()

    def _block_h(self, result: A.StatementResult) -> int:
        return max(1, len(result.groups)) * ROW_H + ROW_GAP + 28

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(900, 60 + sum(self._block_h(r) for r in self.results))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor("#FFFFFF"))
        low, high = A.SCALES.get(self.scale, (1, 5))
        labels = A.scale_labels(self.scale)
        left = TITLE_W + 20
        right = self.width() - 70
        if right - left < 100:
            return
        width = right - left

        start = low - 0.5  # so that the lowest score still has a bar to see

        def x_of(value: float) -> float:
            return left + (value - start) / max(1, high - start) * width

        # the scale along the top
        p.setFont(_font(15))
        p.setPen(QColor(S.MUTED))
        for v in range(low, high + 1):
            x = x_of(v)
            p.drawText(QRectF(x - 80, 4, 160, 40), Qt.AlignmentFlag.AlignHCenter
                       | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
                       f"{v} {labels.get(v, '')}".strip())
        top = 56.0
        colours = {g.key: g for g in self.groups}
        for result in self.results:
            block = self._block_h(result)
            p.setPen(QPen(QColor("#E2E2E2"), 1))
            for v in range(low, high + 1):
                p.drawLine(QPointF(x_of(v), top), QPointF(x_of(v), top + block - ROW_GAP))
            p.setPen(QColor(S.INK))
            p.setFont(_font(19, bold=True))
            p.drawText(QRectF(8, top, TITLE_W, block - ROW_GAP),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                       | Qt.TextFlag.TextWordWrap, result.statement.title)
            y = top + 4
            if not result.groups:
                p.setFont(_font(15))
                p.setPen(QColor(S.MUTED))
                p.drawText(QRectF(left, y, width, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                           "Not scored yet")
            for key, mean in result.groups.items():
                group = colours.get(key, Group(key, "?", "#9A9A9A"))
                bar = QRectF(left, y + 3, max(4.0, x_of(mean) - left), ROW_H - 6)
                p.fillRect(bar, QColor(group.colour))
                p.setPen(QColor(S.INK))
                p.setFont(_font(14, bold=True))
                p.drawText(QRectF(bar.right() + 6, y, 120, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                           f"{group.label} {_number(mean)}")
                y += ROW_H
            if result.mean is not None:  # the overall mean: a black diamond and line
                x = x_of(result.mean)
                p.setPen(QPen(QColor(S.INK), 3))
                p.drawLine(QPointF(x, top), QPointF(x, y + 4))
                p.setBrush(QColor(S.INK))
                p.drawPolygon(QPolygonF([QPointF(x, y + 2), QPointF(x + 8, y + 12),
                                         QPointF(x, y + 22), QPointF(x - 8, y + 12)]))
                p.setFont(_font(14))
                p.drawText(QRectF(x + 12, y + 2, 200, 22), Qt.AlignmentFlag.AlignVCenter,
                           f"all {_number(result.mean)}")
                p.setBrush(Qt.BrushStyle.NoBrush)
            top += block
        p.end()


def one_decimal(value: float) -> str:
    """A mean as the room would work it out by hand: one decimal, halves rounded up (3.25 is
    3.3, not Python's 3.2), no trailing zero."""
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded}".rstrip("0").rstrip(".")


_number = one_decimal


def _font(px: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f
