"""What every PDF of the app shares: printing typed text safely, words for dates and numbers,
the type styles, tables, and pages that say "page N of M".

**Typed text is never markup.** reportlab's Paragraph reads `<` and `&` as markup: unescaped, a
note reading `<img src="/a/local/file.png"/>` would embed that file in the PDF and `0.1 <A <0.9`
would stop the export. `text()` escapes every text a participant typed, keeps its line breaks,
drops characters that cannot be printed, and sets characters DejaVu Sans lacks (Chinese,
Japanese, Korean) in a font that has them (see `fonts.runs`). Text drawn straight on a page
(headers, footers, chart labels) goes through `draw()` for the same reason. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Table  # this module is only loaded to make a PDF

from .. import model as m
from ..model import blueprint as MB
from . import fonts

NOTHING = "—"  # an empty cell: a value that is not set
FLAG = "⚠"  # DejaVu Sans has it; always followed by words, never alone

MONTHS = MB.MONTH_NAMES
CADENCES = MB.CADENCE_WORDS

# Characters reportlab cannot set or that mean nothing on paper: C0 controls but tab and
# newline, DEL, C1 controls. Lone surrogates are dealt with separately (see `clean`).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MM = 2.834645669  # points in a millimetre
MARGIN = 18 * MM
FOOTER_Y = 10 * MM


# ---------------------------------------------------------------------------------------------
# Words and numbers


def clean(value: str) -> str:
    """Typed text with Windows and old Mac line breaks made plain, tabs as spaces, control
    characters dropped and a lone surrogate (which UTF-8 cannot hold) as "?"."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _CONTROL.sub("", value)
    return value.encode("utf-8", "replace").decode("utf-8")


def text(value: str) -> str:
    """`value` as paragraph markup that prints exactly what was typed: escaped, line breaks
    kept, each run of characters in a font that has them."""
    out = []
    for font, piece in fonts.runs(clean(value)):
        piece = escape(piece).replace("\n", "<br/>")
        out.append(piece if font == fonts.SANS else f'<font name="{font}">{piece}</font>')
    return "".join(out)


def plain(value: str) -> str:
    """`value` on one line, for headers, footers and the PDF's properties (no markup there)."""
    return " ".join(clean(value).split())


def flag(words: str) -> str:
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


def date(iso: str | None, *, short: bool = False) -> str:
    """"2026-12-04" -> "4 December 2026" (or "4 Dec 2026"); not a date: as stored."""
    if not iso:
        return NOTHING
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTHS[d.month - 1]
    return f"{d.day} {month[:3] if short else month} {d.year}"


def month(value: str | None) -> str | None:
    """"2027-01" -> "January 2027"; not a month: as stored."""
    if not value:
        return None
    year, _, number_ = value.partition("-")
    if year.isdigit() and number_.isdigit() and 1 <= int(number_) <= 12:
        return f"{MONTHS[int(number_) - 1]} {year}"
    return value


