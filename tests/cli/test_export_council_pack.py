"""`cxworkshop export FILE --council-pack OUT.pdf`: the council's first meeting pack as a PDF."""

import io
import json

import pytest
from pypdf import PdfReader

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.interchange.actions_csv import actions_rows
from cxworkshop.report.council_pack import council_pack_pdf
from cxworkshop.store import Session, create_file
from tests.cli.conftest import one_sentence, run


@pytest.fixture(scope="module")
def demo_pdf():
    return council_pack_pdf(demo_workshop())


def page_count(data):
    return len(PdfReader(io.BytesIO(data)).pages)


def test_the_demo_pack_is_written_and_counted(demo_file, demo_pdf, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert run("export", demo_file, "--council-pack", out) == 0
    said = capsys.readouterr()
    assert said.err == ""
    pages = page_count(out.read_bytes())
    assert said.out == f"Wrote the council pack of {demo_file} to {out} ({pages} pages).\n"
    assert out.read_bytes() == demo_pdf  # what the file holds, exactly as from the model
    assert 2 <= pages <= 3
    assert PdfReader(out).pages[0].extract_text().startswith("CX council: first meeting pack")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]  # nothing left beside


def test_an_empty_workshop_is_one_page(tmp_path, capsys):
    src = create_file(tmp_path / "empty.cxw", m.Workshop())
    assert run("export", src, "--council-pack", tmp_path / "empty.pdf") == 0
    assert "(1 page)." in capsys.readouterr().out
    assert page_count((tmp_path / "empty.pdf").read_bytes()) == 1


def test_an_existing_pack_is_kept_unless_forced(demo_file, demo_pdf, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"precious")
    assert run("export", demo_file, "--council-pack", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]
    assert run("export", demo_file, "--council-pack", out, "--force") == 0
    assert out.read_bytes() == demo_pdf
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_pack_never_goes_over_the_session_file(demo_file, tmp_path, capsys, force):
    session = tmp_path / "a.cxw"
    session.write_bytes(demo_file.read_bytes())
    link = tmp_path / "link.pdf"
    link.symlink_to(session)
    for out in (session, link):
        assert run("export", session, "--council-pack", out, *force) == 2
        err = one_sentence(capsys.readouterr().err)
        assert str(session) in err and "being exported" in err and "council pack" in err
    assert session.read_bytes() == demo_file.read_bytes() and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cxw", "link.pdf"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_as_the_pack_is_one_sentence(demo_file, tmp_path, capsys, force):
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("export", demo_file, "--council-pack", folder, *force) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(folder) in err and "folder" in err and "council pack" in err
    assert list(folder.iterdir()) == []


def test_a_pack_in_a_missing_folder_is_one_sentence(demo_file, tmp_path, capsys):
    out = tmp_path / "nowhere" / "pack.pdf"
    assert run("export", demo_file, "--council-pack", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "folder does not exist" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("problem", ["missing", "zeros"])
def test_a_missing_or_damaged_session_file_writes_no_pack(tmp_path, capsys, problem):
    src = tmp_path / "in.cxw"
    if problem == "zeros":
        src.write_bytes(b"\x00" * 4096)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run("export", src, "--council-pack", tmp_path / "pack.pdf") == 2
    assert str(src) in one_sentence(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("other", ["--json", "--csv", "--png"])
def test_one_name_for_the_pack_and_another_output_is_refused(demo_file, tmp_path, capsys,
                                                              other):
    same = tmp_path / "same"
    assert run("export", demo_file, other, same, "--council-pack", same) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(same) in err and "--council-pack" in err and other in err and "both" in err
    assert list(tmp_path.iterdir()) == []


def test_every_output_is_checked_before_the_pack_is_written(demo_file, tmp_path, capsys):
    taken = tmp_path / "taken.csv"
    taken.write_bytes(b"precious")
    assert run("export", demo_file, "--council-pack", tmp_path / "p.pdf", "--csv", taken) == 2
    assert str(taken) in one_sentence(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.csv"]


def test_pack_json_and_csv_in_one_run(demo_file, demo_pdf, tmp_path, capsys):
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--csv", tmp_path / "w.csv",
               "--council-pack", tmp_path / "w.pdf") == 0
    said = capsys.readouterr().out.splitlines()
    assert len(said) == 3 and said[2].startswith("Wrote the council pack of")
    assert (tmp_path / "w.pdf").read_bytes() == demo_pdf
    assert json.loads((tmp_path / "w.json").read_text("utf-8"))["format"] == "cxworkshop"
    assert len((tmp_path / "w.csv").read_bytes().splitlines()) == len(
        actions_rows(demo_workshop()))


def test_the_pack_and_the_png_in_one_run(demo_file, demo_pdf, tmp_path, capsys):
    assert run("export", demo_file, "--png", tmp_path / "w.png", "--width", 200,
               "--council-pack", tmp_path / "w.pdf") == 0
    assert (tmp_path / "w.pdf").read_bytes() == demo_pdf
    assert (tmp_path / "w.png").read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.pdf", "w.png"]


def test_export_with_no_output_names_the_pack_too(demo_file, capsys):
    assert run("export", demo_file) == 2
    err = one_sentence(capsys.readouterr().err)
    assert all(option in err for option in ("--json", "--csv", "--council-pack", "--png"))


def test_the_help_tells_of_the_pack(capsys):
    with pytest.raises(SystemExit):
        run("export", "--help")
    said = " ".join(capsys.readouterr().out.split())
    assert "--council-pack OUT.pdf" in said and "council pack" in said


def test_a_read_only_file_and_one_open_in_the_app_give_the_same_pack(demo_file, demo_pdf,
                                                                     tmp_path):
    src = tmp_path / "ro.cxw"
    src.write_bytes(demo_file.read_bytes())
    src.chmod(0o444)
    try:
        assert run("export", src, "--council-pack", tmp_path / "ro.pdf") == 0
    finally:
        src.chmod(0o644)
    with Session.open(src) as open_in_app:
        assert run("export", src, "--council-pack", tmp_path / "open.pdf") == 0
        assert not open_in_app.read_only
    assert (tmp_path / "open.pdf").read_bytes() == (tmp_path / "ro.pdf").read_bytes() == demo_pdf
