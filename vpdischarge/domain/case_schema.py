"""The one description of the case file: every field, its JSON type and its limits, once.

The reader (`case_file.case_from_dict`), the writer (`case_file.case_to_dict`), the published
JSON Schema (`docs/case-file.schema.json`) and the length checks of `validation.py` are all
walks over `CASE` below, so a field added here is read, written, published and checked alike;
nothing else lists the fields. The `Case` dataclasses in `case.py` hold the values.

Reading is strict about what a file says (exact JSON types, calendar dates written
``YYYY-MM-DD``, no duplicated keys, no numbers too large to read) and collects every problem
at once, each naming its field and never quoting what was typed: a name typed into the wrong
field must not end up in a log. ``null`` means the same as a field left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from vpdischarge.domain.case import (
    ANESTHESIA_KINDS,
    PROCEDURE_KINDS,
    Case,
    Clinician,
    FollowUp,
    Medication,
    Patient,
    Procedure,
)
from vpdischarge.domain.clinical import LIMITS
from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _, number

SCHEMA = 1
MAX_NAME = 200
MAX_NOTES = 5_000
MAX_MEDICATIONS = 20
MAX_SHORT_TEXT = 200
MAX_CODE = 35  # the longest BCP 47 tag worth keeping; ours are at most 7 ("zh_Hant")
# Longer runs of digits are not a number a case could hold; Python refuses to read integers of
# over 4,300 digits at all (a ValueError), so they are stopped by length before conversion.
MAX_NUMBER_DIGITS = 30

LEVEL_PATTERN = r"^(C[1-7]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])$"
LEVEL = re.compile(LEVEL_PATTERN)
# [0-9], not \d: \d also matches other scripts' digits ("２０２６").
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MOMENT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$"
_DATE = re.compile(DATE_PATTERN[1:-1], re.ASCII)
_MOMENT = re.compile(MOMENT_PATTERN[1:-1], re.ASCII)


class DuplicateKeys(dict):
    """A JSON object as parsed by `case_file` (json's object_pairs_hook), remembering the keys
    that appeared more than once: JSON readers disagree on which copy wins."""

    def __init__(self, pairs: list[tuple[str, Any]]):
        super().__init__(pairs)
        counts = Counter(k for k, _v in pairs)
        self.duplicates = sorted(k for k, n in counts.items() if n > 1)


@dataclass(frozen=True)
class HugeNumber:
    """A number in the file with more digits than any field can hold (json's parse_int)."""

    digits: int


class _Missing:
    """A value that could not be read: the dataclass default is kept."""


MISSING: Any = _Missing()


class Reader:
    """Records issues instead of stopping at the first one."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: str, message: str) -> None:
        self.issues.append(Issue(path or "case", message))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}", re.ASCII)


def _shown_key(key: str) -> str:
    """A key of the file as it may appear in a field name: a key that does not even look like a
    field name could be anything (a patient's name, a megabyte of text) and is not repeated."""
    return key if _FIELD_NAME.fullmatch(key) else "?"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "type": [schema["type"], "null"]}


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A required field must be there: null (which means "left out") does not do."""
    schema = dict(schema)
    if isinstance(schema.get("type"), list):
        kinds = [t for t in schema["type"] if t != "null"]
        schema["type"] = kinds[0] if len(kinds) == 1 else kinds
    if "enum" in schema:
        schema["enum"] = [v for v in schema["enum"] if v is not None]
    return schema


class Node:
    """One kind of value in the file."""

    doc = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        raise NotImplementedError

    def write(self, value: Any) -> Any:
        return value

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def texts(self, value: Any, path: str) -> Iterator[tuple[str, str, int]]:
        """(field, text, maximum length) for every free text inside `value`."""
        return iter(())

    def documented(self) -> dict[str, Any]:
        schema = self.schema()
        return {"description": self.doc, **schema} if self.doc else schema


def _type_problem(value: Any, path: str, r: Reader, message: str) -> Any:
    if isinstance(value, HugeNumber):
        r.fail(
            path,
            _("is a number far too long to be read ({digits} digits)").format(digits=number(value.digits)),
        )
    else:
        r.fail(path, message)
    return MISSING


@dataclass
class Text(Node):
    maximum: int
    doc: str = ""
    # "" is kept as typed unless it means "not given" (then the dataclass default stays).
    empty_is_missing: bool = False
    choices: tuple[str, ...] = ()

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, str):
            return _type_problem(value, path, r, _("must be text"))
        if value == "" and self.empty_is_missing:
            return MISSING
        return value

    def schema(self) -> dict[str, Any]:
        if self.choices:
            return {"type": ["string", "null"], "enum": [*self.choices, None]}
        return _nullable({"type": "string", "maxLength": self.maximum})

    def texts(self, value: Any, path: str) -> Iterator[tuple[str, str, int]]:
        if not self.choices and isinstance(value, str):
            yield path, value, self.maximum


@dataclass
class Day(Node):
    """A calendar date, ISO 8601 extended form only (``2026-11-20``): Python's fromisoformat
    also takes ``20261120`` and week dates such as ``2026W475``, which nobody means."""

    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            return _type_problem(value, path, r, _("must be a date written YYYY-MM-DD"))
        try:
            return date.fromisoformat(value)
        except ValueError:
            r.fail(path, _("is not a real date (write it YYYY-MM-DD)"))
            return MISSING

    def write(self, value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    def schema(self) -> dict[str, Any]:
        return _nullable({"type": "string", "format": "date", "pattern": DATE_PATTERN})


@dataclass
class DayOrMoment(Node):
    """A date (``2026-12-04``: the day is known, the time not yet) or a local date and time
    (``2026-12-04T10:30``). No seconds, no time zone: the handout prints the clinic's clock."""

    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, str) or not _MOMENT.fullmatch(value):
            return _type_problem(
                value, path, r, _("must be a date written YYYY-MM-DD, or a date and time YYYY-MM-DDTHH:MM")
            )
        try:
            if "T" in value:
                return datetime.fromisoformat(value)
            return date.fromisoformat(value)
        except ValueError:
            r.fail(path, _("is not a real date and time (write YYYY-MM-DD or YYYY-MM-DDTHH:MM)"))
            return MISSING

    def write(self, value: date | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        return value.isoformat()

    def schema(self) -> dict[str, Any]:
        return _nullable({"type": "string", "pattern": MOMENT_PATTERN})


@dataclass
class Flag(Node):
    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, bool):
            return _type_problem(value, path, r, _("must be true or false"))
        return value

    def schema(self) -> dict[str, Any]:
        return _nullable({"type": "boolean"})


@dataclass
class Const(Node):
    """The schema number: exactly the JSON integer 1 (not true, not 1.0, not "1")."""

    value: int
    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if type(value) is not int or value != self.value:
            _type_problem(value, path, r, _("must be the number {schema}").format(schema=self.value))
        return MISSING

    def schema(self) -> dict[str, Any]:
        return {"const": self.value}


@dataclass
class Levels(Node):
    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return _type_problem(value, path, r, _('must be a list of text such as ["T12", "L1"]'))
        return list(value)

    def write(self, value: list[str]) -> list[str]:
        return list(value)

    def schema(self) -> dict[str, Any]:
        return _nullable({"type": "array", "items": {"type": "string", "pattern": LEVEL_PATTERN}})


@dataclass
class Limits(Node):
    """Per-patient clinical limits: names and ranges from `clinical.LIMITS`, which also checks
    the values (in validation, for the window's cases too)."""

    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, dict):
            return _type_problem(value, path, r, _("must be an object"))
        for key in getattr(value, "duplicates", ()):
            r.fail(_join(path, _shown_key(key)), _("appears more than once; keep one"))
        kept = {}
        for key, item in value.items():
            if _shown_key(key) != key:
                r.fail(_join(path, "?"), _("unknown field (its name is not shown; check the file)"))
            elif isinstance(item, HugeNumber):
                _type_problem(item, _join(path, key), r, "")
            else:
                kept[key] = item
        return kept

    def write(self, value: dict[str, Any]) -> dict[str, Any]:
        return dict(value)

    def schema(self) -> dict[str, Any]:
        properties = {
            name: {
                "type": "integer" if limit.integer else "number",
                "minimum": limit.minimum,
                "maximum": limit.maximum,
                "description": limit.unit,
            }
            for name, limit in LIMITS.items()
        }
        return _nullable({"type": "object", "properties": properties, "additionalProperties": False})


