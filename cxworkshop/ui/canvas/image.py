"""The Discover board as a picture, made without a window: `cxworkshop export FILE --png OUT`.

The board is the same `BoardScene` the app shows, loaded from the file and drawn item by item
(never the overview picture used when zoomed far out), antialiased, on the board's background.

The image is exactly `width` pixels wide; its height follows the board's shape. A very tall
board, or one so large that the image would pass `MAX_PIXELS`, is not cut: the image is then
capped (at `MAX_ASPECT` times its width, and at `MAX_PIXELS` in all) and the whole board is
scaled down to fit, centred on the background. An empty board (no notes, no clusters) gives a
plain picture saying so.

Qt needs an application object to draw text; one is made if there is none, on the offscreen
platform unless a platform that works here was chosen, so an export never needs a display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QImageWriter, QPainter

from ...files import write_whole
from . import style as S

if TYPE_CHECKING:
    from ...store import Session

DEFAULT_WIDTH = 1920
MIN_WIDTH = 200
MAX_WIDTH = 16000
MAX_ASPECT = 4  # the image is at most this many times as tall as it is wide
MAX_PIXELS = 100_000_000  # 400 MB while drawing; the board is scaled down to stay within it
EMPTY_ASPECT = 9 / 16  # the shape of the picture of an empty board
MARGIN = 40.0  # board units around the items, at least
MARGIN_SHARE = 0.02  # ... or this share of the board's longest side
EMPTY_TEXT = "This Discover board has no notes yet."

_APP: list = []


class BoardImageError(Exception):
    """The picture cannot be made or written; the message is one sentence naming the file."""


class Rendered(NamedTuple):
    width: int
    height: int
    fitted: bool  # the board was scaled down to fit the height or pixel cap


def image_size(board_w: float, board_h: float, width: int) -> tuple[int, int, bool]:
    """The picture's size for a board of `board_w` × `board_h` (margin included) drawn
    `width` pixels wide, and whether a cap made it shorter than the board's shape asks."""
    want = max(1, round(width * board_h / max(board_w, 1e-9)))
    cap = max(1, min(MAX_ASPECT * width, MAX_PIXELS // width))
    return width, min(want, cap), want > cap


def ensure_app():
    """The running QApplication, or a new one that needs no display."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        if not isinstance(app, QApplication):
            raise BoardImageError("the board cannot be drawn: Qt was started without widgets.")
        return app
    from ..app import display_problem

    if not os.environ.get("QT_QPA_PLATFORM") or display_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # nothing is shown: no display needed
    app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "cxworkshop"])
    _APP.append(app)  # kept alive for the rest of the process, like the GUI's own
    return app


def _painter(image: QImage) -> QPainter:
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    return painter


def _new_image(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    if image.isNull():
        raise BoardImageError(f"there is not enough memory for a {width} x {height} pixel image; "
                              "try a smaller --width.")
    image.fill(S.BOARD_BG)
    return image


def _empty_image(width: int) -> QImage:
    image = _new_image(width, max(1, round(width * EMPTY_ASPECT)))
    painter = _painter(image)
    try:
        px = width / 24
        while px > 4 and QFontMetricsF(S.font(px)).horizontalAdvance(EMPTY_TEXT) > width * 0.9:
            px -= 1
        painter.setPen(S.MUTED)
        painter.setFont(S.font(px))
        painter.drawText(QRectF(0, 0, image.width(), image.height()),
                         Qt.AlignmentFlag.AlignCenter, EMPTY_TEXT)
    finally:
        painter.end()
    return image


def _render(session: Session, width: int) -> tuple[QImage, bool]:
    from .scene import BoardScene

    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValueError(f"width must be from {MIN_WIDTH} to {MAX_WIDTH} pixels, not {width}")
    ensure_app()
    scene = BoardScene()
    try:
        scene.load(session)
        rect = _drawn_rect(scene)
        if not scene.notes and not (scene.arrangement == "free" and scene.clusters):
            return _empty_image(width), False
        margin = max(MARGIN, MARGIN_SHARE * max(rect.width(), rect.height()))
        rect.adjust(-margin, -margin, margin, margin)
        w, h, fitted = image_size(rect.width(), rect.height(), width)
        image = _new_image(w, h)
        painter = _painter(image)
        try:
            scene.render(painter, QRectF(0, 0, w, h), rect, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            painter.end()
        return image, fitted
    finally:
        scene.clear()


def _drawn_rect(scene) -> QRectF:
    """What `BoardScene.items_rect()` covers, less frames hidden in a lane arrangement (they
    keep their free-layout places), plus the links (a label can stand out past its notes)."""
    rect = QRectF()
    for item in (*scene.notes.values(), *scene.clusters.values(), *scene.headings,
                 *scene.links.values()):
        if item.isVisible():
            rect = rect.united(item.sceneBoundingRect())
    return rect


def render_board(session: Session, width: int = DEFAULT_WIDTH) -> QImage:
    """The session's Discover board as an image `width` pixels wide (see the module's notes)."""
    return _render(session, width)[0]


def save_board_png(session: Session, out_path: str | os.PathLike[str], width: int = DEFAULT_WIDTH,
                   *, overwrite: bool = False) -> Rendered:
    """Draw the board and write it to `out_path` as a PNG, whole or not at all: it is written
    beside, flushed, then moved into place. An existing file is kept unless `overwrite`."""
    out = Path(out_path)
    name = os.fspath(out_path)
    image, fitted = _render(session, width)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise BoardImageError(f"{name} could not be written: {writer.errorString()}.")
    buffer.close()
    write_whole(out, bytes(data.data()), overwrite=overwrite, problem=BoardImageError)
    return Rendered(image.width(), image.height(), fitted)
