"""How long the typical handout is, read from the PDF (issue 11 §4, docs: the content brief's
"Length"): the typical case (3 medicines, 3 lines of notes; conftest.TYPICAL_CASE, the case the
program ships in resources/samples/typical-case.json, which the benchmark measures too) fits 3
pages in normal print and 5 in large print in every one of the 20 languages, and two-language
handouts fit 6 and 10. The call-the-emergency-number box and the
call-your-care-team box are printed whole on page 1, every line of them found in page 1's text.

In a two-language handout in normal print all four boxes (two per language) are on page 1. In
large print the four cannot share one page at 16 pt: the patient's language has its two boxes on
page 1 and the second language its two right after them, on page 1 or 2 (content/bilingual.py)."""

import io
import re
import unicodedata

import pytest
from conftest import TODAY
from pdfread import page_count, pages_text
from pypdf import PdfReader

from vpdischarge.domain.text_rules import without_bidi_controls
from vpdischarge.pipeline import handout_markup, printable_languages, render
from vpdischarge.typeset.document import parse_markup
from vpdischarge.typeset.inline import plain_text
from vpdischarge.typeset.scripts import needs_shaping
from vpdischarge.typeset.styles import LARGE, NORMAL

ONE_LANGUAGE = {False: 3, True: 5}
TWO_LANGUAGES = {False: 6, True: 10}
PAIRS = [
    ("es", "en"),
    ("zh_Hans", "en"),
    ("ar", "en"),
    ("en", "fa"),
    ("de", "en"),
    ("fr", "en"),
    ("ru", "en"),
    ("tl", "en"),
]
SIZES = [pytest.param(False, id="normal"), pytest.param(True, id="large")]
BOXES = ("emergency", "call-care-team")


def box_lines(markup: str) -> dict[tuple[str, str], list[str]]:
    """(box id, language) -> the text of each heading, item and paragraph of that box, as the
    template wrote it for the typesetter."""
    found: dict[tuple[str, str], list[str]] = {}
    root = parse_markup(markup)
    for section in root.iter("section"):
        # A two-language large-print handout has a box per language ("emergency:en").
        box = section.get("id", "").split(":")[0]
        if box not in BOXES:
            continue
        parts = section.findall("part") or [section]
        for part in parts:
            language = part.get("lang") or root.get("lang", "")
            texts = [plain_text(e) for e in part.iter() if e.tag in ("heading", "item", "p")]
            found.setdefault((box, language), []).extend(t for t in texts if t.strip())
    return found


def _squeezed(text: str) -> str:
    """Text without white space, hyphens or invisible controls, so a line wrapped (or broken
    at a hyphen) on the page still matches the sentence it prints."""
    return "".join(
        ch for ch in text if not ch.isspace() and ch not in "-\u00ad" and unicodedata.category(ch) != "Cf"
    )


def missing_from_page(pdf: bytes, lines: list[str], page: int) -> list[str]:
    """The lines not printed on `page` (counted from 1). A line in letters that read back is
    looked for whole in the page's text; shaped letters (Arabic, Persian, Devanagari) read back
    as glyph codes, so of such a line its numbers and unshaped words are looked for (the
    bookmark test below checks those boxes too)."""
    printed = _squeezed(pages_text(pdf)[page - 1])
    missing = []
    for line in lines:
        if needs_shaping(line):
            words = re.findall(r"[^\W_]+", "".join(ch if not needs_shaping(ch) else " " for ch in line))
            if not all(_squeezed(word) in printed for word in words):
                missing.append(line)
        elif _squeezed(line) not in printed:
            missing.append(line)
    return missing


def bookmark_title(heading: str) -> str:
    return without_bidi_controls(heading).strip()


def box_pages(pdf: bytes) -> dict[str, list[int]]:
    """Bookmark title -> the pages it points to. A box's bookmark is set inside the box, which
    never splits, so it is on the box's page."""
    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, list[int]] = {}
    for item in reader.outline:
        pages.setdefault(item.title, []).append(reader.get_destination_page_number(item) + 1)
    return pages


def test_the_typical_case_is_the_brief_s_and_the_limits_are_not_met_by_small_print(case_data):
    # 3 medicines, 3 lines of notes: the case these limits are about.
    assert len(case_data["medications"]) == 3
    assert len(case_data["clinician"]["notes"].splitlines()) == 3
    # The minimum sizes of the content brief (12 pt, 16 pt in large print) are what prints.
    assert (NORMAL.body, LARGE.body) == (12, 16) and NORMAL.leading_factor >= 1.2


@pytest.mark.parametrize("large_print", SIZES)
@pytest.mark.parametrize("language", printable_languages())
def test_every_language_fits_its_pages_with_both_call_boxes_on_page_one(
    make_case, site, language, large_print
):
    case = make_case(language=language, large_print=large_print)
    pdf = render(case, site, TODAY).pdf
    assert page_count(pdf) <= ONE_LANGUAGE[large_print]
    boxes = box_lines(handout_markup(case, site, TODAY))
    assert sorted(boxes) == sorted((box, language) for box in BOXES)
    marks = box_pages(pdf)
    for (box, _language), lines in boxes.items():
        assert len(lines) >= 5, box  # a heading and its items: the box was read
        assert missing_from_page(pdf, lines, 1) == [], box
        assert marks[bookmark_title(lines[0])] == [1], box


@pytest.mark.parametrize("large_print", SIZES)
@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_two_language_handouts_fit_their_pages_with_the_call_boxes_first(
    make_case, site, first, second, large_print
):
    case = make_case(language=first, second_language=second, large_print=large_print)
    pdf = render(case, site, TODAY).pdf
    assert page_count(pdf) <= TWO_LANGUAGES[large_print]
    boxes = box_lines(handout_markup(case, site, TODAY))
    assert sorted(boxes) == sorted((box, code) for box in BOXES for code in (first, second))
    marks = box_pages(pdf)
    for (box, language), lines in boxes.items():
        if language == first or large_print:
            # Bookmarked by its heading (a box holding both languages by its first language's).
            [page] = marks[bookmark_title(lines[0])]
        else:
            page = 1
        # The second language's boxes follow the first's: in large print on page 1 or 2.
        assert page == 1 or (large_print and language == second and page == 2), (box, language)
        assert missing_from_page(pdf, lines, page) == [], (box, language, page)


def test_a_box_not_on_page_one_is_noticed(make_case, site):
    """The check reads the page: the second language's boxes of a large-print handout are on
    page 2, and page 1 does not show them."""
    case = make_case(language="es", second_language="en", large_print=True)
    pdf = render(case, site, TODAY).pdf
    english = box_lines(handout_markup(case, site, TODAY))[("call-care-team", "en")]
    assert missing_from_page(pdf, english, 1) == english
    assert missing_from_page(pdf, english, 2) == []
