"""Reading a date (or a date and time) as a nurse types it, exactly or not at all.

A typed date is either understood as the one date it names or refused with the reason; it is
never "corrected" into another date (Qt's date editor turned "31 Feb 2026" into 13 Feb 2026).

What is understood:
- a month written as a word, in English or in the interface language, abbreviated or in full,
  with or without CLDR's trailing dot, in any case, accents optional ("3 Dec 2026",
  "December 3, 2026", "3 dic 2026", "3 févr. 2026", "3 fevr 2026", "3. Dezember 2026",
  "2026年12月3日"); ordinal days ("3rd", "1er", "1º"); the weekday, if given, must match;
- year-month-day in numbers ("2026-12-03", "2026/12/3"): no region writes year-day-month;
- day and month in numbers ("5/6/2026", "05.06.2026") only where the site's country writes one
  order (CLDR's short date pattern of every official language of the country agrees): US is
  month/day/year, Germany day/month/year. Where the country is unknown, or its languages
  disagree, numbers alone are refused, even when a number above 12 could only be a day: a rule
  with exceptions would teach the nurse that "13/5" works and then misread her "5/6". A number
  that is not a month in the site's order is refused, never swapped.
- a time ("10:30", "22:05", "10:30 am", "10 pm", "10h30") where the field takes one; there a
  date alone is a day without a time (the handout then prints no time).

Refused, with the reason: two-digit years (which century is a guess), a missing year, day or
month (no "this year" assumed), a day past the end of its month (31 Feb), unknown words, and a
time where the field takes none.

Reasons never quote what was typed: a name typed into the wrong field must not reappear in a
message. Pure Python and Babel (CLDR names), no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format
from babel.languages import get_official_languages

from vpdischarge.i18n import _

Order = Literal["dmy", "mdy", "ymd"]
FIRST_YEAR, LAST_YEAR = 1900, 2199


@dataclass(frozen=True)
class Typed:
    """The outcome of reading one field: `value` (None when the text is empty) or `problem`, a
    reason in the interface language that continues "<field> not understood: "."""

    value: date | datetime | None = None
    problem: str = ""

    @property
    def understood(self) -> bool:
        return not self.problem


# Normalising ----------------------------------------------------------------------------------

# Letters a nurse may type without their marks where the marks are not combining characters.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d"})


def normalise(text: str) -> str:
    """Case-folded, digits as ASCII, marks on Latin letters removed ("Févr." -> "fevr."), so
    typed text and CLDR names meet halfway. Marks in other scripts (Devanagari vowel signs) are
    part of the letters and stay."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_PLAIN_LETTERS)
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        category = unicodedata.category(char)
        if category == "Mn" and out and out[-1].isascii() and out[-1].isalpha():
            continue
        if category == "Cf":  # bidi marks in CLDR's Arabic dates, zero-width joiners
            continue
        digit = unicodedata.decimal(char, None)
        out.append(str(digit) if digit is not None and not char.isascii() else char)
    return unicodedata.normalize("NFC", "".join(out))


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _is_joined_script(char: str) -> bool:
    """Chinese, Japanese and Korean write date parts without spaces ("2026年12月3日")."""
    name = unicodedata.name(char, "")
    return name.startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))


def _continues(a: str, b: str) -> bool:
    """True when `a` followed by `b` would be one word or one number, so a name may not end
    between them."""
    if a.isdigit() and b.isdigit():
        return True
    return _is_word_char(a) and _is_word_char(b) and not (_is_joined_script(a) or _is_joined_script(b))


# Names from CLDR -----------------------------------------------------------------------------

Meaning = tuple[str, int]  # ("month", 1..12) | ("weekday", 0..6, Monday 0) | ("am"/"pm", 0) | ("filler", 0)

# When one spelling has several meanings, the first kind here wins: French "mar." is Tuesday
# abbreviated but "mar" is also English March, and a date field holds months far more often
# than abbreviated weekdays. Two meanings of one kind leave the spelling ambiguous.
_PRIORITY = ("month", "weekday", "am", "pm", "short weekday", "filler")

# Words around dates that CLDR's patterns do not carry but people write: "the 3rd of December",
# "3 de diciembre del 2026", "le 3 décembre", "ngày 3 tháng 12 năm 2026".
_EXTRA_FILLERS = {"en": ("of", "the", "on"), "es": ("del", "el"), "fr": ("le",), "vi": ("ngay", "nam")}
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "er", "re", "e", "eme", "o", "a", "º", "ª", "°")
_DAY_MARKS, _MONTH_MARKS, _YEAR_MARKS = ("日", "일"), ("月", "월"), ("年", "년")


def _strip_dots(name: str) -> str:
    return name.rstrip(".॰").strip()


