"""Table column widths: every column at least as wide as its longest word, the rest by share."""

import pytest

from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.table_columns import fit_columns, longest_word_width, widest_short_unit

SHARES = [0.32, 0.14, 0.30, 0.24]


def test_shares_are_kept_when_every_word_fits():
    assert fit_columns(SHARES, [10, 10, 10, 10], 400) == pytest.approx([128, 56, 120, 96])


def test_a_narrow_column_is_widened_to_its_longest_word_and_the_others_give_way():
    widths = fit_columns(SHARES, [150, 10, 10, 10], 400)
    assert widths[0] == pytest.approx(150)
    assert sum(widths) == pytest.approx(400)
    # The others keep their proportions to each other.
    assert widths[2] / widths[3] == pytest.approx(0.30 / 0.24)


def test_giving_way_never_pushes_another_column_below_its_own_minimum():
    widths = fit_columns(SHARES, [200, 55, 10, 10], 400)
    assert widths[0] >= 200 and widths[1] >= 55
    assert sum(widths) == pytest.approx(400)


def test_one_word_never_takes_more_than_half_the_table():
    widths = fit_columns(SHARES, [1000, 10, 10, 10], 400)
    assert widths[0] == pytest.approx(200)
    assert sum(widths) == pytest.approx(400)


def test_minimums_that_cannot_all_fit_leave_the_shares_as_designed():
    assert fit_columns(SHARES, [300, 300, 300, 300], 400) == pytest.approx([128, 56, 120, 96])


def test_longest_word_uses_the_font_that_draws_it_and_breaks_between_han_characters():
    latin = FontResolver(["noto-sans"])
    assert longest_word_width("Acetaminophen 500 mg", latin, 12) > longest_word_width("500 mg", latin, 12)
    assert longest_word_width("Acetaminophen", latin, 12, bold=True) > longest_word_width(
        "Acetaminophen", latin, 12
    )
    chinese = FontResolver(["cjk", "noto-sans"])
    one_character = longest_word_width("药", chinese, 12)
    assert 0 < longest_word_width("对乙酰氨基酚", chinese, 12) == pytest.approx(one_character)
    # Latin letters inside Chinese text still do not break: "mg" is one piece.
    assert longest_word_width("每次500mg", chinese, 12) > one_character


# -- fitted to the cells ---------------------------------------------------------------------------
def test_columns_that_all_fit_on_one_line_get_their_width_and_share_the_rest():
    from vpdischarge.typeset.table_columns import fit_to_content

    cells = [[100, 120], [50, 60], [80, 90], [70, 40]]
    widths = fit_to_content(SHARES, [60, 40, 50, 40], cells, 400)
    assert sum(widths) == pytest.approx(400)
    assert all(w >= max(c) for w, c in zip(widths, cells, strict=True))


def test_a_short_column_is_not_wrapped_to_make_room_for_a_long_one():
    from vpdischarge.typeset.table_columns import _lines, fit_to_content

    # Name, dose ("500 mg"), when (long), what for: 340 points for 400 points of one-line text.
    cells = [[90, 80, 85], [45, 40, 42], [200, 150, 120], [70, 60, 65]]
    minimums = [90, 30, 60, 40]
    widths = fit_to_content(SHARES, minimums, cells, 340)
    assert sum(widths) == pytest.approx(340)
    assert all(w >= m for w, m in zip(widths, minimums, strict=True))
    assert widths[1] >= 45  # the dose stays on one line
    lines = sum(max(_lines(c[r], w, 0) for c, w in zip(cells, widths, strict=True)) for r in range(3))
    by_share = fit_columns(SHARES, minimums, 340)
    lines_by_share = sum(
        max(_lines(c[r], w, 0) for c, w in zip(cells, by_share, strict=True)) for r in range(3)
    )
    assert lines <= lines_by_share


