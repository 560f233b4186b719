"""Agenda verbs: items are added, edited, moved and deleted, and the timer records the minutes
each took; refusals are one sentence and write nothing; undoing any run of verbs in reverse
gives back exactly the file from before, and redoing gives the after-file."""

from __future__ import annotations

import random

from cxworkshop.ops import OpError
from cxworkshop.ops import agenda as A
from cxworkshop.store import Session

from .boards import dump, refused, rows, undo_and_redo_are_exact

DEMO_AGENDA = ["a-welcome", "a-fail", "a-chains", "a-scores", "a-meaning", "a-dots",
               "a-contract", "a-roadmap", "a-close"]


def ids(s) -> list[str]:
    return [r["id"] for r in rows(s.conn, "SELECT id FROM agenda_item ORDER BY pos")]


def item(s, oid):
    (row,) = rows(s.conn, "SELECT title, stage, minutes, actual_minutes FROM agenda_item "
                          "WHERE id = ?", (oid,))
    return row


def reopened(s):
    """The agenda as a fresh session reads it from the file."""
    with Session.open(s.path, read_only=True) as again:
        return again.load(("agenda",)).agenda


def test_the_demo_agenda_is_what_these_tests_start_from(s):
    assert ids(s) == DEMO_AGENDA


def test_an_item_is_added_where_asked(s):
    batch = A.add_agenda_item(s, "  Coffee  ", minutes=20)
    assert batch.section == "agenda"
    (a,) = batch.created
    assert ids(s) == [*DEMO_AGENDA, a]
    assert item(s, a) == {"title": "Coffee", "stage": None, "minutes": 20,
                          "actual_minutes": None}
    (b,) = A.add_agenda_item(s, "Lunch", "ambition", 45, index=1).created
    assert ids(s) == [DEMO_AGENDA[0], b, *DEMO_AGENDA[1:], a]
    assert item(s, b) == {"title": "Lunch", "stage": "ambition", "minutes": 45,
                          "actual_minutes": None}
    (c,) = A.add_agenda_item(s, "Quick check-in").created
    assert item(s, c)["minutes"] == 0
    assert len({a, b, c, *DEMO_AGENDA}) == len(DEMO_AGENDA) + 3
    assert [x.id for x in reopened(s)] == ids(s)


def test_an_item_is_edited(s):
    batch = A.edit_agenda_item(s, "a-close", title=" Actions and goodbye ", stage="blueprint",
                               minutes=1440, actual_minutes=0)
    assert batch.section == "agenda"
    assert item(s, "a-close") == {"title": "Actions and goodbye", "stage": "blueprint",
                                  "minutes": 1440, "actual_minutes": 0}
    A.edit_agenda_item(s, "a-close", stage=None, actual_minutes=None)
    assert item(s, "a-close")["stage"] is None
    assert item(s, "a-close")["actual_minutes"] is None
    A.edit_agenda_item(s, "a-close", stage="")  # an empty choice is no stage too
    assert item(s, "a-close")["stage"] is None
    assert not A.edit_agenda_item(s, "a-close", minutes=1440)  # nothing changed, no undo step


def test_the_timer_records_what_an_item_took(s):
    batch = A.record_actual(s, "a-roadmap", 63)
    assert batch.section == "agenda"
    assert item(s, "a-roadmap")["actual_minutes"] == 63
    assert next(x for x in reopened(s) if x.id == "a-roadmap").actual_minutes == 63
    assert not A.record_actual(s, "a-roadmap", 63)
    A.record_actual(s, "a-roadmap", None)
    assert item(s, "a-roadmap")["actual_minutes"] is None


def test_an_item_is_moved_and_deleted(s):
    A.move_agenda_item(s, "a-welcome", 2)
    assert ids(s)[:3] == ["a-fail", "a-chains", "a-welcome"]
    A.move_agenda_item(s, "a-welcome", 99)
    assert ids(s) == [*DEMO_AGENDA[1:], "a-welcome"]
    assert not A.move_agenda_item(s, "a-welcome", len(DEMO_AGENDA) - 1)
    A.move_agenda_item(s, "a-welcome", -3)
    assert ids(s) == DEMO_AGENDA
    batch = A.delete_agenda_item(s, "a-chains")
    assert batch.section == "agenda"
    assert ids(s) == [x for x in DEMO_AGENDA if x != "a-chains"]


def test_refusals_are_one_sentence_and_write_nothing(s):
    assert "title" in refused(s, A.add_agenda_item, "   ")
    refused(s, A.add_agenda_item, 42)
    assert "stage" in refused(s, A.add_agenda_item, "x", "lunch")
    assert "1441" in refused(s, A.add_agenda_item, "x", minutes=1441)
    refused(s, A.add_agenda_item, "x", minutes=-1)
    refused(s, A.add_agenda_item, "x", minutes=12.5)
    refused(s, A.add_agenda_item, "x", minutes=True)
    refused(s, A.add_agenda_item, "x", minutes=None)  # planned time is never "not known"
    assert "“half an hour”" in refused(s, A.add_agenda_item, "x", minutes="half an hour")
    assert "empty" in refused(s, A.add_agenda_item, "x", minutes=" ")
    refused(s, A.add_agenda_item, "x", index="top")
    assert "a-nope" in refused(s, A.edit_agenda_item, "a-nope", title="x")
    refused(s, A.edit_agenda_item, "a-close", title="")
    refused(s, A.edit_agenda_item, "a-close", colour="red")
    refused(s, A.edit_agenda_item, "a-close", actual_minutes=-5)
    refused(s, A.edit_agenda_item, "a-close", actual_minutes="90")  # a number, not its text
    refused(s, A.edit_agenda_item, "a-close", title="Fine", minutes=2000)  # all or nothing
    refused(s, A.record_actual, "a-close", 1441)
    refused(s, A.record_actual, "a-nope", 3)
    refused(s, A.move_agenda_item, "a-nope", 0)
    refused(s, A.move_agenda_item, "a-close", None)
    refused(s, A.move_agenda_item, "a-close", 1.5)
    refused(s, A.delete_agenda_item, "a-nope")


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(8)
    first = dump(s.conn)
    done = []
    for step in range(150):
        items = ids(s)
        pick = rng.randrange(5)
        try:
            if pick == 0 or not items:
                done.append(A.add_agenda_item(s, f"Item {step}",
                                              rng.choice([None, "discover", "blueprint"]),
                                              rng.randrange(0, 121),
                                              index=rng.choice([None, 0, 3])))
            elif pick == 1:
                done.append(A.edit_agenda_item(s, rng.choice(items), title=f"Edited {step}",
                                               stage=rng.choice([None, "ambition"]),
                                               minutes=rng.randrange(0, 1441)))
            elif pick == 2:
                done.append(A.record_actual(s, rng.choice(items),
                                            rng.choice([None, 0, rng.randrange(1, 200)])))
            elif pick == 3:
                done.append(A.move_agenda_item(s, rng.choice(items), rng.randrange(len(items) + 1)))
            else:
                done.append(A.delete_agenda_item(s, rng.choice(items)))
        except OpError:
            pass
    assert all(batch.section == "agenda" for batch in done)
    undo_and_redo_are_exact(s, done, first)
