"""Blueprint verbs: the period, milestones (add, move, resize, edit, delete), measures, the
council and its agenda. Refusals are one sentence and write nothing; undoing any run of verbs
in reverse gives back exactly the file from before, and redoing gives the after-file."""

from __future__ import annotations

import random

from cxworkshop.model import blueprint as MB
from cxworkshop.ops import OpError
from cxworkshop.ops import blueprint as O
from cxworkshop.ops import priorities as P
from cxworkshop.store import Session

from .boards import dump, refused, rows, undo_and_redo_are_exact


def reopened(s):
    """What the file holds, read back by a fresh session."""
    with Session.open(s.path, read_only=True) as again:
        return again.load(("blueprint",)).blueprint


def milestone(s, oid):
    (row,) = rows(s.conn, 'SELECT title, start, "end", lane, improvement, owner FROM milestone '
                          "WHERE id = ?", (oid,))
    return row


def agenda(s):
    return [r["text"] for r in rows(s.conn, "SELECT text FROM council_agenda_item ORDER BY pos")]


def members(s):
    return [r["participant"] for r in rows(s.conn,
                                            "SELECT participant FROM council_member ORDER BY pos")]


def test_the_period_is_set_and_may_leave_milestones_outside(s):
    O.set_period(s, "2027-04", "2027-12")
    bp = reopened(s)
    assert (bp.start, bp.end) == ("2027-04", "2027-12")
    assert len(bp.milestones) == 11  # nothing dropped
    outside = {m.id for m, _ in MB.outside_period(bp.milestones, bp.start, bp.end)}
    assert outside == {"m-checker", "m-offers", "m-firstbill", "m-calendar", "m-timeline1",
                       "m-timeline2", "m-commission", "m-crews", "m-review"}
    O.set_period(s, None, "")
    assert (reopened(s).start, reopened(s).end) == (None, None)


def test_a_milestone_is_added_moved_resized_and_deleted(s):
    batch = O.add_milestone(s, "  Pilot in one region ", "2027-02", "2027-04", lane="svc",
                            improvement="i-rebook", owner="p-nair")
    (m,) = batch.created
    assert milestone(s, m) == {"title": "Pilot in one region", "start": "2027-02",
                               "end": "2027-04", "lane": "svc", "improvement": "i-rebook",
                               "owner": "p-nair"}
    O.shift_milestone(s, m, 11)  # a drag to the right keeps the length
    assert (milestone(s, m)["start"], milestone(s, m)["end"]) == ("2028-01", "2028-03")
    O.shift_milestone(s, m, -2, lane=None)  # and into the shared lane
    assert milestone(s, m)["lane"] is None
    assert (milestone(s, m)["start"], milestone(s, m)["end"]) == ("2027-11", "2028-01")
    O.edit_milestone(s, m, end="2028-06")  # dragging the right end
    O.edit_milestone(s, m, start="2027-12")  # and the left one
    assert (milestone(s, m)["start"], milestone(s, m)["end"]) == ("2027-12", "2028-06")
    O.edit_milestone(s, m, start="2028-06")  # one month long is fine
    O.delete_milestone(s, m)
    assert not rows(s.conn, "SELECT id FROM milestone WHERE id = ?", (m,))
    assert not O.shift_milestone(s, "m-crews", 0)  # nothing changed: no undo step


def test_deleting_an_improvement_keeps_its_milestones_and_measures(s):
    P.delete_improvement(s, "i-slots")
    assert milestone(s, "m-calendar")["improvement"] is None
    assert rows(s.conn, "SELECT improvement FROM measure WHERE id = 'k-firstdate'") == [
        {"improvement": None}]


