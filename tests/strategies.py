"""Hypothesis strategies for whole, valid workshops, shared by every test package.

`workshops()` draws a `cxworkshop.model.Workshop` that passes `cxworkshop.model.check()`:
every section and field is exercised, text is awkward (markup characters, quotes, emoji,
right-to-left and CJK scripts, newlines, control characters), optional fields are sometimes
None, every reference resolves, ids are unique across the whole workshop, dot budgets are kept,
scores lie on their scale and milestones end no earlier than they start. Lists hold 0–4 items
so examples stay small and tests fast.

    from tests.strategies import workshops

    @given(workshops())
    def test_something(w): ...
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from cxworkshop import model as m
from cxworkshop.model import vocabulary as V

MAX_ITEMS = 4

#: Strings that have broken text handling somewhere before: markup, quotes, escapes, emoji
#: (with ZWJ and skin tones), right-to-left text, CJK, combining marks, line breaks, a NUL.
AWKWARD = (
    "<b>bold</b> & 'single' \"double\"",
    "a\\b \\n not a newline",
    "line one\nline two\r\nline three",
    "\t tabbed \t",
    "👩🏽‍💻 team 🚀🔥",
    "مرحبا بالعالم",
    "שלום עולם",
    "客户体验研讨会",
    "顧客体験ワークショップ",
    "e\u0301 combining",
    "\u202eright-to-left override",
    "nul\x00inside",
    "{\"json\": [1, 2]}",
    "-- '; DROP TABLE notes; --",
    "   ",
    "",
)

_characters = st.characters(
    codec="utf-8",  # no lone surrogates: they cannot be written as UTF-8
    exclude_categories=("Cs",),
)

#: Any text: sometimes a known troublemaker, otherwise short random Unicode.
texts = st.one_of(st.sampled_from(AWKWARD), st.text(_characters, max_size=24))
#: Text that is not blank (department and participant names must not be).
names = st.one_of(
    st.sampled_from([a for a in AWKWARD if a.strip()]),
    st.text(_characters, min_size=1, max_size=24).filter(str.strip),
)

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat)
months = st.tuples(st.integers(1, 9999), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}")
colours = st.tuples(st.integers(0, 0xFFFFFF), st.booleans()).map(
    lambda t: f"#{t[0]:06X}" if t[1] else f"#{t[0]:06x}"
)
coordinates = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
sizes = st.floats(min_value=0.0, max_value=1e5, exclude_min=True, allow_nan=False,
                  allow_infinity=False)
amounts = st.floats(allow_nan=False, allow_infinity=False)


def _maybe(strategy):
    return st.none() | strategy


@st.composite
def workshops(draw, rich: bool | None = None) -> m.Workshop:
    """A valid workshop with every section and field in play.

    `rich=True` puts at least one item in every list (so every kind of reference occurs at
    once); `False` lets any list be empty; None (the default) draws which, half and half.
    """
    if rich is None:
        rich = draw(st.booleans())
    lo = 1 if rich else 0
    counter = iter(range(1_000_000))

    def count(hi: int = MAX_ITEMS) -> int:
        return draw(st.integers(lo, hi))

    def new_id() -> str:
        # Awkward, yet unique across the whole workshop thanks to the counter.
        stem = draw(st.one_of(st.just(""), st.sampled_from(("n", "<&>", "🙂", "id \"x\"", "é\n")),
                              st.text(_characters, max_size=3)))
        return f"{stem}#{next(counter)}"

    def pick(ids: list[str]) -> str | None:
        return draw(_maybe(st.sampled_from(ids))) if ids else None

    def subset(ids: list[str]) -> list[str]:
        if not ids:
            return []
        return draw(st.lists(st.sampled_from(ids), unique=True, min_size=lo,
                             max_size=min(MAX_ITEMS, len(ids))))

    info = m.WorkshopInfo(
        title=draw(texts), organisation=draw(texts), date=draw(_maybe(dates)),
        location=draw(texts), facilitator=draw(texts), current_stage=draw(st.sampled_from(V.STAGES)),
    )

    departments = [
        m.Department(new_id(), draw(names), draw(_maybe(colours)))
        for _ in range(count())
    ]
    dept_ids = [d.id for d in departments]

    participants = [
        m.Participant(new_id(), draw(names), pick(dept_ids), draw(texts), draw(st.booleans()))
        for _ in range(count())
    ]
    people = [p.id for p in participants]

    agenda = [
        m.AgendaItem(new_id(), draw(texts), draw(_maybe(st.sampled_from(V.STAGES))),
                     draw(st.integers(0, 600)), draw(_maybe(st.integers(0, 600))))
        for _ in range(count())
    ]

    clusters = [
        m.Cluster(new_id(), draw(texts), draw(coordinates), draw(coordinates), draw(sizes), draw(sizes))
        for _ in range(count())
    ]
    cluster_ids = [c.id for c in clusters]
    notes = [
        m.Note(
            new_id(), draw(texts), draw(st.sampled_from(V.NOTE_KINDS)), pick(dept_ids),
            draw(_maybe(st.sampled_from(V.DIMENSIONS))), pick(people), pick(cluster_ids),
            draw(coordinates), draw(coordinates), draw(sizes), draw(sizes),
            draw(_maybe(colours)), draw(st.booleans()),
        )
        for _ in range(count())
    ]
    note_ids = [n.id for n in notes]
    links = []
    if note_ids:
        for _ in range(count()):
            a, b = draw(st.sampled_from(note_ids)), draw(st.sampled_from(note_ids))
            links.append(m.Link(new_id(), a, b, draw(texts)))

    instruments = []
    for _ in range(count(3)):
        statements = [m.Statement(new_id(), draw(texts), draw(texts)) for _ in range(count(3))]
        instruments.append(m.Instrument(new_id(), draw(texts), draw(st.sampled_from(V.SCALES)),
                                        statements))
    answerable = [i for i in instruments if i.statements]
    responses = []
    if answerable and (dept_ids or people):
        for _ in range(count()):
            ins = draw(st.sampled_from(answerable))
            lo, hi = V.SCALE_RANGES[ins.scale]
            department, participant = pick(dept_ids), pick(people)
            if department is None and participant is None:
                department = dept_ids[0] if dept_ids else None
                participant = None if dept_ids else people[0]
            responses.append(m.Response(
                new_id(), ins.id, draw(st.sampled_from(ins.statements)).id, draw(st.integers(lo, hi)),
                department, participant, draw(texts), draw(st.booleans()),
            ))

    ambition = m.Ambition(
        cx_definition=draw(texts), vision=draw(texts), destination=draw(texts),
        horizon=draw(_maybe(dates)), approach=draw(_maybe(st.sampled_from(V.APPROACHES))),
        programme_name=draw(texts),
        companions=[
            m.Companion(new_id(), draw(texts), draw(st.sampled_from(V.COMPANION_SIDES)),
                        draw(st.sampled_from(V.COMPANION_ROLES)), pick(dept_ids), draw(texts))
            for _ in range(count())
        ],
    )

    budget = draw(st.integers(lo, 10))
    left = dict.fromkeys(people, budget)
    improvements = []
    for _ in range(count()):
        votes = []
        for pid in subset([p for p in people if left[p] > 0]):
            dots = draw(st.integers(1, left[pid]))
            left[pid] -= dots
            votes.append(m.Vote(pid, dots))
        improvements.append(m.Improvement(
            new_id(), draw(texts), draw(texts), subset(note_ids),
            draw(_maybe(st.integers(1, 5))), draw(_maybe(st.integers(1, 5))),
            draw(st.sampled_from(V.IMPROVEMENT_STATUSES)), pick(people), draw(texts),
            draw(st.lists(texts, min_size=lo, max_size=MAX_ITEMS)), votes,
        ))
    improvement_ids = [i.id for i in improvements]
    decisions = [
        m.Decision(
            new_id(), draw(texts), pick(improvement_ids), draw(_maybe(dates)),
            [m.Position(d, draw(st.sampled_from(V.STANCES)), draw(texts)) for d in subset(dept_ids)],
        )
        for _ in range(count(3))
    ]
    contract = m.SocialContract(
        preamble=draw(texts),
        rules=[m.Rule(new_id(), draw(texts)) for _ in range(count())],
        signatures=[m.Signature(d, pick(people), draw(_maybe(dates))) for d in subset(dept_ids)],
    )
    priorities = m.Priorities(budget, draw(st.booleans()), improvements, decisions, contract)

    start, end = sorted(draw(st.lists(months, min_size=2, max_size=2)))
    milestones = []
    for _ in range(count()):
        a, b = sorted(draw(st.lists(months, min_size=2, max_size=2)))
        milestones.append(m.Milestone(new_id(), draw(texts), a, b, pick(improvement_ids),
                                      pick(dept_ids), pick(people)))
    measures = [
        m.Measure(new_id(), draw(texts), draw(texts), draw(_maybe(amounts)), draw(_maybe(amounts)),
                  draw(_maybe(dates)), pick(people), pick(improvement_ids))
        for _ in range(count())
    ]
    council = m.Council(
        draw(st.sampled_from(V.CADENCES)), draw(_maybe(st.sampled_from(V.CADENCES))),
        pick(people), subset(people), draw(st.lists(texts, min_size=lo, max_size=MAX_ITEMS)),
    )
    blueprint = m.Blueprint(
        start if rich or draw(st.booleans()) else None, end if rich or draw(st.booleans()) else None,
        milestones, measures, council,
    )

    actions = [
        m.Action(new_id(), draw(texts), pick(people), draw(_maybe(dates)),
                 draw(st.sampled_from(V.ACTION_STATUSES)), pick(improvement_ids))
        for _ in range(count())
    ]

    workshop = m.Workshop(
        info, departments, participants, agenda,
        m.Discover(notes, clusters, links),
        m.Diagnostics(instruments, responses),
        ambition, priorities, blueprint, actions,
    )
    m.check(workshop)  # the strategy's own promise: every drawn workshop is valid
    return workshop
