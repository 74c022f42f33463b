"""Reading a FHIR R4 Bundle from a file and validating the parts the import uses.

Validating every resource of a real record with the R4B models takes seconds (a Synthea patient
of 1 MB: about a second), nearly all of it in Observations and claims the handout never reads.
So the Bundle's own elements are validated with the Bundle model (its entries aside), each
entry must be an object with a resource naming an R4 resource type, and only the resources the
import reads (`USED`) are validated in full. An entry's request, response and search parts are
not read, and not validated either (for a 5 MB bundle that alone took half a second).

Every problem names the resource and the path inside it, FHIRPath style, counting from 0:
``bundle.entry[3].resource(MedicationRequest).dosageInstruction[0].timing``. Messages never
quote a value from the file (it may be a patient's name); they say what kind of value was wanted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fhir.resources.R4B import fhirtypes, get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from pydantic import ValidationError

from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.safe_read import read_limited
from vpdischarge.i18n import _

# A whole patient's record from Synthea is about 1 MB; an EHR's export for one discharge is
# smaller. 20 MB leaves room for a long history and still bounds memory.
MAX_BUNDLE_BYTES = 20_000_000
BUNDLE_TYPES = ("collection", "transaction", "searchset", "document")
USED = (
    "Patient",
    "Procedure",
    "MedicationRequest",
    "MedicationStatement",
    "Medication",
    "Appointment",
    "Location",
)


# Required bindings the models leave unchecked (they type these as any code), for the elements
# the import decides by: an active medicine or a booked visit must say so in R4's own words.
REQUIRED_CODES = {
    ("Procedure", "status"): (
        "preparation",
        "in-progress",
        "not-done",
        "on-hold",
        "stopped",
        "completed",
        "entered-in-error",
        "unknown",
    ),
    ("MedicationRequest", "status"): (
        "active",
        "on-hold",
        "cancelled",
        "completed",
        "entered-in-error",
        "stopped",
        "draft",
        "unknown",
    ),
    ("MedicationStatement", "status"): (
        "active",
        "completed",
        "entered-in-error",
        "intended",
        "stopped",
        "on-hold",
        "unknown",
        "not-taken",
    ),
    ("Appointment", "status"): (
        "proposed",
        "pending",
        "booked",
        "arrived",
        "fulfilled",
        "cancelled",
        "noshow",
        "entered-in-error",
        "checked-in",
        "waitlist",
    ),
}


@dataclass(frozen=True)
class Entry:
    index: int
    full_url: str
    resource_type: str
    resource: Any  # the validated fhir.resources model (USED types), else the JSON object

    @property
    def path(self) -> str:
        return f"bundle.entry[{self.index}].resource({self.resource_type})"


@dataclass(frozen=True)
class ReadBundle:
    type: str
    entries: list[Entry]

    def of_type(self, resource_type: str) -> list[Entry]:
        return [e for e in self.entries if e.resource_type == resource_type]

    def resolve(self, reference: str | None) -> Entry | None:
        """The entry a reference points at: by fullUrl (``urn:uuid:…``) or as ``Type/id``."""
        if not reference:
            return None
        for entry in self.entries:
            if entry.full_url and (entry.full_url == reference or entry.full_url.endswith("/" + reference)):
                return entry
            rid = getattr(entry.resource, "id", None)
            if rid and reference == f"{entry.resource_type}/{rid}":
                return entry
        return None


@cache
def _known_type(resource_type: str) -> bool:
    """Whether fhir.resources has a model of that name, asked without importing the model:
    importing the models of every type in a record (Claim, Observation, …) took a second."""
    return hasattr(fhirtypes, resource_type + "Type")


def _reason(error: Mapping[str, Any]) -> str:
    """What was wrong, in our words: pydantic's own messages may repeat the value."""
    kind = error.get("type", "")
    if kind == "missing":
        return _("is required here")
    if kind == "extra_forbidden":
        return _("is not an element of this resource in FHIR R4")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("must be a whole number")
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type"):
        return _("must be a number")
    if kind in ("string_type", "str_type"):
        return _("must be text")
    if kind in ("bool_parsing", "bool_type"):
        return _("must be true or false")
    if kind in ("list_type", "tuple_type"):
        return _("must be a list")
    if kind in ("literal_error", "enum"):
        return _("is not one of the codes allowed here")
    if kind in ("model_type", "model_attributes_type", "dict_type", "model_validation_format"):
        return _("must be an object of the FHIR type expected here")
    if kind.startswith(("date", "datetime", "time")):
        return _("is not a valid FHIR date or time")
    # The library's own words (English) when they do not repeat the value: they say what the
    # value should look like ("Date value string does not match spec regex").
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    shown = str(error.get("input", ""))
    if message and len(message) <= 200 and (not shown or shown not in message):
        return _("is not valid here: {reason}").format(reason=message)
    return _("is not valid here (FHIR R4: {kind})").format(kind=kind)


