"""The Setup page's verbs: each change is in the file when the op returns, each refusal is one
sentence and writes nothing, and each record carries what undo needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxworkshop import model as m
from cxworkshop import ops
from cxworkshop.model import vocabulary as V
from cxworkshop.store import Session, create_file

from ..model.samples import full_workshop


@pytest.fixture
def full(tmp_path):
    """An open session on the full sample workshop."""
    s = Session.open(create_file(tmp_path / "full.cxw", full_workshop()))
    yield s
    s.close()


def reopened(session: Session) -> m.Workshop:
    """What the next person to open the file sees, after this session has closed it."""
    path: Path = session.path
    session.close()
    with Session.open(path) as again:
        return again.load()


# -- each op's effect survives closing and reopening ------------------------------------------


def test_add_departments_in_order_with_palette_colours(session):
    a = ops.add_department(session, "  Sales ")
    b = ops.add_department(session, "Operations", "#112233")
    c = ops.add_department(session, "IT", index=0)
    assert (a.section, a.index, b.index, c.index) == ("departments", 0, 1, 0)
    w = reopened(session)
    assert [(d.id, d.name, d.color) for d in w.departments] == [
        (c.id, "IT", V.DEPARTMENT_PALETTE[1]),  # orange is taken, #112233 is not a palette colour
        (a.id, "Sales", V.DEPARTMENT_PALETTE[0]),
        (b.id, "Operations", "#112233"),
    ]


def test_colours_are_stored_in_capitals(session):
    ops.add_department(session, "Sales", "#abcdef", id="d-1")
    ops.edit_department(session, "d-1", color="#0072b2")
    assert reopened(session).departments[0].color == "#0072B2"


def test_the_palette_wraps_after_eight_departments(session):
    for i in range(10):
        ops.add_department(session, f"D{i}")
    colours = [d.color for d in reopened(session).departments]
    assert colours[:8] == list(V.DEPARTMENT_PALETTE)
    assert colours[8:] == [V.DEPARTMENT_PALETTE[0], V.DEPARTMENT_PALETTE[1]]


def test_edit_department(full):
    done = ops.edit_department(full, "d-it", name="Technology", color=None)
    assert done.before == {"name": "IT", "color": None}
    assert done.after == {"name": "Technology", "color": None}
    ops.edit_department(full, "d-sales", name="sales")  # its own name in other capitals is fine
    w = reopened(full)
    assert [d.name for d in w.departments] == ["sales", "Operations", "Technology"]


def test_add_and_edit_participants(full):
    eve = ops.add_participant(full, " Eve ", "d-it", " Analyst ", True, index=1)
    assert (eve.section, eve.index) == ("participants", 1)
    done = ops.edit_participant(full, "p-dan", name="Daniel", department="d-ops", role="Lead",
                                senior=True)
    assert done.before == {"name": "Dan", "department": None, "role": "", "senior": False}
    assert done.after["senior"] is True
    ops.edit_participant(full, "p-ann", department=None, senior=False)
    w = reopened(full)
    assert [p.id for p in w.participants] == ["p-ann", eve.id, "p-bob", "p-cat", "p-dan"]
    assert w.participants[1] == m.Participant(eve.id, "Eve", "d-it", "Analyst", True)
    assert w.participants[4] == m.Participant("p-dan", "Daniel", "d-ops", "Lead", True)
    assert w.participants[0] == m.Participant("p-ann", "Ann", None, "Head of sales", False)


def test_a_role_is_stripped_when_edited_as_when_added(full):
    done = ops.edit_participant(full, "p-dan", role="  Lead ")
    assert done.after == {"role": "Lead"}
    assert reopened(full).participants[3].role == "Lead"


def test_edit_workshop_details(session):
    done = ops.edit_workshop(session, title="Journey day", organisation="Acme", date="2026-11-23",
                             location="Room 4", facilitator="Kim", current_stage="blueprint")
    assert done.before["title"] == "" and done.before["date"] is None
    ops.edit_workshop(session, location="Room 5", date="")  # an empty date clears it
    info = reopened(session).workshop
    assert info == m.WorkshopInfo("Journey day", "Acme", None, "Room 5", "Kim", "blueprint")


def test_move_changes_order_and_moving_back_restores_it(full):
    before = full.load()
    moved = ops.move_department(full, "d-it", 0)
    assert (moved.old_index, moved.new_index) == (2, 0)
    assert [d.id for d in full.load().departments] == ["d-it", "d-sales", "d-ops"]
    far = ops.move_participant(full, "p-ann", 99)  # past the end: to the end
    assert (far.old_index, far.new_index) == (0, 3)
    assert [p.id for p in reopened(full).participants] == ["p-bob", "p-cat", "p-dan", "p-ann"]

    with Session.open(full.path) as s:
        ops.move_participant(s, "p-ann", far.old_index)
        ops.move_department(s, "d-it", moved.old_index)
        assert s.load() == before


def test_delete_department_keeps_its_people_and_notes(full):
    ops.delete_department(full, "d-sales")
    w = reopened(full)
    assert [d.id for d in w.departments] == ["d-ops", "d-it"]
    assert {p.id: p.department for p in w.participants} == {
        "p-ann": None, "p-bob": "d-ops", "p-cat": None, "p-dan": None}
    assert w.discover.notes[0].department is None
    assert [r.id for r in w.diagnostics.responses] == ["r-2", "r-3"]  # r-1 was the department's
    assert w.ambition.companions[0].department is None
    assert [p.department for p in w.priorities.decisions[0].positions] == ["d-ops"]
    assert [s.department for s in w.priorities.social_contract.signatures] == ["d-ops"]
    assert w.blueprint.milestones[0].lane is None
    m.check(w)


def test_delete_participant_takes_votes_and_seat_but_keeps_notes(full):
    ops.delete_participant(full, "p-bob")
    w = reopened(full)
    assert [p.id for p in w.participants] == ["p-ann", "p-cat", "p-dan"]
    note = w.discover.notes[1]
    assert (note.id, note.text, note.author) == ("n-2", "Old CRM", None)
    assert [v.participant for v in w.priorities.improvements[0].votes] == ["p-ann"]
    assert w.blueprint.council.members == ["p-ann"]
    # their own scores go with them; one they gave for a department stays, the department's
    assert [(r.id, r.department, r.participant) for r in w.diagnostics.responses] == [
        ("r-1", "d-sales", None), ("r-3", "d-ops", None)]
    assert w.blueprint.measures[0].owner is None
    m.check(w)


def test_delete_department_keeps_responses_that_also_name_a_participant(full):
    """r-3 names d-ops and p-bob: it stays, Bob's; r-1 named only d-sales and goes with it."""
    before = full.load()
    deleted = [ops.delete_department(full, "d-ops"), ops.delete_department(full, "d-sales")]
    responses = full.load().diagnostics.responses
    assert [(r.id, r.department, r.participant) for r in responses] == [
        ("r-2", None, "p-bob"), ("r-3", None, "p-bob")]
    assert responses[1].private  # the rest of the response is untouched
    m.check(reopened(full))
    with Session.open(full.path) as s:
        for d in reversed(deleted):
            ops.restore(s, d)
        assert s.load() == before


