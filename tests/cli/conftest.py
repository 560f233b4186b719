"""What every CLI test shares: running the command in-process, the demo as a session file, and
the check that a refusal is one sentence."""

import pytest

from cxworkshop.cli import main
from cxworkshop.demo import demo_workshop
from cxworkshop.store import create_file


def run(*argv):
    """`cxworkshop ARGV...` in this process; its exit code."""
    return main([str(a) for a in argv])


def one_sentence(err):
    """stderr as a refusal must be: one line, "cxworkshop: ...", a full stop, no traceback."""
    err = err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("cxworkshop: ") and err.endswith(".") and "Traceback" not in err
    return err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_file(tmp_path_factory.mktemp("demo") / "demo.cxw", demo_workshop())
