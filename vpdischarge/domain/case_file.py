"""Reading and writing the JSON case file (``"schema": 1``).

Reading collects every structural problem at once (unknown or repeated fields, wrong types,
impossible dates) and still returns a case holding whatever could be read, so the caller can add
the semantic checks of `validation.py` and show the nurse the whole list in one go. What the
fields are is described once, in `case_schema.py`; this module turns bytes into JSON and back.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vpdischarge.domain.case import Case
from vpdischarge.domain.case_schema import (
    MAX_NUMBER_DIGITS,
    SCHEMA,
    DuplicateKeys,
    HugeNumber,
    case_from_data,
    case_to_data,
)
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.safe_read import read_limited
from vpdischarge.i18n import _

__all__ = [
    "SCHEMA",
    "MAX_CASE_FILE_BYTES",
    "case_from_dict",
    "case_to_dict",
    "case_to_json",
    "read_case_file",
]

# A real case file is a few kilobytes; refusing anything huge keeps memory bounded.
MAX_CASE_FILE_BYTES = 1_000_000


def _integer(text: str) -> int | HugeNumber:
    digits = len(text.lstrip("-"))
    return HugeNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


def _not_json(name: str) -> None:
    raise ValueError(name)


def parse_case_json(text: str) -> Any:
    """JSON as `case_from_dict` expects it: objects remember repeated keys, huge integers are
    marked instead of converted, NaN and Infinity (not JSON) are refused. Raises ValueError
    (json.JSONDecodeError for syntax) or RecursionError."""
    return json.loads(text, object_pairs_hook=DuplicateKeys, parse_int=_integer, parse_constant=_not_json)


def case_from_dict(data: Any) -> tuple[Case, list[Issue]]:
    """Build a case from parsed JSON. Never raises for bad content: returns the issues."""
    return case_from_data(data)


def read_case_file(path: Path) -> tuple[Case, list[Issue]]:
    """Read a case file. Raises InputError (field ``case``) if it is not a regular file of at
    most 1 MB holding JSON. The messages do not repeat the path (a file may be named after its
    patient, and these lines end up in logs); the caller knows which file it asked for."""
    raw = read_limited(path, MAX_CASE_FILE_BYTES, "case")

    def refuse(message: str) -> InputError:
        return InputError([Issue("case", message)])

    try:
        data = parse_case_json(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise refuse(_("the case file is not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise refuse(
            _("the case file is not valid JSON (line {line}, column {column}: {reason})").format(
                line=exc.lineno, column=exc.colno, reason=exc.msg
            )
        ) from None
    except ValueError:
        raise refuse(_("the case file is not valid JSON (NaN and Infinity are not JSON numbers)")) from None
    except RecursionError:
        raise refuse(_("the case file is nested too deeply to be a case file")) from None
    return case_from_dict(data)


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as schema-1 JSON data; empty optional fields are left out."""
    return case_to_data(case)


def case_to_json(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2) + "\n"
