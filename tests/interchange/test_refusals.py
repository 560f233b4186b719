"""Every kind of bad document is refused with one sentence a facilitator can act on.

The message names the file, the JSON path and the problem; nothing else escapes (no
jsonschema, json or Unicode exception reaches the caller).
"""

from __future__ import annotations

import json

import pytest

from cxworkshop.interchange import InterchangeError, from_document, load_json, loads

from .test_spec_example import spec_doc


def refuse(doc, source="workshop.json") -> str:
    with pytest.raises(InterchangeError) as caught:
        from_document(doc, source)
    return one_sentence(caught.value)


def refuse_text(text: str | bytes, source="workshop.json") -> str:
    with pytest.raises(InterchangeError) as caught:
        loads(text, source)
    return one_sentence(caught.value)


def one_sentence(exc: InterchangeError) -> str:
    msg = str(exc)
    assert "\n" not in msg and "\r" not in msg
    assert msg.endswith(".") and not msg.endswith("..")
    assert msg.startswith(f"{exc.source}: ")
    assert "Traceback" not in msg and "ValidationError" not in msg
    return msg


def test_the_example_is_accepted():
    from_document(spec_doc(), "workshop.json")  # the baseline every refusal below changes


# --------------------------------------------------------------------------- header


def test_another_format_is_refused():
    doc = spec_doc()
    doc["format"] = "trello"
    msg = refuse(doc)
    assert msg.startswith("workshop.json: $.format: ")
    assert '"trello"' in msg and "not a CX Workshop interchange document" in msg


def test_a_document_without_format_is_refused():
    doc = spec_doc()
    del doc["format"]
    assert 'has no "format"' in refuse(doc)


def test_a_newer_version_is_refused_before_anything_else():
    doc = spec_doc()
    doc["version"] = 2
    doc["a_key_from_the_future"] = {"whatever": True}  # v2 may add keys: version speaks first
    msg = refuse(doc)
    assert msg.startswith("workshop.json: $.version: ")
    assert "version 2" in msg and "newer" in msg and "version 1" in msg


@pytest.mark.parametrize("version", ["1", True, 1.5, None])
def test_a_version_that_is_not_a_whole_number_is_refused(version):
    doc = spec_doc()
    doc["version"] = version
    msg = refuse(doc)
    assert "$.version" in msg and "not a whole number" in msg


def test_a_document_that_is_not_an_object_is_refused():
    msg = refuse_text("[1, 2, 3]")
    assert "workshop.json: the document is a list, not a JSON object" in msg


# --------------------------------------------------------------------------- JSON text


def test_invalid_json_gives_line_and_column():
    text = '{\n  "format": "cxworkshop",\n  "version": 1,\n}\n'
    msg = refuse_text(text)
    assert msg.startswith("workshop.json: the file is not valid JSON: ")
    assert "line 4, column 1" in msg


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("   \n", encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        load_json(path)
    assert str(caught.value) == f"{path}: the file is empty, not a JSON document."


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "cxworkshop", "version": 1, "workshop": {"title": "Caf\u00e9"}}'
                     .encode("latin-1"))
    with pytest.raises(InterchangeError) as caught:
        load_json(path)
    assert "not UTF-8 text" in one_sentence(caught.value)


def test_utf16_is_named():
    assert "UTF-16" in refuse_text('{"format": "cxworkshop"}'.encode("utf-16"))


def test_a_duplicate_key_is_refused_not_silently_dropped():
    text = '{"format": "cxworkshop", "version": 1, "workshop": {"title": "A", "title": "B"}}'
    msg = refuse_text(text)
    assert "$.workshop.title" in msg and 'has the key "title" twice' in msg


def test_nan_is_refused_with_its_path():
    text = ('{"format": "cxworkshop", "version": 1, "blueprint": {"measures": '
            '[{"id": "k1", "name": "Calls", "baseline": NaN}]}}')
    msg = refuse_text(text)
    assert "$.blueprint.measures[0].baseline" in msg and "not a finite number" in msg


def test_a_number_too_large_for_a_float_is_refused():
    doc = spec_doc()
    doc["discover"]["notes"][0]["x"] = 10**400
    msg = refuse(doc)
    assert "$.discover.notes[0].x" in msg and 'note "n1" x' in msg and "too large" in msg


@pytest.mark.parametrize(("section", "key", "value"), [
    (("discover", "notes"), "x", 2**53 + 1),
    (("discover", "notes"), "h", 10**20 - 1),
    (("discover", "clusters"), "y", -(2**53 + 1)),
    (("blueprint", "measures"), "target", 2**53 + 1),
])
def test_a_whole_number_a_float_cannot_hold_exactly_is_refused(section, key, value):
    doc = spec_doc()
    doc[section[0]][section[1]][0][key] = value
    msg = refuse(doc)
    assert f"$.{section[0]}.{section[1]}[0].{key}" in msg
    assert f" {key} is {value}, too large to keep exactly." in msg


