"""Run every benchmark and print one table: each figure, its target, PASS or MISS.

    make bench                                  # all of them (QT_QPA_PLATFORM=offscreen)
    .venv/bin/python benchmarks/run.py ops      # only bench_ops.py
    .venv/bin/python benchmarks/run.py --json results.json

A benchmark is a module `benchmarks/bench_<name>.py` with `run() -> list[dict]` (rows made by
`_common.figure`) and, optionally, `ORDER` (lower runs first). New modules are picked up by
their file name; nothing here needs to change.

Exit status: 0 when every figure that has a target meets it; 1 when one misses, a benchmark
fails, or one is skipped (its figures are then unproven).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from _common import Skip, machine  # noqa: E402


def discover() -> tuple[list[tuple[str, object]], list[str]]:
    """The benchmark modules in run order, and one line for each that would not import."""
    modules, broken = [], []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        try:
            modules.append((name, importlib.import_module(path.stem)))
        except Exception as exc:
            broken.append(f"{name}: FAILED to import, {type(exc).__name__}: {exc}")
    return sorted(modules, key=lambda nm: (getattr(nm[1], "ORDER", 100), nm[0])), broken


def value_text(row: dict) -> str:
    v, unit = row["value"], row["unit"]
    if unit == "x":
        return f"{v:.2f}x"
    if unit == "ms":
        return f"{v:.3f} ms" if v < 1 else f"{v:.2f} ms"
    if unit == "s":
        return f"{v:.3f} s"
    return f"{v:g} {unit}".strip()


def verdict(row: dict) -> str:
    return {True: "PASS", False: "MISS", None: ""}[row["passed"]]


def table(rows: list[dict]) -> str:
    head = ("benchmark", "figure", "result", "target", "verdict", "note")
    body = [(r["bench"], r["figure"], value_text(r), r["target"] or "-", verdict(r), r["note"])
            for r in rows]
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(len(head))]
    right = {2}  # figures line up on the right

    def line(cells) -> str:
        out = []
        for i, cell in enumerate(cells):
            cell = str(cell)
            out.append(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]))
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    lines, last = [line(head), rule], None
    for r, cells in zip(rows, body, strict=True):
        if last is not None and r["bench"] != last:
            lines.append("")
        lines.append(line(cells if r["bench"] != last else ("", *cells[1:])))
        last = r["bench"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="benchmark names to run (default: all)")
    parser.add_argument("--json", metavar="OUT.json", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    benches, broken = discover()
    unknown = set(args.only) - {name for name, _ in benches}
    if unknown:
        parser.error(f"no benchmark called {', '.join(sorted(unknown))}; "
                     f"there are: {', '.join(n for n, _ in benches)}")
    info = machine()
    print(f"CX Workshop benchmarks, {dt.datetime.now():%Y-%m-%d %H:%M}")
    print(f"  {info['cpu']}, {info['cores']} cores, {info['memory']}; {info['os']}")
    print(f"  Python {info['python']}, PySide6 {info['pyside6']}, SQLite {info['sqlite']}, "
          f"temp files on {info['tmp_fs']}")
    print(flush=True)

    rows: list[dict] = []
    problems: list[str] = list(broken)
    started = time.perf_counter()
    for name, module in benches:
        if args.only and name not in args.only:
            continue
        print(f"running {name} ...", end=" ", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            got = module.run()
        except Skip as exc:
            problems.append(f"{name}: SKIPPED, {exc}")
            print("skipped", file=sys.stderr)
            continue
        except Exception as exc:
            traceback.print_exc()
            problems.append(f"{name}: FAILED, {type(exc).__name__}: {exc}")
            continue
        print(f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        rows.extend(got)

    if rows:
        print(table(rows))
    misses = [r for r in rows if r["passed"] is False]
    print()
    for problem in problems:
        print(problem)
    checked = sum(r["passed"] is not None for r in rows)
    print(f"{checked - len(misses)} of {checked} targets met"
          + (f"; MISSED: {', '.join(r['bench'] + ' / ' + r['figure'] for r in misses)}"
             if misses else "")
          + f". Took {time.perf_counter() - started:.0f} s.")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "rows": rows, "problems": problems},
                                              indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if misses or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
