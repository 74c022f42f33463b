"""The log entry for one handout given, from the case, the site settings and the PDF bytes.

One function for both doors, so the window and `vpdischarge render` log the same facts the same
way. The patient's name is taken from the case only when the site opts in.
"""

from __future__ import annotations

import hashlib

from vpdischarge import __version__
from vpdischarge.domain.case import Case
from vpdischarge.domain.locales import SOURCE_LANGUAGE
from vpdischarge.domain.site import SiteSettings
from vpdischarge.records.handout_log import LogEntry, new_entry

NOT_ASSESSED = "not assessed"


def handout_languages(case: Case) -> list[str]:
    second = case.second_language
    return [case.language] + ([second] if second and second != case.language else [])


def translation_status(code: str, site: SiteSettings) -> str:
    """ "source" for English, "approved" when the site names a reviewer, else "draft"."""
    if code == SOURCE_LANGUAGE:
        return "source"
    return "approved" if code in site.approved_translations else "draft"


def translation_statuses(languages: list[str], site: SiteSettings) -> str:
    """Per language, as the log and the education record keep it: "es:draft,en:source"."""
    return ",".join(f"{code}:{translation_status(code, site)}" for code in languages)


def content_version(site: SiteSettings) -> str:
    """Which words were printed: the program's version (its template and catalogs), and whether
    the hospital's own template replaced the bundled one."""
    version = f"vpdischarge {__version__}"
    return f"{version} + site template" if site.template_folder is not None else version


def entry_for(
    case: Case,
    site: SiteSettings,
    pdf: bytes,
    action: str,
    teach_back: str = NOT_ASSESSED,
    learner: str | None = None,
) -> LogEntry:
    """The entry; it names the patient only when the site opts in (`[log] include_patient_name`)."""
    languages = handout_languages(case)
    return new_entry(
        action=action,
        record_number=case.patient.record_number or "",
        languages=",".join(languages),
        print_size="large" if case.large_print else "normal",
        content_version=content_version(site),
        translation_status=translation_statuses(languages, site),
        teach_back=teach_back,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        learner=learner,
        patient_name=case.patient.name if site.log_include_patient_name else None,
    )


def send_education_record(
    case: Case,
    site: SiteSettings,
    pdf: bytes,
    teach_back: str = NOT_ASSESSED,
    learner: str | None = None,
) -> str | None:
    """Drop the education record when the site asks for one (`[record] folder`). None when done
    or not asked for, else a one-line reason naming the setting (never the patient)."""
    if site.record_folder is None:
        return None
    # Only here: the FHIR models take a quarter of a second to import, which every
    # `vpdischarge render` paid whether or not the site asked for a record.
    from vpdischarge.records.education_bundle import Education, education_bundle
    from vpdischarge.records.record_folder import RecordError, write_record

    languages = handout_languages(case)
    education = Education(
        record_number=case.patient.record_number or "",
        languages=tuple(languages),
        translation_status=translation_statuses(languages, site),
        content_version=content_version(site),
        teach_back=teach_back,
        interpreter=bool(case.interpreter) or None,  # an interpreter named in the case was used
        learner=learner,
        record_system=site.ehr_record_system,
        patient_name=case.patient.name if site.record_include_patient_name else None,
    )
    if not education.record_number.strip():
        return "site.record.folder: no education record was written: the case has no patient.record_number"
    try:
        write_record(site.record_folder, education_bundle(pdf, education))
    except RecordError as exc:
        return str(exc)
    return None
