"""The interface language of the window: the one place UI strings are translated.

Like MusicBrainz Picard, the translation functions are plain functions imported where they are
used (`from vpdischarge.i18n import _`); nothing is put into builtins and importing this module
changes nothing. `set_ui_language` switches the catalog for the whole process. A language
without a ``ui`` catalog falls back to the English source strings (NullTranslations), so a
missing or broken catalog never stops the window from opening.

This module stays free of Qt so the domain and the CLI could use it; Qt's own translations
(standard dialogs) are loaded by `vpdischarge.gui.qt_i18n`.
"""

from __future__ import annotations

import gettext
import locale as _locale
import os

from vpdischarge.domain.locales import LOCALES, SOURCE_LANGUAGE, babel_locale, find_locale

DOMAIN = "ui"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language: str = SOURCE_LANGUAGE


def _(message: str) -> str:
    """Translate `message` into the interface language."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention, found by pybabel
    """Mark `message` for extraction without translating it now (module-level constants are
    translated where they are shown, so a later language switch still applies)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, by the interface language's plural rules."""
    return _translations.ngettext(singular, plural, n)


def number(value: int) -> str:
    """`value` with the interface language's digit grouping (12,000 · 12.000 · 12 000), from
    CLDR through Babel rather than Python's US-only ``{:,}``."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(_language))


def language_name(code: str) -> str:
    """The name of handout language `code` in the interface language ("español" in a Spanish
    window, "Spanish" in English, "Haitian Creole", never CLDR's "French (Haiti)"): messages
    name languages the way the reader would, and the way the handout does."""
    from vpdischarge.content.language_names import language_name as written_in

    return written_in(code, babel_locale(_language), _language)


def ui_languages() -> list[str]:
    """Codes of the languages the interface is translated into (English always included)."""
    from vpdischarge.content.catalogs import available_languages

    codes = set(available_languages(DOMAIN)) | {SOURCE_LANGUAGE}
    return [loc.code for loc in LOCALES if loc.code in codes]


def load_translations(code: str) -> gettext.NullTranslations:
    """The UI catalog of `code`, or NullTranslations (English source text) if there is none or
    it cannot be read: a broken catalog must not keep the window from opening."""
    from vpdischarge.content.catalogs import catalog_path, translations_for

    found = find_locale(code)
    if found is None or found.code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    po, mo = catalog_path(found.code, DOMAIN), catalog_path(found.code, DOMAIN, ".mo")
    if not po.is_file() and not mo.is_file():
        return gettext.NullTranslations()
    try:
        return translations_for(found.code, DOMAIN)
    except Exception:  # any unreadable catalog means "use English"
        return gettext.NullTranslations()


def set_ui_language(code: str) -> str:
    """Switch the interface language; returns the code actually used ("en" when unknown)."""
    global _translations, _language
    found = find_locale(code)
    _language = found.code if found else SOURCE_LANGUAGE
    _translations = load_translations(_language)
    return _language


def ui_language() -> str:
    return _language


def ui_direction() -> str:
    """'rtl' or 'ltr' for the interface language (Arabic and Persian read right to left)."""
    found = find_locale(_language)
    return found.direction if found else "ltr"


def system_language() -> str:
    """The desktop's language if the interface has a catalog for it, else English.

    Reads the usual environment variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) so a nurse's
    Spanish desktop opens a Spanish window without any setting."""
    candidates = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            candidates += value.split(":")
    try:
        default = _locale.getlocale()[0]
    except ValueError:
        default = None
    if default:
        candidates.append(default)
    available = set(ui_languages())
    for raw in candidates:
        tag = raw.split(".")[0].split("@")[0]
        for attempt in (tag, tag.split("_")[0]):
            found = find_locale(attempt)
            if found and found.code in available:
                return found.code
    return SOURCE_LANGUAGE