def test_a_measure_is_added_edited_and_deleted(s):
    (k,) = O.add_measure(s, " Repeat calls ", unit="calls", baseline="1,200", target=800,
                         due="2027-12-31", owner="p-nair", improvement="i-rebook").created
    (row,) = rows(s.conn, "SELECT name, unit, baseline, target, due, owner, improvement "
                          "FROM measure WHERE id = ?", (k,))
    assert row == {"name": "Repeat calls", "unit": "calls", "baseline": 1200.0, "target": 800.0,
                   "due": "2027-12-31", "owner": "p-nair", "improvement": "i-rebook"}
    O.edit_measure(s, k, owner=None, baseline="", target=" 750.5 ", due=None)
    got = next(x for x in reopened(s).measures if x.id == k)
    assert (got.owner, got.baseline, got.target, got.due) == (None, None, 750.5, None)
    assert MB.needs_owner(got)
    O.move_measure(s, k, 0)
    assert reopened(s).measures[0].id == k
    O.delete_measure(s, k)
    assert k not in {x.id for x in reopened(s).measures}


def test_the_council_is_set_up(s):
    O.set_council(s, operational_cadence="weekly", strategic_cadence=None)
    c = reopened(s).council
    assert (c.operational_cadence, c.strategic_cadence) == ("weekly", None)
    O.set_council(s, chair="p-kowal")  # not a member yet: becomes one with the same step
    c = reopened(s).council
    assert c.chair == "p-kowal" and c.members[-1] == "p-kowal"
    O.set_member(s, "p-bauer", True, index=0)
    assert members(s)[0] == "p-bauer"
    O.set_member(s, "p-hale", False)
    assert "p-hale" not in members(s)
    assert not O.set_member(s, "p-hale", False)
    assert "chairs the council" in refused(s, O.set_member, "p-kowal", False)
    O.set_council(s, chair=None)
    O.set_member(s, "p-kowal", False)
    assert reopened(s).council.chair is None


def test_the_agenda_is_edited_moved_and_refilled(s):
    start = agenda(s)
    O.add_agenda_item(s, " Visit from the regulator ", index=1)
    assert agenda(s) == [start[0], "Visit from the regulator", *start[1:]]
    O.edit_agenda_item(s, 1, "Regulator's visit")
    O.move_agenda_item(s, 1, 99)
    assert agenda(s) == [*start, "Regulator's visit"]
    O.move_agenda_item(s, len(start), 0)
    assert agenda(s)[0] == "Regulator's visit"
    O.delete_agenda_item(s, 0)
    assert agenda(s) == start
    for _ in start:
        O.delete_agenda_item(s, 0)
    assert agenda(s) == []
    O.fill_standing_agenda(s)
    assert agenda(s) == list(MB.STANDING_AGENDA)
    assert not O.fill_standing_agenda(s)  # all there: nothing to add
    O.delete_agenda_item(s, 3)
    O.add_agenda_item(s, "Our own item")
    O.fill_standing_agenda(s)
    assert agenda(s) == [*[t for i, t in enumerate(MB.STANDING_AGENDA) if i != 3],
                         "Our own item", MB.STANDING_AGENDA[3]]


