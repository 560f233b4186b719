"""The Priorities stage as plain functions of the workshop: the impact/effort matrix, dot voting,
the accountable-executive flag, where departments stand on a decision, and signing the social
contract.

Everything here reads model objects and returns facts or one-sentence refusals; nothing writes.
The operations layer asks `check_vote` or `sign_problem` first and only changes the session when
they answer None; the screens draw what the other functions return.

Functions that look people or departments up take either a mapping from id to object or any
iterable of the objects; functions whose answer follows department order take the departments
in Setup order.

Changing the contract's rules after departments have signed keeps their signatures: a signature
stays until someone removes it. (Telling the room that a signature predates a rule change is a
matter for the screens and is not built here.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from . import vocabulary as V
from .workshop import (
    Decision,
    Department,
    Improvement,
    Participant,
    Position,
    Priorities,
    SocialContract,
)

# -- the impact/effort matrix -----------------------------------------------------------------

QUADRANTS = ("quick_wins", "big_bets", "fill_ins", "avoid")

QUADRANT_TITLES = {
    "quick_wins": "Quick wins",
    "big_bets": "Big bets",
    "fill_ins": "Fill-ins",
    "avoid": "Avoid",
}

HIGH_IMPACT = 3  # impact 3, 4 or 5 counts as high; 1 or 2 as low
HIGH_EFFORT = 3  # effort 3, 4 or 5 counts as high; 1 or 2 as low


def quadrant(impact: int | None, effort: int | None) -> str | None:
    """The quadrant of the impact/effort matrix an improvement falls in, or None while either
    score is missing.

    Both scores run 1–5. Impact 3, 4 or 5 is high and 1 or 2 is low; effort 1 or 2 is low and
    3, 4 or 5 is high (so a middling 3 counts as high impact but also as high effort). Then:
    high impact and low effort is a quick win; high impact and high effort a big bet; low impact
    and low effort a fill-in; low impact and high effort is one to avoid. Scores outside 1–5
    (which the rules refuse on import) are placed by the same two thresholds.
    """
    if impact is None or effort is None:
        return None
    high_impact = impact >= HIGH_IMPACT
    high_effort = effort >= HIGH_EFFORT
    if high_impact:
        return "big_bets" if high_effort else "quick_wins"
    return "avoid" if high_effort else "fill_ins"


def by_quadrant(improvements: Iterable[Improvement]) -> dict[str, list[Improvement]]:
    """The placed improvements under each quadrant, every quadrant present (in QUADRANTS order)
    and each list in input order; improvements without both scores are left out (see
    `unplaced`)."""
    placed: dict[str, list[Improvement]] = {q: [] for q in QUADRANTS}
    for imp in improvements:
        q = quadrant(imp.impact, imp.effort)
        if q is not None:
            placed[q].append(imp)
    return placed


def unplaced(improvements: Iterable[Improvement]) -> list[Improvement]:
    """Improvements still missing their impact or their effort, in input order."""
    return [imp for imp in improvements if quadrant(imp.impact, imp.effort) is None]


# -- dot voting --------------------------------------------------------------------------------


def _dots(n: int) -> str:
    return f"{n} dot" if n == 1 else f"{n} dots"


def _dots_on(improvement: Improvement, participant: str) -> int:
    return sum(v.dots for v in improvement.votes if v.participant == participant)


def dots_used(improvements: Iterable[Improvement], participant: str) -> int:
    """How many dots this participant (an id) has put on these improvements altogether."""
    return sum(_dots_on(imp, participant) for imp in improvements)


def dots_left(priorities: Priorities, participant: str) -> int:
    """How many of their dots this participant (an id) may still place; never below zero."""
    return max(0, priorities.dots_per_participant - dots_used(priorities.improvements, participant))


T = TypeVar("T", Participant, Department)


def _index(items: Mapping[str, T] | Iterable[T]) -> Mapping[str, T]:
    if isinstance(items, Mapping):
        return items
    return {item.id: item for item in items}


def check_vote(priorities: Priorities, participant_id: str, improvement_id: str, dots: int,
               participants: Mapping[str, Participant] | Iterable[Participant]) -> str | None:
    """None when the participant may put `dots` on the improvement, else one sentence saying why
    not.

    Setting a participant's dots on an improvement replaces whatever they had on it before, and
    0 takes their vote off it. So the budget counts their dots on the other improvements plus
    the new number, which must not exceed `dots_per_participant`; taking a vote off (0) is
    always allowed. Refused: an unknown participant or improvement, a number that is not whole,
    a negative number, and a number over what the participant has left.
    """
    people = _index(participants)
    person = people.get(participant_id)
    if person is None:
        return "That participant is not in this workshop."
    target = next((imp for imp in priorities.improvements if imp.id == improvement_id), None)
    if target is None:
        return "That improvement is not in this workshop."
    if isinstance(dots, bool) or not isinstance(dots, int):
        return f"Dots are counted in whole numbers, and {dots!r} is not one."
    if dots < 0:
        return f"A vote cannot take dots away; {dots} is below zero."
    if dots == 0:
        return None
    budget = priorities.dots_per_participant
    elsewhere = sum(_dots_on(imp, participant_id) for imp in priorities.improvements
                    if imp is not target)
    room = max(0, budget - elsewhere)
    if dots > room:
        return (f"{person.name} has {_dots(room)} left of {budget} for this improvement; "
                f"{dots} is too many.")
    return None


def tally(improvements: Iterable[Improvement]) -> list[tuple[Improvement, int]]:
    """Every improvement with its total dots, most dots first; improvements with the same total
    keep their order in the input, and those without votes come last with 0."""
    totals = [(imp, sum(v.dots for v in imp.votes)) for imp in improvements]
    return sorted(totals, key=lambda pair: -pair[1])  # sorted() is stable: ties keep input order


def voters(priorities: Priorities) -> list[str]:
    """The ids of participants who have at least one dot on some improvement, each once.

    The session keeps no time of voting, so "first vote" means first met reading the
    improvements in their list order and each improvement's votes in theirs.
    """
    seen: dict[str, None] = {}
    for imp in priorities.improvements:
        for vote in imp.votes:
            if vote.dots > 0:
                seen.setdefault(vote.participant, None)
    return list(seen)


# -- accountable executives --------------------------------------------------------------------


def needs_accountable(improvement: Improvement) -> bool:
    """True when the improvement is agreed but nobody is named accountable for it."""
    return improvement.status == "agreed" and not improvement.accountable


def accountable_problem(improvement: Improvement,
                        participants: Mapping[str, Participant] | Iterable[Participant]) -> str | None:
    """One sentence when the improvement's accountable executive is missing or doubtful, else None.

    An agreed improvement must name someone accountable (a proposed or parked one need not yet).
    Whenever someone is named, whatever the status, they must be a participant of the workshop
    who is marked senior: the literature asks for a senior executive to own each improvement.
    """
    title = improvement.title
    if not improvement.accountable:
        if improvement.status == "agreed":
            return f'"{title}" is agreed but has no accountable executive yet.'
        return None
    person = _index(participants).get(improvement.accountable)
    if person is None:
        return f'The person accountable for "{title}" is not among the participants.'
    if not person.senior:
        return f'{person.name} is accountable for "{title}" but is not marked as a senior executive.'
    return None


# -- decisions: agreement, not consensus -------------------------------------------------------


def _positions(decision: Decision) -> dict[str, Position]:
    """Each department's position on the decision; if one were recorded twice, the first."""
    found: dict[str, Position] = {}
    for position in decision.positions:
        found.setdefault(position.department, position)
    return found


