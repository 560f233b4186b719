"""What goes into a file comes back out equal: create_file(w) → Session.open → load() == w."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from cxworkshop import model as m
from cxworkshop.store import Session, create_file
from tests.strategies import workshops

from ..model.samples import full_workshop


def roundtrip(tmp_path, w: m.Workshop, name: str = "w.cxw") -> m.Workshop:
    path = tmp_path / name
    create_file(path, w, overwrite=True)
    with Session.open(path) as s:
        return s.load()


def test_the_full_sample_round_trips(tmp_path):
    assert roundtrip(tmp_path, full_workshop()) == full_workshop()


def test_awkward_values_round_trip(tmp_path):
    w = full_workshop()
    w.workshop.title = "Ça va? 🚀 \"quoted\" 'single' ; DROP TABLE note; --\nsecond line\t\u202eRTL"
    w.workshop.organisation = "nul\x00inside"
    w.discover.notes[0].text = "x" * 100_000
    w.discover.notes[0].x = -1e308
    w.discover.notes[0].y = 5e-324
    w.discover.notes[0].w = 1e-9
    w.agenda[1].minutes = 2**53 - 1
    w.blueprint.measures[0].baseline = -0.5
    w.priorities.improvements[0].roadblocks = ["", " ", "same", "same"]
    w.blueprint.council.agenda = ["same", "same"]
    back = roundtrip(tmp_path, w)
    assert back == w
    assert back.workshop.organisation == "nul\x00inside"


def test_order_of_every_list_is_kept(tmp_path):
    w = full_workshop()
    for items in (w.departments, w.participants, w.discover.notes, w.diagnostics.responses,
                  w.priorities.improvements[0].votes, w.priorities.improvements[0].notes,
                  w.priorities.social_contract.rules, w.blueprint.council.members):
        items.reverse()
    assert roundtrip(tmp_path, w) == w


def test_any_valid_workshop_round_trips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roundtrip")

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(workshops())
    def check(w: m.Workshop) -> None:
        m.check(w)  # the strategy promises valid workshops; say so if it ever does not
        assert roundtrip(folder, w) == w

    check()
