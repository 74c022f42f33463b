"""The handout PDF, read back: text, computed dates, fonts, pages, boxes, metadata."""

import io
import re
from dataclasses import replace

import pdfplumber
import pytest
from conftest import TODAY
from pdfread import (
    all_text,
    body_font_size,
    chars_outside_page,
    fonts,
    furniture_rules,
    metadata,
    page_count,
    pages_text,
    visual_lines,
)
from pypdf import PdfReader

from vpdischarge.pipeline import printable_languages, render

ENGLISH_HEADINGS = [
    "Going home after your vertebroplasty",
    "Call 911 now if you have:",
    "Call your care team if you have:",
    "Care of the needle site",
    "Your medicines",
    "Activity",
    "What to expect",
    "Your next visit",
    "Notes from your care team",
    "Check and sign",
]
SPANISH_DATES = ["20 de noviembre de 2026", "1 de enero de 2027", "22 de noviembre de 2026"]


@pytest.fixture(scope="module")
def english_pdf(request):
    from conftest import TYPICAL_CASE

    from vpdischarge.domain.case_file import case_from_dict
    from vpdischarge.domain.site import load_site

    case, _ = case_from_dict(TYPICAL_CASE)
    return render(case, load_site(None), TODAY).pdf


def test_every_section_heading_and_the_patient(english_pdf):
    text = all_text(english_pdf)
    for heading in ENGLISH_HEADINGS:
        assert heading in text
    assert "Maria Testcase Núñez" in text


def test_computed_dates_in_the_text(english_pdf):
    text = all_text(english_pdf)
    assert "Take the bandage off after 48 hours, on November 22, 2026." in text
    assert "For 6 weeks, do not lift more than 10 pounds (4.5 kg)." in text
    assert "From January 1, 2027, you may lift up to 20 pounds (9 kg)." in text
    assert "From February 20, 2027, you may lift more if your care team says it is OK." in text
    assert "Rest for 24 hours, until the same time on November 21, 2026." in text
    assert "Start your blood thinner again on November 22, 2026." in text
    assert "Your visit is on Friday, December 4, 2026 at 10:30" in text
    assert "between December 18, 2026 and January 1, 2027" in text


def test_fever_threshold_site_unit_first(english_pdf):
    assert "A fever of 100.4°F (38.0°C) or higher." in all_text(english_pdf)


def test_typical_case_fits_three_pages_and_header_footer_on_each(english_pdf):
    pages = pages_text(english_pdf)
    assert len(pages) <= 3
    for n, text in enumerate(pages, start=1):
        assert "Example General Hospital" in text
        assert text.count("Maria Testcase Núñez") >= 2  # header and footer
        assert "T-000123" in text and "March 2, 1948" in text
        assert f"Page {n} of {len(pages)}" in text
        assert "Version 2026.1" in text


def real(site):
    """The site without the SAMPLE band, which prints above the header."""
    return replace(site, sample=False)


def furniture_line_counts(pdf: bytes) -> tuple[int, int]:
    """Page 1's header and footer: how many printed lines each takes (above the rule under the
    header, below the rule over the footer)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        top, bottom = furniture_rules(page)
        counts = []
        for inside in (lambda c: c["bottom"] < top, lambda c: c["top"] > bottom):
            tops = {round(c["matrix"][5]) for c in page.chars if inside(c)}
            counts.append(len([t for t in tops if t - 1 not in tops]))  # as visual_lines merges
    return counts[0], counts[1]


def header_lines(pdf: bytes) -> list[str]:
    """Page 1's header, line by line."""
    return [line for line in visual_lines(pdf, range(1)) if line][: furniture_line_counts(pdf)[0]]


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", printable_languages())
def test_the_page_header_takes_two_lines_and_the_footer_one_in_every_language(
    make_case, site, language, large_print
):
    # The title beside the hospital's name, and the language code in the footer, are left out
    # where they would wrap their row: a third header line on every page pushed Russian and
    # Tagalog large print to a sixth page; the Portuguese large-print footer took two lines.
    case = make_case(language=language, large_print=large_print)
    assert furniture_line_counts(render(case, real(site), TODAY).pdf) == (2, 1)