def stance_counts(decision: Decision, departments: Iterable[Department]) -> dict[str, int]:
    """How many of these departments agree, agree with reservations, disagree, or have no
    position yet ("missing"; a stance outside the vocabulary counts as missing too). Positions of
    departments not in `departments` are not counted."""
    positions = _positions(decision)
    counts = {stance: 0 for stance in V.STANCES}
    counts["missing"] = 0
    for department in departments:
        position = positions.get(department.id)
        if position is None or position.stance not in V.STANCES:
            counts["missing"] += 1
        else:
            counts[position.stance] += 1
    return counts


def strip(decision: Decision,
          departments: Sequence[Department]) -> list[tuple[Department, str | None, str]]:
    """One entry per department in the given order: the department, its stance (None when it has
    taken no position yet) and the note with its position ("" when none)."""
    positions = _positions(decision)
    row: list[tuple[Department, str | None, str]] = []
    for department in departments:
        position = positions.get(department.id)
        if position is None:
            row.append((department, None, ""))
        else:
            row.append((department, position.stance, position.note))
    return row


# -- the social contract -----------------------------------------------------------------------


def _signed(contract: SocialContract) -> set[str]:
    return {signature.department for signature in contract.signatures}


def sign_problem(contract: SocialContract, department_id: str, participant_id: str | None,
                 participants: Mapping[str, Participant] | Iterable[Participant],
                 departments: Mapping[str, Department] | Iterable[Department]) -> str | None:
    """None when the department may sign the contract (through this participant, if one is
    given), else one sentence saying why not.

    A department signs once, and only once the contract has at least one rule. Whoever signs for
    a department must be a participant of the workshop who belongs to that department (someone
    with no department cannot sign for one).
    """
    if not contract.rules:
        return "The contract has no rules yet, so there is nothing to sign."
    department = _index(departments).get(department_id)
    if department is None:
        return "That department is not in this workshop."
    if department_id in _signed(contract):
        return f"{department.name} has already signed the contract."
    if participant_id is None:
        return None
    person = _index(participants).get(participant_id)
    if person is None:
        return "That participant is not in this workshop."
    if person.department != department_id:
        if person.department is None:
            return f"{person.name} belongs to no department, so cannot sign for {department.name}."
        return f"{person.name} belongs to another department, so cannot sign for {department.name}."
    return None


def unsigned(contract: SocialContract, departments: Iterable[Department]) -> list[Department]:
    """The departments that have not signed the contract yet, in the given order."""
    signed = _signed(contract)
    return [department for department in departments if department.id not in signed]


def fully_signed(contract: SocialContract, departments: Sequence[Department]) -> bool:
    """True when the contract has at least one rule and every department has signed it; a
    workshop without departments has nobody to sign, so its contract is never fully signed."""
    return bool(contract.rules) and bool(departments) and not unsigned(contract, departments)
