"""`cxworkshop export FILE --pdf OUT.pdf [--paper letter] [--include-private]`: the workshop
report, from a session file, without a window."""

import io

import pytest
from pypdf import PdfReader

from cxworkshop.demo import demo_workshop
from cxworkshop.report.workshop_report import report_pdf
from tests.cli.conftest import one_sentence, run


def test_the_report_is_written_as_the_model_makes_it(demo_file, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert run("export", demo_file, "--pdf", out) == 0
    said = capsys.readouterr()
    data, pages = report_pdf(demo_workshop())
    assert said.err == ""
    assert said.out == f"Wrote the report of {demo_file} to {out} ({pages} pages, A4).\n"
    assert out.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_letter_paper_and_private_notes_on_request(demo_file, tmp_path, capsys):
    out = tmp_path / "letter.pdf"
    assert run("export", demo_file, "--pdf", out, "--paper", "Letter", "--include-private") == 0
    assert "US Letter" in capsys.readouterr().out
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "This copy includes the private notes and scores." in reader.pages[0].extract_text()


@pytest.mark.parametrize(("args", "words"), [
    (["--json", "{out}", "--paper", "a4"], "--paper is the report's paper size"),
    (["--pdf", "{out}", "--paper", "a3"], '--paper must be a4 or letter, not "a3".'),
    (["--pdf", "{src}"], "is the session file being exported"),
    (["--pdf", "{existing}"], "already exists; add --force"),
    (["--pdf", "{out}", "--json", "{out}"], "is given for both --json and --pdf"),
    (["--json", "{out}", "--include-private"], "--include-private is for the report"),
])
def test_refusals_are_one_sentence_and_write_nothing(demo_file, tmp_path, capsys, args, words):
    existing = tmp_path / "existing.pdf"
    existing.write_bytes(b"keep")
    values = {"out": tmp_path / "new.pdf", "src": demo_file, "existing": existing}
    argv = [a.format(**values) if a.startswith("{") else a for a in args]
    assert run("export", demo_file, *argv) == 2
    err = one_sentence(capsys.readouterr().err)
    assert words in err
    assert existing.read_bytes() == b"keep"
    assert not (tmp_path / "new.pdf").exists()


def test_force_replaces_an_old_report(demo_file, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")
    assert run("export", demo_file, "--pdf", out, "--force") == 0
    assert PdfReader(io.BytesIO(out.read_bytes())).pages
