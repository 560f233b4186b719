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
DEFAULT_WIDTH, MIN_WIDTH, MAX_WIDTH = 1920, 200, 16000  # the same as ui/canvas/image.py's
MAX_ASPECT = 4


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
                       description="Export a session file as JSON, the workshop report as a "
                                   "PDF, its actions as a CSV "
                                   "table, the council pack as a PDF, a picture of its Discover "
                                   "board, the board as a JSON Canvas for Obsidian and other "
                                   "whiteboards, or any of these in one run (give --json, --pdf, "
                                   "--csv, --council-pack, --png and --canvas together). The "
                                   "session "
                                   "file itself is only read, so it may be read-only or open in "
                                   "the app. No window is opened: --png works without a display.")
    p.add_argument("file", metavar="FILE.cxw")
    p.add_argument("--json", metavar="OUT.json",
                   help="write the whole workshop as interchange JSON (format v1)")
    p.add_argument("--pdf", metavar="OUT.pdf",
                   help="write the workshop report: a cover with who took part, the day at a "
                        "glance, then Discover, Diagnostics, Ambition, Priorities, the social "
                        "contract, Blueprint and every action, with charts")
    p.add_argument("--paper", metavar="SIZE",
                   help="the report's paper: a4 (the default) or letter")
    p.add_argument("--include-private", action="store_true",
                   help="put the notes and scores marked private into the report and the "
                        "canvas too (they are left out unless this is given)")
    p.add_argument("--csv", metavar="OUT.csv",
                   help="write the actions as a CSV table for a spreadsheet (UTF-8 with a BOM): "
                        "action, owner, owner's department, due, status, improvement; a cell "
                        "starting with = + - @ gets an apostrophe in front, so it is never run "
                        "as a formula")
    p.add_argument("--council-pack", metavar="OUT.pdf",
                   help="write the council pack, an A4 PDF for the chair of the CX council's "
                        "first meeting: the council and how often it meets, its standing agenda, "
                        "the open actions by owner, the measures and the agreed improvements")
    p.add_argument("--canvas", metavar="OUT.canvas",
                   help="write the Discover board as JSON Canvas 1.0 (Obsidian Canvas and other "
                        "tools open it): each note a text node holding its text as typed, each "
                        "cluster a group, each link an arrow; private notes, and the links to "
                        "them, are left out")
    p.add_argument("--png", metavar="OUT.png",
                   help="draw the Discover board as a PNG image, everything on it fitted in "
                        "(as the facilitator sees it: private notes too, marked private)")
    p.add_argument("--width", metavar="N",
                   help=f"the PNG's width in pixels, {MIN_WIDTH} to {MAX_WIDTH} (default "
                        f"{DEFAULT_WIDTH}); its height follows the board's shape, at most "
                        f"{MAX_ASPECT} times the width and 100 million pixels in all (a board "
                        "beyond that is scaled down to fit, centred)")
    p.add_argument("--force", action="store_true", help="replace the outputs if they exist")

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
    from .interchange import InterchangeError, load_json
    from .store import Session, SessionFileError, create_file

    try:
        if args.command == "new":
            w = m.new_workshop()
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
            _export(args)
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


def _width(text: str | None) -> int:
    if text is None:
        return DEFAULT_WIDTH
    try:
        width = int(text)
    except ValueError:
        width = None
    if width is None or not MIN_WIDTH <= width <= MAX_WIDTH:
        raise CliError(f"--width must be a whole number of pixels from {MIN_WIDTH} to "
                       f"{MAX_WIDTH}, not \"{text}\".")
    return width


def _check_output(out: str, source: str, what: str, force: bool) -> None:
    """Refuse an output that is the input, a folder, in no folder, or there already."""
    if _same_file(out, source):
        raise CliError(f"{_as(out, source)} is the session file being exported; "
                       f"choose another name for the {what}.")
    path = Path(out)
    if path.is_dir():
        raise CliError(f"{out} is a folder; give a file name for the {what}.")
    if not path.absolute().parent.is_dir():
        raise CliError(f"{out} cannot be created: its folder does not exist.")
    if path.exists() and not force:
        raise CliError(f"{out} already exists; add --force to replace it.")


