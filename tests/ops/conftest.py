import pytest

from cxworkshop.store import Session, create_file

from .boards import demo_workshop


@pytest.fixture
def s(tmp_path):
    """A session on a fresh copy of the demo workshop, closed after the test."""
    session = Session.open(create_file(tmp_path / "demo.cxw", demo_workshop()))
    yield session
    session.close()
