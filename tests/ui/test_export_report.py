"""File ▸ Export Report…: the workshop report written from the window, private notes only on
request, a cancel that writes nothing, and one sentence when it cannot be written."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog

from cxworkshop.store import create_file
from tests.ops.boards import demo_workshop


@pytest.fixture
def demo_window(make_window, tmp_path):
    w = demo_workshop()
    next(n for n in w.discover.notes if n.private).text = "Only for the facilitator"
    return make_window(create_file(tmp_path / "Demo.cxw", w))


def text_of(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_report_is_exported_without_the_private_notes(demo_window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(demo_window, "ask_pdf_path", lambda *_a: str(tmp_path / "handout"))
    monkeypatch.setattr(demo_window, "ask_include_private",
                        lambda notes, scores: asked.append((notes, scores)) or False)
    demo_window.actions_by_id["file.report"].trigger()
    pdf = tmp_path / "handout.pdf"
    text = text_of(pdf)
    assert asked == [(1, 1)]
    assert "At a glance" in text and "Kavitha Nair" in text
    assert "Only for the facilitator" not in text
    message = demo_window.statusBar().currentMessage()
    assert message.startswith("Wrote the report (") and "handout.pdf" in message
    assert not demo_window.errors


def test_private_notes_go_in_when_the_facilitator_says_so(demo_window, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_window, "ask_pdf_path", lambda *_a: str(tmp_path / "mine.pdf"))
    monkeypatch.setattr(demo_window, "ask_include_private", lambda *_a: True)
    demo_window.actions_by_id["file.report"].trigger()
    assert "Only for the facilitator" in text_of(tmp_path / "mine.pdf")
    assert "with the private notes" in demo_window.statusBar().currentMessage()


def test_stopping_at_the_private_question_writes_nothing(demo_window, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_window, "ask_pdf_path", lambda *_a: str(tmp_path / "x.pdf"))
    monkeypatch.setattr(demo_window, "ask_include_private", lambda *_a: None)
    demo_window.actions_by_id["file.report"].trigger()
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_in_the_progress_dialog_writes_nothing(demo_window, tmp_path, monkeypatch):
    old = tmp_path / "old.pdf"
    old.write_bytes(b"the last good report")
    monkeypatch.setattr(demo_window, "ask_pdf_path", lambda *_a: str(old))
    monkeypatch.setattr(demo_window, "ask_include_private", lambda *_a: False)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)
    demo_window.actions_by_id["file.report"].trigger()
    assert old.read_bytes() == b"the last good report"
    assert "cancelled" in demo_window.statusBar().currentMessage()
    pdfs = sorted(p.name for p in tmp_path.iterdir() if ".pdf" in p.name)
    assert pdfs == ["old.pdf"]  # no half-written file beside it


def test_a_missing_folder_is_one_sentence(demo_window, tmp_path, monkeypatch):
    monkeypatch.setattr(demo_window, "ask_pdf_path", lambda *_a: str(tmp_path / "gone" / "r.pdf"))
    monkeypatch.setattr(demo_window, "ask_include_private", lambda *_a: False)
    demo_window.actions_by_id["file.report"].trigger()
    (message,) = demo_window.errors
    assert "r.pdf" in message and "\n" not in message and "Traceback" not in message
    assert not (tmp_path / "gone").exists()


def test_the_workshop_file_itself_is_refused(make_window, tmp_path, monkeypatch):
    odd = create_file(tmp_path / "Workshop.pdf", demo_workshop())  # a session named .pdf
    window = make_window(odd)
    before = odd.read_bytes()
    monkeypatch.setattr(window, "ask_pdf_path", lambda *_a: str(odd))
    monkeypatch.setattr(window, "ask_include_private", lambda *_a: False)
    window.actions_by_id["file.report"].trigger()
    (message,) = window.errors
    assert "Workshop.pdf is this workshop's own file" in message
    assert odd.read_bytes() == before
