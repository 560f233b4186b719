"""The Discover board's verbs: each change is in the file when the op returns, each refusal is
one sentence and writes nothing, captured notes find a clear place in their lane, arranging
and restoring the board puts every note back, and undoing the returned batches in reverse gives
back exactly the file from before (the board's own tables included)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cxworkshop import model as m
from cxworkshop import ops
from cxworkshop.model import board as B
from cxworkshop.model import rules
from cxworkshop.ops import discover as D
from cxworkshop.ops.batch import Dropped, Inserted, Updated
from cxworkshop.store import Session, SessionFileError, create_file

from ..model.samples import full_workshop
from .boards import demo_workshop, dump, frame_rects, note_rects, overlap, refused, rows


class Board:
    """A session on a file, which a test can close and open afresh to see what is on disk."""

    def __init__(self, path: Path):
        self.path = path
        self.s = Session.open(path)

    def reopen(self) -> Session:
        self.s.close()
        self.s = Session.open(self.path)
        return self.s

    def note(self, oid: str) -> dict:
        found = rows(self.s.conn, "SELECT * FROM note WHERE id = ?", (oid,))
        return found[0] if found else None

    def arrangement_on_disk(self) -> str:
        return D.arrangement(self.reopen())


@pytest.fixture
def full(tmp_path):
    board = Board(create_file(tmp_path / "full.cxw", full_workshop()))
    yield board
    board.s.close()


@pytest.fixture
def demo(tmp_path):
    board = Board(create_file(tmp_path / "demo.cxw", demo_workshop()))
    yield board
    board.s.close()




def lane_of(session: Session, key: str | None) -> B.Lane:
    return next(lane for lane in D.lanes(session) if lane.key == (key or B.NO_DEPARTMENT))


def inside(rect, lane: B.Lane) -> bool:
    x, y, w, _h = rect
    return lane.x <= x and x + w <= lane.x + lane.width and y >= B.LANE_TOP


def assert_clear(session: Session, oid: str) -> None:
    """The note `oid` lies on no other note and on no cluster frame."""
    notes = note_rects(session.conn)
    mine = notes.pop(oid)
    for other, rect in notes.items():
        assert not overlap(mine, rect), f"{oid} {mine} lies on {other} {rect}"
    for frame, rect in frame_rects(session.conn).items():
        assert not overlap(mine, rect), f"{oid} {mine} lies on cluster {frame} {rect}"


# -- notes ------------------------------------------------------------------------------------------


def test_a_captured_note_is_in_the_file_in_its_departments_lane(full):
    batch = D.add_note(full.s, "  Quotes take a week ", "d-ops", "barrier", "people", "p-bob")
    assert len(batch.created) == 1
    oid = batch.created[0]
    assert [type(step) for step in batch.steps] == [Inserted]
    s = full.reopen()
    note = full.note(oid)
    assert (note["text"], note["kind"], note["department"], note["dimension"], note["author"],
            note["cluster"], note["pos"]) == (
        "Quotes take a week", "barrier", "d-ops", "people", "p-bob", None, 3)
    assert (note["w"], note["h"]) == (B.NOTE_W, B.NOTE_H)
    assert inside((note["x"], note["y"], note["w"], note["h"]), lane_of(s, "d-ops"))
    assert_clear(s, oid)
    # n-2 (x 300 to 500) reaches into the first cell of the Operations lane
    assert (note["x"], note["y"]) == B.cell(lane_of(s, "d-ops"), 1)
    assert s.load().discover.notes[3].text == "Quotes take a week"


def test_a_captured_note_keeps_clear_of_a_cluster_frame(full):
    oid = D.add_note(full.s, "Billing errors", "d-sales").created[0]
    s = full.reopen()
    note = full.note(oid)
    assert note["cluster"] is None
    assert_clear(s, oid)  # the Billing frame covers the first three rows of the Sales lane
    assert (note["x"], note["y"]) == B.cell(lane_of(s, "d-sales"), 3 * 2)


def test_a_note_without_a_department_goes_to_the_last_lane(full):
    oid = D.add_note(full.s, "Nobody owns this").created[0]
    s = full.reopen()
    note = full.note(oid)
    assert inside((note["x"], note["y"], note["w"], note["h"]), D.lanes(s)[-1])
    assert D.lanes(s)[-1].title == "No department"


def test_fifty_captures_in_a_row_each_find_a_clear_spot_in_their_lane(demo):
    s = demo.s
    rng = random.Random(5)
    departments = [d.id for d in s.load().departments] + [None]
    created = []
    for i in range(50):
        department = departments[i % 3] if i < 30 else rng.choice(departments)  # one lane fills up
        lane = lane_of(s, department)
        spot = D.free_spot(s, department)
        oid = D.add_note(s, f"capture {i}", department, rng.choice(m.vocabulary.NOTE_KINDS),
                         rng.choice([None, *m.vocabulary.DIMENSIONS])).created[0]
        note = demo.note(oid)
        assert (note["x"], note["y"]) == spot
        assert inside((note["x"], note["y"], note["w"], note["h"]), lane), (i, note, lane)
        assert note["cluster"] is None
        assert_clear(s, oid)
        created.append(oid)
    s = demo.reopen()
    assert [n.id for n in s.load().discover.notes][-50:] == created
    rects = list(note_rects(s.conn).values())
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not overlap(a, b)
    assert D.lanes(s)[0].columns > 2  # the fullest lane grew wider instead of into a tower


def test_a_bigger_note_also_lands_clear(full):
    oid = D.add_note(full.s, "A long story", "d-ops", w=400.0, h=300.0).created[0]
    s = full.reopen()
    assert_clear(s, oid)
    note = full.note(oid)
    assert inside((note["x"], note["y"], note["w"], note["h"]), lane_of(s, "d-ops"))


def test_a_note_placed_inside_a_frame_joins_that_cluster(full):
    inner = D.add_note(full.s, "Placed", x=150.0, y=100.0).created[0]
    outer = D.add_note(full.s, "Far away", x=2000.0, y=2000.0).created[0]
    full.reopen()
    assert full.note(inner)["cluster"] == "c-1"
    assert (full.note(inner)["x"], full.note(inner)["y"]) == (150.0, 100.0)
    assert full.note(outer)["cluster"] is None


def test_add_note_takes_every_detail(full):
    oid = D.add_note(full.s, "Private", "d-it", "idea", None, None, x=-50.0, y=-60.5, w=90.0,
                     h=70.0, color="#0072B2", private=True, id="n-mine").created[0]
    assert oid == "n-mine"
    full.reopen()
    assert full.s.load().discover.notes[-1] == m.Note(
        "n-mine", "Private", "idea", "d-it", None, None, None, -50.0, -60.5, 90.0, 70.0,
        "#0072B2", True)


@pytest.mark.parametrize(("args", "kwargs", "words"), [
    (("",), {}, "cannot be empty"),
    (("   ",), {}, "cannot be empty"),
    ((42,), {}, "must be text"),
    (("x", "d-gone"), {}, 'no department "d-gone"'),
    (("x", None, "worry"), {}, "not a kind of note"),
    (("x", None, "idea", "money"), {}, "not a dimension"),
    (("x", None, "idea", None, "p-zed"), {}, 'no participant "p-zed"'),
    (("x",), {"color": "blue"}, "not a colour"),
    (("x",), {"w": 0.0}, "more than zero"),
    (("x",), {"h": -5.0}, "more than zero"),
    (("x",), {"x": float("nan"), "y": 0.0}, "must be a number"),
    (("x",), {"x": 1.0, "y": float("inf")}, "must be a number"),
    (("x",), {"id": "d-sales"}, "already used"),
    (("x",), {"id": "n-1"}, "already used"),
])
def test_add_note_refusals_write_nothing(full, args, kwargs, words):
    assert words in refused(full.s, D.add_note, *args, **kwargs)


def test_edit_note(full):
    batch = D.edit_note(full.s, "n-1", text=" Invoices are very late ", kind="barrier",
                        department="d-ops", dimension=None, author=None, color="#D55E00",
                        private=True)
    assert [type(step) for step in batch.steps] == [Updated]
    full.reopen()
    note = full.s.load().discover.notes[0]
    assert note == m.Note("n-1", "Invoices are very late", "barrier", "d-ops", None, None, "c-1",
                          10.0, 20.0, 180.0, 120.0, "#D55E00", True)


def test_editing_a_note_to_what_it_already_says_is_no_step(full):
    assert not D.edit_note(full.s, "n-1", text="Invoices are late", kind="challenge")
    assert not D.edit_note(full.s, "n-1")


@pytest.mark.parametrize(("note", "values", "words"), [
    ("n-99", {"text": "x"}, 'no note "n-99"'),
    ("c-1", {"text": "x"}, 'no note "c-1"'),
    ("n-1", {"text": " "}, "cannot be empty"),
    ("n-1", {"kind": None}, "not a kind of note"),
    ("n-1", {"department": "d-gone"}, 'no department "d-gone"'),
    ("n-1", {"x": 5.0}, "no detail called 'x'"),
    ("n-1", {"cluster": None}, "no detail called 'cluster'"),
    ("n-1", {"text": "fine", "color": "#12345"}, "not a colour"),  # nothing of it is written
])
def test_edit_note_refusals_write_nothing(full, note, values, words):
    assert words in refused(full.s, D.edit_note, note, **values)


# -- moving -----------------------------------------------------------------------------------------


def test_dropping_a_note_into_a_frame_makes_it_a_member_and_out_of_it_clears_that(full):
    D.move_items(full.s, {"n-3": (1000.0, 1000.0)})  # far away from every frame
    full.reopen()
    assert (full.note("n-3")["x"], full.note("n-3")["y"], full.note("n-3")["cluster"]) == (
        1000.0, 1000.0, None)
    D.move_items(full.s, {"n-3": (150.0, 150.0)})
    full.reopen()
    assert full.note("n-3")["cluster"] == "c-1"
    D.move_items(full.s, {"n-1": (600.0, 600.0)})
    full.reopen()
    assert full.note("n-1")["cluster"] is None
    assert full.s.load().discover.clusters[0] == m.Cluster("c-1", "Billing", 0.0, 0.0, 400.0,
                                                           300.0)


def test_a_note_half_over_a_frame_belongs_where_its_centre_is(full):
    D.move_items(full.s, {"n-3": (300.0, 100.0)})  # centre (390, 160): inside, near the edge
    D.move_items(full.s, {"n-2": (320.0, 100.0)})  # centre (420, 150): outside
    full.reopen()
    assert full.note("n-3")["cluster"] == "c-1"
    assert full.note("n-2")["cluster"] is None


def test_a_note_dropped_where_frames_overlap_joins_the_topmost(full):
    top = D.add_cluster(full.s, "On top", rect=(200.0, 100.0, 400.0, 400.0)).created[0]
    D.move_items(full.s, {"n-3": (250.0, 150.0), "n-2": (20.0, 20.0)})
    full.reopen()
    assert full.note("n-3")["cluster"] == top  # (340, 210) lies in both frames
    assert full.note("n-2")["cluster"] == "c-1"  # (120, 70) only in the lower one


def test_moving_a_frame_moves_its_notes_and_only_them(full):
    batch = D.move_items(full.s, {"c-1": (500.0, 50.0)})
    full.reopen()
    w = full.s.load()
    cluster = w.discover.clusters[0]
    assert (cluster.x, cluster.y, cluster.w, cluster.h) == (500.0, 50.0, 400.0, 300.0)
    n1, n2, n3 = w.discover.notes
    assert (n1.x, n1.y, n1.cluster) == (510.0, 70.0, "c-1")  # the member came along
    assert (n2.x, n2.y) == (300.0, 20.0)
    assert (n3.x, n3.y, n3.cluster) == (0.0, 0.0, None)  # under the old frame but not a member
    assert len(batch.steps) == 2
    assert ("note", {"id": "n-1"}) in batch.touched()


def test_a_note_moved_with_its_frame_goes_where_it_was_put(full):
    D.move_items(full.s, {"c-1": (500.0, 50.0), "n-1": (700.0, 200.0)})
    full.reopen()
    assert (full.note("n-1")["x"], full.note("n-1")["y"], full.note("n-1")["cluster"]) == (
        700.0, 200.0, "c-1")


def test_moving_many_items_is_one_step(demo):
    first = dump(demo.s.conn)
    places = {n.id: (n.x + 1000.0, n.y + 7.5) for n in demo.s.load().discover.notes}
    batch = D.move_items(demo.s, places)
    assert len(batch.steps) == len(places)
    demo.reopen()
    assert all((demo.note(oid)["x"], demo.note(oid)["y"]) == xy for oid, xy in places.items())
    ops.undo_batch(demo.s, batch)
    assert dump(demo.reopen().conn) == first


@pytest.mark.parametrize(("places", "words"), [
    ({"n-99": (0.0, 0.0)}, 'nothing called "n-99"'),
    ({"n-1": (5.0, 5.0), "l-1": (0.0, 0.0)}, 'nothing called "l-1"'),  # a link has no place
    ({"n-1": (5.0, 5.0), "n-2": (float("nan"), 0.0)}, "must be a number"),
    ({"c-1": ("left", 0.0)}, "must be a number"),
])
def test_move_refusals_write_nothing(full, places, words):
    assert words in refused(full.s, D.move_items, places)


def test_set_frame_regroups_the_notes_it_holds_without_moving_them(full):
    notes_before = note_rects(full.s.conn)
    D.set_frame(full.s, "c-1", 0.0, 0.0, 600.0, 300.0)  # now reaches n-2's centre (400, 70)
    full.reopen()
    assert [n.cluster for n in full.s.load().discover.notes] == ["c-1", "c-1", "c-1"]
    D.set_frame(full.s, "c-1", 250.0, -10.0, 300.0, 200.0)  # only n-2 is left inside
    full.reopen()
    assert [n.cluster for n in full.s.load().discover.notes] == [None, "c-1", None]
    assert note_rects(full.s.conn) == notes_before
    assert frame_rects(full.s.conn) == {"c-1": (250.0, -10.0, 300.0, 200.0)}


@pytest.mark.parametrize(("args", "words"), [
    (("c-9", 0.0, 0.0, 10.0, 10.0), 'no cluster "c-9"'),
    (("n-1", 0.0, 0.0, 10.0, 10.0), 'no cluster "n-1"'),
    (("c-1", 0.0, 0.0, 0.0, 10.0), "more than zero"),
    (("c-1", 0.0, 0.0, 10.0, float("nan")), "must be a number"),
])
def test_set_frame_refusals_write_nothing(full, args, words):
    assert words in refused(full.s, D.set_frame, *args)


# -- deleting and duplicating -------------------------------------------------------------------


def test_deleting_a_note_takes_its_links_and_its_place_in_improvements(full):
    first = dump(full.s.conn)
    batch = D.delete_items(full.s, ["n-1"])
    w = full.reopen().load()
    assert [n.id for n in w.discover.notes] == ["n-2", "n-3"]
    assert w.discover.links == []
    assert w.priorities.improvements[0].notes == ["n-2"]
    assert {("note", "n-1"), ("link", "l-1")} <= {(t, k.get("id")) for t, k in batch.touched()}
    ops.undo_batch(full.s, batch)
    assert dump(full.reopen().conn) == first


def test_deleting_a_note_while_arranged_takes_its_saved_free_place(full):
    D.arrange(full.s, "departments")
    assert rows(full.s.conn, "SELECT * FROM free_layout WHERE note = 'n-1'") == [
        {"note": "n-1", "x": 10.0, "y": 20.0}]
    arranged = dump(full.s.conn)
    batch = D.delete_items(full.s, ["n-1"])
    s = full.reopen()
    assert [r["note"] for r in rows(s.conn, "SELECT note FROM free_layout ORDER BY note")] == [
        "n-2", "n-3"]
    ops.undo_batch(s, batch)
    assert dump(full.reopen().conn) == arranged
    D.arrange(full.s, "free")
    assert note_rects(full.reopen().conn)["n-1"] == (10.0, 20.0, 180.0, 120.0)


def test_deleting_a_cluster_leaves_its_notes(full):
    D.delete_items(full.s, ["c-1"])
    w = full.reopen().load()
    assert w.discover.clusters == []
    assert [(n.id, n.cluster, n.x, n.y) for n in w.discover.notes] == [
        ("n-1", None, 10.0, 20.0), ("n-2", None, 300.0, 20.0), ("n-3", None, 0.0, 0.0)]


def test_deleting_a_link_leaves_its_notes(full):
    D.delete_items(full.s, ["l-1"])
    w = full.reopen().load()
    assert w.discover.links == [] and len(w.discover.notes) == 3


def test_deleting_a_mixed_selection_is_one_step(demo):
    first = dump(demo.s.conn)
    batch = D.delete_items(demo.s, ["l-3", "n-s1", "c-data", "n-d1", "l-1", "n-s1"])
    w = demo.reopen().load()
    assert {"n-s1", "n-d1"}.isdisjoint(n.id for n in w.discover.notes)
    assert [c.id for c in w.discover.clusters] == ["c-promise", "c-install", "c-firstbill"]
    assert [link.id for link in w.discover.links] == ["l-4", "l-7", "l-8", "l-9", "l-10"]
    assert [n.cluster for n in w.discover.notes if n.id in ("n-b1", "n-d2")] == [None, None]
    rules.check(w)
    ops.undo_batch(demo.s, batch)
    assert dump(demo.reopen().conn) == first


def test_a_delete_with_one_unknown_id_deletes_nothing(full):
    assert 'nothing called "n-99"' in refused(full.s, D.delete_items, ["n-1", "n-99"])


def test_duplicating_notes_copies_them_and_the_links_between_them(full):
    batch = D.duplicate_notes(full.s, ["n-2", "n-1", "n-2"])
    a, b = batch.created
    w = full.reopen().load()
    notes = {n.id: n for n in w.discover.notes}
    assert [n.id for n in w.discover.notes] == ["n-1", "n-2", "n-3", a, b]  # in board order
    assert notes[a] == m.Note(a, "Invoices are late", "challenge", "d-sales", "process", "p-ann",
                              "c-1", 34.0, 44.0)
    assert notes[b] == m.Note(b, "Old CRM", "barrier", "d-it", "technology", "p-bob", None,
                              324.0, 44.0, 200.0, 100.0, "#FFFFFF", True)
    assert [(lk.source, lk.target, lk.label) for lk in w.discover.links] == [
        ("n-1", "n-2", "causes"), (a, b, "causes")]
    assert all(a not in i.notes and b not in i.notes for i in w.priorities.improvements)
    rules.check(w)


def test_duplicating_one_note_copies_no_link(full):
    batch = D.duplicate_notes(full.s, ["n-1"], dx=1000.0, dy=0.0)
    (copy,) = batch.created
    w = full.reopen().load()
    assert len(w.discover.links) == 1
    assert full.note(copy)["cluster"] is None  # it was put down outside the frame


def test_duplicate_refusal_writes_nothing(full):
    assert 'no note "n-99"' in refused(full.s, D.duplicate_notes, ["n-1", "n-99"])
    assert 'no note "c-1"' in refused(full.s, D.duplicate_notes, ["c-1"])


# -- clusters and links ---------------------------------------------------------------------------


def test_a_cluster_frames_the_selected_notes(full):
    batch = D.add_cluster(full.s, "  Systems ", ["n-2", "n-3"])
    (cid,) = batch.created
    w = full.reopen().load()
    cluster = w.discover.clusters[-1]
    assert cluster.title == "Systems"
    frame = (cluster.x, cluster.y, cluster.w, cluster.h)
    for oid in ("n-2", "n-3"):
        x, y, nw, nh = note_rects(full.s.conn)[oid]
        assert frame[0] < x and x + nw < frame[0] + frame[2]
        assert frame[1] < y and y + nh < frame[1] + frame[3]
        assert full.note(oid)["cluster"] == cid
    # n-1 was not selected, but its centre lies in the new frame, which is on top
    assert full.note("n-1")["cluster"] == cid


def test_a_cluster_can_be_drawn_empty(full):
    cid = D.add_cluster(full.s, "Later", rect=(2000.0, 0.0, 300.0, 200.0), id="c-later").created[0]
    w = full.reopen().load()
    assert cid == "c-later"
    assert w.discover.clusters[-1] == m.Cluster("c-later", "Later", 2000.0, 0.0, 300.0, 200.0)
    assert all(n.cluster != cid for n in w.discover.notes)


@pytest.mark.parametrize(("args", "kwargs", "words"), [
    (("Empty",), {}, "Select the notes"),
    (("x", ["n-99"]), {}, 'no note "n-99"'),
    (("x", ["n-1", "l-1"]), {}, 'no note "l-1"'),
    ((7, ["n-1"]), {}, "must be text"),
    (("x",), {"rect": (0.0, 0.0, 0.0, 5.0)}, "more than zero"),
    (("x",), {"rect": (float("inf"), 0.0, 10.0, 5.0)}, "must be a number"),
    (("x", ["n-1"]), {"id": "n-2"}, "already used"),
])
def test_add_cluster_refusals_write_nothing(full, args, kwargs, words):
    assert words in refused(full.s, D.add_cluster, *args, **kwargs)


def test_rename_a_cluster(full):
    D.edit_cluster(full.s, "c-1", " Money ")
    assert full.reopen().load().discover.clusters[0].title == "Money"
    assert not D.edit_cluster(full.s, "c-1", "Money")
    assert 'no cluster "n-1"' in refused(full.s, D.edit_cluster, "n-1", "x")
    assert "must be text" in refused(full.s, D.edit_cluster, "c-1", None)


def test_links(full):
    batch = D.add_link(full.s, "n-2", "n-3", " blocks ")
    (lid,) = batch.created
    back = D.add_link(full.s, "n-2", "n-1").created[0]  # the other way round is another link
    D.edit_link(full.s, lid, "stops")
    w = full.reopen().load()
    assert w.discover.links[1:] == [m.Link(lid, "n-2", "n-3", "stops"), m.Link(back, "n-2", "n-1")]


@pytest.mark.parametrize(("args", "words"), [
    (("n-1", "n-1"), "different note"),
    (("n-1", "n-2"), "already linked"),
    (("n-1", "n-99"), 'no note "n-99"'),
    (("c-1", "n-2"), 'no note "c-1"'),
    (("n-2", "n-3", 5), "must be text"),
])
def test_add_link_refusals_write_nothing(full, args, words):
    assert words in refused(full.s, D.add_link, *args)


def test_edit_link_refusals_write_nothing(full):
    assert 'no link "n-1"' in refused(full.s, D.edit_link, "n-1", "x")
    assert "must be text" in refused(full.s, D.edit_link, "l-1", ["x"])


# -- arranging -----------------------------------------------------------------------------------


def test_arranging_by_department_lays_every_note_in_its_lane(demo):
    first = dump(demo.s.conn)
    free = note_rects(demo.s.conn)
    D.arrange(demo.s, "departments")
    s = demo.reopen()
    assert D.arrangement(s) == "departments"
    notes = {n.id: n for n in s.load().discover.notes}
    rects = note_rects(s.conn)
    for oid, rect in rects.items():
        assert inside(rect, lane_of(s, notes[oid].department)), (oid, rect)
    boxes = list(rects.values())
    for i, a in enumerate(boxes):
        assert all(not overlap(a, b) for b in boxes[i + 1:])
    assert {r["note"]: (r["x"], r["y"]) for r in rows(s.conn, "SELECT * FROM free_layout")} == {
        oid: (x, y) for oid, (x, y, _w, _h) in free.items()}
    assert [(n.id, n.cluster) for n in s.load().discover.notes] == [
        (n.id, n.cluster) for n in demo_workshop().discover.notes]  # membership is kept
    assert frame_rects(s.conn) == {c.id: (c.x, c.y, c.w, c.h)
                                   for c in demo_workshop().discover.clusters}

    D.arrange(s, "dimensions")
    s = demo.reopen()
    assert D.arrangement(s) == "dimensions"
    assert [lane.title for lane in D.lanes(s)] == ["People", "Process", "Technology",
                                                   "No dimension"]
    for n in s.load().discover.notes:
        assert inside(note_rects(s.conn)[n.id], lane_of(s, n.dimension))
    # the free places saved by the first arrangement are still the ones from before it
    assert len(rows(s.conn, "SELECT * FROM free_layout")) == len(free)

    D.arrange(s, "free")
    s = demo.reopen()
    assert D.arrangement(s) == "free"
    assert note_rects(s.conn) == free
    assert dump(s.conn) == first  # every note exactly back, nothing left behind


def test_arranging_twice_gives_the_same_board(demo):
    D.arrange(demo.s, "dimensions")
    once = dump(demo.s.conn)
    assert not D.arrange(demo.s, "dimensions")
    assert dump(demo.reopen().conn) == once


def test_restoring_an_already_free_board_changes_nothing(full):
    first = dump(full.s.conn)
    assert not D.arrange(full.s, "free")
    assert dump(full.reopen().conn) == first


def test_a_note_captured_while_arranged_finds_a_free_spot_when_the_board_is_restored(demo):
    D.arrange(demo.s, "dimensions")
    s = demo.s
    spot = D.free_spot(s, "mkt", "people")
    oid = D.add_note(s, "New worry", "mkt", dimension="people").created[0]
    note = demo.note(oid)
    assert (note["x"], note["y"]) == spot
    assert inside((note["x"], note["y"], note["w"], note["h"]), lane_of(s, "people"))
    assert note["cluster"] is None
    mine = note_rects(s.conn)[oid]
    assert not any(overlap(mine, r) for k, r in note_rects(s.conn).items() if k != oid)
    D.arrange(s, "free")
    s = demo.reopen()
    note = demo.note(oid)
    mine = (note["x"], note["y"], note["w"], note["h"])
    # in Marketing's area of the free layout, on nobody else and in no frame
    free_lanes = {lane.key: lane for lane in B.department_lanes(D._departments(s), 99)}
    assert free_lanes["mkt"].x <= note["x"] < free_lanes["mkt"].x + free_lanes["mkt"].width
    assert not any(overlap(mine, r) for k, r in note_rects(s.conn).items() if k != oid)
    frames = frame_rects(s.conn).values()
    assert frames and not any(overlap(mine, f) for f in frames)
    assert note["cluster"] is None
    assert rows(s.conn, "SELECT * FROM free_layout") == []


def test_a_copy_made_while_arranged_returns_beside_its_original(demo):
    s = demo.s
    original = rows(s.conn, "SELECT * FROM note WHERE cluster IS NOT NULL ORDER BY pos")[0]
    D.arrange(s, "departments")
    copy = D.duplicate_notes(s, [original["id"]]).created[0]
    D.arrange(s, "free")
    demo.reopen()
    placed = demo.note(copy)
    assert (placed["x"], placed["y"]) == (original["x"] + D.DUPLICATE_OFFSET,
                                          original["y"] + D.DUPLICATE_OFFSET)
    assert placed["cluster"] == original["cluster"]


def test_while_arranged_frames_are_set_aside(full):
    D.arrange(full.s, "departments")
    oid = D.add_note(full.s, "Dropped on the old frame", x=50.0, y=50.0).created[0]
    D.move_items(full.s, {"n-3": (100.0, 100.0)})
    full.reopen()
    assert full.note(oid)["cluster"] is None
    assert full.note("n-3")["cluster"] is None
    assert full.note("n-1")["cluster"] == "c-1"


def test_arrange_refusal_writes_nothing(full):
    assert "not a way to arrange" in refused(full.s, D.arrange, "colours")


def test_a_read_only_file_refuses_every_board_verb(full):
    path = full.path
    full.s.close()
    with Session.open(path, read_only=True) as s:
        assert D.arrangement(s) == "free"
        for op, args in [(D.add_note, ("x",)), (D.move_items, ({"n-1": (0.0, 0.0)},)),
                         (D.arrange, ("departments",)), (D.delete_items, (["n-1"],))]:
            with pytest.raises(SessionFileError, match="read-only"):
                op(s, *args)
    full.s = Session.open(path)


# -- undo and redo --------------------------------------------------------------------------------


def every_verb(session: Session, after_each=lambda: None) -> list[ops.Batch]:
    """A session's worth of board work on the full sample, touching every table the board has;
    `after_each` is called after every op."""
    s = session
    done: list[ops.Batch] = []

    def do(batch: ops.Batch) -> ops.Batch:
        done.append(batch)
        assert batch, "each of these changes something"
        after_each()
        return batch

    new = do(D.add_note(s, "Captured", "d-ops", "barrier")).created[0]
    placed = do(D.add_note(s, "Placed", x=50.0, y=150.0)).created[0]
    do(D.edit_note(s, new, text="Captured and edited", dimension="people", private=True))
    do(D.move_items(s, {"n-3": (150.0, 160.0), "n-2": (900.0, 10.0)}))
    do(D.move_items(s, {"c-1": (30.0, 40.0)}))
    do(D.set_frame(s, "c-1", 0.0, 0.0, 700.0, 500.0))
    copies = do(D.duplicate_notes(s, ["n-1", "n-2", placed])).created
    cid = do(D.add_cluster(s, "Copies", copies)).created[0]
    do(D.edit_cluster(s, cid, "The copies"))
    lid = do(D.add_link(s, new, "n-3", "feeds")).created[0]
    do(D.edit_link(s, lid, "starves"))
    do(D.arrange(s, "departments"))
    late = do(D.add_note(s, "While arranged", "d-it")).created[0]
    do(D.delete_items(s, ["n-1"]))  # its links, improvement entry and saved free place go too
    do(D.arrange(s, "dimensions"))
    do(D.move_items(s, {late: (5000.0, 5000.0), "n-2": (-300.0, 0.0)}))
    do(D.arrange(s, "free"))
    do(D.delete_items(s, ["c-1", lid, copies[0]]))
    do(D.duplicate_notes(s, [new, "n-3"]))
    return done


def test_undoing_every_batch_in_reverse_gives_back_the_first_file(full):
    first = dump(full.s.conn)
    after: list[dict] = []
    done = every_verb(full.s, lambda: after.append(dump(full.s.conn)))
    assert len(after) == len(done) == 19
    assert {"board", "free_layout"} <= {table for b in done for table, _k in b.touched()}
    assert any(isinstance(step, Dropped) for b in done for step in b.steps)
    last = after[-1]
    assert dump(full.reopen().conn) == last  # every change was in the file already

    for i in reversed(range(len(done))):  # each undo gives back the file from before its op
        ops.undo_batch(full.s, done[i])
        assert dump(full.s.conn) == (after[i - 1] if i else first), i
    assert dump(full.reopen().conn) == first
    rules.check(full.s.load())

    for i, batch in enumerate(done):  # redo walks forward through the same states
        ops.redo_batch(full.s, batch)
        assert dump(full.s.conn) == after[i], i
    assert dump(full.reopen().conn) == last

    for batch in reversed(done):  # and undoing after a redo is exact too
        ops.undo_batch(full.s, batch)
    assert dump(full.reopen().conn) == first
    assert full.s.load() == full_workshop()
    assert D.arrangement(full.s) == "free"


def test_undoing_an_arrangement_puts_the_free_board_back(demo):
    first = dump(demo.s.conn)
    batch = D.arrange(demo.s, "departments")
    arranged = dump(demo.s.conn)
    ops.undo_batch(demo.s, batch)
    assert dump(demo.reopen().conn) == first
    ops.redo_batch(demo.s, batch)
    assert dump(demo.reopen().conn) == arranged
    assert D.arrangement(demo.s) == "departments"


def test_clusters_are_made_only_in_the_free_layout(demo):
    s = demo.s
    D.arrange(s, "departments")
    first = rows(s.conn, "SELECT id FROM note ORDER BY pos LIMIT 2")
    message = refused(s, D.add_cluster, "Hand-offs", [r["id"] for r in first])
    assert "free layout" in message
    D.arrange(s, "free")
    assert D.add_cluster(s, "Hand-offs", [r["id"] for r in first]).created
