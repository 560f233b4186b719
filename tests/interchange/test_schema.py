"""The JSON Schema, the model and the documentation say the same thing."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cxworkshop import model as m
from cxworkshop.interchange import schema, to_document
from cxworkshop.model import vocabulary as V

DOCS = Path(__file__).resolve().parents[2] / "docs" / "interchange.md"

#: Schema definition -> the dataclass it describes.
DEFS = {
    "workshop": m.WorkshopInfo, "department": m.Department, "participant": m.Participant,
    "agenda_item": m.AgendaItem, "discover": m.Discover, "note": m.Note, "cluster": m.Cluster,
    "link": m.Link, "diagnostics": m.Diagnostics, "instrument": m.Instrument,
    "statement": m.Statement, "response": m.Response, "ambition": m.Ambition,
    "companion": m.Companion, "priorities": m.Priorities, "improvement": m.Improvement,
    "vote": m.Vote, "decision": m.Decision, "position": m.Position,
    "social_contract": m.SocialContract, "rule": m.Rule, "signature": m.Signature,
    "blueprint": m.Blueprint, "milestone": m.Milestone, "measure": m.Measure,
    "council": m.Council, "action": m.Action,
}


def json_name(cls, field: str) -> str:
    """A link's `source`/`target` are `from`/`to` in JSON; every other field keeps its name."""
    return {"source": "from", "target": "to"}.get(field, field) if cls is m.Link else field


def _json_fields(cls) -> list[str]:
    return [json_name(cls, f.name) for f in dataclasses.fields(cls)]


def _required(cls) -> set[str]:
    return {json_name(cls, f.name) for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}


def all_properties(node) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            found |= set(node["properties"])
        for v in node.values():
            found |= all_properties(v)
    elif isinstance(node, list):
        for v in node:
            found |= all_properties(v)
    return found


def test_the_schema_is_a_valid_draft_2020_12_schema():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", sorted(DEFS))
def test_each_object_has_the_model_fields_and_required_keys(name):
    cls, d = DEFS[name], schema()["$defs"][name]
    assert d["additionalProperties"] is False
    assert set(d["properties"]) == set(_json_fields(cls))
    assert set(d.get("required", [])) == _required(cls)


def test_the_top_level_lists_every_section():
    s = schema()
    assert s["additionalProperties"] is False
    assert list(s["properties"]) == ["format", "version", *(f.name for f in dataclasses.fields(m.Workshop))]
    assert s["required"] == ["format", "version"]


def test_every_object_in_the_schema_refuses_unknown_keys():
    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node.get("additionalProperties") is False, node
            for v in node.values():
                walk(v)
    walk(schema())


def test_the_schema_key_order_is_the_export_key_order():
    """Property order in the schema, the order `to_document` writes, and the spec agree."""
    defs = schema()["$defs"]
    doc = to_document(_one_of_everything())

    def check(value, def_name):
        props = list(defs[def_name]["properties"])
        assert list(value) == props, def_name

    check(doc["workshop"], "workshop")
    for key, name in [("departments", "department"), ("participants", "participant"),
                      ("agenda", "agenda_item"), ("actions", "action")]:
        check(doc[key][0], name)
    check(doc["discover"], "discover")
    for key, name in [("notes", "note"), ("clusters", "cluster"), ("links", "link")]:
        check(doc["discover"][key][0], name)
    check(doc["diagnostics"]["instruments"][0], "instrument")
    check(doc["diagnostics"]["instruments"][0]["statements"][0], "statement")
    check(doc["diagnostics"]["responses"][0], "response")
    check(doc["ambition"], "ambition")
    check(doc["ambition"]["companions"][0], "companion")
    pr = doc["priorities"]
    check(pr, "priorities")
    check(pr["improvements"][0], "improvement")
    check(pr["improvements"][0]["votes"][0], "vote")
    check(pr["decisions"][0], "decision")
    check(pr["decisions"][0]["positions"][0], "position")
    check(pr["social_contract"], "social_contract")
    check(pr["social_contract"]["rules"][0], "rule")
    check(pr["social_contract"]["signatures"][0], "signature")
    bp = doc["blueprint"]
    check(bp, "blueprint")
    check(bp["milestones"][0], "milestone")
    check(bp["measures"][0], "measure")
    check(bp["council"], "council")
    assert list(doc) == list(schema()["properties"])


def _one_of_everything() -> m.Workshop:
    from cxworkshop.demo import demo_workshop

    return demo_workshop()


@pytest.mark.parametrize(
    ("path", "values"),
    [
        (("workshop", "current_stage"), V.STAGES),
        (("agenda_item", "stage"), (*V.STAGES, None)),
        (("note", "kind"), V.NOTE_KINDS),
        (("note", "dimension"), (*V.DIMENSIONS, None)),
        (("instrument", "scale"), V.SCALES),
        (("ambition", "approach"), (*V.APPROACHES, None)),
        (("companion", "side"), V.COMPANION_SIDES),
        (("companion", "role"), V.COMPANION_ROLES),
        (("improvement", "status"), V.IMPROVEMENT_STATUSES),
        (("position", "stance"), V.STANCES),
        (("council", "operational_cadence"), V.CADENCES),
        (("council", "strategic_cadence"), (*V.CADENCES, None)),
        (("action", "status"), V.ACTION_STATUSES),
    ],
)
def test_enumerations_are_the_vocabulary(path, values):
    prop = schema()["$defs"][path[0]]["properties"][path[1]]
    if "$ref" in prop:
        prop = schema()["$defs"][prop["$ref"].rsplit("/", 1)[1]]
    assert tuple(prop["enum"]) == tuple(values)


def test_every_schema_property_is_documented():
    text = DOCS.read_text("utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", text))
    missing = sorted(all_properties(schema()) - documented)
    assert not missing, f"docs/interchange.md does not mention: {missing}"


def test_the_docs_list_every_enumeration_value():
    text = DOCS.read_text("utf-8")
    for values in (V.STAGES, V.NOTE_KINDS, V.DIMENSIONS, V.SCALES, V.APPROACHES, V.COMPANION_SIDES,
                   V.COMPANION_ROLES, V.IMPROVEMENT_STATUSES, V.STANCES, V.CADENCES,
                   V.ACTION_STATUSES):
        for v in values:
            assert f"`{v}`" in text, v


def test_the_docs_give_every_default_of_the_model():
    """Each non-empty default appears in the docs next to its field (same table row)."""
    text = DOCS.read_text("utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    for cls in DEFS.values():
        for f in dataclasses.fields(cls):
            if f.default is dataclasses.MISSING or f.default in (None, "", False):
                continue
            name = json_name(cls, f.name)
            shown = f"`{f.default}`" if not isinstance(f.default, str) else f'`"{f.default}"`'
            assert any(r.startswith(f"| `{name}`") and shown in r for r in rows), (cls.__name__, name)


def test_importing_the_package_runs_nothing_and_loads_no_qt():
    code = (
        "import sys, cxworkshop.interchange as i\n"
        "assert i.schema.cache_info().currsize == 0, 'schema read at import'\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported at import'\n"
        "assert not any(n.startswith('PySide6') for n in sys.modules), 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_schema_is_read_once_from_the_package():
    assert schema() is schema()
    from importlib.resources import files

    assert (files("cxworkshop") / "resources" / "interchange-v1.schema.json").is_file()
