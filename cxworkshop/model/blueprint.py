"""The Blueprint stage's rules, in plain Python: the period and its months and quarters, where
milestones fall on the road map (inside the period, partly or wholly outside it: flagged, never
dropped), which agreed improvements have no milestone yet, and what is missing from a measure.

Months are written "2027-01" (as in the interchange format). A month's index counts months
from year 0, so "2027-01" + 3 is `month_at(month_index("2027-01") + 3)` = "2027-04".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .rules import is_month
from .workshop import Department, Improvement, Measure, Milestone, Participant, Workshop

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
MAX_PERIOD_MONTHS = 120  # ten years: a road map longer than that is not a plan
CADENCE_WORDS = {"weekly": "every week", "monthly": "every month", "quarterly": "every quarter"}

#: The council's standing agenda, as a new workshop starts it (the facilitator edits it).
STANDING_AGENDA = (
    "Actions from last time: what is done, what is late, what is stuck",
    "How customers feel: the latest satisfaction and complaint figures",
    "Round the table: each department's progress, and what it needs from the others",
    "Something that worked and is worth copying elsewhere",
    "Improvements under way: on track, at risk or stalled",
    "Our measures: do they still tell us the truth?",
    "New from customers: research, feedback and reviews",
    "Until next time: the priorities and who owns each",
    "Any other business, then close",
)

def new_workshop() -> Workshop:
    """An empty workshop as the facilitator starts one: nothing in it yet but the council's
    standing agenda, ready to be edited (an imported document keeps its own, even if empty)."""
    w = Workshop()
    w.blueprint.council.agenda = list(STANDING_AGENDA)
    return w


#: The lane of milestones that belong to no single department.
SHARED_LANE = None


# -- months --------------------------------------------------------------------------------------

def month_index(month: str) -> int:
    """Months since January of year 0: "2027-01" → 24324."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_at(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def add_months(month: str, n: int) -> str:
    return month_at(month_index(month) + n)


def months_between(first: str, last: str) -> int:
    """How many months from `first` to `last`, both counted: ("2027-01", "2027-03") → 3."""
    return month_index(last) - month_index(first) + 1


