"""Colours and sizes of the facilitator's window. One accent for "now"; everything else calm.

The facilitator's own window uses the system font at normal desktop sizes; the audience view
(a later issue) scales up from these.
"""

from __future__ import annotations

ACCENT = "#0072B2"  # Okabe–Ito blue: the current stage, the selection, focus
INK = "#1B1B1B"
MUTED = "#5A5A5A"
PAPER = "#FFFFFF"
RAIL = "#F2F2F2"
WARNING_BG = "#FFF4D6"
WARNING_INK = "#5C4300"
ERROR_INK = "#A3200B"

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
