"""Gettext catalogs of the handout, one per language, in Babel's standard layout:
``translations/<code>/LC_MESSAGES/handout.po``.

An installed package has the compiled ``.mo`` next to each ``.po`` (the build compiles them). A
source checkout has only ``.po`` files, which are compiled in memory on first use, so developers
never run a stale catalog. A string missing from a catalog falls back to the English source.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from vpdischarge.assets import translations_dir
from vpdischarge.domain.locales import LOCALES, SOURCE_LANGUAGE

DOMAIN = "handout"


def catalog_path(code: str, domain: str = DOMAIN, suffix: str = ".po", folder: Path | None = None) -> Path:
    """One language's catalog in `folder` (default: the catalogs the program uses)."""
    return (folder or translations_dir()) / code / "LC_MESSAGES" / f"{domain}{suffix}"


def template_catalog_path(domain: str = DOMAIN, folder: Path | None = None) -> Path:
    return (folder or translations_dir()) / f"{domain}.pot"


@cache
def available_languages(domain: str = DOMAIN) -> frozenset[str]:
    """Codes of the registry languages that have a catalog for `domain`."""
    return frozenset(loc.code for loc in LOCALES if catalog_path(loc.code, domain).is_file())


@cache
def translations_for(code: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The translations of one language. English, or a language without a catalog, gets the
    source strings (NullTranslations)."""
    mo = catalog_path(code, domain, ".mo")
    po = catalog_path(code, domain, ".po")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if po.is_file():
        with po.open("rb") as fp:
            # No locale argument: CLDR lacks some handout languages (tl, ht); the catalog's own
            # Plural-Forms header is what gettext needs.
            catalog = read_po(fp)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)  # fuzzy entries are left out, as pybabel compile does
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    if code != SOURCE_LANGUAGE:
        return translations_for(SOURCE_LANGUAGE, domain)
    return gettext.NullTranslations()
