"""Standard medicine phrases ("every 6 hours if needed", "pain") in the handout's language.

The nurse types the medicine table in her own language. A Vietnamese patient cannot read
"at bedtime", and a nurse cannot type Vietnamese; so the common phrases for when to take a
medicine and what it is for come from the handout catalogs. Typed text that matches one of them
(in English, in the nurse's language or already in the patient's, ignoring case and spacing)
prints translated; anything else prints exactly as typed, and `untranslated_fields` lets the
engine warn about it.

The phrase lists live in ``resources/templates/medicine_phrases.j2`` so translators get them with
the rest of the handout text.
"""

from __future__ import annotations

from functools import cache

from vpdischarge.content.template import environment
from vpdischarge.content.typed_language import words, written_in
from vpdischarge.domain.case import Case
from vpdischarge.domain.locales import SOURCE_LANGUAGE, find_locale

PHRASES_TEMPLATE = "medicine_phrases.j2"
KINDS = ("when", "purpose")


def _normal(text: str) -> str:
    return " ".join(text.split()).rstrip(".").casefold()


@cache
def phrases(code: str) -> dict[str, tuple[str, ...]]:
    """For each kind, the standard phrases in language `code`, in the lists' order (English for
    a code that is not one of ours)."""
    locale = find_locale(code) or find_locale(SOURCE_LANGUAGE)
    module = environment(locale).get_template(PHRASES_TEMPLATE).module
    return {kind: tuple(str(p) for p in getattr(module, kind)) for kind in KINDS}


def standard_index(text: str, kind: str, languages: tuple[str, ...]) -> int | None:
    """Which standard phrase `text` is, written in English or in one of `languages`."""
    wanted = _normal(text)
    if not wanted:
        return None
    for code in (SOURCE_LANGUAGE, *languages):
        for index, phrase in enumerate(phrases(code)[kind]):
            if _normal(phrase) == wanted:
                return index
    return None


def _like(typed: str, phrase: str) -> str:
    """`phrase` with a capital first letter if the nurse wrote one ("Pain" → "Dolor")."""
    if typed[:1].isupper() and phrase[:1].islower():
        return phrase[:1].upper() + phrase[1:]
    return phrase


def in_language(text: str, kind: str, code: str, typed_in: str) -> str | None:
    """`text` in handout language `code` if it is a standard phrase (written in English, in the
    nurse's language `typed_in` or already in `code`), else None."""
    index = standard_index(text, kind, (typed_in, code))
    if index is None:
        return None
    return _like(text.strip(), phrases(code)[kind][index])


# Unit symbols a dose may hold that read the same on a handout in any language ("500 mg",
# "5 mL", "2.5 %"); any other word in a dose ("2 tablets", "1 puff") is in some language.
_UNIT_SYMBOLS = frozenset({"mg", "g", "kg", "mcg", "µg", "μg", "ng", "ml", "l", "mmol", "meq", "iu"})


def _dose_words(dose: str) -> str:
    """The words of `dose` other than its numbers and unit symbols ("2 tablets" → "tablets")."""
    return " ".join(w for w in words(dose) if w not in _UNIT_SYMBOLS)


def untranslated_fields(case: Case, typed_in: str, handout: str) -> list[tuple[str, str]]:
    """(field, text) of every "when" and "what it is for" entry that will print as typed, in
    the nurse's language `typed_in`, on a handout in language `handout`: not a standard phrase
    and not written in the handout's language already. Entries without letters (a time such as
    "8:00") read the same in any language and are left out. A dose is never translated: it is
    listed when it holds words besides its numbers and unit symbols ("2 tablets") that are not
    written in the handout's language."""
    found = []
    for n, med in enumerate(case.medications, start=1):
        if not med.name.strip():
            continue
        words = _dose_words(med.dose)
        if words and written_in(words, typed_in, handout) != handout:
            found.append((f"medications[{n}].dose", med.dose))
        for kind in KINDS:
            text = getattr(med, kind)
            if (
                any(ch.isalpha() for ch in text)
                and standard_index(text, kind, (typed_in, handout)) is None
                and written_in(text, typed_in, handout) != handout
            ):
                found.append((f"medications[{n}].{kind}", text))
    return found