def _pattern_words(loc: Locale) -> set[str]:
    """The literal words of the locale's date patterns ("de", "г"), which may be typed too."""
    words: set[str] = set()
    for length in ("full", "long", "medium"):
        literal = re.sub(r"%\([^)]*\)s", " ", loc.date_formats[length].format)
        words.update(w for w in re.split(r"[\s,.،'/\-]+", normalise(literal)) if w and _is_word_char(w[0]))
    return words


@lru_cache(maxsize=32)
def names(language: str) -> dict[str, frozenset[Meaning]]:
    """Every normalised name a date in English or CLDR locale `language` may contain, with what
    it means. A name with two meanings (rare) is ambiguous and read as nothing."""
    table: dict[str, set[Meaning]] = {}

    def add(name: str, meaning: Meaning) -> None:
        key = _strip_dots(normalise(name))
        if key:
            table.setdefault(key, set()).add(meaning)

    for code in dict.fromkeys(("en", language)):
        loc = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                for number, name in loc.months[context][width].items():
                    add(name, ("month", number))
            for number, name in loc.days[context]["wide"].items():
                add(name, ("weekday", number))
            for number, name in loc.days[context]["abbreviated"].items():
                add(name, ("short weekday", number))
            for width in ("abbreviated", "wide", "narrow"):
                periods = loc.day_periods.get(context, {}).get(width, {})
                for period in ("am", "pm"):
                    if period in periods:
                        add(periods[period], (period, 0))
                        add(re.sub(r"[.\s]", "", periods[period]), (period, 0))
        for word in _pattern_words(loc) | set(_EXTRA_FILLERS.get(code.split("_")[0], ())):
            add(word, ("filler", 0))
    add("a.m.", ("am", 0))
    add("p.m.", ("pm", 0))
    cleaned = {}
    for key, meanings in table.items():
        kind = min((m[0] for m in meanings), key=_PRIORITY.index)
        if kind in ("am", "pm") and {m[0] for m in meanings} >= {"am", "pm"}:
            kind = "both"
        cleaned[key] = frozenset(
            ("weekday", m[1]) if kind == "short weekday" else m for m in meanings if m[0] == kind
        ) or frozenset(meanings)
    return cleaned


@lru_cache(maxsize=32)
def _names_longest_first(language: str) -> tuple[str, ...]:
    return tuple(sorted(names(language), key=len, reverse=True))


@lru_cache(maxsize=32)
def _month_words(language: str) -> dict[int, tuple[str, ...]]:
    """Full month names by number, for abbreviations CLDR does not list ("Sept", "Dece")."""
    out: dict[int, set[str]] = {}
    for name, meanings in names(language).items():
        for kind, number in meanings:
            if kind == "month" and len(name) > 3 and not any(c.isdigit() for c in name):
                out.setdefault(number, set()).add(name)
    return {number: tuple(words) for number, words in out.items()}


def _month_by_prefix(word: str, language: str) -> int | None:
    if len(word) < 3:
        return None
    found = {n for n, words in _month_words(language).items() if any(w.startswith(word) for w in words)}
    return found.pop() if len(found) == 1 else None


# Region ---------------------------------------------------------------------------------------


def _order_of(pattern: str) -> Order | None:
    letters = [c for c in re.sub(r"'[^']*'", "", pattern) if c in "dMyL"]
    firsts = "".join(dict.fromkeys("M" if c == "L" else c for c in letters))
    return {"dMy": "dmy", "Mdy": "mdy", "yMd": "ymd"}.get(firsts)  # type: ignore[return-value]


@lru_cache(maxsize=64)
def region_order(country: str) -> Order | None:
    """The order a country writes dates in numbers, from CLDR's short date pattern of each of
    its official languages; None when the country is unknown or its languages disagree."""
    code = (country or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}|\d{3}", code):
        return None
    orders = set()
    for language in get_official_languages(code, de_facto=True):
        try:
            loc = Locale.parse(f"{language}_{code}")
        except (ValueError, LookupError):
            continue
        orders.add(_order_of(loc.date_formats["short"].pattern))
    return orders.pop() if len(orders) == 1 else None


def order_name(order: Order) -> str:
    return {"dmy": _("day/month/year"), "mdy": _("month/day/year"), "ymd": _("year/month/day")}[order]


# Reading --------------------------------------------------------------------------------------


@dataclass
class _Number:
    value: int
    digits: int
    mark: str = ""  # "day", "month", "year" from 日/月/年 (일/월/년) or "day" from an ordinal suffix


@dataclass
class _Tokens:
    numbers: list[_Number]
    numeric_separators: list[str]  # what stood between numbers when nothing else did
    months: list[int]
    weekdays: list[int]
    periods: list[str]
    times: list[tuple[int, int | None]]
    unknown: int = 0
    ambiguous: int = 0


