"""Priorities verbs: improvements (made from notes, edited, placed on the matrix, with their
roadblocks and notes, deleted), dot voting within the budget, closing a ballot, decisions and
stances, the social contract's rules and signatures. Refusals are one sentence and write
nothing, and undoing any run of verbs in reverse gives back exactly the file from before."""

from __future__ import annotations

import datetime
import random

from cxworkshop.ops import OpError, redo_batch, undo_batch
from cxworkshop.ops import priorities as M

from .boards import dump, refused, rows, undo_and_redo_are_exact


def improvement(s, oid):
    (row,) = rows(s.conn, "SELECT * FROM improvement WHERE id = ?", (oid,))
    return row


def linked(s, oid) -> list[str]:
    return [r["note"] for r in rows(s.conn, "SELECT note FROM improvement_note WHERE "
                                            "improvement = ? ORDER BY pos", (oid,))]


def roadblocks(s, oid) -> list[str]:
    return [r["text"] for r in rows(s.conn, "SELECT text FROM roadblock WHERE improvement = ? "
                                            "ORDER BY pos", (oid,))]


def votes(s, oid) -> list[tuple[str, int]]:
    return [(r["participant"], r["dots"]) for r in rows(
        s.conn, "SELECT participant, dots FROM vote WHERE improvement = ? ORDER BY pos", (oid,))]


def positions(s, did) -> list[tuple[str, str, str]]:
    return [(r["department"], r["stance"], r["note"]) for r in rows(
        s.conn, "SELECT department, stance, note FROM position WHERE decision = ? ORDER BY pos",
        (did,))]


def ids(s, table) -> list[str]:
    return [r["id"] for r in rows(s.conn, f"SELECT id FROM {table} ORDER BY pos")]


def dots_of(s, participant) -> int:
    return s.conn.execute("SELECT coalesce(sum(dots), 0) FROM vote WHERE participant = ?",
                          (participant,)).fetchone()[0]


# -- improvements -------------------------------------------------------------------------------


def test_an_improvement_is_added_with_its_notes_in_order(s):
    batch = M.add_improvement(s, "  Call back within the hour  ", "A promise we can keep",
                              notes=["n-c2", "n-c1"], index=1)
    (oid,) = batch.created
    row = improvement(s, oid)
    assert row["title"] == "Call back within the hour"
    assert row["description"] == "A promise we can keep"
    assert (row["status"], row["impact"], row["effort"], row["accountable"], row["measure"]) == \
        ("proposed", None, None, None, "")
    assert ids(s, "improvement")[1] == oid
    assert linked(s, oid) == ["n-c2", "n-c1"]
    assert M.add_improvement(s, "Parked one", status="parked", id="i-mine").created == ["i-mine"]
    assert improvement(s, "i-mine")["status"] == "parked"
    assert ids(s, "improvement")[-1] == "i-mine"


def test_notes_are_promoted_to_an_improvement_titled_by_the_first(s):
    (oid,) = M.promote_notes(s, ["n-s3", "n-m2"]).created
    assert improvement(s, oid)["title"] == \
        "Commission is paid on the order; it is clawed back only if the customer cancels"
    assert len(improvement(s, oid)["title"]) <= 80
    assert linked(s, oid) == ["n-s3", "n-m2"]
    (short,) = M.promote_notes(s, ["n-d2"]).created
    assert improvement(s, short)["title"] == "Nobody owns customer data from end to end"
    (named,) = M.promote_notes(s, ["n-b4", "n-b5"], title="Explain part-months").created
    assert improvement(s, named)["title"] == "Explain part-months"
    assert linked(s, named) == ["n-b4", "n-b5"]
    assert ids(s, "improvement")[-3:] == [oid, short, named]


def test_a_long_title_is_cut_at_a_word_boundary():
    assert M.title_from("word " * 30) == ("word " * 16).strip()
    assert len(M.title_from("x" * 100)) == 80
    assert M.title_from("  two\nlines  ") == "two lines"


