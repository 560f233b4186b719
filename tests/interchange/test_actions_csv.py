"""The actions as CSV: the cells, the spreadsheet-safe encoding and the atomic write."""

from __future__ import annotations

import csv
import io

import pytest

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.interchange.actions_csv import (
    HEADER,
    ActionsCsvError,
    actions_rows,
    dumps_actions_csv,
    safe_cell,
    write_actions_csv,
)

BOM = b"\xef\xbb\xbf"
AWKWARD = [
    'Call Ana, Bo and "the team"',
    "Line one\nline two\r\nline three",
    "Réunion à Genève, café compris",
    "Позвонить клиенту",
    "Ship it 🚀👩🏽‍💻",
    "=SUM(A1)",
    "+1",
    "-2",
    "@x",
    "\tindented",
    "\rreturn",
    "a = b + c - d @ e",  # only the first character matters
    "'already quoted",
    "",
]


def workshop() -> m.Workshop:
    w = m.Workshop()
    w.departments = [m.Department("mkt", "Marketing"), m.Department("svc", "=Service, \"Care\"")]
    w.participants = [
        m.Participant("p1", "Dana Lee", department="mkt"),
        m.Participant("p2", "Zoë Ångström", department="svc"),
        m.Participant("p3", "No Department"),
        m.Participant("p4", "-Dash", department="gone"),  # a department that is not there
    ]
    w.priorities.improvements = [m.Improvement("i1", "Faster slots"),
                                 m.Improvement("i2", "+Plus, \"quoted\"")]
    w.actions = [
        m.Action("a1", "Book the council", owner="p1", due="2026-11-25", status="done",
                 improvement="i1"),
        m.Action("a2", "Nobody owns this"),
        m.Action("a3", "Owner is unknown", owner="p-nobody", improvement="i-nowhere"),
        m.Action("a4", "Owner has no department", owner="p3", due="2027-01-02",
                 status="dropped"),
        m.Action("a5", "Quoted department and improvement", owner="p2", improvement="i2"),
        m.Action("a6", "Department id unknown", owner="p4"),
    ]
    w.actions += [m.Action(f"x{i}", text, owner="p2") for i, text in enumerate(AWKWARD)]
    return w


def unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(
        ("=", "+", "-", "@", "\t", "\r")) else cell


def read_back(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM):].decode("utf-8"), newline="")))


def test_the_header_comes_first_in_the_documented_order():
    rows = actions_rows(m.Workshop())
    assert rows == [["Action", "Owner", "Owner's department", "Due", "Status", "Improvement"]]
    assert rows[0] == HEADER and rows[0] is not HEADER


def test_one_row_per_action_with_names_not_ids():
    rows = actions_rows(workshop())
    assert rows[1:7] == [
        ["Book the council", "Dana Lee", "Marketing", "2026-11-25", "done", "Faster slots"],
        ["Nobody owns this", "", "", "", "open", ""],
        ["Owner is unknown", "", "", "", "open", ""],
        ["Owner has no department", "No Department", "", "2027-01-02", "dropped", ""],
        ["Quoted department and improvement", "Zoë Ångström", "'=Service, \"Care\"", "", "open",
         "'+Plus, \"quoted\""],
        ["Department id unknown", "'-Dash", "", "", "open", ""],
    ]
    assert [r[0] for r in rows[7:]] == [safe_cell(t) for t in AWKWARD]
    assert len(rows) == 1 + len(workshop().actions)
    assert all(len(r) == 6 for r in rows)


@pytest.mark.parametrize("text, cell", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=1", "a=1"), (" =1", " =1"), ("'=1", "'=1"),
    ("", ""), ("2026-11-25", "2026-11-25"),
])
def test_formula_starts_get_an_apostrophe(text, cell):
    assert safe_cell(text) == cell


def test_the_demo_rows_are_its_actions_in_order():
    w = demo_workshop()
    rows = actions_rows(w)
    assert len(rows) == 1 + len(w.actions)
    assert [r[0] for r in rows[1:]] == [a.text for a in w.actions]
    assert [r[4] for r in rows[1:]] == [a.status for a in w.actions]
    first = rows[1]
    assert first[3] == "2026-12-04" and first[1] and first[2] and first[5]


def test_the_file_reads_back_to_the_same_cells(tmp_path):
    w = workshop()
    out = tmp_path / "actions.csv"
    write_actions_csv(w, out)
    data = out.read_bytes()
    assert data == dumps_actions_csv(w)
    assert data.startswith(BOM) and not data[len(BOM):].startswith(BOM)
    back = read_back(data)
    assert back == actions_rows(w)
    texts = [unprotect(r[0]) for r in back[1:]]
    assert texts == [a.text for a in w.actions]
    assert unprotect(back[5][2]) == "=Service, \"Care\"" and unprotect(back[5][5]) == (
        "+Plus, \"quoted\"")


def test_lines_end_in_crlf_and_line_breaks_stay_in_quoted_cells(tmp_path):
    out = tmp_path / "actions.csv"
    write_actions_csv(workshop(), out)
    text = out.read_bytes()[len(BOM):].decode("utf-8")
    assert text.startswith("Action,Owner,Owner's department,Due,Status,Improvement\r\n")
    assert text.endswith("\r\n")
    assert '"Line one\nline two\r\nline three"' in text
    assert '"Call Ana, Bo and ""the team"""' in text
    assert "\r\n'=SUM(A1),Zoë Ångström,\"'=Service, \"\"Care\"\"\",,open,\r\n" in text
    assert "Позвонить клиенту" in text and "🚀" in text
    # outside quoted cells every line break is CRLF: one record per physical line otherwise
    outside, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    plain = "".join(outside)
    assert plain.count("\n") == plain.count("\r\n") == 1 + len(workshop().actions)


def test_an_existing_file_is_kept_unless_overwrite(tmp_path):
    out = tmp_path / "actions.csv"
    out.write_bytes(b"precious")
    with pytest.raises(ActionsCsvError) as info:
        write_actions_csv(workshop(), out)
    assert str(info.value) == f"{out} already exists; add --force to replace it."
    assert out.read_bytes() == b"precious"
    out.chmod(0o640)
    write_actions_csv(workshop(), out, overwrite=True)
    assert read_back(out.read_bytes()) == actions_rows(workshop())
    assert out.stat().st_mode & 0o777 == 0o640  # the replaced file's permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actions.csv"]  # no temporary file


def test_a_folder_or_a_missing_folder_is_one_sentence_naming_it(tmp_path):
    with pytest.raises(ActionsCsvError) as info:
        write_actions_csv(workshop(), tmp_path, overwrite=True)
    assert str(tmp_path) in str(info.value) and "folder" in str(info.value)
    out = tmp_path / "nowhere" / "actions.csv"
    with pytest.raises(ActionsCsvError) as info:
        write_actions_csv(workshop(), out)
    assert str(info.value).startswith(f"{out} could not be written: ")
    assert list(tmp_path.iterdir()) == []


def test_an_empty_workshop_is_just_the_header(tmp_path):
    out = tmp_path / "none.csv"
    write_actions_csv(m.Workshop(), out)
    assert out.read_bytes() == BOM + b"Action,Owner,Owner's department,Due,Status,Improvement\r\n"
