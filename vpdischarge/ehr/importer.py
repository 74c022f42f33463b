"""A FHIR Bundle made into a case, with an account of what came from the record.

The parts are gathered into case-file data (schema 1) and read back through
`case_file.case_from_dict`, so an imported case holds exactly what a case file could, and passes
the same checks. The report names fields and counts only, never their values: the nurse sees the
values in the window or the case file, and the report may be shown or logged where they must not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vpdischarge.domain.case import Case
from vpdischarge.domain.case_file import case_from_dict
from vpdischarge.domain.case_schema import MAX_MEDICATIONS, SCHEMA
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.site import SiteSettings
from vpdischarge.ehr.appointment import visit_part
from vpdischarge.ehr.bundle import ReadBundle, parse_bundle, read_bundle
from vpdischarge.ehr.medicines import medicine_rows
from vpdischarge.ehr.patient import patient_part
from vpdischarge.ehr.procedure import procedure_part
from vpdischarge.i18n import _, ngettext, number


@dataclass
class ImportResult:
    case: Case
    # Fields filled from the record ("patient.name", "medications[2].when").
    imported: list[str] = field(default_factory=list)
    # Fields the record did not hold, or held in a form that could not be taken over.
    not_mapped: list[Issue] = field(default_factory=list)
    # Things to check or decide (a blood thinner's restart date, a procedure known by name).
    to_check: list[Issue] = field(default_factory=list)


def _one_patient(bundle: ReadBundle):
    patients = bundle.of_type("Patient")
    if len(patients) != 1:
        message = (
            _("holds no Patient resource; import needs the patient's own record")
            if not patients
            else _("holds {count} Patient resources; import takes one patient's record").format(
                count=number(len(patients))
            )
        )
        raise InputError([Issue("bundle", message)])
    return patients[0].resource


def case_from_bundle(bundle: ReadBundle, site: SiteSettings, today: date | None = None) -> ImportResult:
    today = today or date.today()
    data: dict[str, Any] = {"schema": SCHEMA}
    imported: list[str] = []
    not_mapped: list[Issue] = []
    to_check: list[Issue] = []

    def missing(path: str, message: str) -> None:
        not_mapped.append(Issue(path, message, "warning"))

    person = patient_part(_one_patient(bundle), site.ehr_record_system)
    patient: dict[str, Any] = {}
    for key, value in (("name", person.name), ("record_number", person.record_number)):
        if value:
            patient[key] = value
            imported.append(f"patient.{key}")
    if person.birth_date:
        patient["date_of_birth"] = person.birth_date.isoformat()
        imported.append("patient.date_of_birth")
    data["patient"] = patient
    if not person.name:
        missing("patient.name", _("the Patient has no name"))
    if person.partial_birth_date:
        missing("patient.date_of_birth", _("the record gives only part of the date; enter the whole date"))
    elif not person.birth_date:
        missing("patient.date_of_birth", _("not in the record"))
    if not person.record_number:
        if site.ehr_record_system:
            missing("patient.record_number", _("the Patient has no identifier of the site's record_system"))
        else:
            missing("patient.record_number", _("the Patient has no identifier typed MR"))
    if person.language:
        data["language"] = person.language
        imported.append("language")
    else:
        missing("language", _("the record names no language there is a handout in; choose one"))

    proc = procedure_part([e.resource for e in bundle.of_type("Procedure")])
    procedure: dict[str, Any] = {}
    if proc.kind:
        procedure["kind"] = proc.kind
        imported.append("procedure.kind")
        if proc.by_name:
            to_check.append(
                Issue("procedure.kind", _("recognised by its name, not by a CPT code; check it"), "warning")
            )
        if proc.count > 1:
            to_check.append(
                Issue(
                    "procedure.date",
                    _("the record holds {count} such procedures; the latest was taken").format(
                        count=number(proc.count)
                    ),
                    "warning",
                )
            )
        if proc.date:
            procedure["date"] = proc.date.isoformat()
            imported.append("procedure.date")
        else:
            missing("procedure.date", _("the procedure in the record has no date"))
        if proc.levels:
            procedure["levels"] = proc.levels
            imported.append("procedure.levels")
    else:
        missing("procedure.kind", _("no vertebroplasty or kyphoplasty in the record (CPT 22510-22515)"))
    data["procedure"] = procedure

    rows, active, unnamed = medicine_rows(bundle)
    if unnamed:
        missing(
            "medications",
            ngettext(
                "{count} active medicine has no name in the record",
                "{count} active medicines have no name in the record",
                unnamed,
            ).format(count=number(unnamed)),
        )
    if len(rows) > MAX_MEDICATIONS:
        missing(
            "medications",
            _("the record lists {count} active medicines; the first {maximum} were taken").format(
                count=number(len(rows)), maximum=number(MAX_MEDICATIONS)
            ),
        )
        rows = rows[:MAX_MEDICATIONS]
    if active - unnamed > len(rows) and len(rows) < MAX_MEDICATIONS:
        to_check.append(
            Issue("medications", _("medicines listed more than once in the record are shown once"), "warning")
        )
    medications = []
    for n, row in enumerate(rows, start=1):
        where = f"medications[{n}]"
        medications.append({"name": row.name, "dose": row.dose, "when": row.when, "purpose": row.purpose})
        imported.append(f"{where}.name")
        if row.dose:
            imported.append(f"{where}.dose")
        if "dose" in row.gaps:
            missing(f"{where}.dose", _("the strength could not be read from the medicine's name; enter it"))
        if row.when:
            imported.append(f"{where}.when")
            if row.when_kind == "text":
                to_check.append(
                    Issue(f"{where}.when", _("the record's own words, not a standard phrase"), "warning")
                )
        else:
            missing(f"{where}.when", _("the record gives no timing a standard phrase says; enter it"))
    data["medications"] = medications
    thinners = [str(n) for n, row in enumerate(rows, start=1) if row.blood_thinner]
    if thinners:
        to_check.append(
            Issue(
                "blood_thinner_restart",
                ngettext(
                    "a blood thinner is on the list (medicine {rows}): ask when it may be restarted, "
                    "and enter the day",
                    "blood thinners are on the list (medicines {rows}): ask when they may be restarted, "
                    "and enter the day",
                    len(thinners),
                ).format(rows=", ".join(thinners)),
                "warning",
            )
        )

    visit = visit_part(bundle, proc.date or today)
    if visit.when:
        follow_up = {"when": visit.when.isoformat(timespec="minutes")}
        imported.append("follow_up.when")
        for key in ("where", "phone"):
            if getattr(visit, key):
                follow_up[key] = getattr(visit, key)
                imported.append(f"follow_up.{key}")
        data["follow_up"] = follow_up
    else:
        missing("follow_up.when", _("no booked appointment after the procedure in the record"))

    case, issues = case_from_dict(data)
    # The data is built here, so this is not expected; if it happens, it must not pass unseen.
    not_mapped += issues
    return ImportResult(case, imported, not_mapped, to_check)


def import_bundle(path: Path, site: SiteSettings, today: date | None = None) -> ImportResult:
    """Read the Bundle in `path` and make a case of it. Raises InputError for a bad bundle."""
    return case_from_bundle(read_bundle(path), site, today)


def import_bytes(raw: bytes, site: SiteSettings, today: date | None = None) -> ImportResult:
    return case_from_bundle(parse_bundle(raw), site, today)