def test_improvement_refusals(s):
    refused(s, M.add_improvement, "   ")
    refused(s, M.add_improvement, "Fine", status="maybe")
    assert "n-nope" in refused(s, M.add_improvement, "Fine", notes=["n-m1", "n-nope"])
    assert "i-speed" in refused(s, M.add_improvement, "Fine", id="i-speed")
    refused(s, M.add_improvement, "Fine", index="first")
    refused(s, M.promote_notes, [])
    assert "n-nope" in refused(s, M.promote_notes, ["n-nope"])
    assert "i-nope" in refused(s, M.edit_improvement, "i-nope", title="x")
    refused(s, M.edit_improvement, "i-speed", title="  ")
    refused(s, M.edit_improvement, "i-speed", colour="red")
    refused(s, M.edit_improvement, "i-speed", status="done")
    assert "p-nope" in refused(s, M.edit_improvement, "i-speed", accountable="p-nope")
    for bad in (0, 6, 2.5, True, "3"):
        refused(s, M.edit_improvement, "i-speed", impact=bad)
        refused(s, M.place_improvement, "i-speed", 3, bad)
    refused(s, M.place_improvement, "i-speed", None, 3)
    refused(s, M.place_improvement, "i-nope", 3, 3)
    refused(s, M.set_roadblocks, "i-nope", ["x"])
    refused(s, M.set_roadblocks, "i-speed", ["fine", 3])
    refused(s, M.link_notes, "i-speed", ["n-m1", "n-nope"])
    refused(s, M.link_notes, "i-nope", [])
    refused(s, M.delete_improvement, "i-nope")


def test_an_improvement_is_edited_and_placed(s):
    M.edit_improvement(s, "i-rebook", title="  Rebook on the call ", description="Now",
                       status="agreed", accountable="p-doyle", measure="Tickets",
                       impact=None, effort=1)
    row = improvement(s, "i-rebook")
    assert (row["title"], row["description"], row["status"], row["accountable"],
            row["measure"], row["impact"], row["effort"]) == \
        ("Rebook on the call", "Now", "agreed", "p-doyle", "Tickets", None, 1)
    M.edit_improvement(s, "i-rebook", accountable="")
    assert improvement(s, "i-rebook")["accountable"] is None
    M.place_improvement(s, "i-rebook", 5, 4)
    row = improvement(s, "i-rebook")
    assert (row["impact"], row["effort"]) == (5, 4)
    assert not M.place_improvement(s, "i-rebook", 5, 4)  # no change, no undo step


def test_roadblocks_are_replaced_and_blank_ones_dropped(s):
    M.set_roadblocks(s, "i-timeline", ["  Two releases a year ", "", "   ", "New blocker"])
    assert roadblocks(s, "i-timeline") == ["Two releases a year", "New blocker"]
    M.set_roadblocks(s, "i-timeline", ["a", "b", "c", "d"])
    assert roadblocks(s, "i-timeline") == ["a", "b", "c", "d"]
    M.set_roadblocks(s, "i-timeline", [])
    assert roadblocks(s, "i-timeline") == []
    assert not M.set_roadblocks(s, "i-timeline", [" "])


def test_linked_notes_are_replaced(s):
    M.link_notes(s, "i-speed", ["n-c3", "n-m1", "n-c3", "n-d2"])
    assert linked(s, "i-speed") == ["n-c3", "n-m1", "n-d2"]
    assert not M.link_notes(s, "i-speed", ["n-c3", "n-m1", "n-d2"])
    M.link_notes(s, "i-speed", [])
    assert linked(s, "i-speed") == []


