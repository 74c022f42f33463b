"""Line breaks (issue 11, §5): a value never splits over two lines, in any language, and Chinese
and Japanese lines follow the line-start and line-end rules (kinsoku).

The handouts are rendered by the real pipeline and read back line by line (pypdf's text keeps
each printed line, header and footer cells included, on a line of its own).
"""

import copy
import itertools
from datetime import date
from xml.etree.ElementTree import Element

import pytest
from conftest import TODAY, TYPICAL_CASE
from pdfread import all_text, appears_in_logical_order, furniture_rules, pages_text
from reportlab.lib.styles import ParagraphStyle

from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.case_file import case_from_dict
from vpdischarge.domain.locales import at_site, find_locale
from vpdischarge.domain.site import load_site
from vpdischarge.pipeline import render
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import make_paragraph
from vpdischarge.typeset.line_breaks import (
    WORD_JOINER,
    UnitParagraph,
    glue_units,
    may_break_between,
)

FSI, PDI = "\u2068", "\u2069"
# What issue 11 saw at the start and at the end of Chinese and Japanese lines.
NEVER_STARTS = "，。、）」』】！？：；"
NEVER_ENDS = "（「『【"
LONG_SURNAME = "Okonkwo-Vanderbilt-Fitzgerald"
# Name lengths that put the date of birth at the end of the Japanese and Chinese header's first
# line in large print ("1942年6月 / 15日" before the fix), and names that split in the footer.
HEADER_NAMES = [
    "Okonkwo Fitzgerald Vanderbilt SmithO",
    "Okonkwo Fitzgerald Vanderbilt SmithOko",
    "Chukwuemeka Okonkwo-Vanderbilt",
]
CJK_DATES = {
    "ja": ["1942年6月15日", "2026年11月20日", "2026年11月22日", "2026年12月4日"],
    "zh_Hans": ["1942年6月15日", "2026年11月20日", "2026年11月22日", "2026年12月4日"],
}


def _render(language: str, large_print: bool, name: str, **patient) -> bytes:
    data = copy.deepcopy(TYPICAL_CASE)
    data.update(language=language, large_print=large_print)
    data["patient"].update(name=name, date_of_birth="1942-06-15", record_number="TEST-0001", **patient)
    case, _ = case_from_dict(data)
    return render(case, load_site(None), TODAY).pdf


def _lines(pdf: bytes) -> list[str]:
    return [line.strip() for page in pages_text(pdf) for line in page.splitlines() if line.strip()]


def splits(lines: list[str], value: str, allowed: str = "") -> list[str]:
    """Where `value` is printed split over two consecutive lines, as "head / tail" (a split
    after a character of `allowed`, such as a space or a hyphen, is not reported)."""
    found = []
    for first, second in zip(lines, lines[1:], strict=False):
        for cut in range(1, len(value)):
            head, tail = value[:cut].rstrip(), value[cut:].lstrip()
            if not head or not tail or value[cut - 1] in allowed or (value[cut] == " " and " " in allowed):
                continue
            if first.endswith(head) and second.startswith(tail):
                found.append(f"{head} / {tail}")
    return found


# -- the rule on its own ----------------------------------------------------------------------------


def test_the_break_rule_between_two_characters():
    assert may_break_between("日", "本")  # between Han characters
    assert may_break_between("す", "A") and may_break_between("A", "す")
    assert may_break_between(" ", "A")  # after a space
    assert not may_break_between("A", " ")  # never before one
    assert not may_break_between("a", "b")  # never inside a Latin word or a number
    assert not may_break_between("1", "2")
    assert not may_break_between("\u00a0", "A") and not may_break_between("A", "\u00a0")
    for closing in NEVER_STARTS:
        assert not may_break_between("字", closing), closing
    for opening in NEVER_ENDS:
        assert not may_break_between(opening, "字"), opening


def test_units_are_glued_for_either_kind_of_line_breaking():
    text = f"生年月日：{FSI}1942年6月15日{PDI} · {FSI}Ana María{PDI}"
    glued, depth = glue_units(text, cjk=True)
    assert depth == 0
    assert f"1{WORD_JOINER}9{WORD_JOINER}4" in glued and f"5{WORD_JOINER}日" in glued
    assert "：" + FSI + "1" in glued  # the label may still break from the value
    assert glued.replace(WORD_JOINER, "") == text
    latin, _ = glue_units(f"Born {FSI}March 2, 1948{PDI} on", cjk=False)
    assert latin == f"Born {FSI}March\u00a02,\u00a01948{PDI} on"


