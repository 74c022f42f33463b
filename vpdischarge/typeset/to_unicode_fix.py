"""Text copied or read aloud from the PDF keeps characters beyond the Basic Multilingual Plane.

ReportLab's ToUnicode map (`ttfonts.makeToUnicodeCMap`) writes each character as `<%04X>`, so a
character above U+FFFF becomes five hex digits that no reader decodes as written: "𐑍" (U+1044D,
in a typed name) reads back as "၄" (U+1044), and a supplementary Han character of a Chinese or
Japanese name is lost the same way. The page looks right; a screen reader, a search or a copy of
the name does not. The PDF format wants UTF-16BE there (PDF 32000-1, 9.10.3), a surrogate pair
for those characters. This writes that, and the map is otherwise ReportLab's own.

`install()` replaces the function the font module calls; it is idempotent.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap
_BEGIN = " beginbfchar"


def utf16_hex(code_point: int) -> str:
    """`code_point` as the hex digits of its UTF-16BE form ("1044D" → "D801DC4D")."""
    if code_point <= 0xFFFF or code_point > 0x10FFFF:
        return f"{code_point:04X}"
    return chr(code_point).encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset) -> str:
    lines = _original(fontname, subset).split("\n")
    start = next(n for n, line in enumerate(lines) if line.endswith(_BEGIN)) + 1
    for n, code_point in enumerate(subset):
        lines[start + n] = f"<{n:02X}> <{utf16_hex(code_point)}>"
    return "\n".join(lines)


def install() -> None:
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