def test_deleting_an_improvement_clears_what_pointed_at_it_and_undo_restores_it(s):
    before = dump(s.conn)
    assert rows(s.conn, "SELECT id FROM decision WHERE improvement = 'i-speed'")
    assert rows(s.conn, "SELECT id FROM action WHERE improvement = 'i-speed'")
    assert rows(s.conn, "SELECT id FROM milestone WHERE improvement = 'i-speed'")
    batch = M.delete_improvement(s, "i-speed")
    assert "i-speed" not in ids(s, "improvement")
    for table in ("improvement_note", "roadblock", "vote", "decision", "action", "milestone",
                  "measure"):
        assert not rows(s.conn, f"SELECT * FROM {table} WHERE improvement = 'i-speed'")
    (d,) = rows(s.conn, "SELECT improvement FROM decision WHERE id = 'd-speed'")
    assert d["improvement"] is None
    (a,) = rows(s.conn, "SELECT improvement FROM action WHERE id = 'act-artwork'")
    assert a["improvement"] is None
    after = dump(s.conn)
    undo_batch(s, batch)
    assert dump(s.conn) == before
    redo_batch(s, batch)
    assert dump(s.conn) == after


# -- voting -------------------------------------------------------------------------------------


def test_the_dot_budget_changes_unless_someone_has_used_more(s):
    M.clear_votes(s, "p-hale")
    msg = refused(s, M.set_dots_per_participant, 4)
    assert "Morag Hale" not in msg and "Elin Lind" in msg and "Rui Costa" in msg
    M.clear_votes(s)
    M.set_vote(s, "p-sato", "i-crews", 5)
    assert refused(s, M.set_dots_per_participant, 3).startswith("Haruto Sato has already placed 5")
    M.set_dots_per_participant(s, 7)
    assert rows(s.conn, "SELECT dots_per_participant FROM priorities") == [
        {"dots_per_participant": 7}]
    M.set_dots_per_participant(s, 5)  # exactly what Haruto Sato used is fine
    assert rows(s.conn, "SELECT dots_per_participant FROM priorities") == [
        {"dots_per_participant": 5}]
    for bad in (0, 100, 2.0, True, "5"):
        refused(s, M.set_dots_per_participant, bad)
    M.clear_votes(s)
    M.set_dots_per_participant(s, 1)
    assert rows(s.conn, "SELECT dots_per_participant FROM priorities") == [
        {"dots_per_participant": 1}]


def test_a_vote_replaces_the_last_one_and_zero_takes_it_off(s):
    M.clear_votes(s, "p-costa")
    assert dots_of(s, "p-costa") == 0
    M.set_vote(s, "p-costa", "i-crews", 2)
    assert votes(s, "i-crews")[-1] == ("p-costa", 2)
    M.set_vote(s, "p-costa", "i-crews", 5)
    assert votes(s, "i-crews")[-1] == ("p-costa", 5)
    assert dots_of(s, "p-costa") == 5
    msg = refused(s, M.set_vote, "p-costa", "i-speed", 1)
    assert "Rui Costa" in msg
    M.set_vote(s, "p-costa", "i-crews", 0)
    assert "p-costa" not in dict(votes(s, "i-crews"))
    assert not M.set_vote(s, "p-costa", "i-crews", 0)
    M.set_vote(s, "p-costa", "i-speed", 5)
    assert dots_of(s, "p-costa") == 5


def test_vote_refusals(s):
    assert "p-nope" in refused(s, M.set_vote, "p-nope", "i-speed", 1)
    assert "i-nope" in refused(s, M.set_vote, "p-costa", "i-nope", 1)
    refused(s, M.set_vote, "p-costa", "i-crews", -1)
    refused(s, M.set_vote, "p-costa", "i-crews", 1.5)
    refused(s, M.set_vote, "p-costa", "i-crews", 1)  # all five dots are used already
    refused(s, M.clear_votes, "p-nope")
    refused(s, M.reveal_votes, "yes")


