"""What the case says about the handout's safety text: an opioid to go home with, a blood
thinner to watch the needle site for. The template adds the matching sections."""

from __future__ import annotations

from functools import cache

from vpdischarge.content.medicine_phrases import phrases, standard_index
from vpdischarge.domain.case import Case
from vpdischarge.domain.locales import SOURCE_LANGUAGE
from vpdischarge.domain.medicine_kinds import BLOOD_THINNER, has_opioid, is_kind


@cache
def _blood_thinner_purpose() -> int:
    """The position of "blood thinner" in the standard purposes (medicine_phrases.j2)."""
    return phrases(SOURCE_LANGUAGE)["purpose"].index("blood thinner")


def has_blood_thinner(case: Case, typed_in: str, handout: str) -> bool:
    """A restart date is set, or a medicine is a blood thinner by its name or by the standard
    purpose "blood thinner" (in English, the nurse's language or the handout's)."""
    if case.blood_thinner_restart is not None:
        return True
    for med in case.medications:
        if is_kind(med.name, BLOOD_THINNER):
            return True
        if standard_index(med.purpose, "purpose", (typed_in, handout)) == _blood_thinner_purpose():
            return True
    return False


def safety_context(case: Case, typed_in: str, handout: str) -> dict[str, bool]:
    """The template's switches for the safety text (docs/template-vocabulary.md)."""
    return {
        "has_opioid": has_opioid(case),
        "has_blood_thinner": has_blood_thinner(case, typed_in, handout),
    }