def test_delete_participant_then_department_takes_a_shared_response_at_the_second(full):
    before = full.load()
    chain = [ops.delete_participant(full, "p-bob"), ops.delete_department(full, "d-ops")]
    assert [r.id for r in full.load().diagnostics.responses] == ["r-1"]
    for deleted in reversed(chain):
        ops.restore(full, deleted)
    assert full.load() == before
    assert reopened(full) == before


def test_delete_the_chair(full):
    ops.delete_participant(full, "p-ann")
    w = reopened(full)
    co = w.blueprint.council
    assert (co.chair, co.members) == (None, ["p-bob"])
    assert w.priorities.improvements[0].accountable is None
    assert w.priorities.social_contract.signatures[0].participant is None
    m.check(w)


# -- undo data: a delete and its restore put back exactly what was there -----------------------


@pytest.mark.parametrize("department", ["d-sales", "d-ops", "d-it"])
def test_restore_after_delete_department_gives_back_the_same_workshop(full, department):
    before = full.load()
    deleted = ops.delete_department(full, department)
    assert full.load() != before
    restored = ops.restore(full, deleted)
    assert (restored.section, restored.id) == ("departments", department)
    assert full.load() == before
    assert reopened(full) == before


@pytest.mark.parametrize("participant", ["p-ann", "p-bob", "p-cat", "p-dan"])
def test_restore_after_delete_participant_gives_back_the_same_workshop(full, participant):
    before = full.load()
    deleted = ops.delete_participant(full, participant)
    ops.restore(full, deleted)
    assert reopened(full) == before


