"""Importing a breakout group's board: everything comes across under fresh ids, departments and
authors are matched by name, the block lands clear of this board inside a new cluster, and the
whole import is one step that undo takes back exactly (and redo brings back exactly)."""

from __future__ import annotations

import random

import pytest

from cxworkshop import model as m
from cxworkshop import ops
from cxworkshop.model import rules
from cxworkshop.ops import discover as D
from cxworkshop.ops import merge as M
from cxworkshop.store import Session, create_file

from .boards import demo_workshop, dump, frame_rects, note_rects, overlap, refused, rows

AWKWARD = [
    "Ünïcode 🚀 and\nsecond line",
    'He said "no" — <b>&amp;</b>',
    "עברית, right to left",
    "  spaced out  ",
    "'; DROP TABLE note; --",
]


def breakout() -> m.Workshop:
    """A breakout laptop's workshop: departments named a little differently, one this workshop
    lacks, a participant of the same name and one unknown here, a cluster, loose notes, links."""
    w = m.Workshop()
    w.workshop.title = "Breakout A"
    w.departments = [m.Department("b-sal", "  sales ", "#56B4E9"),
                     m.Department("b-legal", "Legal", "#CC79A7"),
                     m.Department("b-unused", "Procurement")]
    w.participants = [m.Participant("b-morag", "morag HALE"), m.Participant("b-zed", "Zed")]
    w.discover = m.Discover(
        notes=[
            m.Note("b1", AWKWARD[0], "challenge", "b-sal", "process", "b-morag", "b-c",
                   1000.0, 500.0),
            m.Note("b2", AWKWARD[1], "barrier", "b-sal", None, "b-zed", "b-c", 1200.0, 500.0),
            m.Note("b3", AWKWARD[2], "idea", "b-legal", "people", None, None, 1500.0, 400.0,
                   240.0, 160.0, "#FFFFFF", True),
            m.Note("b4", AWKWARD[3], "challenge", None, "technology", None, None, 1500.0, 600.0),
            m.Note("b5", AWKWARD[4], "barrier", "b-legal", None, None, None, 1800.0, 420.0),
        ],
        clusters=[m.Cluster("b-c", "Hand-offs", 980.0, 420.0, 430.0, 220.0)],
        links=[m.Link("bl1", "b1", "b2", "feeds"), m.Link("bl2", "b3", "b4", "")],
    )
    rules.check(w)
    return w


@pytest.fixture
def here(tmp_path):
    s = Session.open(create_file(tmp_path / "room.cxw", demo_workshop()))
    yield s
    s.close()


def imported_notes(session: Session, batch: ops.Batch) -> dict[str, dict]:
    """The imported notes by their text."""
    found = rows(session.conn, "SELECT * FROM note")
    return {r["text"]: r for r in found if r["id"] in batch.created}


def test_every_note_cluster_and_link_comes_across_under_fresh_ids(here):
    before = {t: here.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("note", "cluster", "link", "department")}
    old_ids = {r[0] for r in here.conn.execute(
        "SELECT id FROM note UNION SELECT id FROM cluster UNION SELECT id FROM link")}
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    after = {t: here.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
             for t in ("note", "cluster", "link", "department")}
    assert after == {"note": before["note"] + 5, "cluster": before["cluster"] + 2,
                     "link": before["link"] + 2, "department": before["department"] + 1}
    assert M.imported(batch) == {"notes": 5, "clusters": 1, "links": 2, "departments": 1}
    assert batch.section == "discover"
    assert len(batch.created) == 1 + 5 + 1 + 2 == len(set(batch.created))
    assert not set(batch.created) & (old_ids | {"b1", "b2", "b3", "b4", "b5", "b-c", "bl1"})
    notes = imported_notes(here, batch)
    assert sorted(notes) == sorted(AWKWARD)  # every text exactly as written, spaces included
    by_text = {n.text: n for n in breakout().discover.notes}
    for text, row in notes.items():
        mine = by_text[text]
        assert (row["kind"], row["dimension"], row["color"], row["w"], row["h"]) == \
            (mine.kind, mine.dimension, mine.color, mine.w, mine.h)
        assert row["private"] == int(mine.private)
    rules.check(here.load())
    with Session.open(here.path, read_only=True) as again:  # in the file, not just in memory
        assert sorted(n.text for n in again.load().discover.notes
                      if n.id in batch.created) == sorted(AWKWARD)


def test_departments_are_matched_by_name_and_a_missing_one_is_added(here):
    departments = rows(here.conn, "SELECT * FROM department ORDER BY pos")
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    notes = imported_notes(here, batch)
    assert notes[AWKWARD[0]]["department"] == notes[AWKWARD[1]]["department"] == "sal"
    after = rows(here.conn, "SELECT * FROM department ORDER BY pos")
    assert after[:-1] == departments  # the workshop's own are untouched
    legal = after[-1]
    assert legal["name"] == "Legal" and legal["color"] == "#CC79A7"
    assert notes[AWKWARD[2]]["department"] == notes[AWKWARD[4]]["department"] == legal["id"]
    assert notes[AWKWARD[3]]["department"] is None
    assert "Procurement" not in [d["name"] for d in after]  # no note of the breakout's had it
    assert ("department", {"id": legal["id"]}) in batch.touched()
    assert M.added_departments(batch) == ["Legal"]


