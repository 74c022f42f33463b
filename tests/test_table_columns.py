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
