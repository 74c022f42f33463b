"""Checks on a case, returning every problem at once, each naming its field.

Errors stop a handout from printing; warnings (an old procedure date, a draft translation) are
shown and need the nurse's confirmation in the window.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from vpdischarge.domain.case import ANESTHESIA_KINDS, PROCEDURE_KINDS, Case
from vpdischarge.domain.clinical import check_consistency, check_limits
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import SOURCE_LANGUAGE, find_locale
from vpdischarge.domain.site import SiteSettings
from vpdischarge.domain.text_rules import has_bidi_controls
from vpdischarge.i18n import _, language_name, number

MAX_NAME = 200
MAX_NOTES = 5_000
MAX_MEDICATIONS = 20
MAX_SHORT_TEXT = 200
OLD_PROCEDURE_DAYS = 365
FUTURE_PROCEDURE_DAYS = 60
EARLIEST_PROCEDURE = date(1900, 1, 1)
LATEST_PROCEDURE_DAYS = 2 * 365
_LEVEL = re.compile(r"^(C[1-7]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])$")


def _text_lengths(case: Case) -> list[tuple[str, str, int]]:
    """(field, value, maximum) for every free-text field."""
    items = [
        ("patient.name", case.patient.name, MAX_NAME),
        ("patient.record_number", case.patient.record_number, MAX_SHORT_TEXT),
        ("clinician.name", case.clinician.name, MAX_NAME),
        ("clinician.notes", case.clinician.notes, MAX_NOTES),
        ("follow_up.where", case.follow_up.where, MAX_SHORT_TEXT),
        ("follow_up.phone", case.follow_up.phone, MAX_SHORT_TEXT),
        ("interpreter", case.interpreter, MAX_SHORT_TEXT),
    ]
    for n, med in enumerate(case.medications, start=1):
        for key in ("name", "dose", "when", "purpose"):
            items.append((f"medications[{n}].{key}", getattr(med, key), MAX_SHORT_TEXT))
    return items


def _one_of(choices: tuple[str, ...]) -> str:
    """'a or b' (codes, not translated; the "or" is)."""
    *rest, last = choices
    if not rest:
        return last
    return _("{choices} or {last}").format(choices=", ".join(rest), last=last)


def validate(
    case: Case,
    site: SiteSettings,
    available_languages: frozenset[str],
    today: date | None = None,
) -> list[Issue]:
    """`available_languages` are the codes that have a handout catalog (the content layer knows)."""
    today = today or date.today()
    issues: list[Issue] = []
    add = issues.append

    if not case.patient.name.strip():
        add(Issue("patient.name", _("enter the patient's name")))
    if not case.patient.date_of_birth and not case.patient.record_number.strip():
        add(
            Issue(
                "patient.date_of_birth",
                _("add a date of birth or a record number, so every page can be matched to the patient"),
                "warning",
            )
        )
    if case.patient.date_of_birth and case.patient.date_of_birth > today:
        add(Issue("patient.date_of_birth", _("is in the future")))

    for field, value, maximum in _text_lengths(case):
        if len(value) > maximum:
            add(
                Issue(
                    field,
                    _("is {length} characters long; the limit is {maximum}").format(
                        length=number(len(value)), maximum=number(maximum)
                    ),
                )
            )
        if has_bidi_controls(value):
            add(
                Issue(
                    field,
                    _(
                        "held invisible text-direction characters that can change how it reads; "
                        "they are removed, so it prints exactly as the letters were typed"
                    ),
                    "warning",
                )
            )

    proc = case.procedure
    if proc.kind not in PROCEDURE_KINDS:
        add(Issue("procedure.kind", _("must be {choices}").format(choices=_one_of(PROCEDURE_KINDS))))
    if proc.anesthesia not in ANESTHESIA_KINDS:
        add(Issue("procedure.anesthesia", _("must be {choices}").format(choices=", ".join(ANESTHESIA_KINDS))))
    for level in proc.levels:
        if not _LEVEL.match(level.strip()):
            add(
                Issue(
                    "procedure.levels",
                    _("{level} is not a spine level such as T12 or L1").format(level=repr(level)),
                )
            )
    if proc.date is None:
        add(Issue("procedure.date", _("enter the date of the procedure")))
    elif not EARLIEST_PROCEDURE <= proc.date <= today + timedelta(days=LATEST_PROCEDURE_DAYS):
        # Not a plausible date at all (a typo in the year): every later date is computed from
        # it, up to a year ahead, so it must also leave room in the calendar.
        add(
            Issue(
                "procedure.date",
                _("{date} is not a possible procedure date").format(date=proc.date.isoformat()),
            )
        )
    else:
        if proc.date < today - timedelta(days=OLD_PROCEDURE_DAYS):
            add(Issue("procedure.date", _("is more than a year ago; check it"), "warning"))
        if proc.date > today + timedelta(days=FUTURE_PROCEDURE_DAYS):
            add(
                Issue(
                    "procedure.date",
                    _("is more than {days} days ahead; check it").format(days=FUTURE_PROCEDURE_DAYS),
                    "warning",
                )
            )
        if case.blood_thinner_restart and case.blood_thinner_restart < proc.date:
            add(Issue("blood_thinner_restart", _("is before the procedure date")))
        if case.follow_up.when and case.follow_up.when.date() < proc.date:
            add(Issue("follow_up.when", _("is before the procedure date")))

    if len(case.medications) > MAX_MEDICATIONS:
        add(
            Issue(
                "medications",
                _("has {count} medicines; the limit is {maximum}").format(
                    count=len(case.medications), maximum=MAX_MEDICATIONS
                ),
            )
        )
    for n, med in enumerate(case.medications, start=1):
        if not med.name.strip() and any((med.dose, med.when, med.purpose)):
            add(Issue(f"medications[{n}].name", _("enter the medicine's name or remove the row")))

    accepted, limit_issues = check_limits(case.restrictions, "restrictions")
    issues += limit_issues
    if not limit_issues:
        issues += check_consistency(site.clinical.with_overrides(accepted), "restrictions")

    issues += _language_issues(case, site, available_languages)
    return issues


def _language_issues(case: Case, site: SiteSettings, available: frozenset[str]) -> list[Issue]:
    issues = []
    if not case.language:
        return [Issue("language", _("choose the handout language"))]
    for field, code in (("language", case.language), ("second_language", case.second_language)):
        if not code:
            continue
        locale = find_locale(code)
        if locale is None:
            issues.append(Issue(field, _("{code} is not a handout language").format(code=repr(code))))
        elif locale.code not in available:
            issues.append(
                Issue(
                    field,
                    _("there is no {language} ({native_name}) handout yet").format(
                        language=language_name(locale.code), native_name=locale.native_name
                    ),
                )
            )
        elif locale.code != SOURCE_LANGUAGE and locale.code not in site.approved_translations:
            issues.append(
                Issue(
                    field,
                    _(
                        "the {language} translation is a draft, not yet approved by a "
                        "qualified medical translator"
                    ).format(language=language_name(locale.code)),
                    "warning",
                )
            )
    if case.second_language and find_locale(case.second_language) == find_locale(case.language):
        issues.append(Issue("second_language", _("is the same as the handout language"), "warning"))
    if case.clinician.notes_language and find_locale(case.clinician.notes_language) is None:
        issues.append(
            Issue(
                "clinician.notes_language",
                _("{code} is not a known language code").format(code=repr(case.clinician.notes_language)),
            )
        )
    return issues
