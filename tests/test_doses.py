"""Dose numbers are read the way the nurse writes numbers and printed the way the patient reads
them; a number that can be read two ways is reported."""

from dataclasses import replace

import pytest
from conftest import TODAY
from pdfread import all_text

from vpdischarge.content.doses import dose_for_handout, unreadable_numbers
from vpdischarge.pipeline import check, render


@pytest.mark.parametrize(
    ("typed", "handout", "printed"),
    [
        ("8.6 mg", "de", "8,6 mg"),
        # A thousand, never "1,000" (one) for a German reader, and no grouping added either.
        ("1,000 mg", "de", "1000 mg"),
        ("1,000 mg", "fr", "1000 mg"),
        ("1,000.5 mg", "de", "1000,5 mg"),
        ("0.50 mg", "de", "0,50 mg"),  # the typed decimals are kept
        ("0.5 mg twice", "es", "0,5 mg twice"),
        ("500mg", "de", "500mg"),
        ("1-2 tablets", "de", "1-2 tablets"),
        ("vitamin B12 1.5 mg", "de", "vitamin B12 1,5 mg"),  # "B12" is a name, not a number
        ("8.6 mg", "en", "8.6 mg"),
        ("8.6 mg", "zh_Hans", "8.6 mg"),  # same conventions: exactly as typed
    ],
)
def test_numbers_follow_the_handouts_language(typed, handout, printed):
    assert dose_for_handout(typed, "en", handout) == printed


def test_a_german_nurse_writing_for_an_english_handout():
    assert dose_for_handout("1.000 mg", "de", "en") == "1000 mg"
    assert dose_for_handout("8,6 mg", "de", "en") == "8.6 mg"


def test_a_number_that_reads_two_ways_is_left_as_typed_and_reported(make_case, site):
    assert unreadable_numbers("1,00 mg", "en", ["de"]) == ["1,00"]  # German reads it, but as 1
    assert dose_for_handout("1,00 mg", "en", "de") == "1,00 mg"
    case = make_case(language="de", medications=[{"name": "Senna", "dose": "1,00 mg", "when": "at bedtime"}])
    warnings = [i for i in check(case, site, TODAY) if i.field == "medications[1].dose"]
    assert [w.severity for w in warnings] == ["warning"] and "1,00" in warnings[0].message


def test_the_german_handout_prints_the_dose_in_german(make_case, site):
    case = make_case(
        language="de",
        medications=[{"name": "Calcium", "dose": "1,000 mg", "when": "once a day", "purpose": "calcium"}],
    )
    text = all_text(render(case, site, TODAY).pdf)
    assert "1000 mg" in text and "1,000 mg" not in text and "1.000 mg" not in text


def test_a_dose_already_written_the_patients_way_is_not_a_problem(make_case, site):
    """A site in Spain whose notes are in English, a nurse who writes "8,6 mg" on a Spanish
    handout: Spanish in Spain reads it, so it prints as typed and nobody is warned. At a US
    site the Spanish reader writes 8.6, so the same "8,6" is unclear there."""
    assert unreadable_numbers("8,6 mg", "en", ["es"]) == []
    assert unreadable_numbers("8,6 mg", "en", ["en"]) == ["8,6"]
    assert unreadable_numbers("8,6 mg", "en", ["es_US"]) == ["8,6"]
    assert dose_for_handout("8,6 mg", "en", "es") == "8,6 mg"
    case = make_case(language="es", medications=[{"name": "Sena", "dose": "8,6 mg", "when": "al acostarse"}])
    in_spain = replace(site, country="ES")
    assert not [i for i in check(case, in_spain, TODAY) if i.field.startswith("medications")]
    assert [i.field for i in check(case, site, TODAY) if i.field.startswith("medications")] == [
        "medications[1].dose"
    ]