def _export(args: argparse.Namespace) -> None:
    """`export FILE --json OUT.json --pdf OUT.pdf --csv OUT.csv --council-pack OUT.pdf --png OUT.png
    --canvas OUT.canvas`: every output is checked before anything is read or written; each is
    then written whole or not at all."""
    from .interchange import dump_json
    from .interchange.actions_csv import ActionsCsvError, write_actions_csv
    from .store import Session

    if all(out is None for out in (args.json, args.pdf, args.csv, args.council_pack, args.png,
                                   args.canvas)):
        raise CliError("export needs --json OUT.json, --pdf OUT.pdf, --csv OUT.csv, "
                       "--council-pack OUT.pdf, --png OUT.png or --canvas OUT.canvas (or "
                       "several); see cxworkshop export --help.")
    if args.paper is not None and args.pdf is None:
        raise CliError("--paper is the report's paper size; add --pdf OUT.pdf to write one.")
    if args.include_private and args.pdf is None and args.canvas is None:
        raise CliError("--include-private is for the report and the canvas; add --pdf OUT.pdf "
                       "or --canvas OUT.canvas.")
    paper = (args.paper or "a4").lower()
    if paper not in ("a4", "letter"):
        raise CliError(f"--paper must be a4 or letter, not \"{args.paper}\".")
    if args.width is not None and args.png is None:
        raise CliError("--width is the width of the PNG; add --png OUT.png to draw one.")
    width = _width(args.width)
    outputs = [(option, out, what) for option, out, what in (
        ("--json", args.json, "JSON"), ("--pdf", args.pdf, "report"), ("--csv", args.csv, "CSV"),
        ("--council-pack", args.council_pack, "council pack"), ("--png", args.png, "PNG"),
        ("--canvas", args.canvas, "canvas")) if out is not None]
    for i, (option, out, what) in enumerate(outputs):
        _check_output(out, args.file, what, args.force)
        for earlier, earlier_out, _ in outputs[:i]:
            if _same_file(earlier_out, out):
                raise CliError(f"{out} is given for both {earlier} and {option}; "
                               "choose two names.")
    with Session.open(args.file, read_only=True) as session:
        needed = (args.json, args.pdf, args.csv, args.council_pack, args.canvas)
        workshop = session.load() if any(out is not None for out in needed) else None
        if args.json is not None:
            dump_json(workshop, args.json)
            print(f"Exported {args.file} to {args.json}.")
        if args.pdf is not None:
            from .report.workshop_report import ReportError, write_report

            try:
                pages = write_report(workshop, args.pdf, overwrite=args.force, paper=paper,
                                     include_private=args.include_private)
            except ReportError as exc:
                raise CliError(str(exc)) from None
            print(f"Wrote the report of {args.file} to {args.pdf} ({_count(pages, 'page')}, "
                  f"{'A4' if paper == 'a4' else 'US Letter'}).")
        if args.csv is not None:
            try:
                write_actions_csv(workshop, args.csv, overwrite=args.force)
            except ActionsCsvError as exc:
                raise CliError(str(exc)) from None
            count = len(workshop.actions)
            print(f"Wrote the {count} action{'' if count == 1 else 's'} of {args.file} "
                  f"to {args.csv}.")
        if args.council_pack is not None:
            from .report.council_pack import CouncilPackError, write_council_pack

            try:
                pages = write_council_pack(workshop, args.council_pack, overwrite=args.force)
            except CouncilPackError as exc:
                raise CliError(str(exc)) from None
            print(f"Wrote the council pack of {args.file} to {args.council_pack} "
                  f"({pages} page{'' if pages == 1 else 's'}).")
        if args.canvas is not None:
            from .interchange.json_canvas import CanvasError, write_canvas

            try:
                notes, groups, links = write_canvas(workshop, args.canvas, overwrite=args.force,
                                                    include_private=args.include_private)
            except CanvasError as exc:
                raise CliError(str(exc)) from None
            print(f"Wrote the Discover board of {args.file} to {args.canvas} as JSON Canvas "
                  f"({_count(notes, 'note')}, {_count(groups, 'group')}, "
                  f"{_count(links, 'link')}).")
        if args.png is not None:
            from .ui.canvas.image import BoardImageError, save_board_png

            try:
                size = save_board_png(session, args.png, width, overwrite=args.force)
            except BoardImageError as exc:
                raise CliError(str(exc)) from None
            fitted = " (the board is scaled down to fit that size)" if size.fitted else ""
            print(f"Drew the Discover board of {args.file} to {args.png}, "
                  f"{size.width} x {size.height} pixels{fitted}.")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


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
