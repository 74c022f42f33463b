"""Numbers the reader reads right: the handout's CLDR locale is its language at the site's
country, and a typed dose is never regrouped into a form that reads as another amount there.

The full table (7 doses x 20 languages x a US and a German site) is checked on the formatting
function; a few rows are checked again on the text of real PDFs, one- and two-language."""

from dataclasses import replace
from decimal import Decimal

import pytest
from babel.numbers import NumberFormatError, parse_decimal
from conftest import TODAY
from pdfread import all_text

from vpdischarge.content.doses import dose_for_handout, typing_locales, unreadable_numbers
from vpdischarge.domain.locales import LOCALES, at_site, babel_locale, country_code, find_locale
from vpdischarge.pipeline import check, handout_markup, render

CODES = [loc.code for loc in LOCALES]


@pytest.mark.parametrize(
    ("language", "country", "cldr"),
    [
        ("es", "US", "es_US"),
        ("fr", "CA", "fr_CA"),
        ("en", "GB", "en_GB"),
        ("en", "UK", "en_GB"),  # the usual mistake for ISO's GB
        ("en", "us", "en_US"),
        ("pt_BR", "US", "pt_BR"),  # a locale with its region keeps it
        ("pt_BR", "PT", "pt_BR"),
        ("de", "US", "de"),  # CLDR has no German of the US
        ("es", "DE", "es"),
        ("ht", "US", "fr_HT"),  # Haiti's numbers and clock; the Creole words are our own
        ("tl", "US", "fil"),
        ("zh_Hant", "HK", "zh_Hant_HK"),
        ("es", "United States", "es"),  # not a code: the language's own locale
        ("es", "", "es"),
        ("xx", "US", "en_US"),  # not one of ours: English, at the site
    ],
)
def test_the_cldr_locale_is_the_language_at_the_sites_country(language, country, cldr):
    assert babel_locale(language, country) == cldr


def test_a_handout_locale_at_a_site_carries_its_region():
    spanish = at_site(find_locale("es"), "us")
    assert (spanish.code, spanish.babel, spanish.country) == ("es", "es_US", "US")
    assert country_code("Deutschland") == ""


# The languages whose readers write "8,6" (decimal comma), at each site; all others write "8.6".
# Written out rather than computed, so the table states what a reader expects.
COMMA_READERS = {
    "US": {"vi", "ru", "uk", "ht", "fr", "pl", "pt_BR", "de", "it", "tr"},
    # In Germany CLDR's English and Spanish write a decimal comma too (en_DE; es is Spain's).
    "DE": {"en", "es", "vi", "ru", "uk", "ht", "fr", "pl", "pt_BR", "de", "it", "tr"},
}
# Typed by a nurse writing English. Each row: (typed, amount meant, printed for a "." reader at
# a US site, printed for a "," reader at a US site).
DOSES = [
    ("1000 mg", "1000", "1000 mg", "1000 mg"),
    ("1,000 mg", "1000", "1,000 mg", "1000 mg"),
    ("10,000 units", "10000", "10,000 units", "10000 units"),
    ("1.5 mg", "1.5", "1.5 mg", "1,5 mg"),
    ("8.6 mg", "8.6", "8.6 mg", "8,6 mg"),
    ("0.5 mg", "0.5", "0.5 mg", "0,5 mg"),
    ("2.5 mg", "2.5", "2.5 mg", "2,5 mg"),
]
# In Germany an English-writing nurse may mean 1,000 as a thousand or as one (CLDR's en_DE):
# those doses print as typed and the nurse is warned; the others read one way only.
UNCLEAR_IN_GERMANY = {"1,000 mg", "10,000 units"}


def expected(typed: str, dot: str, comma: str, language: str, country: str) -> str:
    if country == "DE" and typed in UNCLEAR_IN_GERMANY:
        return typed
    return comma if language in COMMA_READERS[country] else dot


def _amounts(printed: str, reader: str) -> Decimal | None:
    number = printed.split()[0]
    try:
        return parse_decimal(number, locale=reader, strict=True)
    except NumberFormatError:
        return None


@pytest.mark.parametrize("country", ["US", "DE"])
@pytest.mark.parametrize(("typed", "meant", "dot", "comma"), DOSES)
def test_every_dose_prints_the_readers_way_in_all_twenty_languages(typed, meant, dot, comma, country):
    nurse = typing_locales("en", country)
    for language in CODES:
        reader = babel_locale(language, country)
        printed = dose_for_handout(typed, nurse, reader)
        assert printed == expected(typed, dot, comma, language, country), (language, country)
        if typed in UNCLEAR_IN_GERMANY and country == "DE":
            assert unreadable_numbers(typed, nurse, [reader]) == [typed.split()[0]]
            continue
        assert unreadable_numbers(typed, nurse, [reader]) == []
        # The reader's own conventions read the amount the nurse meant: never a thousand times
        # more or less.
        assert _amounts(printed, reader) == Decimal(meant), (language, printed)
        # No grouping is ever added: the digits before the decimal mark are those typed.
        assert printed.split()[0].replace(",", "").replace(".", "") == typed.split()[0].replace(
            ",", ""
        ).replace(".", "")


