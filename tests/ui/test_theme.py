"""The projected look passes the WCAG 2 contrast formula: 4.5 : 1 for every text colour on the
background it is drawn on, 3 : 1 for lines; department colours are the colour-blind-safe set
and every note and stripe keeps readable text on them."""

from __future__ import annotations

import pytest

from cxworkshop.model import vocabulary as V
from cxworkshop.ui import theme as T


def test_the_contrast_formula_gives_the_published_values():
    assert T.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert T.contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert T.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the known 4.5 grey
    assert T.contrast("#0072B2", "#FFFFFF") == T.contrast("#FFFFFF", "#0072B2")


@pytest.mark.parametrize("theme", list(T.THEMES.values()), ids=list(T.THEMES))
def test_every_text_of_each_theme_reads_at_4_5_to_1(theme):
    low = {name: round(T.contrast(*pair), 2) for name, pair in theme.text_pairs().items()
           if T.contrast(*pair) < 4.5}
    assert not low, low
    assert T.contrast(theme.rule, theme.paper) >= 3.0


def test_the_high_contrast_theme_is_light_on_dark_and_the_default_dark_on_light():
    assert T.luminance(T.HIGH_CONTRAST.paper) < 0.05 < T.luminance(T.HIGH_CONTRAST.ink)
    assert T.luminance(T.LIGHT.paper) > 0.9 > T.luminance(T.LIGHT.ink)
    assert T.contrast(T.HIGH_CONTRAST.ink, T.HIGH_CONTRAST.paper) >= 7  # AAA


def test_the_facilitator_window_colours_read_at_4_5_to_1():
    pairs = {"ink": (T.INK, T.PAPER), "muted": (T.MUTED, T.PAPER), "accent": (T.ACCENT, T.PAPER),
             "rail": (T.INK, T.RAIL), "rail accent": (T.ACCENT, T.PAPER),
             "warning": (T.WARNING_INK, T.WARNING_BG), "error": (T.ERROR_INK, T.PAPER)}
    low = {k: round(T.contrast(*p), 2) for k, p in pairs.items() if T.contrast(*p) < 4.5}
    assert not low, low


def test_department_colours_are_okabe_ito_and_notes_on_them_stay_readable():
    from PySide6.QtGui import QColor

    from cxworkshop.ui.canvas import style as S

    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                 "#000000"}
    assert {c.upper() for c in V.DEPARTMENT_PALETTE} <= okabe_ito
    for colour in V.DEPARTMENT_PALETTE:
        tint = S.tint(colour).name()
        assert T.contrast(S.INK.name(), tint) >= 4.5, f"note text on the tint of {colour}"
        stripe_ink = S.ink_on(colour).name()
        assert T.contrast(stripe_ink, colour) >= 4.5, f"initials on the stripe of {colour}"
        assert QColor(colour).isValid()


def test_text_sizes_step_up_and_down_within_bounds():
    assert T.step_scale(1.0, 1) > 1.0 > T.step_scale(1.0, -1)
    assert T.step_scale(T.SCALES[-1], 5) == T.SCALES[-1]
    assert T.step_scale(T.SCALES[0], -5) == T.SCALES[0]
    assert T.step_scale(1.03, 0) == 1.0
