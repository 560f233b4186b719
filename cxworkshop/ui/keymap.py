"""F1: every key of the current stage and of the window (being written)."""

from __future__ import annotations


def show_keymap(window) -> None:
    """Show the keys (a later commit)."""
