"""How the board looks: note colours from department colours, fonts, and contrast.

Notes are a light tint of their department's colour with a stripe in the full colour, so dark
text stays readable on a washed-out projector; the stripe carries the department's initials,
and the kind and dimension are written out, so colour is never the only cue.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont

BOARD_BG = QColor("#F7F7F4")
INK = QColor("#1B1B1B")
MUTED = QColor("#555555")
FRAME = QColor("#6B6B6B")
FRAME_FILL = QColor(255, 255, 255, 150)
LINK = QColor("#333333")
SELECTION = QColor("#0072B2")  # the one accent: what is selected now
NO_DEPARTMENT = "#9A9A9A"
FADED_OPACITY = 0.18

STRIPE_H = 26.0
PAD = 10.0
TEXT_MAX_PX = 28.0  # note text at 100 % zoom (LOOK.md: 28–32 px), shrunk only as far as needed to fit
TEXT_MIN_PX = 9.0
LABEL_PX = 13.0
CLUSTER_TITLE_PX = 24.0
HEADING_PX = 34.0

KIND_LABEL = {"challenge": "Challenge", "barrier": "Barrier", "idea": "Idea"}
DIMENSION_LABEL = {"people": "People", "process": "Process", "technology": "Tech"}


def _luminance(c: QColor) -> float:
    def chan(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * chan(c.redF()) + 0.7152 * chan(c.greenF()) + 0.0722 * chan(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@cache
def tint(colour: str) -> QColor:
    """A light tint of `colour`: three parts white to one part colour."""
    c = QColor(colour)
    return QColor(round(c.red() * 0.25 + 255 * 0.75), round(c.green() * 0.25 + 255 * 0.75),
                  round(c.blue() * 0.25 + 255 * 0.75))


@cache
def solid(colour: str) -> QColor:
    return QColor(colour)


@cache
def ink_on(colour: str) -> QColor:
    """Black or white, whichever reads better on `colour` (pure black: the board's ink reads
    at only 4.45 : 1 on the vermilion stripe)."""
    c = QColor(colour)
    white, black = QColor("#FFFFFF"), QColor("#000000")
    return white if contrast(c, white) > contrast(c, black) else black


@cache
def font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f


def badge(kind: str, dimension: str | None) -> str:
    label = KIND_LABEL.get(kind, kind.title())
    return f"{label} · {DIMENSION_LABEL[dimension]}" if dimension in DIMENSION_LABEL else label