def test_words_that_cannot_fit_leave_the_shares_as_designed():
    from vpdischarge.typeset.table_columns import fit_to_content

    assert fit_to_content(SHARES, [300] * 4, [[300]] * 4, 400) == pytest.approx([128, 56, 120, 96])


# -- side by side ----------------------------------------------------------------------------------
def _built(markup: str, width: float = 540):
    from xml.etree.ElementTree import fromstring

    from vpdischarge.typeset.flowables import BlockBuilder
    from vpdischarge.typeset.styles import make_styles

    resolver = FontResolver(())
    builder = BlockBuilder(
        lambda large, rtl, cjk: make_styles(large, resolver.base_face, rtl, cjk), resolver, width
    )
    return builder.blocks(fromstring(markup))


def test_short_paragraphs_side_by_side_share_a_row_and_long_ones_stack():
    from reportlab.platypus import Table

    short = "<section><side-by-side><p>Daytime: 555 0100</p><p>Nights: 555 0199</p></side-by-side></section>"
    [row] = _built(short)
    assert isinstance(row, Table) and len(row._cellvalues) == 1 and len(row._cellvalues[0]) == 2
    long = (
        "<section><side-by-side><p>" + "word " * 30 + "</p><p>Nights: 555 0199</p></side-by-side></section>"
    )
    stacked = _built(long)
    assert len(stacked) == 2 and not any(isinstance(f, Table) for f in stacked)


def test_side_by_side_holds_paragraphs_only():
    from vpdischarge.typeset.inline import MarkupError

    with pytest.raises(MarkupError, match="side-by-side"):
        _built("<section><side-by-side><list><item>x</item></list></side-by-side></section>")


# -- the fewest-lines search: exact for a typical table, bounded for a long one -------------------
def _random_table(rng, rows: int, columns: int = 4):
    """cells[column][row] one-line widths (a heading row first), minimums and a table width of
    the sizes a medicine table has (a few words to a long timing, 9 points of padding)."""
    pad = 9
    cells, minimums = [], []
    for _ in range(columns):
        column = [rng.uniform(30, 160) + pad] + [
            rng.choice([rng.uniform(20, 80), rng.uniform(60, 300), rng.uniform(100, 500)]) + pad
            for _ in range(rows)
        ]
        cells.append(column)
        minimums.append(min(column) * rng.uniform(0.3, 0.9) + pad / 2)
    return SHARES[:columns], minimums, cells, rng.uniform(300, 560), pad


def _table_lines(cells, widths, pad):
    from vpdischarge.typeset.table_columns import _lines

    rows = max(len(c) for c in cells)
    return sum(
        max(_lines(c[r], w, pad) if r < len(c) else 0 for c, w in zip(cells, widths, strict=True))
        for r in range(rows)
    )


def test_a_typical_table_gets_the_exact_fewest_lines_answer_of_trying_every_combination():
    import itertools
    import random

    from vpdischarge.typeset import table_columns

    rng = random.Random(11)
    for _ in range(120):
        shares, minimums, cells, total, pad = _random_table(rng, rng.randint(1, 4), rng.choice([2, 3, 4]))
        if sum(minimums) >= total:
            continue
        widths = table_columns.fit_to_content(shares, minimums, cells, total, pad)
        # Every combination of the columns' candidate widths, the first with the fewest lines,
        # then the least width (the spare width is then shared out by the shares).
        options = [
            table_columns.candidate_widths(m, column, pad) for m, column in zip(minimums, cells, strict=True)
        ]
        best = None
        for combo in itertools.product(*options):
            if sum(combo) > total + 1e-6:
                continue
            lines = _table_lines(cells, combo, pad)
            if best is None or (lines, sum(combo)) < best[0]:
                best = ((lines, sum(combo)), combo)
        left = total - sum(best[1])
        expected = [w + left * s / sum(shares) for w, s in zip(best[1], shares, strict=True)]
        assert widths == pytest.approx(expected)


class _CountedList(list):
    """A candidate list that counts how often the search walks it."""

    walked = 0

    def __iter__(self):
        for item in super().__iter__():
            _CountedList.walked += 1
            yield item


