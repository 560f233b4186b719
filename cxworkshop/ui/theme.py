"""Colours and sizes: the facilitator's window and the room's (audience) window. One accent for
"now"; everything else calm.

The facilitator's own window uses the system font at normal desktop sizes, times the font scale
(Ctrl + and Ctrl −); the audience window scales up from the same scale and never goes below the
sizes a room can read from the back (LOOK.md: 28 px body text, 40 px headings).

Every pair of text and background colour here is checked by a test against the WCAG 2 contrast
formula (`contrast`), 4.5 : 1 for text.
"""

from __future__ import annotations

from dataclasses import dataclass

ACCENT = "#0072B2"  # Okabe–Ito blue: the current stage, the selection, focus
INK = "#1B1B1B"
MUTED = "#5A5A5A"
PAPER = "#FFFFFF"
RAIL = "#F2F2F2"
WARNING_BG = "#FFF4D6"
WARNING_INK = "#5C4300"
ERROR_INK = "#A3200B"

#: Font scale: the steps Ctrl + and Ctrl − go through, and the normal one.
SCALES = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
NORMAL_SCALE = 1.0
#: The room's smallest sizes, in pixels, at the normal scale.
BODY_PX = 28
HEADING_PX = 40


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2)."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def step_scale(scale: float, steps: int) -> float:
    """The font scale `steps` steps up (or down) from `scale`, within SCALES."""
    nearest = min(range(len(SCALES)), key=lambda i: abs(SCALES[i] - scale))
    return SCALES[max(0, min(len(SCALES) - 1, nearest + steps))]


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of the room's window (and of the facilitator's chrome in that look)."""

    name: str
    title: str
    paper: str  # the window behind everything
    ink: str  # text
    muted: str  # secondary text (still 4.5 : 1)
    accent: str  # "now": the current stage, the current agenda item, the running timer
    accent_ink: str  # text on the accent
    card: str  # panels that hold charts and the board (charts draw dark ink on light cards)
    card_ink: str
    rule: str  # lines between things (3 : 1)
    amber: str  # the timer's last stretch
    amber_ink: str
    red: str  # over time
    red_ink: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (text, background) pair the theme draws, by name, for the contrast test."""
        return {"ink on paper": (self.ink, self.paper), "muted on paper": (self.muted, self.paper),
                "accent text on paper": (self.accent, self.paper),
                "text on accent": (self.accent_ink, self.accent),
                "ink on card": (self.card_ink, self.card),
                "text on amber": (self.amber_ink, self.amber),
                "text on red": (self.red_ink, self.red)}


LIGHT = Theme("light", "Light (for most projectors)", paper="#FFFFFF", ink="#1B1B1B",
              muted="#4D4D4D", accent="#0072B2", accent_ink="#FFFFFF", card="#FFFFFF",
              card_ink="#1B1B1B", rule="#8A8A8A", amber="#E69F00", amber_ink="#000000",
              red="#B3261E", red_ink="#FFFFFF")
HIGH_CONTRAST = Theme("contrast", "High contrast (dark)", paper="#000000", ink="#FFFFFF",
                      muted="#D9D9D9", accent="#56B4E9", accent_ink="#000000", card="#FFFFFF",
                      card_ink="#000000", rule="#BFBFBF", amber="#F0C000", amber_ink="#000000",
                      red="#FF5A4E", red_ink="#000000")
THEMES = {t.name: t for t in (LIGHT, HIGH_CONTRAST)}


def facilitator_style(scale: float = NORMAL_SCALE) -> str:
    """The facilitator window's style sheet, its titles sized by the font scale."""
    return (STYLE.replace("font-size: 20pt", f"font-size: {20 * scale:.1f}pt")
            .replace("font-size: 13pt", f"font-size: {13 * scale:.1f}pt"))


STYLE = f"""
QListWidget#stageRail {{
    background: {RAIL}; border: none; outline: none; padding-top: 8px;
}}
QListWidget#stageRail::item {{ padding: 10px 16px; color: {INK}; border-left: 4px solid transparent; }}
QListWidget#stageRail::item:selected {{
    background: {PAPER}; color: {ACCENT}; border-left: 4px solid {ACCENT}; font-weight: bold;
}}
QLabel#pageTitle {{ font-size: 20pt; font-weight: bold; color: {INK}; }}
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; color: {INK}; margin-top: 6px; }}
QLabel#hint {{ color: {MUTED}; }}
QLabel#readOnlyBanner {{
    background: {WARNING_BG}; color: {WARNING_INK}; padding: 8px 12px; font-weight: bold;
}}
QLabel#problem {{ color: {ERROR_INK}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR_INK}; }}
"""
