"""The Discover board as JSON Canvas 1.0: nodes, groups, edges, colours, privacy, the write."""

from __future__ import annotations

import json
import re

import pytest

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.interchange.json_canvas import (
    CanvasError,
    board_canvas,
    dumps_canvas,
    write_canvas,
)

AWKWARD = [
    "<b>not bold</b> & <script>alert(1)</script>",
    'She said "it\'s fine" – it wasn\'t',
    "Line one\nline two\r\nline three\n",
    "Ship it 🚀👩🏽‍💻",
    "Клиент ждёт инженера три дня",
    "# looks like a heading\n- and a *list*",
    "",
    "  spaces kept  ",
]

# -- a structural check of JSON Canvas 1.0 (https://jsoncanvas.org/spec/1.0/) ------------------

NODE_TYPES = {"text", "file", "link", "group"}
SIDES = {"top", "right", "bottom", "left"}
ENDS = {"none", "arrow"}
NODE_KEYS = {"id", "type", "x", "y", "width", "height", "color", "text", "file", "subpath",
             "url", "label", "background", "backgroundStyle"}
EDGE_KEYS = {"id", "fromNode", "fromSide", "fromEnd", "toNode", "toSide", "toEnd", "color",
             "label"}


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_color(color) -> None:
    assert isinstance(color, str)
    assert color in {"1", "2", "3", "4", "5", "6"} or re.fullmatch(r"#[0-9A-Fa-f]{6}", color)


def check_canvas(doc) -> None:
    """Every rule of the spec a reader relies on; fails with the offending piece."""
    assert isinstance(doc, dict) and set(doc) <= {"nodes", "edges"}
    nodes, edges = doc.get("nodes", []), doc.get("edges", [])
    assert isinstance(nodes, list) and isinstance(edges, list)
    ids = set()
    for node in nodes:
        assert isinstance(node, dict) and set(node) <= NODE_KEYS, node
        assert isinstance(node["id"], str) and node["id"] not in ids, node
        ids.add(node["id"])
        assert node["type"] in NODE_TYPES, node
        for key in ("x", "y", "width", "height"):
            assert is_int(node[key]), (key, node)
        assert node["width"] >= 1 and node["height"] >= 1, node
        if "color" in node:
            check_color(node["color"])
        if node["type"] == "text":
            assert isinstance(node["text"], str), node
        elif node["type"] == "file":
            assert isinstance(node["file"], str), node
        elif node["type"] == "link":
            assert isinstance(node["url"], str), node
        elif "label" in node:
            assert isinstance(node["label"], str), node
    edge_ids = set()
    for edge in edges:
        assert isinstance(edge, dict) and set(edge) <= EDGE_KEYS, edge
        assert isinstance(edge["id"], str) and edge["id"] not in edge_ids, edge
        edge_ids.add(edge["id"])
        assert edge["fromNode"] in ids and edge["toNode"] in ids, edge
        for key in ("fromSide", "toSide"):
            assert edge.get(key, "top") in SIDES, edge
        for key in ("fromEnd", "toEnd"):
            assert edge.get(key, "none") in ENDS, edge
        if "color" in edge:
            check_color(edge["color"])
        if "label" in edge:
            assert isinstance(edge["label"], str), edge


def by_id(doc, kind):
    return {n["id"]: n for n in doc["nodes"] if n["type"] == kind}


def awkward_demo() -> m.Workshop:
    """The demo, its first notes given awkward texts, one private note linked from another."""
    w = demo_workshop()
    for note, text in zip(w.discover.notes, AWKWARD, strict=False):
        note.text = text
    private = next(n for n in w.discover.notes if n.private)
    public = w.discover.notes[0]
    w.discover.links.append(m.Link("l-secret", public.id, private.id, "hides"))
    w.discover.links.append(m.Link("l-secret-back", private.id, public.id))
    m.check(w)
    return w


# -- the mapping ---------------------------------------------------------------------------------


def test_every_public_note_is_a_text_node_with_its_exact_text():
    w = awkward_demo()
    doc = board_canvas(w)
    check_canvas(doc)
    texts = by_id(doc, "text")
    public = [n for n in w.discover.notes if not n.private]
    assert list(texts) == [n.id for n in public]  # the workshop's order
    assert len(public) == len(w.discover.notes) - 1
    for note in public:
        assert texts[note.id]["text"] == note.text
    assert [texts[n.id]["text"] for n in w.discover.notes[:len(AWKWARD)]] == AWKWARD
    assert texts[w.discover.notes[0].id]["text"].startswith("<b>not bold</b> & <script>")


def test_the_file_holds_the_text_unescaped_and_parses_back(tmp_path):
    w = awkward_demo()
    out = tmp_path / "board.canvas"
    write_canvas(w, out, overwrite=False)
    raw = out.read_bytes()
    assert raw.endswith(b"}\n")
    text = raw.decode("utf-8")
    assert "🚀" in text and "Клиент ждёт" in text and "<script>" in text and " & " in text
    assert "\\u" not in text  # nothing escaped to ASCII
    doc = json.loads(text)
    check_canvas(doc)
    assert doc == board_canvas(w)
    assert [n["text"] for n in doc["nodes"] if n["type"] == "text"][:len(AWKWARD)] == AWKWARD