@dataclass
class Obj(Node):
    """A JSON object read into the dataclass `cls`: one entry of `members` per key."""

    cls: type
    members: dict[str, Node]
    doc: str = ""
    required: tuple[str, ...] = ()
    # Written even when empty or false (so a reader sees the choice was made).
    always_written: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = {f.name for f in fields(self.cls)}
        stored = {k for k, node in self.members.items() if not isinstance(node, Const)}
        assert stored == names, f"{self.cls.__name__}: the description and the dataclass differ"

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, dict):
            _type_problem(value, path, r, _("must be an object"))
            return self.cls()
        for key in getattr(value, "duplicates", ()):
            r.fail(_join(path, _shown_key(key)), _("appears more than once; keep one"))
        for key in value:
            if key in self.members:
                continue
            if _shown_key(key) == key:  # a misspelt field name, shown so it can be found
                r.fail(_join(path, key), _("unknown field (check the spelling)"))
            else:
                r.fail(_join(path, "?"), _("unknown field (its name is not shown; check the file)"))
        found = {}
        for key, node in self.members.items():
            item = value.get(key)
            if item is None:
                if isinstance(node, Const):
                    node.read(None, _join(path, key), r)
                continue
            result = node.read(item, _join(path, key), r)
            if result is not MISSING:
                found[key] = result
        return self.cls(**found)

    def write(self, value: Any) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, node in self.members.items():
            if isinstance(node, Const):
                data[key] = node.value
                continue
            written = node.write(getattr(value, key))
            # False is left out like an empty text (a flag not ticked), unless always written.
            if key in self.always_written or (written not in (None, "", [], {}) and written is not False):
                data[key] = written
        return data

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {
                key: _not_null(node.documented()) if key in self.required else node.documented()
                for key, node in self.members.items()
            },
            "additionalProperties": False,
        }
        if self.required:
            schema["required"] = list(self.required)
        return schema

    def documented(self) -> dict[str, Any]:
        return _nullable(super().documented())

    def texts(self, value: Any, path: str) -> Iterator[tuple[str, str, int]]:
        for key, node in self.members.items():
            if not isinstance(node, Const):
                yield from node.texts(getattr(value, key), _join(path, key))


