"""Action verbs: actions are added, edited, moved and deleted; refusals are one sentence and
write nothing; undoing any run of verbs in reverse gives back exactly the file from before."""

from __future__ import annotations

import random

from cxworkshop.ops import OpError
from cxworkshop.ops import actions as M

from .boards import dump, refused, rows, undo_and_redo_are_exact


def ids(s) -> list[str]:
    return [r["id"] for r in rows(s.conn, "SELECT id FROM action ORDER BY pos")]


def action(s, oid):
    (row,) = rows(s.conn, "SELECT text, owner, due, status, improvement FROM action "
                          "WHERE id = ?", (oid,))
    return row


def test_an_action_is_added_where_asked(s):
    start = ids(s)
    (a,) = M.add_action(s, "  Call the regulator  ").created
    assert ids(s) == [*start, a]
    assert action(s, a) == {"text": "Call the regulator", "owner": None, "due": None,
                            "status": "open", "improvement": None}
    (b,) = M.add_action(s, "Brief the crews", owner="p-costa", due="2027-01-08", status="done",
                        improvement="i-crews", index=1).created
    assert ids(s) == [start[0], b, *start[1:], a]
    assert action(s, b) == {"text": "Brief the crews", "owner": "p-costa", "due": "2027-01-08",
                            "status": "done", "improvement": "i-crews"}


def test_an_action_is_edited(s):
    M.edit_action(s, "act-email", text=" Send the email ", owner="p-mensah", due="2027-01-05",
                  status="dropped", improvement="i-speed")
    assert action(s, "act-email") == {"text": "Send the email", "owner": "p-mensah",
                                      "due": "2027-01-05", "status": "dropped",
                                      "improvement": "i-speed"}
    M.edit_action(s, "act-email", owner=None, due="", improvement=None)
    assert action(s, "act-email")["owner"] is None
    assert action(s, "act-email")["due"] is None
    assert action(s, "act-email")["improvement"] is None
    M.edit_action(s, "act-email", due=None, owner="")
    assert not M.edit_action(s, "act-email", status="dropped")  # nothing changed, no undo step


def test_an_action_is_moved_and_deleted(s):
    start = ids(s)
    M.move_action(s, start[0], 2)
    assert ids(s) == [start[1], start[2], start[0], *start[3:]]
    M.move_action(s, start[0], 99)
    assert ids(s) == [*start[1:], start[0]]
    assert not M.move_action(s, start[0], len(start) - 1)
    M.move_action(s, start[0], -3)
    assert ids(s) == start
    M.delete_action(s, start[1])
    assert ids(s) == [start[0], *start[2:]]


def test_action_refusals(s):
    refused(s, M.add_action, "   ")
    refused(s, M.add_action, 42)
    assert "p-nope" in refused(s, M.add_action, "x", owner="p-nope")
    assert "i-nope" in refused(s, M.add_action, "x", improvement="i-nope")
    assert "2027-03-31" in refused(s, M.add_action, "x", due="next week")
    refused(s, M.add_action, "x", due=20270101)
    refused(s, M.add_action, "x", due="2027-02-30")
    refused(s, M.add_action, "x", status="blocked")
    refused(s, M.add_action, "x", index="top")
    assert "act-nope" in refused(s, M.edit_action, "act-nope", text="x")
    refused(s, M.edit_action, "act-email", text="")
    refused(s, M.edit_action, "act-email", colour="red")
    refused(s, M.edit_action, "act-email", status=None)
    refused(s, M.move_action, "act-nope", 0)
    refused(s, M.move_action, "act-email", None)
    refused(s, M.move_action, "act-email", 1.5)
    refused(s, M.delete_action, "act-nope")


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(7)
    first = dump(s.conn)
    people = [r["id"] for r in rows(s.conn, "SELECT id FROM participant")]
    improvements = [r["id"] for r in rows(s.conn, "SELECT id FROM improvement")]
    done = []
    for step in range(120):
        acts = ids(s)
        pick = rng.randrange(4)
        try:
            if pick == 0 or not acts:
                done.append(M.add_action(s, f"Action {step}", owner=rng.choice([None, *people]),
                                         due=rng.choice([None, "2027-01-31"]),
                                         improvement=rng.choice([None, *improvements]),
                                         index=rng.choice([None, 0, 3])))
            elif pick == 1:
                done.append(M.edit_action(s, rng.choice(acts), text=f"Edited {step}",
                                          status=rng.choice(["open", "done", "dropped"]),
                                          owner=rng.choice([None, *people])))
            elif pick == 2:
                done.append(M.move_action(s, rng.choice(acts), rng.randrange(len(acts) + 1)))
            else:
                done.append(M.delete_action(s, rng.choice(acts)))
        except OpError:
            pass
    undo_and_redo_are_exact(s, done, first)
