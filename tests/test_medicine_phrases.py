"""Standard medicine phrases print in the patient's language; other entries print as typed,
with a note on the handout and a warning for the nurse."""

import pytest
from conftest import TODAY
from pdfread import all_text

from vpdischarge.content.catalogs import translations_for
from vpdischarge.content.medicine_phrases import KINDS, in_language, phrases, untranslated_fields
from vpdischarge.domain.locales import LOCALES
from vpdischarge.pipeline import check, printable_languages, render


def spanish(message: str) -> str:
    return translations_for("es").gettext(message)


def test_the_typical_cases_phrases_print_in_spanish_with_the_nurses_capitals(make_case, site):
    text = all_text(render(make_case(language="es"), site, TODAY).pdf)
    for source in ("every 6 hours if needed", "pain"):
        translated = spanish(source)
        assert translated != source
        assert translated in text or translated[0].upper() + translated[1:] in text
    assert "every 6 hours if needed" not in text.lower()
    assert "bone strength" not in text.lower()
    assert (
        spanish("Some entries in this table are in %(language)s, as your care team wrote them.")
        .split("%")[0]
        .strip()
        not in text
    )


def test_a_phrase_of_its_own_prints_as_typed_with_a_note_and_a_warning(make_case, site, case_data):
    case = make_case(
        language="es",
        medications=[
            {"name": "Senna", "dose": "8.6 mg", "when": "after lunch, with water", "purpose": "pain"}
        ],
    )
    text = all_text(render(case, site, TODAY).pdf)
    assert "after lunch, with water" in text
    assert spanish("pain") in text.lower()
    note = spanish("Some entries in this table are in %(language)s, as your care team wrote them.")
    assert note % {"language": "inglés"} in text
    warnings = [i for i in check(case, site, TODAY) if i.field.startswith("medications")]
    assert [(i.field, i.severity) for i in warnings] == [("medications[1].when", "warning")]
    assert "as typed" in warnings[0].message


def test_an_english_handout_neither_warns_nor_notes(make_case, site):
    case = make_case(medications=[{"name": "Senna", "when": "after lunch", "purpose": "pain"}])
    assert not [i for i in check(case, site, TODAY) if i.field.startswith("medications")]
    assert "Some entries in this table" not in all_text(render(case, site, TODAY).pdf)


def test_a_second_language_other_than_the_nurses_also_warns(make_case, site):
    case = make_case(
        language="en", second_language="vi", medications=[{"name": "Senna", "when": "after lunch"}]
    )
    assert [
        i.field for i in check(case, site, TODAY) if i.severity == "warning" and "medications" in i.field
    ] == ["medications[1].when"]


def test_matching_ignores_case_spacing_and_a_final_period_and_accepts_the_nurses_language():
    spanish_phrase = spanish("every 6 hours if needed")
    capitalised = spanish_phrase[0].upper() + spanish_phrase[1:]
    assert in_language("  Every 6  hours if needed. ", "when", "es", "en") == capitalised
    assert in_language("every 6 hours if needed", "when", "es", "en") == spanish_phrase
    # A Spanish-speaking nurse (notes language "es") types Spanish; a Vietnamese handout gets Vietnamese.
    vietnamese = translations_for("vi").gettext("at bedtime")
    assert in_language(spanish("at bedtime"), "when", "vi", "es") == vietnamese
    assert in_language("after lunch", "when", "vi", "en") is None


def test_entries_without_letters_are_not_flagged(make_case):
    case = make_case(medications=[{"name": "Senna", "when": "08:00 / 20:00", "purpose": ""}])
    assert untranslated_fields(case, "en", "es") == []


@pytest.mark.parametrize("code", [loc.code for loc in LOCALES])
def test_every_language_has_every_phrase_once(code):
    """Typed text is matched to a phrase by its words: two phrases translated alike would print
    the wrong one."""
    book, english = phrases(code), phrases("en")
    for kind in KINDS:
        assert len(book[kind]) == len(english[kind])
        folded = [" ".join(p.split()).casefold() for p in book[kind]]
        assert len(set(folded)) == len(folded), (code, kind)
        if code != "en" and code in printable_languages():
            assert book[kind] != english[kind]


def test_entries_typed_in_the_patients_language_print_as_typed_without_a_warning(make_case, site):
    """A Spanish-speaking nurse at an English-speaking site types Spanish into a Spanish
    handout: nothing to translate, nothing to warn about, no note about English."""
    case = make_case(
        language="es",
        medications=[
            {
                "name": "Acetaminofén",
                "dose": "500 mg",
                "when": "cada 6 horas si hace falta",
                "purpose": "dolor",
            }
        ],
    )
    assert not [i for i in check(case, site, TODAY) if i.field.startswith("medications")]
    text = all_text(render(case, site, TODAY).pdf)
    assert "cada 6 horas si hace falta" in text
    note = spanish("Some entries in this table are in %(language)s, as your care team wrote them.")
    assert note.split("%")[0].strip() not in text


@pytest.mark.parametrize(
    ("typed", "handout", "expected"),
    [
        ("after lunch", "es", "en"),
        ("con agua", "es", "es"),
        ("bei Bedarf", "de", "de"),
        ("Twice daily after lunch", "de", "en"),
        ("止痛", "zh_Hans", "zh_Hans"),
        ("trước khi ngủ", "vi", "vi"),
    ],
)
def test_short_entries_are_told_apart_by_the_catalogs_words(typed, handout, expected):
    from vpdischarge.content.typed_language import written_in

    assert written_in(typed, "en", handout) == expected


def test_a_dose_with_words_in_the_nurses_language_warns_and_notes(make_case, site):
    """A dose is printed as typed: "2 tablets" reaches a Spanish reader in English, so the nurse
    is warned on that cell and the handout says which entries are in English."""
    case = make_case(
        language="es",
        medications=[
            {
                "name": "Paracetamol",
                "dose": "2 tablets",
                "when": "every 6 hours if needed",
                "purpose": "pain",
            },
            {"name": "Senna", "dose": "8.6 mg", "when": "at bedtime", "purpose": ""},
            {"name": "Lactulose", "dose": "15 mL", "when": "at bedtime", "purpose": ""},
        ],
    )
    warnings = [i for i in check(case, site, TODAY) if i.field.startswith("medications")]
    assert [(i.field, i.severity) for i in warnings] == [("medications[1].dose", "warning")]
    text = all_text(render(case, site, TODAY).pdf)
    assert "2 tablets" in text
    note = spanish("Some entries in this table are in %(language)s, as your care team wrote them.")
    assert note % {"language": "inglés"} in text


@pytest.mark.parametrize("dose", ["500 mg", "1000 mg", "5 mL", "0.5 mg/kg", "10 IU", "2,5 µg", "1"])
def test_doses_of_numbers_and_unit_symbols_read_the_same_in_any_language(make_case, dose):
    case = make_case(medications=[{"name": "Senna", "dose": dose, "when": "08:00", "purpose": ""}])
    assert untranslated_fields(case, "en", "es") == []
    assert untranslated_fields(case, "en", "zh_Hans") == []


def test_a_dose_written_in_the_handouts_own_script_is_not_flagged(make_case):
    case = make_case(medications=[{"name": "Senna", "dose": "2 片", "when": "08:00", "purpose": ""}])
    assert untranslated_fields(case, "en", "zh_Hans") == []
    case = make_case(medications=[{"name": "Senna", "dose": "2 tablets", "when": "08:00", "purpose": ""}])
    assert untranslated_fields(case, "en", "zh_Hans") == [("medications[1].dose", "2 tablets")]
