"""The command line, as a facilitator or a script would use it."""

import json
import subprocess
import sys

import pytest

from cxworkshop.store import Session
from tests.cli.conftest import run

SPEC_DOC = {
    "format": "cxworkshop",
    "version": 1,
    "workshop": {"title": "Bridging the divide", "organisation": "Fjordline Energy"},
    "departments": [{"id": "mkt", "name": "Marketing", "color": "#E69F00"},
                    {"id": "svc", "name": "Customer Service", "color": "#009E73"}],
    "participants": [{"id": "p1", "name": "Dana Lee", "department": "mkt", "role": "CMO",
                      "senior": True}],
    "discover": {"notes": [{"id": "n1", "text": "Leads are weak <really> & costly",
                            "department": "mkt", "x": 10.0, "y": 20.0}]},
}


def write(path, doc):
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_new_then_check_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "day.cxw"
    assert run("new", out, "--title", "Offsite") == 0
    assert run("check", out) == 0
    text = capsys.readouterr().out
    assert "a valid CX Workshop session" in text and "Offsite" in text
    assert "Departments:   0" in text
    # a new workshop starts with the council's standing agenda, ready to edit
    from cxworkshop.model.blueprint import STANDING_AGENDA
    from cxworkshop.store import Session

    with Session.open(out, read_only=True) as session:
        assert session.load().blueprint.council.agenda == list(STANDING_AGENDA)


def test_new_never_replaces_a_file_without_force(tmp_path, capsys):
    out = tmp_path / "day.cxw"
    run("new", out, "--title", "First")
    before = out.read_bytes()
    assert run("new", out, "--title", "Second") == 2
    err = capsys.readouterr().err
    assert str(out) in err and "already exists" in err
    assert out.read_bytes() == before
    assert run("new", out, "--title", "Second", "--force") == 0
    with Session.open(out, read_only=True) as s:
        assert s.load().workshop.title == "Second"


def test_demo_has_five_or_more_departments_and_every_section(tmp_path, capsys):
    out = tmp_path / "demo.cxw"
    assert run("demo", out) == 0
    with Session.open(out, read_only=True) as s:
        w = s.load()
    assert len(w.departments) >= 5
    assert w.participants and w.agenda and w.discover.notes and w.discover.clusters
    assert w.discover.links and w.diagnostics.instruments and w.diagnostics.responses
    assert w.ambition.vision and w.ambition.companions
    assert w.priorities.improvements and w.priorities.decisions
    assert w.priorities.social_contract.rules and w.priorities.social_contract.signatures
    assert w.blueprint.milestones and w.blueprint.measures and w.blueprint.council.members
    assert w.actions


def test_import_then_export_gives_the_same_json(tmp_path):
    from cxworkshop.interchange import from_document, to_document

    src = write(tmp_path / "in.json", SPEC_DOC)
    assert run("import", src, tmp_path / "w.cxw") == 0
    assert run("export", tmp_path / "w.cxw", "--json", tmp_path / "out.json") == 0
    exported = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert exported == to_document(from_document(SPEC_DOC, "in.json"))
    assert exported["discover"]["notes"][0]["text"] == "Leads are weak <really> & costly"
    assert exported["discover"]["notes"][0]["w"] == 180.0  # absent, so its default


def test_a_bad_document_exits_2_with_one_sentence_and_writes_nothing(tmp_path, capsys):
    doc = json.loads(json.dumps(SPEC_DOC))
    doc["discover"]["notes"][0]["department"] = "ops"
    src = write(tmp_path / "bad.json", doc)
    out = tmp_path / "w.cxw"
    assert run("import", src, out) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "bad.json" in err and "$.discover.notes[0].department" in err and '"ops"' in err
    assert list(tmp_path.iterdir()) == [src]  # no .cxw, no temporary leftovers


def test_import_keeps_an_existing_output_unless_forced(tmp_path, capsys):
    out = tmp_path / "w.cxw"
    run("new", out, "--title", "Keep me")
    before = out.read_bytes()
    src = write(tmp_path / "in.json", SPEC_DOC)
    assert run("import", src, out) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert run("import", src, out, "--force") == 0
    with Session.open(out, read_only=True) as s:
        assert s.load().workshop.title == "Bridging the divide"


def test_export_keeps_an_existing_output_unless_forced(tmp_path, capsys):
    run("new", tmp_path / "w.cxw")
    target = tmp_path / "out.json"
    target.write_text("precious")
    assert run("export", tmp_path / "w.cxw", "--json", target) == 2
    assert target.read_text() == "precious"


def test_check_refuses_a_file_that_is_not_a_session(tmp_path, capsys):
    bad = tmp_path / "x.cxw"
    bad.write_bytes(b"\x00" * 4096)
    assert run("check", bad) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "not a CX Workshop session file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["new", "demo", "import", "export", "check"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(command, "--help")
    assert exit_.value.code == 0
    assert "usage: cxworkshop" in capsys.readouterr().out


def test_the_installed_command_exits_2_with_the_message_on_stderr(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "cxworkshop", "import", str(tmp_path / "missing.json"),
         str(tmp_path / "w.cxw")],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "missing.json" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_number_too_large_to_store_is_one_sentence_not_a_crash(tmp_path, capsys):
    doc = {"format": "cxworkshop", "version": 1,
           "agenda": [{"id": "a1", "title": "Welcome", "minutes": 2**62}]}
    src = write(tmp_path / "big.json", doc)
    assert run("import", src, tmp_path / "w.cxw") == 2
    err = capsys.readouterr().err.strip()
    assert "big.json" in err and "$.agenda[0].minutes" in err and "Traceback" not in err
    assert not (tmp_path / "w.cxw").exists()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_export_never_writes_over_the_session_file_it_reads(tmp_path, capsys, force):
    session = tmp_path / "a.cxw"
    run("new", session, "--title", "Keep me")
    before = session.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(session)
    for out in (session, link, tmp_path / "." / "a.cxw"):
        capsys.readouterr()
        assert run("export", session, "--json", out, *force) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.endswith(".")
        assert str(session) in err and "being exported" in err and "Traceback" not in err
    assert session.read_bytes() == before and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.cxw", "link.json"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_import_never_writes_over_the_document_it_reads(tmp_path, capsys, force):
    src = write(tmp_path / "in.json", SPEC_DOC)
    before = src.read_bytes()
    link = tmp_path / "link.cxw"
    link.symlink_to(src)
    for out in (src, link):
        capsys.readouterr()
        assert run("import", src, out, *force) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and err.endswith(".")
        assert str(src) in err and "being imported" in err and "Traceback" not in err
    assert src.read_bytes() == before and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "link.cxw"]


def test_an_unknown_option_for_the_window_is_one_sentence(capsys):
    assert run("--presenter") == 2
    err = capsys.readouterr().err.strip()
    assert err == "cxworkshop: --presenter is not a command or option; see cxworkshop --help."
