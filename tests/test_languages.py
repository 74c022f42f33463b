"""Every handout language read back, and the line-breaking rules of Chinese, Japanese, Korean."""

import io
from datetime import date

import pdfplumber
import pytest
from conftest import TODAY
from pdfread import all_text, chars_outside_page

from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.locales import at_site, find_locale
from vpdischarge.pipeline import handout_markup, printable_languages, render
from vpdischarge.typeset.document import parse_markup
from vpdischarge.typeset.inline import plain_text
from vpdischarge.typeset.scripts import needs_shaping

PROCEDURE_DAY = date(2026, 11, 20)
CLOSING = "，。、：；！？）」』】"


def test_all_twenty_languages_print():
    assert len(printable_languages()) == 20


@pytest.mark.parametrize("language", printable_languages())
def test_handout_names_the_patient_and_dates_the_procedure_in_the_language(make_case, site, language):
    case = make_case(language=language)
    locale = find_locale(language)
    babel_date = Formatter(at_site(locale, site.country).babel, language=language).date(PROCEDURE_DAY)
    # The typesetter receives the CLDR date (in every language; Creole's from our own table) ...
    assert babel_date in handout_markup(case, site, TODAY)
    text = all_text(render(case, site, TODAY).pdf)
    assert "Maria Testcase Núñez" in text
    # ... and it reads back from the PDF wherever text extraction can undo the typesetting
    # (shaped Arabic and Devanagari come back as presentation forms, not letters).
    if not needs_shaping(babel_date):
        squeeze = "".join if locale.breaks_between_characters else " ".join
        assert squeeze(babel_date.split()) in squeeze(text.split())


def lines_of(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [line for page in doc.pages for line in (page.extract_text() or "").splitlines()]


@pytest.mark.parametrize("language", ["zh_Hans", "zh_Hant", "ja"])
def test_chinese_and_japanese_wrap_between_characters_not_before_closing_punctuation(
    make_case, site, language
):
    notes = (
        "请按时服药，多喝水，注意休息。" * 12
        if language != "ja"
        else "薬をきちんと飲み、水をたくさん飲んでください。" * 10
    )
    pdf = render(make_case(language=language, clinician={"notes": notes}), site, TODAY).pdf
    lines = [line.strip() for line in lines_of(pdf) if line.strip()]
    assert not [line for line in lines if line[0] in CLOSING]
    # Lines break inside runs of characters, with no space needed: a line that ends with a Han or
    # kana character is followed by one that starts with one.
    cjk = lambda ch: "\u3040" <= ch <= "\u9fff"  # noqa: E731
    assert any(cjk(a[-1]) and cjk(b[0]) for a, b in zip(lines, lines[1:], strict=False))
    assert chars_outside_page(pdf) == 0


def test_korean_wraps_at_spaces_only(make_case, site):
    case = make_case(language="ko")
    root = parse_markup(handout_markup(case, site, TODAY))
    text_tags = {"title", "p", "heading", "item", "cell", "line", "left", "center", "right"}
    source_words = {w for el in root.iter() if el.tag in text_tags for w in plain_text(el).split()}
    source_words |= {
        w
        for el in root.iter()
        for k in ("label", "date-label", "sample-note", "continued")
        for w in el.get(k, "").split()
    }
    hangul = lambda w: any("\uac00" <= ch <= "\ud7a3" for ch in w)  # noqa: E731
    for line in lines_of(render(case, site, TODAY).pdf):
        for word in line.split():
            if hangul(word):  # never a Korean word cut in two (page numbers are filled in late)
                assert word in source_words or word.lstrip("0123456789") in source_words, (word, line)


@pytest.mark.parametrize("language", ["zh_Hans", "zh_Hant", "ja"])
def test_chinese_and_japanese_bold_is_drawn_bold(make_case, site, language):
    """The Han and kana font has no bold face; bold text (the emergency box, headings) is drawn
    filled and outlined, in a face of its own, and everything after it is filled only again."""
    from pdfread import fonts
    from pypdf import PdfReader

    pdf = render(make_case(language=language), site, TODAY).pdf
    # The same file embedded twice: once plain, once for the outlined (bold) glyphs.
    assert [ok for name, ok in fonts(pdf).items() if name.endswith("DroidSansFallback")] == [True, True]
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert content.count(" 2 Tr ") + content.count("2 Tr ") >= 1
    assert content.count("2 Tr") == content.count("0 Tr")  # every outline switched off again
