"""Checks on a case, returning every problem at once, each naming its field.

Errors stop a handout from printing; warnings (an old procedure date, a draft translation) are
shown and need the nurse's confirmation in the window.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from vpdischarge.domain.case import ANESTHESIA_KINDS, PROCEDURE_KINDS, Case
from vpdischarge.domain.case_schema import (
    LEVEL,
    MAX_MEDICATIONS,
    MAX_NAME,
    MAX_NOTES,
    MAX_SHORT_TEXT,
    text_fields,
)
from vpdischarge.domain.clinical import check_consistency, check_limits
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import LOCALES, SOURCE_LANGUAGE, find_locale
from vpdischarge.domain.site import SiteSettings
from vpdischarge.domain.text_rules import has_bidi_controls
from vpdischarge.i18n import _, language_name, ngettext, number

__all__ = ["MAX_MEDICATIONS", "MAX_NAME", "MAX_NOTES", "MAX_SHORT_TEXT", "validate"]

# Outside these the date is not a typo to check but impossible: every later date is computed
# from it, up to a year ahead, so it must also leave room in the calendar.
EARLIEST_PROCEDURE = date(1900, 1, 1)
LATEST_PROCEDURE_DAYS = 2 * 365
# The oldest patient a date of birth can belong to, in years before the procedure.
MAX_AGE_YEARS = 120
# A blood thinner is restarted within days or weeks; a date months later is a typo.
MAX_RESTART_DAYS = 90
# A follow-up visit before 7 in the morning is almost always a time typed without its PM.
EARLIEST_VISIT_HOUR = 7
# A language code may be quoted back (it is not patient data); anything else typed there may be.
_LEVEL_LIKE = re.compile(r"[A-Za-z][0-9]{1,2}", re.ASCII)
_CODE_LIKE = re.compile(r"[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,2}", re.ASCII)


def _years_between(earlier: date, later: date) -> int:
    """Whole years from `earlier` to `later` (an age)."""
    return later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))


def _code_problem(code: str) -> str:
    """Why `code` is not one of our languages, quoting it only if it looks like a code, and
    suggesting the codes of the same language ("zh" -> zh_Hans or zh_Hant)."""
    if not _CODE_LIKE.fullmatch(code):
        return _("is not a language code (see vpdischarge locales)")
    base = code.replace("-", "_").split("_")[0].lower()
    similar = [loc.code for loc in LOCALES if loc.code.split("_")[0].lower() == base]
    if similar:
        return _("{code} is not a handout language; did you mean {choices}?").format(
            code=repr(code), choices=_one_of(tuple(similar))
        )
    return _("{code} is not a handout language (see vpdischarge locales)").format(code=repr(code))


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
    for field, value, maximum in text_fields(case):
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
    for n, level in enumerate(proc.levels, start=1):
        if not LEVEL.match(level.strip()):
            # A near-miss such as T13 is quoted (it cannot be patient data); anything else is
            # named by its place in the list.
            if _LEVEL_LIKE.fullmatch(level.strip()):
                message = _("{level} is not a spine level such as T12 or L1").format(
                    level=repr(level.strip())
                )
            else:
                message = _("entry {n} is not a spine level such as T12 or L1").format(n=n)
            add(Issue("procedure.levels", message))
    issues += _date_issues(case, site, today)

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


def _date_issues(case: Case, site: SiteSettings, today: date) -> list[Issue]:
    """Each date on its own and against the procedure date, which all the others hang from.
    No message repeats the date (it may be a date of birth)."""
    issues: list[Issue] = []
    add = issues.append
    proc_date = case.procedure.date
    possible = proc_date is not None and (
        EARLIEST_PROCEDURE <= proc_date <= today + timedelta(days=LATEST_PROCEDURE_DAYS)
    )
    if proc_date is None:
        add(Issue("procedure.date", _("enter the date of the procedure")))
    elif not possible:
        add(Issue("procedure.date", _("is not a possible procedure date; check the year")))
    elif proc_date < today - timedelta(days=site.procedure_max_days_ago):
        days = site.procedure_max_days_ago
        message = ngettext(
            "is more than {days} day ago; check it", "is more than {days} days ago; check it", days
        )
        add(Issue("procedure.date", message.format(days=days), "warning"))
    elif proc_date > today + timedelta(days=site.procedure_max_days_ahead):
        days = site.procedure_max_days_ahead
        if days == 0:
            message = _("is in the future; check it")
        else:
            message = ngettext(
                "is more than {days} day ahead; check it", "is more than {days} days ahead; check it", days
            ).format(days=days)
        add(Issue("procedure.date", message, "warning"))

    born = case.patient.date_of_birth
    # Ages are counted to the procedure when its date can be trusted, else to today.
    reference = proc_date if possible and proc_date is not None else today
    if born is not None:
        if born > today:
            add(Issue("patient.date_of_birth", _("is in the future")))
        elif born > reference:
            add(Issue("patient.date_of_birth", _("is after the procedure date")))
        elif _years_between(born, reference) >= MAX_AGE_YEARS + 1:
            add(
                Issue(
                    "patient.date_of_birth",
                    _("is more than {years} years before the procedure; check the year").format(
                        years=MAX_AGE_YEARS
                    ),
                )
            )

    if possible and proc_date is not None:
        restart = case.blood_thinner_restart
        if restart is not None and restart < proc_date:
            add(Issue("blood_thinner_restart", _("is before the procedure date")))
        elif restart is not None and restart > proc_date + timedelta(days=MAX_RESTART_DAYS):
            add(
                Issue(
                    "blood_thinner_restart",
                    _("is more than {days} days after the procedure; check it").format(days=MAX_RESTART_DAYS),
                )
            )
        visit = case.follow_up.day
        if visit is not None and visit < proc_date:
            add(Issue("follow_up.when", _("is before the procedure date")))
    when = case.follow_up.when
    if case.follow_up.has_time and isinstance(when, datetime) and when.hour < EARLIEST_VISIT_HOUR:
        # "2:30" typed without am/pm reads as 2:30 at night: a clinic visit then is a slip.
        add(Issue("follow_up.when", _("is at night; check the time (AM or PM)"), "warning"))
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
            issues.append(Issue(field, _code_problem(code)))
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
        issues.append(Issue("clinician.notes_language", _code_problem(case.clinician.notes_language)))
    return issues
