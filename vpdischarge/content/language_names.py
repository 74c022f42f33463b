"""The name of a handout language, written in another language: for the handout ("Your care
team wrote these notes in inglés") and the window ("prints as typed, in Haitian Creole").

One function for both, so the window and the paper never name a language two ways. CLDR gives
the names, except where it falls short (locale_gaps): in Creole and Tagalog, and for our "ht"
and "tl", whose CLDR locales ("fr_HT", "fil") would be called "French (Haiti)" and "Filipino
(Philippines)".
"""

from __future__ import annotations

from babel import Locale

from vpdischarge.content.locale_gaps import LANGUAGE_NAMES
from vpdischarge.domain.locales import find_locale

# Our code of a language CLDR knows by another name.
_OUR_CODE = {"fil": "tl"}


def language_name(code: str, written_in: str, reader: str = "") -> str:
    """The name of handout language `code` written in our language `reader` ("ht"), with CLDR
    locale `written_in` where CLDR has the name ("inglés" for "en" in "es_US", "Ingles" in
    "fil", "angle" for reader "ht"); `code` itself when it is not one of our languages.
    Without `reader`, the language of `written_in`."""
    target = find_locale(code)
    if target is None:
        return code
    try:
        cldr = Locale.parse(written_in)
    except (ValueError, LookupError):
        return target.english_name
    own_table = LANGUAGE_NAMES.get(reader or _OUR_CODE.get(cldr.language, cldr.language))
    if own_table and target.code in own_table:
        return own_table[target.code]
    if target.code == "tl":
        # CLDR files Tagalog under Filipino ("fil_PH"); its name for "tl" is "Tagalog".
        return cldr.languages.get("tl") or target.english_name
    try:
        # The language alone, with a script or a region only where our code has one
        # ("Chinese (Simplified)", "Portuguese (Brazil)"), never the site's region.
        language = Locale.parse("ht") if target.code == "ht" else Locale.parse(target.babel)
        return language.get_display_name(cldr) or target.english_name
    except (ValueError, LookupError):
        return target.english_name
