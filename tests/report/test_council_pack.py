"""The council pack: what the chair of the CX council reads on paper, read back with pypdf.

Every test reads the text out of the PDF (words joined by single spaces, the footer of each page
checked and taken off) and looks for what a reader would notice. No Qt here.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.report import fonts
from cxworkshop.report.council_pack import (
    CouncilPackError,
    council_pack_pdf,
    number,
    write_council_pack,
)

HEADINGS = ["1. The council", "2. Standing agenda", "3. Open actions by owner", "4. Measures",
            "5. Agreed improvements"]
A4 = (595.28, 841.89)
AWKWARD = "Łódź <b>&amp; → x<y & co"  # markup, an entity, Latin-2 letters, an arrow


@dataclass
class Pack:
    pages: list[str]  # each page's words, one space apart, without its footer

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def section(self, n: int) -> str:
        """The words of section `n` (1-5), from its heading to the next one."""
        text = self.text
        start = text.index(HEADINGS[n - 1])
        end = text.index(HEADINGS[n]) if n < len(HEADINGS) else len(text)
        assert start < end, f"section {n} is out of order"
        return text[start + len(HEADINGS[n - 1]):end].strip()


def words(text: str) -> str:
    return " ".join(text.split())


def read(data: bytes, footer_title: str) -> Pack:
    """The pack's text; every page must end with the workshop title and "page N of M"."""
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    count = len(reader.pages)
    pages = []
    for n, page in enumerate(reader.pages, 1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.1)
        text = words(page.extract_text())
        footer = f"{footer_title} page {n} of {count}"
        assert text.endswith(footer), f"page {n} ends with: {text[-120:]!r}"
        pages.append(text[:-len(footer)].strip())
    return Pack(pages)


@pytest.fixture(scope="module")
def demo():
    return demo_workshop()


@pytest.fixture(scope="module")
def demo_pack(demo):
    return read(council_pack_pdf(demo), demo.workshop.title)


def people(w: m.Workshop) -> dict[str, m.Participant]:
    return {p.id: p for p in w.participants}


def departments(w: m.Workshop) -> dict[str, str]:
    return {d.id: d.name for d in w.departments}


def small_workshop() -> m.Workshop:
    """A few people and one of each thing; tests change it to suit."""
    w = m.Workshop()
    w.workshop.title = "Spring alignment day"
    w.departments = [m.Department("ops", "Operations"), m.Department("care", "Care")]
    w.participants = [m.Participant("p-zed", "Zed Adams", "ops", role="COO", senior=True),
                      m.Participant("p-bo", "Bo Berg", "care", role="Team lead"),
                      m.Participant("p-al", "al Carter")]  # lower case, and no department
    w.priorities.improvements = [m.Improvement("i1", "Answer on the first call", status="agreed",
                                               accountable="p-zed", measure="Repeat calls")]
    w.blueprint.council.chair = "p-zed"
    w.blueprint.council.members = ["p-zed", "p-bo"]
    return w


# --- The demo, section by section -----------------------------------------------------------


def test_the_demo_pack_is_two_or_three_a4_pages_with_every_section_in_order(demo_pack):
    assert 2 <= len(demo_pack.pages) <= 3
    text = demo_pack.text
    assert [text.index(h) for h in HEADINGS] == sorted(text.index(h) for h in HEADINGS)
    for n in range(1, 6):
        assert demo_pack.section(n)  # never an empty section


def test_the_first_page_names_the_pack_the_organisation_the_workshop_and_its_date(demo,
                                                                                    demo_pack):
    first = demo_pack.pages[0]
    assert first.startswith("CX council: first meeting pack")
    header = first[:first.index(HEADINGS[0])]
    assert demo.workshop.organisation in header and demo.workshop.title in header
    assert "18 November 2026" in header


def test_the_council_chair_members_and_both_cadences(demo, demo_pack):
    council = demo.blueprint.council
    section = demo_pack.section(1)
    assert "Chair Kavitha Nair (Customer Care)" in section
    assert "Operational council meets every month" in section
    assert "Strategic council meets every quarter" in section
    assert "Blueprint period January 2027 – December 2028" in section
    assert f"Members ({len(council.members)})" in section
    who, where = people(demo), departments(demo)
    positions = []
    for pid in council.members:
        p = who[pid]
        name = p.name + (" (chair)" if pid == council.chair else "")
        row = f"{name} {where[p.department]} {p.role}"
        assert row in section
        positions.append(section.index(row))
    assert positions == sorted(positions)  # in the council's own order