def _cjk_lines(text: str, width: float) -> list[str]:
    resolver = FontResolver(["cjk"])
    style = ParagraphStyle("t", fontName=resolver.base_face, fontSize=10, leading=12, wordWrap="CJK")
    element = Element("p")
    element.text = text
    paragraph = make_paragraph(element, resolver, style)
    assert isinstance(paragraph, UnitParagraph)
    paragraph.wrap(width, 1000)
    return ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]


def test_the_chinese_line_breaker_keeps_punctuation_and_units():
    # Ten characters to a line of 100 points at 10 points: the eleventh is where it breaks.
    lines = _cjk_lines("一二三四五六七八九十（注意）一二三", 100)
    assert all(not line.endswith(tuple(NEVER_ENDS)) for line in lines), lines
    lines = _cjk_lines("一二三四五六七八九，十一二三四五六七八九十：一二", 100)
    assert all(not line.startswith(tuple(NEVER_STARTS)) for line in lines), lines
    lines = _cjk_lines(f"一二三四五六七{FSI}1942年6月15日{PDI}です。", 100)
    assert any("1942年6月15日" in line for line in lines), lines
    assert all(WORD_JOINER not in line for line in lines)
    # A unit longer than a line breaks at its own spaces, and as a last resort anywhere.
    lines = _cjk_lines(f"{FSI}Ana Maria Okonkwo Fitzgerald{PDI}", 100)
    assert lines[0] in ("Ana Maria", "Ana Maria Okonkwo"), lines
    lines = _cjk_lines(f"{FSI}{'一' * 25}{PDI}", 100)
    assert len(lines) == 3, lines


# -- rendered handouts -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ja", "zh_Hans"])
@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("name", HEADER_NAMES)
def test_no_value_splits_in_chinese_and_japanese(language, large_print, name):
    pdf = _render(language, large_print, name)
    lines = _lines(pdf)
    text = all_text(pdf)
    for value in [*CJK_DATES[language], "TEST-0001", "+1 555 0100"]:
        assert value in text, value
        assert not splits(lines, value), (value, splits(lines, value))
    # The name fits on one line of the header: it is never split there; in the narrower footer
    # cell it may break at its own spaces or hyphens, never inside a word.
    assert not splits(lines, name, allowed=" -"), splits(lines, name, allowed=" -")


@pytest.mark.parametrize("language", ["ja", "zh_Hans", "zh_Hant"])
@pytest.mark.parametrize("large_print", [False, True])
def test_chinese_and_japanese_lines_start_and_end_as_the_rules_say(language, large_print):
    pdf = _render(language, large_print, "Maria Testcase Núñez")
    lines = _lines(pdf)
    starting = [line for line in lines if line[0] in NEVER_STARTS]
    ending = [line for line in lines if line[-1] in NEVER_ENDS]
    assert not starting and not ending, (starting, ending)


@pytest.mark.parametrize("language", ["en", "es", "de", "ru", "it", "pt_BR", "ja", "zh_Hans"])
@pytest.mark.parametrize("name", [LONG_SURNAME, f"Adaeze {LONG_SURNAME}"])
def test_a_long_surname_in_the_large_print_footer_breaks_only_at_its_hyphens(language, name):
    pdf = _render(language, True, name)
    lines = _lines(pdf)
    assert not splits(lines, name, allowed=" -"), splits(lines, name, allowed=" -")
    assert not splits(lines, "TEST-0001")


@pytest.mark.parametrize("language", ["en", "es", "de", "fr", "ru", "vi"])
def test_dates_phones_and_amounts_never_split_in_other_languages(language):
    fmt = Formatter(at_site(find_locale(language), load_site(None).country).babel, language=language)
    values = [fmt.date(date(1942, 6, 15)), fmt.date(date(2026, 11, 22)), "+1 555 0100", "TEST-0001"]
    values.append(fmt.weight(10, "lb").split(" (")[0])  # "10 pounds", as the handout prints it
    pdf = _render(language, True, "Chukwuemeka Okonkwo-Vanderbilt")
    lines = _lines(pdf)
    text = all_text(pdf)
    for value in values:
        assert " ".join(value.split()) in text, value
        assert not splits(lines, value), (value, splits(lines, value))