def test_a_department_added_takes_a_free_colour_when_its_own_is_taken(here):
    other = breakout()
    other.departments[1].color = "#e69f00"  # Marketing's, in another case
    batch = M.import_board(here, other, source_name="Breakout A")
    legal = rows(here.conn, "SELECT * FROM department WHERE name = 'Legal'")[0]
    colours = [r[0] for r in here.conn.execute("SELECT color FROM department")]
    assert legal["color"] != "#E69F00" and colours.count(legal["color"]) == 1
    assert M.imported(batch)["departments"] == 1


def test_authors_are_matched_by_name_or_left_out(here):
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    notes = imported_notes(here, batch)
    assert notes[AWKWARD[0]]["author"] == "p-hale"  # "morag HALE" is Morag Hale here
    assert notes[AWKWARD[1]]["author"] is None  # Zed is nobody here
    assert here.conn.execute("SELECT count(*) FROM participant WHERE name = 'Zed'").fetchone() \
        == (0,)


def test_links_join_the_imported_notes(here):
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    notes = imported_notes(here, batch)
    links = {(r["source"], r["target"], r["label"]) for r in rows(
        here.conn, "SELECT * FROM link") if r["id"] in batch.created}
    assert links == {(notes[AWKWARD[0]]["id"], notes[AWKWARD[1]]["id"], "feeds"),
                     (notes[AWKWARD[2]]["id"], notes[AWKWARD[3]]["id"], "")}


def test_the_block_lands_clear_of_the_board_inside_a_new_cluster(here):
    existing_notes, existing_frames = note_rects(here.conn), frame_rects(here.conn)
    right = max(x + w for x, _y, w, _h in [*existing_notes.values(), *existing_frames.values()])
    top = min(y for _x, y, _w, _h in [*existing_notes.values(), *existing_frames.values()])
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    whole = batch.created[0]
    frames, notes = frame_rects(here.conn), imported_notes(here, batch)
    fx, fy, fw, fh = frames[whole]
    assert fx == right + M.IMPORT_MARGIN and fy == top
    assert rows(here.conn, "SELECT title FROM cluster WHERE id = ?", (whole,)) == \
        [{"title": "From Breakout A"}]
    new_rects = [(r["x"], r["y"], r["w"], r["h"]) for r in notes.values()]
    new_rects += [frames[c] for c in batch.created if c in frames]
    for rect in new_rects:
        x, y, w, h = rect
        assert fx <= x and x + w <= fx + fw and fy <= y and y + h <= fy + fh, rect
        for other in [*existing_notes.values(), *existing_frames.values()]:
            assert not overlap(rect, other), (rect, other)
    # the breakout's layout is kept: the same distances between the notes
    b = {n.text: n for n in breakout().discover.notes}
    for t in AWKWARD[1:]:
        assert (notes[t]["x"] - notes[AWKWARD[0]]["x"], notes[t]["y"] - notes[AWKWARD[0]]["y"]) \
            == (b[t].x - b[AWKWARD[0]].x, b[t].y - b[AWKWARD[0]].y)


def test_loose_notes_join_the_new_cluster_and_the_breakouts_clusters_keep_theirs(here):
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    whole, notes = batch.created[0], imported_notes(here, batch)
    hand_offs = rows(here.conn, "SELECT id FROM cluster WHERE title = 'Hand-offs'")[0]["id"]
    assert notes[AWKWARD[0]]["cluster"] == notes[AWKWARD[1]]["cluster"] == hand_offs
    assert {notes[t]["cluster"] for t in AWKWARD[2:]} == {whole}
    positions = [r[0] for r in here.conn.execute("SELECT id FROM cluster ORDER BY pos")]
    assert positions.index(whole) < positions.index(hand_offs)  # the breakout's frame on top
    # membership agrees with where the notes lie: putting them where they are changes nothing
    assert not D.move_items(here, {r["id"]: (r["x"], r["y"]) for r in notes.values()})
    assert notes[AWKWARD[2]]["private"] == 1


def test_the_import_is_one_step_undone_and_redone_exactly(here):
    first = dump(here.conn)
    batch = M.import_board(here, breakout(), source_name="Breakout A")
    after = dump(here.conn)
    assert after != first
    ops.undo_batch(here, batch)
    assert dump(here.conn) == first
    ops.redo_batch(here, batch)
    assert dump(here.conn) == after
    ops.undo_batch(here, batch)
    assert dump(here.conn) == first
    assert here.load() == demo_workshop()