@pytest.mark.parametrize(("operational", "strategic", "said"), [
    ("weekly", None, "Operational council meets every week Strategic council not set up"),
    ("quarterly", "monthly",
     "Operational council meets every quarter Strategic council meets every month"),
])
def test_the_cadences_are_said_in_words(operational, strategic, said):
    w = small_workshop()
    w.blueprint.council.operational_cadence = operational
    w.blueprint.council.strategic_cadence = strategic
    section = read(council_pack_pdf(w), w.workshop.title).section(1)
    assert said in section
    assert "Blueprint period not set yet" in section


def test_a_council_without_a_chair_says_so():
    w = small_workshop()
    w.blueprint.council.chair = None
    section = read(council_pack_pdf(w), w.workshop.title).section(1)
    assert "Chair ⚠ no chair named yet" in section
    assert "(chair)" not in section


def test_the_standing_agenda_is_numbered_in_its_order(demo, demo_pack):
    section = demo_pack.section(2)
    agenda = demo.blueprint.council.agenda
    assert len(agenda) >= 5
    expected = " ".join(f"{n}. {item}" for n, item in enumerate(agenda, 1))
    assert section == expected


def test_open_actions_are_grouped_under_their_owner_by_name(demo, demo_pack):
    section = demo_pack.section(3)
    who, where = people(demo), departments(demo)
    open_actions = [a for a in demo.actions if a.status == "open"]
    owners = sorted({a.owner for a in open_actions}, key=lambda pid: who[pid].name)
    headings = [f"{who[pid].name} · {where[who[pid].department]}" for pid in owners]
    starts = [section.index(h) for h in headings]
    assert starts == sorted(starts), "owners are not in order of their names"
    improvements = {i.id: i.title for i in demo.priorities.improvements}
    for pid, start, end in zip(owners, starts, [*starts[1:], len(section)], strict=True):
        group = section[start:end]
        for action in open_actions:
            if action.owner == pid:
                title = improvements.get(action.improvement, "—")
                assert f"{words(action.text)} " in group and title in group
            else:
                assert words(action.text) not in group
    assert section.startswith(f"{len(open_actions)} open actions")
    for action in demo.actions:
        if action.status != "open":
            assert words(action.text) not in demo_pack.text, action.text


def test_within_an_owner_actions_go_by_due_date_and_unowned_ones_come_last():
    w = small_workshop()
    w.actions = [
        m.Action("a1", "Bo's undated task", owner="p-bo"),
        m.Action("a2", "Nobody's task", due="2026-01-05"),
        m.Action("a3", "Bo's March task", owner="p-bo", due="2027-03-01"),
        m.Action("a4", "Zed's task", owner="p-zed", due="2026-12-01"),
        m.Action("a5", "Bo's December task", owner="p-bo", due="2026-12-01"),
        m.Action("a6", "al's task", owner="p-al", due="2026-12-02", improvement="i1"),
        m.Action("a7", "Bo's finished task", owner="p-bo", status="done"),
        m.Action("a8", "Nobody's dropped task", status="dropped"),
    ]
    section = read(council_pack_pdf(w), w.workshop.title).section(3)
    order = ["al Carter", "al's task", "Answer on the first call",  # no department: name only
             "Bo Berg · Care", "Bo's December task 1 Dec 2026", "Bo's March task 1 Mar 2027",
             "Bo's undated task —",
             "Zed Adams · Operations", "Zed's task 1 Dec 2026",
             "⚠ No owner yet", "Nobody's task 5 Jan 2026"]
    positions = [section.index(s) for s in order]
    assert positions == sorted(positions)
    assert section.startswith("6 open actions, by owner; 2 more are done or dropped")
    assert "finished" not in section and "dropped task" not in section


def test_every_measure_with_its_baseline_target_unit_due_and_owner(demo, demo_pack):
    section = demo_pack.section(4)
    assert section.startswith("Measure Unit Baseline Target Due Owner")
    assert "Speed complaints per 1,000 new customers complaints 38 10 31 Dec 2027 Elin Lind" \
        in section
    assert ("Customers who contact us to chase an order, visit or bill % of customers 23.5 5 "
            "31 Dec 2028 Kavitha Nair") in section
    who = people(demo)
    for measure in demo.blueprint.measures:
        row = (f"{measure.name} {measure.unit} {number(measure.baseline)} "
               f"{number(measure.target)} ")
        assert row in section and who[measure.owner].name in section
    assert not re.search(r"\d\.0\b", section), "a pointless .0"