def test_a_chinese_paragraph_split_over_two_pages_keeps_its_units_and_adds_no_spaces():
    resolver = FontResolver(["cjk"])
    style = ParagraphStyle("t", fontName=resolver.base_face, fontSize=10, leading=12, wordWrap="CJK")
    element = Element("p")
    element.text = "一二三四五六七八九十" * 2 + f"一二三四五六{FSI}1942年6月15日{PDI}一二三四五六七八九十"
    paragraph = make_paragraph(element, resolver, style)
    paragraph.wrap(100, 1000)
    first, rest = paragraph.split(100, 24)  # two lines on this page
    rest.wrap(100, 1000)
    lines = ["".join(w.text for w in line.words) for line in rest.blPara.lines]
    assert lines[0].startswith("一二三四五六"), lines  # the rest starts where the page ended
    assert any("1942年6月15日" in line for line in lines), lines
    assert all(" " not in line and WORD_JOINER not in line for line in lines), lines


SENTENCES = {
    False: "Walk a little more each day, and rest when you are tired.",
    True: "امشِ قليلاً أكثر كل يوم، واسترح عندما تتعب.",  # right to left: bidi_paragraph.py
}


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
@pytest.mark.parametrize("style_name", ["body", "bullet", "lead", "cell"])
@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
def test_a_paragraph_split_over_two_pages_leaves_no_line_alone(style_name, large_print, rtl):
    # The last line of the opening paragraph printed alone at the top of page 2 (de, ru, tl
    # large print; Arabic and Persian list items): a lone last (or first) line is allowed
    # unless the style says not, and right-to-left paragraphs split in code of their own.
    from vpdischarge.typeset.styles import make_styles

    resolver = FontResolver([])
    style = getattr(make_styles(large_print, resolver.base_face, rtl=rtl), style_name)
    element = Element("p")
    element.text = " ".join([SENTENCES[rtl]] * 6)
    paragraph = make_paragraph(element, resolver, style, rtl_base=rtl)
    width = 300

    def lines(part) -> int:
        part.wrap(width, 10_000)
        return len(part.getActualLineWidths0())

    total = lines(paragraph)
    assert total >= 4
    for room in range(1, total):  # room for that many lines on the page
        parts = paragraph.split(width, style.leading * room + 0.5)
        counts = [lines(part) for part in parts]
        assert parts == [] or (len(parts) == 2 and min(counts) >= 2 and sum(counts) == total), (room, counts)


# -- a section that runs on to the next page ---------------------------------------------------------

CONTINUED = {"en": "(continued)", "ja": "（続き）", "de": "(Fortsetzung)", "zh_Hans": "（续）"}


def _body_first_lines(pdf: bytes) -> list[str]:
    """The first line of each page's body: after the SAMPLE band and the page header."""
    firsts = []
    for page in pages_text(pdf):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        firsts.append(lines[0])
    return firsts


# Handouts where a section runs on and repeating its heading costs no page (where it would, the
# handout is printed without: see the next test).
@pytest.mark.parametrize(
    ("language", "large_print"), [("en", True), ("de", True), ("ja", True), ("zh_Hans", True)]
)
def test_a_section_that_runs_on_repeats_its_heading_marked_as_continued(language, large_print):
    pdf = _render(language, large_print, "Maria Testcase Núñez")
    label = CONTINUED[language]
    firsts = _body_first_lines(pdf)
    continued = [line for line in firsts[1:] if line.endswith(label)]
    assert continued, firsts
    text = all_text(pdf)
    for line in continued:
        heading = line.removesuffix(label).rstrip()
        assert heading and text.count(heading) >= 2, line  # the heading itself came before
    for page in pages_text(pdf)[1:]:
        # A section whose heading starts the page has not run on: its heading is not doubled
        # ("Your next visit (continued)" over "Your next visit", when the section's outline
        # mark was left at the foot of the page before).
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines[0].endswith(label):
            assert lines[1] != lines[0].removesuffix(label).rstrip(), lines[:2]