def test_clusters_are_groups_listed_before_every_text_node():
    w = demo_workshop()
    doc = board_canvas(w)
    types = [n["type"] for n in doc["nodes"]]
    groups = len(w.discover.clusters)
    assert groups == 4
    assert types == ["group"] * groups + ["text"] * (len(types) - groups)
    assert [(g["id"], g["label"]) for g in doc["nodes"][:groups]] == [
        (c.id, c.title) for c in w.discover.clusters]
    first = w.discover.clusters[0]
    assert doc["nodes"][0] == {"id": "c-promise", "type": "group", "x": 24, "y": 20,
                               "width": 512, "height": 396,
                               "label": "What we promise at the point of sale"}
    assert first.id == "c-promise"


def test_a_cluster_without_a_title_is_a_group_without_a_label():
    w = m.Workshop()
    w.discover.clusters = [m.Cluster("c1", "", 0, 0, 100, 100), m.Cluster("c2", "Kept", 5, 5)]
    groups = board_canvas(w)["nodes"]
    assert "label" not in groups[0] and groups[1]["label"] == "Kept"
    assert groups[1]["width"] == 260 and groups[1]["height"] == 200


def test_links_are_arrows_between_the_notes_they_join():
    w = demo_workshop()
    doc = board_canvas(w)
    check_canvas(doc)
    assert [(e["id"], e["fromNode"], e["toNode"], e.get("label")) for e in doc["edges"]] == [
        (lk.id, lk.source, lk.target, lk.label or None) for lk in w.discover.links]
    assert len(doc["edges"]) == 10
    texts = by_id(doc, "text")
    for edge in doc["edges"]:
        assert edge["toEnd"] == "arrow" and "fromEnd" not in edge
        assert edge["fromNode"] in texts and edge["toNode"] in texts
    assert doc["edges"][0] == {"id": "l-1", "fromNode": "n-m1", "toNode": "n-s1",
                               "toEnd": "arrow", "label": "sets the expectation for"}


def test_an_unlabelled_link_has_no_label():
    w = m.Workshop()
    w.discover.notes = [m.Note("a", "A"), m.Note("b", "B", x=300)]
    w.discover.links = [m.Link("l", "a", "b")]
    assert board_canvas(w)["edges"] == [{"id": "l", "fromNode": "a", "toNode": "b",
                                         "toEnd": "arrow"}]


def test_private_notes_and_their_links_are_left_out_unless_asked_for():
    w = awkward_demo()
    private = next(n for n in w.discover.notes if n.private)
    doc = board_canvas(w)
    assert private.id not in by_id(doc, "text")
    assert private.text not in json.dumps(doc, ensure_ascii=False)
    edge_ids = [e["id"] for e in doc["edges"]]
    assert "l-secret" not in edge_ids and "l-secret-back" not in edge_ids
    assert len(edge_ids) == len(w.discover.links) - 2

    everything = board_canvas(w, include_private=True)
    check_canvas(everything)
    assert by_id(everything, "text")[private.id]["text"] == private.text
    assert [e["id"] for e in everything["edges"]] == [lk.id for lk in w.discover.links]
    assert len(by_id(everything, "text")) == len(w.discover.notes)


def test_geometry_is_whole_numbers_rounded_and_a_size_at_least_one():
    w = m.Workshop()
    w.discover.notes = [m.Note("n", "x", x=10.6, y=-3.4, w=180.49, h=0.2)]
    w.discover.clusters = [m.Cluster("c", "t", x=-0.6, y=99.5, w=0.4, h=1e6 + 0.7)]
    m.check(w)
    nodes = board_canvas(w)["nodes"]
    check_canvas({"nodes": nodes})
    assert [(n["x"], n["y"], n["width"], n["height"]) for n in nodes] == [
        (-1, 100, 1, 1000001), (11, -3, 180, 1)]
    assert all(type(n[k]) is int for n in nodes for k in ("x", "y", "width", "height"))


def test_the_demo_geometry_is_the_board_geometry():
    w = demo_workshop()
    texts = by_id(board_canvas(w, include_private=True), "text")
    for note in w.discover.notes:
        node = texts[note.id]
        assert (node["x"], node["y"], node["width"], node["height"]) == (
            round(note.x), round(note.y), round(note.w), round(note.h))


def test_a_note_takes_its_department_colour_and_its_own_colour_first():
    w = m.Workshop()
    w.departments = [m.Department("mkt", "Marketing", "#E69F00"), m.Department("ops", "Ops")]
    w.discover.notes = [
        m.Note("a", "dept colour", department="mkt"),
        m.Note("b", "own colour", department="mkt", color="#0072b2"),
        m.Note("c", "department without a colour", department="ops"),
        m.Note("d", "no department"),
        m.Note("e", "own colour only", color="#123456"),
    ]
    m.check(w)
    texts = by_id(board_canvas(w), "text")
    assert {k: v.get("color") for k, v in texts.items()} == {
        "a": "#E69F00", "b": "#0072b2", "c": None, "d": None, "e": "#123456"}
    assert "color" not in texts["c"] and "color" not in texts["d"]


