"""The name of a handout language, written in another language: for the handout ("Your care
team wrote these notes in inglés") and the window ("prints as typed, in Haitian Creole").

One function for both, so the window and the paper never name a language two ways. CLDR gives
the names, except where it falls short (locale_gaps): in Creole and Tagalog, and for our "ht"
and "tl", which CLDR would otherwise call "French (Haiti)" and "Filipino (Philippines)".
"""

from __future__ import annotations

from babel import Locale

from vpdischarge.content.locale_gaps import LANGUAGE_NAMES
from vpdischarge.domain.locales import find_locale


def language_name(code: str, written_in: str) -> str:
    """The name of handout language `code` in CLDR locale `written_in` ("inglés" for "en" in
    "es_US", "Ingles" in "fil"); `code` itself when it is not one of our languages."""
    target = find_locale(code)
    if target is None:
        return code
    try:
        reader = Locale.parse(written_in)
    except (ValueError, LookupError):
        return target.english_name
    own_table = LANGUAGE_NAMES.get(reader.language)
    if own_table and target.code in own_table:
        return own_table[target.code]
    if target.code == "tl":
        # CLDR files Tagalog under Filipino ("fil_PH"); its name for "tl" is "Tagalog".
        return reader.languages.get("tl") or target.english_name
    try:
        # The language alone, with a script or a region only where our code has one
        # ("Chinese (Simplified)", "Portuguese (Brazil)"), never the site's region.
        return Locale.parse(target.babel).get_display_name(reader) or target.english_name
    except (ValueError, LookupError):
        return target.english_name