# Typical handouts where a section's heading did not fit at the foot of a page (found by
# rendering the typical case in every language with the outline mark left behind).
@pytest.mark.parametrize(
    ("language", "large_print"),
    [("es", False), ("fr", True), ("tr", False), ("uk", True), ("uk", False), ("pl", True)],
)
def test_a_heading_moved_to_the_next_page_takes_its_section_with_it(make_case, site, language, large_print):
    """The heading, its outline entry and its first lines all start the next page, with no
    "(continued)" before it: the outline mark left at the foot of the page before made that
    page's section the one that "ran on", and its heading printed twice, once marked continued."""
    pdf = render(make_case(language=language, large_print=large_print), site, TODAY).pdf
    doubled = []
    for page in pages_text(pdf)[1:]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for line, after in itertools.pairwise(lines):
            if line.endswith(")") and "(" in line and after == line[: line.rindex("(")].strip():
                doubled.append(line)
    assert doubled == []


def test_repeated_headings_never_add_a_page():
    from vpdischarge.pipeline import handout_markup
    from vpdischarge.typeset.document import PrintOptions, typeset

    data = copy.deepcopy(TYPICAL_CASE)
    data["language"] = "es"  # a section runs on, and the repeated heading would need a fourth page
    case, _ = case_from_dict(data)
    site = load_site(None)
    markup = handout_markup(case, site, TODAY)
    assert 'continued="(continuación)"' in markup
    options = PrintOptions(preferred_fonts=("noto-sans",))
    plain = typeset(markup.replace('continued="(continuación)"', ""), options)
    assert len(pages_text(typeset(markup, options))) == len(pages_text(plain)) == 3


@pytest.mark.parametrize("language", ["es", "vi", "ru", "pl", "pt_BR", "tr"])
def test_a_dose_is_not_split_in_the_large_print_medicine_table(language):
    # The dose column was as wide as "500", so "500 / mg" in large print.
    lines = _lines(_render(language, True, "Maria Testcase Núñez"))
    for dose in ("500 mg", "8.6 mg", "70 mg"):
        assert not splits(lines, dose), (dose, splits(lines, dose))


# Twenty medicines (the most a case holds), varied as a real list is: the table's column search
# is bounded (typeset/table_columns.py), and the long list still keeps each dose whole.
LONG_LIST = [
    ("Acetaminophen", "500 mg", "Every 6 hours if needed", "Pain"),
    ("Oxycodone", "5 mg", "Every 4 hours if needed for bad pain", "Strong pain"),
    ("Senna", "8.6 mg", "At bedtime", "Constipation"),
    ("Polyethylene glycol", "17 g", "Once a day in a glass of water", "Constipation"),
    ("Alendronate", "70 mg", "Once a week before breakfast", "Bone strength"),
    ("Calcium carbonate", "600 mg", "Twice a day with food", "Bones"),
    ("Vitamin D3", "1000 units", "Once a day", "Bones"),
    ("Apixaban", "5 mg", "Twice a day from the restart date", "Blood thinner"),
    ("Metoprolol succinate", "25 mg", "Once a day", "Blood pressure"),
    ("Lisinopril", "10 mg", "Once a day", "Blood pressure"),
    ("Atorvastatin", "40 mg", "At bedtime", "Cholesterol"),
    ("Metformin", "500 mg", "Twice a day with meals", "Diabetes"),
    ("Levothyroxine", "75 mcg", "Every morning on an empty stomach", "Thyroid"),
    ("Omeprazole", "20 mg", "Before breakfast", "Stomach"),
    ("Cyclobenzaprine", "5 mg", "Up to three times a day if needed", "Muscle spasm"),
    ("Gabapentin", "300 mg", "Three times a day", "Nerve pain"),
    ("Tamsulosin", "0.4 mg", "Half an hour after the same meal each day", "Prostate"),
    ("Sertraline", "50 mg", "Once a day", "Mood"),
    ("Docusate sodium", "100 mg", "Twice a day", "Stool softener"),
    ("Lidocaine patch", "1 patch", "12 hours on, 12 hours off", "Back pain"),
]