def test_a_measure_without_an_owner_or_numbers_is_flagged_in_words():
    w = small_workshop()
    w.blueprint.measures = [
        m.Measure("k1", "Repeat calls", unit="calls", baseline=42.0, target=12.5,
                  due="2027-06-30", owner="p-bo"),
        m.Measure("k2", "Loyalty", target=40.0),
    ]
    section = read(council_pack_pdf(w), w.workshop.title).section(4)
    assert "Repeat calls calls 42 12.5 30 Jun 2027 Bo Berg" in section
    assert "Loyalty — — 40 — ⚠ no owner" in section


def test_only_agreed_improvements_with_their_accountable_executive(demo, demo_pack):
    section = demo_pack.section(5)
    who, where = people(demo), departments(demo)
    agreed = [i for i in demo.priorities.improvements if i.status == "agreed"]
    others = [i for i in demo.priorities.improvements if i.status != "agreed"]
    assert agreed and others
    assert section.startswith("Improvement Accountable executive How we will know")
    for improvement in agreed:
        p = who[improvement.accountable]
        assert (f"{improvement.title} {p.name} {where[p.department]} "
                f"{improvement.measure}") in section
    for improvement in others:
        assert improvement.title not in section
    assert "Not listed: 2 proposed and 1 parked improvements." in section


def test_an_agreed_improvement_without_an_accountable_executive_is_flagged():
    w = small_workshop()
    w.priorities.improvements += [
        m.Improvement("i2", "Nobody's baby", status="agreed"),
        m.Improvement("i3", "Maybe later", status="parked", accountable="p-bo"),
    ]
    section = read(council_pack_pdf(w), w.workshop.title).section(5)
    assert "Answer on the first call Zed Adams Operations Repeat calls" in section
    assert "Nobody's baby ⚠ no accountable executive yet ⚠ no measure yet" in section
    assert "Maybe later" not in section and "Not listed: 1 parked improvement." in section


# --- Text as typed ---------------------------------------------------------------------------


def test_markup_and_letters_beyond_latin_1_print_as_typed():
    w = small_workshop()
    w.workshop.title = f"Title {AWKWARD}"
    w.workshop.organisation = f"Org {AWKWARD}"
    w.departments[0].name = f"Dept {AWKWARD}"
    w.participants[0].name = f"Zed {AWKWARD}"
    w.participants[0].role = f"Role {AWKWARD}"
    w.blueprint.council.agenda = [f"Agenda {AWKWARD}"]
    w.priorities.improvements[0].title = f"Improvement {AWKWARD}"
    w.priorities.improvements[0].measure = f"Measured {AWKWARD}"
    w.blueprint.measures = [m.Measure("k1", f"Measure {AWKWARD}", unit=f"Unit {AWKWARD}",
                                      owner="p-zed")]
    w.actions = [m.Action("a1", f"Action {AWKWARD}\nsecond line", owner="p-zed",
                          improvement="i1")]
    pack = read(council_pack_pdf(w), f"Title {AWKWARD}")
    text = pack.text
    for what in ("Title", "Org", "Dept", "Zed", "Role", "Agenda", "Improvement", "Measured",
                 "Measure", "Unit", "Action"):
        assert f"{what} {AWKWARD}" in text, what
    assert f"Action {AWKWARD} second line" in pack.section(3)
    assert f"Chair Zed {AWKWARD} (Dept {AWKWARD})" in pack.section(1)
    assert "Zofia Kowalczyk" in read(council_pack_pdf(demo_workshop()),
                                     demo_workshop().workshop.title).text


def test_unprintable_characters_do_not_stop_the_pack():
    w = small_workshop()
    w.actions = [m.Action("a1", "bell\x07 null\x00 surrogate\ud800 emoji 🚀 end", owner="p-bo")]
    w.blueprint.council.agenda = ["tab\there"]
    pack = read(council_pack_pdf(w), w.workshop.title)
    assert "bell null surrogate? emoji" in pack.section(3)
    assert "1. tab here" in pack.section(2)


def test_only_the_bundled_fonts_are_used_and_embedded(demo):
    reader = PdfReader(io.BytesIO(council_pack_pdf(demo)))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_fonts_register_once_and_ship_with_their_licence():
    from importlib.resources import files

    from reportlab.pdfbase import pdfmetrics

    fonts.register()
    first = pdfmetrics.getFont(fonts.SANS)
    fonts.register()
    assert pdfmetrics.getFont(fonts.SANS) is first
    assert {fonts.SANS, fonts.SANS_BOLD} <= set(pdfmetrics.getRegisteredFontNames())
    folder = files("cxworkshop") / "resources" / "fonts"
    assert "Bitstream Vera" in (folder / "LICENSE-DejaVu.txt").read_text("utf-8")
    for file in fonts.FILES.values():
        assert (folder / file).read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    for name in (fonts.SANS, fonts.SANS_BOLD):
        face = pdfmetrics.getFont(name).face
        assert all(ord(c) in face.charToGlyph for c in "Łódź→⚠–—·")


