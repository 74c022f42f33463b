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


# How many choices the exact search may try before it keeps the best it has found. A typical
# table (3 to 8 medicines) needs a few hundred to a few thousand, so its widths are the exact
# fewest-lines answer; the choices grow as candidates**columns (20 varied medicines: millions,
# 5 s and more per layout), so a long list takes the greedy answer, improved as far as the
# budget goes. Counted in choices, not seconds: the same case always gets the same widths.
SEARCH_BUDGET = 20_000


def fit_to_content(
    shares: list[float],
    minimums: list[float],
    cells: list[list[float]],
    total: float,
    pad: float = 0,
    firm: list[float] | None = None,
) -> list[float]:
    """Widths summing to `total` for the table whose cells are `cells[column][row]` wide on one
    line: the widths, each at least its column's longest word (`minimums`), that take the
    fewest lines, so a short column ("500 mg") is not wrapped to give a long one room it cannot
    use, and three medicines take three lines in German, not six. The spare width is shared
    out by `shares`. When even the longest words do not fit, `squeezed`: each column keeps its
    `firm` width (its widest dose or phone, which must not split) where those fit."""
    if sum(minimums) >= total:
        return squeezed(shares, minimums, total, firm)
    n_rows = max(len(column) for column in cells)

    options = [candidate_widths(minimums[i], cells[i], pad) for i in range(len(cells))]
    # lines[i][j][r]: the lines of row r's cell in column i at its j-th candidate width (0 for
    # a row the column has no cell in).
    lines = [
        [
            [_lines(natural, w, pad) for natural in cells[i]] + [0] * (n_rows - len(cells[i]))
            for w in options[i]
        ]
        for i in range(len(cells))
    ]
    chosen = _fewest_lines(options, lines, total, _greedy(options, lines, total))
    left = total - sum(chosen)
    return [w + left * share / sum(shares) for w, share in zip(chosen, shares, strict=True)]


def candidate_widths(minimum: float, naturals: list[float], pad: float) -> list[float]:
    """The widths, from `minimum` up, at which some cell of a column (`naturals`: each cell's
    width on one line) needs one line fewer: the only widths worth trying."""
    found = {minimum}
    for natural in naturals:
        for k in (1, 2, 3):
            width = (natural - pad) / (k * (0.85 if k > 1 else 1)) + pad
            if width > minimum:
                found.add(width)
    return sorted(found)


def _score(options: list[list[float]], lines: list[list[list[int]]], picks: list[int]) -> tuple[int, float]:
    """(lines of the table, width used) for the candidate `picks[i]` of each column i."""
    rows = zip(*(lines[i][j] for i, j in enumerate(picks)), strict=True)
    return sum(max(row) for row in rows), sum(options[i][j] for i, j in enumerate(picks))


def _greedy(options: list[list[float]], lines: list[list[list[int]]], total: float) -> list[int]:
    """A good answer fast: from every column at its minimum, widen the column whose next
    candidates save the most lines per point of width, while the width lasts."""
    picks = [0] * len(options)
    used = sum(column[0] for column in options)
    while True:
        now = [lines[i][j] for i, j in enumerate(picks)]
        current = _score(options, lines, picks)[0]
        best: tuple[float, float, int, int] | None = None  # (-saving per point, extra width, i, j)
        for i, column in enumerate(options):
            others = (
                [max(row) for row in zip(*(now[:i] + now[i + 1 :]), strict=True)] if len(now) > 1 else None
            )
            for j in range(picks[i] + 1, len(column)):
                extra = column[j] - column[picks[i]]
                if used + extra > total + 1e-6:
                    break
                if others is None:
                    after = sum(lines[i][j])
                else:
                    after = sum(max(a, b) for a, b in zip(lines[i][j], others, strict=True))
                if after < current:
                    key = (-(current - after) / extra, extra, i, j)
                    if best is None or key < best:
                        best = key
        if best is None:
            return picks
        _, extra, i, j = best
        picks[i] = j
        used += extra


