"""A damaged file either opens whole or is refused with `SessionFileError`; nothing else.

Thousands of seeded mutants of one good file, each with 1–8 bytes changed, are opened. A
mutant that opens must load and close like any file; one that does not must be refused with
the store's one exception, never a stray sqlite3, Unicode or assertion error.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from cxworkshop import model as m
from cxworkshop.store import Session, SessionFileError

from .files import SIDE_FILES, assert_one_sentence, make_file

MUTANTS_PER_SEED = 1000
SEEDS = [1, 2, 3, 4]


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "good.cxw"
    make_file(path)
    return path.read_bytes()


def mutate(data: bytes, rnd: random.Random) -> bytes:
    """Change 1–8 bytes: a third of mutants in the header, a third in the schema page (the
    first page), the rest anywhere; each change flips one bit or xors a random byte."""
    out = bytearray(data)
    zone = rnd.choice((100, 4096, len(out)))
    for _ in range(rnd.randint(1, 8)):
        pos = rnd.randrange(zone)
        out[pos] ^= (1 << rnd.randrange(8)) if rnd.random() < 0.5 else rnd.randrange(1, 256)
    return bytes(out)


def _clear(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_every_mutant_opens_whole_or_is_refused(tmp_path, good_bytes, seed):
    rnd = random.Random(seed)
    path = tmp_path / "mutant.cxw"
    outcomes: Counter[str] = Counter()
    for i in range(MUTANTS_PER_SEED):
        _clear(path)
        path.write_bytes(mutate(good_bytes, rnd))
        read_only = i % 4 == 3
        where = f"seed {seed}, mutant {i}"
        try:
            session = Session.open(path, read_only=read_only)
        except SessionFileError as exc:
            assert_one_sentence(str(exc), path)
            outcomes["refused"] += 1
            continue
        except Exception as exc:  # pragma: no cover - the failure this test exists to find
            pytest.fail(f"{where}: opening raised {type(exc).__name__}: {exc}")
        try:
            workshop = session.load()
            m.check(workshop)
        except Exception as exc:  # pragma: no cover
            pytest.fail(f"{where}: opened, but loading raised {type(exc).__name__}: {exc}")
        finally:
            session.close()
        outcomes["opened"] += 1
    # the mix is what makes the test worth running: plenty of both outcomes
    assert outcomes["opened"] > MUTANTS_PER_SEED // 10, outcomes
    assert outcomes["refused"] > MUTANTS_PER_SEED // 10, outcomes