_TIME = re.compile(r"(\d{1,2})\s*(?::|h(?=\s*\d\d(?!\d)))\s*(\d\d)(?!\d)")
_NUMBER = re.compile(r"\d+")
_SEPARATORS = set(" \t\n,/-.;:،、，・()")


def _lex(text: str, language: str) -> _Tokens:
    tokens = _Tokens([], [], [], [], [], [])
    table = names(language)
    longest = _names_longest_first(language)
    i, n, gap = 0, len(text), ""
    only_numbers = True
    while i < n:
        char = text[i]
        found = _TIME.match(text, i)
        if found and (i == 0 or not text[i - 1].isdigit()):
            tokens.times.append((int(found.group(1)), int(found.group(2))))
            i, gap = found.end(), ""
            continue
        name = next(
            (
                candidate
                for candidate in longest
                if text.startswith(candidate, i)
                and (i == 0 or not _continues(text[i - 1], candidate[0]))
                and (i + len(candidate) == n or not _continues(candidate[-1], text[i + len(candidate)]))
            ),
            None,
        )
        if name is not None:
            meanings = table[name]
            i += len(name)
            if len(meanings) > 1:
                tokens.ambiguous += 1
                continue
            kind, number = next(iter(meanings))
            # A time's am/pm leaves "05.06.2026 10:30 pm" a date in numbers.
            only_numbers = only_numbers and kind in ("am", "pm")
            if kind == "month":
                tokens.months.append(number)
            elif kind == "weekday":
                tokens.weekdays.append(number)
            elif kind in ("am", "pm"):
                tokens.periods.append(kind)
            continue
        if char.isdigit():
            number_here = _NUMBER.match(text, i)
            assert number_here is not None  # text[i] is a digit
            digits = number_here.group()
            i += len(digits)
            mark, rest = "", text[i:]
            for marks, kind in ((_DAY_MARKS, "day"), (_MONTH_MARKS, "month"), (_YEAR_MARKS, "year")):
                if rest[:1] in marks:
                    mark, i = kind, i + 1
            if not mark:
                suffix = re.match(r"[^\W\d_]+|[º°ª]", rest)
                if (
                    suffix
                    and normalise(suffix.group()) in _ORDINAL_SUFFIXES
                    and (len(rest) == len(suffix.group()) or not _is_word_char(rest[len(suffix.group())]))
                ):
                    mark, i = "day", i + len(suffix.group())
            if mark:
                only_numbers = False
            if tokens.numbers:
                tokens.numeric_separators.append(gap.strip() or " ")
            tokens.numbers.append(_Number(int(digits), len(digits), mark))
            gap = ""
            continue
        if _is_word_char(char):
            j = i
            while j < n and _is_word_char(text[j]) and not (j > i and _is_joined_script(text[j])):
                j += 1
            month = _month_by_prefix(text[i:j], language)
            if month is not None:
                tokens.months.append(month)
            else:
                tokens.unknown += 1
            i, only_numbers = j, False
            continue
        if char not in _SEPARATORS and unicodedata.category(char)[0] not in "PZSC":
            tokens.unknown += 1
        gap += char
        i += 1
    if not only_numbers:
        tokens.numeric_separators = []
    return tokens


def _refuse(reason: str) -> Typed:
    return Typed(problem=reason)


def _numeric_parts(tokens: _Tokens, order: Order | None) -> tuple[int, int, int] | Typed:
    """(year, month, day) from three plain numbers, or the refusal."""
    a, b, c = tokens.numbers
    if a.digits == 4:
        return a.value, b.value, c.value
    if c.digits != 4:
        return _refuse(_("write the year with all four digits"))
    if order is None:
        return _refuse(
            _("numbers alone could be day/month or month/day here; write the month as a word (3 Dec 2026)")
        )
    if order == "ymd":
        return _refuse(
            _("this site writes dates in numbers as {order}; write 2026-12-03 or 3 Dec 2026").format(
                order=order_name(order)
            )
        )
    day, month = (a, b) if order == "dmy" else (b, a)
    if not 1 <= month.value <= 12:
        return _refuse(
            _("there is no such month: this site writes dates in numbers as {order}").format(
                order=order_name(order)
            )
        )
    return c.value, month.value, day.value


