"""The council pack: the few pages the chair of the CX council takes to its first meeting.

In order: who sits on the council and how often it meets; its standing agenda, numbered; the
open actions, grouped by owner (owners by name, actions without one last); the measures with
their baselines, targets and owners; the agreed improvements with their accountable executives.
Anything missing is said in words ("no owner yet", "nothing yet"), never left as an empty table
or shown by colour alone. Every page has "page N of M" and the workshop's title at its foot.

The PDF is A4, set in the bundled DejaVu Sans (see `fonts`), and built with `invariant=1`: the
same workshop always gives the same bytes. Every text a participant typed is escaped before it
reaches reportlab's paragraph markup, so `<b>` or `&` print as typed. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .. import model as m
from ..files import write_whole
from ..model import blueprint as MB
from . import fonts

TITLE = "CX council: first meeting pack"
NOTHING = "—"  # an empty cell: a value that is not set
FLAG = "⚠"  # DejaVu Sans has it; always followed by words, never alone

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CADENCES = {"weekly": "every week", "monthly": "every month", "quarterly": "every quarter"}

# Characters reportlab cannot set or that mean nothing on paper: C0 controls but tab and
# newline, DEL, C1 controls. Lone surrogates are dealt with separately (see `_text`).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class CouncilPackError(Exception):
    """The council pack cannot be written; `str()` is one sentence naming the file."""


# ---------------------------------------------------------------------------------------------
# Words and numbers


def _text(text: str) -> str:
    """`text` as paragraph markup that prints exactly what was typed: escaped, line breaks
    kept, characters that cannot be printed dropped or replaced."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    text = text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate becomes "?"
    return escape(text).replace("\n", "<br/>")


def _plain(text: str) -> str:
    """`text` on one line, for the footer and the PDF's properties (no markup there)."""
    return _CONTROL.sub("", " ".join(text.split())).encode("utf-8", "replace").decode("utf-8")


def _flag(words: str) -> str:
    """A warning a reader notices without colour: the sign and the words, in bold."""
    return f"<b>{FLAG} {escape(words)}</b>"


def number(value: float | None) -> str:
    """A figure as the Measures screen shows it (`model.blueprint.number_text`: 42.0 -> "42",
    23.5 -> "23.5", never rounded); a missing value is a dash."""
    if value is None:
        return NOTHING
    if value != value or value in (float("inf"), float("-inf")):  # not in a valid workshop
        return str(value)
    return MB.number_text(value)


def _date(iso: str | None, *, short: bool = False) -> str:
    """"2026-12-04" -> "4 December 2026" (or "4 Dec 2026"); not a date: as stored."""
    if not iso:
        return NOTHING
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTHS[d.month - 1]
    return f"{d.day} {month[:3] if short else month} {d.year}"


def _month(value: str | None) -> str | None:
    """"2027-01" -> "January 2027"; not a month: as stored."""
    if not value:
        return None
    year, _, month = value.partition("-")
    if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return value


def _period(start: str | None, end: str | None) -> str | None:
    first, last = _month(start), _month(end)
    if first and last:
        return f"{first} – {last}"
    if first:
        return f"from {first}"
    if last:
        return f"until {last}"
    return None


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


# ---------------------------------------------------------------------------------------------
# Looks


@dataclass(frozen=True, slots=True)
class _Styles:
    title: object
    subtitle: object
    lead: object
    h2: object
    h3: object
    body: object
    note: object
    intro: object
    cell: object
    cell_right: object
    head: object
    head_right: object
    label: object


