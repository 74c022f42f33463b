"""Bundled fonts and the resolver that picks, for each run of text, a font that has its glyphs.

No single font covers every script, and any field can hold any script (a Chinese name on a
Spanish handout, a Latin drug name in Arabic text). So text is cut into runs by glyph coverage:
each character goes to the first family, in the handout language's order of preference and then
the fallback order, whose font has it. Adding a script means adding a family here, not code.

Fonts are TrueType outlines (ReportLab cannot embed CFF), registered with ReportLab only when a
document first needs them, and always embedded as subsets.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vpdischarge.assets import fonts_dir
from vpdischarge.typeset.fake_bold import FAKE_BOLD_FACES

STYLES = ("regular", "bold", "italic", "bold-italic")
FAKE_BOLD = "#fake-bold"  # after a file name: that font, drawn bold (see fake_bold.py)


@dataclass(frozen=True)
class FontFamily:
    key: str
    # style -> TrueType file in resources/fonts; a missing style falls back to a present one.
    files: dict[str, str] = field(hash=False)
    licence: str = field(hash=False)

    def file_for(self, style: str) -> str:
        fallbacks = {
            "bold-italic": ("bold-italic", "bold", "italic", "regular"),
            "bold": ("bold", "regular"),
            "italic": ("italic", "regular"),
            "regular": ("regular",),
        }[style]
        return next(self.files[s] for s in fallbacks if s in self.files)


FAMILIES: dict[str, FontFamily] = {
    family.key: family
    for family in (
        FontFamily(
            "noto-sans",  # Latin (with Vietnamese), Cyrillic, Greek
            {
                "regular": "NotoSans-Regular.ttf",
                "bold": "NotoSans-Bold.ttf",
                "italic": "NotoSans-Italic.ttf",
                "bold-italic": "NotoSans-BoldItalic.ttf",
            },
            "OFL-Noto.txt",
        ),
        FontFamily(
            "arabic",
            {"regular": "NotoSansArabic-Regular.ttf", "bold": "NotoSansArabic-Bold.ttf"},
            "OFL-Noto.txt",
        ),
        FontFamily(
            "devanagari",
            {"regular": "NotoSansDevanagari-Regular.ttf", "bold": "NotoSansDevanagari-Bold.ttf"},
            "OFL-Noto.txt",
        ),
        # Han and kana; no Latin letters or digits (those fall back to Noto Sans) and no bold
        # face: its bold is drawn outlined (fake_bold.py).
        FontFamily(
            "cjk",
            {"regular": "DroidSansFallbackFull.ttf", "bold": "DroidSansFallbackFull.ttf" + FAKE_BOLD},
            "Apache-2.0-DroidSansFallback.txt",
        ),
        FontFamily(
            "hangul", {"regular": "NanumGothic.ttf", "bold": "NanumGothicBold.ttf"}, "OFL-NanumGothic.txt"
        ),
    )
}
# Tried after a language's own preferences, in this order. The CJK font comes before the
# Korean one so that a Chinese name is set in one font (Nanum Gothic has only some Han).
FALLBACK_ORDER: tuple[str, ...] = ("noto-sans", "arabic", "devanagari", "cjk", "hangul")

_register_lock = threading.Lock()


@cache
def face_name(file_name: str) -> str:
    """Register a bundled TrueType file with ReportLab (once) and return its font name. A file
    name ending in FAKE_BOLD is the regular file, registered again to be drawn bold."""
    fake_bold = file_name.endswith(FAKE_BOLD)
    file_name = file_name.removesuffix(FAKE_BOLD)
    name = file_name.rsplit(".", 1)[0] + ("-FakeBold" if fake_bold else "")
    with _register_lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name)))
        if fake_bold:
            FAKE_BOLD_FACES.add(name)
    return name


@cache
def _coverage(family_key: str) -> frozenset[int]:
    family = FAMILIES[family_key]
    font = pdfmetrics.getFont(face_name(family.file_for("regular")))
    assert isinstance(font, TTFont)  # every bundled face is registered as one (register_fonts)
    return frozenset(font.face.charToGlyph)


def family_covers(family_key: str, ch: str) -> bool:
    return ord(ch) in _coverage(family_key)


def _style(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic"}.get(
        (bold, italic), "bold-italic"
    )


def _joins_previous(ch: str) -> bool:
    """Spaces, combining marks and joiners stay in the run before them when that font has them,
    so a word keeps one font and marks stay on their base letter."""
    return ch.isspace() or unicodedata.category(ch) in ("Mn", "Me", "Cf")


class FontResolver:
    """Picks fonts by glyph coverage, for one handout language's order of preference."""

    def __init__(self, preferred: Iterable[str] = ()):
        order = [*preferred, *FALLBACK_ORDER]
        self.order: tuple[str, ...] = tuple(dict.fromkeys(k for k in order if k in FAMILIES))

    def family_for(self, ch: str) -> str | None:
        # The first family is checked first, so a Latin handout never loads a CJK font.
        return next((key for key in self.order if family_covers(key, ch)), None)

    def face(self, family_key: str, bold: bool = False, italic: bool = False) -> str:
        return face_name(FAMILIES[family_key].file_for(_style(bold, italic)))

    @property
    def base_face(self) -> str:
        return self.face(self.order[0])

    def unprintable(self, text: str) -> list[str]:
        """Characters no bundled font can draw (they would print as empty boxes)."""
        missing = []
        for ch in dict.fromkeys(text):
            if ch in "\n\r\t" or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if self.family_for(ch) is None:
                missing.append(ch)
        return missing

    def runs(self, text: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
        """Cut `text` into (font name, text) runs, each set in a font that has its glyphs."""
        first = self.order[0]
        if _coverage(first).issuperset(map(ord, text)):  # the common case: one font has it all
            return [(self.face(first, bold, italic), text)] if text else []
        result: list[tuple[str, list[str]]] = []
        current: str | None = None
        for ch in text:
            if current is not None and _joins_previous(ch) and family_covers(current, ch):
                key = current
            else:
                key = self.family_for(ch) or current or self.order[0]
            if result and key == current:
                result[-1][1].append(ch)
            else:
                result.append((key, [ch]))
                current = key
        return [(self.face(key, bold, italic), "".join(chars)) for key, chars in result]
