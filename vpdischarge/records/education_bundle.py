"""The record of the education given: a FHIR R4 transaction Bundle for the EHR's interface engine.

Two resources: a DocumentReference holding the exact PDF given (LOINC 8653-8 "Hospital Discharge
instructions", the document type C-CDA's Hospital Discharge Instructions section uses), and a
Procedure "Patient education" (SNOMED CT 311401005) saying in which language(s), with or without
an interpreter, to whom, from which content and translation status, and what the patient could
say back. The patient is named by record number only (a logical reference by identifier, and a
conditional reference when the site names the identifier system), so the file holds the name
only if the site opts in. Every bundle is validated with the R4B models of fhir.resources (which
read R4) before it is written; nothing invalid reaches the drop folder.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
DISCHARGE_INSTRUCTIONS = {"system": LOINC, "code": "8653-8", "display": "Hospital Discharge instructions"}
PATIENT_EDUCATION = {"system": SNOMED, "code": "311401005", "display": "Patient education"}
# The record number's identifier type (HL7 v2 table 0203 "Medical record number").
MR_TYPE = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}
# The facts FHIR's Procedure has no element for are extensions defined by this program (one URL
# each, listed in docs/education-record.md for the interface engine's mapping).
EXTENSION_BASE = "urn:vpdischarge:fhir:StructureDefinition:"


@dataclass(frozen=True)
class Education:
    """What the record says about the teaching, apart from the PDF."""

    record_number: str
    languages: tuple[str, ...]
    translation_status: str  # "es:draft,en:source"
    content_version: str
    teach_back: str  # "not assessed", or what could be said back
    interpreter: bool | None = None  # None: not recorded
    learner: str | None = None  # "patient" or "caregiver"; None: not recorded
    record_system: str = ""  # the site's identifier system of the record number
    patient_name: str | None = None  # only when the site opts in


def _ext(name: str, **value: Any) -> dict[str, Any]:
    return {"url": EXTENSION_BASE + name, **value}


def _subject(education: Education) -> dict[str, Any]:
    identifier: dict[str, Any] = {"type": MR_TYPE, "value": education.record_number}
    subject: dict[str, Any] = {"type": "Patient", "identifier": identifier}
    if education.record_system:
        identifier["system"] = education.record_system
        # Resolved by the receiving server to its own Patient (FHIR transaction rules).
        subject["reference"] = f"Patient?identifier={education.record_system}|{education.record_number}"
    if education.patient_name:
        subject["display"] = education.patient_name
    return subject


def education_bundle(pdf: bytes, education: Education, now: datetime | None = None) -> dict[str, Any]:
    """The transaction Bundle as JSON data, validated. Raises ValueError if the record number is
    missing (the Procedure must name its patient) or the models refuse the bundle."""
    if not education.record_number.strip():
        raise ValueError("patient.record_number is needed to send the education record")
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    document_id, procedure_id = f"urn:uuid:{uuid.uuid4()}", f"urn:uuid:{uuid.uuid4()}"
    subject = _subject(education)
    document = {
        "resourceType": "DocumentReference",
        "identifier": [{"system": "urn:ietf:rfc:3986", "value": document_id}],
        "status": "current",
        "docStatus": "final",
        "type": {"coding": [DISCHARGE_INSTRUCTIONS], "text": "Discharge instructions"},
        "subject": subject,
        "date": stamp,
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": education.languages[0].replace("_", "-"),
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "size": len(pdf),
                    # FHIR R4: the SHA-1 of the data, base64-encoded.
                    "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
                    "title": "Discharge instructions after vertebroplasty or kyphoplasty",
                    "creation": stamp,
                }
            }
        ],
    }
    extensions = [_ext("language", valueCode=code.replace("_", "-")) for code in education.languages]
    extensions += [
        _ext("content-version", valueString=education.content_version),
        _ext("translation-status", valueString=education.translation_status),
        _ext("teach-back", valueString=education.teach_back),
    ]
    if education.interpreter is not None:
        extensions.append(_ext("interpreter", valueBoolean=education.interpreter))
    if education.learner is not None:
        extensions.append(_ext("learner", valueCode=education.learner))
    procedure = {
        "resourceType": "Procedure",
        "extension": extensions,
        "status": "completed",
        "code": {"coding": [PATIENT_EDUCATION]},
        "subject": subject,
        "performedDateTime": stamp,
        "outcome": {"text": f"Teach-back: {education.teach_back}"},
        "report": [{"reference": document_id}],
    }
    bundle = {
        "resourceType": "Bundle",
        "type": "transaction",
        "timestamp": stamp,
        "entry": [
            {
                "fullUrl": document_id,
                "resource": document,
                "request": {"method": "POST", "url": "DocumentReference"},
            },
            {
                "fullUrl": procedure_id,
                "resource": procedure,
                "request": {"method": "POST", "url": "Procedure"},
            },
        ],
    }
    Bundle.model_validate(bundle)  # pydantic's ValidationError is a ValueError
    return bundle
