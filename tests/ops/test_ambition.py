"""Ambition verbs: every part lands in the file, bad values are refused in one sentence and
write nothing, companions are added, edited, moved between columns and deleted, and undoing
any run of verbs in reverse gives back exactly the file from before."""

from __future__ import annotations

import random

from cxworkshop.ops import OpError
from cxworkshop.ops import ambition as M

from .boards import dump, refused, rows, undo_and_redo_are_exact


def companions(s) -> list[tuple[str, str, str]]:
    return [(r["name"], r["side"], r["role"])
            for r in rows(s.conn, "SELECT name, side, role FROM companion ORDER BY pos")]


def test_the_ambition_is_written_part_by_part(s):
    M.edit_ambition(s, vision="Customers never have to chase us", horizon="2028-12-31",
                    approach="bottom-up", programme_name="One Promise")
    (row,) = rows(s.conn, "SELECT vision, horizon, approach, programme_name FROM ambition")
    assert row == {"vision": "Customers never have to chase us", "horizon": "2028-12-31",
                   "approach": "bottom-up", "programme_name": "One Promise"}
    M.edit_ambition(s, horizon="", approach=None)
    assert rows(s.conn, "SELECT horizon, approach FROM ambition") == [
        {"horizon": None, "approach": None}]


def test_bad_parts_are_refused(s):
    assert "2028-12-31" in refused(s, M.edit_ambition, horizon="next year")
    assert "top-down or bottom-up" in refused(s, M.edit_ambition, approach="sideways")
    refused(s, M.edit_ambition, mission="x")
    refused(s, M.add_companion, "   ")
    refused(s, M.add_companion, "Union", side="outside")
    refused(s, M.add_companion, "Union", role="friend")
    refused(s, M.add_companion, "Union", department="nowhere")


def test_companions_are_added_moved_between_columns_and_deleted(s):
    start = companions(s)
    a = M.add_companion(s, "Regulator", "external", "sceptic").created[0]
    b = M.add_companion(s, "Works council", "internal", "ally", note="Meets monthly").created[0]
    assert companions(s)[-2:] == [("Regulator", "external", "sceptic"),
                                  ("Works council", "internal", "ally")]
    M.move_companion(s, a, "internal", before=b)
    assert companions(s)[-2:] == [("Regulator", "internal", "sceptic"),
                                  ("Works council", "internal", "ally")]
    M.edit_companion(s, b, role="blocker", name="  Works council  ")
    assert companions(s)[-1] == ("Works council", "internal", "blocker")
    M.delete_companion(s, a)
    M.delete_companion(s, b)
    assert companions(s) == start


def test_undoing_any_run_of_verbs_in_reverse_gives_back_the_file(s):
    rng = random.Random(5)
    first = dump(s.conn)
    done = []
    for step in range(60):
        ids = [r["id"] for r in rows(s.conn, "SELECT id FROM companion")]
        pick = rng.randrange(5)
        try:
            if pick == 0 or not ids:
                done.append(M.add_companion(s, f"Group {step}", rng.choice(["internal",
                                                                             "external"]),
                                            rng.choice(["ally", "sceptic", "neutral"])))
            elif pick == 1:
                done.append(M.move_companion(s, rng.choice(ids), rng.choice(["internal",
                                                                              "external"]),
                                             before=rng.choice([None, *ids])))
            elif pick == 2:
                done.append(M.edit_companion(s, rng.choice(ids), note=f"note {step}"))
            elif pick == 3:
                done.append(M.delete_companion(s, rng.choice(ids)))
            else:
                done.append(M.edit_ambition(s, vision=f"Vision {step}"))
        except OpError:
            pass
    undo_and_redo_are_exact(s, done, first)