def test_a_long_integer_literal_in_the_text_is_refused_not_rounded():
    text = ('{"format": "cxworkshop", "version": 1, "discover": {"notes": '
            '[{"id": "n1", "text": "Slow", "x": 9007199254740993}]}}')
    msg = refuse_text(text)
    assert msg == ('workshop.json: $.discover.notes[0].x: note "n1" x is 9007199254740993, '
                   "too large to keep exactly.")


def test_a_whole_number_a_float_holds_exactly_is_kept():
    doc = spec_doc()
    doc["discover"]["notes"][0]["x"] = 2**53
    doc["discover"]["notes"][0]["y"] = 10**20  # a float holds this one exactly
    note = from_document(doc, "workshop.json").discover.notes[0]
    assert (note.x, note.y) == (float(2**53), 1e20)


def test_absurd_nesting_is_refused():
    msg = refuse_text('{"format": "cxworkshop", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "workshop.json:" in msg


# --------------------------------------------------------------------------- files


def test_a_missing_file_is_refused_by_name(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(InterchangeError) as caught:
        load_json(path)
    assert str(caught.value) == f"{path}: the file does not exist."
    assert caught.value.source == str(path)


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(InterchangeError) as caught:
        load_json(tmp_path)
    assert "a folder, not a file" in one_sentence(caught.value)


def test_a_file_on_disk_names_itself_in_the_message(tmp_path):
    doc = spec_doc()
    doc["discover"]["notes"][1]["department"] = "ops"
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        load_json(path)
    assert str(caught.value) == (
        f'{path}: $.discover.notes[1].department: note "n2" names department "ops", '
        "which does not exist."
    )
    assert caught.value.path == "$.discover.notes[1].department"


# --------------------------------------------------------------------------- schema


def test_an_unknown_key_is_refused_naming_its_path():
    doc = spec_doc()
    doc["departments"][0]["colour"] = "#ffffff"
    msg = refuse(doc)
    assert msg == ('workshop.json: $.departments[0].colour: department "mkt" has an unknown key '
                   '"colour" (did you mean "color"?).')


def test_an_unknown_top_level_section_is_refused():
    doc = spec_doc()
    doc["discovery"] = {}
    msg = refuse(doc)
    assert "$.discovery" in msg and 'unknown key "discovery"' in msg and '"discover"' in msg


def test_an_unknown_key_deep_inside_is_found():
    doc = spec_doc()
    doc["priorities"]["improvements"][0]["votes"][0]["weight"] = 2
    msg = refuse(doc)
    assert "$.priorities.improvements[0].votes[0].weight" in msg
    assert 'vote 1 of improvement "i1"' in msg


def test_the_first_problem_in_the_document_is_the_one_reported():
    doc = spec_doc()
    doc["actions"][0]["status"] = "finished"
    doc["departments"][2]["name"] = 3
    doc["discover"]["notes"][1]["kind"] = "issue"
    msg = refuse(doc)
    assert msg == 'workshop.json: $.departments[2].name: department "svc" name is 3, not text.'


def test_a_missing_required_key_is_named():
    doc = spec_doc()
    del doc["discover"]["links"][0]["to"]
    msg = refuse(doc)
    assert "$.discover.links[0]" in msg and 'link "l1" has no "to"' in msg


def test_a_wrong_type_is_named():
    doc = spec_doc()
    doc["participants"][0]["senior"] = "yes"
    assert refuse(doc) == ('workshop.json: $.participants[0].senior: participant "p1" senior is '
                           '"yes", not true or false.')


def test_a_value_outside_an_enumeration_lists_the_choices():
    doc = spec_doc()
    doc["discover"]["notes"][0]["dimension"] = "culture"
    msg = refuse(doc)
    assert "$.discover.notes[0].dimension" in msg and '"culture"' in msg
    assert "people, process, technology, or null" in msg


def test_an_empty_id_is_refused():
    doc = spec_doc()
    doc["agenda"][0]["id"] = ""
    assert "$.agenda[0].id" in refuse(doc) and "empty id" in refuse(doc)


@pytest.mark.parametrize(
    ("where", "value", "expect"),
    [
        (("workshop", "date"), "23/11/2026", "not a date like 2027-03-31"),
        (("workshop", "date"), "2026-02-30", "not a date like 2027-03-31"),
        (("ambition", "horizon"), "2028", "not a date like 2027-03-31"),
        (("blueprint", "start"), "2027-13", "not a month like 2027-03"),
        (("blueprint", "end"), "2027-1", "not a month like 2027-03"),
    ],
)
def test_a_bad_date_or_month_is_refused(where, value, expect):
    doc = spec_doc()
    doc[where[0]][where[1]] = value
    msg = refuse(doc)
    assert f"$.{where[0]}.{where[1]}" in msg and expect in msg and value in msg


def test_a_bad_colour_is_refused():
    doc = spec_doc()
    doc["departments"][1]["color"] = "teal"
    msg = refuse(doc)
    assert "$.departments[1].color" in msg and "not a colour like #e69f00" in msg


def test_control_characters_in_a_value_do_not_break_the_sentence():
    doc = spec_doc()
    doc["departments"][1]["color"] = "#12\n34\u2028"
    msg = refuse(doc)
    assert "\\n" in msg and "\u2028" not in msg


# --------------------------------------------------------------------------- model rules


def test_a_dangling_reference_names_the_object_and_the_field():
    doc = spec_doc()
    doc["priorities"]["improvements"][0]["accountable"] = "p9"
    assert refuse(doc) == ('workshop.json: $.priorities.improvements[0].accountable: improvement '
                           '"i1" names participant "p9", which does not exist.')


def test_a_link_to_a_missing_note_is_refused():
    doc = spec_doc()
    doc["discover"]["links"][0]["from"] = "n7"
    msg = refuse(doc)
    assert "$.discover.links[0].from" in msg and 'link "l1" names note "n7"' in msg


def test_an_id_used_twice_across_sections_is_refused():
    doc = spec_doc()
    doc["discover"]["clusters"][0]["id"] = "mkt"  # a department's id
    doc["discover"]["notes"][0]["cluster"] = "mkt"
    msg = refuse(doc)
    assert "$.discover.clusters[0].id" in msg
    assert 'id "mkt" is used twice (first at $.departments[0].id)' in msg


def test_over_budget_dots_are_refused():
    doc = spec_doc()
    imp = doc["priorities"]["improvements"][0]
    imp["votes"][0]["dots"] = 6
    msg = refuse(doc)
    assert "$.priorities.improvements" in msg
    assert 'participant "p2" casts 6 dots, over the budget of 5' in msg


def test_dots_spread_over_improvements_count_together():
    doc = spec_doc()
    doc["priorities"]["improvements"].append(
        {"id": "i2", "title": "Second", "votes": [{"participant": "p2", "dots": 3}]})
    assert 'participant "p2" casts 6 dots' in refuse(doc)


def test_a_vote_of_no_dots_is_refused():
    doc = spec_doc()
    doc["priorities"]["improvements"][0]["votes"][0]["dots"] = 0
    assert "$.priorities.improvements[0].votes[0].dots" in refuse(doc)


def test_a_score_off_its_scale_is_refused():
    doc = spec_doc()
    doc["diagnostics"]["responses"][0]["score"] = 6
    msg = refuse(doc)
    assert "$.diagnostics.responses[0].score" in msg
    assert 'response "r1" scores 6, outside its scale 1–5' in msg


def test_a_strength_score_of_four_is_off_scale():
    doc = spec_doc()
    doc["diagnostics"]["instruments"][0]["scale"] = "strength"
    doc["diagnostics"]["responses"][0]["score"] = 4
    assert "outside its scale 1–3" in refuse(doc)


def test_a_milestone_ending_before_it_starts_is_refused():
    doc = spec_doc()
    doc["blueprint"]["milestones"][0]["end"] = "2026-12"
    assert refuse(doc) == ('workshop.json: $.blueprint.milestones[0].end: milestone "m1" ends '
                           "(2026-12) before it starts (2027-01).")


@pytest.mark.parametrize(("key", "value"), [("w", 0), ("h", -120.0)])
def test_a_note_without_a_positive_size_is_refused(key, value):
    doc = spec_doc()
    doc["discover"]["notes"][0][key] = value
    msg = refuse(doc)
    assert f"$.discover.notes[0].{key}" in msg and 'note "n1" has a size that is not positive' in msg


def test_an_impact_outside_one_to_five_is_refused():
    doc = spec_doc()
    doc["priorities"]["improvements"][0]["impact"] = 9
    assert 'improvement "i1" has impact 9, outside 1–5' in refuse(doc)


def test_a_response_for_nobody_is_refused():
    doc = spec_doc()
    doc["diagnostics"]["responses"][0]["department"] = None
    assert 'response "r1" names neither a department nor a participant' in refuse(doc)


def test_half_a_surrogate_pair_is_not_text():
    text = r'{"format": "cxworkshop", "version": 1, "workshop": {"title": "caf\ud800"}}'
    msg = refuse_text(text)
    assert "$.workshop.title" in msg and "surrogate" in msg


def test_the_error_survives_pickling_for_worker_processes():
    import pickle

    doc = spec_doc()
    doc["discover"]["notes"][0]["kind"] = "issue"
    with pytest.raises(InterchangeError) as caught:
        from_document(doc, "workshop.json")
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value) and again.path == "$.discover.notes[0].kind"


def test_a_whole_number_too_large_for_the_session_file_is_refused():
    doc = spec_doc()
    doc["agenda"][0]["minutes"] = 10**20
    msg = refuse(doc)
    assert "$.agenda[0].minutes" in msg and 'agenda item "a1" minutes' in msg and "too large" in msg
