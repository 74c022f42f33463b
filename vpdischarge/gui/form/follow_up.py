"""Dates after the procedure: restarting a blood thinner and the follow-up visit. All optional:
the handout says what to do when they are not set (ask first; call to book a visit)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from vpdischarge.domain.case import Case
from vpdischarge.gui.form.dates import OptionalDate
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import _


class FollowUpSection(Section):
    def __init__(self) -> None:
        super().__init__(_("Blood thinner and follow-up"))
        self.blood_thinner = OptionalDate()
        self.when = OptionalDate(with_time=True)
        self.where = QLineEdit()
        self.phone = QLineEdit()
        self.add_field(
            "blood_thinner_restart",
            _("Restart blood &thinner on:"),
            self.blood_thinner,
            self.blood_thinner.widgets(),
        )
        self.blood_thinner.set_accessible_name(_("Restart blood thinner on"))
        self.add_field("follow_up.when", _("Follow-&up visit:"), self.when, self.when.widgets())
        self.when.set_accessible_name(_("Follow-up visit date and time"))
        self.add_field("follow_up.where", _("Visit p&lace:"), self.where)
        self.add_field("follow_up.phone", _("Visit ph&one:"), self.phone)
        for signal in (
            self.blood_thinner.changed,
            self.when.changed,
            self.where.textChanged,
            self.phone.textChanged,
        ):
            signal.connect(self.changed)

    def load(self, case: Case) -> None:
        self.blood_thinner.set_value(case.blood_thinner_restart)
        self.when.set_value(case.follow_up.when)
        self.where.setText(case.follow_up.where)
        self.phone.setText(case.follow_up.phone)

    def fill(self, case: Case) -> None:
        case.blood_thinner_restart = self.blood_thinner.value()
        case.follow_up.when = self.when.value()
        case.follow_up.where = self.where.text()
        case.follow_up.phone = self.phone.text()
