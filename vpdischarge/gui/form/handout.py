"""How the handout is printed: its language (listed by native name, as the patient knows it),
an optional second language, large print and the interpreter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from vpdischarge.content.catalogs import available_languages
from vpdischarge.domain.case import Case
from vpdischarge.domain.locales import LOCALES, HandoutLocale
from vpdischarge.domain.site import SiteSettings
from vpdischarge.gui.form.choices import select_code
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import _


def handout_locales() -> list[HandoutLocale]:
    """The registry's languages that have a handout catalog, in registry order."""
    available = available_languages()
    return [loc for loc in LOCALES if loc.code in available]


def fill_language_combo(combo: QComboBox, site: SiteSettings | None) -> None:
    """Items show the native name; the English name and draft status are in the tooltip."""
    for loc in handout_locales():
        combo.addItem(loc.native_name, loc.code)
        index = combo.count() - 1
        approved = loc.code == "en" or (site is not None and loc.code in site.approved_translations)
        status = _("approved translation") if approved else _("draft translation")
        combo.setItemData(index, f"{loc.english_name} ({status})", Qt.ItemDataRole.ToolTipRole)
        combo.setItemData(index, loc.english_name, Qt.ItemDataRole.AccessibleDescriptionRole)


class HandoutSection(Section):
    def __init__(self, site: SiteSettings | None = None) -> None:
        super().__init__(_("Handout"))
        self.language = QComboBox()
        fill_language_combo(self.language, site)
        self.second_language = QComboBox()
        self.second_language.addItem(_("None"), None)
        fill_language_combo(self.second_language, site)
        self.large_print = QCheckBox(_("Large print (16 pt text)"))
        self.interpreter = QLineEdit()
        self.interpreter.setPlaceholderText(_("Name or ID, if an interpreter helped"))
        self.add_field("language", _("Handout lan&guage:"), self.language)
        self.add_field("second_language", _("&Second language:"), self.second_language)
        self.add_field("large_print", _("Print si&ze:"), self.large_print)
        self.large_print.setAccessibleName(_("Large print"))
        self.add_field("interpreter", _("&Interpreter:"), self.interpreter)
        self.language.currentIndexChanged.connect(self.changed)
        self.second_language.currentIndexChanged.connect(self.changed)
        self.large_print.toggled.connect(self.changed)
        self.interpreter.textChanged.connect(self.changed)

    def load(self, case: Case) -> None:
        select_code(self.language, case.language)
        select_code(self.second_language, case.second_language)
        self.large_print.setChecked(case.large_print)
        self.interpreter.setText(case.interpreter)

    def fill(self, case: Case) -> None:
        case.language = self.language.currentData() or ""
        case.second_language = self.second_language.currentData() or None
        case.large_print = self.large_print.isChecked()
        case.interpreter = self.interpreter.text()
