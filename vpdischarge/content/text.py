"""Cleaning user text before it enters the markup, and isolating it there.

Autoescaping already stops anything typed from becoming markup or template code. What is left
are characters that are not text at all: control characters (which XML cannot carry and a
printer would not show) and invisible format characters that could reorder or hide what is
printed (domain/text_rules.py; validation tells the nurse). Line breaks and tabs are kept;
they mean something in the notes. Unicode's line and paragraph separators become line breaks.

Every typed value (a name, a record number, a phone, a dose, a hospital's name) is then printed
as one isolated unit in the sense of the Unicode bidi algorithm (FSI ... PDI): its own letters
decide its direction, and nothing around it can pull it apart, nor it its sentence. "123-456"
in an Arabic sentence stays "123-456"; "Ana (Jr.)" keeps its bracket at its end.
"""

from __future__ import annotations

import unicodedata

from vpdischarge.domain.text_rules import without_invisible_controls

# U+FFFE and U+FFFF are noncharacters that XML 1.0 cannot carry (nor can surrogates, Cs).
_NOT_XML = frozenset("\ufffe\uffff")
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
# First strong isolate and its end: the direction of the value is that of its first letter.
FSI, PDI = "\u2068", "\u2069"


def printable(text: str) -> str:
    return "".join(
        ch
        for ch in without_invisible_controls(text).translate(_SEPARATORS)
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in _NOT_XML)
    )


def isolated(text: str) -> str:
    """`text` as one bidi unit; empty stays empty (a template asks `{% if value %}`)."""
    return f"{FSI}{text}{PDI}" if text else ""


def typed(text: str) -> str:
    """A one-line typed value as it enters the markup: cleaned, trimmed, isolated."""
    return isolated(printable(text).strip())


def lines(text: str) -> list[str]:
    """The lines of a multi-line field, exactly as typed, with trailing blank lines dropped."""
    result = printable(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while result and not result[-1].strip():
        result.pop()
    return result


def isolated_lines(text: str) -> list[str]:
    """The lines of a multi-line field, each written line isolated; blank lines stay blank."""
    return [isolated(line) if line.strip() else line for line in lines(text)]