def test_votes_are_cleared_for_everyone_or_one_person(s):
    M.clear_votes(s, "p-wong")
    assert dots_of(s, "p-wong") == 0 and dots_of(s, "p-sato") == 5
    M.clear_votes(s)
    assert rows(s.conn, "SELECT * FROM vote") == []
    assert not M.clear_votes(s)


def test_votes_are_revealed_and_hidden(s):
    M.reveal_votes(s, False)
    assert rows(s.conn, "SELECT votes_revealed FROM priorities") == [{"votes_revealed": 0}]
    M.reveal_votes(s, True)
    assert rows(s.conn, "SELECT votes_revealed FROM priorities") == [{"votes_revealed": 1}]


def test_closing_the_ballot_reveals_and_records_the_tally(s, monkeypatch):
    M.reveal_votes(s, False)
    M.clear_votes(s, "p-bauer")
    M.add_improvement(s, "Nobody voted for this")
    before = dump(s.conn)
    batch = M.close_ballot(s, "  Which improvement first? ", date="2026-11-19")
    (did,) = batch.created
    (row,) = rows(s.conn, "SELECT * FROM decision WHERE id = ?", (did,))
    assert row["text"] == (
        "Which improvement first? — Tally: "
        "One customer timeline for every team 11, "
        "Book installations only into confirmed engineer slots 10, "
        "Reward customers who stay, not only orders taken 9, "
        "Sell only the speed the line can deliver 8, "
        "Explain the first bill before it arrives 8, "
        "Let Customer Care rebook installations on the call 3, "
        "Customer-promise induction for subcontracted crews 1")
    assert (row["date"], row["improvement"]) == ("2026-11-19", None)
    assert ids(s, "decision")[-1] == did
    assert rows(s.conn, "SELECT votes_revealed FROM priorities") == [{"votes_revealed": 1}]
    undo_batch(s, batch)
    assert dump(s.conn) == before
    monkeypatch.setattr(M, "_today", lambda: "2026-12-01")
    (did,) = M.close_ballot(s, "Again?").created
    assert rows(s.conn, "SELECT date FROM decision WHERE id = ?", (did,)) == [
        {"date": "2026-12-01"}]


def test_closing_a_ballot_is_refused_without_dots_or_a_question(s):
    refused(s, M.close_ballot, "  ")
    refused(s, M.close_ballot, "Which first?", date="tomorrow")
    M.clear_votes(s)
    refused(s, M.close_ballot, "Which first?")


def test_today_is_the_iso_date():
    assert M._today() == datetime.date.today().isoformat()


# -- decisions ----------------------------------------------------------------------------------


def test_decisions_are_added_edited_and_deleted_with_their_positions(s):
    (did,) = M.add_decision(s, "  Start with the first bill ", improvement="i-firstbill",
                            date="2026-11-18", index=0).created
    assert ids(s, "decision")[0] == did
    (row,) = rows(s.conn, "SELECT text, improvement, date FROM decision WHERE id = ?", (did,))
    assert row == {"text": "Start with the first bill", "improvement": "i-firstbill",
                   "date": "2026-11-18"}
    M.edit_decision(s, did, text="Start with the bill", improvement=None, date="")
    (row,) = rows(s.conn, "SELECT text, improvement, date FROM decision WHERE id = ?", (did,))
    assert row == {"text": "Start with the bill", "improvement": None, "date": None}
    (plain,) = M.add_decision(s, "No date").created
    assert rows(s.conn, "SELECT date FROM decision WHERE id = ?", (plain,)) == [{"date": None}]
    M.set_stance(s, did, "fin", "agree")
    M.set_stance(s, did, "mkt", "reservations", "After January")
    assert positions(s, did) == [("fin", "agree", ""), ("mkt", "reservations", "After January")]
    M.set_stance(s, did, "fin", "disagree", "Too soon")
    assert positions(s, did) == [("fin", "disagree", "Too soon"),
                                 ("mkt", "reservations", "After January")]
    M.set_stance(s, did, "fin", None)
    assert positions(s, did) == [("mkt", "reservations", "After January")]
    assert not M.set_stance(s, did, "fin", None)
    M.delete_decision(s, did)
    assert did not in ids(s, "decision")
    assert positions(s, did) == []


