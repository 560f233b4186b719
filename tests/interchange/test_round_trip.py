"""Lossless: a workshop written as JSON and read back is the same workshop, field for field."""

from __future__ import annotations

import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings

from cxworkshop import model as m
from cxworkshop.interchange import (
    InterchangeError,
    dump_json,
    dumps,
    from_document,
    load_json,
    loads,
    to_document,
)
from tests.strategies import workshops

from .test_spec_example import spec_doc

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(workshops())
def test_document_to_json_text_and_back_is_exact(w):
    doc = to_document(w)
    again = from_document(json.loads(json.dumps(doc, ensure_ascii=False)), "hypothesis.json")
    assert to_document(again) == doc
    assert again == w


@FAST
@given(workshops())
def test_dumps_and_loads_are_inverse(w):
    text = dumps(w)
    assert loads(text, "x.json") == w
    assert loads(text.encode("utf-8"), "x.json") == w
    assert dumps(loads(text, "x.json")) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(workshops())
def test_a_file_round_trips(tmp_path, w):
    path = tmp_path / "round.json"
    dump_json(w, path)
    assert load_json(path) == w


def test_the_written_file_is_utf8_indented_and_unescaped(tmp_path):
    w = from_document(spec_doc(), "example.json")
    w.workshop.title = "Qualité <client> & \"promesse\" 🙂 顧客 مرحبا"
    path = tmp_path / "out.json"
    dump_json(w, path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    assert "Qualité <client> & \\\"promesse\\\" 🙂 顧客 مرحبا" in text  # not \\u-escaped
    assert text.startswith('{\n  "format": "cxworkshop",\n  "version": 1,\n')
    assert text.endswith("}\n")
    assert text == dumps(w)
    assert load_json(path).workshop.title == w.workshop.title


def test_floats_are_written_as_floats(tmp_path):
    doc = spec_doc()
    doc["discover"]["notes"][0]["x"] = 40
    text = dumps(from_document(doc, "example.json"))
    assert '"x": 40.0' in text and '"baseline": 42.0' in text


def test_writing_replaces_the_old_file_whole_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    if os.name == "posix":
        path.chmod(0o640)
    w = from_document(spec_doc(), "example.json")
    dump_json(w, path)
    assert json.loads(path.read_text("utf-8")) == spec_doc()
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640  # the old file's permissions are kept


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("precious", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(InterchangeError) as caught:
        dump_json(from_document(spec_doc(), "example.json"), path)
    assert str(caught.value) == f"{path}: the file cannot be written (No space left on device)."
    assert path.read_text("utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_unwritable_place_is_one_sentence(tmp_path):
    target = tmp_path / "no-such-folder" / "out.json"
    with pytest.raises(InterchangeError) as caught:
        dump_json(m.Workshop(), target)
    assert str(caught.value).startswith(f"{target}: the file cannot be written")
    assert not target.parent.exists()


def test_an_invalid_workshop_cannot_become_invalid_json():
    w = m.Workshop()
    w.blueprint.measures.append(m.Measure("k1", "Calls", baseline=float("nan")))
    with pytest.raises(ValueError):
        dumps(w)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workshops(rich=True))
def test_the_rich_strategy_fills_every_list(w):
    pr, bp = w.priorities, w.blueprint
    assert all([w.departments, w.participants, w.agenda, w.discover.notes, w.discover.clusters,
                w.discover.links, w.diagnostics.instruments, w.diagnostics.responses,
                w.ambition.companions, pr.improvements, pr.improvements[0].votes, pr.decisions,
                pr.decisions[0].positions, pr.social_contract.rules, pr.social_contract.signatures,
                bp.milestones, bp.measures, bp.council.members, bp.council.agenda, w.actions])
    assert bp.start is not None and bp.end is not None and bp.start <= bp.end
