"""The workshop report (PDF), read back with pypdf as a reader would read it: every text the
room typed is there exactly, whatever its characters; nothing typed is taken for markup; fonts
are embedded; empty sections say so; the page count follows the workshop's size."""

from __future__ import annotations

import copy
import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.report import fonts
from cxworkshop.report.workshop_report import (
    Cancelled,
    ReportError,
    private_counts,
    report_pdf,
    write_report,
)

AWKWARD = ('<b>bold?</b> & &amp; "double" \'single\' 0.1 <A <0.9 Łódź Ærøskøbing naïve '
           'Жук λόγος مرحبا 😀 ✔ 中文 日本語です 한국어\nsecond line <img src="/etc/hostname"/>')

#: The typed texts of each object: (dataclass, field names holding free text).
FREE_TEXT = {
    m.WorkshopInfo: ("title", "organisation", "location", "facilitator"),
    m.Department: ("name",),
    m.Participant: ("name", "role"),
    m.AgendaItem: ("title",),
    m.Note: ("text",),
    m.Cluster: ("title",),
    m.Link: ("label",),
    m.Instrument: ("title",),
    m.Statement: ("title",),
    m.Response: ("evidence",),
    m.Companion: ("name", "note"),
    m.Ambition: ("cx_definition", "vision", "destination", "programme_name"),
    m.Improvement: ("title", "description", "measure", "roadblocks"),
    m.Position: ("note",),
    m.Decision: ("text",),
    m.Rule: ("text",),
    m.SocialContract: ("preamble",),
    m.Milestone: ("title",),
    m.Measure: ("name", "unit"),
    m.Council: ("agenda",),
    m.Action: ("text",),
}


def _objects(value):
    """Every dataclass object inside `value`, depth first."""
    if isinstance(value, list):
        for item in value:
            yield from _objects(item)
    elif hasattr(value, "__dataclass_fields__"):
        yield value
        for name in value.__dataclass_fields__:
            yield from _objects(getattr(value, name))


def awkward_workshop() -> tuple[m.Workshop, list[str]]:
    """The demo with every typed text replaced by a numbered awkward one; also the texts."""
    w = copy.deepcopy(demo_workshop())
    typed: list[str] = []

    def awkward(short: bool = False) -> str:
        number = len(typed)
        value = f"T{number:03d} " + ("Жλ中 <&> 😀" if short else AWKWARD)
        typed.append(value)
        return value

    for obj in _objects(w):
        for name in FREE_TEXT.get(type(obj), ()):
            value = getattr(obj, name)
            short = isinstance(obj, m.Measure) and name == "unit"
            if isinstance(value, list):
                setattr(obj, name, [awkward() for _ in value])
            elif value:  # an empty text stays empty: the report says so in words
                setattr(obj, name, awkward(short))
    for response in w.diagnostics.responses:  # no private score hides a text here
        response.private = False
    for note in w.discover.notes:
        note.private = False
    m.check(w)
    return w, typed


