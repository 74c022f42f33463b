"""Numbers, dates, weights and temperatures in the handout's language (Babel / CLDR).

Weights and temperatures show the site's unit first and the other in brackets, "10 pounds (4.5 kg)",
because the unit follows the hospital's country while the number format follows the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from babel import Locale
from babel.dates import format_date, format_time
from babel.units import format_unit

KG_PER_LB = 0.45359237


def _round_half(value: float) -> float:
    return round(value * 2) / 2


# Left-to-right and right-to-left isolates and their end. A value such as "100.4°F (38.0°C)" or
# "+1 555 0100" set inside right-to-left text is otherwise reordered by the bidi algorithm into
# nonsense ("F (38.0°C°100.4"); isolated, it stays one unit, and it cannot pull the sentence's
# neutral characters into its own direction either (an embedding could).
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


@dataclass(frozen=True)
class Formatter:
    """Formatting bound to one CLDR locale; the Jinja filters are its methods. On a
    right-to-left handout (`rtl`), left-to-right values are isolated (see LRI above)."""

    locale: str
    rtl: bool = False

    def isolate(self, text: str) -> str:
        """`text` as one unit inside a right-to-left sentence: Latin text and numbers isolated
        left to right; text with right-to-left letters (an Arabic date) isolated right to left,
        so a number in it does not join a Latin value before it ("T12, L1 · 20" read as one
        left-to-right run and tore the date apart in the page header)."""
        if not self.rtl or not text:
            return text
        return f"{RLI if _RTL_LETTER.search(text) else LRI}{text}{PDI}"

    def date(self, value: date) -> str:
        return self.isolate(format_date(value, "long", locale=self.locale))

    def weekday_date(self, value: date) -> str:
        return self.isolate(format_date(value, "full", locale=self.locale))

    def time(self, value: datetime) -> str:
        return self.isolate(format_time(value, "short", locale=self.locale))

    def language_name(self, code: str) -> str:
        """The name of language `code`, written in this locale's language ("inglés")."""
        try:
            return Locale.parse(code).get_display_name(self.locale) or code
        except (ValueError, LookupError):
            return code

    def _unit(self, value: float, unit: str, pattern: str, length: str = "short") -> str:
        return format_unit(value, unit, length, format=pattern, locale=self.locale)

    def _with_other_unit(self, first: str, second: str) -> str:
        """ "first (second)" inside a sentence. In a right-to-left sentence, two Latin values
        are embedded as one unit: embedded one by one, the closing bracket took the sentence's
        direction and printed as "100.4°F (38.0°C" (Persian). A value with right-to-left
        letters (Arabic "°ف") needs no isolate; one Latin value beside it is isolated alone,
        and the brackets then follow the sentence."""
        both = f"{first} ({second})"
        if not _RTL_LETTER.search(both):
            return self.isolate(both)
        return f"{self.isolate(first)} ({self.isolate(second)})"

    def weight(self, pounds: float, first_unit: str) -> str:
        """ "10 pounds (4.5 kg)": the site's unit first and spelled out (patients may not know
        "lb"), the other abbreviated in brackets. Pounds to the nearest whole pound,
        kilograms to the nearest half."""
        lb, kg = round(pounds), _round_half(pounds * KG_PER_LB)
        pounds_long, pounds_short = (self._unit(lb, "mass-pound", "#,##0", n) for n in ("long", "short"))
        kilos_long, kilos_short = (self._unit(kg, "mass-kilogram", "#,##0.#", n) for n in ("long", "short"))
        if first_unit == "lb":
            return self._with_other_unit(pounds_long, kilos_short)
        return self._with_other_unit(kilos_long, pounds_short)

    def temperature(self, celsius: float, first_unit: str) -> str:
        c = self._unit(celsius, "temperature-celsius", "#,##0.0")
        f = self._unit(celsius * 9 / 5 + 32, "temperature-fahrenheit", "#,##0.0")
        return self._with_other_unit(f, c) if first_unit == "F" else self._with_other_unit(c, f)
