"""Site settings: what belongs to the hospital rather than to the patient or the language.

The emergency number, paper size and first weight unit follow the hospital's country, not the
handout language (a Spanish handout printed in Texas says 911, pounds and Letter). A TOML file
replaces the bundled default; every key is checked, unknown keys are refused (a typo must not
silently fall back to a default), and each problem names its key and line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from vpdischarge.domain.clinical import ClinicalLimits, check_consistency, check_limits
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.locales import find_locale
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
    # True for the bundled example settings: their hospital name and phones are placeholders, so
    # every page, the window and the CLI must say so (never mistaken for real instructions).
    sample: bool = False


_TEXT_KEYS = {
    "hospital": {
        "name": "hospital_name",
        "country": "country",
        "clinic_phone": "clinic_phone",
        "after_hours_phone": "after_hours_phone",
        "emergency_number": "emergency_number",
    },
    "print": {
        "paper": "paper",
        "weight_unit": "weight_unit",
        "temperature_unit": "temperature_unit",
        "notes_language": "notes_language",
    },
}
_CHOICES = {
    "paper": ("letter", "a4"),
    "weight_unit": ("lb", "kg"),
    "temperature_unit": ("F", "C"),
}
_SECTIONS = {"hospital", "print", "clinical", "template", "translations"}


def _at_line(message: str, text: str, key: str) -> str:
    """`message` with ' (line N)' for the first `key =` in the file, so a hospital IT person can
    find it."""
    for n, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return _("{message} (line {line})").format(message=message, line=n)
    return message


def _one_of(choices: tuple[str, ...]) -> str:
    """'a or b' (codes, not translated; the "or" is)."""
    *rest, last = choices
    if not rest:
        return last
    return _("{choices} or {last}").format(choices=", ".join(rest), last=last)


def parse_site(text: str, base_folder: Path | None = None) -> SiteSettings:
    """Parse site settings from TOML text. Raises InputError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Issue("site", _("not valid TOML: {reason}").format(reason=exc))]) from None

    issues: list[Issue] = []
    values: dict[str, Any] = {}

    def bad(key_path: str, key: str, message: str) -> None:
        issues.append(Issue(f"site.{key_path}", _at_line(message, text, key)))

    for section in data:
        if section not in _SECTIONS:
            bad(
                section,
                section,
                _("unknown section (known: {known})").format(known=", ".join(sorted(_SECTIONS))),
            )

    for section, keys in _TEXT_KEYS.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            bad(section, section, _("must be a table"))
            continue
        for key, value in table.items():
            if key not in keys:
                bad(
                    f"{section}.{key}",
                    key,
                    _("unknown setting (known: {known})").format(known=", ".join(keys)),
                )
            elif not isinstance(value, str) or not value.strip():
                bad(f"{section}.{key}", key, _("must be non-empty text"))
            elif keys[key] in _CHOICES and value not in _CHOICES[keys[key]]:
                choices = _one_of(tuple(f'"{c}"' for c in _CHOICES[keys[key]]))
                bad(f"{section}.{key}", key, _("must be {choices}").format(choices=choices))
            elif key == "notes_language" and find_locale(value) is None:
                bad(f"{section}.{key}", key, _("unknown language code {code}").format(code=repr(value)))
            else:
                values[keys[key]] = value.strip()

    clinical_table = data.get("clinical", {})
    accepted, limit_issues = check_limits(
        clinical_table if isinstance(clinical_table, dict) else {}, "site.clinical"
    )
    for issue in limit_issues:
        key = issue.field.rsplit(".", 1)[-1]
        issues.append(Issue(issue.field, _at_line(issue.message, text, key)))
    clinical = ClinicalLimits().with_overrides(accepted)
    issues += check_consistency(clinical, "site.clinical")

    approvals: dict[str, Approval] = {}
    for code, entry in (data.get("translations") or {}).items():
        where = f"translations.{code}"
        locale = find_locale(code)
        if locale is None:
            bad(where, code, _("unknown language code"))
            continue
        if not isinstance(entry, dict) or set(entry) - {"status", "reviewer", "date"}:
            bad(where, code, _("takes status, reviewer and date only"))
            continue
        if entry.get("status") != "approved":
            continue  # anything but an explicit approval leaves the translation a draft
        reviewer, when = entry.get("reviewer"), entry.get("date")
        if not isinstance(reviewer, str) or not reviewer.strip() or not isinstance(when, date):
            bad(where, code, _('an approval needs reviewer = "name" and date = YYYY-MM-DD'))
            continue
        approvals[locale.code] = Approval(reviewer.strip(), when)

    template_folder = None
    template = data.get("template", {})
    folder = template.get("folder", "") if isinstance(template, dict) else ""
    if folder:
        template_folder = Path(folder).expanduser()
        if not template_folder.is_absolute() and base_folder is not None:
            template_folder = base_folder / template_folder
        if not (template_folder / "handout.xml.j2").is_file():
            bad(
                "template.folder",
                "folder",
                _("{folder} has no handout.xml.j2").format(folder=template_folder),
            )

    if issues:
        raise InputError(issues)
    return SiteSettings(
        **values,
        clinical=clinical,
        approved_translations=approvals,
        template_folder=template_folder,
    )


def load_site(path: Path | None) -> SiteSettings:
    """Load a site file, or the bundled default (marked `sample`) when `path` is None."""
    if path is None:
        from dataclasses import replace

        from vpdischarge.assets import default_site_path

        return replace(load_site(default_site_path()), sample=True)
    try:
        if path.stat().st_size > MAX_SITE_FILE_BYTES:
            raise InputError(
                [Issue("site", _("{path} is too large to be a site settings file").format(path=path))]
            )
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            [Issue("site", _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc))]
        ) from None
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