@dataclass
class Rows(Node):
    """A list of objects (the medicines); fields are named ``medications[1].dose``, from 1."""

    item: Obj
    maximum: int
    doc: str = ""

    def read(self, value: Any, path: str, r: Reader) -> Any:
        if not isinstance(value, list):
            return _type_problem(value, path, r, _("must be a list"))
        return [self.item.read(x, f"{path}[{n}]", r) for n, x in enumerate(value, start=1)]

    def write(self, value: list[Any]) -> list[dict[str, Any]]:
        return [self.item.write(x) for x in value]

    def schema(self) -> dict[str, Any]:
        return _nullable({"type": "array", "items": self.item.schema(), "maxItems": self.maximum})

    def texts(self, value: Any, path: str) -> Iterator[tuple[str, str, int]]:
        for n, row in enumerate(value, start=1):
            yield from self.item.texts(row, f"{path}[{n}]")


@dataclass
class Code(Text):
    """A language code: text, but not free text (it is looked up, never printed as typed)."""

    def texts(self, value: Any, path: str) -> Iterator[tuple[str, str, int]]:
        return iter(())


def _code(doc: str, optional: bool = True) -> Code:
    return Code(MAX_CODE, doc, empty_is_missing=optional)


CASE = Obj(
    Case,
    {
        "schema": Const(SCHEMA, "the case file format; this program reads 1"),
        "patient": Obj(
            Patient,
            {
                "name": Text(MAX_NAME, "required"),
                "date_of_birth": Day("a second identifier is strongly advised"),
                "record_number": Text(MAX_SHORT_TEXT),
            },
            required=("name",),
        ),
        "procedure": Obj(
            Procedure,
            {
                "kind": Text(
                    MAX_CODE, "default vertebroplasty", empty_is_missing=True, choices=PROCEDURE_KINDS
                ),
                "date": Day("required"),
                "levels": Levels("spine levels C1-C7, T1-T12, L1-L5, S1-S5"),
                "anesthesia": Text(
                    MAX_CODE, "default sedation", empty_is_missing=True, choices=ANESTHESIA_KINDS
                ),
            },
            required=("date",),
        ),
        "clinician": Obj(
            Clinician,
            {
                "name": Text(MAX_NAME),
                "notes": Text(MAX_NOTES, "printed exactly as typed"),
                "notes_language": _code("language code; default: the site's notes_language"),
            },
        ),
        "medications": Rows(
            Obj(
                Medication,
                {
                    "name": Text(MAX_SHORT_TEXT),
                    "dose": Text(MAX_SHORT_TEXT),
                    "when": Text(MAX_SHORT_TEXT),
                    "purpose": Text(MAX_SHORT_TEXT),
                    "opioid": Flag(
                        "ticked as an opioid: the handout adds opioid safety (the usual names are "
                        "recognised without it)"
                    ),
                },
            ),
            MAX_MEDICATIONS,
        ),
        "blood_thinner_restart": Day(
            "0 to 90 days after the procedure; absent: the handout says to ask first"
        ),
        "follow_up": Obj(
            FollowUp,
            {
                "when": DayOrMoment("the visit: a date, or a date and time; a date alone prints no time"),
                "where": Text(MAX_SHORT_TEXT),
                "phone": Text(MAX_SHORT_TEXT),
            },
        ),
        "restrictions": Limits("per-patient clinical limits (site settings names and ranges)"),
        "language": _code("handout language code (required)", optional=False),
        "second_language": _code("a second handout language code"),
        "large_print": Flag("body text 16 pt instead of 12 pt"),
        "interpreter": Text(MAX_SHORT_TEXT, "interpreter name or ID"),
    },
    required=("schema", "patient", "procedure", "language"),
    always_written=("large_print",),
)


def case_from_data(data: Any) -> tuple[Case, list[Issue]]:
    reader = Reader()
    if not isinstance(data, dict):
        return Case(), [Issue("case", _("the case file must hold a JSON object"))]
    case = CASE.read(data, "", reader)
    return case, reader.issues


def case_to_data(case: Case) -> dict[str, Any]:
    return CASE.write(case)


def text_fields(case: Case) -> list[tuple[str, str, int]]:
    """(field, text, maximum length) for every free-text field of `case`."""
    return list(CASE.texts(case, ""))


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of the case file (`docs/case-file.schema.json`)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vpdischarge.example/case-file.schema.json",
        "title": "vpdischarge case file",
        "description": (
            "One patient's discharge handout. Generated from vpdischarge/domain/case_schema.py "
            "(python -m vpdischarge.domain.case_schema); do not edit by hand."
        ),
        **CASE.schema(),
    }


if __name__ == "__main__":
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
