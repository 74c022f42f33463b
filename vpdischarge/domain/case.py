"""The discharge case: everything the nurse enters, as plain data.

Dates are real `date`/`datetime` objects; text is kept exactly as typed. The case file format
(JSON, schema 1) is described in `case_schema.py` and read and written by `case_file.py`; the
checks live in `validation.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

PROCEDURE_KINDS = ("vertebroplasty", "kyphoplasty")
ANESTHESIA_KINDS = ("sedation", "general", "local")


@dataclass
class Patient:
    name: str = ""
    date_of_birth: date | None = None
    record_number: str = ""


@dataclass
class Procedure:
    kind: str = "vertebroplasty"
    date: date | None = None
    levels: list[str] = field(default_factory=list)
    # Local anaesthesia with conscious sedation is by far the most common.
    anesthesia: str = "sedation"


@dataclass
class Clinician:
    name: str = ""
    notes: str = ""
    # The language the notes are written in; None means the site's staff language.
    notes_language: str | None = None


@dataclass
class Medication:
    name: str = ""
    dose: str = ""
    when: str = ""
    purpose: str = ""
    # Ticked by the nurse: an opioid the name alone does not show (domain/medicine_kinds.py
    # recognises the usual names without it). The handout then adds opioid safety.
    opioid: bool = False


@dataclass
class FollowUp:
    # A `datetime` when the time of the visit is known; a `date` alone when only the day is
    # (the handout then prints the day and no time, never a made-up midnight).
    when: date | datetime | None = None
    where: str = ""
    phone: str = ""

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    @property
    def day(self) -> date | None:
        """The day of the visit, with or without a time."""
        if isinstance(self.when, datetime):
            return self.when.date()
        return self.when


@dataclass
class Case:
    patient: Patient = field(default_factory=Patient)
    procedure: Procedure = field(default_factory=Procedure)
    clinician: Clinician = field(default_factory=Clinician)
    medications: list[Medication] = field(default_factory=list)
    blood_thinner_restart: date | None = None
    follow_up: FollowUp = field(default_factory=FollowUp)
    # Per-patient overrides of the site's clinical limits, by limit name (see clinical.py).
    restrictions: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    second_language: str | None = None
    large_print: bool = False
    interpreter: str = ""
