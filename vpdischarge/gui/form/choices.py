"""Words shown for the coded values of the case (procedure kinds, anaesthesia, limit units).

The case keeps the codes ("sedation"); the nurse sees words in the interface language. The
strings are marked with N_ and translated when shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from vpdischarge.i18n import N_, _

PROCEDURE_NAMES = {"vertebroplasty": N_("Vertebroplasty"), "kyphoplasty": N_("Kyphoplasty")}
ANESTHESIA_NAMES = {
    "sedation": N_("Local anaesthetic with sedation"),
    "general": N_("General anaesthetic"),
    "local": N_("Local anaesthetic only"),
}


def fill_combo(combo: QComboBox, names: dict[str, str]) -> None:
    for code, name in names.items():
        combo.addItem(_(name), code)


def select_code(combo: QComboBox, code: str | None) -> None:
    """Select the item whose data is `code`. A code the form does not know (from a hand-edited
    case file) is added as it is, so it stays visible and its error shows next to it instead of
    being silently replaced."""
    index = combo.findData(code)
    if index < 0:
        combo.addItem(str(code), code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
