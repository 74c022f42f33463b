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


# Left-to-right embedding and its end. A value such as "100.4°F (38.0°C)" or "+1 555 0100" set
# inside right-to-left text is otherwise reordered by the bidi algorithm into nonsense
# ("F (38.0°C°100.4"); embedded, it stays one left-to-right unit. (Isolates, U+2066..U+2069,
# would be the modern choice; the reference bidi implementation we use knows embeddings.)
LRE, PDF = "\u202a", "\u202c"
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


@dataclass(frozen=True)
class Formatter:
    """Formatting bound to one CLDR locale; the Jinja filters are its methods. On a
    right-to-left handout (`rtl`), left-to-right values are embedded (see LRE above)."""

    locale: str
    rtl: bool = False

    def isolate(self, text: str) -> str:
        if not self.rtl or not text or _RTL_LETTER.search(text):
            return text
        return f"{LRE}{text}{PDF}"

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
        return self.isolate(format_unit(value, unit, length, format=pattern, locale=self.locale))

    def weight(self, pounds: float, first_unit: str) -> str:
        """ "10 pounds (4.5 kg)": the site's unit first and spelled out (patients may not know
        "lb"), the other abbreviated in brackets. Pounds to the nearest whole pound,
        kilograms to the nearest half."""
        lb, kg = round(pounds), _round_half(pounds * KG_PER_LB)
        pounds_long, pounds_short = (self._unit(lb, "mass-pound", "#,##0", n) for n in ("long", "short"))
        kilos_long, kilos_short = (self._unit(kg, "mass-kilogram", "#,##0.#", n) for n in ("long", "short"))
        return f"{pounds_long} ({kilos_short})" if first_unit == "lb" else f"{kilos_long} ({pounds_short})"

    def temperature(self, celsius: float, first_unit: str) -> str:
        c = self._unit(celsius, "temperature-celsius", "#,##0.0")
        f = self._unit(celsius * 9 / 5 + 32, "temperature-fahrenheit", "#,##0.0")
        return f"{f} ({c})" if first_unit == "F" else f"{c} ({f})"