def _fewest_lines(
    options: list[list[float]], lines: list[list[list[int]]], total: float, start: list[int]
) -> tuple[float, ...]:
    """The widths with the fewest lines, then the least width, first in the order of
    itertools.product over the candidates: a branch is left out when it cannot beat the best so
    far (a row is at least one line and at least its tallest cell yet, every column at least
    its minimum). `start` (the greedy answer) is the best so far until the search finds one as
    good, which prunes far more from the first branch on; after SEARCH_BUDGET choices the best
    found is kept."""
    columns = len(options)
    n_rows = len(lines[0][0])
    # The least width the columns after column i can take (each column's first candidate is its minimum).
    rest = [sum(options[k][0] for k in range(i + 1, columns)) for i in range(columns)]
    best = _score(options, lines, start)
    chosen = tuple(options[i][j] for i, j in enumerate(start))
    found = False  # whether `chosen` came from the search rather than from `start`
    budget = SEARCH_BUDGET

    def search(i: int, widths: tuple[float, ...], used: float, tallest: list[int]) -> bool:
        nonlocal best, chosen, found, budget
        for j, w in enumerate(options[i]):
            budget -= 1
            if budget < 0:
                return False
            width = used + w
            if width + rest[i] > total + 1e-6:
                break  # the candidates are in order of width: the wider ones do not fit either
            row_lines = [max(t, n) for t, n in zip(tallest, lines[i][j], strict=True)]
            if i + 1 == columns:
                score = (sum(row_lines), width)  # fewest lines, then the least width for them
                if score < best or (score == best and not found):
                    best, chosen, found = score, (*widths, w), True
                continue
            lower = sum(max(n, 1) for n in row_lines)
            if lower > best[0] or (lower == best[0] and width + rest[i] > best[1] + 1e-6):
                continue
            if not search(i + 1, (*widths, w), width, row_lines):
                return False
        return True

    search(0, (), 0, [0] * n_rows)
    return chosen


# An isolated value (content/text.py) with nothing isolated inside it.
_UNIT = re.compile("[\u2066\u2067\u2068]([^\u2066-\u2069]*)\u2069")
# "500 mg", "+1 555 0100", "6時間": a longer value ("every 6 hours", "必要なとき（6時間以上あけて）")
# may wrap. Counted in places a line may break, not in spaces: a Japanese phrase has none, and
# counted as short it held its column at its whole width, squeezing the next to 2 characters.
SHORT_UNIT_BREAKS = 2


def _break_chances(text: str) -> int:
    """The places a line may break inside `text`: its spaces, and around its wide characters."""
    words = text.split()
    return len(words) - 1 + sum(len(_unbreakable_pieces(word)) - 1 for word in words)


def widest_short_unit(text: str, resolver: FontResolver, size: float, bold: bool = False) -> float:
    """The width of the widest short value with a number in `text` (the cell's text with its
    isolates): a dose or a phone is never split over two lines (typeset/line_breaks.py), so its
    column must hold it whole where it can."""
    widths = [0.0]
    for match in _UNIT.finditer(text):
        unit = match.group(1).strip()
        if any(ch.isdigit() for ch in unit) and _break_chances(unit) <= SHORT_UNIT_BREAKS:
            widths.append(sum(stringWidth(run, face, size) for face, run in resolver.runs(unit, bold=bold)))
    return max(widths)


def squeezed(
    shares: list[float], minimums: list[float], total: float, firm: list[float] | None
) -> list[float]:
    """Widths for a table whose longest words do not all fit in `total`: every column keeps its
    `firm` width (a dose or a phone split as "500 / mg" reads as two things), and what is left
    goes to each column in proportion to what it lacks of its longest word, so every long word
    is cut about as much, rather than one column by its share. Without firm widths, or when even
    they do not fit, as `fit_columns`."""
    if firm is None:
        return fit_columns(shares, minimums, total)
    firm = [min(f, m) for f, m in zip(firm, minimums, strict=True)]
    wanted = [m - f for m, f in zip(minimums, firm, strict=True)]
    if sum(firm) >= total or not sum(wanted):
        return fit_columns(shares, minimums, total)
    left = total - sum(firm)
    return [f + left * w / sum(wanted) for f, w in zip(firm, wanted, strict=True)]


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
