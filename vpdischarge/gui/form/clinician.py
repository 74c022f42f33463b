"""The clinician's name and notes; the notes print exactly as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from vpdischarge.domain.case import Case
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import _


class ClinicianSection(Section):
    def __init__(self) -> None:
        super().__init__(_("Clinician"))
        self.name = QLineEdit()
        self.notes = QPlainTextEdit()
        # Tab moves to the next field, as everywhere else in the form (Ctrl+Tab types a tab).
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.setPlaceholderText(_("Anything else the patient must know, in plain words"))
        self.add_field("clinician.name", _("&Clinician:"), self.name)
        self.add_field("clinician.notes", _("N&otes:"), self.notes)
        self.name.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        # The form does not edit the notes' language; keep what a loaded case file said.
        self._notes_language: str | None = None

    def load(self, case: Case) -> None:
        self.name.setText(case.clinician.name)
        if self.notes.toPlainText() != case.clinician.notes:
            self.notes.setPlainText(case.clinician.notes)
        self._notes_language = case.clinician.notes_language

    def fill(self, case: Case) -> None:
        case.clinician.name = self.name.text()
        case.clinician.notes = self.notes.toPlainText()
        case.clinician.notes_language = self._notes_language
