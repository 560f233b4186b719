"""The workshop's closed vocabularies (INTERCHANGE v1 enumerations), kept in display order."""

from __future__ import annotations

STAGES = ("discover", "ambition", "priorities", "blueprint")
NOTE_KINDS = ("challenge", "barrier", "idea")
DIMENSIONS = ("people", "process", "technology")
SCALES = ("agreement", "strength", "maturity")
APPROACHES = ("top-down", "bottom-up")
COMPANION_SIDES = ("internal", "external")
COMPANION_ROLES = ("sponsor", "ally", "neutral", "sceptic", "blocker")
IMPROVEMENT_STATUSES = ("proposed", "agreed", "parked")
STANCES = ("agree", "reservations", "disagree")
CADENCES = ("weekly", "monthly", "quarterly")
ACTION_STATUSES = ("open", "done", "dropped")

#: Inclusive score range of each instrument scale.
SCALE_RANGES: dict[str, tuple[int, int]] = {
    "agreement": (1, 5),
    "strength": (1, 3),
    "maturity": (1, 5),
}

#: Okabe–Ito: a published colour-blind-safe qualitative palette, in the order new departments
#: take it. Black comes last because a black note stripe reads as "disabled" on a projector.
DEPARTMENT_PALETTE = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#CC79A7",  # reddish purple
    "#000000",  # black
)

PALETTE_NAMES = {
    "#E69F00": "Orange",
    "#56B4E9": "Sky blue",
    "#009E73": "Bluish green",
    "#F0E442": "Yellow",
    "#0072B2": "Blue",
    "#D55E00": "Vermilion",
    "#CC79A7": "Reddish purple",
    "#000000": "Black",
}


def palette_colour(index: int) -> str:
    """The palette colour a department at this position takes when it has none of its own."""
    return DEPARTMENT_PALETTE[index % len(DEPARTMENT_PALETTE)]