@pytest.mark.parametrize("language,large_print", [("en", True), ("de", True), ("ar", False)])
def test_twenty_varied_medicines_print_every_name_and_keep_every_dose_whole(language, large_print):
    from vpdischarge.domain.validation import MAX_MEDICATIONS

    assert len(LONG_LIST) == MAX_MEDICATIONS
    data = copy.deepcopy(TYPICAL_CASE)
    data.update(language=language, large_print=large_print)
    data["medications"] = [
        {"name": name, "dose": dose, "when": when, "purpose": purpose}
        for name, dose, when, purpose in LONG_LIST
    ]
    case, _ = case_from_dict(data)
    pdf = render(case, load_site(None), TODAY).pdf
    lines = _lines(pdf)
    for name, dose, _, _ in LONG_LIST:
        assert appears_in_logical_order(lines, name), name
        assert not splits(lines, dose), (dose, splits(lines, dose))


def test_a_box_taller_than_a_page_is_refused_with_the_message_not_a_crash():
    """A call-out box never splits; one that outgrew the page is refused in plain words."""
    from vpdischarge.typeset.document import PrintOptions, TooLargeToPrint, typeset

    items = "".join(f"<item>Line {n} of a box that outgrew the page.</item>" for n in range(120))
    markup = (
        f'<handout><section box="emergency"><heading>Call</heading><list>{items}</list></section></handout>'
    )
    with pytest.raises(TooLargeToPrint, match="too long to fit on a page"):
        typeset(markup, PrintOptions())


def _last_body_line_sizes(pdf: bytes) -> list[float]:
    """Per page but the last: the largest font size on the page's last line of body text
    (between the rule under the header and the rule over the footer)."""
    import io

    import pdfplumber

    sizes = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages[:-1]:
            top, bottom = furniture_rules(page)
            body = [c for c in page.chars if top < c["top"] and c["bottom"] < bottom and c["text"].strip()]
            last = min(round(c["matrix"][5]) for c in body)  # the baseline nearest the page's foot
            sizes.append(max(round(c["size"]) for c in body if abs(round(c["matrix"][5]) - last) <= 1))
    return sizes


HANDOUTS = [(language, None) for language in ("en", "de", "pt_BR", "ru", "tl", "uk", "ja", "ar")] + [
    ("en", "fa"),
    ("es", "en"),
]


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize(("language", "second"), HANDOUTS, ids=[f"{a}+{b}" if b else a for a, b in HANDOUTS])
def test_no_page_ends_with_a_section_heading(make_case, site, language, second, large_print):
    # "Cuidados com o local da agulha" sat alone at the foot of page 1 in pt_BR large print:
    # the heading, its outline mark and its first lines fitted as a group only because the
    # group measured its space above from the zero-height mark.
    from vpdischarge.typeset.styles import LARGE, NORMAL

    case = make_case(language=language, second_language=second, large_print=large_print)
    heading = (LARGE if large_print else NORMAL).heading
    assert heading not in _last_body_line_sizes(render(case, site, TODAY).pdf)


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["es", "zh_Hans", "ru", "en"])
def test_the_clinician_s_name_stays_with_the_last_line_of_the_notes(make_case, site, language, large_print):
    # Spanish large print: "— Dr. A. Example" alone under "Notas ... (continuación)" on page 5.
    long_notes = "\n".join(f"Note line {n}: walk a little more each day." for n in range(1, 9))
    for notes in (TYPICAL_CASE["clinician"]["notes"], long_notes):
        clinician = {**TYPICAL_CASE["clinician"], "notes": notes}
        pdf = render(
            make_case(language=language, large_print=large_print, clinician=clinician), site, TODAY
        ).pdf
        last_line = notes.splitlines()[-1]
        pages = ["".join(text.split()) for text in pages_text(pdf)]
        signed = [n for n, text in enumerate(pages) if "—Dr.A.Example" in text]
        assert signed and "".join(last_line.split()) in pages[signed[0]], (language, notes[:20])


@pytest.mark.parametrize(
    ("language", "second", "large_print"),
    [
        ("es", "en", False),
        ("ht", None, False),
        ("vi", None, False),
        ("zh_Hans", "en", True),
        ("en", None, True),
    ],
)
def test_the_visit_s_date_place_and_phone_stay_on_one_page(make_case, site, language, second, large_print):
    # The date and time sat at the foot of one page, the place and phone on the next.
    case = make_case(language=language, second_language=second, large_print=large_print)
    pages = ["".join(text.split()) for text in pages_text(render(case, site, TODAY).pdf)]
    for page in pages:
        assert ("SpineClinic" in page) == ("10:30" in page), [
            ("SpineClinic" in p, "10:30" in p) for p in pages
        ]
