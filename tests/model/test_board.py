"""The board's geometry: lanes, where a captured note lands, how "arrange" lays a board out, and
the barrier summary. Plain functions, so the facts the canvas draws are checked without Qt."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from cxworkshop import model as m
from cxworkshop.model import board as B
from cxworkshop.model import vocabulary as V

DEPARTMENTS = [
    m.Department("d-sales", "Sales", "#E69F00"),
    m.Department("d-ops", "Operations", "#56B4E9"),
    m.Department("d-it", "IT"),
]


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


# -- lanes ------------------------------------------------------------------------------------


def test_department_lanes_follow_setup_order_and_end_with_no_department():
    lanes = B.department_lanes(DEPARTMENTS, 3)
    assert [(lane.key, lane.title, lane.colour) for lane in lanes] == [
        ("d-sales", "Sales", "#E69F00"), ("d-ops", "Operations", "#56B4E9"), ("d-it", "IT", None),
        (B.NO_DEPARTMENT, "No department", None)]
    assert lanes[0].x == 0.0
    for left, right in zip(lanes, lanes[1:], strict=False):
        assert right.x == left.x + left.width + B.LANE_GAP  # side by side, never overlapping


def test_a_board_without_departments_still_has_a_lane():
    lanes = B.department_lanes([], 0)
    assert [(lane.key, lane.title) for lane in lanes] == [(B.NO_DEPARTMENT, "No department")]


def test_dimension_lanes():
    lanes = B.dimension_lanes(0)
    assert [lane.key for lane in lanes] == [*V.DIMENSIONS, B.NO_DEPARTMENT]
    assert [lane.title for lane in lanes] == ["People", "Process", "Technology", "No dimension"]


def test_a_lane_is_as_wide_as_its_cells():
    lane = B.department_lanes(DEPARTMENTS, 0)[0]
    assert lane.columns == 2
    assert lane.width == 2 * B.NOTE_W + B.GAP  # two notes and the gap between them


def test_lanes_are_two_columns_for_a_workshop_and_grow_for_big_lanes():
    assert [B.lane_columns(n) for n in (0, 1, 6, 12)] == [2, 2, 2, 2]
    assert B.lane_columns(13) == 3
    assert B.lane_columns(300) == 10
    assert B.lane_columns(10_000) == 58
    widths = [B.lane_columns(n) for n in range(0, 2000)]
    assert widths == sorted(widths)  # more notes never make lanes narrower
    for n in range(1, 2000):
        rows = math.ceil(n / B.lane_columns(n))
        assert rows <= 3 * B.lane_columns(n) + 1  # a big lane stays roughly square, not a tower
    lanes = B.department_lanes(DEPARTMENTS, 100)
    assert {lane.columns for lane in lanes} == {B.lane_columns(100)}
    assert lanes[1].x == lanes[0].width + B.LANE_GAP


def test_lanes_widen_so_the_widest_note_fits():
    assert B.lane_columns(0, widest=B.NOTE_W) == 2
    assert B.lane_columns(0, widest=2 * B.CELL_W - B.GAP) == 2
    assert B.lane_columns(0, widest=2 * B.CELL_W - B.GAP + 1) == 3
    lanes = B.department_lanes(DEPARTMENTS, 3, widest=900.0)
    assert all(lane.width >= 900.0 for lane in lanes)
    assert all(lane.width >= 900.0 for lane in B.dimension_lanes(3, widest=900.0))


def test_a_big_note_takes_the_room_it_needs_when_arranged():
    notes = [_note(0, "d-sales"), _note(1, "d-sales", w=500.0, h=300.0), _note(2, "d-sales"),
             _note(3, "d-ops")]
    lanes, places = B.arrange(notes, DEPARTMENTS, "departments")
    assert lanes[0].width >= 500.0
    assert places["n-0"] == B.cell(lanes[0], 0)
    assert places["n-1"][0] == lanes[0].x and places["n-1"][1] >= B.CELL_H  # a row of its own
    assert places["n-2"][1] >= places["n-1"][1] + 300.0 + B.GAP  # and the next note below it
    assert places["n-3"] == B.cell(lanes[1], 0)


def test_cells_fill_a_lane_row_by_row():
    lane = B.department_lanes(DEPARTMENTS, 0)[1]
    assert [B.cell(lane, i) for i in range(5)] == [
        (lane.x, 0.0), (lane.x + B.CELL_W, 0.0),
        (lane.x, B.CELL_H), (lane.x + B.CELL_W, B.CELL_H),
        (lane.x, 2 * B.CELL_H)]


# -- where a captured note lands -----------------------------------------------------------------


def test_an_empty_lane_takes_a_note_at_its_top_left():
    lane = B.department_lanes(DEPARTMENTS, 0)[2]
    assert B.free_spot(lane, []) == (lane.x, B.LANE_TOP)


def test_free_spot_skips_occupied_cells_row_by_row():
    lane = B.department_lanes(DEPARTMENTS, 0)[1]
    taken = [(*B.cell(lane, i), B.NOTE_W, B.NOTE_H) for i in range(3)]
    assert B.free_spot(lane, taken) == B.cell(lane, 3)
    assert B.free_spot(lane, taken[1:]) == B.cell(lane, 0)  # a hole is filled first
    assert B.free_spot(lane, [taken[0], taken[2]]) == B.cell(lane, 1)


def test_a_partial_overlap_takes_a_cell_too():
    lane = B.department_lanes(DEPARTMENTS, 0)[0]
    # a corner poking into the first cell's bottom right
    assert B.free_spot(lane, [(B.NOTE_W - 5, B.NOTE_H - 5, 4, 4)]) == B.cell(lane, 1)
    # a bigger one reaching into the next cell and the next row takes all four
    assert B.free_spot(lane, [(B.NOTE_W - 5, B.NOTE_H - 5, 50, 50)]) == B.cell(lane, 4)
    # a note dropped across the gap between the first two cells takes both
    assert B.free_spot(lane, [(B.NOTE_W - 10, 30, 40, 20)]) == B.cell(lane, 2)
    # a note half way down, across the first two rows of the first column
    assert B.free_spot(lane, [(0, B.NOTE_H - 1, 10, 30), (B.CELL_W, 0, 10, 10)]) == B.cell(lane, 3)


def test_what_sits_only_in_the_gaps_or_outside_the_lane_takes_nothing():
    lane = B.department_lanes(DEPARTMENTS, 0)[1]
    in_the_gap = (lane.x + B.NOTE_W + 2, 0.0, B.GAP - 4, 500.0)
    above = (lane.x, -300.0, 400.0, 300.0 + B.LANE_TOP)
    left_lane = (lane.x - B.LANE_GAP - 100, 0.0, 100.0, 100.0)
    right_lane = (lane.x + lane.width + 1, 0.0, 100.0, 100.0)
    assert B.free_spot(lane, [in_the_gap, above, left_lane, right_lane]) == B.cell(lane, 0)


def test_a_frame_around_the_top_of_a_lane_pushes_a_note_below_it():
    lane = B.department_lanes(DEPARTMENTS, 0)[0]
    frame = (-24.0, -80.0, 460.0, 3 * B.CELL_H + 50)  # reaches into the third row
    assert B.free_spot(lane, [frame]) == B.cell(lane, 3 * lane.columns)


def test_a_bigger_note_finds_a_spot_where_all_of_it_is_free():
    lane = B.department_lanes(DEPARTMENTS, 0)[0]
    taken = [(B.CELL_W, 0.0, B.NOTE_W, B.NOTE_H)]  # the second cell of the first row
    spot = B.free_spot(lane, taken, w=300.0, h=B.NOTE_H)
    assert not overlap((*spot, 300.0, B.NOTE_H), taken[0])
    assert spot == B.cell(lane, 2)
    tall = B.free_spot(lane, [(0.0, B.CELL_H, B.NOTE_W, B.NOTE_H)], w=B.NOTE_W, h=200.0)
    assert tall == B.cell(lane, 1)


rects = st.tuples(
    st.floats(-300, 1200, allow_nan=False), st.floats(-300, 1200, allow_nan=False),
    st.floats(1, 500, allow_nan=False), st.floats(1, 500, allow_nan=False))


@settings(max_examples=300, deadline=None)
@given(taken=st.lists(rects, max_size=12), lane_index=st.integers(0, 3), most=st.integers(0, 40),
       w=st.floats(20, 400), h=st.floats(20, 300))
def test_free_spot_is_the_first_cell_that_overlaps_nothing(taken, lane_index, most, w, h):
    lane = B.department_lanes(DEPARTMENTS, most)[lane_index]
    shifted = [(x + lane.x, y, rw, rh) for x, y, rw, rh in taken]
    spot = B.free_spot(lane, shifted, w, h)
    index = next(i for i in range(10_000) if B.cell(lane, i) == spot)  # it is a cell of the lane
    assert not any(overlap((*spot, w, h), r) for r in shifted)
    for earlier in range(index):
        assert any(overlap((*B.cell(lane, earlier), w, h), r) for r in shifted)


# Notes sitting in cells, as most do on a real board (placed by capture or by arrange); they take
# the quick path through free_spot, which must agree with the general one.
in_cells = st.tuples(st.integers(-2, 8), st.integers(-2, 12),
                     st.sampled_from([B.NOTE_W, B.CELL_W, 60.0, B.NOTE_W + 1]),
                     st.sampled_from([B.NOTE_H, B.CELL_H, 40.0, B.CELL_H + 1]))


@settings(max_examples=300, deadline=None)
@given(taken=st.lists(in_cells, max_size=30), loose=st.lists(rects, max_size=3),
       lane_index=st.integers(0, 3), most=st.integers(0, 40),
       size=st.sampled_from([(B.NOTE_W, B.NOTE_H), (B.CELL_W, B.CELL_H), (100.0, 80.0),
                             (B.CELL_W + 1, B.NOTE_H)]))
def test_free_spot_among_notes_in_cells(taken, loose, lane_index, most, size):
    lane = B.department_lanes(DEPARTMENTS, most)[lane_index]
    w, h = size
    shifted = [(lane.x + c * B.CELL_W, B.LANE_TOP + r * B.CELL_H, rw, rh) for c, r, rw, rh in taken]
    shifted += [(x + lane.x, y, rw, rh) for x, y, rw, rh in loose]
    spot = B.free_spot(lane, shifted, w, h)
    index = next(i for i in range(10_000) if B.cell(lane, i) == spot)
    assert not any(overlap((*spot, w, h), r) for r in shifted)
    for earlier in range(index):
        assert any(overlap((*B.cell(lane, earlier), w, h), r) for r in shifted)


# -- arranging ------------------------------------------------------------------------------------


def _note(i: int, department=None, dimension=None, kind="challenge", w=B.NOTE_W, h=B.NOTE_H) -> m.Note:
    return m.Note(f"n-{i}", f"note {i}", kind, department, dimension, x=37.0 * i, y=-11.0 * i,
                  w=w, h=h)


notes_strategy = st.lists(
    st.tuples(st.sampled_from([None, "d-sales", "d-ops", "d-it", "d-gone"]),
              st.sampled_from([None, *V.DIMENSIONS]), st.sampled_from(V.NOTE_KINDS),
              st.one_of(st.floats(20, B.NOTE_W), st.floats(20, 900)),
              st.one_of(st.floats(20, B.NOTE_H), st.floats(20, 600))),
    max_size=60,
).map(lambda specs: [_note(i, d, dim, k, w, h) for i, (d, dim, k, w, h) in enumerate(specs)])


def _check_arrangement(notes, departments, by) -> None:
    lanes, places = B.arrange(notes, departments, by)
    assert set(places) == {n.id for n in notes}
    assert B.arrange(notes, departments, by) == (lanes, places)  # the same board, the same layout
    by_key = {lane.key: lane for lane in lanes}
    known = {d.id for d in departments}
    boxes = []
    for n in notes:
        if by == "departments":
            key = n.department if n.department in known else B.NO_DEPARTMENT
        else:
            key = n.dimension or B.NO_DEPARTMENT
        lane = by_key[key]
        x, y = places[n.id]
        assert lane.x <= x and x + n.w <= lane.x + lane.width, (n, lane)
        assert y >= B.LANE_TOP
        boxes.append((x, y, n.w, n.h))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not overlap(a, b), (a, b)


@settings(max_examples=150, deadline=None)
@given(notes=notes_strategy, by=st.sampled_from(["departments", "dimensions"]))
def test_arrange_puts_every_note_in_its_lane_and_none_on_another(notes, by):
    _check_arrangement(notes, DEPARTMENTS, by)


def test_arranging_a_big_board_keeps_lanes_squarish():
    notes = [_note(i, "d-sales", "people") for i in range(400)]
    lanes, places = B.arrange(notes, DEPARTMENTS, "departments")
    assert lanes[0].columns == B.lane_columns(400)
    bottom = max(y for _x, y in places.values()) + B.NOTE_H
    assert bottom < 3 * lanes[0].width


def test_arrange_orders_a_lane_by_kind_then_department_then_dimension():
    notes = [
        _note(0, "d-it", "technology", "idea"),
        _note(1, "d-sales", "technology", "barrier"),
        _note(2, None, None, "challenge"),
        _note(3, "d-ops", "people", "barrier"),
        _note(4, "d-sales", "people", "barrier"),
        _note(5, "d-it", None, "challenge"),
    ]
    lanes, places = B.arrange(notes, DEPARTMENTS, "dimensions")
    technology = next(lane for lane in lanes if lane.key == "technology")
    assert places["n-1"] == B.cell(technology, 0)  # the barrier before the idea
    assert places["n-0"] == B.cell(technology, 1)
    people = next(lane for lane in lanes if lane.key == "people")
    assert places["n-4"] == B.cell(people, 0)  # Sales comes before Operations in Setup
    assert places["n-3"] == B.cell(people, 1)
    none = next(lane for lane in lanes if lane.key == B.NO_DEPARTMENT)
    assert places["n-5"] == B.cell(none, 0)  # IT before no department
    assert places["n-2"] == B.cell(none, 1)


def test_arrange_by_department_sends_unknown_and_missing_departments_to_the_last_lane():
    notes = [_note(0, "d-gone"), _note(1, None), _note(2, "d-ops")]
    lanes, places = B.arrange(notes, DEPARTMENTS, "departments")
    last = lanes[-1]
    assert last.key == B.NO_DEPARTMENT
    assert {places["n-0"], places["n-1"]} == {B.cell(last, 0), B.cell(last, 1)}
    assert places["n-2"] == B.cell(lanes[1], 0)


def test_arrange_refuses_an_unknown_layout():
    import pytest

    with pytest.raises(ValueError):
        B.arrange([], DEPARTMENTS, "colours")


# -- the barrier summary --------------------------------------------------------------------------


def test_summarise_counts_notes_by_department_and_dimension():
    notes = [
        _note(0, "d-sales", "people"), _note(1, "d-sales", "people", "barrier"),
        _note(2, "d-sales", "process"), _note(3, "d-ops", "people"),
        _note(4, None, "technology"), _note(5, "d-it", None), _note(6, None, None, "idea"),
    ]
    s = B.summarise(notes, [])
    assert s.count("d-sales", "people") == 2
    assert s.count("d-sales", "process") == 1
    assert s.count("d-sales", "technology") == 0
    assert s.count(None, "technology") == 1
    assert s.count("d-it", None) == 1
    assert s.count(None, None) == 1
    assert s.row_total("d-sales") == 3
    assert s.row_total(None) == 2
    assert s.column_total("people") == 3
    assert s.column_total(None) == 2
    assert sum(s.counts.values()) == len(notes)
    only_barriers = B.summarise(notes, [], kinds=("barrier",))
    assert only_barriers.counts == {("d-sales", "people"): 1}


def test_summarise_lists_only_links_between_two_different_departments():
    notes = [_note(0, "d-sales"), _note(1, "d-ops"), _note(2, "d-sales"), _note(3, None),
             _note(4, "d-it")]
    links = [
        m.Link("l-cross", "n-0", "n-1"),  # Sales → Operations
        m.Link("l-same", "n-0", "n-2"),  # within Sales
        m.Link("l-from-none", "n-3", "n-1"),  # no department on one end
        m.Link("l-to-none", "n-4", "n-3"),
        m.Link("l-back", "n-1", "n-2"),  # Operations → Sales
        m.Link("l-dangling", "n-0", "n-99"),
    ]
    assert [link.id for link in B.summarise(notes, links).crossing] == ["l-cross", "l-back"]


def test_summarise_an_empty_board():
    s = B.summarise([], [])
    assert s.counts == {} and s.crossing == []
    assert s.count("d-sales", "people") == 0 and s.row_total(None) == 0


# -- initials -------------------------------------------------------------------------------------


def test_initials():
    assert B.initials("Customer Care") == "CC"
    assert B.initials("Sales") == "SAL"
    assert B.initials("IT") == "IT"
    assert B.initials("Billing & Finance") == "BF"
    assert B.initials("IT & Digital") == "ID"
    assert B.initials("Field Installations and Repairs Team") == "FIA"
    assert B.initials("e-commerce") == "EC"
    assert B.initials("  marketing  ") == "MAR"
    assert B.initials("") == ""
    assert B.initials(" & - ") == ""
