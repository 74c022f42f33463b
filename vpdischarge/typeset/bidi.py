"""The Unicode Bidirectional Algorithm (UAX #9) for the typesetter: the resolved embedding level
of every character of a paragraph, and the visual order of a line.

The levels come from python-bidi's Rust engine (the `unicode-bidi` crate, a complete UAX #9 with
isolates, brackets and every rule of the current standard). Its public `get_display(...,
debug=True)` returns the algorithm's result, levels included, as Rust's debug text; it is parsed
here, checked for length, and cached per paragraph. python-bidi's older pure-Python algorithm
(`bidi.algorithm`, private steps) is not used: it predates isolates and failed on them.

Levels are resolved for a whole paragraph, then each line is laid out by rules L1 and L2, as the
standard says: a value isolated on one line keeps its direction when the line after it goes on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED

from vpdischarge.domain.text_rules import DIRECTION_CONTROLS

# Paragraph separators (bidi class B) would start a new paragraph inside the engine. A forced
# line break inside one of our paragraphs is a line separator (U+2028, class WS), as <br> is.
_ONE_PARAGRAPH = str.maketrans(
    {
        "\n": "\u2028",
        "\r": "\u2028",
        "\x1c": "\u2028",
        "\x1d": "\u2028",
        "\x1e": "\u2028",
        "\x85": "\u2028",
        "\u2029": "\u2028",
    }
)
_LEVELS = re.compile(r"\n    levels: \[\n(.*?)\n    \],", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")

# Characters that rule L1 puts back at the paragraph level at the end of a line: white space,
# isolate controls and characters rule X9 ignores.
_L1_CLASSES = frozenset(("WS", "S", "LRI", "RLI", "FSI", "PDI", "BN", "LRE", "RLE", "PDF", "LRO", "RLO"))


class BidiEngineError(RuntimeError):
    """python-bidi answered in a form this module does not know (a new version?)."""


@lru_cache(maxsize=4096)
def paragraph_levels(text: str, rtl_base: bool) -> tuple[int, ...]:
    """The resolved level of each character of paragraph `text` (odd = right to left), before
    the line rules. Characters the algorithm ignores (joiners, controls) take the level of the
    character before them, so they never cut a word into two runs."""
    if not text:
        return ()
    one = text.translate(_ONE_PARAGRAPH)  # one character for one: the indexes stay
    dump = get_display(one, base_dir="R" if rtl_base else "L", debug=True)
    found = _LEVELS.search(dump)
    per_byte = [int(n) for n in _LEVEL.findall(found.group(1))] if found else []
    if len(per_byte) != len(one.encode("utf-8")):
        raise BidiEngineError("python-bidi's debug output has changed; check the pinned version")
    result, offset, previous = [], 0, 1 if rtl_base else 0
    for ch in one:
        level = per_byte[offset]
        if unicodedata.bidirectional(ch) == "BN" or ch in DIRECTION_CONTROLS:
            level = previous
        result.append(level)
        previous = level
        offset += len(ch.encode("utf-8"))
    return tuple(result)


def base_is_rtl(text: str) -> bool:
    """Rules P2 and P3 (what an isolate FSI or HTML's dir="auto" does): the first strong letter
    outside any isolate decides; left to right when there is none."""
    return bool(text) and get_base_level(text.translate(_ONE_PARAGRAPH)) == 1


def line_levels(line: str, levels: list[int], rtl_base: bool) -> list[int]:
    """Rule L1 on one line: white space and isolate controls at its end, and before a tab, go
    back to the paragraph level (a trailing space in Arabic stays at the line's far left)."""
    base = 1 if rtl_base else 0
    out = list(levels)
    trailing = True
    for i in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[i])
        if kind == "S":
            out[i], trailing = base, True
        elif trailing and kind in _L1_CLASSES:
            out[i] = base
        else:
            trailing = False
    return out


def visual_order(item_levels: list[int]) -> list[int]:
    """Rule L2: indexes of items in display order, reversing every run at or above each level
    from the highest down to the lowest odd one."""
    order = list(range(len(item_levels)))
    if not item_levels:
        return order
    highest = max(item_levels)
    odd = [level for level in item_levels if level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if item_levels[order[i]] >= level:
                j = i
                while j < len(order) and item_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def mirrored(ch: str) -> str:
    """The mirror image of a bracket-like character, for right-to-left runs: "(" -> ")" (rule
    L4). The Rust engine reorders without mirroring; python-bidi ships the Unicode mirroring
    table (BidiMirroring.txt) as `bidi.mirror`."""
    return MIRRORED.get(ch, ch)


def visual_text(text: str, rtl_base: bool | None = None) -> str:
    """One line of plain text as it is printed, left to right: levels, L1, L2 and L4, without
    the direction controls. `rtl_base` None: the paragraph direction from the text itself.
    For tests and the fuzz check: it is the order the typesetter draws."""
    if rtl_base is None:
        rtl_base = base_is_rtl(text)
    levels = line_levels(text, list(paragraph_levels(text, rtl_base)), rtl_base)
    shown = []
    for index in visual_order(levels):
        ch = text[index]
        if ch in DIRECTION_CONTROLS:
            continue
        shown.append(mirrored(ch) if levels[index] % 2 else ch)
    return "".join(shown)
