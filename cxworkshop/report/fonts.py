"""The fonts every PDF of the app is set in, registered with reportlab once per process.

reportlab's built-in Helvetica only covers Latin-1, so a name like "Zofia Kowalczyk" would
print, but "Łódź", "→" or "⚠" would not. The app therefore ships DejaVu Sans (regular and
bold, in `cxworkshop/resources/fonts`, with its licence beside it) and embeds the glyphs a PDF
uses. Call `register()` before building a document, then use `SANS` and `SANS_BOLD` as font
names (in paragraph markup, `<b>` switches to the bold face). No Qt here.
"""

from __future__ import annotations

import io
import threading
from importlib.resources import files

SANS = "CXSans"
SANS_BOLD = "CXSans-Bold"

#: Font name -> the file in `cxworkshop/resources/fonts` it is read from.
FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()


def register() -> None:
    """Make `SANS` and `SANS_BOLD` known to reportlab (and the two as one family, so `<b>`
    works). Safe to call any number of times, from any thread; only the first call reads the
    font files."""
    from reportlab.pdfbase import pdfmetrics

    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        if all(name in known for name in FILES):
            return
        from reportlab.pdfbase.ttfonts import TTFont

        folder = files("cxworkshop") / "resources" / "fonts"
        for name, file in FILES.items():
            if name not in known:
                # Read as bytes, not by path: the package may live inside a zip file.
                pdfmetrics.registerFont(TTFont(name, io.BytesIO((folder / file).read_bytes())))
        # No italic face is shipped: italic text is set upright rather than failing.
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                      boldItalic=SANS_BOLD)
