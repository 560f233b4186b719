"""The rules a workshop must keep: each broken rule is named with the JSON path a person can
follow to the offending value."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cxworkshop import model as m

from .samples import full_workshop


def only_problem(w: m.Workshop) -> m.Problem:
    found = list(m.problems(w))
    assert len(found) == 1, found
    return found[0]


def test_an_empty_workshop_is_valid():
    assert list(m.problems(m.Workshop())) == []
    m.check(m.Workshop())


def test_a_full_workshop_is_valid():
    assert list(m.problems(full_workshop())) == []


def _set(obj_path: Callable[[m.Workshop], object], attr: str, value: object):
    def change(w: m.Workshop) -> None:
        setattr(obj_path(w), attr, value)
    return change


CASES = [
    # dangling references
    ("participant's department", _set(lambda w: w.participants[1], "department", "nope"),
     "$.participants[1].department", 'participant "p-bob" names department "nope", which does not exist'),
    ("note's author", _set(lambda w: w.discover.notes[2], "author", "p-zed"),
     "$.discover.notes[2].author", 'note "n-3" names participant "p-zed"'),
    ("note's cluster", _set(lambda w: w.discover.notes[0], "cluster", "c-9"),
     "$.discover.notes[0].cluster", 'names cluster "c-9"'),
    ("link's target", _set(lambda w: w.discover.links[0], "target", "n-9"),
     "$.discover.links[0].to", 'link "l-1" names note "n-9"'),
    ("response's statement", _set(lambda w: w.diagnostics.responses[0], "statement", "s-3"),
     "$.diagnostics.responses[0].statement", 'instrument "i-1" does not have'),
    ("improvement's note", lambda w: w.priorities.improvements[1].notes.append("n-9"),
     "$.priorities.improvements[1].notes[1]", 'names note "n-9"'),
    ("vote's participant", _set(lambda w: w.priorities.improvements[1].votes[0], "participant", "p-x"),
     "$.priorities.improvements[1].votes[0].participant", 'names participant "p-x"'),
    ("decision's improvement", _set(lambda w: w.priorities.decisions[0], "improvement", "im-9"),
     "$.priorities.decisions[0].improvement", 'names improvement "im-9"'),
    ("signature's department", _set(lambda w: w.priorities.social_contract.signatures[1],
                                    "department", "d-x"),
     "$.priorities.social_contract.signatures[1].department", 'names department "d-x"'),
    ("milestone's lane", _set(lambda w: w.blueprint.milestones[0], "lane", "d-x"),
     "$.blueprint.milestones[0].lane", 'milestone "ms-1" names department "d-x"'),
    ("council member", lambda w: w.blueprint.council.members.append("p-x"),
     "$.blueprint.council.members[2]", 'the council names participant "p-x"'),
    ("action's owner", _set(lambda w: w.actions[1], "owner", "p-x"),
     "$.actions[1].owner", 'action "ac-2" names participant "p-x"'),
    # ids
    ("id used in two sections", _set(lambda w: w.priorities.social_contract.rules[1], "id", "d-ops"),
     "$.priorities.social_contract.rules[1].id", 'id "d-ops" is used twice (first at $.departments[1].id)'),
    ("statement id reused as an action id", _set(lambda w: w.actions[0], "id", "s-2"),
     "$.actions[0].id", 'id "s-2" is used twice (first at $.diagnostics.instruments[0].statements[1].id)'),
    ("empty id", _set(lambda w: w.agenda[0], "id", ""), "$.agenda[0].id", "an id is empty"),
    # dots
    ("over-budget dots", _set(lambda w: w.priorities, "dots_per_participant", 4),
     "$.priorities.improvements", 'participant "p-ann" casts 5 dots, over the budget of 4'),
    ("a vote of no dots", _set(lambda w: w.priorities.improvements[0].votes[1], "dots", 0),
     "$.priorities.improvements[0].votes[1].dots", "a vote of 0 dots"),
    ("one voter twice", lambda w: w.priorities.improvements[0].votes.append(m.Vote("p-bob", 1)),
     "$.priorities.improvements[0].votes", 'names voter "p-bob" twice'),
    # scores and scales
    ("score above a 1-3 scale", _set(lambda w: w.diagnostics.responses[2], "score", 4),
     "$.diagnostics.responses[2].score", 'response "r-3" scores 4, outside its scale 1–3'),
    ("score below a 1-5 scale", _set(lambda w: w.diagnostics.responses[0], "score", 0),
     "$.diagnostics.responses[0].score", "scores 0, outside its scale 1–5"),
    ("impact off 1-5", _set(lambda w: w.priorities.improvements[0], "impact", 6),
     "$.priorities.improvements[0].impact", "impact 6, outside 1–5"),
    # time
    ("milestone ends before it starts", _set(lambda w: w.blueprint.milestones[0], "end", "2026-12"),
     "$.blueprint.milestones[0].end", 'milestone "ms-1" ends (2026-12) before it starts (2027-01)'),
    ("impossible workshop date", _set(lambda w: w.workshop, "date", "2026-02-30"),
     "$.workshop.date", '"2026-02-30", not a date like 2027-03-31'),
    ("date in the wrong order", _set(lambda w: w.actions[0], "due", "01/12/2026"),
     "$.actions[0].due", "not a date"),
    ("month 13", _set(lambda w: w.blueprint, "start", "2027-13"),
     "$.blueprint.start", '"2027-13", not a month like 2027-03'),
    ("a date where a month belongs", _set(lambda w: w.blueprint.milestones[0], "start", "2027-01-01"),
     "$.blueprint.milestones[0].start", "not a month"),
    # geometry
    ("note of zero width", _set(lambda w: w.discover.notes[0], "w", 0.0),
     "$.discover.notes[0].w", 'note "n-1" has a size that is not positive'),
    ("cluster of negative height", _set(lambda w: w.discover.clusters[0], "h", -5.0),
     "$.discover.clusters[0].h", 'cluster "c-1" has a size that is not positive'),
    ("note at infinity", _set(lambda w: w.discover.notes[1], "x", float("inf")),
     "$.discover.notes[1].x", "not a finite number"),
    # colours
    ("department colour by name", _set(lambda w: w.departments[0], "color", "orange"),
     "$.departments[0].color", '"orange", not #rrggbb'),
    ("short note colour", _set(lambda w: w.discover.notes[1], "color", "#FFF"),
     "$.discover.notes[1].color", '"#FFF", not #rrggbb'),
    # responses
    ("response naming no one", _set(lambda w: w.diagnostics.responses[0], "department", None),
     "$.diagnostics.responses[0]", 'response "r-1" names neither a department nor a participant'),
    # vocabularies and names
    ("unknown note kind", _set(lambda w: w.discover.notes[0], "kind", "worry"),
     "$.discover.notes[0].kind", "expected one of challenge, barrier, idea"),
    ("unknown stage", _set(lambda w: w.workshop, "current_stage", "done"),
     "$.workshop.current_stage", '"done"; expected one of'),
    ("blank department name", _set(lambda w: w.departments[2], "name", "  "),
     "$.departments[2].name", 'department "d-it" has no name'),
]


@pytest.mark.parametrize(("change", "path", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_broken_rule_is_found_at_its_path(change, path, message):
    w = full_workshop()
    change(w)
    problem = only_problem(w)
    assert problem.path == path
    assert message in problem.message


def test_negative_budget_is_also_overspent():
    """A negative budget is reported first, then every voter it puts over the budget."""
    w = full_workshop()
    w.priorities.dots_per_participant = -1
    paths = [p.path for p in m.problems(w)]
    assert paths[0] == "$.priorities.dots_per_participant"


def test_check_raises_the_first_problem_as_one_sentence():
    w = full_workshop()
    w.participants[0].department = "nope"
    with pytest.raises(m.WorkshopInvalid) as err:
        m.check(w)
    assert err.value.problem.path == "$.participants[0].department"
    assert str(err.value) == (
        '$.participants[0].department: participant "p-ann" names department "nope", '
        "which does not exist"
    )
    assert "\n" not in str(err.value)


def test_the_same_budget_spent_exactly_is_fine():
    w = full_workshop()
    w.priorities.dots_per_participant = 5  # p-ann spends 3 + 2
    assert list(m.problems(w)) == []


@pytest.mark.parametrize("value", ["2024-02-29", "2026-12-31"])
def test_real_dates_pass(value):
    w = m.Workshop()
    w.workshop.date = value
    assert list(m.problems(w)) == []


@pytest.mark.parametrize("value", ["2023-02-29", "2026-1-01", "26-01-01", "2026-01-01T10:00", ""])
def test_unreal_dates_fail(value):
    w = m.Workshop()
    w.workshop.date = value
    assert [p.path for p in m.problems(w)] == ["$.workshop.date"]


def test_whole_numbers_too_large_to_keep_exactly_are_refused_at_their_path():
    from cxworkshop import model as m

    w = m.Workshop()
    w.agenda = [m.AgendaItem("a1", "Welcome", minutes=2**60)]
    problems = list(m.problems(w))
    assert [p.path for p in problems] == ["$.agenda[0].minutes"]
    assert "outside 0–9007199254740991" in problems[0].message