# --- Empty, big, the same -------------------------------------------------------------------


def test_an_empty_workshop_gives_one_page_that_says_nothing_is_there_yet():
    pack = read(council_pack_pdf(m.Workshop()), "Untitled workshop")
    assert len(pack.pages) == 1
    assert "Untitled workshop" in pack.pages[0][:pack.pages[0].index(HEADINGS[0])]
    council = pack.section(1)
    assert "⚠ no chair named yet" in council and "No members named yet" in council
    for n in (2, 3, 4, 5):
        assert pack.section(n).startswith("Nothing yet"), pack.section(n)
    for header in ("Name Department Role", "Action Due Improvement",
                   "Measure Unit Baseline Target", "Improvement Accountable executive"):
        assert header not in pack.text  # never a table with no rows


def test_a_big_workshop_runs_over_pages_without_losing_anything():
    w = small_workshop()
    w.actions = [m.Action(f"a{i}", f"Task {i:03d} " + "and more words " * (i % 40),
                          owner=("p-bo", "p-zed", None)[i % 3]) for i in range(150)]
    w.actions.append(m.Action("long", "Z" * 12000, owner="p-bo"))  # one word taller than a page
    w.blueprint.measures = [m.Measure(f"k{i}", f"Measure {i:03d}", baseline=i / 3, target=i)
                            for i in range(80)]
    pack = read(council_pack_pdf(w), w.workshop.title)
    assert len(pack.pages) > 5
    text = pack.text
    assert all(f"Task {i:03d}" in text for i in range(150))
    assert all(f"Measure {i:03d}" in text for i in range(80))
    assert "Measure 003 — 1 3" in text  # 3/3, printed as a whole number
    assert text.replace(" ", "").count("Z" * 100) >= 100  # the long word is all there


def test_the_same_workshop_gives_the_same_bytes_in_any_process(demo, tmp_path):
    data = council_pack_pdf(demo)
    assert council_pack_pdf(demo_workshop()) == data
    script = textwrap.dedent(
        """
        import sys
        from cxworkshop.demo import demo_workshop
        from cxworkshop.report.council_pack import council_pack_pdf
        sys.stdout.buffer.write(council_pack_pdf(demo_workshop()))
        """
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False,
                            env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == data
    changed = demo_workshop()
    changed.actions[0].text += "!"
    assert council_pack_pdf(changed) != data


def test_the_pack_pulls_in_no_qt_and_no_screens():
    script = textwrap.dedent(
        """
        import sys
        from cxworkshop.demo import demo_workshop
        from cxworkshop.report.council_pack import council_pack_pdf
        council_pack_pdf(demo_workshop())
        print(",".join(sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6")
                              or n.startswith(("cxworkshop.ui", "cxworkshop.commands")))))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(("value", "shown"), [
    (42.0, "42"), (23.5, "23.5"), (14.2, "14.2"), (0.0, "0"), (-3.0, "-3"), (None, "—"),
    (1234.5678, "1234.5678"), (1e-7, "0.0000001"), (1234567.0, "1234567"),
])
def test_numbers_print_as_typed_without_a_pointless_point_zero(value, shown):
    assert number(value) == shown


# --- Writing the file -----------------------------------------------------------------------


def test_the_pack_is_written_whole_and_says_how_many_pages(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    pages = write_council_pack(demo, out, overwrite=False)
    assert out.read_bytes() == council_pack_pdf(demo)
    assert pages == len(PdfReader(out).pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]  # nothing left beside


def test_an_existing_file_is_kept_unless_overwrite(demo, tmp_path):
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"precious")
    with pytest.raises(CouncilPackError) as caught:
        write_council_pack(demo, out, overwrite=False)
    said = str(caught.value)
    assert str(out) in said and "already exists" in said and said.endswith(".")
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]
    write_council_pack(demo, out, overwrite=True)
    assert out.read_bytes() == council_pack_pdf(demo)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_folder_or_a_missing_folder_is_one_sentence_naming_it(demo, tmp_path, overwrite):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(CouncilPackError) as caught:
        write_council_pack(demo, folder, overwrite=overwrite)
    assert str(folder) in str(caught.value) and "folder" in str(caught.value)
    missing = tmp_path / "nowhere" / "pack.pdf"
    with pytest.raises(CouncilPackError) as caught:
        write_council_pack(demo, missing, overwrite=overwrite)
    assert str(missing) in str(caught.value) and "could not be written" in str(caught.value)
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
