"""Checks of the medicine list that need the handout's content: entries that will print as
typed rather than translated, and dose numbers that can be read two ways. Both are warnings the
nurse confirms before printing (see pipeline.check)."""

from __future__ import annotations

from vpdischarge.content.doses import unreadable_numbers
from vpdischarge.content.medicine_phrases import untranslated_fields
from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import find_locale
from vpdischarge.domain.site import SiteSettings
from vpdischarge.i18n import _, language_name


def untranslated_medicine_issues(case: Case, site: SiteSettings) -> list[Issue]:
    """A warning for each medicine entry that will print as typed, in the nurse's language,
    on a handout in another language (only the standard phrases are translated)."""
    if find_locale(case.language) is None:
        return []  # validation reports the language itself
    typed_in = case.clinician.notes_language or site.notes_language
    handout_languages = {case.language.split("_")[0]} | (
        {case.second_language.split("_")[0]} if case.second_language else set()
    )
    if handout_languages <= {typed_in.split("_")[0]}:
        return []
    message = _("prints as typed, in {language}: only the standard phrases are translated").format(
        language=language_name(typed_in)
    )
    return [
        Issue(field_name, message, "warning") for field_name, _text in untranslated_fields(case, typed_in)
    ]


def unclear_dose_issues(case: Case, site: SiteSettings) -> list[Issue]:
    """A dose number that cannot be read one way only ("1,00 mg") prints as typed, and may be
    read as another amount, above all once converted for a handout in another language."""
    typed_in = find_locale(case.clinician.notes_language or site.notes_language)
    issues = []
    for n, med in enumerate(case.medications, start=1):
        for number in unreadable_numbers(med.dose, typed_in.babel if typed_in else "en"):
            message = _("{number} is not a clear number: write it as in 1000 or 8.6, without spaces")
            issues.append(Issue(f"medications[{n}].dose", message.format(number=number), "warning"))
    return issues