# An element name as it may appear in a message (as case_schema does for case files): a key that
# does not even look like one could be anything, a patient's name included, and is not repeated.
_ELEMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}", re.ASCII)


def _fhir_path(base: str, loc: tuple[Any, ...]) -> str:
    path = base
    for part in loc:
        if part == "root" or (isinstance(part, str) and part.startswith("function-")):
            continue
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if _ELEMENT.fullmatch(str(part)) else ".?"
    return path


def _validation_issues(base: str, exc: ValidationError) -> list[Issue]:
    seen: dict[str, Issue] = {}
    for error in exc.errors(include_url=False):
        path = _fhir_path(base, tuple(error.get("loc", ())))
        seen.setdefault(path, Issue(path, _reason(error)))
    return list(seen.values())


def _refuse(field: str, message: str) -> InputError:
    return InputError([Issue(field, message)])


def _not_json(name: str) -> None:
    raise ValueError(name)


def parse_bundle(raw: bytes) -> ReadBundle:
    """Validate a Bundle given as bytes. Raises InputError listing the problems, each named."""
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_not_json)
    except UnicodeDecodeError:
        raise _refuse("bundle", _("the file is not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise _refuse(
            "bundle",
            _("the file is not valid JSON (line {line}, column {column}: {reason})").format(
                line=exc.lineno, column=exc.colno, reason=exc.msg
            ),
        ) from None
    except ValueError:
        raise _refuse(
            "bundle", _("the file is not valid JSON (NaN and Infinity are not JSON numbers)")
        ) from None
    except RecursionError:
        raise _refuse("bundle", _("the file is nested too deeply to be a FHIR Bundle")) from None

    if not isinstance(data, dict):
        raise _refuse("bundle", _("the file must hold a JSON object, a FHIR Bundle"))
    kind = data.get("resourceType")
    if kind != "Bundle":
        if isinstance(kind, str) and kind.isascii() and kind.isalpha() and _known_type(kind):
            raise _refuse("bundle.resourceType", _("is {kind}; import takes a Bundle").format(kind=kind))
        raise _refuse("bundle.resourceType", _("must be Bundle"))
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        raise _refuse("bundle.entry", _("must be a list"))

    issues: list[Issue] = []
    try:
        Bundle.model_validate({k: v for k, v in data.items() if k != "entry"})
    except ValidationError as exc:
        issues += _validation_issues("bundle", exc)
    if data.get("type") not in BUNDLE_TYPES and not issues:
        issues.append(
            Issue("bundle.type", _("import takes a {kinds} bundle").format(kinds=", ".join(BUNDLE_TYPES)))
        )

    read: list[Entry] = []
    for n, entry in enumerate(entries):
        where = f"bundle.entry[{n}]"
        if not isinstance(entry, dict):
            issues.append(Issue(where, _("must be a JSON object")))
            continue
        resource = entry.get("resource")
        if resource is None:
            issues.append(Issue(f"{where}.resource", _("is missing: every entry must hold a resource")))
            continue
        if not isinstance(resource, dict):
            issues.append(Issue(f"{where}.resource", _("must be a JSON object")))
            continue
        rtype = resource.get("resourceType")
        if not isinstance(rtype, str) or not rtype.isascii() or not rtype.isalpha() or len(rtype) > 64:
            issues.append(Issue(f"{where}.resource.resourceType", _("must name the resource type")))
            continue
        base = f"{where}.resource({rtype})"
        if not _known_type(rtype):
            issues.append(Issue(f"{where}.resource.resourceType", _("is not a FHIR R4 resource type")))
            continue
        model: Any = resource
        if rtype in USED:
            try:
                model = get_fhir_model_class(rtype).model_validate(resource)
            except ValidationError as exc:
                issues += _validation_issues(base, exc)
                continue
            bad = [
                element
                for (kind, element), codes in REQUIRED_CODES.items()
                if kind == rtype and getattr(model, element, None) not in (None, *codes)
            ]
            if bad:
                issues += [Issue(f"{base}.{e}", _("is not one of the codes allowed here")) for e in bad]
                continue
        full_url = entry.get("fullUrl")
        full_url = full_url if isinstance(full_url, str) else ""
        read.append(Entry(n, full_url, rtype, model))
    if issues:
        raise InputError(issues)
    return ReadBundle(str(data.get("type")), read)


def read_bundle(path: Path) -> ReadBundle:
    """Read and validate the Bundle in `path` (a regular file of at most 20 MB)."""
    return parse_bundle(read_limited(path, MAX_BUNDLE_BYTES, "bundle"))
