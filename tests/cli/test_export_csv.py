"""`cxworkshop export FILE --csv OUT.csv`: the actions as a table for a spreadsheet."""

import csv
import io
import json

import pytest

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.interchange.actions_csv import actions_rows
from cxworkshop.store import Session, create_file
from tests.cli.conftest import one_sentence, run

BOM = b"\xef\xbb\xbf"


def read_csv(path):
    data = path.read_bytes()
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def test_the_demo_actions_are_written_one_row_each(demo_file, tmp_path, capsys):
    out = tmp_path / "actions.csv"
    assert run("export", demo_file, "--csv", out) == 0
    said = capsys.readouterr()
    assert said.err == ""
    w = demo_workshop()
    assert f"{len(w.actions)} actions" in said.out and str(out) in said.out
    rows = read_csv(out)
    assert rows == actions_rows(w)
    assert rows[0] == ["Action", "Owner", "Owner's department", "Due", "Status", "Improvement"]
    assert [r[0] for r in rows[1:]] == [a.text for a in w.actions]
    names = {p.id: p.name for p in w.participants}
    assert [r[1] for r in rows[1:]] == [names[a.owner] for a in w.actions]
    assert b"\r\n" in out.read_bytes() and b"\n" not in out.read_bytes().replace(b"\r\n", b"")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.csv"]  # nothing left beside


def test_formulas_are_defused_but_the_json_keeps_the_text(tmp_path, capsys):
    src = tmp_path / "w.cxw"
    w = m.Workshop()
    w.departments = [m.Department("mkt", "Marketing")]
    w.participants = [m.Participant("p1", "@Dana", department="mkt"), m.Participant("p2", "Bo")]
    w.actions = [m.Action("a1", "=HYPERLINK(\"http://x\",\"y\")", owner="p1", due="2026-11-25"),
                 m.Action("a2", "-2, then\n+1", owner="p2", status="dropped")]
    create_file(src, w)
    assert run("export", src, "--csv", tmp_path / "a.csv", "--json", tmp_path / "a.json") == 0
    assert read_csv(tmp_path / "a.csv")[1:] == [
        ["'=HYPERLINK(\"http://x\",\"y\")", "'@Dana", "Marketing", "2026-11-25", "open", ""],
        ["'-2, then\n+1", "Bo", "", "", "dropped", ""],
    ]
    doc = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert [a["text"] for a in doc["actions"]] == ["=HYPERLINK(\"http://x\",\"y\")", "-2, then\n+1"]
    assert doc["participants"][0]["name"] == "@Dana"
    assert f"Wrote the 2 actions of {src} to {tmp_path / 'a.csv'}." in capsys.readouterr().out


def test_an_existing_csv_is_kept_unless_forced(demo_file, tmp_path, capsys):
    out = tmp_path / "actions.csv"
    out.write_bytes(b"precious")
    assert run("export", demo_file, "--csv", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.csv"]
    assert run("export", demo_file, "--csv", out, "--force") == 0
    assert read_csv(out) == actions_rows(demo_workshop())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.csv"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_csv_never_goes_over_the_session_file(demo_file, tmp_path, capsys, force):
    session = tmp_path / "a.cxw"
    session.write_bytes(demo_file.read_bytes())
    link = tmp_path / "link.csv"
    link.symlink_to(session)
    for out in (session, link):
        assert run("export", session, "--csv", out, *force) == 2
        err = one_sentence(capsys.readouterr().err)
        assert str(session) in err and "being exported" in err and "CSV" in err
    assert session.read_bytes() == demo_file.read_bytes() and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cxw", "link.csv"]


@pytest.mark.parametrize("problem", ["missing", "zeros", "folder"])
def test_a_missing_or_damaged_file_is_one_sentence_and_writes_nothing(tmp_path, capsys, problem):
    src = tmp_path / "in.cxw"
    if problem == "zeros":
        src.write_bytes(b"\x00" * 4096)
    elif problem == "folder":
        src.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run("export", src, "--csv", tmp_path / "actions.csv") == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(src) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_as_the_csv_is_one_sentence(demo_file, tmp_path, capsys, force):
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("export", demo_file, "--csv", folder, *force) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(folder) in err and "folder" in err and "CSV" in err
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_csv_in_a_missing_folder_is_one_sentence(demo_file, tmp_path, capsys):
    out = tmp_path / "nowhere" / "actions.csv"
    assert run("export", demo_file, "--csv", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "folder does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_csv_and_json_in_one_run(demo_file, tmp_path, capsys):
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--csv", tmp_path / "w.csv") == 0
    said = capsys.readouterr().out
    assert "w.json" in said and "w.csv" in said
    assert json.loads((tmp_path / "w.json").read_text("utf-8"))["format"] == "cxworkshop"
    assert read_csv(tmp_path / "w.csv") == actions_rows(demo_workshop())


def test_csv_json_and_png_in_one_run(demo_file, tmp_path, capsys):
    assert run("export", demo_file, "--csv", tmp_path / "w.csv", "--json", tmp_path / "w.json",
               "--png", tmp_path / "w.png", "--width", 200) == 0
    assert read_csv(tmp_path / "w.csv") == actions_rows(demo_workshop())
    assert (tmp_path / "w.png").read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.csv", "w.json", "w.png"]


def test_every_output_is_checked_before_anything_is_written(demo_file, tmp_path, capsys):
    taken = tmp_path / "taken.csv"
    taken.write_bytes(b"precious")
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--csv", taken) == 2
    assert str(taken) in one_sentence(capsys.readouterr().err)
    assert run("export", demo_file, "--csv", tmp_path / "w.csv", "--json", demo_file) == 2
    assert "being exported" in one_sentence(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.csv"]
    assert taken.read_bytes() == b"precious"


@pytest.mark.parametrize("other", ["--json", "--png"])
def test_one_name_for_two_outputs_is_refused(demo_file, tmp_path, capsys, other):
    same = tmp_path / "same"
    argv = ["--csv", same, other, same] if other == "--png" else [other, same, "--csv", same]
    assert run("export", demo_file, *argv) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(same) in err and "--csv" in err and other in err and "both" in err
    assert list(tmp_path.iterdir()) == []


def test_export_with_no_output_names_csv_too(demo_file, capsys):
    assert run("export", demo_file) == 2
    err = one_sentence(capsys.readouterr().err)
    assert "--csv" in err and "--json" in err and "--png" in err


def test_a_read_only_file_and_one_open_in_the_app_can_be_exported(demo_file, tmp_path, capsys):
    src = tmp_path / "ro.cxw"
    src.write_bytes(demo_file.read_bytes())
    src.chmod(0o444)
    try:
        assert run("export", src, "--csv", tmp_path / "ro.csv") == 0
    finally:
        src.chmod(0o644)
    with Session.open(src) as open_in_app:
        assert run("export", src, "--csv", tmp_path / "open.csv") == 0
        assert not open_in_app.read_only
    assert (tmp_path / "open.csv").read_bytes() == (tmp_path / "ro.csv").read_bytes()
