"""Diagnostics verbs: scores land in their cell and in the file, an empty cell is not scored
(never zero), evidence belongs to a score, refusals are one sentence and write nothing, and
undoing any batch gives back exactly the file from before."""

from __future__ import annotations

import random

import pytest

from cxworkshop import model as m
from cxworkshop.ops import OpError, undo_batch
from cxworkshop.ops import diagnostics as G

from .boards import dump, refused, rows, undo_and_redo_are_exact

MATURITY = m.Instrument("maturity", "Naive to natural", "maturity", [
    m.Statement("area-lead", "Leadership", "Leaders put the customer first."),
    m.Statement("st-belief", "Strategy", "The plan starts from the customer."),  # id taken
])


def test_a_score_goes_into_its_cell_and_can_change_and_be_cleared(s):
    assert G.response(s, "five", "st-belief", department="dig")["score"] == 3  # in the demo
    G.set_score(s, "five", "st-belief", None, department="dig")
    assert G.response(s, "five", "st-belief", department="dig") is None  # not scored: no row
    G.set_score(s, "five", "st-belief", 3, department="dig")
    assert G.response(s, "five", "st-belief", department="dig")["score"] == 3
    G.set_score(s, "five", "st-belief", 5, department="dig")
    (row,) = rows(s.conn, "SELECT score, evidence FROM response WHERE instrument = 'five' AND "
                          "statement = 'st-belief' AND department = 'dig'")
    assert row == {"score": 5, "evidence": ""}
    G.set_evidence(s, "five", "st-belief", "  Two outages a month  ", department="dig")
    assert G.response(s, "five", "st-belief", department="dig")["evidence"] == "Two outages a month"
    G.set_score(s, "five", "st-belief", None, department="dig")
    assert G.response(s, "five", "st-belief", department="dig") is None


def test_a_participant_can_be_scored_apart_from_their_department(s):
    person = rows(s.conn, "SELECT id FROM participant ORDER BY pos LIMIT 1")[0]["id"]
    G.set_score(s, "unified", "uw-instinct", 1, participant=person)
    assert G.response(s, "unified", "uw-instinct", participant=person)["score"] == 1
    assert G.response(s, "unified", "uw-instinct", participant=person)["department"] is None


@pytest.mark.parametrize("score", [0, 4, -1, 2.0, True, "3"])
def test_a_score_off_the_instruments_scale_is_refused(s, score):
    # "unified" is on the strength scale, 1 to 3
    message = refused(s, G.set_score, "unified", "uw-instinct", score, department="dig")
    assert "1 to 3" in message


def test_refusals_name_what_is_wrong(s):
    assert "no instrument" in refused(s, G.set_score, "nope", "st-belief", 3, department="dig")
    assert "no statement" in refused(s, G.set_score, "five", "uw-instinct", 3, department="dig")
    assert "one department or" in refused(s, G.set_score, "five", "st-belief", 3)
    refused(s, G.set_score, "five", "st-belief", 3, department="nobody")
    G.set_score(s, "five", "st-belief", None, department="dig")
    assert "Score this cell first" in refused(s, G.set_evidence, "five", "st-belief", "why",
                                              department="dig")
    assert "already uses" in refused(s, G.add_instrument, m.Instrument(
        "five", "Again", "agreement", [m.Statement("again-1", "Again")]))
    refused(s, G.add_instrument, m.Instrument("other", "Odd", "colour", [m.Statement("x", "X")]))
    refused(s, G.edit_statement, "five", "st-belief", title="   ")


def test_adding_an_instrument_copies_it_and_renames_a_statement_whose_id_is_taken(s):
    G.add_instrument(s, MATURITY)
    got = rows(s.conn, "SELECT id, title FROM statement WHERE instrument = 'maturity' "
                       "ORDER BY pos")
    assert got[0] == {"id": "area-lead", "title": "Leadership"}
    assert got[1]["title"] == "Strategy" and got[1]["id"] != "st-belief"
    G.edit_statement(s, "maturity", "area-lead", title="Board and leadership")
    assert rows(s.conn, "SELECT title FROM statement WHERE id = 'area-lead'") == [
        {"title": "Board and leadership"}]


def test_removing_an_instrument_takes_its_scores_and_undo_brings_everything_back(s):
    before = dump(s.conn)
    batch = G.remove_instrument(s, "five")
    assert rows(s.conn, "SELECT count(*) AS n FROM response WHERE instrument = 'five'") == [
        {"n": 0}]
    assert rows(s.conn, "SELECT count(*) AS n FROM statement WHERE instrument = 'five'") == [
        {"n": 0}]
    undo_batch(s, batch)
    assert dump(s.conn) == before


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(7)
    departments = [r["id"] for r in rows(s.conn, "SELECT id FROM department")]
    statements = [(r["instrument"], r["id"]) for r in rows(s.conn, "SELECT instrument, id "
                                                                   "FROM statement")]
    first = dump(s.conn)
    done = []
    for _ in range(80):
        instrument, statement = rng.choice(statements)
        who = {"department": rng.choice(departments)}
        high = 3 if instrument == "unified" else 5
        pick = rng.randrange(4)
        try:
            if pick == 0:
                done.append(G.set_score(s, instrument, statement, None, **who))
            elif pick == 1:
                done.append(G.set_evidence(s, instrument, statement, f"seen {rng.random():.3f}",
                                           private=rng.random() < 0.3, **who))
            else:
                done.append(G.set_score(s, instrument, statement, rng.randint(1, high), **who))
        except OpError:
            pass  # evidence for an unscored cell: refused, and nothing written
    undo_and_redo_are_exact(s, done, first)