def test_the_page_header_keeps_its_title_where_it_fits_and_drops_only_the_title(make_case, site):
    english = header_lines(render(make_case(large_print=True), real(site), TODAY).pdf)
    assert "Dischargeinstructions" in english[0]  # visual_lines compares without spaces
    russian = header_lines(render(make_case(language="ru", large_print=True), real(site), TODAY).pdf)
    assert "Рекомендации" not in " ".join(russian)
    assert "ExampleGeneralHospital" in russian[0] and "T12,L1" in russian[0]
    assert "T-000123" in russian[1]


def test_both_call_boxes_are_whole_on_page_one(english_pdf):
    first = " ".join(pages_text(english_pdf)[0].split())
    for line in [
        "Call 911 now if you have:",
        "Sudden weakness in your legs, or you cannot walk.",
        "Do not wait. Do not drive yourself to the hospital.",
        "Call your care team if you have:",
        "Throwing up for more than a day",
        "Daytime: +1 555 0100",
        "Nights and weekends: +1 555 0199",
    ]:
        assert line in first


def test_only_embedded_subset_fonts(english_pdf):
    found = fonts(english_pdf)
    assert found, "no fonts found"
    assert all(found.values()), found
    assert all(re.match(r"/[A-Z]{6}\+NotoSans", name) for name in found), found


def test_metadata_identifies_content_not_patient(english_pdf):
    meta = metadata(english_pdf)
    assert meta["/Title"] == "Going home after your vertebroplasty"
    assert "2026.1" in meta["/Subject"]
    assert "vpdischarge" in meta["/Creator"]
    joined = " ".join(meta.values())
    for private in ("Maria", "Núñez", "T-000123", "1948", "Example, Dr", "apixaban"):
        assert private not in joined


def test_body_text_size(english_pdf, make_case, site):
    assert body_font_size(english_pdf) >= 12
    large = render(make_case(large_print=True), site, TODAY).pdf
    assert body_font_size(large) >= 16
    assert page_count(large) <= 5
    assert "Call your care team if you have:" in " ".join(pages_text(large)[0].split())


def test_spanish_handout_uses_spanish_words_and_dates(make_case, site):
    handout = render(make_case(language="es"), site, TODAY)
    text = all_text(handout.pdf)
    for d in SPANISH_DATES:
        assert d in text
    assert "Llame al 911" in text
    assert "vertebroplastia" in text
    assert "Going home" not in text
    assert any(w.field == "language" for w in handout.warnings)


def test_kyphoplasty_and_local_anesthesia(make_case, site):
    case = make_case(procedure={"kind": "kyphoplasty", "date": "2026-11-20", "anesthesia": "local"})
    text = all_text(render(case, site, TODAY).pdf)
    assert "Going home after your kyphoplasty" in text
    assert "small balloon" in text
    assert "medicine to make you sleepy" not in text


def test_missing_optional_fields_get_sensible_text(site):
    from vpdischarge.domain.case_file import case_from_dict

    case, _ = case_from_dict(
        {"schema": 1, "patient": {"name": "Ana Test"}, "procedure": {"date": "2026-11-20"}, "language": "en"}
    )
    text = all_text(render(case, site, TODAY).pdf)
    assert "ask your care team before you start it again" in text
    assert "Call +1 555 0100 to set up a visit in 1 to 2 weeks" in text


def test_a4_kg_site(make_case):
    from vpdischarge.domain.site import parse_site

    site = parse_site('[hospital]\nemergency_number = "112"\n[print]\npaper = "a4"\nweight_unit = "kg"\n')
    pdf = render(make_case(), site, TODAY).pdf
    text = all_text(pdf)
    assert "Call 112 now" in text and "4.5 kilograms (10 lb)" in text
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_no_text_runs_off_the_page(make_case, site):
    case = make_case(clinician={"notes": "W" * 500 + "\n" + "long " * 400})
    assert chars_outside_page(render(case, site, TODAY).pdf) == 0