def months(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (none if `last` is earlier)."""
    a, b = month_index(first), month_index(last)
    return [month_at(i) for i in range(a, b + 1)]


def month_name(month: str, *, short: bool = False) -> str:
    name = MONTH_NAMES[int(month[5:7]) - 1]
    return name[:3] if short else name


def month_words(month: str) -> str:
    """ "2027-01" → "January 2027"."""
    return f"{month_name(month)} {month[:4]}"


@dataclass(frozen=True, slots=True)
class Quarter:
    year: int
    number: int  # 1–4
    first: str  # its first month inside the period
    last: str  # its last month inside the period

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"

    @property
    def whole(self) -> bool:
        return months_between(self.first, self.last) == 3


def quarter_of(month: str) -> tuple[int, int]:
    return int(month[:4]), (int(month[5:7]) - 1) // 3 + 1


def quarters(first: str, last: str) -> list[Quarter]:
    """The calendar quarters the months `first`…`last` fall in, cut at both ends of the period
    (a period starting in February begins with a two-month Q1)."""
    out: list[Quarter] = []
    for month in months(first, last):
        year, q = quarter_of(month)
        if out and (out[-1].year, out[-1].number) == (year, q):
            out[-1] = Quarter(year, q, out[-1].first, month)
        else:
            out.append(Quarter(year, q, month, month))
    return out


# -- the period ----------------------------------------------------------------------------------

def period_problem(start: str | None, end: str | None) -> str | None:
    """Why a period cannot be set, in one sentence, or None if it can."""
    for value, what in ((start, "start"), (end, "end")):
        if value is not None and not is_month(value):
            return f"The {what} of the period is a month written like 2027-01, and {value!r} is not one."
    if start is not None and end is not None:
        if end < start:
            return f"The period cannot end ({month_words(end)}) before it starts ({month_words(start)})."
        if months_between(start, end) > MAX_PERIOD_MONTHS:
            return (f"The period is at most {MAX_PERIOD_MONTHS // 12} years long, and "
                    f"{month_words(start)} to {month_words(end)} is longer.")
    return None


def period_words(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{month_words(start)} – {month_words(end)}"
    if start:
        return f"from {month_words(start)}"
    if end:
        return f"until {month_words(end)}"
    return "no period set yet"


def shown_span(start: str | None, end: str | None,
               milestones: list[Milestone]) -> tuple[str, str] | None:
    """The months the road map draws: the period, widened to take in every milestone (one
    outside the period is shown, and flagged, never hidden). Without a period, or with one
    side of it not set, at least a year is shown, so there is always room for the next
    milestone; None when there is nothing to draw a timeline for."""
    spans = [(m.start, m.end) for m in milestones if is_month(m.start) and is_month(m.end)]
    firsts = [a for a, _b in spans]
    lasts = [b for _a, b in spans]
    if start and end:
        first, last = min(start, end), max(start, end)  # (an imported period may be reversed)
    elif start:
        first, last = start, add_months(start, 11)
    elif end:
        first, last = add_months(end, -11), end
    elif firsts:
        first = min(firsts)
        last = max(max(lasts), add_months(first, 11))
    else:
        return None
    if firsts:
        first, last = min(first, *firsts), max(last, *lasts)
    return first, last


# -- milestones ----------------------------------------------------------------------------------

INSIDE, STARTS_BEFORE, ENDS_AFTER, SPILLS_BOTH, BEFORE, AFTER = (
    "inside", "starts_before", "ends_after", "spills_both", "before", "after")


def placement(milestone: Milestone, start: str | None, end: str | None) -> str:
    """Where a milestone lies against the period: inside it, partly outside it (starts before,
    ends after, or both), or wholly before or after it. No period side means no limit there."""
    if end is not None and milestone.start > end:
        return AFTER
    if start is not None and milestone.end < start:
        return BEFORE
    early = start is not None and milestone.start < start
    late = end is not None and milestone.end > end
    if early and late:
        return SPILLS_BOTH
    if early:
        return STARTS_BEFORE
    if late:
        return ENDS_AFTER
    return INSIDE


def placement_problem(milestone: Milestone, start: str | None, end: str | None) -> str | None:
    """What is wrong with where a milestone lies, in one sentence, or None if it is inside."""
    where = placement(milestone, start, end)
    title = f"“{milestone.title}”"
    if where == INSIDE:
        return None
    if where == BEFORE:
        return f"{title} ends before the period starts ({month_words(start)})."
    if where == AFTER:
        return f"{title} starts after the period ends ({month_words(end)})."
    if where == STARTS_BEFORE:
        return f"{title} starts before the period ({month_words(start)})."
    if where == ENDS_AFTER:
        return f"{title} runs past the end of the period ({month_words(end)})."
    return f"{title} starts before the period and runs past its end."


def outside_period(milestones: list[Milestone], start: str | None,
                   end: str | None) -> list[tuple[Milestone, str]]:
    """Every milestone not wholly inside the period, with the sentence that says why."""
    out = []
    for m in milestones:
        problem = placement_problem(m, start, end)
        if problem:
            out.append((m, problem))
    return out


def lanes(departments: list[Department]) -> list[str | None]:
    """The road map's lanes: one per department in the workshop's order, then the shared lane
    (None) for milestones that belong to no one department, which is always there."""
    known = [d.id for d in departments]
    return [*known, SHARED_LANE]


def lane_of(milestone: Milestone, departments: list[Department]) -> str | None:
    """The lane a milestone is drawn in: its department's, or the shared lane."""
    return milestone.lane if milestone.lane in {d.id for d in departments} else SHARED_LANE


def stack_rows(milestones: list[Milestone],
               extent: Callable[[Milestone], tuple[int, int]] | None = None) -> dict[str, int]:
    """Rows within one lane so that milestones overlapping in time never share one: each goes
    in the first row free at its start (earlier start first, then longer, then list order).

    `extent` gives the months (as indexes) a milestone takes up when drawn, if more than its
    own (a title written beside a short bar); by default its start and end."""
    def reach(m: Milestone) -> tuple[int, int]:
        return extent(m) if extent else (month_index(m.start), month_index(m.end))

    spans = {m.id: reach(m) for m in milestones}
    order = sorted(enumerate(milestones),
                   key=lambda im: (spans[im[1].id][0], -(spans[im[1].id][1] - spans[im[1].id][0]),
                                   im[0]))
    ends: list[int] = []  # last month taken in each row
    rows: dict[str, int] = {}
    for _i, m in order:
        first, last = spans[m.id]
        for r, taken in enumerate(ends):
            if taken < first:
                ends[r] = last
                rows[m.id] = r
                break
        else:
            rows[m.id] = len(ends)
            ends.append(last)
    return rows


def without_milestone(improvements: list[Improvement],
                      milestones: list[Milestone]) -> list[Improvement]:
    """The agreed improvements no milestone serves yet: what would fall through the road map."""
    served = {m.improvement for m in milestones}
    return [i for i in improvements if i.status == "agreed" and i.id not in served]


# -- measures -------------------------------------------------------------------------------------

def number_text(value: float | None) -> str:
    """A measure's figure exactly as it would be typed: 42.0 → "42", 23.5 → "23.5",
    1234.5678 → "1234.5678", None → "—". Never rounded: what is shown is what is kept, so
    a field showing a figure can be left without changing it (and `parse_figure` reads it
    back as the same number). Beyond a thousand million million it is written as 1e+16."""
    if value is None or not math.isfinite(value):
        return "—"
    if abs(value) >= 1e15:
        return repr(value).removesuffix(".0")
    if value == int(value):
        return str(int(value))
    return format(Decimal(repr(value)), "f")  # the shortest digits that give back the value


_GROUPED = re.compile(r"^[+-]?\d{1,3}([,\s\u202f\u00a0]\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_figure(text: str) -> float | None:
    """A figure typed by a person: "1200", "1,200" or "1 200" (thousands), "23.5", "2,5" (a
    decimal comma), "-3", "1e+16"; None when it is not one (words, "1_000", "1 2", "nan")."""
    text = text.strip()
    if _GROUPED.match(text):
        text = re.sub(r"[,\s\u202f\u00a0]", "", text)
    elif _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    if not _PLAIN.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def direction(measure: Measure) -> str | None:
    """ "up" when the target is above the baseline, "down" below, None when either is missing
    or they are equal."""
    if measure.baseline is None or measure.target is None or measure.baseline == measure.target:
        return None
    return "up" if measure.target > measure.baseline else "down"


def measure_problems(measure: Measure, people: dict[str, Participant]) -> list[str]:
    """What a measure still lacks, one short sentence each; the missing owner comes first, as
    a measure nobody owns is one nobody moves."""
    out = []
    if not measure.owner:
        out.append("Nobody owns this measure yet.")
    elif measure.owner not in people:
        out.append("Its owner is no longer a participant.")
    if measure.baseline is None:
        out.append("The baseline (where it stands today) is missing.")
    if measure.target is None:
        out.append("The target is missing.")
    if measure.baseline is not None and measure.target is not None \
            and measure.baseline == measure.target:
        out.append("The target equals the baseline, so success would change nothing.")
    if not measure.due:
        out.append("It has no date by which to reach the target.")
    return out


def needs_owner(measure: Measure) -> bool:
    return not measure.owner
