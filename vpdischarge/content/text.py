"""Cleaning user text before it enters the markup.

Autoescaping already stops anything typed from becoming markup or template code. What is left
are characters that are not text at all: control characters (which XML cannot carry and a
printer would not show) and bidi override controls (which could make a printed name read
differently from what was typed; validation tells the nurse). Line breaks and tabs are kept;
they mean something in the notes.
"""

from __future__ import annotations

import unicodedata

from vpdischarge.domain.text_rules import without_bidi_controls

# U+FFFE and U+FFFF are noncharacters that XML 1.0 cannot carry (nor can surrogates, Cs).
_NOT_XML = frozenset("\ufffe\uffff")


def printable(text: str) -> str:
    return "".join(
        ch
        for ch in without_bidi_controls(text)
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in _NOT_XML)
    )


def lines(text: str) -> list[str]:
    """The lines of a multi-line field, exactly as typed, with trailing blank lines dropped."""
    result = printable(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while result and not result[-1].strip():
        result.pop()
    return result
