"""The example document of INTERCHANGE.md (kept verbatim here) passes, and round-trips."""

import json

from cxworkshop import model as m
from cxworkshop.interchange import dumps, from_document, loads, schema, to_document

#: Verbatim from /work/shared/spec/INTERCHANGE.md; other interchange tests import it.

SPEC_EXAMPLE = r"""
{
  "format": "cxworkshop",
  "version": 1,
  "workshop": {
    "title": "Bridging the divide: CX alignment day",
    "organisation": "Northwind Telecom",
    "date": "2026-11-23",
    "location": "Board room, 4th floor",
    "facilitator": "Alex Morgan",
    "current_stage": "discover"
  },
  "departments": [
    {"id": "mkt", "name": "Marketing", "color": "#e76f51"},
    {"id": "sal", "name": "Sales", "color": "#2a9d8f"},
    {"id": "svc", "name": "Customer Service", "color": "#264653"}
  ],
  "participants": [
    {"id": "p1", "name": "Dana Lee", "department": "mkt", "role": "CMO", "senior": true},
    {"id": "p2", "name": "Sam Ortiz", "department": "svc", "role": "Head of Contact Centre", "senior": true}
  ],
  "agenda": [
    {"id": "a1", "title": "Where are we failing customers?", "stage": "discover", "minutes": 60,
     "actual_minutes": null}
  ],
  "discover": {
    "notes": [
      {"id": "n1", "text": "Leads are unqualified", "kind": "challenge", "department": "sal",
       "dimension": "process", "author": "p1", "cluster": "c1",
       "x": 40.0, "y": 60.0, "w": 180.0, "h": 120.0, "color": null, "private": false},
      {"id": "n2", "text": "Complaint calls about broken promises", "kind": "barrier",
       "department": "svc", "dimension": "people", "author": null, "cluster": null,
       "x": 320.0, "y": 60.0, "w": 180.0, "h": 120.0, "color": null, "private": false}
    ],
    "clusters": [{"id": "c1", "title": "Lead quality", "x": 20.0, "y": 20.0, "w": 260.0, "h": 200.0}],
    "links": [{"id": "l1", "from": "n1", "to": "n2", "label": "leads to"}]
  },
  "diagnostics": {
    "instruments": [
      {"id": "five", "title": "Five statements", "scale": "agreement",
       "statements": [{"id": "belief", "title": "Belief", "text": "Our leaders ..."}]}
    ],
    "responses": [
      {"id": "r1", "instrument": "five", "statement": "belief", "department": "mkt",
       "participant": null, "score": 2, "evidence": "No shared view of churn", "private": false}
    ]
  },
  "ambition": {
    "cx_definition": "…", "vision": "…", "destination": "…", "horizon": "2028-12-31",
    "approach": "top-down", "programme_name": "Customer Integration",
    "companions": [{"id": "s1", "name": "Field engineers' union", "side": "external",
                    "role": "ally", "department": null, "note": ""}]
  },
  "priorities": {
    "dots_per_participant": 5,
    "votes_revealed": false,
    "improvements": [
      {"id": "i1", "title": "Qualify leads before hand-off", "description": "…",
       "notes": ["n1", "n2"], "impact": 5, "effort": 2, "status": "agreed",
       "accountable": "p1", "measure": "Complaint calls per 1,000 customers",
       "roadblocks": ["Marketing bonus tied to lead volume"],
       "votes": [{"participant": "p2", "dots": 3}]}
    ],
    "decisions": [
      {"id": "d1", "text": "Change lead-volume target to qualified-lead target", "improvement": "i1",
       "date": "2026-11-23",
       "positions": [{"department": "mkt", "stance": "reservations", "note": "Needs a pilot"}]}
    ],
    "social_contract": {
      "preamble": "…",
      "rules": [{"id": "rule1", "text": "No department changes a customer-facing promise alone"}],
      "signatures": [{"department": "mkt", "participant": "p1", "date": "2026-11-23"}]
    }
  },
  "blueprint": {
    "start": "2027-01", "end": "2028-12",
    "milestones": [{"id": "m1", "title": "Lead scoring pilot", "improvement": "i1",
                    "lane": "mkt", "start": "2027-01", "end": "2027-03", "owner": "p1"}],
    "measures": [{"id": "k1", "name": "Complaint calls per 1,000 customers", "unit": "calls",
                  "baseline": 42.0, "target": 25.0, "due": "2027-12-31", "owner": "p2",
                  "improvement": "i1"}],
    "council": {"operational_cadence": "monthly", "strategic_cadence": "quarterly",
                "chair": "p2", "members": ["p1", "p2"],
                "agenda": ["Review the actions agreed last time"]}
  },
  "actions": [
    {"id": "act1", "text": "Draft lead-scoring rules", "owner": "p1", "due": "2026-12-15",
     "status": "open", "improvement": "i1"}
  ]
}
"""