def period(start: str | None, end: str | None) -> str | None:
    first, last = month(start), month(end)
    if first and last:
        return f"{first} – {last}"
    if first:
        return f"from {first}"
    if last:
        return f"until {last}"
    return None


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def draw(canvas, x: float, y: float, value: str, font: str, size: float, *,
         align: str = "left") -> float:
    """Draw one line of typed text on a reportlab canvas, each run in a font that has it;
    returns its width. `align` is "left", "right" or "centre" about `x`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces = [(font if name == fonts.SANS else name, piece) for name, piece in fonts.runs(value)]
    width = sum(stringWidth(piece, name, size) for name, piece in pieces)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for name, piece in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, name, size)
    return width


def width_of(value: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, font if name == fonts.SANS else name, size)
               for name, piece in fonts.runs(value))


def shorten(value: str, font: str, size: float, room: float) -> str:
    """`value` cut with "…" to fit `room` points (whole when it fits)."""
    if width_of(value, font, size) <= room:
        return value
    value = value[:300]  # far more than a line holds; the rest goes one by one
    while value and width_of(value + "…", font, size) > room:
        value = value[:-1]
    return value.rstrip() + "…"


# ---------------------------------------------------------------------------------------------
# Looks


@dataclass(frozen=True, slots=True)
class Styles:
    title: object
    subtitle: object
    lead: object
    h1: object
    h2: object
    h3: object
    body: object
    note: object
    intro: object
    quote: object
    cell: object
    cell_right: object
    cell_small: object
    head: object
    head_right: object
    label: object


INK = "#1A1A1A"
GREY = "#4D4D4D"  # secondary text: still 8:1 on white


def styles() -> Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("cx-body", fontName=fonts.SANS, fontSize=10.5, leading=14,
                          textColor=colors.HexColor(INK))
    cell = ParagraphStyle("cx-cell", parent=base, fontSize=10, leading=12.5)
    head = ParagraphStyle("cx-head", parent=cell, fontName=fonts.SANS_BOLD)
    grey = colors.HexColor(GREY)
    return Styles(
        title=ParagraphStyle("cx-title", parent=base, fontName=fonts.SANS_BOLD, fontSize=20,
                             leading=24, spaceAfter=4),
        subtitle=ParagraphStyle("cx-subtitle", parent=base, fontSize=12, leading=15),
        lead=ParagraphStyle("cx-lead", parent=base, textColor=grey, spaceBefore=6),
        h1=ParagraphStyle("cx-h1", parent=base, fontName=fonts.SANS_BOLD, fontSize=17,
                          leading=21, spaceBefore=0, spaceAfter=8, keepWithNext=1),
        h2=ParagraphStyle("cx-h2", parent=base, fontName=fonts.SANS_BOLD, fontSize=14,
                          leading=18, spaceBefore=16, spaceAfter=6, keepWithNext=1),
        h3=ParagraphStyle("cx-h3", parent=base, fontName=fonts.SANS_BOLD, fontSize=11,
                          leading=14, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        body=base,
        note=ParagraphStyle("cx-note", parent=base, textColor=grey, spaceBefore=4, spaceAfter=2),
        intro=ParagraphStyle("cx-intro", parent=base, textColor=grey, spaceBefore=4,
                             spaceAfter=2, keepWithNext=1),
        quote=ParagraphStyle("cx-quote", parent=base, fontSize=12, leading=16.5, leftIndent=12,
                             spaceBefore=2, spaceAfter=8),
        cell=cell,
        cell_right=ParagraphStyle("cx-cell-right", parent=cell, alignment=TA_RIGHT),
        cell_small=ParagraphStyle("cx-cell-small", parent=cell, fontSize=9, leading=11.5,
                                  textColor=grey),
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


#: A row is only cut in two with at least this much room left on the page (points); with less,
#: the whole row moves to the next page (no sliver of a row, or header over a sliver, at a foot).
ROOM_TO_CUT_A_ROW = 300


class SplitTable(Table):
    """A table that breaks between rows, and cuts a row in two only when the page has room for
    a good part of it (a row taller than a page must be cut somewhere)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("splitInRow", 1)
        super().__init__(*args, **kwargs)

    def split(self, availWidth, availHeight):
        self.splitInRow = 1 if availHeight >= ROOM_TO_CUT_A_ROW else 0
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.hAlign = self.hAlign  # the copy of a cut row forgets it
        return parts


def table(rows: list[list[object]], widths: list[float], *, header: bool = True,
          extra: list[tuple] = ()):
    """A table of paragraphs: a light header row repeated on each page, hairlines between
    rows, every other row lightly shaded; a tall row may break across pages."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

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
    return SplitTable(rows, colWidths=widths, style=TableStyle([*style, *extra]),
                      repeatRows=1 if header else 0, hAlign="LEFT")


class Story:
    """Helpers for a document's story (list of flowables) about one workshop."""

    def __init__(self, workshop: m.Workshop, width: float, height: float):
        self.w = workshop
        self.width, self.height = width, height
        self.s = styles()
        self.people = {p.id: p for p in workshop.participants}
        self.departments = {d.id: d.name for d in workshop.departments}
        self.improvements = {i.id: i for i in workshop.priorities.improvements}

    def p(self, markup: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style or self.s.body)

    def cols(self, *fractions: float) -> list[float]:
        return [self.width * f for f in fractions]

    def keep(self, heads: list[object], table_) -> list[object]:
        """Headings and the table (or chart) under them. A short whole is kept on one page; a
        long table starts under its headings and runs on, after a page break if little room
        is left (never a heading alone at the foot of a page)."""
        from reportlab.platypus import CondPageBreak, KeepTogether

        def height(flowable) -> float:
            return (flowable.wrap(self.width, self.height * 100)[1]
                    + flowable.getSpaceBefore() + flowable.getSpaceAfter())

        group = [*heads, table_]
        if sum(height(f) for f in group) <= KEEP_TOGETHER * self.height:
            return [KeepTogether(group)]
        if not hasattr(table_, "repeatRows"):  # a chart cannot be cut: it all moves on
            return [CondPageBreak(sum(height(f) for f in group)), *group]
        for head in heads:
            if hasattr(head, "style"):  # a paragraph (a drawing has no such flag)
                head.keepWithNext = 0  # else reportlab keeps them with the whole table
        return [CondPageBreak(sum(height(f) for f in heads) + ROOM_FOR_ROWS), *heads, table_]

    def listing(self, rows: list[list[object]], *, marker: float = 0.06, room: float = 2):
        """A list without rules: a narrow column of numbers or bullets, then the items;
        `room` is the space above and below each item (points)."""
        from reportlab.platypus import TableStyle

        return SplitTable(rows, colWidths=self.cols(marker, 1 - marker), hAlign="LEFT",
                          style=TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 10),
                                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                            ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                                            ("TOPPADDING", (0, 0), (-1, -1), room),
                                            ("BOTTOMPADDING", (0, 0), (-1, -1), room)]))

    def person(self, pid: str | None) -> m.Participant | None:
        return self.people.get(pid) if pid is not None else None

    def department_of(self, person: m.Participant | None) -> str | None:
        if person is None or person.department is None:
            return None
        return self.departments.get(person.department)

    def name_and_department(self, person: m.Participant) -> str:
        department = self.department_of(person)
        return text(person.name) + (f" ({text(department)})" if department else "")