@pytest.mark.parametrize("second", CODES)
def test_both_halves_of_a_two_language_handout_print_a_dose_alike(second):
    """Grouping is kept only where both readers read it as grouping; the digits are the same in
    both halves, only the decimal mark is each reader's."""
    nurse = typing_locales("en", "US")
    readers = [babel_locale("en", "US"), babel_locale(second, "US")]
    for typed, _meant, _dot, _comma in DOSES:
        first_half, second_half = (dose_for_handout(typed, nurse, r, readers) for r in readers)
        assert first_half.replace(",", ".") == second_half.replace(",", "."), (second, typed)
        if "," in typed and second in COMMA_READERS["US"] and "." not in typed:
            assert first_half == second_half == typed.replace(",", "")


def test_a_us_spanish_nurse_writes_the_us_way_and_a_number_spain_reads_otherwise_is_unclear():
    nurse = typing_locales("es", "US")
    assert nurse == ("es_US", "es")
    assert dose_for_handout("1.5 mg", nurse, "es_US") == "1.5 mg"
    assert dose_for_handout("1.5 mg", nurse, "de") == "1,5 mg"
    # "1.000" is one in the US and a thousand in Spain: as typed, and reported.
    assert unreadable_numbers("1.000 mg", nurse, ["es_US"]) == ["1.000"]
    assert dose_for_handout("1.000 mg", nurse, "es_US") == "1.000 mg"


def _medicine_case(make_case, dose, **changes):
    """The typical case (its senna is "8.6 mg") with calcium at `dose` added."""
    meds = [
        {"name": "Calcium", "dose": dose, "when": "once a day", "purpose": "calcium"},
        {"name": "Senna", "dose": "8.6 mg", "when": "at bedtime", "purpose": "constipation"},
    ]
    return make_case(medications=meds, **changes)


@pytest.mark.parametrize("language", ["es", "pt_BR", "de", "it", "tr", "vi"])
def test_a_thousand_milligrams_never_prints_as_one_point_zero(make_case, site, language):
    """The issue's six languages: typed "1000 mg" printed "1.000 mg" at a US site."""
    markup = handout_markup(_medicine_case(make_case, "1000 mg", language=language), site, TODAY)
    assert "1000 mg" in markup and "1.000 mg" not in markup and "1,000 mg" not in markup


def test_the_pdf_of_a_us_spanish_handout_reads_the_us_way(make_case, site):
    case = _medicine_case(make_case, "1,000 mg", language="es")
    text = all_text(render(case, site, TODAY).pdf)
    assert "1,000 mg" in text and "1.000 mg" not in text
    assert "8.6 mg" in text  # the typical case's senna
    assert "10 libras (4.5 kg)" in text  # the lifting limit, with the US decimal point
    assert "10:30 de la mañana" in text  # not "10:30 a.m.." at the end of the sentence


def test_the_pdf_of_a_spanish_handout_in_spain_reads_spains_way(make_case, site):
    in_spain = replace(site, country="ES", weight_unit="kg", temperature_unit="C")
    # A Spanish nurse in Spain writes Spain's way; it prints as typed, with no warning.
    meds = [
        {"name": "Calcio", "dose": "1000 mg", "when": "una vez al día"},
        {"name": "Sena", "dose": "8,6 mg", "when": "al acostarse"},
    ]
    case = make_case(language="es", medications=meds, clinician={"notes_language": "es"})
    assert not [i for i in check(case, in_spain, TODAY) if i.field.startswith("medications")]
    text = all_text(render(case, in_spain, TODAY).pdf)
    assert "1000 mg" in text and "8,6 mg" in text and "4,5 kilogramos (10 lb)" in text
    # English notes in Spain: "1,000" may mean one or a thousand there (CLDR's en_ES), so the
    # nurse is warned; "8.6" can only mean eight point six and prints Spain's way.
    case = _medicine_case(make_case, "1,000 mg", language="es", clinician={"notes_language": "en"})
    assert [i.field for i in check(case, in_spain, TODAY) if i.field.startswith("medications")] == [
        "medications[1].dose"
    ]
    assert "8,6 mg" in all_text(render(case, in_spain, TODAY).pdf)


@pytest.mark.parametrize(
    ("second", "typed", "printed"),
    [("en", "1,000 mg", ["1,000 mg"]), ("en", "1000 mg", ["1000 mg"]), ("de", "1,000 mg", ["1000 mg"])],
)
def test_a_two_language_pdf_prints_the_same_dose_the_same_way(make_case, site, second, typed, printed):
    first = "es" if second == "en" else "en"
    case = _medicine_case(make_case, typed, language=first, second_language=second)
    text = all_text(render(case, site, TODAY).pdf)
    for form in printed:
        assert text.count(form) == 2, (form, text.count(form))
    assert "1.000 mg" not in text
    if second == "de":
        assert "1,000 mg" not in text
        assert "8.6 mg" in text and "8,6 mg" in text  # each half its reader's decimal mark
