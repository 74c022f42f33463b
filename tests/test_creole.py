"""Languages CLDR leaves short: Haitian Creole dates, units and language names in Creole;
language names in each handout's own language; times in each language's own script and form;
the first of the month as French and Brazilian readers write it."""

import re
from datetime import date, datetime, timedelta

import pytest
from conftest import TODAY
from pdfread import all_text

from vpdischarge import i18n
from vpdischarge.content import locale_gaps
from vpdischarge.content.formatting import Formatter
from vpdischarge.domain.locales import LOCALES, babel_locale
from vpdischarge.pipeline import handout_markup, render

FRENCH_WORDS = re.compile(r"novembre|décembre|janvier|vendredi|livres|kilogrammes|anglais", re.I)


def at_us_site(code: str, rtl: bool = False) -> Formatter:
    return Formatter(babel_locale(code, "US"), rtl=rtl, language=code)


def test_creole_months_weekdays_and_units_are_creole():
    creole = at_us_site("ht")
    months = [creole.date(date(2027, month, 1)).split()[1] for month in range(1, 13)]
    assert months == [
        "janvye",
        "fevriye",
        "mas",
        "avril",
        "me",
        "jen",
        "jiyè",
        "out",
        "septanm",
        "oktòb",
        "novanm",
        "desanm",
    ]
    monday = date(2026, 11, 30)
    week = [creole.weekday_date(monday + timedelta(days=n)).split()[0] for n in range(7)]
    assert week == ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"]
    assert creole.weekday_date(date(2026, 12, 4)) == "vandredi 4 desanm 2026"
    # Haiti's French (CLDR fr_HT) sets a narrow no-break space between number and symbol.
    assert creole.weight(10, "lb") == "10 liv (4,5\u202fkg)"
    assert creole.weight(20, "kg") == "9 kilogram (20\u202flb)"
    assert creole.time(datetime(2026, 12, 4, 16, 30)) == "16:30"
    assert creole.language_name("en") == "angle"
    assert locale_gaps.STATUS == "draft"


def test_the_creole_handout_has_no_french_dates_units_or_language_names(make_case, site):
    case = make_case(language="ht")
    text = all_text(render(case, site, TODAY).pdf)
    assert not FRENCH_WORDS.findall(text)
    assert "22 novanm 2026" in text  # the blood thinner restart
    assert "vandredi 4 desanm 2026, a 10:30" in text  # the visit
    assert "10 liv (4,5 kg)" in text
    assert "lòt lang: angle" in text  # the notes are in English


def test_the_window_calls_haitian_creole_by_its_name():
    try:
        i18n.set_ui_language("en")
        assert i18n.language_name("ht") == "Haitian Creole"
        assert i18n.language_name("tl") == "Tagalog"
        i18n.set_ui_language("ht")
        assert i18n.language_name("ht") == "kreyòl ayisyen"
        i18n.set_ui_language("es")
        assert i18n.language_name("ht") == "criollo haitiano"
    finally:
        i18n.set_ui_language("en")


# "English" written in each handout language, and the 10:30 and 16:30 times, as printed at a US
# site. Checked by hand against each language's usage; the Hindi day periods are CLDR's own.
NNBSP = "\u202f"
IN_EACH_LANGUAGE = {
    "en": ("English", f"10:30{NNBSP}AM", f"4:30{NNBSP}PM"),
    "es": ("inglés", "10:30 de la mañana", "4:30 de la tarde"),
    "zh_Hans": ("英语", "10:30", "16:30"),
    "zh_Hant": ("英文", "上午10:30", "下午4:30"),
    "vi": ("Tiếng Anh", "10:30", "16:30"),
    "ko": ("영어", "오전 10:30", "오후 4:30"),
    "tl": ("Ingles", f"10:30{NNBSP}AM", f"4:30{NNBSP}PM"),
    "ru": ("английский", "10:30", "16:30"),
    "uk": ("англійська", "10:30", "16:30"),
    "ar": ("الإنجليزية", "10:30 ص", "4:30 م"),
    "fa": ("انگلیسی", "10:30", "16:30"),
    "ht": ("angle", "10:30", "16:30"),
    "fr": ("anglais", "10:30", "16:30"),
    "pl": ("angielski", "10:30", "16:30"),
    "pt_BR": ("inglês", "10:30", "16:30"),
    "de": ("Englisch", "10:30", "16:30"),
    "it": ("inglese", "10:30", "16:30"),
    "ja": ("英語", "10:30", "16:30"),
    "hi": ("अंग्रेज़ी", "सुबह 10:30", "शाम 4:30"),
    "tr": ("İngilizce", "10:30", "16:30"),
}


def test_the_table_covers_all_twenty_languages():
    assert set(IN_EACH_LANGUAGE) == {loc.code for loc in LOCALES}


@pytest.mark.parametrize("locale", LOCALES, ids=lambda loc: loc.code)
def test_language_names_and_times_are_written_in_the_handouts_language(locale):
    fmt = at_us_site(locale.code)
    english, morning, afternoon = IN_EACH_LANGUAGE[locale.code]
    assert fmt.language_name("en") == english
    assert (fmt.time(datetime(2026, 12, 4, 10, 30)), fmt.time(datetime(2026, 12, 4, 16, 30))) == (
        morning,
        afternoon,
    )
    if locale.script != "Latin":
        # Every language named, and every time, in the handout's own script: no Latin letters.
        names = [fmt.language_name(other.code) for other in LOCALES]
        assert not [name for name in names if re.search("[A-Za-z]", name)], names
        assert not re.search("[A-Za-z]", morning + afternoon)
    elif locale.code != "en":
        assert "English" not in [fmt.language_name(other.code) for other in LOCALES]
    # Our codes are named as our languages, not as CLDR's aliases.
    assert "Filipino" not in fmt.language_name("tl") and "Haiti)" not in fmt.language_name("ht")


def test_tagalog_and_hindi_handouts_print_their_own_words(make_case, site):
    tagalog = all_text(render(make_case(language="tl"), site, TODAY).pdf)
    assert "wikang Ingles" in tagalog and "English" not in tagalog
    hindi = handout_markup(make_case(language="hi"), site, TODAY)
    assert "सुबह 10:30" in hindi and "10:30 am" not in hindi


@pytest.mark.parametrize(
    ("code", "first_of_month", "other_day"),
    [
        ("fr", "1er janvier 2027", "2 janvier 2027"),
        ("pt_BR", "1º de janeiro de 2027", "2 de janeiro de 2027"),
        ("es", "1 de enero de 2027", "2 de enero de 2027"),
        ("de", "1. Januar 2027", "2. Januar 2027"),
    ],
)
def test_the_first_of_the_month_as_each_language_writes_it(code, first_of_month, other_day):
    fmt = at_us_site(code)
    assert fmt.date(date(2027, 1, 1)) == first_of_month
    assert fmt.date(date(2027, 1, 2)) == other_day


def test_french_canada_writes_the_first_of_the_month_the_same_way():
    assert Formatter(babel_locale("fr", "CA")).weekday_date(date(2027, 1, 1)) == "vendredi 1er janvier 2027"
