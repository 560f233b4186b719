"""Instrument files: the three built-ins load and pass their schema, and every kind of bad file
is refused with one sentence that names the file and what is wrong."""

from __future__ import annotations

import copy
import json
from importlib.resources import files

import pytest
from jsonschema import Draft202012Validator

from cxworkshop import model as m
from cxworkshop.interchange.instruments import (
    MAX_BYTES,
    InstrumentError,
    builtin_instruments,
    load_instrument,
    schema,
)
from cxworkshop.model.diagnostics import SCALES

GOOD = {
    "format": "cxworkshop-instrument",
    "version": 1,
    "id": "pulse",
    "title": "Pulse check",
    "scale": "strength",
    "statements": [
        {"id": "a", "title": "First", "text": "We do the first thing."},
        {"id": "b", "title": "Second"},
    ],
}


def write(tmp_path, doc: object, name: str = "pulse.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def refuse(path) -> str:
    with pytest.raises(InstrumentError) as caught:
        load_instrument(path)
    msg = str(caught.value)
    assert msg.startswith(f"{path}: ")  # names the file
    assert "\n" not in msg and "\r" not in msg  # one line
    assert msg.endswith(".") and not msg.endswith("..")
    body = msg.removeprefix(f"{path}: ")
    assert ". " not in body and "!" not in body  # one sentence
    assert "Traceback" not in msg and "ValidationError" not in msg
    assert caught.value.source == str(path)
    return msg


def changed(**edits) -> dict:
    doc = copy.deepcopy(GOOD)
    for k, v in edits.items():
        if v is None:
            del doc[k]
        else:
            doc[k] = v
    return doc


# --------------------------------------------------------------------------- built-ins


def test_builtins_load_in_order_with_their_scales_and_sizes():
    found = builtin_instruments()
    assert [(i.id, i.scale, len(i.statements)) for i in found] == [
        ("five-statements", "agreement", 5), ("unified-working", "strength", 9), ("maturity", "maturity", 9)]
    for ins in found:
        assert isinstance(ins, m.Instrument) and ins.scale in SCALES
        assert len({s.id for s in ins.statements}) == len(ins.statements)
        assert ins.title.strip()
        assert all(s.title.strip() and s.text.strip() for s in ins.statements)


def test_five_statements_titles():
    five = builtin_instruments()[0]
    assert [s.title for s in five.statements] == [
        "Belief", "Alignment", "Way of working", "Engagement", "Capability"]


def test_unified_working_has_three_statements_per_block():
    uw = builtin_instruments()[1]
    blocks = [s.title.split(" · ")[0] for s in uw.statements]
    assert all(" · " in s.title for s in uw.statements)
    assert blocks == [blocks[0]] * 3 + [blocks[3]] * 3 + [blocks[6]] * 3
    assert len(set(blocks)) == 3


def test_builtin_files_pass_the_schema_and_the_schema_is_valid():
    Draft202012Validator.check_schema(schema())
    validator = Draft202012Validator(schema())
    folder = files("cxworkshop") / "resources" / "instruments"
    for name in ("five-statements.json", "unified-working.json", "maturity.json"):
        doc = json.loads((folder / name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(doc)) == [], name


def test_builtins_are_fresh_objects_each_call():
    first = builtin_instruments()
    first[0].statements.clear()
    assert len(builtin_instruments()[0].statements) == 5


def test_a_good_file_loads(tmp_path):
    ins = load_instrument(write(tmp_path, GOOD))
    assert ins == m.Instrument("pulse", "Pulse check", "strength", [
        m.Statement("a", "First", "We do the first thing."), m.Statement("b", "Second", "")])


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD).encode())
    assert load_instrument(path).id == "pulse"


# --------------------------------------------------------------------------- refusals


def test_a_missing_file(tmp_path):
    msg = refuse(tmp_path / "nowhere.json")
    assert "does not exist" in msg


def test_a_folder(tmp_path):
    assert "folder" in refuse(tmp_path)


def test_invalid_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "cxworkshop-instrument",', encoding="utf-8")
    msg = refuse(path)
    assert "not valid JSON" in msg and "line 1" in msg


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"  \n")
    assert "empty" in refuse(path)


def test_not_an_object(tmp_path):
    assert "a list, not a JSON object" in refuse(write(tmp_path, [GOOD]))


def test_a_wrong_format_value(tmp_path):
    msg = refuse(write(tmp_path, changed(format="trello")))
    assert msg.startswith(f"{tmp_path / 'pulse.json'}: $.format: ")
    assert '"trello"' in msg and "not a CX Workshop instrument" in msg


def test_a_workshop_document_is_told_apart(tmp_path):
    msg = refuse(write(tmp_path, {"format": "cxworkshop", "version": 1}))
    assert "whole workshop" in msg