def _worded_parts(tokens: _Tokens) -> tuple[int, int, int] | Typed:
    months = list(tokens.months) + [x.value for x in tokens.numbers if x.mark == "month"]
    if len(months) > 1:
        return _refuse(_("it names more than one month"))
    if not months:
        if tokens.numbers:
            return _refuse(_("the month is missing; write it as a word (3 Dec 2026) or as 2026-12-03"))
        return _refuse(_("write a date such as 3 Dec 2026"))
    year = [x for x in tokens.numbers if x.mark == "year"]
    day = [x for x in tokens.numbers if x.mark == "day"]
    for plain in (x for x in tokens.numbers if not x.mark):
        if plain.digits >= 3 and not year:
            year.append(plain)
        elif plain.digits <= 2 and not day:
            day.append(plain)
        elif plain.digits <= 2 and not year:
            year.append(plain)
        else:
            return _refuse(_("it has more numbers than a date has"))
    if len(year) > 1 or len(day) > 1:
        return _refuse(_("it has more numbers than a date has"))
    if not year:
        return _refuse(_("the year is missing"))
    if year[0].digits != 4:
        return _refuse(_("write the year with all four digits"))
    if not day:
        return _refuse(_("the day is missing"))
    return year[0].value, months[0], day[0].value


def _clock(tokens: _Tokens) -> time | Typed:
    if len(tokens.times) > 1 or len(tokens.periods) > 1:
        return _refuse(_("it has more than one time"))
    hour, minute = tokens.times[0]
    minute = minute or 0
    if tokens.periods:
        if not 1 <= hour <= 12:
            return _refuse(_("the time is not possible; use 10:30 am or 22:30"))
        hour = hour % 12 + (12 if tokens.periods[0] == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return _refuse(_("the time is not possible; use 10:30 am or 22:30"))
    return time(hour, minute)


def read_typed(text: str, language: str = "en", country: str = "", with_time: bool = False) -> Typed:
    """Read `text` typed into a date field. `language` is the CLDR locale of the interface,
    `country` the site's country (for numbers alone); `with_time` for a field that takes a
    time too: its value is a `datetime`, or a `date` when no time was typed."""
    normal = re.sub(r"(\d{4}-\d\d-\d\d)t(?=\d)", r"\1 ", normalise(text)).strip()
    if not normal:
        return Typed()
    tokens = _lex(normal, language)
    if tokens.unknown or tokens.ambiguous:
        return _refuse(_("a word in it is not part of a date; write a date such as 3 Dec 2026"))
    if tokens.periods and not tokens.times:
        # "10 am": the hour was read as a number; take the last plain number as the hour.
        plain = [x for x in tokens.numbers if not x.mark and x.digits <= 2]
        if plain:
            tokens.numbers.remove(plain[-1])
            tokens.times.append((plain[-1].value, None))
    if tokens.numeric_separators and len(tokens.numbers) == 3 and not tokens.months:
        separators = set(tokens.numeric_separators[:2])
        if len(separators) != 1 or separators.pop() not in ("/", ".", "-"):
            return _refuse(_("write the date as 3 Dec 2026 or 2026-12-03"))
        parts = _numeric_parts(tokens, region_order(country))
    else:
        parts = _worded_parts(tokens)
    if isinstance(parts, Typed):
        return parts
    year, month, day = parts
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return _refuse(_("the year is not possible"))
    if not 1 <= month <= 12:
        return _refuse(_("there is no such month"))
    try:
        value = date(year, month, day)
    except ValueError:
        return _refuse(_("that month has no such day"))
    if tokens.weekdays and any(w != value.weekday() for w in tokens.weekdays):
        return _refuse(_("the weekday does not match the date"))
    if not with_time:
        if tokens.times or tokens.periods:
            return _refuse(_("this field takes a date without a time"))
        return Typed(value)
    if not tokens.times:
        return Typed(value)  # a visit whose day is known but not its time (no time is invented)
    clock = _clock(tokens)
    if isinstance(clock, Typed):
        return clock
    return Typed(datetime.combine(value, clock))


# Showing --------------------------------------------------------------------------------------


def field_text(value: date | datetime, language: str = "en") -> str:
    """`value` as the field shows it: short, with the month as a word or 年/月 marks, never
    numbers alone (which a site in another region would read differently), and read back by
    `read_typed` as the same value. Times in 24 hours ("10:30"), which every language reads."""
    day = value.date() if isinstance(value, datetime) else value
    text = format_skeleton("yMMMd", day, locale=language)
    if isinstance(value, datetime):
        text = f"{text} {value:%H:%M}"
    return text


def echo_text(value: date | datetime, language: str = "en") -> str:
    """`value` in full for the line under the field: weekday, day, month name, year (and the
    time), in the interface language's own format ("Thursday, December 3, 2026",
    "2026年12月3日星期四")."""
    if isinstance(value, datetime):
        pattern = str(get_datetime_format("medium", locale=language))  # "{1}, {0}"
        return pattern.replace("{1}", format_date(value.date(), "full", locale=language)).replace(
            "{0}", format_time(value, "short", locale=language)
        )
    return format_date(value, "full", locale=language)
