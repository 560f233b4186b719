"""For any valid workshop, deleting any department or participant and restoring it gives back
exactly the workshop that was there, and the workshop in between keeps every rule."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from cxworkshop import model as m
from cxworkshop import ops
from cxworkshop.store import Session, create_file
from tests.strategies import workshops


def test_delete_then_restore_any_department_or_participant(tmp_path_factory):
    folder = tmp_path_factory.mktemp("restore")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(workshops())
    def check(w: m.Workshop) -> None:
        path = create_file(folder / "w.cxw", w, overwrite=True)
        with Session.open(path) as s:
            before = s.load()
            assert before == w
            for delete, items in ((ops.delete_department, w.departments),
                                  (ops.delete_participant, w.participants)):
                for item in items:
                    deleted = delete(s, item.id)
                    between = s.load()
                    m.check(between)
                    assert item.id not in {x.id for x in between.departments + between.participants}
                    ops.restore(s, deleted)
                    assert s.load() == before

    check()
