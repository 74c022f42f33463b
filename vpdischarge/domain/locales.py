"""The handout languages: code, native name, script, direction and the fonts they need.

Native names are written here rather than taken from CLDR because CLDR lacks some of them
(Haitian Creole) and the nurse picks the patient's language by the name the patient knows.
`babel` is the CLDR locale used for dates and numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


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


def babel_locale(code: str) -> str:
    """The CLDR locale of language `code` for dates and numbers ("ht" is "fr_HT"); English for
    a code that is not one of ours."""
    found = find_locale(code)
    return found.babel if found else SOURCE_LANGUAGE


def same_language(a: str, b: str) -> bool:
    """True for two codes of one language, whatever the region or script ("pt_BR", "pt")."""
    return a.split("_")[0] == b.split("_")[0]
