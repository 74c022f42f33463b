"""Any script in any field: every character set in a font that has it, right-to-left in the
right visual order, shaped letters intact."""

import io
from functools import cache

import pdfplumber
import pytest
from conftest import TODAY
from fontTools.ttLib import TTFont
from pdfread import all_text

from vpdischarge.assets import fonts_dir
from vpdischarge.pipeline import check, render
from vpdischarge.typeset.document import PrintOptions, typeset
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.scripts import has_rtl

# One fictional name per script (12 scripts).
NAMES = {
    "Latin": "Zoë Ångström-Łukasiewicz",
    "Vietnamese": "Nguyễn Thị Ánh Tuyết",
    "Cyrillic": "Фатима Ивановна",
    "Greek": "Ελένη Παπαδοπούλου",
    "Arabic": "فاطمة الزهراء",
    "Persian": "پریسا کاظمی",
    "Devanagari": "अनीता शर्मा",
    "Han (Simplified)": "李小龙",
    "Han (Traditional)": "陳美麗",
    "Hiragana": "さくら",
    "Katakana": "タナカ",
    "Hangul": "김민준",
}
SHAPED_FONTS = ("NotoSansArabic", "NotoSansDevanagari")


@cache
def _bundled() -> dict[str, TTFont]:
    """Bundled fonts by PostScript name (the name a PDF uses) and by file stem (ReportLab's)."""
    fonts = {}
    for path in fonts_dir().glob("*.ttf"):
        font = TTFont(path, lazy=True)
        fonts[font["name"].getDebugName(6)] = fonts[path.stem] = font
    return fonts


@cache
def cmap(font_name: str) -> frozenset[int]:
    return frozenset(_bundled()[font_name].getBestCmap())


