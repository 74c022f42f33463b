"""Characters in typed text that must not reach the printed page.

Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) are invisible, yet
they reorder the letters around them: "U+202E" can make a printed name read differently from
what was typed. They are removed before printing and validation says so. Letter-joining
controls (ZWJ, ZWNJ) and the direction marks (LRM, RLM, ALM) stay: Persian and Indic text need
them, and they cannot reverse anything.
"""

from __future__ import annotations

# The content layer joins a label to its value with it ("Record TEST-0001"); the typesetter
# never breaks a line there.
NO_BREAK_SPACE = "\u00a0"
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def has_bidi_controls(text: str) -> bool:
    return any(ch in BIDI_CONTROLS for ch in text)


def without_bidi_controls(text: str) -> str:
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)