def squeezed(value: str) -> str:
    """Text with all white space removed (a PDF breaks lines where it likes) and in NFKC form
    (joined Arabic letters are printed as their presentation forms)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))


def read_back(data: bytes) -> tuple[PdfReader, str]:
    """The reader, and the text of the pages' bodies (not their running headers and footers),
    squeezed."""
    reader = PdfReader(io.BytesIO(data))
    parts: list[str] = []
    for page in reader.pages:
        top = float(page.mediabox.height) - 40

        def body(text, cm, tm, _font, _size, top=top):
            y = tm[5] * cm[3] + cm[5]
            if 40 < y < top:
                parts.append(text)

        page.extract_text(visitor_text=body)
    return reader, squeezed("".join(parts))


def printed(text: str, found: str) -> bool:
    """Whether `text` is in the squeezed text `found`, whole or in two pieces: a table row
    split across two pages prints the top of each cell on one page and the rest on the next."""
    text = squeezed(text)
    if text in found:
        return True
    return any(text[:k] in found and text[k:] in found for k in range(1, len(text)))


@pytest.fixture(scope="module")
def awkward_report():
    w, typed = awkward_workshop()
    data, pages = report_pdf(w)
    return w, typed, data, pages


def test_every_typed_text_prints_exactly_as_typed(awkward_report):
    _w, typed, data, pages = awkward_report
    reader, found = read_back(data)
    assert len(reader.pages) == pages
    missing = [t[:4] for t in typed if not printed(t, found)]
    assert not missing, f"texts not found in the report: {missing}"
    assert len(typed) > 150  # the demo has that many texts: the test really covers them


def test_typed_markup_is_printed_not_obeyed(awkward_report):
    """A note reading <img src="..."/> must not embed a local file; <b> must not bold."""
    _w, _typed, data, _pages = awkward_report
    reader, found = read_back(data)
    assert squeezed('<img src="/etc/hostname"/>') in found
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data
    for page in reader.pages:
        assert "/XObject" not in page.get("/Resources", {})


def test_fonts_are_embedded_and_no_standard_font_is_used(awkward_report):
    _w, _typed, data, _pages = awkward_report
    reader = PdfReader(io.BytesIO(data))
    seen: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            if descendant is not None:
                font = descendant[0].get_object()
            name = str(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[name] = embedded
    cid = {fonts.SONG, fonts.MINCHO, fonts.MYEONGJO}
    assert any("DejaVuSans" in name for name in seen), seen
    for name, embedded in seen.items():
        assert "Helvetica" not in name and "Times" not in name, name
        assert embedded or any(c in name for c in cid), f"{name} is not embedded"


def test_cjk_falls_back_to_a_cid_font_when_the_machine_has_no_cjk_font(monkeypatch):
    monkeypatch.setattr(fonts, "SYSTEM_FALLBACKS", [])
    monkeypatch.setattr(fonts, "_system", [])
    monkeypatch.setattr(fonts, "_system_looked", False)
    assert fonts.runs("ab 中文 한국어") == [
        (fonts.SANS, "ab "), (fonts.SONG, "中文"), (fonts.SANS, " "), (fonts.MYEONGJO, "한국어")]
    w = m.Workshop()
    w.workshop.title = "Planning 中文 한국어"
    data, _pages = report_pdf(w)
    assert squeezed("Planning 中文 한국어") in read_back(data)[1]
    assert fonts.SONG.encode() in data


def test_text_no_font_has_keeps_the_document_whole():
    w = m.Workshop()
    w.workshop.title = "Party 🎉 time"
    w.discover.notes.append(m.Note("n1", "🚀🚀🚀 launch\x00\x07 with a \ud800 lone surrogate"))
    reader, found = read_back(report_pdf(w)[0])
    assert "Party" in found and "launch" in found and "lonesurrogate" in found


def test_the_same_workshop_gives_the_same_bytes():
    assert report_pdf(demo_workshop())[0] == report_pdf(demo_workshop())[0]


def test_the_demo_report_has_every_chapter_a_header_and_page_numbers():
    data, pages = report_pdf(demo_workshop())
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() for page in reader.pages]
    whole = "\n".join(texts)
    for heading in ("At a glance", "1. Discover", "Barriers by department", "Across departments",
                    "2. Diagnostics", "Debate here first", "Evidence", "3. Ambition",
                    "4. Priorities", "Impact and effort", "Votes", "Decision log",
                    "The social contract", "5. Blueprint", "Road map", "Measures",
                    "The CX council", "Standing agenda", "6. Actions", "7. Appendix"):
        assert heading in whole, heading
    assert f"page 1 of {pages}" not in texts[0]  # the cover is plain
    assert "CX workshop report" not in texts[0]
    for number, page in enumerate(texts[1:], 2):
        assert f"page {number} of {pages}" in page
        assert "One customer, one promise" in page  # the running header
    assert "Left out of this report: 1 private note and 1 private score." in texts[0]


def test_private_notes_and_scores_stay_out_unless_asked_for():
    w = demo_workshop()
    private = next(n for n in w.discover.notes if n.private)
    private.text = "Only for the facilitator's eyes"
    response = next(r for r in w.diagnostics.responses if r.private)
    response.evidence = "A private reason for this score"
    assert private_counts(w) == (1, 1)
    _reader, found = read_back(report_pdf(w)[0])
    assert squeezed(private.text) not in found
    assert squeezed(response.evidence) not in found
    _reader, found = read_back(report_pdf(w, include_private=True)[0])
    assert squeezed(private.text) in found
    assert squeezed(response.evidence) in found
    assert squeezed("This copy includes the private notes and scores.") in found


def test_an_empty_workshop_says_so_section_by_section():
    data, pages = report_pdf(m.Workshop())
    _reader, found = read_back(data)
    for line in ("No participants were recorded.", "No improvement has been agreed.",
                 "Nothing was put on the board.", "No instrument was used.",
                 "The ambition was not written down.",
                 "No improvement was proposed and nothing was decided.",
                 "No social contract was written.", "No milestone was planned.",
                 "No measure was set.", "No action was recorded."):
        assert squeezed(line) in found, line
    assert pages <= 9  # a cover, the glance and a page per chapter; no empty tables


def _bigger(w: m.Workshop, times: int) -> m.Workshop:
    """The workshop with every note and action repeated `times` times (fresh ids)."""
    w = copy.deepcopy(w)
    notes, actions = list(w.discover.notes), list(w.actions)
    for n in range(1, times):
        for note in notes:
            w.discover.notes.append(m.Note(f"{note.id}-x{n}", note.text, note.kind,
                                           note.department, note.dimension,
                                           x=note.x + n * 2000, y=note.y))
        for action in actions:
            w.actions.append(m.Action(f"{action.id}-x{n}", action.text, action.owner,
                                      action.due, action.status))
    return w


def test_the_page_count_grows_with_the_workshop_and_sensibly():
    demo = demo_workshop()
    empty = report_pdf(m.Workshop())[1]
    normal = report_pdf(demo)[1]
    big = report_pdf(_bigger(demo, 10))[1]
    assert empty < normal < big
    # ten times the notes and actions: the appendix and the action list grow, the rest not
    assert big < normal * 6
    assert big - normal >= 10


def test_letter_paper_and_a4():
    a4 = PdfReader(io.BytesIO(report_pdf(demo_workshop())[0])).pages[0].mediabox
    letter = PdfReader(io.BytesIO(report_pdf(demo_workshop(), paper="letter")[0])).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    with pytest.raises(ValueError, match="legal"):
        report_pdf(demo_workshop(), paper="legal")


def test_progress_is_told_and_can_cancel(tmp_path: Path):
    heard: list[tuple[int, int]] = []
    report_pdf(demo_workshop(), progress=lambda done, of: heard.append((done, of)))
    assert heard[0] == (0, 100) and heard[-1][0] == 100
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    out = tmp_path / "report.pdf"
    with pytest.raises(Cancelled):
        write_report(demo_workshop(), out, overwrite=False,
                     progress=lambda done, of: done < 50)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_write_report_refuses_a_folder_and_an_existing_file(tmp_path: Path):
    with pytest.raises(ReportError, match="is a folder"):
        write_report(demo_workshop(), tmp_path, overwrite=True)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(ReportError, match="already exists"):
        write_report(demo_workshop(), out, overwrite=False)
    assert out.read_bytes() == b"keep me"
    pages = write_report(demo_workshop(), out, overwrite=True)
    assert len(PdfReader(out).pages) == pages


def test_the_social_contract_has_a_page_of_its_own_even_when_empty():
    for w in (m.Workshop(), demo_workshop()):
        w.priorities.social_contract = m.SocialContract()
        reader = PdfReader(io.BytesIO(report_pdf(w)[0]))
        (page,) = [p.extract_text() for p in reader.pages if "The social contract" in
                   p.extract_text()]
        assert "No social contract was written." in page
        assert "Blueprint" not in page and "Priorities" not in page.split("report", 1)[1]


def test_a_table_never_repeats_its_header_in_the_middle_of_a_page():
    """A long table continues on the next page under its header, never as a sliver of one row
    under a second header at the foot of a page."""
    w = m.Workshop(departments=[m.Department("d1", "Sales")])
    w.discover.notes = [
        m.Note(f"n{i}", f"Observation {i}: " + "the customer waits for a call back " * (1 + i * 7 % 9),
               department="d1", x=i % 8 * 200, y=i // 8 * 140) for i in range(39)]
    reader = PdfReader(io.BytesIO(report_pdf(w)[0]))
    for number, page in enumerate(reader.pages, 1):
        heads: list[float] = []

        def seen(text, cm, tm, _font, _size, heads=heads):
            if text.strip() == "Kind":  # the appendix table's last column
                heads.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=seen)
        assert len(heads) <= 1, f"page {number} shows the header {len(heads)} times"


def test_characters_beyond_the_two_byte_range_never_go_to_a_cid_font():
    """Their encoding holds two bytes: "𠮷" (a Japanese surname) printed as garbage there."""
    cid = {fonts.SONG, fonts.MINCHO, fonts.MYEONGJO}
    assert all(name not in cid for name, _ in fonts.runs("𠮷野家 tasting"[:1]))


def test_many_improvements_in_one_cell_of_the_matrix_do_not_cover_each_other():
    from reportlab.graphics.shapes import Circle

    from cxworkshop.report import charts

    placed = [(n, m.Improvement(f"i{n}", f"Idea {n}", impact=5, effort=1)) for n in range(1, 13)]
    drawing = charts.matrix(placed, 480)
    dots = [c for c in drawing.contents if isinstance(c, Circle)]
    assert len(dots) == 12
    for i, a in enumerate(dots):
        for b in dots[i + 1:]:
            assert ((a.cx - b.cx) ** 2 + (a.cy - b.cy) ** 2) ** 0.5 >= a.r + b.r
