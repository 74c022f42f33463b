"""Two-language handouts: patient's language first, each section paired with its counterpart."""

import io
import itertools

import pytest
from conftest import TODAY
from pdfread import all_text, page_count, pages_text
from pypdf import PdfReader

from vpdischarge.pipeline import check, printable_languages, render

MAX_PAGES = 6  # normal print, typical case


def outline(pdf: bytes) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]


def test_spanish_with_english_pairs_every_section_in_order(make_case, site):
    pdf = render(make_case(language="es", second_language="en"), site, TODAY).pdf
    text = all_text(pdf)
    order = [
        "Llame al 911 ahora mismo",
        "Call 911 now if you have:",
        "Cuidado de la zona donde entró la aguja",
        "Care of the needle site",
        "Sus medicamentos",
        "Your medicines",
        "Revisar y firmar",
        "Check and sign",
    ]
    positions = [text.index(phrase) for phrase in order]
    assert positions == sorted(positions)  # Spanish first, then its English counterpart
    assert page_count(pdf) <= MAX_PAGES


@pytest.mark.parametrize("pair", [("es", "en"), ("ar", "en"), ("zh_Hans", "es"), ("en", "fa")])
def test_call_boxes_of_both_languages_on_page_one(make_case, site, pair):
    first, second = pair
    pdf = render(make_case(language=first, second_language=second), site, TODAY).pdf
    marks = outline(pdf)
    assert len(marks) == 9 and [page for _, page in marks[:2]] == [1, 1]
    assert page_count(pdf) <= MAX_PAGES


def test_second_language_is_not_a_warning_any_more_but_the_same_language_twice_is(make_case, site):
    assert not [
        i
        for i in check(make_case(language="es", second_language="en"), site, TODAY)
        if i.field == "second_language"
    ]
    same = [
        i
        for i in check(make_case(language="es", second_language="es"), site, TODAY)
        if i.field == "second_language"
    ]
    assert same and same[0].severity == "warning"


def test_english_dose_in_an_arabic_table_keeps_its_order(make_case, site):
    import pdfplumber

    pdf = render(make_case(language="ar", second_language="en"), site, TODAY).pdf
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            words = page.extract_words()
            mg = [w for w in words if w["text"] == "mg"]
            for unit in mg:
                # The number of a typed dose ("500 mg") stands left of its unit on the same line.
                same_line = [w for w in words if abs(w["top"] - unit["top"]) < 2 and w["text"].isdigit()]
                if same_line:
                    nearest = min(same_line, key=lambda w: abs(w["x1"] - unit["x0"]))
                    assert nearest["x1"] <= unit["x0"]
    assert "Acetaminophen" in all_text(pdf)


@pytest.mark.parametrize("language", [code for code in printable_languages() if code != "en"])
def test_every_language_with_english_fits_six_pages(make_case, site, language):
    pdf = render(make_case(language=language, second_language="en"), site, TODAY).pdf
    assert page_count(pdf) <= MAX_PAGES
    assert len(outline(pdf)) == 9


CONTINUED_LABELS = {"en": "(continued)", "es": "(continuación)", "zh_Hans": "（续）", "de": "(Fortsetzung)"}


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(("first", "second"), [("es", "en"), ("zh_Hans", "en"), ("en", "es"), ("de", "en")])
def test_a_part_that_runs_on_repeats_its_own_heading_in_its_own_language(
    make_case, site, first, second, large_print
):
    # "Actividad (continuación)" printed above the English Activity lines, and "Sus
    # medicamentos (continuación)" right above "Your medicines": the section's first heading
    # was repeated whichever language's part ran on.
    pdf = render(make_case(language=first, second_language=second, large_print=large_print), site, TODAY).pdf
    alone = {
        language: _squeezed(
            all_text(render(make_case(language=language, large_print=large_print), site, TODAY).pdf)
        )
        for language in (first, second)
    }
    repeated = []
    for page in pages_text(pdf)[1:]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for line, after in itertools.pairwise(lines):
            for language in (first, second):
                label = CONTINUED_LABELS[language]
                if line.endswith(label):
                    repeated.append(line)
                    heading = line.removesuffix(label).strip()
                    assert _squeezed(heading) in alone[language], line
                    assert _squeezed(after) in alone[language], (line, after)
    assert repeated  # each of these handouts has parts that run on


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(("first", "second"), [("ar", "en"), ("en", "fa"), ("es", "en"), ("zh_Hans", "en")])
def test_each_language_s_short_medicine_list_stays_on_one_page(make_case, site, first, second, large_print):
    # In a two-language handout the table sits in a language's part, where the short-list rule
    # was not applied: the Arabic list of three printed one row on page 3 and two on page 4.
    pdf = render(make_case(language=first, second_language=second, large_print=large_print), site, TODAY).pdf
    names = ("Acetaminophen", "Senna", "Alendronate")  # typed in English: the same in both tables
    per_page = [[text.count(name) for name in names] for text in pages_text(pdf)]
    assert all(len(set(counts)) == 1 for counts in per_page), per_page
    assert sum(counts[0] for counts in per_page) == 2  # both tables were found
