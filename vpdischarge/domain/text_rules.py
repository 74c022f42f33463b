"""Characters in typed text that must not reach the printed page.

Some characters are invisible yet change what a reader sees: they reorder the letters around
them or hide text. A nurse cannot see them in the form, so they are removed before printing and
validation names the field (the warning). Unicode's format characters (category Cf) decide it
one by one:

Removed, because they reorder text (the bidi algorithm obeys them; "U+202E" reverses a name,
an invisible U+061C turned the record number "123-456" into "123456-"):
  U+061C ARABIC LETTER MARK, U+200E/U+200F LRM/RLM, U+202A-U+202E embeddings and overrides,
  U+2066-U+2069 isolates.
Removed, because they are invisible and hide or split text ("123<ZWSP>456" looks like "123456"
but is another record number; a musical or shorthand control has no glyph in our fonts):
  U+00AD soft hyphen, U+180E Mongolian vowel separator, U+200B zero width space, U+2060-U+2064
  word joiner and invisible operators, U+206A-U+206F deprecated format controls, U+FEFF
  zero width no-break space (a byte order mark), U+FFF9-U+FFFB interlinear annotation,
  U+13430-U+1343F Egyptian hieroglyph format controls, U+1BCA0-U+1BCA3 shorthand format,
  U+1D173-U+1D17A musical beams and slurs, U+E0000-U+E007F tags.
Kept, because they are visible signs that cannot reorder anything (and the font check refuses
them when no bundled font draws them): U+0600-U+0605, U+06DD, U+0890-U+0891, U+08E2 Arabic
number signs, U+070F Syriac abbreviation mark, U+110BD/U+110CD Kaithi number signs.
Kept where a script needs them: U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER choose
letter forms in Persian ("می‌خواهم"), Arabic, Devanagari and the other Indic scripts, so they stay
between two letters (or marks) of such a script, and are removed anywhere else (inside a Latin
record number they only hide a difference).

Any format character a later Unicode version adds is removed too (unless listed as kept): an
unknown invisible character is safer off the page.
"""

from __future__ import annotations

import unicodedata

# The content layer joins a label to its value with it ("Record TEST-0001"); the typesetter
# never breaks a line there.
NO_BREAK_SPACE = "\u00a0"

# Characters whose only effect is on the bidi algorithm: they are never printed, and the
# typesetter drops them after the levels are resolved.
DIRECTION_CONTROLS = frozenset(
    "\u061c\u200e\u200f" + "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
)
# Kept for compatibility: the embedding, override and isolate controls.
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

ZWNJ, ZWJ = "\u200c", "\u200d"
JOINERS = frozenset((ZWNJ, ZWJ))

# Format characters that are visible signs (see the module docstring).
_VISIBLE_FORMAT = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)

# Blocks of the scripts that use ZWJ/ZWNJ to choose letter forms: Arabic (with its supplements
# and presentation forms), Syriac, the Indic scripts from Devanagari to Sinhala, Myanmar, Khmer
# and Mongolian.
_JOINING_SCRIPT_RANGES = (
    (0x0600, 0x074F),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0x0900, 0x0DFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x1800, 0x18AF),
    (0xA8E0, 0xA8FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFE),
)


def _in_joining_script(ch: str) -> bool:
    if not ch or unicodedata.category(ch)[0] not in "LM":
        return False
    code = ord(ch)
    return any(low <= code <= high for low, high in _JOINING_SCRIPT_RANGES)


def _is_invisible_control(ch: str) -> bool:
    """A format character that is removed wherever it is (joiners are decided by context)."""
    return unicodedata.category(ch) == "Cf" and ch not in _VISIBLE_FORMAT and ch not in JOINERS


def _next_non_joiner(text: str, start: int) -> str:
    for index in range(start, len(text)):
        if text[index] not in JOINERS:
            return text[index]
    return ""


def without_invisible_controls(text: str) -> str:
    """`text` without the characters that could reorder or hide what is printed (see above);
    a joiner stays only between two letters of a script that uses it."""
    if text.isascii():  # the common case, and nothing in ASCII is a format character
        return text
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch in JOINERS:
            before = out[-1] if out else ""
            after = _next_non_joiner(text, index + 1)
            if _in_joining_script(before) and _in_joining_script(after):
                out.append(ch)
        elif not _is_invisible_control(ch):
            out.append(ch)
    return "".join(out)


def invisible_controls_in(text: str) -> list[str]:
    """The characters cleaning removes from `text`, in order (for a message naming their code
    points; a joiner that stays is not among them)."""
    kept, removed, i = without_invisible_controls(text), [], 0
    for ch in text:
        if i < len(kept) and kept[i] == ch:
            i += 1
        else:
            removed.append(ch)
    return removed


def has_invisible_controls(text: str) -> bool:
    """Whether cleaning would remove anything: the field deserves a warning."""
    return without_invisible_controls(text) != text


# The older names, used by validation and the site file: the same rules.
has_bidi_controls = has_invisible_controls
without_bidi_controls = without_invisible_controls
