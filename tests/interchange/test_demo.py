"""The built-in demo workshop: valid, complete, readable on the wall, and stored canonically."""

from __future__ import annotations

import itertools
from collections import Counter
from importlib.resources import files

import pytest

from cxworkshop.demo import demo_workshop
from cxworkshop.interchange import dumps
from cxworkshop.model import vocabulary as V


@pytest.fixture(scope="module")
def w():
    return demo_workshop()


def test_the_file_is_in_exported_form():
    """Every field present, in export order: importing and exporting changes no byte."""
    text = (files("cxworkshop") / "resources" / "demo-workshop.json").read_text("utf-8")
    assert dumps(demo_workshop()) == text


def test_departments_use_the_palette(w):
    assert len(w.departments) == 6
    assert [d.color for d in w.departments] == list(V.DEPARTMENT_PALETTE[:6])
    assert "Northwind" not in w.workshop.organisation


def test_people_and_agenda(w):
    assert 9 <= len(w.participants) <= 12
    assert sum(p.senior for p in w.participants) >= 5
    assert {p.department for p in w.participants} == {d.id for d in w.departments}
    assert {a.stage for a in w.agenda} >= set(V.STAGES)


def test_the_wall_is_readable(w):
    notes = w.discover.notes
    assert len(notes) >= 28
    assert {n.department for n in notes} == {d.id for d in w.departments}
    assert {n.kind for n in notes} == set(V.NOTE_KINDS)
    assert {n.dimension for n in notes} == set(V.DIMENSIONS)
    assert all((n.w, n.h) == (180.0, 120.0) for n in notes)
    for a, b in itertools.combinations(notes, 2):
        apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
        assert apart, (a.id, b.id)
    assert all(n.x >= 0 and n.y >= 0 for n in notes)
    assert any(n.private for n in notes)


def test_clusters_surround_exactly_their_notes(w):
    assert 3 <= len(w.discover.clusters) <= 4
    for c in w.discover.clusters:
        inside = {n.id for n in w.discover.notes
                  if c.x <= n.x and n.x + n.w <= c.x + c.w and c.y <= n.y and n.y + n.h <= c.y + c.h}
        members = {n.id for n in w.discover.notes if n.cluster == c.id}
        assert members and inside == members, c.id
    for a, b in itertools.combinations(w.discover.clusters, 2):
        assert a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y


def test_links_cross_departments(w):
    dept = {n.id: n.department for n in w.discover.notes}
    crossing = [lk for lk in w.discover.links if dept[lk.source] != dept[lk.target]]
    assert len(crossing) >= 5
    assert all(lk.label for lk in w.discover.links)


def test_diagnostics(w):
    by_id = {i.id: i for i in w.diagnostics.instruments}
    five, unified = by_id["five"], by_id["unified"]
    assert five.scale == "agreement"
    assert [s.title for s in five.statements] == [
        "Belief", "Alignment", "Way of working", "Engagement", "Capability"]
    assert unified.scale == "strength" and len(unified.statements) == 9
    responses = w.diagnostics.responses
    for ins in (five, unified):
        answered = {r.department for r in responses if r.instrument == ins.id}
        assert answered == {d.id for d in w.departments}
        spread = Counter(r.score for r in responses if r.instrument == ins.id)
        assert len(spread) >= 2  # departments diverge
    assert sum(r.private for r in responses) == 1
    assert sum(bool(r.evidence) for r in responses) >= 10


def test_ambition_is_filled(w):
    am = w.ambition
    assert all([am.cx_definition, am.vision, am.destination, am.horizon, am.approach,
                am.programme_name])
    assert len(am.companions) >= 5
    assert {c.side for c in am.companions} == set(V.COMPANION_SIDES)
    assert len({c.role for c in am.companions}) >= 4


def test_priorities(w):
    pr = w.priorities
    assert pr.dots_per_participant == 5
    assert len(pr.improvements) >= 6
    seniors = {p.id for p in w.participants if p.senior}
    spent = Counter()
    for imp in pr.improvements:
        assert imp.accountable in seniors and imp.measure and imp.notes
        assert imp.impact is not None and imp.effort is not None
        for v in imp.votes:
            spent[v.participant] += v.dots
    assert max(spent.values()) <= pr.dots_per_participant
    assert {i.status for i in pr.improvements} == set(V.IMPROVEMENT_STATUSES)
    assert len(pr.decisions) == 3
    assert all(len(d.positions) >= 3 for d in pr.decisions)
    assert {p.stance for d in pr.decisions for p in d.positions} == set(V.STANCES)
    sc = pr.social_contract
    assert sc.preamble and len(sc.rules) == 6
    assert 0 < len(sc.signatures) < len(w.departments)


def test_blueprint_and_actions(w):
    bp = w.blueprint
    assert (bp.start, bp.end) == ("2027-01", "2028-12")
    assert len(bp.milestones) >= 8
    assert all(bp.start <= ms.start <= ms.end <= bp.end for ms in bp.milestones)
    assert len({ms.lane for ms in bp.milestones if ms.lane}) >= 5
    assert len(bp.measures) >= 4
    assert all(k.baseline is not None and k.target is not None for k in bp.measures)
    assert bp.council.chair in bp.council.members and len(bp.council.members) >= 5
    assert 7 <= len(bp.council.agenda) <= 10
    assert len(w.actions) >= 10 and all(a.owner and a.due for a in w.actions)