def chars_with_fonts(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for c in page.chars:
                yield c["text"], c["fontname"].split("+", 1)[-1]


def test_names_in_twelve_scripts_print_in_fonts_that_have_them(make_case, site):
    notes = "\n".join(NAMES.values())
    case = make_case(language="es", clinician={"notes": notes})
    assert not [i for i in check(case, site, TODAY) if i.severity == "error"]
    pdf = render(case, site, TODAY).pdf
    checked = 0
    for text, font in chars_with_fonts(pdf):
        if text.isspace() or font.startswith(SHAPED_FONTS):
            continue  # shaped glyphs come back as presentation forms; checked below by name
        assert ord(text) in cmap(font), (text, font)
        checked += 1
    assert checked > 500
    printed = all_text(pdf)
    for script, name in NAMES.items():
        if script not in ("Arabic", "Persian", "Devanagari"):
            assert name in printed, script
    fonts = {font for _, font in chars_with_fonts(pdf)}
    expected = {"DroidSansFallback", "NanumGothic", "NotoSansArabic-Regular", "NotoSansDevanagari-Regular"}
    assert expected <= fonts


def test_resolver_runs_never_use_a_font_without_the_glyph():
    resolver = FontResolver(("cjk",))
    for name in NAMES.values():
        for face, run in resolver.runs(f"({name}) 2026;"):
            missing = [ch for ch in run if not ch.isspace() and ord(ch) not in cmap(face)]
            assert not missing, (face, run, missing)


def test_words_crossing_fonts_keep_their_letters(make_case, site):
    # ReportLab shapes a word with its first font; "(中文)" starts in Noto Sans. See shaping_fix.py.
    case = make_case(language="es", clinician={"notes": "Nombre: 李小龍 (中文) y 김민준; अस्पताल."})
    assert "李小龍 (中文) y 김민준;" in all_text(render(case, site, TODAY).pdf)


def test_emoji_is_refused_not_printed_as_a_box(make_case, site):
    case = make_case(clinician={"notes": "Feeling good 👍"})
    assert any(i.field == "clinician.notes" and "U+1F44D" in i.message for i in check(case, site, TODAY))


RTL_MARKUP = """<handout lang="ar" dir="rtl" title="t"><page-header/><page-footer/>
<p>{text}</p></handout>"""


def visual_words(pdf: bytes) -> list[str]:
    """Words of the first line, left to right as printed."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        words = doc.pages[0].extract_words(keep_blank_chars=False, use_text_flow=False)
    top = min(w["top"] for w in words)
    return [w["text"] for w in sorted((w for w in words if abs(w["top"] - top) < 2), key=lambda w: w["x0"])]


def test_right_to_left_paragraph_is_right_aligned_and_in_visual_order():
    # Logical order: "call" "the-number" "911" "now." Read right to left, so printed left to
    # right it must be: "now." (full stop at the far left), "911", "the-number", "call".
    pdf = typeset(RTL_MARKUP.format(text="اتصل بالرقم 911 الآن."), PrintOptions(preferred_fonts=("arabic",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        chars = [c for c in page.chars if not c["text"].isspace()]
        assert max(c["x1"] for c in chars) > page.width * 0.85  # starts on the right
    words = visual_words(pdf)
    assert len(words) == 4
    assert words[1] == "911"  # digits keep their own left-to-right order
    assert words[0].startswith(".")  # the full stop ends the sentence: on the far left
    assert has_rtl(words[0]) and has_rtl(words[2]) and has_rtl(words[3])


def test_latin_word_inside_arabic_keeps_its_place():
    # "take Paracetamol": "take" comes first, so it is printed to the right of the drug name.
    pdf = typeset(RTL_MARKUP.format(text="خذ Paracetamol"), PrintOptions(preferred_fonts=("arabic",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = doc.pages[0].chars
    latin = [c for c in chars if c["text"].isascii() and c["text"].isalpha()]
    arabic = [c for c in chars if has_rtl(c["text"])]
    assert "".join(c["text"] for c in sorted(latin, key=lambda c: c["x0"])) == "Paracetamol"
    assert arabic and min(c["x0"] for c in arabic) > max(c["x1"] for c in latin)


def test_bidi_override_characters_are_neutralised_and_reported(make_case, site):
    sneaky = "Ana \u202eztreb\u202c Test"
    case = make_case(patient={"name": sneaky, "record_number": "R1"})
    warnings = [i for i in check(case, site, TODAY) if i.field == "patient.name"]
    assert warnings and warnings[0].severity == "warning" and "direction" in warnings[0].message
    assert "Ana ztreb Test" in all_text(render(case, site, TODAY).pdf)


def test_embedded_left_to_right_value_keeps_its_order_in_arabic():
    # The template embeds values such as spine levels (|ltr); they must read "T12, L1", with the
    # sentence's full stop at its end, which in Arabic is the far left.
    text = "الفقرات التي عولجت: \u202aT12, L1\u202c."
    pdf = typeset(RTL_MARKUP.format(text=text), PrintOptions(preferred_fonts=("arabic",)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = sorted(doc.pages[0].chars, key=lambda c: c["x0"])
    latin = "".join(c["text"] for c in chars if c["text"].isascii())
    assert latin.replace(" ", "") == ".T12,L1:"


def _not_rtl_in_visual_order(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = sorted(doc.pages[0].chars, key=lambda c: c["x0"])
    return "".join(c["text"] for c in chars if not has_rtl(c["text"]) and not c["text"].isspace())


@pytest.mark.parametrize("embedded_one_by_one", [False, True])
def test_a_fever_in_two_units_keeps_its_brackets_in_persian(embedded_one_by_one):
    """ "100.4°F (38.0°C)" in a Persian sentence: embedded as one unit it prints as written;
    embedded value by value (as before), the closing bracket took the sentence's direction."""
    from vpdischarge.content.formatting import Formatter

    fever = Formatter("fa", rtl=True).temperature(38.0, "F")
    if embedded_one_by_one:
        fever = "\u202a100.4°F\u202c (\u202a38.0°C\u202c)"
    markup = RTL_MARKUP.format(text=f"تب {fever} یا بیشتر").replace('lang="ar"', 'lang="fa"')
    printed = _not_rtl_in_visual_order(typeset(markup, PrintOptions(preferred_fonts=("arabic",))))
    if embedded_one_by_one:
        assert printed != "100.4°F(38.0°C)"
    else:
        assert printed == "100.4°F(38.0°C)"


def test_a_spine_level_does_not_pull_the_date_after_it_into_left_to_right():
    """Header "Vertebroplasty T12, L1 · 20 November 2026" in Arabic: the date (with Arabic
    letters) is embedded right to left, so its day stays with its month."""
    from datetime import date

    from vpdischarge.content.formatting import Formatter

    fmt = Formatter("ar", rtl=True)
    text = f"رأب الفقرة {fmt.isolate('T12, L1')} · {fmt.date(date(2026, 11, 20))}"
    printed = _not_rtl_in_visual_order(
        typeset(RTL_MARKUP.format(text=text), PrintOptions(preferred_fonts=("arabic",)))
    )
    # Left to right on paper: "2026", (month), "20", "·", "T12, L1", (procedure).
    assert printed == "202620·T12,L1"
