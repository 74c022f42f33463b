"""Column widths for the handout's tables that never cut a word in two.

Fixed shares of the page width looked right in English at 12 pt, but in large print or beside
a wide translated heading they cut "Acetaminophen" into "Acetaminophe / n" (ReportLab splits a
word that does not fit rather than let it run over). Each column is given at least the width
of its longest word; what is left is shared out as the design's shares say.
"""

from __future__ import annotations

import math
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


def line_width(text: str, resolver: FontResolver, size: float, bold: bool = False) -> float:
    """The width of `text` set on one line, each part in the font that draws it."""
    return sum(stringWidth(run, face, size) for face, run in resolver.runs(" ".join(text.split()), bold=bold))


def _lines(natural: float, width: float, pad: float) -> int:
    """About how many lines a cell `natural` wide on one line takes in a column `width` wide
    (both with their padding `pad`); a wrapped line holds somewhat less than the full width."""
    if natural <= width + 1e-6:
        return 1
    return math.ceil((natural - pad) / ((width - pad) * 0.85))


def fit_to_content(
    shares: list[float], minimums: list[float], cells: list[list[float]], total: float, pad: float = 0
) -> list[float]:
    """Widths summing to `total` for the table whose cells are `cells[column][row]` wide on one
    line: the widths, each at least its column's longest word (`minimums`), that take the
    fewest lines, so a short column ("500 mg") is not wrapped to give a long one room it cannot
    use, and three medicines take three lines in German, not six. The spare width is shared
    out by `shares`; when even the longest words do not fit, as `fit_columns`."""
    if sum(minimums) >= total:
        return fit_columns(shares, minimums, total)
    rows = range(max(len(column) for column in cells))

    def candidates(i: int) -> list[float]:
        # The widths at which some cell of the column needs one line fewer.
        found = {minimums[i]}
        for natural in cells[i]:
            for k in (1, 2, 3):
                width = (natural - pad) / (k * (0.85 if k > 1 else 1)) + pad
                if width > minimums[i]:
                    found.add(width)
        return sorted(found)

    options = [candidates(i) for i in range(len(cells))]
    # lines[i][j][r]: the lines of row r's cell in column i at its j-th candidate width.
    lines = [
        [[_lines(natural, w, pad) for natural in cells[i]] for w in options[i]] for i in range(len(cells))
    ]
    # The least width the columns after column i can take (each column's first candidate is its minimum).
    rest = [sum(minimums[i + 1 :]) for i in range(len(cells))]
    best: tuple[int, float] | None = None
    chosen: tuple[float, ...] = tuple(minimums)

    def search(i: int, widths: tuple[float, ...], used: float, tallest: list[int]) -> None:
        """Every choice for columns i.. after `widths`, in the order of itertools.product, with
        branches left out that cannot beat the best so far: a row is at least one line and at
        least its tallest cell yet, and every column at least its minimum. What is chosen is
        what trying every combination chooses; the combinations grow as rows**columns (12
        varied medicines took 7 s, 20 took 109 s)."""
        nonlocal best, chosen
        for j, w in enumerate(options[i]):
            width = used + w
            row_lines = [
                max(t, n)
                for t, n in zip(tallest, lines[i][j] + [0] * (len(rows) - len(cells[i])), strict=True)
            ]
            if i + 1 == len(cells):
                if width > total:
                    continue
                score = (sum(row_lines), width)  # fewest lines, then the least width for them
                if best is None or score < best:
                    best, chosen = score, (*widths, w)
                continue
            if width + rest[i] > total + 1e-6:
                continue
            if best is not None:
                lower = sum(max(n, 1) for n in row_lines)
                if lower > best[0] or (lower == best[0] and width + rest[i] > best[1] + 1e-6):
                    continue
            search(i + 1, (*widths, w), width, row_lines)

    search(0, (), 0, [0] * len(rows))
    left = total - sum(chosen)
    return [w + left * share / sum(shares) for w, share in zip(chosen, shares, strict=True)]


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