MEDICINES = ("Acetaminophen", "Senna", "Alendronate")
LIMITS = {False: 3, True: 5}  # normal print, large print: pages for the typical case
SECTIONS = 9


def outline_pages(pdf: bytes) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", printable_languages())
def test_every_language_has_all_sections_and_both_call_boxes_on_page_one(
    make_case, site, language, large_print
):
    pdf = render(make_case(language=language, large_print=large_print), site, TODAY).pdf
    outline = outline_pages(pdf)
    assert len(outline) == SECTIONS
    assert [page for _, page in outline[:2]] == [1, 1]  # the emergency and call-your-care-team boxes
    # Both boxes are single table cells, which never split: on page 1 means whole on page 1.
    assert page_count(pdf) <= LIMITS[large_print] + 1


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
def test_page_limits_in_english_and_spanish(make_case, site, large_print):
    for language in ("en", "es"):
        assert (
            page_count(render(make_case(language=language, large_print=large_print), site, TODAY).pdf)
            <= LIMITS[large_print]
        )


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", printable_languages())
def test_the_medicine_list_and_the_sign_off_each_stay_on_one_page(make_case, site, language, large_print):
    """Three medicines are read as one list, and the nurse's checklist is signed where it is
    ticked: neither is split across pages, in any language."""
    pdf = render(make_case(language=language, large_print=large_print), site, TODAY).pdf
    pages = [" ".join(text.split()) for text in pages_text(pdf)]
    on_pages = {name: [n for n, text in enumerate(pages, 1) if name in text] for name in MEDICINES}
    assert len({tuple(found) for found in on_pages.values()}) == 1, on_pages
    assert len(on_pages["Acetaminophen"]) == 1, on_pages
    sign_page = outline_pages(pdf)[-1][1]  # "Check and sign" is the last section
    assert sign_page == len(pages)  # nothing after it
    assert [n for n, text in enumerate(pages, 1) if "ID 4471" in text] == [sign_page]  # the last line


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(
    "interpreter",
    [
        "ID 4471",
        "Ana María Gutiérrez-Fernández (ID 4471)",
        # Pre-filled from an agency's system: long, and without a space to break at.
        "Interpreter-ID-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-abcdefghijklmnopqrstuvwxyz",
    ],
)
def test_a_long_interpreter_id_sits_on_its_line_below_the_checklist(
    make_case, site, interpreter, large_print
):
    # It took several lines in its narrow column and grew upwards over the teach-back list:
    # the row of signature lines now takes the height of its longest pre-filled text.
    pdf = render(make_case(interpreter=interpreter, large_print=large_print), real(site), TODAY).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[-1]
        words = page.extract_words()
        last_item = max(w["bottom"] for w in words if w["text"] == "until")  # "...and until when."
        label = next(w for w in words if w["text"] == "Interpreter" and w["top"] > last_item)
        above_label = [w for w in words if last_item < w["bottom"] <= label["top"]]
        value = "".join(w["text"] for w in sorted(above_label, key=lambda w: (round(w["top"]), w["x0"])))
    assert value == interpreter.replace(" ", "")  # all of it, in order, between the two


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["en", "ar", "de", "zh_Hans"])
def test_every_drawn_line_stays_within_the_margins(make_case, site, language, large_print):
    # The date's signature line ran 4 pt past the right margin on the last page.
    from vpdischarge.typeset.styles import LARGE, NORMAL

    margin = (LARGE if large_print else NORMAL).margin
    pdf = render(make_case(language=language, large_print=large_print), real(site), TODAY).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for line in page.lines + page.rects:
                assert margin - 1 <= line["x0"] and line["x1"] <= page.width - margin + 1, (
                    page.page_number,
                    line["x1"],
                )
