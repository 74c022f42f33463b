"""Which of two languages a short typed entry is written in: the nurse's or the patient's.

A Spanish-speaking nurse may type "al acostarse" straight into a Spanish handout; that entry
needs no translation and no warning, though it is not one of the standard phrases word for
word. Short entries are told apart by the words of the handout catalogs: the language whose
handout text uses more of the entry's words wins, the nurse's language on a tie. Letters of a
script the nurse's language does not use (Han, Arabic, Hangul...) settle it at once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from vpdischarge.content.catalogs import available_languages, translations_for
from vpdischarge.domain.locales import SOURCE_LANGUAGE, find_locale

_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """The words of `text`, case-folded: runs of letters (digits and punctuation split them)."""
    return [w.casefold() for w in _WORD.findall(text)]


@cache
def vocabulary(code: str) -> frozenset[str]:
    """Every word of language `code`'s handout text (English: the catalogs' source text)."""
    if code == SOURCE_LANGUAGE:
        others = sorted(available_languages() - {SOURCE_LANGUAGE})
        texts = list(getattr(translations_for(others[0]), "_catalog", {})) if others else []
    else:
        texts = list(getattr(translations_for(code), "_catalog", {}).values())
    return frozenset(w for text in texts if isinstance(text, str) for w in words(text))


def _is_latin(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


def written_in(text: str, nurse: str, patient: str) -> str:
    """`nurse` or `patient` (language codes): the one `text` is more likely written in."""
    letters = [ch for ch in text if ch.isalpha()]
    nurse_locale, patient_locale = find_locale(nurse), find_locale(patient)
    if not letters or nurse_locale is None or patient_locale is None or nurse == patient:
        return nurse
    if nurse_locale.script == "Latin" and any(not _is_latin(ch) for ch in letters):
        return patient if patient_locale.script != "Latin" else nurse
    found = words(text)
    nurse_score = sum(w in vocabulary(nurse) for w in found)
    patient_score = sum(w in vocabulary(patient) for w in found)
    return patient if patient_score > nurse_score else nurse
