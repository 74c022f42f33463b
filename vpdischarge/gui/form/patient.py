"""Who the handout is for: the name printed on every page and a second identifier."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from vpdischarge.domain.case import Case
from vpdischarge.gui.form.dates import OptionalDate
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import _


class PatientSection(Section):
    def __init__(self) -> None:
        super().__init__(_("Patient"))
        self.name = QLineEdit()
        # A neutral starting point for the calendar; the box stays unticked until a date is chosen.
        self.date_of_birth = OptionalDate(default=date(1950, 1, 1))
        self.record_number = QLineEdit()
        self.add_field("patient.name", _("Patient &name:"), self.name)
        self.add_field(
            "patient.date_of_birth",
            _("Date of &birth:"),
            self.date_of_birth,
            self.date_of_birth.widgets(),
        )
        self.date_of_birth.set_accessible_name(_("Date of birth"))
        self.add_field("patient.record_number", _("&Record number:"), self.record_number)
        for signal in (self.name.textChanged, self.date_of_birth.changed, self.record_number.textChanged):
            signal.connect(self.changed)

    def load(self, case: Case) -> None:
        self.name.setText(case.patient.name)
        self.date_of_birth.set_value(case.patient.date_of_birth)
        self.record_number.setText(case.patient.record_number)

    def fill(self, case: Case) -> None:
        # Text is kept exactly as typed: the engine decides what is valid.
        case.patient.name = self.name.text()
        case.patient.date_of_birth = self.date_of_birth.value()
        case.patient.record_number = self.record_number.text()
