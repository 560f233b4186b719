"""Draw the app icon's PNGs, the Windows .ico and the macOS .icns from the one SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The SVG, cxworkshop/resources/icons/cxworkshop.svg, is the only drawing; run this after
changing it and commit what it writes:

- cxworkshop/resources/icons/cxworkshop-<N>.png, N x N pixels: the window icon the app sets,
  and the Linux theme icons the bundle installs;
- packaging/icons/cxworkshop.ico (16 to 256 pixels) for the Windows executable;
- packaging/icons/cxworkshop.icns (16 to 1024 pixels) for the macOS app.

Qt's own SVG renderer draws every size (PySide6-Essentials has it), so nothing else is needed.
Both container files hold PNG images, which Windows Vista and later and macOS 10.7 and later
read; they are written here byte by byte, as neither format needs more than a table of contents.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "cxworkshop" / "resources" / "icons" / "cxworkshop.svg"
PNG_DIR = SVG.parent
PACKAGING_ICONS = ROOT / "packaging" / "icons"

#: The PNGs committed beside the SVG.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The images a Windows .ico holds (256 is the largest the format has).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: A macOS .icns: each entry's four-letter type and its size in pixels (the "@2x" types are
#: the retina image of the size half as large).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
              ("ic10", 1024))


def render(size: int) -> bytes:
    """The SVG drawn at `size` x `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not an SVG Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file holding the PNGs of ICO_SIZES."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    entries, images = b"", b""
    offset = len(header) + 16 * len(ICO_SIZES)
    for size in ICO_SIZES:
        data = pngs[size]
        side = 0 if size == 256 else size  # 0 stands for 256 in the one-byte fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file holding the PNGs of ICNS_TYPES."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render(size) for size in sizes}
    for size in PNG_SIZES:
        (PNG_DIR / f"cxworkshop-{size}.png").write_bytes(pngs[size])
    PACKAGING_ICONS.mkdir(exist_ok=True)
    (PACKAGING_ICONS / "cxworkshop.ico").write_bytes(ico(pngs))
    (PACKAGING_ICONS / "cxworkshop.icns").write_bytes(icns(pngs))
    print(f"Drew {len(PNG_SIZES)} PNGs in {PNG_DIR.relative_to(ROOT)}, and cxworkshop.ico and "
          f"cxworkshop.icns in {PACKAGING_ICONS.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