def test_undo_a_chain_of_deletes_in_reverse(full):
    before = full.load()
    chain = [ops.delete_department(full, "d-sales"), ops.delete_participant(full, "p-ann"),
             ops.delete_department(full, "d-ops"), ops.delete_participant(full, "p-bob")]
    assert full.load().participants == [m.Participant("p-cat", "Cat"), m.Participant("p-dan", "Dan")]
    for deleted in reversed(chain):
        ops.restore(full, deleted)
    assert reopened(full) == before


# -- refusals: one sentence, nothing written --------------------------------------------------


REFUSALS = [
    ("empty department name", lambda s: ops.add_department(s, "   "), "cannot be empty"),
    ("department name not text", lambda s: ops.add_department(s, None), "must be text"),
    ("same name in other capitals", lambda s: ops.add_department(s, " sALES "),
     'There is already a department called "Sales".'),
    ("renaming onto another name", lambda s: ops.edit_department(s, "d-it", name="operations"),
     'There is already a department called "Operations".'),
    ("colour by name", lambda s: ops.add_department(s, "Finance", "blue"), "'blue' is not a colour"),
    ("short colour", lambda s: ops.edit_department(s, "d-it", color="#123"), "not a colour"),
    ("unknown department", lambda s: ops.edit_department(s, "d-x", name="X"),
     'There is no department "d-x" in this workshop.'),
    ("unknown department field", lambda s: ops.edit_department(s, "d-it", budget=3),
     "A department has no detail called 'budget'."),
    ("participant in unknown department", lambda s: ops.add_participant(s, "Eve", "d-x"),
     'There is no department "d-x"'),
    ("moved into unknown department", lambda s: ops.edit_participant(s, "p-ann", department="d-x"),
     'There is no department "d-x"'),
    ("empty participant name", lambda s: ops.add_participant(s, ""), "cannot be empty"),
    ("blanking a participant name", lambda s: ops.edit_participant(s, "p-ann", name=" "),
     "cannot be empty"),
    ("unknown participant", lambda s: ops.delete_participant(s, "p-x"), 'no participant "p-x"'),
    ("moving an unknown department", lambda s: ops.move_department(s, "d-x", 0), "no department"),
    ("deleting an unknown department", lambda s: ops.delete_department(s, "d-x"), "no department"),
    ("impossible date", lambda s: ops.edit_workshop(s, title="New", date="2026-02-30"),
     "'2026-02-30' is not a date; write it like 2026-11-23."),
    ("date in another format", lambda s: ops.edit_workshop(s, date="23/11/2026"), "is not a date"),
    ("unknown stage", lambda s: ops.edit_workshop(s, current_stage="done"), "is not a stage"),
    ("unknown workshop field", lambda s: ops.edit_workshop(s, venue="x"), "no detail called 'venue'"),
    ("title not text", lambda s: ops.edit_workshop(s, title=5), "must be text"),
    ("id already used elsewhere", lambda s: ops.add_department(s, "Finance", id="n-1"),
     'The id "n-1" is already used in this workshop.'),
    ("participant id already used", lambda s: ops.add_participant(s, "Eve", id="d-it"),
     "already used"),
]


@pytest.mark.parametrize(("op", "says"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_a_refused_edit_says_why_and_writes_nothing(full, op, says):
    before = full.load()
    changes = full.conn.total_changes
    with pytest.raises(ops.OpError) as err:
        op(full)
    message = str(err.value)
    assert says in message
    assert "\n" not in message and message.endswith(".")
    assert full.load() == before
    assert full.conn.total_changes == changes
    assert not full.conn.in_transaction
    assert reopened(full) == before
