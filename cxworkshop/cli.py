"""The command line: `cxworkshop [FILE]` opens the window; subcommands work without one.

Every failure is one sentence on stderr and exit code 2; nothing already saved is overwritten
unless `--force` says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

COMMANDS = ("new", "demo", "import", "export", "check")


class CliError(Exception):
    """One sentence for stderr; exit code 2."""


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="cxworkshop",
        description="Run a customer-experience alignment workshop from one laptop. "
                    "With no command, open the app (on FILE, if given).",
        epilog="Commands: " + ", ".join(COMMANDS) + ". Run `cxworkshop COMMAND --help` for each.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("new", help="create an empty workshop file",
                       description="Create a new, empty workshop session file.")
    p.add_argument("out", metavar="OUT.cxw")
    p.add_argument("--title", default="", help="the workshop's title")
    p.add_argument("--force", action="store_true", help="replace OUT.cxw if it exists")

    p = sub.add_parser("demo", help="write the built-in demo workshop to a file",
                       description="Write the built-in demo workshop to a session file.")
    p.add_argument("out", metavar="OUT.cxw")
    p.add_argument("--force", action="store_true", help="replace OUT.cxw if it exists")

    p = sub.add_parser("import", help="turn interchange JSON into a workshop file",
                       description="Check an interchange JSON document (format v1) and write it "
                                   "as a session file. Nothing is written if the document has a "
                                   "problem.")
    p.add_argument("json_in", metavar="IN.json")
    p.add_argument("out", metavar="OUT.cxw")
    p.add_argument("--force", action="store_true", help="replace OUT.cxw if it exists")

    p = sub.add_parser("export", help="write a workshop file out in another format",
                       description="Export a session file. The file itself is only read.")
    p.add_argument("file", metavar="FILE.cxw")
    p.add_argument("--json", metavar="OUT.json", required=True,
                   help="write the whole workshop as interchange JSON (format v1)")
    p.add_argument("--force", action="store_true", help="replace the output if it exists")

    p = sub.add_parser("check", help="check a workshop file and summarise it",
                       description="Open a session file read-only, check it, and print how many "
                                   "of each thing it holds.")
    p.add_argument("file", metavar="FILE.cxw")
    return parser


def _gui_args(argv: list[str]) -> tuple[str | None, set[str]]:
    """`cxworkshop [FILE] [--demo]`, read without argparse: it is on the start-up path."""
    file, flags = None, set()
    for arg in argv:
        if arg in ("--demo", "--exit-when-shown"):  # the second is for the start-up benchmark
            flags.add(arg)
        elif arg.startswith("-") or file is not None:
            raise CliError(f"{arg} is not a command or option; see cxworkshop --help.")
        else:
            file = arg
    return file, flags


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        _parser().print_help()
        return 0
    if not argv or argv[0] not in COMMANDS:
        try:
            file, flags = _gui_args(argv)
        except CliError as exc:
            print(f"cxworkshop: {exc}", file=sys.stderr)
            return 2
        from .ui.app import run

        return run(file, demo="--demo" in flags, exit_when_shown="--exit-when-shown" in flags)
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CliError as exc:
        print(f"cxworkshop: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from . import model as m
    from .interchange import InterchangeError, dump_json, load_json
    from .store import Session, SessionFileError, create_file

    try:
        if args.command == "new":
            w = m.Workshop()
            w.workshop.title = args.title
            create_file(args.out, w, overwrite=args.force)
            print(f"Created {args.out}.")
        elif args.command == "demo":
            from .demo import demo_workshop

            create_file(args.out, demo_workshop(), overwrite=args.force)
            print(f"Wrote the demo workshop to {args.out}.")
        elif args.command == "import":
            if _same_file(args.out, args.json_in):
                raise CliError(f"{_as(args.out, args.json_in)} is the document being imported; "
                               "choose another name for the session file.")
            workshop = load_json(args.json_in)
            create_file(args.out, workshop, overwrite=args.force)
            print(f"Imported {args.json_in} into {args.out}.")
        elif args.command == "export":
            out = Path(args.json)
            if _same_file(out, args.file):
                raise CliError(f"{_as(out, args.file)} is the session file being exported; "
                               "choose another name for the JSON.")
            if out.exists() and not args.force:
                raise CliError(f"{out} already exists; add --force to replace it.")
            with Session.open(args.file, read_only=True) as session:
                workshop = session.load()
            dump_json(workshop, out)
            print(f"Exported {args.file} to {out}.")
        elif args.command == "check":
            with Session.open(args.file, read_only=True) as session:
                workshop = session.load()
            print(summary(args.file, workshop))
    except (SessionFileError, InterchangeError) as exc:
        raise CliError(str(exc)) from None
    except m.WorkshopInvalid as exc:
        raise CliError(f"the workshop cannot be written: {exc}.") from None
    except OSError as exc:
        raise CliError(f"{exc.filename or 'a file'} could not be used: {exc.strerror}.") from None
    return 0


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether the two paths name one file: the same path, a symlink to it or a hard link."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet), or cannot be looked at
        pass
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):  # a symlink loop: the command itself will say so
        return False


def _as(out: str | os.PathLike[str], source: str) -> str:
    """`out`, and the file it leads to when it is spelt differently (a symlink, say)."""
    return source if os.fspath(out) == source else f"{os.fspath(out)} (that is, {source})"


def summary(name: str, w) -> str:
    """A few lines a facilitator can read: what the file holds, section by section."""
    info = w.workshop
    pr, bp = w.priorities, w.blueprint
    lines = [
        f"{name}: a valid CX Workshop session.",
        f"  Workshop:      {info.title or '(untitled)'}"
        + (f", {info.organisation}" if info.organisation else "")
        + (f", {info.date}" if info.date else ""),
        f"  Departments:   {len(w.departments)}",
        f"  Participants:  {len(w.participants)}",
        f"  Agenda items:  {len(w.agenda)}",
        f"  Discover:      {len(w.discover.notes)} notes, {len(w.discover.clusters)} clusters, "
        f"{len(w.discover.links)} links",
        f"  Diagnostics:   {len(w.diagnostics.instruments)} instruments, "
        f"{len(w.diagnostics.responses)} responses",
        f"  Ambition:      {len(w.ambition.companions)} companions",
        f"  Priorities:    {len(pr.improvements)} improvements, {len(pr.decisions)} decisions, "
        f"{len(pr.social_contract.rules)} contract rules, "
        f"{len(pr.social_contract.signatures)} signatures",
        f"  Blueprint:     {len(bp.milestones)} milestones, {len(bp.measures)} measures, "
        f"{len(bp.council.members)} council members",
        f"  Actions:       {len(w.actions)}",
    ]
    return "\n".join(lines)
