"""The fonts every PDF of the app is set in, registered with reportlab once per process.

reportlab's built-in Helvetica only covers Latin-1, so a name like "Zofia Kowalczyk" would
print, but "Łódź", "→" or "⚠" would not. The app therefore ships DejaVu Sans (regular and
bold, in `cxworkshop/resources/fonts`, with its licence beside it) and embeds the glyphs a PDF
uses. Call `register()` before building a document, then use `SANS` and `SANS_BOLD` as font
names (in paragraph markup, `<b>` switches to the bold face). No Qt here.
"""

from __future__ import annotations

import io
import os
import re
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
        if all(name in known for name in FILES) and SANS in _covered:
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
        _covered[SANS] = pdfmetrics.getFont(SANS).face.charToGlyph
        from reportlab.pdfbase import ttfonts

        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The map from a subset font's codes back to Unicode, which lets a reader search and copy
    the text. reportlab writes a character beyond U+FFFF (most emoji) as five hex digits, which
    no reader can parse ("😀" came back as "ὠ"); PDF wants it as UTF-16, a surrogate pair."""
    pairs = [f"<{code:02X}> <{chr(value).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
             for code, value in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *pairs, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


# ---------------------------------------------------------------------------------------------
# Characters DejaVu Sans does not have: Chinese, Japanese and Korean above all.
#
# Text is cut into runs, each set in the first font that has its characters: DejaVu Sans; else a
# TrueType font of this machine with CJK glyphs (embedded like DejaVu, so the PDF shows them
# anywhere); else one of reportlab's built-in CID fonts, chosen by script (these are not
# embedded: a reader shows them with its own Asian fonts, as Acrobat and most viewers do). What
# no font has (some emoji) stays in DejaVu Sans: the PDF still holds the character, so it can
# be searched and copied, though it prints as an empty box.

#: TrueType fonts with CJK glyphs looked for on this machine, first found first used. reportlab
#: reads TrueType outlines only (not the CFF outlines of most .otf/.ttc Noto CJK files).
SYSTEM_FALLBACKS: list[str] = [
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/malgun.ttf",
]

SONG, MINCHO, MYEONGJO = "STSong-Light", "HeiseiMin-W3", "HYSMyeongJo-Medium"

_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_HAN = ((0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3190, 0x31EF), (0x3200, 0x4DBF),
        (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))

_covered: dict[str, object] = {}  # font name -> its character map (a dict keyed by code point)
_system: list[str] = []  # the names of the system fallbacks registered, in order
_system_looked = False


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


def _cid(code: int) -> str | None:
    """The built-in CID font for a CJK character, or None for any other character (and for
    one beyond U+FFFF, which their two-byte encoding cannot carry)."""
    if code > 0xFFFF:
        return None
    if _within(code, _HANGUL):
        return MYEONGJO
    if _within(code, _KANA):
        return MINCHO
    if _within(code, _HAN):
        return SONG
    return None


def _family(name: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    # No bold face: bold text in these scripts is set in the regular face.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def _look_for_system_fonts() -> None:
    global _system_looked
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _system_looked = True
    for n, path in enumerate(SYSTEM_FALLBACKS):
        if not os.path.isfile(path):
            continue
        name = f"CXFallback{n}"
        try:
            font = TTFont(name, path, subfontIndex=0) if path.endswith(".ttc") else TTFont(name, path)
        except Exception:  # a font reportlab cannot read (CFF outlines, damaged): the next one
            continue
        pdfmetrics.registerFont(font)
        _family(name)
        _covered[name] = font.face.charToGlyph
        _system.append(name)


def _cid_font(name: str) -> str:
    if name not in _covered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(name))
        _family(name)
        _covered[name] = {}
    return name


def font_for(code: int) -> str:
    """The font a character is set in (see the comment above); `SANS` when nothing better."""
    if code in _covered[SANS] or code < 0x20:
        return SANS
    with _lock:
        if not _system_looked:
            _look_for_system_fonts()
        for name in _system:
            if code in _covered[name]:
                return name
        cid = _cid(code)
        return _cid_font(cid) if cid else SANS


#: Scripts written right to left: Hebrew, Arabic and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def visual(text: str) -> str:
    """A line with right-to-left text as it must be drawn: Arabic letters joined (their
    presentation forms) and right-to-left runs in the order the eye reads them. reportlab
    draws characters left to right as stored, which would print Arabic backwards and unjoined.
    Lines are done one by one; a right-to-left paragraph that wraps onto several lines keeps
    the order of its words within each line but not across lines."""
    if not _RTL.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) if _RTL.search(line) else line
                     for line in text.split("\n"))


def runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into (font name, piece) runs, in order, in drawing order (see `visual`); one
    run for text DejaVu covers."""
    register()
    text = visual(text)
    covered = _covered[SANS]
    if all(ord(ch) in covered for ch in text):  # the usual case, quickly
        return [(SANS, text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        name = font_for(ord(ch)) if not ch.isspace() else SANS
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + ch)
        else:
            out.append((name, ch))
    return out


def fonts_used(text: str) -> set[str]:
    return {name for name, _ in runs(text)}