def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("cx-body", fontName=fonts.SANS, fontSize=10.5, leading=14,
                          textColor=colors.black)
    cell = ParagraphStyle("cx-cell", parent=base, fontSize=10, leading=12.5)
    head = ParagraphStyle("cx-head", parent=cell, fontName=fonts.SANS_BOLD)
    return _Styles(
        title=ParagraphStyle("cx-title", parent=base, fontName=fonts.SANS_BOLD, fontSize=20,
                             leading=24, spaceAfter=4),
        subtitle=ParagraphStyle("cx-subtitle", parent=base, fontSize=12, leading=15),
        lead=ParagraphStyle("cx-lead", parent=base, textColor=colors.HexColor("#333333"),
                            spaceBefore=6),
        h2=ParagraphStyle("cx-h2", parent=base, fontName=fonts.SANS_BOLD, fontSize=14,
                          leading=18, spaceBefore=16, spaceAfter=6, keepWithNext=1),
        h3=ParagraphStyle("cx-h3", parent=base, fontName=fonts.SANS_BOLD, fontSize=11,
                          leading=14, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        body=base,
        note=ParagraphStyle("cx-note", parent=base, textColor=colors.HexColor("#333333"),
                            spaceBefore=4, spaceAfter=2),
        intro=ParagraphStyle("cx-intro", parent=base, textColor=colors.HexColor("#333333"),
                             spaceBefore=4, spaceAfter=2, keepWithNext=1),
        cell=cell,
        cell_right=ParagraphStyle("cx-cell-right", parent=cell, alignment=TA_RIGHT),
        head=head,
        head_right=ParagraphStyle("cx-head-right", parent=head, alignment=TA_RIGHT),
        label=ParagraphStyle("cx-label", parent=cell, fontName=fonts.SANS_BOLD),
    )


#: Headings and a table up to this share of a page's height move to the next page together.
KEEP_TOGETHER = 0.45
#: A longer table needs this much room under its headings (a header row and a row or two).
ROOM_FOR_ROWS = 80

HEADER_FILL = "#E3E3E3"
ZEBRA_FILL = "#F4F4F4"
RULE = "#B4B4B4"


def _table(rows: list[list[object]], widths: list[float], *, header: bool = True):
    """A table of paragraphs: a light header row repeated on each page, hairlines between
    rows, every other row lightly shaded; a tall row may break across pages."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    style = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 10),  # else the table names Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.HexColor("#777777")),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.HexColor("#777777")),
    ]
    if header:
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#777777")),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(ZEBRA_FILL)]),
        ]
    return Table(rows, colWidths=widths, style=TableStyle(style), repeatRows=1 if header else 0,
                 splitInRow=1, hAlign="LEFT")


# ---------------------------------------------------------------------------------------------
# The content


class _Pack:
    """The story (list of flowables) for one workshop."""

    def __init__(self, workshop: m.Workshop, width: float, height: float):
        self.w = workshop
        self.width, self.height = width, height
        self.s = _styles()
        self.people = {p.id: p for p in workshop.participants}
        self.departments = {d.id: d.name for d in workshop.departments}
        self.improvements = {i.id: i for i in workshop.priorities.improvements}

    # helpers ---------------------------------------------------------------------------------

    def p(self, markup: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style or self.s.body)

    def cols(self, *fractions: float) -> list[float]:
        return [self.width * f for f in fractions]

    def keep(self, heads: list[object], table) -> list[object]:
        """Headings and the table under them. A short whole is kept on one page; a long table
        starts under its headings and runs on, after a page break if little room is left
        (never a heading alone at the foot of a page)."""
        from reportlab.platypus import CondPageBreak, KeepTogether

        def height(flowable) -> float:
            return (flowable.wrap(self.width, self.height * 100)[1]
                    + flowable.getSpaceBefore() + flowable.getSpaceAfter())

        group = [*heads, table]
        if sum(height(f) for f in group) <= KEEP_TOGETHER * self.height:
            return [KeepTogether(group)]
        for head in heads:
            head.keepWithNext = 0  # else reportlab keeps them with the whole table
        return [CondPageBreak(sum(height(f) for f in heads) + ROOM_FOR_ROWS), *heads, table]

    def person(self, pid: str | None) -> m.Participant | None:
        return self.people.get(pid) if pid is not None else None

    def department_of(self, person: m.Participant | None) -> str | None:
        if person is None or person.department is None:
            return None
        return self.departments.get(person.department)

    def name_and_department(self, person: m.Participant) -> str:
        department = self.department_of(person)
        return _text(person.name) + (f" ({_text(department)})" if department else "")

    # sections --------------------------------------------------------------------------------

    def story(self) -> list[object]:
        return [*self.heading(), *self.council(), *self.agenda(), *self.actions(),
                *self.measures(), *self.agreed()]

    def heading(self) -> list[object]:
        from reportlab.platypus import Spacer

        info = self.w.workshop
        names = [_text(t) for t in (info.organisation, info.title) if t.strip()]
        held = (f"Workshop held on {_date(info.date)}" if info.date
                else "The workshop's date is not recorded")
        if info.facilitator.strip():
            held += f", facilitated by {_text(info.facilitator)}"
        return [
            self.p(escape(TITLE), self.s.title),
            self.p(" · ".join(names) if names else "Untitled workshop", self.s.subtitle),
            self.p(held + ".", self.s.subtitle),
            self.p("What the workshop handed to the council: who sits on it and how often it "
                   "meets, its standing agenda, the actions still open, the measures it "
                   "watches and the improvements it answers for.", self.s.lead),
            Spacer(1, 2),
        ]

    def council(self) -> list[object]:
        council = self.w.blueprint.council
        s = self.s
        chair = self.person(council.chair)
        strategic = council.strategic_cadence
        period = _period(self.w.blueprint.start, self.w.blueprint.end)
        facts = [
            ("Chair", self.name_and_department(chair) if chair else _flag("no chair named yet")),
            ("Operational council", "meets " + escape(CADENCES.get(
                council.operational_cadence, council.operational_cadence))),
            ("Strategic council", "meets " + escape(CADENCES.get(strategic, strategic))
             if strategic else "not set up"),
            ("Blueprint period", escape(period) if period else "not set yet"),
        ]
        out = self.keep([self.p("1. The council", s.h2)],
                        _table([[self.p(k, s.label), self.p(v, s.cell)] for k, v in facts],
                               self.cols(0.3, 0.7), header=False))
        members = [p for p in (self.person(pid) for pid in council.members) if p is not None]
        if not members:
            out += [self.p("Members", s.h3),
                    self.p("No members named yet: invite a lead from each department.", s.note)]
            return out
        rows = [[self.p("Name", s.head), self.p("Department", s.head), self.p("Role", s.head)]]
        for person in members:
            name = _text(person.name)
            if chair is not None and person.id == chair.id:
                name += " (chair)"
            rows.append([self.p(name, s.cell), self.p(_text(self.department_of(person) or
                                                            NOTHING), s.cell),
                         self.p(_text(person.role or NOTHING), s.cell)])
        out += self.keep([self.p(f"Members ({len(members)})", s.h3)],
                         _table(rows, self.cols(0.32, 0.3, 0.38)))
        return out

    def agenda(self) -> list[object]:
        s = self.s
        items = self.w.blueprint.council.agenda
        heading = self.p("2. Standing agenda", s.h2)
        if not items:
            return [heading,
                    self.p("Nothing yet: agree the standing agenda at this meeting.", s.note)]
        rows = [[self.p(f"{n}.", s.cell_right), self.p(_text(item), s.cell)]
                for n, item in enumerate(items, 1)]
        from reportlab.platypus import Table, TableStyle

        return self.keep([heading], Table(
            rows, colWidths=self.cols(0.06, 0.94), hAlign="LEFT", splitInRow=1,
            style=TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 10),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 3),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                              ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))

    def actions(self) -> list[object]:
        s = self.s
        out: list[object] = []
        heads = [self.p("3. Open actions by owner", s.h2)]
        open_ = [a for a in self.w.actions if a.status == "open"]
        closed = len(self.w.actions) - len(open_)
        if not open_:
            return [*heads, self.p("Nothing yet: no action is open." + (
                f" ({_plural(closed, 'action')} done or dropped.)" if closed else ""), s.note)]
        groups: dict[str | None, list[m.Action]] = {}
        for action in open_:
            owner = self.person(action.owner)
            groups.setdefault(owner.id if owner else None, []).append(action)
        order = sorted(groups, key=lambda pid: (pid is None, self._name_key(pid)))
        summary = f"{_plural(len(open_), 'open action')}, by owner"
        if closed:
            summary += f"; {_plural(closed, 'more is', 'more are')} done or dropped and not listed"
        heads.append(self.p(summary + ".", s.intro))
        for pid in order:
            owner = self.person(pid)
            if owner is None:
                title = _flag("No owner yet")
            else:
                department = self.department_of(owner)
                title = _text(owner.name) + (f" · {_text(department)}" if department else "")
            rows = [[self.p("Action", s.head), self.p("Due", s.head),
                     self.p("Improvement", s.head)]]
            for action in sorted(groups[pid], key=lambda a: (a.due is None, a.due or "")):
                improvement = self.improvements.get(action.improvement or "")
                rows.append([self.p(_text(action.text), s.cell),
                             self.p(escape(_date(action.due, short=True)), s.cell),
                             self.p(_text(improvement.title) if improvement else NOTHING,
                                    s.cell)])
            out += self.keep([*heads, self.p(title, s.h3)], _table(rows, self.cols(0.5, 0.15, 0.35)))
            heads = []
        return out

    def _name_key(self, pid: str | None) -> tuple[str, str, str]:
        person = self.person(pid)
        if person is None:
            return ("", "", "")
        return (person.name.casefold(), person.name, person.id)

    def measures(self) -> list[object]:
        s = self.s
        heading = self.p("4. Measures", s.h2)
        measures = self.w.blueprint.measures
        if not measures:
            return [heading, self.p("Nothing yet: no measure has been set. Agree one number per "
                                    "improvement, with a baseline, a target and who reports it.",
                                    s.note)]
        rows = [[self.p("Measure", s.head), self.p("Unit", s.head),
                 self.p("Baseline", s.head_right), self.p("Target", s.head_right),
                 self.p("Due", s.head), self.p("Owner", s.head)]]
        for measure in measures:
            owner = self.person(measure.owner)
            rows.append([
                self.p(_text(measure.name), s.cell),
                self.p(_text(measure.unit) if measure.unit.strip() else NOTHING, s.cell),
                self.p(escape(number(measure.baseline)), s.cell_right),
                self.p(escape(number(measure.target)), s.cell_right),
                self.p(escape(_date(measure.due, short=True)), s.cell),
                self.p(_text(owner.name) if owner else _flag("no owner"), s.cell),
            ])
        return self.keep([heading], _table(rows, self.cols(0.305, 0.135, 0.12, 0.1, 0.15, 0.19)))

    def agreed(self) -> list[object]:
        s = self.s
        heading = self.p("5. Agreed improvements", s.h2)
        improvements = self.w.priorities.improvements
        agreed = [i for i in improvements if i.status == "agreed"]
        others = [i for i in improvements if i.status != "agreed"]
        left_out = ""
        if others:
            counts = [f"{n} {status}" for status in ("proposed", "parked")
                      if (n := sum(i.status == status for i in others))]
            left_out = (f" Not listed: {' and '.join(counts)} "
                        f"improvement{'' if len(others) == 1 else 's'}.")
        if not agreed:
            return [heading,
                    self.p("Nothing yet: no improvement has been agreed." + left_out, s.note)]
        rows = [[self.p("Improvement", s.head), self.p("Accountable executive", s.head),
                 self.p("How we will know", s.head)]]
        for improvement in agreed:
            person = self.person(improvement.accountable)
            if person is None:
                who = _flag("no accountable executive yet")
            else:
                department = self.department_of(person)
                who = _text(person.name) + (f"<br/>{_text(department)}" if department else "")
            measure = (_text(improvement.measure) if improvement.measure.strip()
                       else _flag("no measure yet"))
            rows.append([self.p(_text(improvement.title), s.cell), self.p(who, s.cell),
                         self.p(measure, s.cell)])
        out = self.keep([heading], _table(rows, self.cols(0.38, 0.25, 0.37)))
        if left_out:
            out.append(self.p(left_out.strip(), s.note))
        return out


# ---------------------------------------------------------------------------------------------
# The document


def _canvas_maker(footer_title: str, pages: list[int]):
    """A canvas that holds every page back until the end, so each can say "page N of M"."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    size = 8.5

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            pages.append(total)
            for state in self._held:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            left, right, y = MARGIN, width - MARGIN, FOOTER_Y
            counter = f"page {self._pageNumber} of {total}"
            room = right - left - stringWidth(counter, fonts.SANS, size) - 24
            title = footer_title
            if stringWidth(title, fonts.SANS, size) > room:
                title = title[:300]  # far more than a line holds; the rest goes one by one
                while title and stringWidth(title + "…", fonts.SANS, size) > room:
                    title = title[:-1]
                title = title.rstrip() + "…"
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(left, y + 11, right, y + 11)
            self.setFillColor(colors.HexColor("#333333"))
            self.setFont(fonts.SANS, size)
            self.drawString(left, y, title)
            self.drawRightString(right, y, counter)
            self.restoreState()

    return NumberedCanvas


MARGIN = 18 * 2.834645669  # 18 mm, in points
FOOTER_Y = 10 * 2.834645669


def _render(workshop: m.Workshop) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    fonts.register()
    info = workshop.workshop
    title = _plain(info.title) or "Untitled workshop"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, invariant=1, initialFontName=fonts.SANS,  # else Helvetica too
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 8,
        title=f"{TITLE} — {title}", author=_plain(info.organisation),
        subject="The CX council's first meeting pack", creator="CX Workshop",
    )
    pages: list[int] = []
    doc.build(_Pack(workshop, doc.width, doc.height).story(), canvasmaker=_canvas_maker(title, pages))
    return buffer.getvalue(), pages[-1]


def council_pack_pdf(workshop: m.Workshop) -> bytes:
    """The council pack of `workshop` as PDF bytes; the same workshop gives the same bytes."""
    return _render(workshop)[0]


def write_council_pack(workshop: m.Workshop, path: str | os.PathLike[str], *,
                       overwrite: bool) -> int:
    """Write the council pack to `path`, whole or not at all, and return its number of pages.
    Raises `CouncilPackError` (one sentence naming `path`) when it is a folder, exists (and not
    `overwrite`) or cannot be written; nothing is written then."""
    name = os.fspath(path)
    out = Path(path)
    if out.is_dir():
        raise CouncilPackError(f"{name} is a folder; give a file name for the council pack.")
    if not overwrite and out.exists():
        raise CouncilPackError(f"{name} already exists; add --force to replace it.")
    data, pages = _render(workshop)
    write_whole(out, data, overwrite=overwrite, problem=CouncilPackError)
    return pages
