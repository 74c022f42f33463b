"""Numbers in a typed dose, written the way the handout's language writes numbers.

"1,000 mg" typed by an American nurse reads as one milligram to a German or French patient,
and "8.6 mg" is not how they write eight and a half. Numbers in the dose are read with the
conventions of the language the nurse writes in and printed with those of the handout's
language (both from CLDR, through Babel). Where the two agree, the dose prints exactly as typed.
A number that cannot be read unambiguously ("1,00") is left as typed and reported.
"""

from __future__ import annotations

import re

from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

# A run of digits with "." or "," inside it, not glued to a letter before it ("B12" stays).
_NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d.,]*\d)?")


def _same_conventions(a: str, b: str) -> bool:
    return (get_decimal_symbol(a), get_group_symbol(a)) == (get_decimal_symbol(b), get_group_symbol(b))


def unreadable_numbers(dose: str, typed_in: str) -> list[str]:
    """Numbers in `dose` that are not valid numbers as language `typed_in` writes them."""
    found = []
    for token in _NUMBER.findall(dose):
        try:
            parse_decimal(token, locale=typed_in, strict=True)
        except NumberFormatError:
            found.append(token)
    return found


def dose_for_handout(dose: str, typed_in: str, handout: str) -> str:
    """`dose` with its numbers converted from `typed_in`'s way of writing them to `handout`'s
    (Babel locale names)."""
    if _same_conventions(typed_in, handout):
        return dose

    def convert(match: re.Match[str]) -> str:
        try:
            value = parse_decimal(match.group(), locale=typed_in, strict=True)
        except NumberFormatError:
            return match.group()
        return format_decimal(value, locale=handout, decimal_quantization=False)

    return _NUMBER.sub(convert, dose)
