"""Checks of the medicine list that need the handout's content or the site: entries that will
print as typed rather than translated, dose numbers that can be read two ways, and names that
look like typing slips. All are warnings the nurse confirms before printing (see
pipeline.check)."""

from __future__ import annotations

from vpdischarge.content.doses import handout_readers, typing_locales, unreadable_numbers
from vpdischarge.content.medicine_phrases import untranslated_fields
from vpdischarge.domain.case import Case
from vpdischarge.domain.drug_names import likely_slip, too_short
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import find_locale, same_language
from vpdischarge.domain.notes_check import notes_language
from vpdischarge.domain.site import SiteSettings
from vpdischarge.i18n import _, language_name


def _handout_languages(case: Case) -> list[str]:
    return [code for code in (case.language, case.second_language) if code and find_locale(code)]


def untranslated_medicine_issues(case: Case, site: SiteSettings) -> list[Issue]:
    """A warning for each medicine entry that will print as typed, in the nurse's language,
    on a handout in another language (only the standard phrases are translated)."""
    typed_in = notes_language(case, site.notes_language)
    fields: dict[str, str] = {}
    for code in _handout_languages(case):
        if not same_language(code, typed_in):
            fields.update(untranslated_fields(case, typed_in, code))
    message = _("prints as typed, in {language}: only the standard phrases are translated").format(
        language=language_name(typed_in)
    )
    return [Issue(field_name, message, "warning") for field_name in fields]


def unclear_dose_issues(case: Case, site: SiteSettings) -> list[Issue]:
    """A dose number that cannot be read one way only ("1,00 mg") prints as typed, and may be
    read as another amount, above all once converted for a handout in another language. A
    number written the handout's way ("8,6" on a Spanish handout) is clear enough."""
    nurse = typing_locales(notes_language(case, site.notes_language), site.country)
    patients = handout_readers(case, site.country)
    issues = []
    for n, med in enumerate(case.medications, start=1):
        for number in unreadable_numbers(med.dose, nurse, patients):
            message = _("{number} is not a clear number: write it as in 1000 or 8.6, without spaces")
            issues.append(Issue(f"medications[{n}].dose", message.format(number=number), "warning"))
    return issues


def medicine_name_issues(case: Case, site: SiteSettings) -> list[Issue]:
    """A warning for a name too short to be a medicine's, and, where the nurse types in English
    (the known names are English spellings: "ibuprofeno" is not a slip), for a name close to a
    known one but not it. The suggestion is a medicine's name, never patient data."""
    english = same_language(notes_language(case, site.notes_language), "en")
    issues = []
    for n, med in enumerate(case.medications, start=1):
        field = f"medications[{n}].name"
        if too_short(med.name):
            issues.append(Issue(field, _("is too short to be a medicine's name"), "warning"))
        elif english and (slip := likely_slip(med.name)):
            # The typed word is not repeated: a name typed into the wrong cell would reach logs.
            message = _("may be misspelled: did you mean {known}?")
            issues.append(Issue(field, message.format(known=slip[1]), "warning"))
    return issues