def test_decision_refusals(s):
    refused(s, M.add_decision, " ")
    assert "i-nope" in refused(s, M.add_decision, "x", improvement="i-nope")
    refused(s, M.add_decision, "x", date="18/11/2026")
    assert "d-nope" in refused(s, M.edit_decision, "d-nope", text="x")
    refused(s, M.edit_decision, "d-speed", text="")
    refused(s, M.edit_decision, "d-speed", owner="p-hale")
    refused(s, M.set_stance, "d-speed", "mkt", "maybe")
    assert "d-nope" in refused(s, M.set_stance, "d-nope", "mkt", "agree")
    assert "nowhere" in refused(s, M.set_stance, "d-speed", "nowhere", "agree")
    refused(s, M.delete_decision, "d-nope")


# -- the social contract ------------------------------------------------------------------------


def rules_(s) -> list[str]:
    return ids(s, "contract_rule")


def test_the_preamble_and_rules_are_written_moved_and_deleted(s):
    M.set_preamble(s, "We agree.")
    assert rows(s.conn, "SELECT preamble FROM priorities") == [{"preamble": "We agree."}]
    start = rules_(s)
    (rid,) = M.add_rule(s, "  Answer within a day ", index=1).created
    assert rules_(s) == [start[0], rid, *start[1:]]
    M.edit_rule(s, rid, "Answer within two days")
    assert rows(s.conn, "SELECT text FROM contract_rule WHERE id = ?", (rid,)) == [
        {"text": "Answer within two days"}]
    M.move_rule(s, rid, 0)
    assert rules_(s) == [rid, *start]
    M.move_rule(s, rid, 99)
    assert rules_(s) == [*start, rid]
    assert not M.move_rule(s, rid, len(start))
    M.move_rule(s, start[0], 2)
    assert rules_(s) == [start[1], start[2], start[0], *start[3:], rid]
    M.delete_rule(s, rid)
    M.move_rule(s, start[0], 0)
    assert rules_(s) == start


def test_contract_refusals(s):
    refused(s, M.add_rule, "")
    refused(s, M.set_preamble, None)
    assert "rule-nope" in refused(s, M.edit_rule, "rule-nope", "x")
    refused(s, M.edit_rule, "rule-owner", " ")
    refused(s, M.move_rule, "rule-nope", 0)
    refused(s, M.move_rule, "rule-owner", "top")
    refused(s, M.delete_rule, "rule-nope")
    assert "Marketing" in refused(s, M.sign, "mkt", "p-hale")  # already signed
    assert "nowhere" in refused(s, M.sign, "nowhere")
    assert "p-nope" in refused(s, M.sign, "sal", "p-nope")
    assert "Rui Costa" in refused(s, M.sign, "sal", "p-costa")  # another department
    refused(s, M.sign, "sal", "p-lind", date="soon")
    assert "Sales" in refused(s, M.unsign, "sal")
    refused(s, M.unsign, "nowhere")


def test_signing_needs_rules(s):
    for rid in rules_(s):
        M.delete_rule(s, rid)
    assert "no rules" in refused(s, M.sign, "sal", "p-lind")


def test_departments_sign_and_unsign(s, monkeypatch):
    monkeypatch.setattr(M, "_today", lambda: "2026-11-20")
    M.sign(s, "sal", "p-lind")
    M.sign(s, "fin", date="2026-11-21")
    assert rows(s.conn, "SELECT department, participant, date FROM signature ORDER BY pos")[-2:] == [
        {"department": "sal", "participant": "p-lind", "date": "2026-11-20"},
        {"department": "fin", "participant": None, "date": "2026-11-21"}]
    M.unsign(s, "sal")
    assert "sal" not in [r["department"] for r in rows(s.conn, "SELECT department FROM signature")]


