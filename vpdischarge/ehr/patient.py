"""The patient: official name, birth date, record number and preferred language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vpdischarge.domain.locales import find_locale

V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"


@dataclass
class PatientPart:
    name: str = ""
    birth_date: date | None = None
    partial_birth_date: bool = False  # the record has a year or year-month only
    record_number: str = ""
    language: str = ""


# Names that do not identify the patient on a handout: kept only when there is no other.
_NOT_IDENTIFYING = ("nickname", "anonymous", "old", "maiden", "temp")


def _chosen_name(names: list) -> object | None:
    """HumanName use=official, else usual, else the first that is not a nickname, a former or
    an anonymous name, else the first."""
    for wanted in ("official", "usual"):
        for name in names:
            if name.use == wanted:
                return name
    current = [n for n in names if n.use not in _NOT_IDENTIFYING]
    return (current or names or [None])[0]


def full_name(name) -> str:
    """Given names and family name, then suffixes ("Jr.", "III"), which tell people apart.
    Prefixes ("Mrs.", "Dr.") are left out: a title is not part of identifying a patient and
    is often wrong or out of date in records."""
    parts = [*(name.given or []), name.family or "", *(name.suffix or [])]
    joined = " ".join(p.strip() for p in parts if p and p.strip())
    return joined or (name.text or "").strip()


def record_number(identifiers: list, system: str) -> str:
    """The identifier from the site's `[ehr] record_system` if it names one, else the one typed
    MR (medical record number) in identifier.type."""
    if system:
        for ident in identifiers:
            if ident.system == system and ident.value:
                return ident.value.strip()
        return ""
    for ident in identifiers:
        codings = ident.type.coding if ident.type and ident.type.coding else []
        if any(c.system == V2_0203 and c.code == "MR" for c in codings) and ident.value:
            return ident.value.strip()
    return ""


def preferred_language(communications: list) -> str:
    """One of our handout language codes, from the preferred (else first) communication whose
    language we have. BCP 47 "es-MX" matches our "es"."""
    ordered = sorted(communications, key=lambda c: not c.preferred)
    for comm in ordered:
        concept = comm.language
        for coding in concept.coding or []:
            if coding.code:
                locale = find_locale(coding.code) or find_locale(coding.code.split("-")[0])
                if locale is not None:
                    return locale.code
    return ""


def patient_part(patient, record_system: str) -> PatientPart:
    part = PatientPart()
    chosen = _chosen_name(patient.name or [])
    if chosen is not None:
        part.name = full_name(chosen)
    birth = patient.birthDate
    if isinstance(birth, date):
        part.birth_date = birth
    elif birth:
        part.partial_birth_date = True
    part.record_number = record_number(patient.identifier or [], record_system)
    part.language = preferred_language(patient.communication or [])
    return part