def test_importing_twice_puts_a_second_block_further_right(here):
    one = M.import_board(here, breakout(), source_name="Breakout A")
    two = M.import_board(here, breakout(), source_name="Breakout A")
    frames = frame_rects(here.conn)
    assert frames[two.created[0]][0] == \
        frames[one.created[0]][0] + frames[one.created[0]][2] + M.IMPORT_MARGIN
    assert not overlap(frames[one.created[0]], frames[two.created[0]])
    assert not set(one.created) & set(two.created)
    legal = here.conn.execute("SELECT count(*) FROM department WHERE name = 'Legal'").fetchone()
    assert legal == (1,)  # added by the first import, matched by the second
    assert M.imported(two)["departments"] == 0


def test_a_whole_demo_board_imports_into_an_empty_workshop_at_the_origin(tmp_path):
    with Session.open(create_file(tmp_path / "empty.cxw", m.Workshop())) as s:
        demo = demo_workshop()
        batch = M.import_board(s, demo, source_name="Larchmere")
        w = s.load()
        assert len(w.discover.notes) == len(demo.discover.notes)
        assert len(w.discover.links) == len(demo.discover.links)
        assert [c.title for c in w.discover.clusters] == \
            ["From Larchmere", *[c.title for c in demo.discover.clusters]]
        frame = w.discover.clusters[0]
        assert (frame.x, frame.y) == (0.0, 0.0)
        assert sorted(d.name for d in w.departments) == sorted(
            {d.name for d in demo.departments if any(n.department == d.id
                                                     for n in demo.discover.notes)})
        rules.check(w)
        first = dump(s.conn)
        ops.undo_batch(s, batch)
        assert s.load() == m.Workshop()
        ops.redo_batch(s, batch)
        assert dump(s.conn) == first


def test_an_arranged_breakout_comes_in_its_free_layout_and_its_file_is_not_written(tmp_path):
    path = create_file(tmp_path / "breakout.cxw", demo_workshop())
    with Session.open(path) as s:
        D.arrange(s, "departments")
        arranged = s.load().discover.notes
    assert arranged != demo_workshop().discover.notes  # the lanes moved them
    before = path.read_bytes()
    with Session.open(path, read_only=True) as s:
        board = M.breakout_board(s)
    assert board.discover == demo_workshop().discover
    assert board.workshop == demo_workshop().workshop
    assert path.read_bytes() == before


def test_a_free_breakout_is_read_as_it_is(tmp_path):
    path = create_file(tmp_path / "breakout.cxw", demo_workshop())
    with Session.open(path, read_only=True) as s:
        assert M.breakout_board(s) == demo_workshop()


def test_an_empty_breakout_board_is_refused(here):
    other = breakout()
    other.discover = m.Discover()
    message = refused(here, M.import_board, other, source_name="Breakout B")
    assert message == '"Breakout B" has nothing on its Discover board to import.'


def test_an_arranged_board_is_refused_until_it_is_free_again(here):
    D.arrange(here, "dimensions")
    assert "free layout" in refused(here, M.import_board, breakout(), source_name="Breakout A")
    D.arrange(here, "free")
    assert M.import_board(here, breakout(), source_name="Breakout A")


def test_a_breakout_that_breaks_the_rules_is_refused(here):
    other = breakout()
    other.discover.links.append(m.Link("bl9", "b1", "gone"))
    message = refused(here, M.import_board, other, source_name="Breakout C")
    assert message.startswith('"Breakout C" cannot be imported (')
    other = breakout()
    other.discover.notes[0].kind = "worry"
    assert "cannot be imported" in refused(here, M.import_board, other, source_name="x.cxw")


def test_a_source_without_a_name_is_refused(here):
    assert "which session" in refused(here, M.import_board, breakout(), source_name="  ")


def test_random_board_work_around_imports_undoes_and_redoes_exactly(here):
    """Imports between other board verbs, some on the imported notes, then every batch undone
    in reverse and redone in order: each state is exactly the one it was."""
    rng = random.Random(20261118)
    states = [dump(here.conn)]
    done: list[ops.Batch] = []
    for _ in range(14):
        notes = [r[0] for r in here.conn.execute("SELECT id FROM note ORDER BY pos")]
        choice = rng.choice(["import", "import", "move", "delete", "duplicate", "link"])
        if choice == "import":
            batch = M.import_board(here, rng.choice([breakout(), demo_workshop()]),
                                   source_name=f"Breakout {len(done)}")
        elif choice == "move":
            picked = rng.sample(notes, 3)
            batch = D.move_items(here, {n: (rng.uniform(-500, 5000), rng.uniform(-500, 2000))
                                        for n in picked})
        elif choice == "delete":
            batch = D.delete_items(here, rng.sample(notes, 2))
        elif choice == "duplicate":
            batch = D.duplicate_notes(here, rng.sample(notes, 2))
        else:
            source, target = rng.sample(notes, 2)
            try:
                batch = D.add_link(here, source, target, "then")
            except ops.OpError:
                continue
        done.append(batch)
        states.append(dump(here.conn))
        rules.check(here.load())
    for i in reversed(range(len(done))):
        ops.undo_batch(here, done[i])
        assert dump(here.conn) == states[i], i
    for i, batch in enumerate(done):
        ops.redo_batch(here, batch)
        assert dump(here.conn) == states[i + 1], i
