"""The diagnostics' analysis: how each statement was scored, where departments diverge and what
is weakest, as plain functions of an instrument and its responses.

Scores are grouped by department (a participant's response counts for the participant's
department) or by participant. A cell nobody scored simply has no response; it is never read
as zero. Arithmetic is done on exact fractions and only turned into floats at the end, so two
figures that are equal on paper are equal here too and the tie rules below apply as written.
Nothing here knows about Qt, SQL or files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from . import vocabulary as V
from .workshop import Instrument, Participant, Response, Statement

#: Inclusive score range of each scale (lowest, highest); the same table the rules check with.
SCALES: dict[str, tuple[int, int]] = V.SCALE_RANGES

NO_DEPARTMENT = ""  # the group key of responses that belong to no department

GROUPINGS = ("department", "participant")

_LABELS: dict[str, dict[int, str]] = {
    "agreement": {1: "Strongly disagree", 2: "Disagree", 3: "Neutral", 4: "Agree",
                  5: "Strongly agree"},
    "strength": {1: "Vulnerable", 2: "Average", 3: "Strong"},
    "maturity": {1: "Naive", 2: "Aware", 3: "Developing", 4: "Embedded", 5: "Natural"},
}


def scale_labels(scale: str) -> dict[int, str]:
    """A short label for every score of `scale`, lowest first (a fresh dict the caller may keep).
    Raises ValueError for a scale that is not one of `SCALES`."""
    if scale not in _LABELS:
        raise ValueError(f'"{scale}" is not a scale; expected one of {", ".join(SCALES)}')
    return dict(_LABELS[scale])


@dataclass(frozen=True, slots=True)
class StatementResult:
    """How one statement was scored.

    `groups` maps a group key (a department id, `NO_DEPARTMENT`, or a participant id) to the
    mean score of that group's responses, only for groups with at least one; `mean` is the mean
    of every response to the statement, each counted once whatever its group (None when there
    is none); `spread` is the highest group mean minus the lowest (None unless at least two
    groups scored) and `relative_spread` the spread as a share of the scale's width (0 to 1);
    `scored` is the number of responses.
    """

    statement: Statement
    groups: dict[str, float]
    mean: float | None
    spread: float | None
    relative_spread: float | None
    scored: int


def group_of(response: Response, participants: Mapping[str, Participant], by: str) -> str | None:
    """The group a response counts in, or None when it counts in no group.

    By "department": the response's own department; else its participant's department; else
    `NO_DEPARTMENT` (also for a participant that is not in `participants`). By "participant":
    the response's participant, or None for a response given for a department as a whole.
    """
    if by == "department":
        if response.department is not None:
            return response.department
        person = participants.get(response.participant) if response.participant is not None else None
        if person is not None and person.department is not None:
            return person.department
        return NO_DEPARTMENT
    if by == "participant":
        return response.participant or None
    raise ValueError(f'cannot group responses by "{by}"; expected one of {", ".join(GROUPINGS)}')


def analyse(
    instrument: Instrument,
    responses: Iterable[Response],
    participants: Mapping[str, Participant],
    by: str = "department",
    order: Sequence[str] = (),
) -> list[StatementResult]:
    """One result per statement of `instrument`, in statement order.

    Responses to other instruments, or to statements the instrument does not have, are ignored.
    `groups` lists the keys named in `order` first, in that order, then any other group sorted
    by key with `NO_DEPARTMENT` last. The mean and the count take in every response to the
    statement, including those that fall in no group when grouping by participant. Scores are
    taken as given (`check()` keeps them on their scale). Raises ValueError for an unknown
    scale or grouping.
    """
    if instrument.scale not in SCALES:
        raise ValueError(f'instrument "{instrument.id}" has the unknown scale "{instrument.scale}"')
    if by not in GROUPINGS:
        raise ValueError(f'cannot group responses by "{by}"; expected one of {", ".join(GROUPINGS)}')
    lo, hi = SCALES[instrument.scale]
    width = hi - lo

    scores: dict[str, list[int]] = {s.id: [] for s in instrument.statements}
    grouped: dict[str, dict[str, list[int]]] = {s.id: {} for s in instrument.statements}
    for r in responses:
        if r.instrument != instrument.id or r.statement not in scores:
            continue
        scores[r.statement].append(r.score)
        key = group_of(r, participants, by)
        if key is not None:
            grouped[r.statement].setdefault(key, []).append(r.score)

    rank = {key: i for i, key in reversed(list(enumerate(order)))}  # the first mention counts

    def place(key: str) -> tuple:
        if key in rank:
            return (0, rank[key])
        return (1, key == NO_DEPARTMENT, key)

    results = []
    for s in instrument.statements:
        means = {k: Fraction(sum(v), len(v)) for k, v in grouped[s.id].items()}
        keys = sorted(means, key=place)
        every = scores[s.id]
        spread = max(means.values()) - min(means.values()) if len(means) >= 2 else None
        results.append(StatementResult(
            statement=s,
            groups={k: float(means[k]) for k in keys},
            mean=float(Fraction(sum(every), len(every))) if every else None,
            spread=float(spread) if spread is not None else None,
            relative_spread=float(spread / width) if spread is not None and width else None,
            scored=len(every),
        ))
    return results


def debate_first(results: Sequence[StatementResult]) -> list[StatementResult]:
    """The statements worth debating, most divided first: every result with a spread, by spread
    from largest to smallest. Equal spreads put the lower mean first (the weaker statement is the
    more urgent argument), then keep the order of `results` (statement order, from `analyse`).
    Results without a spread (fewer than two groups scored) are left out."""
    ranked = [(i, r) for i, r in enumerate(results) if r.spread is not None]
    ranked.sort(key=lambda p: (-p[1].spread, p[1].mean if p[1].mean is not None else 0.0, p[0]))
    return [r for _, r in ranked]


def weakest(results: Sequence[StatementResult]) -> list[StatementResult]:
    """The statements by how poorly they scored: every result with a mean, lowest mean first.
    Equal means put the larger spread first (a result without a spread counts as 0), then keep
    the order of `results` (statement order, from `analyse`). Unscored statements are left out."""
    ranked = [(i, r) for i, r in enumerate(results) if r.mean is not None]
    ranked.sort(key=lambda p: (p[1].mean, -(p[1].spread or 0.0), p[0]))
    return [r for _, r in ranked]
