"""Import: a 2,000-note interchange JSON document into a new session file.

Timed in-process (`interchange.load_json` then `store.create_file`, split into its two halves
as well) and as the facilitator runs it, `cxworkshop import IN.json OUT.cxw` in a subprocess
(so Python's start-up and the imports are in that figure).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from _common import PY, Skip, app_home, figure, interchange_missing, median, timed_run
from _workload import interchange_document

ORDER = 20
NOTES = 2000
ROUNDS = 5  # each, after one unmeasured warm-up
TARGET = 1.0  # seconds


def run() -> list[dict]:
    why = interchange_missing()
    if why:
        raise Skip(why)
    from cxworkshop.interchange import load_json
    from cxworkshop.store import create_file

    doc = interchange_document(NOTES)
    b = "import"
    with tempfile.TemporaryDirectory(prefix="cxw-bench-import-") as tmp, app_home() as env:
        src = Path(tmp, "in.json")
        src.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        size = src.stat().st_size
        load, write, whole, cli = [], [], [], []
        for i in range(ROUNDS + 1):
            out = Path(tmp, f"inproc-{i}.cxw")
            t0 = time.perf_counter()
            workshop = load_json(src)
            t1 = time.perf_counter()
            create_file(out, workshop)
            t2 = time.perf_counter()
            if i == 0:
                _check_counts(workshop, doc)
            else:
                load.append(t1 - t0)
                write.append(t2 - t1)
                whole.append(t2 - t0)
            wall, _ = timed_run([PY, "-m", "cxworkshop", "import", str(src),
                                 str(Path(tmp, f"cli-{i}.cxw"))], env)
            if i:
                cli.append(wall)
        db_size = Path(tmp, "cli-1.cxw").stat().st_size
    what = (f"{NOTES:,} notes, {len(doc['discover']['clusters'])} clusters, "
            f"{len(doc['discover']['links'])} links; JSON {size / 1024:.0f} KiB -> "
            f".cxw {db_size / 1024:.0f} KiB")
    return [
        figure(b, "in-process load_json + create_file, median", median(whole), "s",
               target=f"< {TARGET:g} s", limit=TARGET, note=what),
        figure(b, "  of which load_json (parse, schema, rules)", median(load), "s"),
        figure(b, "  of which create_file (write, fsync, publish)", median(write), "s"),
        figure(b, "CLI `cxworkshop import` subprocess, median", median(cli), "s",
               target=f"< {TARGET:g} s", limit=TARGET, note="spawn to exit"),
    ]


def _check_counts(workshop, doc: dict) -> None:
    """The benchmark means nothing if the importer dropped half the document."""
    want = (len(doc["discover"]["notes"]), len(doc["discover"]["links"]), len(doc["participants"]))
    got = (len(workshop.discover.notes), len(workshop.discover.links), len(workshop.participants))
    if got != want:
        raise RuntimeError(f"load_json read {got} notes/links/participants; the document has {want}")