# -- one undo step each -------------------------------------------------------------------------


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(11)
    first = dump(s.conn)
    done = []
    people = [r["id"] for r in rows(s.conn, "SELECT id FROM participant")]
    depts = [r["id"] for r in rows(s.conn, "SELECT id FROM department")]
    notes = [r["id"] for r in rows(s.conn, "SELECT id FROM note")]
    for step in range(300):
        imps = ids(s, "improvement")
        decs = ids(s, "decision")
        rls = ids(s, "contract_rule")
        pick = rng.randrange(24)
        try:
            if pick == 0 or not imps:
                done.append(M.add_improvement(s, f"Idea {step}", notes=rng.sample(notes, 2),
                                              index=rng.choice([None, 0, 2])))
            elif pick == 1:
                done.append(M.promote_notes(s, rng.sample(notes, rng.randint(1, 3))))
            elif pick == 2:
                done.append(M.edit_improvement(s, rng.choice(imps), title=f"T{step}",
                                               status=rng.choice(["agreed", "parked"]),
                                               accountable=rng.choice([None, *people])))
            elif pick == 3:
                done.append(M.place_improvement(s, rng.choice(imps), rng.randint(1, 5),
                                                rng.randint(1, 5)))
            elif pick == 4:
                done.append(M.set_roadblocks(s, rng.choice(imps),
                                             [f"r{step}-{k}" for k in range(rng.randint(0, 4))]))
            elif pick == 5:
                done.append(M.link_notes(s, rng.choice(imps), rng.sample(notes, rng.randint(0, 4))))
            elif pick == 6:
                done.append(M.delete_improvement(s, rng.choice(imps)))
            elif pick == 7:
                done.append(M.set_dots_per_participant(s, rng.randint(3, 9)))
            elif pick in (8, 9):
                done.append(M.set_vote(s, rng.choice(people), rng.choice(imps), rng.randint(0, 3)))
            elif pick == 10:
                done.append(M.clear_votes(s, rng.choice([None, *people, *people])))
            elif pick == 11:
                done.append(M.reveal_votes(s, rng.choice([True, False])))
            elif pick == 12:
                done.append(M.close_ballot(s, f"Ballot {step}?", date="2026-11-18"))
            elif pick == 13 or not decs:
                done.append(M.add_decision(s, f"Decision {step}", improvement=rng.choice(
                    [None, *imps]), date=rng.choice([None, "2026-11-18"]),
                    index=rng.choice([None, 0])))
            elif pick == 14:
                done.append(M.edit_decision(s, rng.choice(decs), text=f"D{step}",
                                            improvement=rng.choice([None, *imps])))
            elif pick == 15:
                done.append(M.set_stance(s, rng.choice(decs), rng.choice(depts),
                                         rng.choice([None, "agree", "reservations", "disagree"]),
                                         f"n{step}"))
            elif pick == 16:
                done.append(M.delete_decision(s, rng.choice(decs)))
            elif pick == 17:
                done.append(M.set_preamble(s, f"Preamble {step}"))
            elif pick == 18 or not rls:
                done.append(M.add_rule(s, f"Rule {step}", index=rng.choice([None, 0, 3])))
            elif pick == 19:
                done.append(M.edit_rule(s, rng.choice(rls), f"Rule text {step}"))
            elif pick == 20:
                done.append(M.move_rule(s, rng.choice(rls), rng.randrange(len(rls) + 1)))
            elif pick == 21:
                done.append(M.delete_rule(s, rng.choice(rls)))
            elif pick == 22:
                done.append(M.sign(s, rng.choice(depts), date="2026-11-18"))
            else:
                done.append(M.unsign(s, rng.choice(depts)))
        except OpError:
            pass
    assert len(done) > 150
    undo_and_redo_are_exact(s, done, first)
