"""Whatever a nurse types or pastes is printed literally, never interpreted."""

import pytest
from conftest import TODAY
from pdfread import all_text, chars_outside_page

from vpdischarge.pipeline import render

LITERALS = [
    "<b>not bold</b>",
    "Salt & pepper",
    "{{ 7 * 7 }}",
    "{% if true %}yes{% endif %}",
    "]]> <!-- x -->",
    "a < b > c",
    "\"quoted\" and 'single'",
]


@pytest.mark.parametrize("text", LITERALS)
def test_text_is_printed_literally_in_every_field(make_case, site, text):
    case = make_case(
        patient={"name": f"Ana {text}", "record_number": text},
        clinician={"name": text, "notes": f"Note: {text}"},
        medications=[{"name": text, "dose": "1 tablet", "when": text, "purpose": "pain"}],
        follow_up={"when": "2026-12-04T10:30", "where": text, "phone": "+1 555 0100"},
        interpreter=text,
    )
    printed = all_text(render(case, site, TODAY).pdf)
    squeezed = " ".join(text.split())
    assert f"Ana {squeezed}" in printed
    assert f"Note: {squeezed}" in printed
    assert "49" not in printed.replace("4471", "")  # the template expression was not evaluated


def test_control_characters_are_dropped_not_fatal(make_case, site):
    case = make_case(patient={"name": "Ana\x00\x07 Test\x1b", "record_number": "R1"})
    assert "Ana Test" in all_text(render(case, site, TODAY).pdf)


def test_notes_keep_their_lines(make_case, site):
    case = make_case(clinician={"notes": "First line.\n\nThird line after a blank."})
    text = all_text(render(case, site, TODAY).pdf)
    assert "First line. Third line after a blank." in text


def test_noncharacters_are_dropped_not_fatal(make_case, site):
    # Found by the property tests: U+FFFF cannot be carried by XML and once stopped the renderer.
    case = make_case(clinician={"notes": "\uffff Ana\ufffe note"})
    assert "Ana note" in all_text(render(case, site, TODAY).pdf)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
def test_longest_unbroken_entries_in_every_medicine_column_still_print(make_case, site, large_print):
    # Found by the property tests: a row taller than a page once stopped the renderer.
    meds = [{"name": "W" * 200, "dose": "9" * 200, "when": "ㅁ" * 200, "purpose": "김민준" * 66}] * 3
    pdf = render(make_case(medications=meds, large_print=large_print), site, TODAY).pdf
    assert chars_outside_page(pdf) == 0
