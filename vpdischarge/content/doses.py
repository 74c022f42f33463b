"""Numbers in a typed dose, printed so that every reader of the handout reads the same amount.

"1,000 mg" typed by an American nurse reads as one milligram to a German or French patient;
"1.000 mg" printed for a US Spanish reader (Spain's grouping) reads as one milligram to them.
The rule, for each number in a dose:

1. **Read it the way the nurse writes.** The nurse writes in the notes language at the site's
   country (CLDR, through Babel: English in the US is `en_US`; Spanish in the US is `es_US`).
   Where that regional way and the language's home way differ (Spanish in the US or in Spain,
   English in Germany or in the US), the number is read both ways; if the two give different
   amounts ("1.000" is one or a thousand), it is *unclear*: printed exactly as typed, and the
   nurse is warned before printing (`unreadable_numbers`, medicine_checks). A number the nurse's
   ways cannot read but the reader's can ("8,6" typed for a German handout) is already written
   the reader's way and prints as typed.
2. **Never add grouping.** The digits before the decimal mark are printed as typed, and a
   separator is never inserted ("1000 mg" stays "1000 mg" in every language and region).
3. **Keep typed grouping only where every reader reads it as grouping.** "1,000" prints
   "1,000" when each language of the handout (both halves of a two-language handout) uses the
   nurse's decimal mark and grouping separator; otherwise the grouping is dropped, "1000", in
   *both* halves, so one dose never prints as "1.000" beside "1000" or "1,000".
4. **Change only the decimal mark, and only where the reader's region uses another one**
   ("8.6" is "8,6" for a German or Brazilian reader, stays "8.6" for a US Spanish reader). Digits
   after the mark, trailing zeros included, are kept ("0.50" stays two decimals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from vpdischarge.domain.case import Case
from vpdischarge.domain.locales import HandoutLocale, babel_locale, find_locale

# A run of digits with "." or "," inside it, not glued to a letter before it ("B12" stays).
_NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d.,]*\d)?")
# After a separator: three digits (a thousands group elsewhere) or a trailing zero ("1,00").
_TWO_WAYS = re.compile(r"[.,](\d{3}|\d*0)$")


def _conventions(locale: str) -> tuple[str, str]:
    return get_decimal_symbol(locale), get_group_symbol(locale)


def _same_conventions(a: str, b: str) -> bool:
    return _conventions(a) == _conventions(b)


def typing_locales(language: str, country: str) -> tuple[str, ...]:
    """The CLDR locales a nurse writing `language` at a site in `country` may write numbers in:
    the regional one first, then the language's home one if it writes numbers otherwise."""
    regional, home = babel_locale(language, country), babel_locale(language)
    return (regional,) if _same_conventions(regional, home) else (regional, home)


def _as_locales(locales: str | Sequence[str]) -> tuple[str, ...]:
    return (locales,) if isinstance(locales, str) else tuple(locales)


def _parsed(token: str, locale: str) -> Decimal | None:
    try:
        return parse_decimal(token, locale=locale, strict=True)
    except NumberFormatError:
        return None


def _readings(token: str, typed_in: tuple[str, ...]) -> dict[Decimal, str]:
    """The amounts `token` can mean, each with the first of the nurse's locales reading it so."""
    found: dict[Decimal, str] = {}
    for locale in typed_in:
        value = _parsed(token, locale)
        if value is not None:
            found.setdefault(value, locale)
    return found


def unreadable_numbers(dose: str, nurse: str | Sequence[str], patients: Sequence[str]) -> list[str]:
    """Numbers in `dose` that print as typed and may be read as another amount: the nurse's
    ways of writing (Babel locale names, see `typing_locales`) read it as two amounts, or
    read it not at all while it is not plainly written the patient's way either ("8,6" on a
    German handout is; "1,00" and "1,000" could be two different amounts, so are not)."""
    typed_in = _as_locales(nurse)
    unclear = []
    for token in _NUMBER.findall(dose):
        readings = _readings(token, typed_in)
        if len(readings) > 1 or (
            not readings
            and (_TWO_WAYS.search(token) or not any(_parsed(token, lang) is not None for lang in patients))
        ):
            unclear.append(token)
    return unclear


def _printed(token: str, typed_in: tuple[str, ...], reader: str, readers: tuple[str, ...]) -> str:
    readings = _readings(token, typed_in)
    if len(readings) != 1:
        return token  # unclear or already the reader's way: as typed (unclear ones are warned)
    [(value, typed_locale)] = readings.items()
    if all(_same_conventions(typed_locale, other) for other in readers):
        return token  # every reader writes numbers as the nurse does
    whole, _, fraction = format(value, "f").partition(".")
    return f"{whole}{get_decimal_symbol(reader)}{fraction}" if fraction else whole


def dose_for_handout(
    dose: str, typed_in: str | Sequence[str], handout: str, readers: Sequence[str] = ()
) -> str:
    """`dose` with its numbers printed for a reader of CLDR locale `handout` (module docstring).
    `typed_in` are the nurse's ways of writing numbers (`typing_locales`); `readers` the CLDR
    locales of every language of the handout, `handout` among them (both halves of a
    two-language handout print a dose the same way)."""
    nurse = _as_locales(typed_in)
    everyone = tuple(dict.fromkeys((handout, *readers)))
    return _NUMBER.sub(lambda match: _printed(match.group(), nurse, handout, everyone), dose)


def handout_readers(case: Case, country: str) -> tuple[str, ...]:
    """The CLDR locale of each language the handout of `case` prints in, at a site in `country`."""
    codes = (case.language, case.second_language)
    return tuple(babel_locale(code, country) for code in codes if code and find_locale(code))


def dose_for_reader(dose: str, case: Case, typed_language: str, locale: HandoutLocale) -> str:
    """`dose` as printed in the part of the handout in `locale` (a locale `at_site`), typed in
    `typed_language` (the notes language)."""
    return dose_for_handout(
        dose,
        typing_locales(typed_language, locale.country),
        locale.babel,
        handout_readers(case, locale.country),
    )
