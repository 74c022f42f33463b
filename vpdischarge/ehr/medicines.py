"""The active medicines: MedicationRequest and MedicationStatement entries whose status is
active, each as a row of the case's medicine table, and which of them are blood thinners."""

from __future__ import annotations

from dataclasses import dataclass, field

from vpdischarge.ehr.dosage import when_to_take
from vpdischarge.ehr.rxnorm import concept_text, split_display

# Anticoagulants and antiplatelet drugs: stopped before a vertebroplasty or kyphoplasty (a
# procedure with bleeding risk), so the handout must say when to start again. Aspirin is one:
# it is held for these procedures too.
BLOOD_THINNERS = (
    "apixaban",
    "rivaroxaban",
    "dabigatran",
    "edoxaban",
    "warfarin",
    "acenocoumarol",
    "phenprocoumon",
    "clopidogrel",
    "prasugrel",
    "ticagrelor",
    "ticlopidine",
    "cilostazol",
    "dipyridamole",
    "enoxaparin",
    "dalteparin",
    "tinzaparin",
    "fondaparinux",
    "heparin",
    "aspirin",
)
BLOOD_THINNER_PURPOSE = "blood thinner"  # a standard phrase of medicine_phrases.j2


@dataclass
class MedicineRow:
    name: str
    dose: str
    when: str = ""
    purpose: str = ""
    blood_thinner: bool = False
    # What could not be taken over, as (field inside the row, reason key) for the report.
    gaps: list[str] = field(default_factory=list)
    when_kind: str = ""  # "standard", "text" or "" (none)


def is_blood_thinner(text: str) -> bool:
    lowered = text.casefold()
    return any(drug in lowered for drug in BLOOD_THINNERS)


def _concept(entry, bundle):
    resource = entry.resource
    if resource.medicationCodeableConcept is not None:
        return resource.medicationCodeableConcept
    reference = resource.medicationReference.reference if resource.medicationReference else None
    target = bundle.resolve(reference)
    if target is not None and target.resource_type == "Medication":
        return target.resource.code
    return None


def medicine_rows(bundle) -> tuple[list[MedicineRow], int, int]:
    """(rows, medicines the record lists as active, active ones whose medicine could not be
    found). Identical rows (the same medicine ordered twice) are shown once."""
    rows: list[MedicineRow] = []
    active = unnamed = 0
    for kind, dosage_field in (("MedicationRequest", "dosageInstruction"), ("MedicationStatement", "dosage")):
        for entry in bundle.of_type(kind):
            if entry.resource.status != "active":
                continue
            active += 1
            text = concept_text(_concept(entry, bundle))
            if not text.strip():
                unnamed += 1
                continue
            split = split_display(text)
            row = MedicineRow(split.name, split.dose)
            if not split.understood:
                row.gaps.append("dose")
            when = when_to_take(getattr(entry.resource, dosage_field) or [])
            if when is None:
                row.gaps.append("when")
            else:
                row.when = when.text
                row.when_kind = "standard" if when.standard else "text"
            if is_blood_thinner(text):
                row.blood_thinner = True
                row.purpose = BLOOD_THINNER_PURPOSE
            if not any((r.name, r.dose, r.when) == (row.name, row.dose, row.when) for r in rows):
                rows.append(row)
    return rows, active, unnamed
