"""Random sequences of Discover board verbs, with undo and redo of their batches in the order an
undo stack allows, never break the workshop's rules; each undo gives back exactly the file
from before its op, each redo the file from after it, and undoing everything gives back the
first file, the board's own tables included."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from cxworkshop import ops
from cxworkshop.model import rules
from cxworkshop.model import vocabulary as V
from cxworkshop.ops import discover as D
from cxworkshop.store import Session, create_file

from ..model.samples import full_workshop
from .boards import dump

# mostly good values, now and then one an op must refuse
texts = st.sampled_from(["Late invoices", "  Old CRM ", "客户 😀", "a\nb", "x", "Why?", "", "   "])
departments = st.sampled_from([None, "d-sales", "d-ops", "d-it", "d-sales", "d-ops", "d-gone"])
kinds = st.sampled_from([*V.NOTE_KINDS, *V.NOTE_KINDS, "worry"])
dimensions = st.sampled_from([None, *V.DIMENSIONS, *V.DIMENSIONS, "money"])
coordinates = st.one_of(st.floats(-600, 2400, allow_nan=False, allow_infinity=False),
                        st.sampled_from([0.0, 100.0, 150.0, 420.0, 0.0, 100.0, float("nan")]))
sizes = st.one_of(st.floats(1, 900, allow_nan=False), st.sampled_from([180.0, 400.0, 0.0]))
rarely = st.integers(0, 6).map(lambda i: i == 0)
pick = st.integers(0, 1000)
picks = st.lists(pick, max_size=4)


class DiscoverBoard(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="cxw-board-"))
        self.session = Session.open(create_file(self.folder / "w.cxw", full_workshop()))
        self.first = dump(self.session.conn)
        self.now = self.first
        # (batch, file before, file after), as an undo stack and a redo stack
        self.done: list[tuple[ops.Batch, dict, dict]] = []
        self.undone: list[tuple[ops.Batch, dict, dict]] = []
        self.steps = 0

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------------

    def _ids(self, table: str) -> list[str]:
        return [r[0] for r in self.session.conn.execute(f"SELECT id FROM {table} ORDER BY pos")]

    def _one(self, table: str, i: int) -> str | None:
        ids = self._ids(table)
        return ids[i % len(ids)] if ids else None

    def _some(self, table: str, indexes: list[int]) -> list[str]:
        ids = self._ids(table)
        return [ids[i % len(ids)] for i in indexes] if ids else []

    def _do(self, op, *args, **kwargs) -> None:
        before = self.now
        try:
            batch = op(self.session, *args, **kwargs)
        except ops.OpError as err:
            assert "\n" not in str(err) and str(err).endswith(".")
            assert not self.session.conn.in_transaction
            assert dump(self.session.conn) == before  # a refusal writes nothing
            return
        self.now = dump(self.session.conn)
        if not batch:
            assert self.now == before  # an op with nothing to record changed nothing
            return
        self.done.append((batch, before, self.now))
        self.undone.clear()  # a new edit ends what could be redone, as on an undo stack

    # -- board verbs ------------------------------------------------------------------------

    @rule(text=texts, department=departments, kind=kinds, dimension=dimensions,
          placed=st.booleans(), x=coordinates, y=coordinates)
    def add_note(self, text, department, kind, dimension, placed, x, y):
        where = {"x": x, "y": y} if placed else {}
        self._do(D.add_note, text, department, kind, dimension, **where)

    @precondition(lambda self: self._ids("note"))
    @rule(which=pick, text=st.none() | texts, department=departments, kind=kinds,
          private=st.booleans())
    def edit_note(self, which, text, department, kind, private):
        values = {"department": department, "kind": kind, "private": private}
        if text is not None:
            values["text"] = text
        self._do(D.edit_note, self._one("note", which), **values)

    @rule(notes=picks, frames=st.lists(pick, max_size=2), x=coordinates, y=coordinates,
          bogus=rarely)
    def move_items(self, notes, frames, x, y, bogus):
        ids = self._some("note", notes) + self._some("cluster", frames)
        if bogus:
            ids.append("l-1" if self._ids("link") else "n-none")
        places = {oid: (x + 37.0 * i, y - 11.0 * i) for i, oid in enumerate(ids)}
        self._do(D.move_items, places)

    @precondition(lambda self: self._ids("cluster"))
    @rule(which=pick, x=coordinates, y=coordinates, w=sizes, h=sizes)
    def set_frame(self, which, x, y, w, h):
        self._do(D.set_frame, self._one("cluster", which), x, y, w, h)

    @rule(notes=picks, frames=st.lists(pick, max_size=1), links=st.lists(pick, max_size=2),
          bogus=rarely)
    def delete_items(self, notes, frames, links, bogus):
        ids = (self._some("link", links) + self._some("note", notes)
               + self._some("cluster", frames) + (["nothing"] if bogus else []))
        self._do(D.delete_items, ids)

    @rule(notes=picks)
    def duplicate_notes(self, notes):
        self._do(D.duplicate_notes, self._some("note", notes))

    @rule(title=texts, notes=picks, rect=st.none() | st.tuples(coordinates, coordinates, sizes, sizes))
    def add_cluster(self, title, notes, rect):
        self._do(D.add_cluster, title, self._some("note", notes), rect=rect)

    @precondition(lambda self: self._ids("cluster"))
    @rule(which=pick, title=texts)
    def edit_cluster(self, which, title):
        self._do(D.edit_cluster, self._one("cluster", which), title)

    @precondition(lambda self: self._ids("note"))
    @rule(start=pick, end=pick, label=texts)  # `target` is a word hypothesis keeps for itself
    def add_link(self, start, end, label):
        self._do(D.add_link, self._one("note", start), self._one("note", end), label)

    @precondition(lambda self: self._ids("link"))
    @rule(which=pick, label=texts)
    def edit_link(self, which, label):
        self._do(D.edit_link, self._one("link", which), label)

    @rule(by=st.sampled_from([*D.ARRANGEMENTS, "colours"]))
    def arrange(self, by):
        self._do(D.arrange, by)

    # -- undo and redo ----------------------------------------------------------------------

    @precondition(lambda self: self.done)
    @rule()
    def undo(self):
        batch, before, after = self.done.pop()
        ops.undo_batch(self.session, batch)
        self.now = dump(self.session.conn)
        assert self.now == before
        self.undone.append((batch, before, after))

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self):
        batch, before, after = self.undone.pop()
        ops.redo_batch(self.session, batch)
        self.now = dump(self.session.conn)
        assert self.now == after
        self.done.append((batch, before, after))

    @precondition(lambda self: self.done)
    @rule()
    def undo_everything_then_redo_it(self):
        last = self.now
        for batch, _before, _after in reversed(self.done):
            ops.undo_batch(self.session, batch)
        assert dump(self.session.conn) == self.first
        for batch, _before, _after in self.done:
            ops.redo_batch(self.session, batch)
        assert dump(self.session.conn) == last
        self.undone.clear()

    # -- what always holds ------------------------------------------------------------------

    @invariant()
    def the_workshop_keeps_every_rule(self):
        rules.check(self.session.load())

    @invariant()
    def a_free_board_keeps_no_saved_places(self):
        arrangement = D.arrangement(self.session)
        saved = self.session.conn.execute("SELECT count(*) FROM free_layout").fetchone()[0]
        assert arrangement in D.ARRANGEMENTS
        if arrangement == "free":
            assert saved == 0

    @invariant()
    def the_file_says_the_same_after_reopening(self):
        self.steps += 1
        if self.steps % 9 == 0:
            path = self.session.path
            self.session.close()
            self.session = Session.open(path)
            assert dump(self.session.conn) == self.now


DiscoverBoard.TestCase.settings = settings(
    max_examples=30, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDiscoverBoard = DiscoverBoard.TestCase
