"""`cxworkshop export FILE --canvas OUT.canvas`: the Discover board as JSON Canvas 1.0."""

import json

import pytest

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.interchange.json_canvas import board_canvas
from cxworkshop.store import Session, create_file
from tests.cli.conftest import one_sentence, run


def read_canvas(path):
    return json.loads(path.read_text("utf-8"))


def test_the_demo_board_is_written_as_a_canvas(demo_file, tmp_path, capsys):
    out = tmp_path / "board.canvas"
    assert run("export", demo_file, "--canvas", out) == 0
    said = capsys.readouterr()
    assert said.err == ""
    assert said.out == (f"Wrote the Discover board of {demo_file} to {out} as JSON Canvas "
                        "(29 notes, 4 groups, 10 links).\n")
    doc = read_canvas(out)
    w = demo_workshop()
    assert doc == board_canvas(w)
    types = [n["type"] for n in doc["nodes"]]
    assert types == ["group"] * 4 + ["text"] * 29
    private = [n.id for n in w.discover.notes if n.private]
    assert private == ["n-c5"] and "n-c5" not in {n["id"] for n in doc["nodes"]}
    texts = {n["id"]: n["text"] for n in doc["nodes"] if n["type"] == "text"}
    assert texts == {n.id: n.text for n in w.discover.notes if not n.private}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.canvas"]  # nothing left beside


def test_private_notes_and_their_links_stay_out_of_the_file(tmp_path, capsys):
    src = tmp_path / "w.cxw"
    w = m.Workshop()
    w.departments = [m.Department("mkt", "Marketing", "#E69F00")]
    w.discover.notes = [m.Note("a", "Ship it 🚀 & <b>now</b>", department="mkt"),
                        m.Note("b", "Клиент\n\"ждёт\"", x=300),
                        m.Note("s", "only for the facilitator", x=600, private=True)]
    w.discover.clusters = [m.Cluster("c", "")]
    w.discover.links = [m.Link("l1", "a", "b", "leads to"), m.Link("l2", "b", "s")]
    create_file(src, w)
    out = tmp_path / "w.canvas"
    assert run("export", src, "--canvas", out) == 0
    assert "(2 notes, 1 group, 1 link)" in capsys.readouterr().out
    raw = out.read_text("utf-8")
    assert "facilitator" not in raw and '"s"' not in raw and "l2" not in raw
    assert "🚀 & <b>now</b>" in raw and "Клиент" in raw
    assert read_canvas(out) == {
        "nodes": [
            {"id": "c", "type": "group", "x": 0, "y": 0, "width": 260, "height": 200},
            {"id": "a", "type": "text", "x": 0, "y": 0, "width": 180, "height": 120,
             "text": "Ship it 🚀 & <b>now</b>", "color": "#E69F00"},
            {"id": "b", "type": "text", "x": 300, "y": 0, "width": 180, "height": 120,
             "text": "Клиент\n\"ждёт\""},
        ],
        "edges": [{"id": "l1", "fromNode": "a", "toNode": "b", "toEnd": "arrow",
                   "label": "leads to"}],
    }


def test_an_existing_canvas_is_kept_unless_forced(demo_file, tmp_path, capsys):
    out = tmp_path / "board.canvas"
    out.write_bytes(b"precious")
    assert run("export", demo_file, "--canvas", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.canvas"]
    assert run("export", demo_file, "--canvas", out, "--force") == 0
    assert read_canvas(out) == board_canvas(demo_workshop())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.canvas"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_canvas_never_goes_over_the_session_file(demo_file, tmp_path, capsys, force):
    session = tmp_path / "a.cxw"
    session.write_bytes(demo_file.read_bytes())
    link = tmp_path / "link.canvas"
    link.symlink_to(session)
    for out in (session, link):
        assert run("export", session, "--canvas", out, *force) == 2
        err = one_sentence(capsys.readouterr().err)
        assert str(session) in err and "being exported" in err and "canvas" in err
    assert session.read_bytes() == demo_file.read_bytes() and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cxw", "link.canvas"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_as_the_canvas_is_one_sentence(demo_file, tmp_path, capsys, force):
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("export", demo_file, "--canvas", folder, *force) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(folder) in err and "folder" in err and "canvas" in err
    assert list(folder.iterdir()) == []


def test_a_canvas_in_a_missing_folder_is_one_sentence(demo_file, tmp_path, capsys):
    out = tmp_path / "nowhere" / "board.canvas"
    assert run("export", demo_file, "--canvas", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "folder does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_a_missing_session_file_is_one_sentence_and_writes_nothing(tmp_path, capsys):
    src = tmp_path / "in.cxw"
    assert run("export", src, "--canvas", tmp_path / "board.canvas") == 2
    assert str(src) in one_sentence(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_canvas_and_json_in_one_run(demo_file, tmp_path, capsys):
    assert run("export", demo_file, "--json", tmp_path / "w.json",
               "--canvas", tmp_path / "w.canvas") == 0
    said = capsys.readouterr().out
    assert f"Exported {demo_file} to {tmp_path / 'w.json'}." in said
    assert f"to {tmp_path / 'w.canvas'} as JSON Canvas" in said
    doc = read_canvas(tmp_path / "w.json")
    assert doc["format"] == "cxworkshop"
    assert len(doc["discover"]["notes"]) == 30  # the JSON keeps the private note
    assert read_canvas(tmp_path / "w.canvas") == board_canvas(demo_workshop())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.canvas", "w.json"]


def test_a_taken_canvas_stops_the_run_before_anything_is_written(demo_file, tmp_path, capsys):
    taken = tmp_path / "taken.canvas"
    taken.write_bytes(b"precious")
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--canvas", taken) == 2
    assert str(taken) in one_sentence(capsys.readouterr().err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.canvas"]
    assert taken.read_bytes() == b"precious"


@pytest.mark.parametrize("other", ["--json", "--csv", "--png"])
def test_one_name_for_the_canvas_and_another_output_is_refused(demo_file, tmp_path, capsys,
                                                               other):
    same = tmp_path / "same"
    assert run("export", demo_file, other, same, "--canvas", same) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(same) in err and "--canvas" in err and other in err and "both" in err
    assert list(tmp_path.iterdir()) == []


def test_export_with_no_output_names_the_canvas_too(demo_file, capsys):
    assert run("export", demo_file) == 2
    err = one_sentence(capsys.readouterr().err)
    assert "--canvas OUT.canvas" in err and "--csv" in err and "--png" in err


def test_the_help_describes_the_canvas(capsys):
    with pytest.raises(SystemExit) as done:
        run("export", "--help")
    assert done.value.code == 0
    said = capsys.readouterr().out
    assert "--canvas OUT.canvas" in said and "JSON Canvas" in said


def test_a_file_open_in_the_app_can_be_exported(demo_file, tmp_path, capsys):
    src = tmp_path / "open.cxw"
    src.write_bytes(demo_file.read_bytes())
    with Session.open(src) as open_in_app:
        assert run("export", src, "--canvas", tmp_path / "open.canvas") == 0
        assert not open_in_app.read_only
    assert read_canvas(tmp_path / "open.canvas") == board_canvas(demo_workshop())
