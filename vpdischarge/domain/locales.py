"""The handout languages: code, native name, script, direction and the fonts they need.

Native names are written here rather than taken from CLDR because CLDR lacks some of them
(Haitian Creole) and the nurse picks the patient's language by the name the patient knows.
`babel` is the language's own CLDR locale; a handout uses the language *at its site*
(`at_site`): Spanish printed in Texas is CLDR `es_US` (1.5, 10:30 a.m.), not Spain's `es`
(1,5 and 1.000). `babel_locale` is the one place that decides which CLDR locale that is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from babel import Locale, localedata


@dataclass(frozen=True)
class HandoutLocale:
    code: str
    english_name: str
    native_name: str
    script: str
    direction: Literal["ltr", "rtl"]
    babel: str
    # Font families in order of preference; the resolver adds the fallbacks after them.
    fonts: tuple[str, ...] = ("noto-sans",)
    # The site's country (ISO 3166 code) `babel` was chosen for; "" for the language's own locale.
    country: str = ""

    @property
    def breaks_between_characters(self) -> bool:
        """Chinese and Japanese lines break between characters; Korean, like most scripts,
        breaks at spaces."""
        return self.script in ("Han", "Han + Kana")


LOCALES: tuple[HandoutLocale, ...] = (
    HandoutLocale("en", "English", "English", "Latin", "ltr", "en"),
    HandoutLocale("es", "Spanish", "Español", "Latin", "ltr", "es"),
    HandoutLocale("zh_Hans", "Chinese (Simplified)", "简体中文", "Han", "ltr", "zh_Hans", ("cjk",)),
    HandoutLocale("zh_Hant", "Chinese (Traditional)", "繁體中文", "Han", "ltr", "zh_Hant", ("cjk",)),
    HandoutLocale("vi", "Vietnamese", "Tiếng Việt", "Latin", "ltr", "vi"),
    HandoutLocale("ko", "Korean", "한국어", "Hangul", "ltr", "ko", ("hangul",)),
    HandoutLocale("tl", "Tagalog", "Tagalog", "Latin", "ltr", "fil"),
    HandoutLocale("ru", "Russian", "Русский", "Cyrillic", "ltr", "ru"),
    HandoutLocale("uk", "Ukrainian", "Українська", "Cyrillic", "ltr", "uk"),
    HandoutLocale("ar", "Arabic", "العربية", "Arabic", "rtl", "ar", ("arabic",)),
    HandoutLocale("fa", "Persian", "فارسی", "Arabic", "rtl", "fa", ("arabic",)),
    # CLDR's Haitian Creole ("ht") has no month, weekday, unit or language names. Haiti's French
    # gives its numbers and 24-hour times, and names a Haitian window's date fields can show; the
    # handout takes the Creole words from content/locale_gaps ("novanm", not "novembre").
    HandoutLocale("ht", "Haitian Creole", "Kreyòl ayisyen", "Latin", "ltr", "fr_HT"),
    HandoutLocale("fr", "French", "Français", "Latin", "ltr", "fr"),
    HandoutLocale("pl", "Polish", "Polski", "Latin", "ltr", "pl"),
    HandoutLocale("pt_BR", "Portuguese (Brazil)", "Português (Brasil)", "Latin", "ltr", "pt_BR"),
    HandoutLocale("de", "German", "Deutsch", "Latin", "ltr", "de"),
    HandoutLocale("it", "Italian", "Italiano", "Latin", "ltr", "it"),
    HandoutLocale("ja", "Japanese", "日本語", "Han + Kana", "ltr", "ja", ("cjk",)),
    HandoutLocale("hi", "Hindi", "हिन्दी", "Devanagari", "ltr", "hi", ("devanagari",)),
    HandoutLocale("tr", "Turkish", "Türkçe", "Latin", "ltr", "tr"),
)

SOURCE_LANGUAGE = "en"
_BY_CODE = {loc.code: loc for loc in LOCALES}


def find_locale(code: str) -> HandoutLocale | None:
    """Look a language up by code, accepting ``pt-BR`` / ``pt_br`` spellings too."""
    if code in _BY_CODE:
        return _BY_CODE[code]
    wanted = code.replace("-", "_").lower()
    return next((loc for loc in LOCALES if loc.code.lower() == wanted), None)


# Site files say "UK" as often as ISO's "GB".
_COUNTRY_ALIASES = {"UK": "GB"}


def country_code(country: str) -> str:
    """The ISO 3166 two-letter code in a site's `country` ("us" -> "US", "UK" -> "GB"); "" when
    it is not one (a country written out in words), so the language's own locale is used."""
    code = country.strip().upper()
    code = _COUNTRY_ALIASES.get(code, code)
    return code if re.fullmatch(r"[A-Z]{2}", code) else ""


def babel_locale(code: str, country: str = "") -> str:
    """The CLDR locale of language `code` read at a site in `country`, for dates, numbers and
    times alike: the language with the country where CLDR knows that pair (Spanish in the US
    is "es_US", French in Canada "fr_CA", English in the UK "en_GB"), else the language's own
    locale (German in the US is "de"). A language whose locale names its region already keeps
    it (Brazilian Portuguese is "pt_BR" everywhere). English for a code that is not one of ours."""
    found = find_locale(code)
    own = found.babel if found else SOURCE_LANGUAGE
    region = country_code(country)
    if not region or Locale.parse(own).territory:
        return own
    paired = f"{own}_{region}"
    return paired if localedata.exists(paired) else own


def at_site(locale: HandoutLocale, country: str) -> HandoutLocale:
    """`locale` as printed at a site in `country`: its CLDR locale from `babel_locale`."""
    return replace(locale, babel=babel_locale(locale.code, country), country=country_code(country))


def same_language(a: str, b: str) -> bool:
    """True for two codes of one language, whatever the region or script ("pt_BR", "pt")."""
    return a.split("_")[0] == b.split("_")[0]
