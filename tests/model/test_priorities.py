"""The Priorities stage's facts: the impact/effort matrix, dot voting and its budget, the
accountable-executive flag, where departments stand on a decision, and signing the social
contract. Plain functions over hand-built figures; refusals are one sentence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxworkshop import model as m
from cxworkshop.model import priorities as P
from tests.strategies import workshops

DEPARTMENTS = [
    m.Department("d-sales", "Sales", "#E69F00"),
    m.Department("d-ops", "Operations", "#56B4E9"),
    m.Department("d-it", "IT"),
]

PARTICIPANTS = [
    m.Participant("p-dana", "Dana", "d-sales", "Sales director", True),
    m.Participant("p-eli", "Eli", "d-ops", "Planner"),
    m.Participant("p-fay", "Fay", "d-it", "CIO", True),
    m.Participant("p-gus", "Gus"),
]
PEOPLE = {p.id: p for p in PARTICIPANTS}


def one_sentence(message: str | None) -> None:
    """What the facilitator reads: one sentence, capitalised, ending with a full stop."""
    assert message, "expected a refusal"
    assert "\n" not in message, message
    assert message.endswith("."), message
    assert message[0].isupper() or message[0] == '"', message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"


def imp(iid: str, impact: int | None = None, effort: int | None = None, *,
        votes: dict[str, int] | None = None, status: str = "proposed",
        accountable: str | None = None) -> m.Improvement:
    return m.Improvement(iid, f"Improvement {iid}", impact=impact, effort=effort, status=status,
                         accountable=accountable,
                         votes=[m.Vote(p, d) for p, d in (votes or {}).items()])


def apply_vote(priorities: m.Priorities, participant: str, improvement: str, dots: int) -> None:
    """What the operation does once `check_vote` allows it: replace, and 0 removes."""
    target = next(i for i in priorities.improvements if i.id == improvement)
    target.votes = [v for v in target.votes if v.participant != participant]
    if dots:
        target.votes.append(m.Vote(participant, dots))


# -- the impact/effort matrix ------------------------------------------------------------------


def test_quadrant_names_and_titles():
    assert P.QUADRANTS == ("quick_wins", "big_bets", "fill_ins", "avoid")
    assert [P.QUADRANT_TITLES[q] for q in P.QUADRANTS] == ["Quick wins", "Big bets", "Fill-ins",
                                                            "Avoid"]


@pytest.mark.parametrize(("impact", "effort", "expected"), [
    # impact 2 | 3 is the low/high line, effort 2 | 3 likewise
    (3, 2, "quick_wins"), (5, 1, "quick_wins"), (3, 1, "quick_wins"), (5, 2, "quick_wins"),
    (3, 3, "big_bets"), (5, 5, "big_bets"), (4, 3, "big_bets"),
    (2, 2, "fill_ins"), (1, 1, "fill_ins"), (2, 1, "fill_ins"),
    (2, 3, "avoid"), (1, 5, "avoid"), (1, 3, "avoid"),
    (None, 3, None), (3, None, None), (None, None, None),
])
def test_quadrant_boundaries(impact, effort, expected):
    assert P.quadrant(impact, effort) == expected


def test_every_score_pair_lands_in_exactly_the_documented_quadrant():
    for impact in range(1, 6):
        for effort in range(1, 6):
            high_impact, high_effort = impact >= 3, effort >= 3
            expected = {(True, False): "quick_wins", (True, True): "big_bets",
                        (False, False): "fill_ins", (False, True): "avoid"}[high_impact, high_effort]
            assert P.quadrant(impact, effort) == expected


def test_by_quadrant_keeps_input_order_and_every_quadrant():
    a, b, c, d, e, f = (imp("a", 5, 1), imp("b", 1, 5), imp("c", 3, 2), imp("d", None, 2),
                        imp("e", 2, None), imp("f", 2, 2))
    grouped = P.by_quadrant([a, b, c, d, e, f])
    assert list(grouped) == list(P.QUADRANTS)
    assert grouped == {"quick_wins": [a, c], "big_bets": [], "fill_ins": [f], "avoid": [b]}
    assert P.unplaced([a, b, c, d, e, f]) == [d, e]
    assert P.by_quadrant([]) == {q: [] for q in P.QUADRANTS}
    assert P.unplaced([]) == []


# -- dot voting ---------------------------------------------------------------------------------


def voting(budget: int = 5) -> m.Priorities:
    """Dana has 2 dots on A and 3 on B; Eli has 1 on B and 1 on C."""
    return m.Priorities(dots_per_participant=budget, improvements=[
        imp("A", votes={"p-dana": 2}),
        imp("B", votes={"p-dana": 3, "p-eli": 1}),
        imp("C", votes={"p-eli": 1}),
        imp("D"),
    ])


def test_dots_used_and_left():
    pr = voting()
    assert P.dots_used(pr.improvements, "p-dana") == 5
    assert P.dots_used(pr.improvements, "p-eli") == 2
    assert P.dots_used(pr.improvements, "p-fay") == 0
    assert P.dots_used([], "p-dana") == 0
    assert P.dots_left(pr, "p-dana") == 0
    assert P.dots_left(pr, "p-eli") == 3
    assert P.dots_left(pr, "p-fay") == 5
    assert P.dots_left(voting(budget=3), "p-dana") == 0  # never below zero


def test_setting_ones_own_dots_again_replaces_them():
    pr = voting()
    assert P.check_vote(pr, "p-dana", "B", 3, PEOPLE) is None  # same number again: fine
    assert P.check_vote(pr, "p-dana", "B", 1, PEOPLE) is None  # fewer: fine
    assert P.check_vote(pr, "p-dana", "A", 2, PEOPLE) is None


def test_over_budget_is_refused_and_says_what_is_left():
    pr = voting()
    message = P.check_vote(pr, "p-dana", "B", 4, PEOPLE)
    one_sentence(message)
    assert message == "Dana has 3 dots left of 5 for this improvement; 4 is too many."
    message = P.check_vote(pr, "p-dana", "C", 1, PEOPLE)
    one_sentence(message)
    assert message == "Dana has 0 dots left of 5 for this improvement; 1 is too many."
    message = P.check_vote(pr, "p-eli", "D", 4, PEOPLE)
    assert message == "Eli has 3 dots left of 5 for this improvement; 4 is too many."
    message = P.check_vote(voting(budget=3), "p-dana", "B", 3, PEOPLE)
    assert message == "Dana has 1 dot left of 3 for this improvement; 3 is too many."  # singular
    assert P.check_vote(pr, "p-eli", "D", 3, PEOPLE) is None  # exactly the rest: fine


def test_freeing_dots_on_one_improvement_lets_them_go_on_another():
    pr = voting()
    assert P.check_vote(pr, "p-dana", "B", 5, PEOPLE) is not None
    assert P.check_vote(pr, "p-dana", "A", 0, PEOPLE) is None
    apply_vote(pr, "p-dana", "A", 0)
    assert P.dots_left(pr, "p-dana") == 2
    assert P.check_vote(pr, "p-dana", "B", 5, PEOPLE) is None
    apply_vote(pr, "p-dana", "B", 5)
    assert P.dots_used(pr.improvements, "p-dana") == 5


def test_taking_a_vote_off_is_always_allowed():
    pr = voting(budget=2)  # Dana is over this smaller budget already
    assert P.check_vote(pr, "p-dana", "B", 0, PEOPLE) is None
    assert P.check_vote(pr, "p-fay", "D", 0, PEOPLE) is None  # nothing there to take off


@pytest.mark.parametrize(("participant", "improvement", "dots", "expected"), [
    ("p-nobody", "A", 1, "That participant is not in this workshop."),
    ("p-dana", "Z", 1, "That improvement is not in this workshop."),
    ("p-fay", "A", -1, "A vote cannot take dots away; -1 is below zero."),
    ("p-fay", "A", 1.5, "Dots are counted in whole numbers, and 1.5 is not one."),
    ("p-fay", "A", 2.0, "Dots are counted in whole numbers, and 2.0 is not one."),
    ("p-fay", "A", "2", "Dots are counted in whole numbers, and '2' is not one."),
    ("p-fay", "A", True, "Dots are counted in whole numbers, and True is not one."),
])
def test_check_vote_refusals(participant, improvement, dots, expected):
    message = P.check_vote(voting(), participant, improvement, dots, PEOPLE)
    one_sentence(message)
    assert message == expected


def test_check_vote_takes_participants_as_a_list_or_a_mapping():
    pr = voting()
    assert P.check_vote(pr, "p-fay", "A", 5, PARTICIPANTS) is None
    assert P.check_vote(pr, "p-fay", "A", 6, PARTICIPANTS) == (
        "Fay has 5 dots left of 5 for this improvement; 6 is too many.")
    assert P.check_vote(pr, "p-fay", "A", 1, []) == "That participant is not in this workshop."


def test_tally_most_first_ties_in_list_order():
    a = imp("A", votes={"p-dana": 2})
    b = imp("B", votes={"p-dana": 1, "p-eli": 3})
    c = imp("C")
    d = imp("D", votes={"p-fay": 2})
    e = imp("E", votes={"p-gus": 4})
    assert [(i.id, n) for i, n in P.tally([a, b, c, d, e])] == [
        ("B", 4), ("E", 4), ("A", 2), ("D", 2), ("C", 0)]
    assert [(i.id, n) for i, n in P.tally([e, d, c, b, a])] == [
        ("E", 4), ("B", 4), ("D", 2), ("A", 2), ("C", 0)]
    assert P.tally([]) == []


def test_voters_in_first_vote_order():
    pr = m.Priorities(improvements=[
        imp("A"),
        imp("B", votes={"p-eli": 1, "p-dana": 2}),
        imp("C", votes={"p-fay": 1, "p-eli": 2}),
    ])
    assert P.voters(pr) == ["p-eli", "p-dana", "p-fay"]
    assert P.voters(m.Priorities()) == []


# -- accountable executives ---------------------------------------------------------------------


def test_needs_accountable():
    assert P.needs_accountable(imp("A", status="agreed"))
    assert not P.needs_accountable(imp("A", status="agreed", accountable="p-dana"))
    assert not P.needs_accountable(imp("A", status="proposed"))
    assert not P.needs_accountable(imp("A", status="parked"))


def test_accountable_problems():
    agreed = imp("A", status="agreed")
    one_sentence(message := P.accountable_problem(agreed, PEOPLE))
    assert message == '"Improvement A" is agreed but has no accountable executive yet.'
    agreed.accountable = "p-eli"
    one_sentence(message := P.accountable_problem(agreed, PEOPLE))
    assert message == 'Eli is accountable for "Improvement A" but is not marked as a senior executive.'
    agreed.accountable = "p-gone"
    one_sentence(message := P.accountable_problem(agreed, PEOPLE))
    assert message == 'The person accountable for "Improvement A" is not among the participants.'
    agreed.accountable = "p-dana"
    assert P.accountable_problem(agreed, PEOPLE) is None
    assert P.accountable_problem(agreed, PARTICIPANTS) is None  # a list works too


def test_accountable_problem_before_agreement():
    assert P.accountable_problem(imp("A"), PEOPLE) is None  # nobody named yet: fine while proposed
    assert P.accountable_problem(imp("A", status="parked"), PEOPLE) is None
    assert P.accountable_problem(imp("A", accountable="p-gus"), PEOPLE) == (
        'Gus is accountable for "Improvement A" but is not marked as a senior executive.')


# -- decisions -----------------------------------------------------------------------------------


def decision() -> m.Decision:
    return m.Decision("dec-1", "Target qualified leads", positions=[
        m.Position("d-it", "disagree", "No budget this year"),
        m.Position("d-sales", "reservations", "Needs a pilot"),
        m.Position("d-gone", "agree"),  # a department not on the list: not counted
    ])


def test_stance_counts_with_missing_departments():
    assert P.stance_counts(decision(), DEPARTMENTS) == {
        "agree": 0, "reservations": 1, "disagree": 1, "missing": 1}
    assert list(P.stance_counts(decision(), DEPARTMENTS)) == [
        "agree", "reservations", "disagree", "missing"]
    assert P.stance_counts(m.Decision("dec-2", "Nothing yet"), DEPARTMENTS) == {
        "agree": 0, "reservations": 0, "disagree": 0, "missing": 3}
    assert P.stance_counts(decision(), []) == {
        "agree": 0, "reservations": 0, "disagree": 0, "missing": 0}
    everyone = m.Decision("dec-3", "All in", positions=[
        m.Position(d.id, "agree") for d in DEPARTMENTS])
    assert P.stance_counts(everyone, DEPARTMENTS) == {
        "agree": 3, "reservations": 0, "disagree": 0, "missing": 0}


def test_strip_one_entry_per_department_in_department_order():
    sales, ops, it = DEPARTMENTS
    assert P.strip(decision(), DEPARTMENTS) == [
        (sales, "reservations", "Needs a pilot"),
        (ops, None, ""),
        (it, "disagree", "No budget this year"),
    ]
    assert P.strip(decision(), []) == []


# -- the social contract -----------------------------------------------------------------------


def contract(*signed: str) -> m.SocialContract:
    return m.SocialContract(
        preamble="How we work together",
        rules=[m.Rule("r-1", "No department changes a customer promise alone")],
        signatures=[m.Signature(d) for d in signed])


@pytest.mark.parametrize(("the_contract", "department", "participant", "expected"), [
    (m.SocialContract(), "d-sales", "p-dana",
     "The contract has no rules yet, so there is nothing to sign."),
    (contract(), "d-gone", None, "That department is not in this workshop."),
    (contract("d-sales"), "d-sales", "p-dana", "Sales has already signed the contract."),
    (contract(), "d-sales", "p-gone", "That participant is not in this workshop."),
    (contract(), "d-sales", "p-eli", "Eli belongs to another department, so cannot sign for Sales."),
    (contract(), "d-ops", "p-gus", "Gus belongs to no department, so cannot sign for Operations."),
])
def test_sign_refusals(the_contract, department, participant, expected):
    message = P.sign_problem(the_contract, department, participant, PEOPLE, DEPARTMENTS)
    one_sentence(message)
    assert message == expected


def test_a_full_signing():
    c = contract()
    assert P.unsigned(c, DEPARTMENTS) == DEPARTMENTS
    assert not P.fully_signed(c, DEPARTMENTS)
    for department, participant in (("d-it", "p-fay"), ("d-sales", "p-dana"), ("d-ops", None)):
        assert P.sign_problem(c, department, participant, PARTICIPANTS, DEPARTMENTS) is None
        assert not P.fully_signed(c, DEPARTMENTS)
        c.signatures.append(m.Signature(department, participant, "2026-11-23"))
        assert P.sign_problem(c, department, participant, PEOPLE, DEPARTMENTS) is not None
    assert P.unsigned(c, DEPARTMENTS) == []
    assert P.fully_signed(c, DEPARTMENTS)
    c.rules.append(m.Rule("r-2", "We share bad news early"))  # rules change: signatures stay
    assert P.fully_signed(c, DEPARTMENTS)


def test_unsigned_in_department_order_and_edge_cases():
    sales, ops, it = DEPARTMENTS
    assert P.unsigned(contract("d-ops"), DEPARTMENTS) == [sales, it]
    assert P.unsigned(contract("d-gone"), DEPARTMENTS) == DEPARTMENTS
    signed_without_rules = m.SocialContract(signatures=[m.Signature(d.id) for d in DEPARTMENTS])
    assert P.unsigned(signed_without_rules, DEPARTMENTS) == []
    assert not P.fully_signed(signed_without_rules, DEPARTMENTS)  # at least one rule
    assert not P.fully_signed(contract(), [])  # nobody to sign


# -- properties ---------------------------------------------------------------------------------

VOTERS = ["p-dana", "p-eli", "p-fay", "p-gus", "p-nobody"]
IMPROVEMENTS = ["A", "B", "C", "Z"]


@settings(max_examples=200)
@given(budget=st.integers(0, 7),
       moves=st.lists(st.tuples(st.sampled_from(VOTERS), st.sampled_from(IMPROVEMENTS),
                                st.integers(-2, 9)), max_size=40))
def test_allowed_votes_never_exceed_anyones_budget(budget, moves):
    pr = m.Priorities(dots_per_participant=budget,
                      improvements=[imp("A"), imp("B"), imp("C")])
    for participant, improvement, dots in moves:
        message = P.check_vote(pr, participant, improvement, dots, PEOPLE)
        if message is None:
            apply_vote(pr, participant, improvement, dots)
        else:
            one_sentence(message)
        for person in PEOPLE:
            assert P.dots_used(pr.improvements, person) <= budget
            assert P.dots_left(pr, person) == budget - P.dots_used(pr.improvements, person)
        assert all(v.dots >= 1 for i in pr.improvements for v in i.votes)
    assert set(P.voters(pr)) <= set(PEOPLE)
    assert sum(n for _, n in P.tally(pr.improvements)) == sum(
        P.dots_used(pr.improvements, person) for person in PEOPLE)


@settings(max_examples=50, deadline=None)
@given(w=workshops(), data=st.data())
def test_a_valid_workshop_stays_valid_under_allowed_votes(w, data):
    pr = w.priorities
    for vote in (v for i in pr.improvements for v in i.votes):  # re-casting any vote is allowed
        target = next(i for i in pr.improvements if vote in i.votes)
        assert P.check_vote(pr, vote.participant, target.id, vote.dots, w.participants) is None
    if not (pr.improvements and w.participants):
        return
    for _ in range(data.draw(st.integers(0, 10))):
        participant = data.draw(st.sampled_from(w.participants)).id
        improvement = data.draw(st.sampled_from(pr.improvements)).id
        dots = data.draw(st.integers(0, pr.dots_per_participant + 2))
        if P.check_vote(pr, participant, improvement, dots, w.participants) is None:
            apply_vote(pr, participant, improvement, dots)
    assert list(m.problems(w)) == []
