"""The Qt half of the interface language: Qt's own catalogs, locale and text direction.

`vpdischarge.i18n` translates our strings and stays free of Qt. This module makes the
standard dialogs (file, print, message box buttons) speak the same language by loading Qt's
``qtbase_<lang>.qm``, sets the default QLocale (month names in date fields) and lays the window
out right to left for Arabic or Persian.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from vpdischarge.i18n import set_ui_language, ui_direction

# Qt names some catalogs by region rather than by script.
_QT_NAMES = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW", "tl": "fil"}
# Installed translators must stay referenced, or Python frees them while Qt still uses them.
_installed: list[QTranslator] = []


def qt_locale_name(code: str) -> str:
    return _QT_NAMES.get(code, code)


def apply_ui_language(app: QApplication, code: str) -> str:
    """Switch our catalog and Qt's to `code`; returns the language actually used."""
    used = set_ui_language(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    name = qt_locale_name(used)
    for candidate in (name, name.split("_")[0]):
        translator = QTranslator(app)
        if translator.load(f"qtbase_{candidate}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    QLocale.setDefault(QLocale(name))
    rtl = ui_direction() == "rtl"
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return used


def installed_qt_catalogs() -> int:
    """How many Qt catalogs are installed (for tests)."""
    return len(_installed)
