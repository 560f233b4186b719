"""Blueprint rules: months and quarters of the period, where milestones fall against it
(outside is flagged, never dropped), stacking on the road map, and what a measure lacks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.model import blueprint as B
from cxworkshop.model.workshop import Department, Improvement, Measure, Milestone, Participant

month_st = st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(1990, 2090), st.integers(1, 12))


def ms(oid: str, start: str, end: str, title: str = "") -> Milestone:
    return Milestone(id=oid, title=title or oid, start=start, end=end)


# -- months and quarters ----------------------------------------------------------------------

def test_month_arithmetic_crosses_years():
    assert B.add_months("2027-11", 1) == "2027-12"
    assert B.add_months("2027-12", 1) == "2028-01"
    assert B.add_months("2027-01", -1) == "2026-12"
    assert B.add_months("2027-01", 25) == "2029-02"
    assert B.months_between("2027-01", "2027-01") == 1
    assert B.months_between("2027-01", "2028-12") == 24
    assert B.months("2027-11", "2028-02") == ["2027-11", "2027-12", "2028-01", "2028-02"]
    assert B.months("2028-02", "2027-11") == []
    assert B.month_words("2027-01") == "January 2027"
    assert B.month_name("2027-09", short=True) == "Sep"


@given(month_st, st.integers(-500, 500))
def test_adding_months_and_counting_them_agree(month, n):
    later = B.add_months(month, n)
    assert B.add_months(later, -n) == month
    if n >= 0:
        assert B.months_between(month, later) == n + 1
        assert len(B.months(month, later)) == n + 1


def test_quarters_of_a_two_year_period():
    qs = B.quarters("2027-01", "2028-12")
    assert [q.label for q in qs] == ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027",
                                     "Q1 2028", "Q2 2028", "Q3 2028", "Q4 2028"]
    assert all(q.whole for q in qs)
    assert (qs[1].first, qs[1].last) == ("2027-04", "2027-06")


def test_a_period_starting_mid_quarter_begins_and_ends_with_part_quarters():
    qs = B.quarters("2027-02", "2027-07")
    assert [(q.label, q.first, q.last, q.whole) for q in qs] == [
        ("Q1 2027", "2027-02", "2027-03", False),
        ("Q2 2027", "2027-04", "2027-06", True),
        ("Q3 2027", "2027-07", "2027-07", False),
    ]


@given(month_st, st.integers(0, 130))
def test_quarters_cover_every_month_once_in_order(first, n):
    last = B.add_months(first, n)
    covered = [m for q in B.quarters(first, last) for m in B.months(q.first, q.last)]
    assert covered == B.months(first, last)


def test_period_problems_are_one_sentence_each():
    assert B.period_problem("2027-01", "2028-12") is None
    assert B.period_problem(None, None) is None
    assert B.period_problem("2027-01", None) is None
    assert "before it starts" in B.period_problem("2027-05", "2027-04")
    assert "2027-13" in B.period_problem("2027-13", None)
    assert "at most 10 years" in B.period_problem("2027-01", "2037-01")
    assert B.period_problem("2027-01", "2036-12") is None  # exactly ten years
    assert B.period_words("2027-01", "2028-12") == "January 2027 – December 2028"
    assert B.period_words(None, None) == "no period set yet"


# -- milestones against the period ------------------------------------------------------------

def test_where_milestones_fall_against_the_period():
    start, end = "2027-01", "2028-12"
    cases = [
        (ms("a", "2027-01", "2028-12"), B.INSIDE),
        (ms("b", "2026-11", "2027-02"), B.STARTS_BEFORE),
        (ms("c", "2028-10", "2029-03"), B.ENDS_AFTER),
        (ms("d", "2026-01", "2029-01"), B.SPILLS_BOTH),
        (ms("e", "2026-01", "2026-12"), B.BEFORE),
        (ms("f", "2029-01", "2029-01"), B.AFTER),
    ]
    for milestone, where in cases:
        assert B.placement(milestone, start, end) == where, milestone.id
    # no period, or only one end of it, limits nothing on the other side
    assert B.placement(ms("g", "1999-01", "2099-01"), None, None) == B.INSIDE
    assert B.placement(ms("h", "2026-01", "2026-02"), None, "2028-12") == B.INSIDE
    assert B.placement(ms("h", "2026-01", "2026-02"), "2027-01", None) == B.BEFORE


def test_milestones_outside_the_period_are_flagged_and_none_is_lost():
    milestones = [ms("in", "2027-03", "2027-05", "Pilot"), ms("early", "2026-06", "2027-02"),
                  ms("late", "2029-02", "2029-04", "Roll-out"), ms("in2", "2028-12", "2028-12")]
    flagged = B.outside_period(milestones, "2027-01", "2028-12")
    assert [m.id for m, _ in flagged] == ["early", "late"]
    assert flagged[1][1] == "“Roll-out” starts after the period ends (December 2028)."
    # moving the period later flags the early ones; the list itself is untouched
    assert [m.id for m, _ in B.outside_period(milestones, "2027-04", "2029-12")] == [
        "in", "early"]
    assert [m.id for m in milestones] == ["in", "early", "late", "in2"]
    # the road map still shows the flagged ones: the span without a period covers them all
    assert B.shown_span(None, None, milestones) == ("2026-06", "2029-04")


def test_the_shown_span_is_the_period_widened_to_every_milestone():
    assert B.shown_span("2027-01", "2028-12", []) == ("2027-01", "2028-12")
    assert B.shown_span(None, None, []) is None
    assert B.shown_span("2027-03", None, []) == ("2027-03", "2028-02")
    assert B.shown_span(None, "2027-12", []) == ("2027-01", "2027-12")
    # a milestone outside the period widens what is drawn, on either side
    early, late = ms("e", "2026-10", "2026-12"), ms("l", "2028-11", "2029-02")
    assert B.shown_span("2027-01", "2028-12", [early]) == ("2026-10", "2028-12")
    assert B.shown_span("2027-01", "2028-12", [early, late]) == ("2026-10", "2029-02")
    assert B.shown_span("2027-01", None, [late]) == ("2027-01", "2029-02")
    # with one side unset, that side still gets its year however the milestones lie
    assert B.shown_span("2027-06", None, [early]) == ("2026-10", "2028-05")
    assert B.shown_span(None, "2027-06", [late]) == ("2026-07", "2029-02")
    # with no period, a first short milestone still leaves a year to place the next one in
    assert B.shown_span(None, None, [ms("a", "2027-03", "2027-05")]) == ("2027-03", "2028-02")
    assert B.shown_span(None, None, [early, late]) == ("2026-10", "2029-02")
    # a reversed period (an imported file can hold one) is read the right way round
    assert B.shown_span("2028-12", "2027-01", []) == ("2027-01", "2028-12")


def test_overlapping_milestones_in_a_lane_get_their_own_rows():
    lane = [ms("a", "2027-01", "2027-04"), ms("b", "2027-03", "2027-06"),
            ms("c", "2027-05", "2027-08"), ms("d", "2027-02", "2027-02"),
            ms("e", "2027-09", "2027-09")]
    rows = B.stack_rows(lane)
    assert rows == {"a": 0, "d": 1, "b": 1, "c": 0, "e": 0}
    # a title written beside a short bar takes room too: "e" reaching three months further
    # collides with nothing, but "d" reaching to April pushes "b" down a row
    wide = {"d": 3}
    rows = B.stack_rows(lane, lambda m: (B.month_index(m.start),
                                         B.month_index(m.end) + wide.get(m.id, 0)))
    assert rows == {"a": 0, "d": 1, "b": 2, "c": 0, "e": 0}


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=25))
def test_no_two_milestones_in_a_row_share_a_month(spans):
    lane = [ms(f"m{i}", B.add_months("2027-01", a), B.add_months("2027-01", a + d))
            for i, (a, d) in enumerate(spans)]
    rows = B.stack_rows(lane)
    assert set(rows) == {m.id for m in lane}
    for x in lane:
        for y in lane:
            if x.id < y.id and rows[x.id] == rows[y.id]:
                assert x.end < y.start or y.end < x.start, (x, y)


def test_lanes_are_the_departments_then_a_shared_one():
    deps = [Department("mkt", "Marketing"), Department("sal", "Sales")]
    assert B.lanes(deps) == ["mkt", "sal", None]
    odd = Milestone("x", "x", "2027-01", "2027-01", lane="gone")
    assert B.lane_of(odd, deps) is None
    assert B.lane_of(Milestone("y", "y", "2027-01", "2027-01", lane="sal"), deps) == "sal"


def test_agreed_improvements_without_a_milestone_are_listed():
    imps = [Improvement("i1", "One", status="agreed"), Improvement("i2", "Two", status="agreed"),
            Improvement("i3", "Three", status="proposed"), Improvement("i4", "Four",
                                                                       status="agreed")]
    milestones = [Milestone("m", "m", "2027-01", "2027-02", improvement="i2")]
    assert [i.id for i in B.without_milestone(imps, milestones)] == ["i1", "i4"]
    assert B.without_milestone(imps[:2], milestones + [
        Milestone("n", "n", "2027-01", "2027-02", improvement="i1")]) == []


# -- measures -----------------------------------------------------------------------------------

def test_a_measure_without_an_owner_is_flagged_first():
    people = {"p1": Participant("p1", "Ann")}
    whole = Measure("k", "NPS", "points", 12.0, 40.0, "2028-12-31", "p1")
    assert B.measure_problems(whole, people) == []
    assert not B.needs_owner(whole)
    nobody = Measure("k", "NPS", "points", 12.0, 40.0, "2028-12-31", None)
    assert B.needs_owner(nobody)
    assert B.measure_problems(nobody, people) == ["Nobody owns this measure yet."]
    gone = Measure("k", "NPS", "points", 12.0, 40.0, "2028-12-31", "p9")
    assert B.measure_problems(gone, people) == ["Its owner is no longer a participant."]
    bare = Measure("k", "Churn")
    assert B.measure_problems(bare, people) == [
        "Nobody owns this measure yet.", "The baseline (where it stands today) is missing.",
        "The target is missing.", "It has no date by which to reach the target."]
    same = Measure("k", "Churn", "%", 8.0, 8.0, "2028-12-31", "p1")
    assert B.measure_problems(same, people) == [
        "The target equals the baseline, so success would change nothing."]


def test_a_measure_goes_up_or_down():
    assert B.direction(Measure("k", "NPS", baseline=12.0, target=40.0)) == "up"
    assert B.direction(Measure("k", "Calls", baseline=42.0, target=25.0)) == "down"
    assert B.direction(Measure("k", "Calls", baseline=42.0)) is None
    assert B.direction(Measure("k", "Calls", baseline=4.0, target=4.0)) is None


def test_figures_are_written_as_people_write_them():
    assert B.number_text(42.0) == "42"
    assert B.number_text(23.5) == "23.5"
    assert B.number_text(-3.0) == "-3"
    assert B.number_text(None) == "—"
    assert B.number_text(0.125) == "0.125"
    # never rounded: a field showing a figure can be left without changing what is kept
    assert B.number_text(1234.5678) == "1234.5678"
    assert B.number_text(2500000.25) == "2500000.25"
    assert B.number_text(0.00001) == "0.00001"
    assert B.number_text(1e15) == "1000000000000000" and B.number_text(1e300) == "1e+300"


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_a_shown_figure_reads_back_as_the_same_number(value):
    assert B.parse_figure(B.number_text(value)) == value


def test_figures_typed_by_people_are_read():
    assert B.parse_figure("1,200") == 1200.0
    assert B.parse_figure("1,234,567.5") == 1234567.5
    assert B.parse_figure("2,5") == 2.5  # a decimal comma
    assert B.parse_figure(" -3 ") == -3.0
    assert B.parse_figure("1 200") == 1200.0
    assert B.parse_figure(".5") == 0.5
    assert B.parse_figure("1e+16") == 1e16
    for text in ("", "about ten", "1_000", "nan", "inf", "1,2,3", "12%", "0x10", "1 2",
                 "1 20"):
        assert B.parse_figure(text) is None, text