def spec_doc() -> dict:
    """A fresh copy of the example, to change in a test."""
    return json.loads(SPEC_EXAMPLE)


def keys_in_order(node):
    """The key order of every object, as nested lists (list order is compared too)."""
    if isinstance(node, dict):
        return [(k, keys_in_order(v)) for k, v in node.items()]
    if isinstance(node, list):
        return [keys_in_order(v) for v in node]
    return None


def test_the_example_passes_the_schema():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert list(Draft202012Validator(schema()).iter_errors(spec_doc())) == []


def test_the_example_imports_and_exports_unchanged_in_content_and_key_order():
    doc = spec_doc()
    w = from_document(doc, "example.json")
    out = to_document(w)
    assert out == doc
    assert keys_in_order(out) == keys_in_order(doc)
    assert json.loads(dumps(w)) == doc


def test_the_example_maps_onto_the_model():
    w = from_document(spec_doc(), "example.json")
    assert w.workshop.organisation == "Northwind Telecom"
    assert w.discover.links == [m.Link("l1", "n1", "n2", "leads to")]
    assert w.priorities.improvements[0].votes == [m.Vote("p2", 3)]
    assert w.blueprint.measures[0].baseline == 42.0
    assert isinstance(w.blueprint.measures[0].baseline, float)
    assert isinstance(w.diagnostics.responses[0].score, int)
    assert w.agenda[0].actual_minutes is None


def test_absent_fields_and_sections_come_back_with_their_defaults():
    doc = {
        "format": "cxworkshop", "version": 1,
        "departments": [{"id": "mkt", "name": "Marketing"}],
        "discover": {"notes": [{"id": "n1", "text": "Leads are weak", "x": 10, "y": 20}],
                     "links": [{"id": "l1", "from": "n1", "to": "n1"}]},
        "priorities": {"improvements": [{"id": "i1", "title": "Fix it"}]},
        "blueprint": {"measures": [{"id": "k1", "name": "Calls", "baseline": 42}]},
    }
    out = to_document(from_document(doc, "small.json"))
    assert out["workshop"] == {"title": "", "organisation": "", "date": None, "location": "",
                               "facilitator": "", "current_stage": "discover"}
    assert out["departments"] == [{"id": "mkt", "name": "Marketing", "color": None}]
    assert out["discover"]["notes"] == [{
        "id": "n1", "text": "Leads are weak", "kind": "challenge", "department": None,
        "dimension": None, "author": None, "cluster": None, "x": 10.0, "y": 20.0, "w": 180.0,
        "h": 120.0, "color": None, "private": False,
    }]
    assert isinstance(out["discover"]["notes"][0]["x"], float)
    assert out["discover"]["clusters"] == []
    assert out["discover"]["links"] == [{"id": "l1", "from": "n1", "to": "n1", "label": ""}]
    assert out["priorities"]["dots_per_participant"] == 5
    assert out["priorities"]["votes_revealed"] is False
    assert out["priorities"]["improvements"][0] == {
        "id": "i1", "title": "Fix it", "description": "", "notes": [], "impact": None,
        "effort": None, "status": "proposed", "accountable": None, "measure": "", "roadblocks": [],
        "votes": [],
    }
    assert out["priorities"]["social_contract"] == {"preamble": "", "rules": [], "signatures": []}
    assert out["blueprint"]["council"] == {
        "operational_cadence": "monthly", "strategic_cadence": "quarterly", "chair": None,
        "members": [], "agenda": [],
    }
    assert out["blueprint"]["measures"][0]["baseline"] == 42.0
    assert isinstance(out["blueprint"]["measures"][0]["baseline"], float)
    assert out["diagnostics"] == {"instruments": [], "responses": []}
    assert out["actions"] == [] and out["agenda"] == [] and out["participants"] == []
    # The exported form is complete: importing it again changes nothing.
    assert to_document(from_document(out, "again.json")) == out
    # …and it is the same as the default workshop apart from what the document set.
    assert to_document(from_document({"format": "cxworkshop", "version": 1}, "e.json")) == \
        to_document(m.Workshop())


def test_whole_numbers_in_integer_fields_stay_integers():
    doc = spec_doc()
    doc["agenda"][0]["minutes"] = 60.0
    doc["diagnostics"]["responses"][0]["score"] = 2.0
    out = to_document(from_document(doc, "example.json"))
    assert out["agenda"][0]["minutes"] == 60 and isinstance(out["agenda"][0]["minutes"], int)
    assert isinstance(out["diagnostics"]["responses"][0]["score"], int)


def test_text_with_a_byte_order_mark_is_read():
    w = loads(("\ufeff" + SPEC_EXAMPLE).encode("utf-8"), "bom.json")
    assert w.workshop.title == "Bridging the divide: CX alignment day"
