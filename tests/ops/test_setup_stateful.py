"""Random sequences of Setup verbs, with undo, never break the workshop's rules, and undoing
an op (the way the GUI's undo commands do, from the op's record) gives back exactly the
workshop from before it."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cxworkshop import model as m
from cxworkshop import ops
from cxworkshop.store import Session, create_file

from ..model.samples import full_workshop

names = st.text(alphabet="abcAB -", max_size=6)
colours = st.sampled_from([None, "#0072B2", "#abcdef", "#E69F00", "blue", "#12345"])
dates = st.sampled_from([None, "", "2026-11-23", "2024-02-29", "2026-02-30", "soon"])
stages = st.sampled_from(["discover", "blueprint", "later"])
index = st.integers(-2, 12)
pick = st.integers(0, 1000)


def undo(session: Session, change: ops.Change) -> None:
    """What an undo command does with a change record."""
    department = change.section == "departments"
    if isinstance(change, ops.Added):
        (ops.delete_department if department else ops.delete_participant)(session, change.id)
    elif isinstance(change, ops.Edited):
        if change.section == "workshop":
            ops.edit_workshop(session, **change.before)
        elif department:
            ops.edit_department(session, change.id, **change.before)
        else:
            ops.edit_participant(session, change.id, **change.before)
    elif isinstance(change, ops.Moved):
        (ops.move_department if department else ops.move_participant)(
            session, change.id, change.old_index)
    elif isinstance(change, ops.Deleted):
        ops.restore(session, change)
    else:  # pragma: no cover
        raise AssertionError(change)


class SetupPage(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="cxw-stateful-"))
        self.session = Session.open(create_file(self.folder / "w.cxw", full_workshop()))
        self.history: list[tuple[ops.Change, m.Workshop]] = []
        self.current = self.session.load()

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _do(self, op, *args, **kwargs) -> None:
        before = self.current
        try:
            change = op(self.session, *args, **kwargs)
        except ops.OpError:
            assert self.session.load() == before  # a refusal writes nothing
            return
        self.current = self.session.load()
        self.history.append((change, before))

    def _department(self, i: int) -> str:
        return self.current.departments[i % len(self.current.departments)].id

    def _participant(self, i: int) -> str:
        return self.current.participants[i % len(self.current.participants)].id

    @rule(name=names, colour=colours, at=st.none() | index)
    def add_department(self, name, colour, at):
        self._do(ops.add_department, name, colour, index=at)

    @rule(name=names, dept=pick, at=st.none() | index, senior=st.booleans(), with_dept=st.booleans())
    def add_participant(self, name, dept, at, senior, with_dept):
        department = self._department(dept) if with_dept and self.current.departments else None
        self._do(ops.add_participant, name, department, "role", senior, index=at)

    @precondition(lambda self: self.current.departments)
    @rule(which=pick, name=st.none() | names, colour=colours)
    def edit_department(self, which, name, colour):
        values = {"color": colour} if name is None else {"name": name, "color": colour}
        self._do(ops.edit_department, self._department(which), **values)

    @precondition(lambda self: self.current.participants)
    @rule(which=pick, name=names, dept=pick, senior=st.booleans())
    def edit_participant(self, which, name, dept, senior):
        department = self._department(dept) if self.current.departments and dept % 3 else None
        self._do(ops.edit_participant, self._participant(which), name=name, department=department,
                 senior=senior)

    @rule(title=names, date=dates, stage=stages)
    def edit_workshop(self, title, date, stage):
        self._do(ops.edit_workshop, title=title, date=date, current_stage=stage)

    @precondition(lambda self: self.current.departments)
    @rule(which=pick, to=index)
    def move_department(self, which, to):
        self._do(ops.move_department, self._department(which), to)

    @precondition(lambda self: self.current.participants)
    @rule(which=pick, to=index)
    def move_participant(self, which, to):
        self._do(ops.move_participant, self._participant(which), to)

    @precondition(lambda self: self.current.departments)
    @rule(which=pick)
    def delete_department(self, which):
        self._do(ops.delete_department, self._department(which))

    @precondition(lambda self: self.current.participants)
    @rule(which=pick)
    def delete_participant(self, which):
        self._do(ops.delete_participant, self._participant(which))

    @precondition(lambda self: self.history)
    @rule()
    def undo_last(self):
        change, before = self.history.pop()
        undo(self.session, change)
        self.current = self.session.load()
        assert self.current == before

    @invariant()
    def the_workshop_keeps_every_rule(self):
        m.check(self.current)
        names = [d.name.casefold() for d in self.current.departments]
        assert len(names) == len(set(names))

    @invariant()
    def the_file_says_the_same_after_reopening(self):
        if len(self.history) % 7 == 0:  # now and then: close, reopen, compare
            path = self.session.path
            self.session.close()
            self.session = Session.open(path)
            assert self.session.load() == self.current


SetupPage.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestSetupPage = SetupPage.TestCase
