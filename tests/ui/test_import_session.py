"""Opening a file says whose workshop it is: its title, for whom, who facilitated it and when,
as far as the file says. Checks read the file."""

from __future__ import annotations

import os

from cxworkshop import model as m
from cxworkshop.store import create_file
from cxworkshop.ui.main_window import whose_workshop

from .conftest import small_workshop


def test_opening_a_file_says_whose_workshop_it_is(make_window, tmp_path):
    w = small_workshop()
    w.workshop.organisation = "Larchmere Fibre"
    w.workshop.facilitator = "Priya Raman"
    w.workshop.date = "2026-11-18"
    path = create_file(tmp_path / "From Priya.cxw", w)
    window = make_window(path)
    assert window.statusBar().currentMessage() == (
        "Opened From Priya.cxw: “Bridging day” for Larchmere Fibre, facilitated by Priya Raman "
        "on 18 November 2026.")
    assert window.windowTitle() == "From Priya.cxw — Bridging day — CX Workshop"


def test_what_is_said_on_opening_leaves_out_what_the_file_does_not_say():
    info = m.WorkshopInfo(facilitator="Kim")
    assert whose_workshop("a.cxw", info) == "Opened a.cxw: a workshop, facilitated by Kim."
    info = m.WorkshopInfo(title="Offsite.", organisation="Acme", date="2027-02-01")
    assert whose_workshop("a.cxw", info) == "Opened a.cxw: “Offsite” for Acme on 1 February 2027."
    assert whose_workshop("a.cxw", m.WorkshopInfo(date="2027-02-01")) == ""


def test_an_older_file_still_says_it_opened_read_only(make_window, tmp_path):
    """Whose workshop it is does not hide that an older file is read-only here."""
    from tests.store.test_migrations import make_v1_file

    path = make_v1_file(tmp_path / "Old.cxw")
    os.chmod(path, 0o444)
    try:
        window = make_window(path)
        assert window.session.migrated_in_memory
        message = window.statusBar().currentMessage()
        assert message.startswith("Opened Old.cxw: “Customer journey day” for Acme, "
                                  "facilitated by Kim on 23 November 2026. "), message
        assert "older version and is read-only here" in message
    finally:
        os.chmod(path, 0o644)