def test_a_newer_version(tmp_path):
    msg = refuse(write(tmp_path, changed(version=2)))
    assert "$.version" in msg and "newer" in msg


@pytest.mark.parametrize("key", ["id", "title", "scale", "statements"])
def test_a_missing_key(tmp_path, key):
    msg = refuse(write(tmp_path, changed(**{key: None})))
    assert msg.endswith(f': $: the instrument has no "{key}".')


def test_a_statement_without_a_title(tmp_path):
    doc = copy.deepcopy(GOOD)
    del doc["statements"][1]["title"]
    assert refuse(write(tmp_path, doc)).endswith(': $.statements[1]: statement "b" has no "title".')


def test_an_unknown_scale(tmp_path):
    msg = refuse(write(tmp_path, changed(scale="stars")))
    assert '$.scale: the instrument scale is "stars"; expected one of agreement, strength, maturity' in msg


def test_an_unknown_key_suggests_the_near_one(tmp_path):
    doc = copy.deepcopy(GOOD)
    doc["statements"][0]["txt"] = "typo"
    msg = refuse(write(tmp_path, doc))
    assert '$.statements[0].txt: statement "a" has an unknown key "txt" (did you mean "text"?)' in msg


def test_duplicate_statement_ids(tmp_path):
    doc = copy.deepcopy(GOOD)
    doc["statements"].append({"id": "a", "title": "Third"})
    msg = refuse(write(tmp_path, doc))
    assert '$.statements[2].id: statements 1 and 3 both have the id "a"' in msg


def test_a_repeated_key(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(GOOD)[:-1] + ', "title": "Again"}', encoding="utf-8")
    assert 'the instrument has the key "title" twice' in refuse(path)


def test_a_bad_id(tmp_path):
    msg = refuse(write(tmp_path, changed(id="has space")))
    assert '$.id: the instrument id is "has space", not a usable id' in msg


def test_an_id_with_a_trailing_line_break(tmp_path):
    doc = copy.deepcopy(GOOD)
    doc["statements"][0]["id"] = "a\n"
    msg = refuse(write(tmp_path, doc))
    assert "$.statements[0].id: the id of statement 1 is" in msg and "not a usable id" in msg


def test_a_blank_title_and_an_overlong_text(tmp_path):
    assert "$.title: the instrument title is blank" in refuse(write(tmp_path, changed(title="   ")))
    doc = copy.deepcopy(GOOD)
    doc["statements"][0]["text"] = "x" * 2001
    assert '$.statements[0].text: statement "a" text is 2,001 characters long; at most 2,000 fit' in refuse(
        write(tmp_path, doc))


def test_no_statements_and_too_many(tmp_path):
    assert "has no statements" in refuse(write(tmp_path, changed(statements=[])))
    many = [{"id": f"s{i}", "title": f"S{i}"} for i in range(41)]
    assert "has 41 statements; at most 40 fit" in refuse(write(tmp_path, changed(statements=many)))


def test_a_statement_that_is_not_an_object(tmp_path):
    msg = refuse(write(tmp_path, changed(statements=["Belief"])))
    assert '$.statements[0]: statement 1 is "Belief", not an object' in msg


def test_a_non_utf8_file(tmp_path):
    path = tmp_path / "latin1.json"
    text = json.dumps(changed(title="Café"), ensure_ascii=False)
    path.write_bytes(text.encode("utf-8").replace("é".encode(), b"\xe9"))  # Latin-1 é
    msg = refuse(path)
    assert "not UTF-8" in msg and "0xe9" in msg


def test_a_utf16_file(tmp_path):
    path = tmp_path / "utf16.json"
    path.write_bytes(json.dumps(GOOD).encode("utf-16"))
    assert "UTF-16" in refuse(path)


def test_an_oversized_file(tmp_path):
    path = tmp_path / "huge.json"
    text = json.dumps(GOOD)
    path.write_text(text[:-1] + "," + " " * (MAX_BYTES - len(text)) + "}", encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES + 1
    assert "larger than 1 MiB" in refuse(path)


def test_a_file_of_exactly_one_mib_is_read(tmp_path):
    path = tmp_path / "big.json"
    text = json.dumps(GOOD)
    path.write_text(text[:-1] + " " * (MAX_BYTES - len(text)) + "}", encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES
    assert load_instrument(path).id == "pulse"


def test_the_error_survives_pickling():
    import pickle

    exc = InstrumentError("x.json", "the file is empty", "$.id")
    again = pickle.loads(pickle.dumps(exc))
    assert str(again) == str(exc) == "x.json: $.id: the file is empty."
