"""The template context: case + site + language, with every date and unit already worked out.

Templates only choose words; all arithmetic happens here, once, where it can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from vpdischarge.content.calendar import add_months, after_days, after_hours, after_weeks
from vpdischarge.content.doses import dose_for_reader
from vpdischarge.content.formatting import Formatter
from vpdischarge.content.medicine_phrases import KINDS, in_language, untranslated_fields
from vpdischarge.content.safety import safety_context
from vpdischarge.content.text import isolated, isolated_lines, printable, typed
from vpdischarge.domain import notes_check
from vpdischarge.domain.case import Case
from vpdischarge.domain.clinical import ClinicalLimits, check_limits
from vpdischarge.domain.locales import HandoutLocale, same_language
from vpdischarge.domain.site import SiteSettings


@dataclass(frozen=True)
class KeyDates:
    """Every duration of the handout as a real calendar date."""

    sedation_until: date
    dressing_off: date
    shower_from: date
    soak_from: date
    lift_until: date
    lift_2_until: date
    bend_until: date
    exercise_from: date
    drive_from: date
    recovery_from: date
    recovery_to: date
    follow_up_from: date
    follow_up_to: date


def key_dates(procedure_day: date, limits: ClinicalLimits) -> KeyDates:
    return KeyDates(
        sedation_until=after_hours(procedure_day, 24),
        dressing_off=after_hours(procedure_day, limits.dressing_off_hours),
        shower_from=after_hours(procedure_day, limits.shower_after_hours),
        soak_from=after_days(procedure_day, limits.no_soak_days),
        lift_until=after_weeks(procedure_day, limits.lift_weeks),
        lift_2_until=add_months(procedure_day, limits.lift_2_months),
        bend_until=after_weeks(procedure_day, limits.bend_weeks),
        exercise_from=after_weeks(procedure_day, limits.exercise_weeks),
        drive_from=after_days(procedure_day, limits.drive_days),
        recovery_from=after_weeks(procedure_day, limits.recovery_weeks_min),
        recovery_to=after_weeks(procedure_day, limits.recovery_weeks_max),
        follow_up_from=after_weeks(procedure_day, limits.follow_up_weeks_min),
        follow_up_to=after_weeks(procedure_day, limits.follow_up_weeks_max),
    )


def merged_limits(case: Case, site: SiteSettings) -> ClinicalLimits:
    """Site defaults with this patient's overrides (already range-checked by validation)."""
    accepted, _ = check_limits(case.restrictions, "restrictions")
    return site.clinical.with_overrides(accepted)


def medications(case: Case, locale: HandoutLocale, typed_in: str) -> list[dict[str, str]]:
    """The medicine rows to print: standard phrases in the handout's language, the rest as typed."""
    rows = []
    for med in case.medications:
        if not med.name.strip():
            continue
        row = {key: printable(getattr(med, key)).strip() for key in ("name", "dose", "when", "purpose")}
        row["dose"] = dose_for_reader(row["dose"], case, typed_in, locale)
        for kind in KINDS:
            row[kind] = in_language(row[kind], kind, locale.code, typed_in) or row[kind]
        rows.append({key: isolated(value) for key, value in row.items()})
    return rows


def printed_site(site: SiteSettings) -> SiteSettings:
    """The site with its printed text cleaned and isolated like anything a nurse types: a
    hospital's file can hold invisible controls too."""
    cleaned: dict[str, Any] = {key: typed(getattr(site, key)) for key in SITE_TEXT}
    return replace(site, **cleaned)


# The site settings a template prints.
SITE_TEXT = ("hospital_name", "clinic_phone", "after_hours_phone", "emergency_number")


def build_context(case: Case, site: SiteSettings, locale: HandoutLocale, printed_on: date) -> dict[str, Any]:
    """Everything the template may use. `case` must have passed validation (it has a date)."""
    assert case.procedure.date is not None, "validate the case before building its context"
    fmt = Formatter(locale.babel, rtl=locale.direction == "rtl", language=locale.code, units=True)
    limits = merged_limits(case, site)
    notes_language = notes_check.notes_language(case, site.notes_language)
    notes_lines = isolated_lines(case.clinician.notes)
    follow_up = replace(case.follow_up, where=typed(case.follow_up.where), phone=typed(case.follow_up.phone))
    return {
        "lang": locale.code,
        "dir": locale.direction,
        "site": printed_site(site),
        "patient": {
            "name": typed(case.patient.name),
            "date_of_birth": case.patient.date_of_birth,
            "record_number": typed(case.patient.record_number),
        },
        "procedure": {
            "kind": case.procedure.kind,
            "date": case.procedure.date,
            "levels": isolated(", ".join(printable(x).strip() for x in case.procedure.levels if x.strip())),
            "anesthesia": case.procedure.anesthesia,
        },
        "limits": limits,
        "dates": key_dates(case.procedure.date, limits),
        "lift_limit": fmt.weight(limits.lift_limit_lb, site.weight_unit),
        "lift_limit_2": fmt.weight(limits.lift_limit_2_lb, site.weight_unit),
        "fever": fmt.temperature(limits.fever_c, site.temperature_unit),
        "medications": medications(case, locale, notes_language),
        # Name the language of medicine entries that print as typed, if not the handout's.
        "medications_language_name": (
            fmt.language_name(notes_language)
            if not same_language(notes_language, locale.code)
            and untranslated_fields(case, notes_language, locale.code)
            else None
        ),
        "blood_thinner_restart": case.blood_thinner_restart,
        "follow_up": follow_up,
        "follow_up_where": follow_up.where,
        "follow_up_phone": follow_up.phone,
        "clinician_name": typed(case.clinician.name),
        "notes_lines": notes_lines,
        # Name the notes' language only when it differs from the handout's.
        "notes_language_name": (
            fmt.language_name(notes_language)
            if notes_lines and not same_language(notes_language, locale.code)
            else None
        ),
        "interpreter": typed(case.interpreter),
        "large_print": case.large_print,
        "printed_on": printed_on,
        # How many spine levels `procedure.levels` names (for "bone"/"bones").
        "level_count": len(case.procedure.levels),
        # Between two sentences run on in one paragraph: Chinese and Japanese put no space.
        "sentence_space": "" if locale.breaks_between_characters else " ",
        **safety_context(case, notes_language, locale.code),
    }