def test_the_demo_notes_carry_their_department_colours():
    w = demo_workshop()
    colour = {d.id: d.color for d in w.departments}
    texts = by_id(board_canvas(w), "text")
    coloured = [n for n in w.discover.notes if not n.private and n.department]
    assert coloured
    for note in coloured:
        assert texts[note.id]["color"] == colour[note.department]


def test_a_cluster_id_that_a_note_has_is_prefixed_only_then():
    """A checked workshop never has such ids (they are unique across the workshop), but an
    unchecked one can, and the canvas must still have unique node ids."""
    w = m.Workshop()
    w.discover.notes = [m.Note("x", "note x"), m.Note("group-x", "note group-x"),
                        m.Note("y", "note y", x=300)]
    w.discover.clusters = [m.Cluster("x", "cluster x"), m.Cluster("z", "cluster z")]
    w.discover.links = [m.Link("l", "x", "y")]
    with pytest.raises(m.WorkshopInvalid):
        m.check(w)
    doc = board_canvas(w)
    check_canvas(doc)
    assert [n["id"] for n in doc["nodes"]] == ["group-group-x", "z", "x", "group-x", "y"]
    assert doc["edges"][0]["fromNode"] == "x"
    assert by_id(doc, "text")["x"]["text"] == "note x"


def test_group_ids_do_not_depend_on_privacy():
    w = m.Workshop()
    w.discover.notes = [m.Note("c", "secret", private=True)]
    w.discover.clusters = [m.Cluster("c", "Cluster")]
    assert [n["id"] for n in board_canvas(w)["nodes"]] == ["group-c"]
    assert [n["id"] for n in board_canvas(w, include_private=True)["nodes"]] == ["group-c", "c"]


def test_an_empty_board_is_an_empty_canvas(tmp_path):
    assert board_canvas(m.Workshop()) == {"nodes": [], "edges": []}
    out = tmp_path / "empty.canvas"
    assert write_canvas(m.Workshop(), out, overwrite=False) == (0, 0, 0)
    assert out.read_bytes() == b'{\n  "nodes": [],\n  "edges": []\n}\n'


def test_the_same_workshop_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.canvas", tmp_path / "b.canvas"
    write_canvas(awkward_demo(), first, overwrite=False)
    write_canvas(awkward_demo(), second, overwrite=False)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == dumps_canvas(board_canvas(awkward_demo()))


# -- the write -----------------------------------------------------------------------------------


def test_write_returns_notes_groups_and_edges(tmp_path):
    w = awkward_demo()
    counts = write_canvas(w, tmp_path / "b.canvas", overwrite=False)
    assert counts == (len(w.discover.notes) - 1, 4, len(w.discover.links) - 2)
    assert write_canvas(w, tmp_path / "c.canvas", overwrite=False, include_private=True) == (
        len(w.discover.notes), 4, len(w.discover.links))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.canvas", "c.canvas"]


def test_an_existing_file_is_kept_unless_overwrite(tmp_path):
    out = tmp_path / "b.canvas"
    out.write_bytes(b"precious")
    with pytest.raises(CanvasError) as caught:
        write_canvas(demo_workshop(), out, overwrite=False)
    assert str(caught.value) == f"{out} already exists; add --force to replace it."
    assert out.read_bytes() == b"precious"
    write_canvas(demo_workshop(), out, overwrite=True)
    assert json.loads(out.read_text("utf-8")) == board_canvas(demo_workshop())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.canvas"]


def test_a_folder_or_a_missing_folder_is_one_sentence_naming_it(tmp_path):
    with pytest.raises(CanvasError) as caught:
        write_canvas(demo_workshop(), tmp_path, overwrite=True)
    assert str(caught.value) == f"{tmp_path} is a folder; give a file name for the canvas."
    missing = tmp_path / "nowhere" / "b.canvas"
    with pytest.raises(CanvasError) as caught:
        write_canvas(demo_workshop(), missing, overwrite=False)
    assert str(caught.value).startswith(f"{missing} could not be written")
    assert list(tmp_path.iterdir()) == []


def test_text_that_is_not_unicode_writes_nothing(tmp_path):
    w = m.Workshop()
    w.discover.notes = [m.Note("n", "half a pair \ud83d")]
    out = tmp_path / "b.canvas"
    with pytest.raises(CanvasError) as caught:
        write_canvas(w, out, overwrite=False)
    assert str(caught.value).startswith(f"{out} could not be written")
    assert list(tmp_path.iterdir()) == []


def test_a_position_that_is_not_a_number_writes_nothing(tmp_path):
    w = m.Workshop()
    w.discover.notes = [m.Note("n", "x", x=float("nan"))]
    out = tmp_path / "b.canvas"
    with pytest.raises(CanvasError) as caught:
        write_canvas(w, out, overwrite=False)
    assert str(caught.value) == f'{out} could not be written: note "n" has x nan, not a finite number.'
    assert list(tmp_path.iterdir()) == []
