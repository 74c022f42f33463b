"""Site settings: what belongs to the hospital rather than to the patient or the language.

The emergency number, paper size and first weight unit follow the hospital's country, not the
handout language (a Spanish handout printed in Texas says 911, pounds and Letter). A TOML file
replaces the bundled default; every key is checked, unknown keys are refused (a typo must not
silently fall back to a default), and each problem names its key and line.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from vpdischarge.domain.clinical import ClinicalLimits, check_consistency, check_limits
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.locales import find_locale
from vpdischarge.domain.safe_read import read_limited
from vpdischarge.domain.text_rules import has_bidi_controls, without_bidi_controls
from vpdischarge.i18n import _

MAX_SITE_FILE_BYTES = 256_000


@dataclass(frozen=True)
class Approval:
    reviewer: str
    date: date


@dataclass(frozen=True)
class SiteSettings:
    hospital_name: str = "Example General Hospital"
    country: str = "US"
    clinic_phone: str = "+1 555 0100"
    after_hours_phone: str = "+1 555 0199"
    emergency_number: str = "911"
    paper: str = "letter"
    weight_unit: str = "lb"
    temperature_unit: str = "F"
    notes_language: str = "en"
    clinical: ClinicalLimits = field(default_factory=ClinicalLimits)
    # Language code -> approval by a qualified medical translator. Absent means draft.
    approved_translations: dict[str, Approval] = field(default_factory=dict)
    template_folder: Path | None = None
    # The procedure date warns when it is more days ago, or ahead, than these (`[checks]`): a
    # handout is printed at discharge, so an older or future date is most likely a typo.
    procedure_max_days_ago: int = 14
    procedure_max_days_ahead: int = 0
    # `[ehr] record_system`: the identifier system of the hospital's record number in FHIR
    # (`vpdischarge import`); empty: the identifier typed MR.
    ehr_record_system: str = ""
    # `[record] folder`: where each handout given drops a FHIR education record (the interface
    # engine's folder); None: no record. `include_patient_name`: the record also names the patient.
    record_folder: Path | None = None
    record_include_patient_name: bool = False
    # `[log] database`: the hospital's shared handout log, a PostgreSQL URL; empty: the embedded
    # log on this computer. `include_patient_name`: each log row also names the patient.
    log_database: str = ""
    log_include_patient_name: bool = False
    # True for the bundled example settings: their hospital name and phones are placeholders, so
    # every page, the window and the CLI must say so (never mistaken for real instructions).
    sample: bool = False


@dataclass(frozen=True)
class _TextKey:
    attribute: str
    maximum: int  # characters; each of these prints on one line of the handout
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class _NumberKey:
    attribute: str
    minimum: int
    maximum: int


# Every key of the simple sections, once: its SiteSettings attribute and limits.
_KEYS: dict[str, dict[str, _TextKey | _NumberKey]] = {
    "hospital": {
        "name": _TextKey("hospital_name", 120),
        "country": _TextKey("country", 60),
        "clinic_phone": _TextKey("clinic_phone", 40),
        "after_hours_phone": _TextKey("after_hours_phone", 40),
        "emergency_number": _TextKey("emergency_number", 20),
    },
    "print": {
        "paper": _TextKey("paper", 10, ("letter", "a4")),
        "weight_unit": _TextKey("weight_unit", 10, ("lb", "kg")),
        "temperature_unit": _TextKey("temperature_unit", 10, ("F", "C")),
        "notes_language": _TextKey("notes_language", 35),
    },
    "checks": {
        "procedure_max_days_ago": _NumberKey("procedure_max_days_ago", 0, 365),
        "procedure_max_days_ahead": _NumberKey("procedure_max_days_ahead", 0, 60),
    },
    "ehr": {
        "record_system": _TextKey("ehr_record_system", 500),
    },
}
_TEMPLATE_KEYS = ("folder",)
_APPROVAL_KEYS = ("status", "reviewer", "date")
_MAX_FOLDER = 4_096
_MAX_REVIEWER = 200
_RECORD_KEYS = ("folder", "include_patient_name")
_LOG_KEYS = ("database", "include_patient_name")
_MAX_DATABASE_URL = 2_000
_SECTIONS = (*_KEYS, "clinical", "template", "translations", "record", "log")


def _line_of(text: str, section: str, key: str | None) -> int | None:
    """The line of `key` inside the table `[section]`, or of the header `[section]` when `key`
    is None, so a hospital IT person can find it. A table written as a key of its parent
    (`hospital = 5`, `es = 5` under `[translations]`) is found as that key. None when it
    cannot be told (dotted or inline keys)."""
    current = ""
    header = re.compile(r"\s*\[\s*([^\]]+?)\s*\]")
    for n, line in enumerate(text.splitlines(), start=1):
        found = header.match(line)
        if found and not line.lstrip().startswith("[["):
            current = found.group(1).replace('"', "").replace(" ", "")
            if key is None and current == section:
                return n
            continue
        if key is not None and current == section and re.match(rf"\s*(\"?){re.escape(key)}\1\s*=", line):
            return n
    if key is None:
        parent, _dot, last = section.rpartition(".")
        return _line_of(text, parent, last)
    return None


def _one_of(choices: tuple[str, ...]) -> str:
    """'a or b' (codes, not translated; the "or" is)."""
    *rest, last = choices
    if not rest:
        return last
    return _("{choices} or {last}").format(choices=", ".join(rest), last=last)


def _text_problem(value: Any, maximum: int) -> str | None:
    """Why `value` cannot be a site text, or None. Site text prints on every handout, so it is
    held to the rules of typed text, and stricter: an invisible direction or control character
    is refused rather than removed, because the person editing the file can fix it once, and a
    phone number must print exactly as the file says."""
    if not isinstance(value, str):
        return _("must be text in quotes")
    if not value.strip():
        return _("must not be empty")
    if len(value) > maximum:
        return _("is {length} characters long; the limit is {maximum}").format(
            length=len(value), maximum=maximum
        )
    hidden = [ch for ch in value if unicodedata.category(ch) == "Cc"]
    if has_bidi_controls(value):
        hidden += [ch for ch in value if ch not in without_bidi_controls(ch)]
    if hidden:
        codes = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in hidden))
        return _(
            "holds invisible control characters ({codes}) that could change how it prints; remove them"
        ).format(codes=codes)
    return None


class _Parser:
    """Collects every problem of one site file, each with its key and line."""

    def __init__(self, text: str, data: dict[str, Any]) -> None:
        self.text = text
        self.data = data
        self.issues: list[Issue] = []

    def bad(self, section: str, key: str | None, message: str) -> None:
        name = f"site.{section}.{key}" if key else f"site.{section}"
        line = _line_of(self.text, section, key)
        if line is not None:
            message = _("{message} (line {line})").format(message=message, line=line)
        self.issues.append(Issue(name, message))

    def table(self, section: str) -> dict[str, Any]:
        value = self.data.get(section, {})
        if not isinstance(value, dict):
            self.bad(section, None, _("must be a table, written [{section}]").format(section=section))
            return {}
        return value

    def unknown(self, section: str, table: dict[str, Any], known: tuple[str, ...]) -> None:
        for key in table:
            if key not in known:
                self.bad(section, key, _("unknown setting (known: {known})").format(known=", ".join(known)))

    def simple_sections(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for section, keys in _KEYS.items():
            table = self.table(section)
            self.unknown(section, table, tuple(keys))
            for key, spec in keys.items():
                if key not in table:
                    continue
                value = table[key]
                if isinstance(spec, _NumberKey):
                    if type(value) is not int or not spec.minimum <= value <= spec.maximum:
                        self.bad(
                            section,
                            key,
                            _("must be a whole number of days from {minimum} to {maximum}").format(
                                minimum=spec.minimum, maximum=spec.maximum
                            ),
                        )
                    else:
                        values[spec.attribute] = value
                    continue
                problem = _text_problem(value, spec.maximum)
                if problem is None and spec.choices and value not in spec.choices:
                    problem = _("must be {choices}").format(
                        choices=_one_of(tuple(f'"{c}"' for c in spec.choices))
                    )
                if problem is None and key == "notes_language" and find_locale(value) is None:
                    problem = _("unknown language code {code}").format(code=repr(value))
                if problem is not None:
                    self.bad(section, key, problem)
                else:
                    values[spec.attribute] = value.strip()
        return values

    def clinical(self) -> ClinicalLimits:
        table = self.table("clinical")
        accepted, limit_issues = check_limits(table, "site.clinical")
        for issue in limit_issues:
            key = issue.field.rsplit(".", 1)[-1]
            self.bad("clinical", key, issue.message)
        clinical = ClinicalLimits().with_overrides(accepted)
        for issue in check_consistency(clinical, "site.clinical"):
            self.bad("clinical", issue.field.rsplit(".", 1)[-1], issue.message)
        return clinical

    def approvals(self) -> dict[str, Approval]:
        approvals: dict[str, Approval] = {}
        for code, entry in self.table("translations").items():
            where = f"translations.{code}"
            locale = find_locale(code)
            if locale is None:
                self.bad("translations", code, _("unknown language code"))
                continue
            if not isinstance(entry, dict):
                self.bad(
                    "translations",
                    code,
                    _("must be a table, written [translations.{code}]").format(code=code),
                )
                continue
            self.unknown(where, entry, _APPROVAL_KEYS)
            status = entry.get("status", "draft")
            if status not in ("approved", "draft"):
                self.bad(where, "status", _('must be "approved" or "draft"'))
                continue
            if status != "approved":
                continue
            reviewer, when = entry.get("reviewer"), entry.get("date")
            problem = _text_problem(reviewer, _MAX_REVIEWER)
            if problem is not None:
                self.bad(where, "reviewer", problem)
            # A TOML date-time is a datetime, which Python counts as a date too: refused.
            if type(when) is not date:
                self.bad(where, "date", _("an approval needs date = YYYY-MM-DD (a date, not in quotes)"))
            if (
                isinstance(reviewer, str)
                and problem is None
                and type(when) is date
                and not set(entry) - set(_APPROVAL_KEYS)
            ):
                approvals[locale.code] = Approval(reviewer.strip(), when)
        return approvals

    def folder(self, section: str, table: dict[str, Any], base_folder: Path | None) -> Path | None:
        """The section's `folder` key as a path (`~` expanded, a relative one from the site
        file's folder), or None when it is absent or not a valid text (reported)."""
        if "folder" not in table:
            return None
        folder = table["folder"]
        problem = _text_problem(folder, _MAX_FOLDER)
        if problem is not None:
            self.bad(section, "folder", problem)
            return None
        path = Path(folder.strip()).expanduser()
        if not path.is_absolute() and base_folder is not None:
            path = base_folder / path
        return path

    def boolean(self, section: str, table: dict[str, Any], key: str) -> bool | None:
        """The key as true or false, or None when it is absent or not a boolean (reported)."""
        if key not in table:
            return None
        if type(table[key]) is not bool:
            self.bad(section, key, _("must be true or false"))
            return None
        return bool(table[key])

    def template_folder(self, base_folder: Path | None) -> Path | None:
        table = self.table("template")
        self.unknown("template", table, _TEMPLATE_KEYS)
        path = self.folder("template", table, base_folder)
        if path is None:
            return None
        if not (path / "handout.xml.j2").is_file():
            self.bad("template", "folder", _("{folder} has no handout.xml.j2").format(folder=path))
            return None
        return path


