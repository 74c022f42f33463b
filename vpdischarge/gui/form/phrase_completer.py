"""Offering the standard medicine phrases while the nurse types "when" and "what it is for".

A phrase picked from the list prints in the patient's language (content/medicine_phrases.py);
anything else prints as typed, with a warning. The list is in the language the nurse writes in
(the site's notes language) and matches anywhere in a phrase ("6 h" finds "every 6 hours if
needed"). The phrases come from the handout catalogs, which need the engine: they are loaded
the first time a cell is edited, never while the window starts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyleOptionViewItem, QWidget

from vpdischarge.gui.form.medicine_table import CellDelegate


class PhraseDelegate(CellDelegate):
    def __init__(self, kind: str, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "when" or "purpose"
        self.language = language

    def phrases(self) -> list[str]:
        from vpdischarge.content.medicine_phrases import phrases

        return list(phrases(self.language())[self.kind])

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            phrases = self.phrases()
            completer = QCompleter(phrases, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
            # The pop-up is as wide as the longest phrase, so no phrase is cut short.
            popup = completer.popup()
            assert popup is not None  # a QCompleter makes its pop-up list with itself
            longest = max((popup.fontMetrics().horizontalAdvance(p) for p in phrases), default=0)
            popup.setMinimumWidth(longest + popup.verticalScrollBar().sizeHint().width() + 24)
        return editor
