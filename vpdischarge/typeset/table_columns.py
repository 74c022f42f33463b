"""Column widths for the handout's tables that never cut a word in two.

Fixed shares of the page width looked right in English at 12 pt, but in large print or beside
a wide translated heading they cut "Acetaminophen" into "Acetaminophe / n" (ReportLab splits a
word that does not fit rather than let it run over). Each column is given at least the width
of its longest word; what is left is shared out as the design's shares say.
"""

from __future__ import annotations

import re
import unicodedata

from reportlab.pdfbase.pdfmetrics import stringWidth

from vpdischarge.typeset.fonts import FontResolver


def _breaks_anywhere(ch: str) -> bool:
    # Han, kana and other wide characters may be broken between, so they set no minimum.
    return unicodedata.east_asian_width(ch) in ("W", "F")


def has_wide_characters(text: str) -> bool:
    return any(_breaks_anywhere(ch) for ch in text)


def _unbreakable_pieces(word: str) -> list[str]:
    """`word` cut where a line may break inside it: around each wide character."""
    pieces, current = [], ""
    for ch in word:
        if _breaks_anywhere(ch):
            pieces += [current, ch] if current else [ch]
            current = ""
        else:
            current += ch
    return pieces + [current] if current else pieces


def longest_word_width(text: str, resolver: FontResolver, size: float, bold: bool = False) -> float:
    """The width of the widest unbreakable word of `text`, each part in the font that draws it."""
    return max(
        (
            sum(stringWidth(run, face, size) for face, run in resolver.runs(piece, bold=bold))
            for word in text.split()
            for piece in _unbreakable_pieces(word)
        ),
        default=0.0,
    )


# An isolated value (content/text.py) with nothing isolated inside it.
_UNIT = re.compile("[\u2066\u2067\u2068]([^\u2066-\u2069]*)\u2069")
SHORT_UNIT_SPACES = 2  # "500 mg", "+1 555 0100": a longer value ("every 6 hours") may wrap


def widest_short_unit(text: str, resolver: FontResolver, size: float, bold: bool = False) -> float:
    """The width of the widest short value with a number in `text` (the cell's text with its
    isolates): a dose or a phone is never split over two lines (typeset/line_breaks.py), so its
    column must hold it whole where it can."""
    widths = [0.0]
    for match in _UNIT.finditer(text):
        unit = match.group(1).strip()
        if any(ch.isdigit() for ch in unit) and unit.count(" ") <= SHORT_UNIT_SPACES:
            widths.append(sum(stringWidth(run, face, size) for face, run in resolver.runs(unit, bold=bold)))
    return max(widths)


def fit_columns(shares: list[float], minimums: list[float], total: float) -> list[float]:
    """Widths summing to `total`: each at least its minimum where that is possible, the rest in
    proportion to `shares`. No column claims more than half the table for one word; if the
    minimums still do not fit, the shares are used as they are (a very long word then splits,
    which beats squeezing another column to nothing)."""
    minimums = [min(m, total / 2) for m in minimums]
    if sum(minimums) >= total:
        return [share * total for share in shares]
    widths = [share * total for share in shares]
    fixed: set[int] = set()
    # Raise the columns below their minimum and take the difference from the others, in
    # proportion to their shares; repeat, since taking may push another column below its own.
    while True:
        short = [i for i, w in enumerate(widths) if w < minimums[i] - 1e-6 and i not in fixed]
        if not short:
            return widths
        fixed.update(short)
        for i in short:
            widths[i] = minimums[i]
        free = [i for i in range(len(widths)) if i not in fixed]
        left = total - sum(widths[i] for i in fixed)
        free_share = sum(shares[i] for i in free)
        if not free_share:  # every column at its minimum: widen them all evenly
            return [w * total / (total - left) for w in widths]
        for i in free:
            widths[i] = left * shares[i] / free_share