def _record(parser: _Parser, base_folder: Path | None) -> dict[str, Any]:
    """`[record]`: the folder is not checked for existence here: a drop folder on a share that
    is away for a moment must not stop the site file loading (and so every print); writing a
    record says so instead."""
    table = parser.table("record")
    parser.unknown("record", table, _RECORD_KEYS)
    values: dict[str, Any] = {}
    folder = parser.folder("record", table, base_folder)
    if folder is not None:
        values["record_folder"] = folder
    include_name = parser.boolean("record", table, "include_patient_name")
    if include_name is not None:
        values["record_include_patient_name"] = include_name
    return values


def _log(parser: _Parser) -> dict[str, Any]:
    """`[log]`: the database is not connected to here, for the same reason as `[record]`'s
    folder: a server that is down must not stop every print (the entry waits on the computer).
    No message quotes the URL: it may hold a password."""
    from vpdischarge.domain.database_url import url_problem

    table = parser.table("log")
    parser.unknown("log", table, _LOG_KEYS)
    values: dict[str, Any] = {}
    if "database" in table:
        url = table["database"]
        problem = _text_problem(url, _MAX_DATABASE_URL)
        if problem is None:
            problem = url_problem(url.strip())
        if problem is not None:
            parser.bad("log", "database", problem)
        else:
            values["log_database"] = url.strip()
    include_name = parser.boolean("log", table, "include_patient_name")
    if include_name is not None:
        values["log_include_patient_name"] = include_name
    return values