def test_blueprint_refusals(s):
    assert "before it starts" in refused(s, O.set_period, "2028-01", "2027-12")
    refused(s, O.set_period, "January", None)
    refused(s, O.set_period, "2027-01", "2040-01")
    refused(s, O.add_milestone, "  ", "2027-01", "2027-02")
    assert "2027-01" in refused(s, O.add_milestone, "x", "2027-1", "2027-02")
    assert "before it starts" in refused(s, O.add_milestone, "x", "2027-03", "2027-02")
    assert "nope" in refused(s, O.add_milestone, "x", "2027-01", "2027-02", lane="nope")
    refused(s, O.add_milestone, "x", "2027-01", "2027-02", owner="i-speed")
    refused(s, O.add_milestone, "x", "2027-01", "2027-02", improvement="p-nair")
    assert "already used" in refused(s, O.add_milestone, "x", "2027-01", "2027-02", id="k-nps")
    refused(s, O.edit_milestone, "m-nope", title="x")
    assert "before it starts" in refused(s, O.edit_milestone, "m-crews", end="2028-03")
    refused(s, O.edit_milestone, "m-crews", colour="red")
    refused(s, O.shift_milestone, "m-crews", 1.5)
    refused(s, O.shift_milestone, "m-crews", 10**6)
    refused(s, O.add_measure, "")
    assert "number" in refused(s, O.add_measure, "x", baseline="about ten")
    refused(s, O.add_measure, "x", target=float("nan"))
    refused(s, O.add_measure, "x", target=True)
    refused(s, O.add_measure, "x", due="end of year")
    refused(s, O.add_measure, "x", owner="p-nope")
    refused(s, O.edit_measure, "k-nope", name="x")
    refused(s, O.edit_measure, "k-nps", name=" ")
    refused(s, O.set_council, operational_cadence=None)
    refused(s, O.set_council, strategic_cadence="yearly")
    refused(s, O.set_council, chair="p-nope")
    refused(s, O.set_council, colour="red")
    refused(s, O.set_member, "p-nope", True)
    refused(s, O.add_agenda_item, "  ")
    assert "no item number 10" in refused(s, O.edit_agenda_item, 9, "x")
    refused(s, O.edit_agenda_item, "1", "x")
    refused(s, O.move_agenda_item, -1, 0)
    refused(s, O.move_agenda_item, 0, "end")
    refused(s, O.delete_agenda_item, 40)


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(11)
    first = dump(s.conn)
    people = [r["id"] for r in rows(s.conn, "SELECT id FROM participant")]
    deps = [r["id"] for r in rows(s.conn, "SELECT id FROM department")]
    imps = [r["id"] for r in rows(s.conn, "SELECT id FROM improvement")]
    done = []
    for step in range(300):
        ms = [r["id"] for r in rows(s.conn, "SELECT id FROM milestone")]
        ks = [r["id"] for r in rows(s.conn, "SELECT id FROM measure")]
        n = len(agenda(s))
        month = MB.add_months("2027-01", rng.randrange(-6, 30))
        pick = rng.randrange(15)
        try:
            if pick == 0:
                done.append(O.add_milestone(s, f"M {step}", month,
                                            MB.add_months(month, rng.randrange(0, 6)),
                                            lane=rng.choice([None, *deps]),
                                            improvement=rng.choice([None, *imps]),
                                            owner=rng.choice([None, *people])))
            elif pick == 1 and ms:
                done.append(O.shift_milestone(s, rng.choice(ms), rng.randrange(-5, 6),
                                              lane=rng.choice([..., None, *deps])))
            elif pick == 2 and ms:
                done.append(O.edit_milestone(s, rng.choice(ms),
                                             **{rng.choice(["start", "end"]): month}))
            elif pick == 3 and ms:
                done.append(O.delete_milestone(s, rng.choice(ms)))
            elif pick == 4:
                done.append(O.add_measure(s, f"K {step}", baseline=rng.choice([None, 3, 4.5]),
                                          owner=rng.choice([None, *people])))
            elif pick == 5 and ks:
                done.append(O.edit_measure(s, rng.choice(ks), target=rng.randrange(100),
                                           owner=rng.choice([None, *people])))
            elif pick == 6 and ks:
                done.append(O.delete_measure(s, rng.choice(ks)))
            elif pick == 7:
                done.append(O.set_council(s, chair=rng.choice([None, *people]),
                                          strategic_cadence=rng.choice([None, "quarterly"])))
            elif pick == 8:
                done.append(O.set_member(s, rng.choice(people), rng.random() < 0.5,
                                         index=rng.choice([None, 0, 2])))
            elif pick == 9:
                done.append(O.add_agenda_item(s, f"Item {step}", index=rng.choice([None, 0, 4])))
            elif pick == 10 and n:
                done.append(O.edit_agenda_item(s, rng.randrange(n), f"Edited {step}"))
            elif pick == 11 and n:
                done.append(O.move_agenda_item(s, rng.randrange(n), rng.randrange(n + 2)))
            elif pick == 12 and n:
                done.append(O.delete_agenda_item(s, rng.randrange(n)))
            elif pick == 13:
                done.append(O.fill_standing_agenda(s))
            elif pick == 14:
                done.append(O.set_period(s, rng.choice([None, month]),
                                         rng.choice([None, MB.add_months(month, 12)])))
        except OpError:
            pass
    assert len(done) > 150
    undo_and_redo_are_exact(s, done, first)
