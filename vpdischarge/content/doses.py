"""Numbers in a typed dose, written the way the handout's language writes numbers.

"1,000 mg" typed by an American nurse reads as one milligram to a German or French patient,
and "8.6 mg" is not how they write eight and a half. Numbers in the dose are read with the
conventions of the language the nurse writes in and printed with those of the handout's
language (both from CLDR, through Babel). Where the two agree, the dose prints exactly as typed.
A number the nurse's language cannot read but the handout's can ("8,6" typed for a Spanish
handout) is already written the patient's way and is left as typed; one that neither can read
("1,00") is left as typed and reported.
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


def _readable(token: str, locale: str) -> bool:
    try:
        parse_decimal(token, locale=locale, strict=True)
    except NumberFormatError:
        return False
    return True


# After a separator: three digits (a thousands group elsewhere) or a trailing zero ("1,00").
_TWO_WAYS = re.compile(r"[.,](\d{3}|\d*0)$")


def unreadable_numbers(dose: str, nurse: str, patients: list[str]) -> list[str]:
    """Numbers in `dose` (Babel locale names) that the nurse's language does not write that
    way and that are not plainly written the patient's way either ("8,6" on a Spanish handout
    is; "1,00" and "1,000" could be two different amounts, so are not)."""
    return [
        token
        for token in _NUMBER.findall(dose)
        if not _readable(token, nurse)
        and (_TWO_WAYS.search(token) or not any(_readable(token, lang) for lang in patients))
    ]


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
