"""The diagnostics' analysis, checked against figures worked out by hand (the arithmetic is in
the comments): group means, the overall mean, spreads and the two rankings with their tie rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxworkshop import model as m
from cxworkshop.model import diagnostics as D

PEOPLE = {
    "p-ann": m.Participant("p-ann", "Ann", "d-sales"),
    "p-bob": m.Participant("p-bob", "Bob", "d-ops"),
    "p-cat": m.Participant("p-cat", "Cat"),  # no department
}


def instrument(scale: str = "agreement", n: int = 5, iid: str = "five") -> m.Instrument:
    return m.Instrument(iid, "Test", scale, [m.Statement(f"s{i}", f"Statement {i}") for i in range(1, n + 1)])


class Responses:
    """Builds responses with fresh ids: `add("s1", 4, dept="d-sales")`."""

    def __init__(self, iid: str = "five"):
        self.iid = iid
        self.items: list[m.Response] = []

    def add(self, statement: str, score: int, dept: str | None = None, person: str | None = None,
            iid: str | None = None) -> Responses:
        self.items.append(m.Response(f"r{len(self.items)}", iid or self.iid, statement, score,
                                     dept, person))
        return self

    def many(self, statement: str, scores: list[int], dept: str) -> Responses:
        for s in scores:
            self.add(statement, s, dept=dept)
        return self


def by_id(results: list[D.StatementResult]) -> dict[str, D.StatementResult]:
    return {r.statement.id: r for r in results}


def ids(results: list[D.StatementResult]) -> list[str]:
    return [r.statement.id for r in results]


def workshop_responses() -> list[m.Response]:
    rs = Responses()
    # s1: Sales 2 (as a department) and Ann 4 (a Sales participant, response without a
    # department) -> Sales [2, 4] mean 3.0; Operations 5 -> 5.0; Cat (no department) 1 -> the
    # no-department group 1.0. IT left s1 unscored: no response, not a zero.
    rs.add("s1", 2, dept="d-sales").add("s1", 4, person="p-ann").add("s1", 5, dept="d-ops")
    rs.add("s1", 1, person="p-cat")
    # s2: nobody scored it.
    # s3: only Sales: 3 and Ann 4 -> one group, mean 3.5.
    rs.add("s3", 3, dept="d-sales").add("s3", 4, person="p-ann")
    # s4: Sales 1, Operations 3.
    rs.add("s4", 1, dept="d-sales").add("s4", 3, dept="d-ops")
    # s5: Sales 4, IT 2; Bob answered for IT explicitly (the response's department wins over
    # his own department, Operations).
    rs.add("s5", 4, dept="d-sales").add("s5", 2, dept="d-it", person="p-bob")
    # Another instrument's response to a statement with the same id is ignored.
    rs.add("s1", 5, dept="d-it", iid="other")
    return rs.items


ORDER = ("d-sales", "d-ops", "d-it")


def test_group_means_overall_mean_and_spread_by_department():
    res = by_id(D.analyse(instrument(), workshop_responses(), PEOPLE, "department", ORDER))
    s1 = res["s1"]
    # Groups in the given order, the no-department group last.
    assert list(s1.groups.items()) == [("d-sales", 3.0), ("d-ops", 5.0), ("", 1.0)]
    # Mean of the four responses, each once: (2 + 4 + 5 + 1) / 4 = 12 / 4 = 3.0; had IT's
    # unscored cell been read as zero it would be 12 / 5 = 2.4. The other instrument's 5 would
    # have made it 17 / 5 = 3.4.
    assert s1.mean == 3.0
    assert s1.scored == 4
    # Spread over group means: 5.0 - 1.0 = 4.0; the agreement scale is 5 - 1 = 4 wide: 4 / 4 = 1.0.
    assert s1.spread == 4.0 and s1.relative_spread == 1.0

    s2 = res["s2"]
    assert (s2.groups, s2.mean, s2.spread, s2.relative_spread, s2.scored) == ({}, None, None, None, 0)

    s3 = res["s3"]  # one group: a mean, (3 + 4) / 2 = 3.5, but no spread
    assert (s3.groups, s3.mean, s3.spread, s3.relative_spread, s3.scored) == (
        {"d-sales": 3.5}, 3.5, None, None, 2)

    s4 = res["s4"]  # 3 - 1 = 2, 2 / 4 = 0.5; mean (1 + 3) / 2 = 2.0
    assert (s4.mean, s4.spread, s4.relative_spread) == (2.0, 2.0, 0.5)

    s5 = res["s5"]  # IT 2, not Operations: 4 - 2 = 2; mean (4 + 2) / 2 = 3.0
    assert s5.groups == {"d-sales": 4.0, "d-it": 2.0}
    assert (s5.mean, s5.spread) == (3.0, 2.0)


def test_results_follow_statement_order_and_carry_the_statement():
    ins = instrument()
    results = D.analyse(ins, workshop_responses(), PEOPLE)
    assert ids(results) == ["s1", "s2", "s3", "s4", "s5"]
    assert results[0].statement is ins.statements[0]


def test_groups_not_in_order_come_sorted_after_it_with_no_department_last():
    res = by_id(D.analyse(instrument(), workshop_responses(), PEOPLE, order=("d-ops",)))
    assert list(res["s1"].groups) == ["d-ops", "d-sales", ""]


def test_grouping_by_participant_leaves_department_responses_out_of_the_groups_only():
    res = by_id(D.analyse(instrument(), workshop_responses(), PEOPLE, "participant", ("p-cat",)))
    s1 = res["s1"]
    # Ann 4 and Cat 1 are groups; the two department-level responses belong to no participant.
    assert list(s1.groups.items()) == [("p-cat", 1.0), ("p-ann", 4.0)]
    assert s1.spread == 3.0  # 4 - 1
    assert s1.mean == 3.0 and s1.scored == 4  # still every response: 12 / 4
    assert res["s4"].groups == {} and res["s4"].spread is None and res["s4"].mean == 2.0


def test_group_of():
    ann_alone = m.Response("r", "five", "s1", 3, None, "p-ann")
    assert D.group_of(ann_alone, PEOPLE, "department") == "d-sales"  # her department
    for_it = m.Response("r", "five", "s1", 3, "d-it", "p-ann")
    assert D.group_of(for_it, PEOPLE, "department") == "d-it"  # the response's own department
    cat = m.Response("r", "five", "s1", 3, None, "p-cat")
    assert D.group_of(cat, PEOPLE, "department") == ""
    stranger = m.Response("r", "five", "s1", 3, None, "p-zed")
    assert D.group_of(stranger, PEOPLE, "department") == ""
    assert D.group_of(for_it, PEOPLE, "participant") == "p-ann"
    dept_only = m.Response("r", "five", "s1", 3, "d-it", None)
    assert D.group_of(dept_only, PEOPLE, "participant") is None
    with pytest.raises(ValueError, match="team"):
        D.group_of(dept_only, PEOPLE, "team")


def test_debate_first_ranks_by_spread_then_lower_mean():
    results = D.analyse(instrument(), workshop_responses(), PEOPLE)
    # Spreads: s1 4.0, s4 2.0 (mean 2.0), s5 2.0 (mean 3.0); s2 and s3 have none.
    # s4 and s5 tie on spread; s4's lower mean puts it first.
    assert ids(D.debate_first(results)) == ["s1", "s4", "s5"]


def test_debate_first_keeps_statement_order_when_spread_and_mean_tie():
    rs = Responses()
    rs.add("s2", 1, dept="d-sales").add("s2", 3, dept="d-ops")  # spread 2, mean 2
    rs.add("s1", 3, dept="d-sales").add("s1", 1, dept="d-it")  # spread 2, mean 2
    rs.add("s3", 2, dept="d-sales").add("s3", 2, dept="d-ops")  # spread 0: still has a spread
    results = D.analyse(instrument(n=3), rs.items, PEOPLE)
    assert ids(D.debate_first(results)) == ["s1", "s2", "s3"]


def test_equal_spreads_in_thirds_tie_exactly():
    rs = Responses()
    # s1: Sales [1, 1, 2] -> 4/3; Operations ten 3s -> 3; spread 3 - 4/3 = 5/3.
    #     Mean (1 + 1 + 2 + 30) / 13 = 34/13 = 2.615...
    rs.many("s1", [1, 1, 2], "d-sales").many("s1", [3] * 10, "d-ops")
    # s2: Sales [2, 2, 3] three times -> 21/9 = 7/3; Operations 4; spread 4 - 7/3 = 5/3.
    #     Mean (21 + 4) / 10 = 2.5, lower than s1's.
    rs.many("s2", [2, 2, 3] * 3, "d-sales").many("s2", [4], "d-ops")
    results = D.analyse(instrument(n=2), rs.items, PEOPLE)
    # In plain floats 3 - 1.3333333333333333 > 4 - 2.3333333333333335, which would rank s1 first
    # on spread; on paper the spreads are equal, so the lower mean (s2) comes first.
    assert results[0].spread == results[1].spread == pytest.approx(5 / 3)
    assert results[0].mean == pytest.approx(34 / 13) and results[1].mean == 2.5
    assert ids(D.debate_first(results)) == ["s2", "s1"]


def test_weakest_ranks_by_mean_then_larger_spread():
    results = D.analyse(instrument(), workshop_responses(), PEOPLE)
    # Means: s4 2.0; s1 3.0 (spread 4) and s5 3.0 (spread 2); s3 3.5; s2 unscored, left out.
    # s1 and s5 tie on mean; s1's larger spread puts it first.
    assert ids(D.weakest(results)) == ["s4", "s1", "s5", "s3"]


def test_weakest_counts_no_spread_as_zero_then_keeps_statement_order():
    rs = Responses()
    rs.add("s1", 3, dept="d-sales")  # mean 3, one group: no spread, counts as 0
    rs.add("s2", 3, dept="d-sales").add("s2", 3, dept="d-ops")  # mean 3, spread 0
    rs.add("s3", 2, dept="d-sales").add("s3", 4, dept="d-ops")  # mean 3, spread 2
    rs.add("s4", 3, dept="d-ops")  # mean 3, no spread
    results = D.analyse(instrument(n=4), rs.items, PEOPLE)
    # s3 first (spread 2 > 0); s1, s2 and s4 all tie at mean 3 and spread 0: statement order.
    assert ids(D.weakest(results)) == ["s3", "s1", "s2", "s4"]


def test_relative_spread_on_the_strength_scale():
    rs = Responses("uw")
    rs.add("s1", 1, dept="d-sales").add("s1", 2, dept="d-ops")  # 2 - 1 = 1; the scale is 3 - 1 = 2 wide
    rs.add("s2", 3, dept="d-sales").add("s2", 1, dept="d-ops")  # 3 - 1 = 2 -> 2 / 2 = 1.0
    rs.many("s3", [1, 2, 2], "d-sales").many("s3", [3], "d-ops")  # 3 - 5/3 = 4/3 -> 4/3 / 2 = 2/3
    res = by_id(D.analyse(instrument("strength", 3, "uw"), rs.items, PEOPLE))
    assert (res["s1"].spread, res["s1"].relative_spread) == (1.0, 0.5)
    assert (res["s2"].spread, res["s2"].relative_spread) == (2.0, 1.0)
    assert res["s3"].spread == pytest.approx(4 / 3) and res["s3"].relative_spread == pytest.approx(2 / 3)
    assert res["s3"].mean == 2.0  # (1 + 2 + 2 + 3) / 4 = 8 / 4


def test_unknown_scale_or_grouping_is_refused():
    with pytest.raises(ValueError, match="stars"):
        D.analyse(instrument("stars"), [], PEOPLE)
    with pytest.raises(ValueError, match="team"):
        D.analyse(instrument(), [], PEOPLE, by="team")
    with pytest.raises(ValueError, match="stars"):
        D.scale_labels("stars")


def test_scale_labels_cover_every_score_of_each_scale():
    for scale, (lo, hi) in D.SCALES.items():
        labels = D.scale_labels(scale)
        assert list(labels) == list(range(lo, hi + 1))
        assert all(labels.values()) and len(set(labels.values())) == len(labels)
    assert D.scale_labels("strength") == {1: "Vulnerable", 2: "Average", 3: "Strong"}
    assert D.scale_labels("agreement")[1] == "Strongly disagree"
    assert D.scale_labels("agreement")[5] == "Strongly agree"
    assert (D.scale_labels("maturity")[1], D.scale_labels("maturity")[5]) == ("Naive", "Natural")
    D.scale_labels("strength")[1] = "changed"  # a copy: the next caller is unaffected
    assert D.scale_labels("strength")[1] == "Vulnerable"


# --------------------------------------------------------------------------- properties

DEPTS = [None, "d-sales", "d-ops", "d-it"]
PERSONS = [None, "p-ann", "p-bob", "p-cat", "p-zed"]


@st.composite
def scored(draw):
    scale = draw(st.sampled_from(sorted(D.SCALES)))
    lo, hi = D.SCALES[scale]
    ins = instrument(scale, 4)
    rows = draw(st.lists(st.tuples(
        st.sampled_from(["s1", "s2", "s3", "s4"]), st.integers(lo, hi),
        st.sampled_from(DEPTS), st.sampled_from(PERSONS), st.sampled_from(["five", "other"]),
    ), max_size=30))
    responses = [m.Response(f"r{i}", iid, s, score, d, p) for i, (s, score, d, p, iid) in enumerate(rows)]
    return ins, responses


@settings(max_examples=200, deadline=None)
@given(scored(), st.sampled_from(D.GROUPINGS))
def test_figures_stay_within_the_scale(case, by):
    ins, responses = case
    lo, hi = D.SCALES[ins.scale]
    results = D.analyse(ins, responses, PEOPLE, by)
    assert sum(r.scored for r in results) == sum(1 for r in responses if r.instrument == "five")
    for r in results:
        assert (r.mean is None) == (r.scored == 0)
        if r.mean is not None:
            assert lo <= r.mean <= hi
        assert all(lo <= g <= hi for g in r.groups.values())
        if len(r.groups) >= 2:
            assert r.spread == pytest.approx(max(r.groups.values()) - min(r.groups.values()))
            assert 0 <= r.spread <= hi - lo
            assert 0 <= r.relative_spread <= 1
        else:
            assert r.spread is None and r.relative_spread is None
        if by == "department" and r.groups:  # every response is in a group, so the mean is
            assert min(r.groups.values()) <= r.mean <= max(r.groups.values())  # among them
    assert set(ids(D.debate_first(results))) == {r.statement.id for r in results if r.spread is not None}
    assert set(ids(D.weakest(results))) == {r.statement.id for r in results if r.mean is not None}


@settings(max_examples=200, deadline=None)
@given(scored(), st.sampled_from(D.GROUPINGS), st.randoms(use_true_random=False))
def test_the_order_of_responses_changes_nothing(case, by, rnd):
    ins, responses = case
    before = D.analyse(ins, responses, PEOPLE, by, ("d-ops", "p-bob"))
    shuffled = list(reversed(responses))
    rnd.shuffle(shuffled)
    for again in (D.analyse(ins, list(reversed(responses)), PEOPLE, by, ("d-ops", "p-bob")),
                  D.analyse(ins, shuffled, PEOPLE, by, ("d-ops", "p-bob"))):
        assert again == before
        assert [list(r.groups) for r in again] == [list(r.groups) for r in before]
        assert ids(D.debate_first(again)) == ids(D.debate_first(before))
        assert ids(D.weakest(again)) == ids(D.weakest(before))
