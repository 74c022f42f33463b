"""Reading typed dates (vpdischarge.domain.typed_dates): exactly the date typed, or refused.

The first table holds the dates Qt's editor silently changed (issue 9): each must now be read
as typed or refused, never moved.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from babel import Locale
from babel.dates import format_date

from vpdischarge.domain.locales import LOCALES
from vpdischarge.domain.typed_dates import (
    echo_text,
    field_text,
    names,
    normalise,
    read_typed,
    region_order,
)

BABEL_CODES = sorted({loc.babel for loc in LOCALES})
DEC_3 = date(2026, 12, 3)


def read(text: str, language: str = "en", country: str = "", with_time: bool = False):
    return read_typed(text, language, country, with_time)


def value(text: str, language: str = "en", country: str = "", with_time: bool = False):
    typed = read(text, language, country, with_time)
    assert typed.understood, (text, typed.problem)
    return typed.value


def problem(text: str, language: str = "en", country: str = "", with_time: bool = False) -> str:
    typed = read(text, language, country, with_time)
    assert not typed.understood and typed.value is None, (text, typed.value)
    return typed.problem


# The dates of the issue ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("14 Mar 1951", "US", date(1951, 3, 14)),  # Qt gave 13 Mar 1951
        ("3 Dec 2026", "US", DEC_3),  # a real keyboard gave 3 Feb 2026
        ("5/6/2026", "US", date(2026, 5, 6)),  # Qt gave 23 Dec 2026
        ("5/6/2026", "DE", date(2026, 6, 5)),
        ("December 3, 2026", "", DEC_3),
        ("2026-12-03", "", DEC_3),
    ],
)
def test_the_dates_qt_changed_are_read_as_typed(text, country, expected):
    assert value(text, country=country) == expected


def test_31_february_is_refused_not_moved():
    assert "no such day" in problem("31 Feb 2026", country="US")
    assert "no such day" in problem("2026-02-31")
    assert "no such day" in problem("31/2/2026", country="DE")
    assert "no such day" in problem("31 Apr 2026")


def test_leap_days():
    assert value("29 Feb 2028") == date(2028, 2, 29)
    assert value("29 Feb 2000") == date(2000, 2, 29)
    assert "no such day" in problem("29 Feb 2027")
    assert "no such day" in problem("29 Feb 1900")  # not a leap year (divisible by 100)


def test_empty_text_is_not_set():
    for text in ("", "   ", "\t\n"):
        typed = read(text)
        assert typed.understood and typed.value is None


# Words and spellings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 Dec 2026", DEC_3),
        ("3 dec 2026", DEC_3),
        ("3 DEC 2026", DEC_3),
        ("3 Dec. 2026", DEC_3),
        ("3 December 2026", DEC_3),
        ("Dec 3 2026", DEC_3),
        ("Dec 3, 2026", DEC_3),
        ("December 3rd, 2026", DEC_3),
        ("3rd December 2026", DEC_3),
        ("the 3rd of December 2026", DEC_3),
        ("1st Dec 2026", date(2026, 12, 1)),
        ("22nd Dec 2026", date(2026, 12, 22)),
        ("2026 Dec 3", DEC_3),
        ("3-Dec-2026", DEC_3),
        ("3/Dec/2026", DEC_3),
        ("03 Dec 2026", DEC_3),
        ("  3   Dec \t 2026  ", DEC_3),
        ("3Dec2026", DEC_3),
        ("Sept 3, 2026", date(2026, 9, 3)),  # not CLDR's abbreviation, but a clear one
        ("Thursday, 3 December 2026", DEC_3),  # the echo, typed back
        ("Thu 3 Dec 2026", DEC_3),
        ("2026-12-03", DEC_3),
        ("2026/12/3", DEC_3),
        ("2026.12.03", DEC_3),
        ("3 Dec 2026", DEC_3),  # full-width digits from an input method
    ],
)
def test_english_spellings(text, expected):
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3 dic 2026", "es", DEC_3),
        ("3 DIC. 2026", "es", DEC_3),
        ("3 de diciembre de 2026", "es", DEC_3),
        ("3 de diciembre del 2026", "es", DEC_3),
        ("1º dic 2026", "es", date(2026, 12, 1)),
        ("3 févr. 2026", "fr", date(2026, 2, 3)),
        ("3 fevr 2026", "fr", date(2026, 2, 3)),
        ("3 FÉVRIER 2026", "fr", date(2026, 2, 3)),
        ("1er décembre 2026", "fr", date(2026, 12, 1)),
        ("le 1er decembre 2026", "fr", date(2026, 12, 1)),
        ("3 mar 2026", "fr", date(2026, 3, 3)),  # English March, not "mar." (mardi)
        ("3 mars 2026", "fr", date(2026, 3, 3)),
        ("3. Dezember 2026", "de", DEC_3),
        ("3. Dez. 2026", "de", DEC_3),
        ("3 März 2026", "de", date(2026, 3, 3)),
        ("3 Marz 2026", "de", date(2026, 3, 3)),
        ("3 dicembre 2026", "it", DEC_3),
        ("3 gru 2026", "pl", DEC_3),
        ("3 grudnia 2026", "pl", DEC_3),
        ("3 grudzień 2026", "pl", DEC_3),
        ("3 de dez. de 2026", "pt_BR", DEC_3),
        ("3 Aralık 2026", "tr", DEC_3),
        ("3 aralik 2026", "tr", DEC_3),
        ("3 декабря 2026 г.", "ru", DEC_3),
        ("3 ДЕК 2026", "ru", DEC_3),
        ("3 грудня 2026", "uk", DEC_3),
        ("3 tháng 12, 2026", "vi", DEC_3),
        ("3 thang 12 2026", "vi", DEC_3),
        ("ngày 3 tháng 12 năm 2026", "vi", DEC_3),
        ("Disyembre 3, 2026", "fil", DEC_3),
        ("2026年12月3日", "zh_Hans", DEC_3),
        ("2026年12月3日星期四", "zh_Hans", DEC_3),
        ("2026年十二月3日", "zh_Hans", DEC_3),
        ("2026年12月3日 星期四", "zh_Hant", DEC_3),
        ("2026年12月3日木曜日", "ja", DEC_3),
        ("2026년 12월 3일", "ko", DEC_3),
        ("2026년 12월 3일 목요일", "ko", DEC_3),
        ("3 ديسمبر 2026", "ar", DEC_3),
        ("٣ ديسمبر ٢٠٢٦", "ar", DEC_3),  # Arabic-Indic digits
        ("۳ دسامبر ۲۰۲۶", "fa", DEC_3),  # Persian digits
        ("3 दिसंबर 2026", "hi", DEC_3),
        ("3 दिस॰ 2026", "hi", DEC_3),
        ("3 Dec 2026", "zh_Hans", DEC_3),  # English works in every interface
        ("December 3, 2026", "ru", DEC_3),
    ],
)
def test_interface_language_spellings(text, language, expected):
    assert value(text, language) == expected


@pytest.mark.parametrize("language", BABEL_CODES)
def test_every_cldr_month_name_of_every_interface_language(language):
    """Abbreviated and full, format and stand-alone forms; as CLDR writes them, upper case,
    without the trailing dot and (Latin letters) without accents."""
    loc = Locale.parse(language)
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for month, name in loc.months[context][width].items():
                expected = date(2026, month, 9)
                spellings = {name, name.upper(), name.rstrip("."), normalise(name)}
                for spelling in spellings:
                    for text in (f"9 {spelling} 2026", f"{spelling} 9, 2026"):
                        assert value(text, language) == expected, (language, text)


@pytest.mark.parametrize("language", BABEL_CODES)
def test_no_name_means_two_things(language):
    assert [name for name, meanings in names(language).items() if len(meanings) > 1] == []


@pytest.mark.parametrize("language", BABEL_CODES)
def test_what_the_window_shows_reads_back_as_the_same_date(language):
    for month in range(1, 13):
        for day in (1, 9, 28):
            moment = date(2026, month, day)
            for text in (field_text(moment, language), echo_text(moment, language)):
                assert value(text, language) == moment, (language, text)
            for length in ("full", "long"):
                assert value(format_date(moment, length, locale=language), language) == moment
            visit = datetime(2026, month, day, 14, 5)
            for text in (field_text(visit, language), echo_text(visit, language)):
                assert value(text, language, with_time=True) == visit, (language, text)
            assert value(field_text(moment, language), language, with_time=True) == moment


@pytest.mark.parametrize("language", BABEL_CODES)
def test_the_field_text_never_shows_numbers_alone(language):
    """A field showing "03.12.2026" would be read as 12 March at a US site."""
    text = field_text(DEC_3, language)
    assert read(text, language, "").understood, text  # readable with no region at all


def test_the_echo_uses_the_language_s_own_date_format():
    assert echo_text(DEC_3, "en") == "Thursday, December 3, 2026"
    assert echo_text(DEC_3, "es") == "jueves, 3 de diciembre de 2026"
    # Review: "Chinese interface: dates show as '14 3月 1951'".
    assert echo_text(date(1951, 3, 14), "zh_Hans") == "1951年3月14日星期三"
    assert echo_text(datetime(2026, 12, 4, 10, 30), "en") == "Friday, December 4, 2026, 10:30\u202fAM"


def test_a_month_name_of_another_language_is_refused_not_guessed():
    assert "not part of a date" in problem("3 dic 2026", "en")
    assert "not part of a date" in problem("3 Dezember 2026", "fr")


# Refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("3 Dec 26", "four digits"),
        ("3/12/26", "four digits"),
        ("26-12-03", "four digits"),
        ("3 Dec", "year is missing"),
        ("Dec 2026", "day is missing"),
        ("3 2026", "month is missing"),
        ("2026", "month is missing"),
        ("3 Dec Jan 2026", "more than one month"),
        ("3 4 Dec 2026", "more numbers"),
        ("32 Dec 2026", "no such day"),
        ("0 Dec 2026", "no such day"),
        ("3 Dec 1850", "year is not possible"),
        ("3 Dex 2026", "not part of a date"),
        ("Zqxv Marker-7781", "not part of a date"),
        ("Friday, 3 Dec 2026", "weekday does not match"),
        ("3 Dec 2026 10:30", "without a time"),
        ("2026-13-03", "no such month"),
        ("5 6 2026", "3 Dec 2026 or 2026-12-03"),
        ("5/6.2026", "3 Dec 2026 or 2026-12-03"),
    ],
)
def test_refusals_say_why(text, reason):
    assert reason in problem(text, country="US")


def test_refusals_never_quote_what_was_typed():
    cases = [("Zqxv Marker-7781", "US"), ("31 Feb 2026", "US"), ("5/6/2026", ""), ("13/5/2026", "US")]
    for text, country in cases + [("3 Dec 1850", "")]:
        message = problem(text, country=country).lower()
        # The examples the messages give (3 Dec 2026, 2026-12-03) are not what was typed.
        message = message.replace("2026-12-03", "").replace("3 dec 2026", "")
        for part in ("zqxv", "7781", "2026", "1850", "31", "13"):
            assert part not in message, (text, message)


# Numbers alone and the site's region ---------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "order"),
    [
        ("US", "mdy"),
        ("us", "mdy"),
        ("PH", "mdy"),
        ("DE", "dmy"),
        ("GB", "dmy"),
        ("FR", "dmy"),
        ("ES", "dmy"),
        ("IT", "dmy"),
        ("MX", "dmy"),
        ("BR", "dmy"),
        ("BE", "dmy"),  # three languages, one order
        ("IN", "dmy"),
        ("CN", "ymd"),
        ("JP", "ymd"),
        ("KR", "ymd"),
        ("CA", "ymd"),
        ("", None),
        ("XX", None),
        ("USA", None),
        ("United States", None),
    ],
)
def test_region_order_from_cldr(country, order):
    assert region_order(country) == order


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("5/6/2026", "US", date(2026, 5, 6)),
        ("05/06/2026", "US", date(2026, 5, 6)),
        ("12/3/2026", "US", DEC_3),
        ("5/6/2026", "DE", date(2026, 6, 5)),
        ("05.06.2026", "DE", date(2026, 6, 5)),
        ("5-6-2026", "GB", date(2026, 6, 5)),
        ("13/5/2026", "DE", date(2026, 5, 13)),
        ("3.12.2026", "DE", DEC_3),
        ("2026-12-03", "US", DEC_3),
        ("2026-12-03", "DE", DEC_3),
        ("2026/12/03", "JP", DEC_3),
    ],
)
def test_numbers_alone_follow_the_site_region(text, country, expected):
    assert value(text, country=country) == expected


def test_numbers_alone_are_refused_where_the_region_does_not_decide():
    for text in ("5/6/2026", "05.06.2026", "13/5/2026", "5/13/2026"):
        assert "write the month as a word" in problem(text, country="")
        assert "write the month as a word" in problem(text, country="XX")
    assert "year/month/day" in problem("5/6/2026", country="CA")


def test_a_number_that_is_not_a_month_in_the_site_order_is_refused_not_swapped():
    """13/5/2026 at a US site: month 13 does not exist. Reading it as 13 May would be a guess
    the next "5/6/2026" would contradict."""
    assert "month/day/year" in problem("13/5/2026", country="US")
    assert "day/month/year" in problem("5/13/2026", country="DE")


# Times --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("4 Dec 2026 10:30", "en", datetime(2026, 12, 4, 10, 30)),
        ("4 Dec 2026 22:30", "en", datetime(2026, 12, 4, 22, 30)),
        ("4 Dec 2026 10:30 am", "en", datetime(2026, 12, 4, 10, 30)),
        ("4 Dec 2026 10:30 pm", "en", datetime(2026, 12, 4, 22, 30)),
        ("4 Dec 2026 10:30PM", "en", datetime(2026, 12, 4, 22, 30)),
        ("4 Dec 2026 10:30 p.m.", "en", datetime(2026, 12, 4, 22, 30)),
        ("4 Dec 2026 10 am", "en", datetime(2026, 12, 4, 10, 0)),
        ("4 Dec 2026 12:15 am", "en", datetime(2026, 12, 4, 0, 15)),
        ("4 Dec 2026 12:15 pm", "en", datetime(2026, 12, 4, 12, 15)),
        ("10:30 4 Dec 2026", "en", datetime(2026, 12, 4, 10, 30)),
        ("2026-12-04T10:30", "en", datetime(2026, 12, 4, 10, 30)),
        ("Friday, December 4, 2026, 10:30 AM", "en", datetime(2026, 12, 4, 10, 30)),
        ("4 dic 2026 10:30 p. m.", "es", datetime(2026, 12, 4, 22, 30)),
        ("4 déc. 2026 10h30", "fr", datetime(2026, 12, 4, 10, 30)),
        ("2026年12月4日 下午2:05", "zh_Hans", datetime(2026, 12, 4, 14, 5)),
        ("2026년 12월 4일 오후 2:05", "ko", datetime(2026, 12, 4, 14, 5)),
        ("04.12.2026 10:30", "de", None),  # numbers alone with no region: refused
    ],
)
def test_dates_with_times(text, language, expected):
    typed = read(text, language, "", with_time=True)
    assert typed.value == expected, (text, typed.problem)


def test_a_visit_date_alone_is_a_day_without_a_time():
    """No time is invented: the value is a `date`, and the handout then prints no time."""
    typed = read("4 Dec 2026", with_time=True)
    assert typed.value == date(2026, 12, 4) and not isinstance(typed.value, datetime)


def test_a_time_without_a_date_is_refused():
    assert "3 Dec 2026" in problem("10:30 am", with_time=True)


@pytest.mark.parametrize(
    "text", ["4 Dec 2026 24:00", "4 Dec 2026 10:60", "4 Dec 2026 13:00 pm", "4 Dec 2026 0 am"]
)
def test_impossible_times_are_refused(text):
    assert "time is not possible" in problem(text, with_time=True)


def test_two_times_are_refused():
    assert "more than one time" in problem("4 Dec 2026 10:30 11:30", with_time=True)
