"""Table column widths: every column at least as wide as its longest word, the rest by share."""

import pytest

from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.table_columns import fit_columns, longest_word_width

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
