"""Words CLDR leaves out for two handout languages, in a small table of our own.

CLDR's Haitian Creole ("ht") has numbers and times but no month, weekday or unit names, and no
language names: through French, a Creole handout printed "vendredi 4 décembre", "10 livres" and
"anglais". CLDR's Filipino ("fil", our Tagalog) names languages in English ("English" where a
Tagalog reader says "Ingles"). These tables fill exactly those gaps; everything else still comes
from CLDR.

STATUS = "draft": like the handout catalogs, these words are machine-drafted and checked against
published Creole and Tagalog usage, not yet approved by a qualified medical translator (the
December 2026 translation review listed the Creole months and weekdays used here).
"""

from __future__ import annotations

STATUS = "draft"

# Haitian Creole, in the official orthography (lowercase, as inside a sentence).
CREOLE_MONTHS = (
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
)
# Monday first, as date.weekday() counts.
CREOLE_WEEKDAYS = ("lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch")

# Spelled-out units (the handout spells the site's unit; the other is abbreviated, "lb", "kg").
# Creole nouns do not change in the plural ("10 liv").
CREOLE_UNITS = {"mass-pound": "liv", "mass-kilogram": "kilogram"}

# The name of each handout language, by the language it is written in (our code).
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "ht": {
        "en": "angle",
        "es": "panyòl",
        "zh_Hans": "chinwa (senplifye)",
        "zh_Hant": "chinwa (tradisyonèl)",
        "vi": "vyetnamyen",
        "ko": "koreyen",
        "tl": "tagalòg",
        "ru": "ris",
        "uk": "ikrenyen",
        "ar": "arab",
        "fa": "pèsan",
        "ht": "kreyòl ayisyen",
        "fr": "franse",
        "pl": "polonè",
        "pt_BR": "pòtigè (Brezil)",
        "de": "alman",
        "it": "italyen",
        "ja": "japonè",
        "hi": "hindi",
        "tr": "tik",
    },
    "tl": {
        "en": "Ingles",
        "es": "Espanyol",
        "zh_Hans": "Tsino (Pinasimple)",
        "zh_Hant": "Tsino (Tradisyonal)",
        "vi": "Biyetnames",
        "ko": "Koreano",
        "tl": "Tagalog",
        "ru": "Ruso",
        "uk": "Ukranyano",
        "ar": "Arabe",
        "fa": "Persyano",
        "ht": "Kreyol ng Haiti",
        "fr": "Pranses",
        "pl": "Polako",
        "pt_BR": "Portuges (Brazil)",
        "de": "Aleman",
        "it": "Italyano",
        "ja": "Hapones",
        "hi": "Hindi",
        "tr": "Turko",
    },
}
