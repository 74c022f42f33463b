"""Numbers, dates, times, weights and temperatures the way the handout's reader reads them.

The CLDR locale is the handout's language at the site's country (`domain.locales.babel_locale`:
Spanish in the US is "es_US", so "1.5" and "10:30 a.m."; in Spain "1,5" and "10:30"). Weights
and temperatures show the site's unit first and the other in brackets, "10 pounds (4.5 kg)",
because the unit follows the hospital's country.

Where CLDR is short of what a reader needs, it is corrected here, each on purpose:
- Haitian Creole months, weekdays and units come from our own table (content/locale_gaps);
  CLDR has none, and French ones were printed before.
- Hindi and 12-hour Spanish times use CLDR's words for the part of the day ("सुबह 10:30",
  "4:30 de la tarde"): the short format prints Latin "am" inside Devanagari, and "p.m." whose
  full stop doubles the sentence's.
- The first of the month is "1er" in French and "1º" in Brazilian Portuguese, as written there.
Typed dose numbers are not formatted here but in content/doses.py (they are kept as typed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal
from babel.units import format_unit

from vpdischarge.content.language_names import language_name
from vpdischarge.content.locale_gaps import CREOLE_MONTHS, CREOLE_UNITS, CREOLE_WEEKDAYS

KG_PER_LB = 0.45359237


def _round_half(value: float) -> float:
    return round(value * 2) / 2


# How the first day of a month is written, where it is not the plain number (by CLDR locale
# language, or language_region).
_FIRST_OF_MONTH = {"fr": "1er", "pt_BR": "1º"}
# Languages whose 12-hour clock CLDR writes with an abbreviation the reader may not read, where
# CLDR's own words for the part of the day read right: Hindi "am"/"pm" in Latin letters inside
# Devanagari ("सुबह 10:30", "शाम 4:30" instead); US Spanish "p.m.", whose full stop doubled the
# sentence's ("a las 4:30 p.m..": "4:30 de la tarde" instead). A 24-hour locale of the same
# language (Spain's "16:30") keeps its clock. Not Filipino: CLDR's day periods there are wrong
# ("10:30 madaling-araw", dawn).
_DAY_PERIOD_WORDS = frozenset({"hi", "es"})


def _first_day(pattern: str, written: str) -> str:
    """A CLDR date pattern with its day field ("d") replaced by the literal `written`; quoted
    literals ("'de'") are left alone."""
    parts = re.split(r"('[^']*')", pattern)
    return "".join(
        part if part.startswith("'") else re.sub(r"(?<!d)d(?!d)", f"'{written}'", part) for part in parts
    )


# Left-to-right and right-to-left isolates and their end. A value such as "100.4°F (38.0°C)" or
# "+1 555 0100" set inside right-to-left text is otherwise reordered by the bidi algorithm into
# nonsense ("F (38.0°C°100.4"); isolated, it stays one unit, and it cannot pull the sentence's
# neutral characters into its own direction either (an embedding could).
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_ISOLATES = (LRI, RLI, FSI)
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
# CLDR's unit lengths (babel.units.format_unit).
UnitLength = Literal["short", "long", "narrow"]
_LONG_SHORT: tuple[UnitLength, UnitLength] = ("long", "short")
# The type, for annotations inside Formatter, where `date` names its method.
Day = date


@dataclass(frozen=True)
class Formatter:
    """Formatting bound to one CLDR locale; the Jinja filters are its methods. On a
    right-to-left handout (`rtl`), left-to-right values are isolated (see LRI above)."""

    locale: str
    rtl: bool = False
    # The handout language (our code, "ht"), where the CLDR locale does not tell it: Creole is
    # printed with "fr_HT" numbers but its own words. "" means the CLDR locale's language.
    language: str = ""
    # Isolate the values of a left-to-right handout too, so none splits over two lines (the
    # handout's filters and context do; a formatted string for a message does not).
    units: bool = False

    def isolate(self, text: str) -> str:
        """`text` as one unit inside a right-to-left sentence: Latin text and numbers isolated
        left to right; text with right-to-left letters (an Arabic date) isolated right to left,
        so a number in it does not join a Latin value before it ("T12, L1 · 20" read as one
        left-to-right run and tore the date apart in the page header).

        With `units`, a left-to-right handout's values are isolated too (FSI ... PDI): the
        typesetter keeps an isolated value on one line (typeset/line_breaks.py), so a date, a
        time or "10 pounds" never splits. A value isolated already is left as it is."""
        if not text:
            return text
        if not self.rtl:
            if not self.units or (text[0] in _ISOLATES and text[-1] == PDI):
                return text
            return f"{FSI}{text}{PDI}"
        return f"{RLI if _RTL_LETTER.search(text) else LRI}{text}{PDI}"

    @property
    def _language(self) -> str:
        """The CLDR locale's language ("fr" for "fr_HT"): CLDR's rules follow it."""
        return Locale.parse(self.locale).language

    def _creole(self) -> bool:
        return self.language == "ht"

    def _date(self, value: date, width: str) -> str:
        """`value` in CLDR's "long" (4 December 2026) or "full" (with the weekday) form."""
        if self._creole():
            day_month_year = f"{value.day} {CREOLE_MONTHS[value.month - 1]} {value.year}"
            if width == "long":
                return day_month_year
            return f"{CREOLE_WEEKDAYS[value.weekday()]} {day_month_year}"
        pattern = Locale.parse(self.locale).date_formats[width].pattern
        first = _FIRST_OF_MONTH.get(self._language) or _FIRST_OF_MONTH.get(self.locale)
        if value.day == 1 and first:
            pattern = _first_day(pattern, first)
        return format_date(value, pattern, locale=self.locale)

    def date(self, value: date) -> str:
        return self.isolate(self._date(value, "long"))

    def weekday_date(self, value: Day) -> str:  # `date` is the method above in here
        return self.isolate(self._date(value, "full"))

    def time(self, value: datetime) -> str:
        twelve_hour = "h" in Locale.parse(self.locale).time_formats["short"].pattern
        if self._language in _DAY_PERIOD_WORDS and twelve_hour:
            return self.isolate(format_skeleton("Bhm", value, locale=self.locale))
        return self.isolate(format_time(value, "short", locale=self.locale))

    def language_name(self, code: str) -> str:
        """The name of language `code`, written in this locale's language ("inglés", "angle")."""
        return language_name(code, self.locale, self.language)

    def _unit(self, value: float, unit: str, pattern: str, length: UnitLength = "short") -> str:
        if self._creole() and length == "long" and unit in CREOLE_UNITS:
            return f"{format_decimal(value, pattern, locale=self.locale)} {CREOLE_UNITS[unit]}"
        return format_unit(value, unit, length, format=pattern, locale=self.locale)

    def _with_other_unit(self, first: str, second: str) -> str:
        """ "first (second)" inside a sentence. In a right-to-left sentence, two Latin values
        are embedded as one unit: embedded one by one, the closing bracket took the sentence's
        direction and printed as "100.4°F (38.0°C" (Persian). A value with right-to-left
        letters (Arabic "°ف") needs no isolate; one Latin value beside it is isolated alone,
        and the brackets then follow the sentence."""
        both = f"{first} ({second})"
        if not self.rtl and self.units:  # two units: the line may break between them
            return f"{self.isolate(first)} ({self.isolate(second)})"
        if not _RTL_LETTER.search(both):
            return self.isolate(both)
        return f"{self.isolate(first)} ({self.isolate(second)})"

    def weight(self, pounds: float, first_unit: str) -> str:
        """ "10 pounds (4.5 kg)": the site's unit first and spelled out (patients may not know
        "lb"), the other abbreviated in brackets. Pounds to the nearest whole pound,
        kilograms to the nearest half."""
        lb, kg = round(pounds), _round_half(pounds * KG_PER_LB)
        pounds_long, pounds_short = (self._unit(lb, "mass-pound", "#,##0", n) for n in _LONG_SHORT)
        kilos_long, kilos_short = (self._unit(kg, "mass-kilogram", "#,##0.#", n) for n in _LONG_SHORT)
        if first_unit == "lb":
            return self._with_other_unit(pounds_long, kilos_short)
        return self._with_other_unit(kilos_long, pounds_short)

    def temperature(self, celsius: float, first_unit: str) -> str:
        c = self._unit(celsius, "temperature-celsius", "#,##0.0")
        f = self._unit(celsius * 9 / 5 + 32, "temperature-fahrenheit", "#,##0.0")
        return self._with_other_unit(f, c) if first_unit == "F" else self._with_other_unit(c, f)
