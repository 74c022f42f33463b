"""Whatever a nurse types or pastes is printed literally, never interpreted."""

import pytest
from conftest import TODAY
from pdfread import all_text, chars_outside_page, pages_text

from vpdischarge.pipeline import check, render

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


def test_every_field_at_its_maximum_length_at_once(make_case, site):
    long = "Walk slowly every day " * 10  # 220 characters, cut to each field's limit below
    case = make_case(
        patient={"name": long[:200], "date_of_birth": "1948-03-02", "record_number": long[:200]},
        clinician={"name": long[:200], "notes": (long * 30)[:5000]},
        medications=[{k: long[:200] for k in ("name", "dose", "when", "purpose")}] * 20,
        follow_up={"when": "2026-12-04T10:30", "where": long[:200], "phone": long[:200]},
        interpreter=long[:200],
    )
    assert not [i for i in check(case, site, TODAY) if i.severity == "error"]
    pdf = render(case, site, TODAY).pdf
    pages = pages_text(pdf)
    assert chars_outside_page(pdf) == 0
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))


def test_a_long_medicine_row_with_arabic_text_splits_across_pages(make_case, site):
    # Found by the long property run: a split table row holding right-to-left text.
    meds = [{"name": "فاطمة " * 30, "when": "Walk " * 40, "purpose": "x " * 90}] * 4
    case = make_case(medications=meds, clinician={"notes": "Walk.\n" * 300})
    assert render(case, site, TODAY).pdf.startswith(b"%PDF")
