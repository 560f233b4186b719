"""Fixtures shared by every test package; nothing here imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

import pytest  # noqa: E402

from cxworkshop.store import Session  # noqa: E402


@pytest.fixture
def session(tmp_path):
    """An open session on a fresh, empty workshop file; closed after the test."""
    s = Session.create(tmp_path / "workshop.cxw")
    try:
        yield s
    finally:
        s.close()
