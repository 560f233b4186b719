"""`cxworkshop export FILE --png OUT.png [--width N]`: the Discover board as a picture, headless."""

import os
import struct
import subprocess
import sys

import pytest

from cxworkshop import model as m
from cxworkshop.demo import demo_workshop
from cxworkshop.store import Session, create_file
from tests.cli.conftest import one_sentence, run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MARKETING = "#E69F00"  # the demo's Marketing colour: the notes' stripe
MARKETING_TINT = "#F9E7BF"  # ... and their body (style.tint: three parts white, one colour)


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def colours(path):
    """Every colour in the picture, as #RRGGBB, with how many pixels have it."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull()
    raw = bytes(image.constBits())
    counts = {}
    stride = image.bytesPerLine()
    for y in range(image.height()):
        row = raw[y * stride: y * stride + image.width() * 3]
        for x in range(0, len(row), 3):
            key = row[x:x + 3]
            counts[key] = counts.get(key, 0) + 1
    return {"#" + k.hex().upper(): n for k, n in counts.items()}


def board_extent(w: m.Workshop):
    left = min([n.x for n in w.discover.notes] + [c.x for c in w.discover.clusters])
    top = min([n.y for n in w.discover.notes] + [c.y for c in w.discover.clusters])
    right = max([n.x + n.w for n in w.discover.notes] + [c.x + c.w for c in w.discover.clusters])
    bottom = max([n.y + n.h for n in w.discover.notes] + [c.y + c.h for c in w.discover.clusters])
    return right - left, bottom - top


def test_the_demo_board_is_drawn_1920_wide_in_its_own_shape(demo_file, tmp_path, capsys, qapp):
    out = tmp_path / "board.png"
    assert run("export", demo_file, "--png", out) == 0
    said = capsys.readouterr()
    assert said.err == ""
    width, height = png_size(out)
    assert width == 1920
    assert f"{out}" in said.out and f"1920 x {height} pixels" in said.out
    board_w, board_h = board_extent(demo_workshop())
    margin = max(40.0, 0.02 * max(board_w, board_h)) + 6  # 6: the items' own edge
    assert height / width == pytest.approx((board_h + 2 * margin) / (board_w + 2 * margin),
                                           rel=0.02)
    seen = colours(out)
    assert len(seen) > 50  # text, tints, stripes, frames, antialiased edges
    assert seen.get(MARKETING, 0) > 500 and seen.get(MARKETING_TINT, 0) > 5000
    for department in demo_workshop().departments:
        assert seen.get(department.color.upper(), 0) > 500, department.name
    assert seen.get("#F7F7F4", 0) > width * height * 0.2  # the board's background
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.png"]  # nothing left beside


def test_width_sets_the_width_and_keeps_the_shape(demo_file, tmp_path, capsys):
    assert run("export", demo_file, "--png", tmp_path / "big.png") == 0
    for width in (200, 640):
        out = tmp_path / f"{width}.png"
        assert run("export", demo_file, "--png", out, "--width", width) == 0
        w, h = png_size(out)
        assert w == width
        big_w, big_h = png_size(tmp_path / "big.png")
        assert h == pytest.approx(big_h * width / big_w, abs=1.5)


@pytest.mark.parametrize("width", ["199", "16001", "0", "-5", "abc", "1e3", "640.5", ""])
def test_a_width_out_of_bounds_is_one_sentence_and_writes_nothing(demo_file, tmp_path, capsys,
                                                                    width):
    out = tmp_path / "board.png"
    assert run("export", demo_file, "--png", out, "--width", width) == 2
    err = one_sentence(capsys.readouterr().err)
    assert "--width" in err and "200" in err and "16000" in err
    assert list(tmp_path.iterdir()) == []


def test_the_cli_bounds_are_the_renderers():
    from cxworkshop import cli
    from cxworkshop.ui.canvas import image

    assert (cli.DEFAULT_WIDTH, cli.MIN_WIDTH, cli.MAX_WIDTH, cli.MAX_ASPECT) == (
        image.DEFAULT_WIDTH, image.MIN_WIDTH, image.MAX_WIDTH, image.MAX_ASPECT)


def test_an_existing_png_is_kept_unless_forced(demo_file, tmp_path, capsys):
    out = tmp_path / "board.png"
    out.write_bytes(b"precious")
    assert run("export", demo_file, "--png", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"precious"
    assert run("export", demo_file, "--png", out, "--force") == 0
    assert png_size(out)[0] == 1920
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.png"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_the_png_never_goes_over_the_session_file(demo_file, tmp_path, capsys, force):
    session = tmp_path / "a.cxw"
    session.write_bytes(demo_file.read_bytes())
    link = tmp_path / "link.png"
    link.symlink_to(session)
    for out in (session, link):
        assert run("export", session, "--png", out, *force) == 2
        err = one_sentence(capsys.readouterr().err)
        assert str(session) in err and "being exported" in err
    assert session.read_bytes() == demo_file.read_bytes() and link.is_symlink()


@pytest.mark.parametrize("problem", ["missing", "zeros", "truncated", "folder"])
def test_a_missing_or_damaged_file_is_one_sentence_and_leaves_no_png(demo_file, tmp_path, capsys,
                                                                     problem):
    src = tmp_path / "in.cxw"
    if problem == "zeros":
        src.write_bytes(b"\x00" * 4096)
    elif problem == "truncated":
        src.write_bytes(demo_file.read_bytes()[: demo_file.stat().st_size // 2])
    elif problem == "folder":
        src.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / "board.png"
    assert run("export", src, "--png", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(src) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no PNG, no temporary file


def test_a_png_in_a_missing_folder_is_one_sentence(demo_file, tmp_path, capsys):
    out = tmp_path / "nowhere" / "board.png"
    assert run("export", demo_file, "--png", out) == 2
    err = one_sentence(capsys.readouterr().err)
    assert str(out) in err and "folder does not exist" in err


def test_a_read_only_file_and_one_open_in_the_app_can_be_drawn(demo_file, tmp_path, capsys):
    src = tmp_path / "ro.cxw"
    src.write_bytes(demo_file.read_bytes())
    src.chmod(0o444)
    try:
        assert run("export", src, "--png", tmp_path / "ro.png", "--width", 400) == 0
    finally:
        src.chmod(0o644)
    assert png_size(tmp_path / "ro.png")[0] == 400
    with Session.open(src) as open_in_app:  # holds the lock and runs in WAL mode
        assert not open_in_app.read_only
        assert run("export", src, "--png", tmp_path / "open.png", "--width", 400) == 0
        assert not open_in_app.read_only and open_in_app.load().discover.notes
    assert (tmp_path / "open.png").read_bytes() == (tmp_path / "ro.png").read_bytes()


def test_an_empty_board_is_a_picture_saying_so(tmp_path, capsys, qapp):
    src = tmp_path / "empty.cxw"
    w = m.Workshop()
    w.departments = [m.Department("mkt", "Marketing", MARKETING)]
    create_file(src, w)
    out = tmp_path / "empty.png"
    assert run("export", src, "--png", out, "--width", 800) == 0
    assert png_size(out) == (800, 450)
    seen = colours(out)
    assert max(seen, key=seen.get) == "#F7F7F4"
    assert any(int(c[1:3], 16) < 0x80 for c in seen)  # dark text on it
    assert MARKETING not in seen  # not a bare strip of lane headings


def test_a_very_tall_board_is_fitted_into_four_times_the_width(tmp_path, capsys):
    src = tmp_path / "tall.cxw"
    w = m.Workshop()
    w.discover.notes = [m.Note("a", "Top", x=0, y=0), m.Note("b", "Bottom", x=0, y=20000)]
    create_file(src, w)
    out = tmp_path / "tall.png"
    assert run("export", src, "--png", out, "--width", 300) == 0
    assert png_size(out) == (300, 1200)
    assert "scaled down" in capsys.readouterr().out


def test_the_size_caps():
    from cxworkshop.ui.canvas.image import MAX_PIXELS, image_size

    assert image_size(1600, 900, 1920) == (1920, 1080, False)
    assert image_size(100, 10_000, 1920) == (1920, 4 * 1920, True)
    w, h, fitted = image_size(1000, 1000, 16000)
    assert (w, fitted) == (16000, True) and w * h <= MAX_PIXELS


def test_json_and_png_in_one_run(demo_file, tmp_path, capsys):
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--png", tmp_path / "w.png",
               "--width", 300) == 0
    assert (tmp_path / "w.json").read_text("utf-8").startswith("{")
    assert png_size(tmp_path / "w.png")[0] == 300
    same = tmp_path / "same"
    assert run("export", demo_file, "--json", same, "--png", same) == 2
    assert "both --json and --png" in one_sentence(capsys.readouterr().err)
    assert not same.exists()


def test_export_needs_an_output_and_width_needs_the_png(demo_file, tmp_path, capsys):
    assert run("export", demo_file) == 2
    assert "--json" in one_sentence(capsys.readouterr().err)
    assert run("export", demo_file, "--json", tmp_path / "w.json", "--width", 300) == 2
    assert "--png" in one_sentence(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_render_board_gives_an_image_of_the_width(demo_file):
    from cxworkshop.ui.canvas.image import render_board

    with Session.open(demo_file, read_only=True) as session:
        image = render_board(session, 500)
    assert image.width() == 500 and not image.isNull()


def test_it_needs_no_display(demo_file, tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "headless.png"
    result = subprocess.run(
        [sys.executable, "-m", "cxworkshop", "export", str(demo_file), "--png", str(out),
         "--width", "800"],
        capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert png_size(out)[0] == 800


def test_frames_hidden_by_a_lane_arrangement_take_no_room(demo_file, tmp_path, capsys):
    from cxworkshop.ops import discover as D

    src = tmp_path / "lanes.cxw"
    src.write_bytes(demo_file.read_bytes())
    with Session.open(src) as session:
        D.arrange(session, "departments")
        notes = session.load().discover.notes
        lanes = D.lanes(session)
    out = tmp_path / "lanes.png"
    assert run("export", src, "--png", out) == 0
    width, height = png_size(out)
    top = -80.0  # the lane headings' top (board.LANE_TOP - HEADING_H - 10)
    board_w = max(lanes[-1].x + lanes[-1].width, *(n.x + n.w for n in notes))
    board_h = max(n.y + n.h for n in notes) - top
    margin = max(40.0, 0.02 * max(board_w, board_h)) + 6
    assert height / width == pytest.approx((board_h + 2 * margin) / (board_w + 2 * margin),
                                           rel=0.03)
