"""Reading and writing the JSON case file (``"schema": 1``).

Reading collects every structural problem at once (unknown fields, wrong types, impossible
dates) and still returns a case holding whatever could be read, so the caller can add the
semantic checks of `validation.py` and show the nurse the whole list in one go.
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from vpdischarge.domain.case import (
    Case,
    Clinician,
    FollowUp,
    Medication,
    Patient,
    Procedure,
)
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.i18n import _, number

SCHEMA = 1
# A real case file is a few kilobytes; refusing anything huge keeps memory bounded.
MAX_CASE_FILE_BYTES = 1_000_000


class _Reader:
    """Walks the JSON tree and records issues instead of stopping at the first one."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def obj(self, value: Any, path: str, allowed: set[str]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(path, _("must be an object"))
            return {}
        for key in value:
            if key not in allowed:
                name = f"{path}.{key}" if path else (key or "case")
                self.fail(name, _("unknown field {key} (check the spelling)").format(key=repr(key)))
        return value

    def text(self, data: dict[str, Any], key: str, path: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(f"{path}{key}", _("must be text"))
            return ""
        return value

    def day(self, data: dict[str, Any], key: str, path: str) -> date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            self.fail(f"{path}{key}", _("must be a date written YYYY-MM-DD"))
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(
                f"{path}{key}",
                _("{value} is not a real date (write it YYYY-MM-DD)").format(value=repr(value)),
            )
            return None

    def moment(self, data: dict[str, Any], key: str, path: str) -> datetime | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        self.fail(
            f"{path}{key}",
            _("{value} is not a real date and time (write YYYY-MM-DDTHH:MM)").format(value=repr(value)),
        )
        return None


def _names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def case_from_dict(data: Any) -> tuple[Case, list[Issue]]:
    """Build a case from parsed JSON. Never raises for bad content: returns the issues."""
    if not isinstance(data, dict):
        return Case(), [Issue("case", _("the case file must hold a JSON object"))]
    r = _Reader()
    top = r.obj(data, "", _names(Case) | {"schema"})
    schema = top.get("schema")
    if schema != SCHEMA:
        r.fail(
            "schema", _("must be {schema} (this file says {found})").format(schema=SCHEMA, found=repr(schema))
        )

    p = r.obj(top.get("patient"), "patient", _names(Patient))
    patient = Patient(
        name=r.text(p, "name", "patient."),
        date_of_birth=r.day(p, "date_of_birth", "patient."),
        record_number=r.text(p, "record_number", "patient."),
    )

    pr = r.obj(top.get("procedure"), "procedure", _names(Procedure))
    levels = pr.get("levels", [])
    if not isinstance(levels, list) or not all(isinstance(x, str) for x in levels):
        r.fail("procedure.levels", _('must be a list of text such as ["T12", "L1"]'))
        levels = []
    procedure = Procedure(
        kind=r.text(pr, "kind", "procedure.") or Procedure.kind,
        date=r.day(pr, "date", "procedure."),
        levels=list(levels),
        anesthesia=r.text(pr, "anesthesia", "procedure.") or Procedure.anesthesia,
    )

    c = r.obj(top.get("clinician"), "clinician", _names(Clinician))
    clinician = Clinician(
        name=r.text(c, "name", "clinician."),
        notes=r.text(c, "notes", "clinician."),
        notes_language=r.text(c, "notes_language", "clinician.") or None,
    )

    medications = []
    meds = top.get("medications", [])
    if not isinstance(meds, list):
        r.fail("medications", _("must be a list"))
        meds = []
    for n, m in enumerate(meds):
        path = f"medications[{n + 1}]"
        m = r.obj(m, path, _names(Medication))
        medications.append(
            Medication(**{k: r.text(m, k, f"{path}.") for k in ("name", "dose", "when", "purpose")})
        )

    f = r.obj(top.get("follow_up"), "follow_up", _names(FollowUp))
    follow_up = FollowUp(
        when=r.moment(f, "when", "follow_up."),
        where=r.text(f, "where", "follow_up."),
        phone=r.text(f, "phone", "follow_up."),
    )

    restrictions = top.get("restrictions", {})
    if not isinstance(restrictions, dict):
        r.fail("restrictions", _("must be an object"))
        restrictions = {}

    large_print = top.get("large_print", False)
    if not isinstance(large_print, bool):
        r.fail("large_print", _("must be true or false"))
        large_print = False

    second = top.get("second_language")
    if second is not None and not isinstance(second, str):
        r.fail("second_language", _('must be a language code such as "en"'))
        second = None

    case = Case(
        patient=patient,
        procedure=procedure,
        clinician=clinician,
        medications=medications,
        blood_thinner_restart=r.day(top, "blood_thinner_restart", ""),
        follow_up=follow_up,
        restrictions=dict(restrictions),
        language=r.text(top, "language", ""),
        second_language=second or None,
        large_print=large_print,
        interpreter=r.text(top, "interpreter", ""),
    )
    return case, r.issues


def read_case_file(path: Path) -> tuple[Case, list[Issue]]:
    """Read a case file. Raises InputError (field ``case``) if it is not readable JSON at all."""
    try:
        size = path.stat().st_size
        if size > MAX_CASE_FILE_BYTES:
            raise InputError(
                [
                    Issue(
                        "case",
                        _("{path} is {size} bytes; a case file is at most 1 MB").format(
                            path=path, size=number(size)
                        ),
                    )
                ]
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            [Issue("case", _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc))]
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError([Issue("case", _("{path} is not UTF-8 text").format(path=path))]) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Issue(
                    "case",
                    _("{path} is not valid JSON (line {line}, column {column}: {reason})").format(
                        path=path, line=exc.lineno, column=exc.colno, reason=exc.msg
                    ),
                )
            ]
        ) from None
    except RecursionError:
        raise InputError(
            [Issue("case", _("{path} is nested too deeply to be a case file").format(path=path))]
        ) from None
    return case_from_dict(data)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as schema-1 JSON data; empty optional fields are left out."""

    def iso(value: date | datetime | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        return value.isoformat()

    def prune(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v not in (None, "", [], {})}

    data = {
        "schema": SCHEMA,
        "patient": prune(
            {
                "name": case.patient.name,
                "date_of_birth": iso(case.patient.date_of_birth),
                "record_number": case.patient.record_number,
            }
        ),
        "procedure": prune(
            {
                "kind": case.procedure.kind,
                "date": iso(case.procedure.date),
                "levels": list(case.procedure.levels),
                "anesthesia": case.procedure.anesthesia,
            }
        ),
        "clinician": prune(
            {
                "name": case.clinician.name,
                "notes": case.clinician.notes,
                "notes_language": case.clinician.notes_language,
            }
        ),
        "medications": [prune(vars(m).copy()) for m in case.medications],
        "blood_thinner_restart": iso(case.blood_thinner_restart),
        "follow_up": prune(
            {
                "when": iso(case.follow_up.when),
                "where": case.follow_up.where,
                "phone": case.follow_up.phone,
            }
        ),
        "restrictions": dict(case.restrictions),
        "language": case.language,
        "second_language": case.second_language,
        "large_print": case.large_print,
        "interpreter": case.interpreter,
    }
    kept = prune(data)
    kept["large_print"] = case.large_print
    return kept


def case_to_json(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2) + "\n"