def test_a_long_varied_table_is_searched_within_the_budget_and_never_worse_than_the_greedy_answer():
    import random

    from vpdischarge.typeset import table_columns

    shares, minimums, cells, total, pad = _random_table(random.Random(20), 20)
    total = 540
    options = [_CountedList(table_columns.candidate_widths(minimums[i], cells[i], pad)) for i in range(4)]
    lines = [[[table_columns._lines(n, w, pad) for n in cells[i]] for w in options[i]] for i in range(4)]
    # 20 rows of four varied columns: about 20**4 combinations, far more than the budget.
    combinations = 1
    for column in options:
        combinations *= len(column)
    assert combinations > 50 * table_columns.SEARCH_BUDGET
    greedy = table_columns._greedy(options, lines, total)
    _CountedList.walked = 0
    chosen = table_columns._fewest_lines(options, lines, total, greedy)
    assert _CountedList.walked <= table_columns.SEARCH_BUDGET + len(options)
    picks = [options[i].index(w) for i, w in enumerate(chosen)]
    assert sum(chosen) <= total + 1e-6
    assert table_columns._score(options, lines, picks) <= table_columns._score(options, lines, greedy)
    # And the whole fit still holds every column at its minimum and fills the table.
    widths = table_columns.fit_to_content(shares, minimums, cells, total, pad)
    assert sum(widths) == pytest.approx(total)
    assert all(w >= m - 1e-6 for w, m in zip(widths, minimums, strict=True))
    assert _table_lines(cells, widths, pad) <= _table_lines(cells, fit_columns(shares, minimums, total), pad)


def test_when_the_longest_words_do_not_fit_every_dose_keeps_its_width_and_the_words_give_way_evenly():
    from vpdischarge.typeset.table_columns import fit_to_content

    # German large print: name, dose ("500 mg" needs 66), when, what for; 438 wanted, 434 there.
    minimums, firm = [136, 66, 127, 109], [0, 66, 0, 0]
    cells = [[111, 136], [52, 66], [126, 209], [58, 93]]
    widths = fit_to_content(SHARES, minimums, cells, 434, 9, firm)
    assert sum(widths) == pytest.approx(434)
    assert widths[1] >= 66  # the dose stays whole
    # Each word column short of its longest word by about the same share of it.
    short = [(m - w) / m for m, w in zip(minimums, widths, strict=True) if m > 66]
    assert max(short) - min(short) < 0.01
    # Without firm widths, the shares as designed (the dose then splits).
    assert fit_to_content(SHARES, minimums, cells, 434, 9)[1] < 66


FSI, PDI = "\u2068", "\u2069"


def test_a_short_value_holds_its_column_and_a_japanese_phrase_does_not():
    resolver = FontResolver(["cjk"])
    for value in ("500 mg", "+1 555 0100", "6時間"):
        assert widest_short_unit(f"{FSI}{value}{PDI}", resolver, 16) > 0, value
    # No spaces, but a line may break between any two of its characters: it may wrap. Read as
    # a short value it held the timing column at its whole width, and the purpose column was
    # squeezed to two characters ("骨を / 強く / する / 薬").
    for value in ("必要なとき（6時間以上あけて）", "every 6 hours if needed"):
        assert widest_short_unit(f"{FSI}{value}{PDI}", resolver, 16) == 0, value


def test_the_japanese_large_print_medicine_list_wraps_its_timing_not_its_purpose(make_case, site):
    import io

    import pdfplumber
    from conftest import TODAY

    from vpdischarge.pipeline import render

    pdf = render(make_case(language="ja", large_print=True), site, TODAY).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            text = "".join(c["text"] for c in page.chars)
            start = text.find("骨を強くする薬")
            if start >= 0:
                purpose = page.chars[start : start + len("骨を強くする薬")]
                break
    assert len({round(c["top"]) for c in purpose}) == 1  # on one line, as it fits