# ---------------------------------------------------------------------------------------------
# Pages


def canvas_maker(footer_title: str, pages: list[int], *, header: str | None = None,
                 plain_first_page: bool = False):
    """A canvas that holds every page back until the end, so each can say "page N of M" at its
    foot beside `footer_title`; with `header`, a running header on top of every page (but the
    first, when `plain_first_page`: a cover)."""
    from reportlab.lib import colors
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
                if not (plain_first_page and self._pageNumber == 1):
                    self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            left, right, y = MARGIN, width - MARGIN, FOOTER_Y
            counter = f"page {self._pageNumber} of {total}"
            room = right - left - width_of(counter, fonts.SANS, size) - 24
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            self.line(left, y + 11, right, y + 11)
            self.setFillColor(colors.HexColor("#333333"))
            draw(self, left, y, shorten(footer_title, fonts.SANS, size, room), fonts.SANS, size)
            draw(self, right, y, counter, fonts.SANS, size, align="right")
            if header:
                top = height - FOOTER_Y
                draw(self, left, top, shorten(header, fonts.SANS, size, right - left), fonts.SANS,
                     size)
                self.line(left, top - 4, right, top - 4)
            self.restoreState()

    return NumberedCanvas


class Cancelled(Exception):
    """The person waiting for a document asked to stop."""


def build(story: list[object], *, pagesize, footer_title: str, header: str | None = None,
          plain_first_page: bool = False, title: str, author: str, subject: str,
          progress: Callable[[int, int], bool | None] | None = None,
          top_margin: float = MARGIN) -> tuple[bytes, int]:
    """Lay `story` out on pages (the same story always gives the same bytes) and return the
    PDF's bytes and its number of pages. `progress(done, total)` hears how far the layout is
    (in flowables); when it returns False the build stops with `Cancelled`."""
    import io

    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    doc = document(buffer, pagesize=pagesize, title=title, author=author, subject=subject,
                   top_margin=top_margin)
    if progress is not None:
        total, done = [max(1, len(story))], [0]

        def heard(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                # a flowable split over two pages counts again: never step back
                done[0] = max(done[0], min(value, total[0]))
                if progress(done[0], total[0]) is False:
                    raise Cancelled()

        doc.setProgressCallBack(heard)
    pages: list[int] = []
    SimpleDocTemplate.build(doc, story, canvasmaker=canvas_maker(
        footer_title, pages, header=header, plain_first_page=plain_first_page))
    return buffer.getvalue(), pages[-1]


def frame(pagesize, *, top_margin: float = MARGIN) -> tuple[float, float]:
    """The width and height text has on a page of `pagesize` (as `document` lays it out)."""
    width, height = pagesize
    padding = 2 * 6  # reportlab's frame keeps 6 points inside each edge
    return width - 2 * MARGIN - padding, height - top_margin - (MARGIN + 8) - padding


def document(buffer, *, pagesize, title: str, author: str, subject: str,
             top_margin: float = MARGIN):
    """The page frame every PDF of the app uses; `invariant=1` for byte-identical output."""
    from reportlab.platypus import SimpleDocTemplate

    fonts.register()
    return SimpleDocTemplate(
        buffer, pagesize=pagesize, invariant=1, initialFontName=fonts.SANS,  # else Helvetica too
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=top_margin, bottomMargin=MARGIN + 8,
        title=title, author=author, subject=subject, creator="CX Workshop",
    )


def write_pdf(path, make: Callable[[], tuple[bytes, int]], *, overwrite: bool, what: str,
              problem: type[Exception]) -> int:
    """Write the PDF `make()` returns to `path`, whole or not at all, and return its number of
    pages. Raises `problem` (one sentence naming `path`) when it is a folder, exists (and not
    `overwrite`) or cannot be written; nothing is written then, and `make` is not called when
    the answer is known beforehand."""
    import os
    from pathlib import Path

    from ..files import write_whole

    name = os.fspath(path)
    out = Path(path)
    if out.is_dir():
        raise problem(f"{name} is a folder; give a file name for the {what}.")
    if not overwrite and out.exists():
        raise problem(f"{name} already exists; add --force to replace it.")
    data, pages = make()
    write_whole(out, data, overwrite=overwrite, problem=problem)
    return pages