def _long_number_issue(text: str) -> Issue:
    """The key holding a number too long to be read, found by its line (tomllib does not say)."""
    section = ""
    for n, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            section = header.group(1).replace('"', "").replace(" ", "")
            continue
        found = re.match(r'\s*"?([A-Za-z0-9_-]+)"?\s*=\s*[+-]?[0-9_]{100,}', line)
        if found:
            name = ".".join(part for part in ("site", section, found.group(1)) if part)
            message = _("is a number far too long to be read")
            return Issue(name, _("{message} (line {line})").format(message=message, line=n))
    return Issue("site", _("holds a number far too long to be read"))


def parse_site(text: str, base_folder: Path | None = None) -> SiteSettings:
    """Parse site settings from TOML text. Raises InputError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Issue("site", _("not valid TOML: {reason}").format(reason=exc))]) from None
    except ValueError:  # tomllib converts digits with int(): over 4,300 of them is a ValueError
        raise InputError([_long_number_issue(text)]) from None
    except RecursionError:
        raise InputError([Issue("site", _("is nested too deeply to be a site settings file"))]) from None

    parser = _Parser(text, data)
    for section in data:
        if section not in _SECTIONS:
            parser.bad(
                section, None, _("unknown section (known: {known})").format(known=", ".join(_SECTIONS))
            )
    values = parser.simple_sections()
    clinical = parser.clinical()
    approvals = parser.approvals()
    template_folder = parser.template_folder(base_folder)
    record = _record(parser, base_folder)
    log = _log(parser)
    if parser.issues:
        raise InputError(parser.issues)
    return SiteSettings(
        **values,
        clinical=clinical,
        approved_translations=approvals,
        template_folder=template_folder,
        **record,
        **log,
    )


def load_site(path: Path | None) -> SiteSettings:
    """Load a site file, or the bundled default when `path` is None. The bundled example is
    marked `sample` however it was chosen: by default, by its own path, or as an unchanged copy
    (compared by content, so an installed package and a source checkout agree, and a copy of
    the example with its placeholder phones never passes for a hospital's own file)."""
    from vpdischarge.assets import default_site_path

    bundled = default_site_path()
    raw = _read_site_file(path or bundled)
    settings = _parse_site_file(raw, path or bundled)
    if path is None or raw == _read_site_file(bundled):
        return replace(settings, sample=True)
    return settings


def _read_site_file(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_SITE_FILE_BYTES, "site")
    except InputError as exc:
        raise InputError(
            [Issue(i.field, _("{path} {message}").format(path=path, message=i.message)) for i in exc.issues]
        ) from None


def _parse_site_file(raw: bytes, path: Path) -> SiteSettings:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Issue("site", _("{path} is not UTF-8 text").format(path=path))]) from None
    try:
        return parse_site(text, base_folder=path.parent)
    except InputError as exc:
        raise InputError(
            [
                Issue(i.field, _("{message} in {path}").format(message=i.message, path=path), i.severity)
                for i in exc.issues
            ]
        ) from None
