"""The vertebroplasty or kyphoplasty among the record's procedures, and its date.

Recognised by CPT code: 22510-22512 percutaneous vertebroplasty (cervicothoracic, lumbosacral,
each additional body) and 22513-22515 percutaneous vertebral augmentation with cavity creation,
e.g. kyphoplasty (thoracic, lumbar, each additional body). SNOMED CT concept ids for these could
not be confirmed against a terminology source when this was written, so none is listed (a wrong
id could match an unrelated operation); a procedure coded otherwise is recognised by the words
of its code text or display instead, and the import says so, for the nurse to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from vpdischarge.domain.case_schema import LEVEL

CPT = "http://www.ama-assn.org/go/cpt"
CPT_KINDS = {
    "22510": "vertebroplasty",
    "22511": "vertebroplasty",
    "22512": "vertebroplasty",
    "22513": "kyphoplasty",
    "22514": "kyphoplasty",
    "22515": "kyphoplasty",
}
_WORDS = (
    ("kyphoplasty", "kyphoplasty"),
    ("vertebral augmentation", "kyphoplasty"),
    ("vertebroplasty", "vertebroplasty"),
)
_NOT_DONE = ("entered-in-error", "not-done", "preparation", "stopped")


@dataclass
class ProcedurePart:
    kind: str = ""
    date: date | None = None
    levels: list[str] = field(default_factory=list)
    by_name: bool = False  # recognised by its words, not by a CPT code
    count: int = 0  # how many matching procedures the record holds


def local_day(value) -> date | None:
    """The calendar day of a FHIR date or dateTime, in this computer's time zone when the
    record gives a time with an offset (the handout prints the clinic's calendar)."""
    if isinstance(value, datetime):
        return (value.astimezone() if value.tzinfo else value).date()
    if isinstance(value, date):
        return value
    return None


def _kind(code) -> tuple[str, bool] | None:
    if code is None:
        return None
    for coding in code.coding or []:
        if coding.system == CPT and (coding.code or "").strip() in CPT_KINDS:
            return CPT_KINDS[coding.code.strip()], False
    texts = [code.text or ""] + [c.display or "" for c in code.coding or []]
    for text in texts:
        lowered = text.casefold()
        for words, kind in _WORDS:
            if words in lowered:
                return kind, True
    return None


def _performed(procedure):
    if procedure.performedDateTime is not None:
        return procedure.performedDateTime
    if procedure.performedPeriod is not None:
        return procedure.performedPeriod.start
    return None


def _levels(procedure) -> list[str]:
    """Spine levels from bodySite when written as a level ("T12", "L1 vertebra")."""
    found = []
    for site in procedure.bodySite or []:
        for text in [site.text or ""] + [c.display or "" for c in site.coding or []]:
            word = text.strip().removesuffix(" vertebra").strip().upper()
            if LEVEL.match(word) and word not in found:
                found.append(word)
                break
    return found


def procedure_part(procedures: list) -> ProcedurePart:
    """The latest matching procedure that was done (or is being done)."""
    matches = []
    for proc in procedures:
        if proc.status in _NOT_DONE:
            continue
        recognised = _kind(proc.code)
        if recognised is not None:
            matches.append((local_day(_performed(proc)) or date.min, recognised, proc))
    if not matches:
        return ProcedurePart()
    day, (kind, by_name), proc = max(matches, key=lambda m: m[0])
    return ProcedurePart(
        kind=kind,
        date=None if day == date.min else day,
        levels=_levels(proc),
        by_name=by_name,
        count=len(matches),
    )
