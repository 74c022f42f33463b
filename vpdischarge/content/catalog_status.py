"""How complete and how trustworthy each language's handout catalog is.

Used by `vpdischarge locales` and `vpdischarge check`, and by the window to warn before a
draft translation is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from vpdischarge.content.catalogs import DOMAIN, catalog_path, template_catalog_path
from vpdischarge.domain.locales import LOCALES, SOURCE_LANGUAGE, HandoutLocale
from vpdischarge.domain.site import SiteSettings

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_TAG = re.compile(r"</?([a-z-]+)\s*/?>")


@dataclass
class CatalogStatus:
    locale: HandoutLocale
    status: str  # "source", "approved", "draft" or "missing"
    total: int = 0
    translated: int = 0
    fuzzy: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # placeholders or tags that do not match
    reviewer: str | None = None
    reviewed_on: str | None = None

    @property
    def completeness(self) -> float:
        return self.translated / self.total if self.total else 0.0

    def as_json(self) -> dict:
        return {
            "code": self.locale.code,
            "english_name": self.locale.english_name,
            "native_name": self.locale.native_name,
            "script": self.locale.script,
            "direction": self.locale.direction,
            "status": self.status,
            "completeness": round(self.completeness, 4),
            "translated": self.translated,
            "total": self.total,
            "fuzzy": len(self.fuzzy),
            "untranslated": len(self.untranslated),
            "reviewer": self.reviewer,
            "reviewed_on": self.reviewed_on,
        }


def _read(path) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp)


@cache
def _source_ids(folder: Path | None = None) -> tuple[str, ...]:
    return tuple(_key(m.id) for m in _read(template_catalog_path(DOMAIN, folder)) if m.id)


def _key(msgid) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _same_markers(source: str, translation: str) -> bool:
    return sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(translation)) and sorted(
        _TAG.findall(source)
    ) == sorted(_TAG.findall(translation))


def catalog_status(locale: HandoutLocale, site: SiteSettings, folder: Path | None = None) -> CatalogStatus:
    """`folder`: a translations folder to read instead of the program's own catalogs (a
    translator's source checkout, `vpdischarge check --catalogs translations/`)."""
    path = catalog_path(locale.code, folder=folder)
    source_ids = _source_ids(folder)
    if not path.is_file():
        return CatalogStatus(locale, "missing", total=len(source_ids), untranslated=list(source_ids))
    approval = site.approved_translations.get(locale.code)
    if locale.code == SOURCE_LANGUAGE:
        status = "source"
    else:
        status = "approved" if approval else "draft"
    result = CatalogStatus(
        locale,
        status,
        total=len(source_ids),
        reviewer=approval.reviewer if approval else None,
        reviewed_on=approval.date.isoformat() if approval else None,
    )
    messages = {_key(m.id): m for m in _read(path) if m.id}
    for msgid in source_ids:
        message = messages.get(msgid)
        strings = (
            []
            if message is None
            else (message.string if isinstance(message.string, (list, tuple)) else [message.string])
        )
        if message is None or not all(strings):
            result.untranslated.append(msgid)
        elif message.fuzzy:
            result.fuzzy.append(msgid)
        else:
            ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
            translated = [s for s in strings if s]  # all of them: checked above
            if not all(_same_markers(ids[min(n, len(ids) - 1)], s) for n, s in enumerate(translated)):
                result.broken.append(msgid)
            result.translated += 1
    return result


@cache
def untranslated_count(code: str) -> tuple[int, int]:
    """(untranslated or fuzzy, total) for one language's handout catalog; cached per process."""
    locale = next(loc for loc in LOCALES if loc.code == code)
    status = catalog_status(locale, SiteSettings())
    return len(status.untranslated) + len(status.fuzzy) + len(status.broken), status.total


def all_statuses(site: SiteSettings, folder: Path | None = None) -> list[CatalogStatus]:
    return [catalog_status(locale, site, folder) for locale in LOCALES]
