"""The whole form: the sections in reading order, turned into a `Case` and back.

The form knows nothing about handouts. It builds a Case from the widgets, shows a case, and
puts each Issue next to the field it names; the window runs the pipeline.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.site import SiteSettings
from vpdischarge.gui.form.clinician import ClinicianSection
from vpdischarge.gui.form.dates import date_problems, set_date_region
from vpdischarge.gui.form.follow_up import FollowUpSection
from vpdischarge.gui.form.handout import HandoutSection
from vpdischarge.gui.form.limits import LimitsSection
from vpdischarge.gui.form.medicines import MedicinesSection
from vpdischarge.gui.form.patient import PatientSection
from vpdischarge.gui.form.procedure import ProcedureSection
from vpdischarge.gui.form.section import Section
from vpdischarge.gui.form.wheel_guard import WheelGuard, guard_wheel
from vpdischarge.i18n import _


class CaseForm(QWidget):
    """`changed` fires on every edit by the nurse (not while a case is being loaded)."""

    changed = Signal()

    def __init__(self, site: SiteSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patient = PatientSection()
        self.handout = HandoutSection(site)
        self.procedure = ProcedureSection()
        self.medicines = MedicinesSection()
        self.medicines.phrase_language = site.notes_language
        self.follow_up = FollowUpSection()
        self.clinician = ClinicianSection()
        self.limits = LimitsSection(site.clinical)
        self.sections: list[Section] = [
            self.patient,
            self.handout,
            self.procedure,
            self.medicines,
            self.follow_up,
            self.clinician,
            self.limits,
        ]
        layout = QVBoxLayout(self)
        for section in self.sections:
            layout.addWidget(section)
            section.changed.connect(self._on_changed)
        layout.addStretch(1)
        self._align_labels()
        self._loading = False
        self._wheel_guard = WheelGuard(self)
        guard_wheel(self, self._wheel_guard)
        set_date_region(self, site.country)

    def _align_labels(self) -> None:
        """One label column for the whole form, so every field starts at the same place."""
        labels = [
            label for section in self.sections if section is not self.limits for label in section.row_labels
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _on_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def case(self) -> Case:
        """A new Case holding exactly what the widgets show."""
        case = Case()
        for section in self.sections:
            section.fill(case)
        return case

    def set_case(self, case: Case) -> None:
        """Show `case`; emits `changed` once at the end."""
        self._loading = True
        try:
            for section in self.sections:
                section.load(case)
        finally:
            self._loading = False
        self.changed.emit()

    def set_site(self, site: SiteSettings) -> None:
        self.limits.set_site_limits(site.clinical)
        self.medicines.phrase_language = site.notes_language
        set_date_region(self, site.country)

    def input_problems(self) -> list[Issue]:
        """Typed text the Case cannot carry (a date not understood), as errors at its field."""
        return date_problems(self.sections)

    def show_issues(self, issues: list[Issue]) -> list[Issue]:
        """Put every issue next to its field; returns those no field of the form shows."""
        by_field: dict[str, list[Issue]] = defaultdict(list)
        for issue in issues:
            by_field[issue.field].append(issue)
        for section in self.sections:
            section.show_issues(by_field)
        return [i for i in issues if self._section_of(i.field) is None]

    def _section_of(self, field: str) -> Section | None:
        for section in self.sections:
            if field in section.slots or (section is self.medicines and field.startswith("medications")):
                return section
        return None

    def describe(self, field: str) -> str:
        """The words the nurse sees for `field` ("Patient name"), for messages."""
        for section in self.sections:
            label = section.describe(field)
            if label:
                return label
        names = {
            "site": _("Site settings"),
            "case": _("Case file"),
            "schema": _("Case file"),
            "clinician.notes_language": _("Language of the notes"),
            "record": _("Handout record"),
        }
        return names.get(field, field)

    def field_with_focus(self) -> str | None:
        """The case field whose widget has the keyboard focus (None if no field has it)."""
        focused = QApplication.focusWidget()
        if focused is None:
            return None
        for section in self.sections:
            for name, slot in section.slots.items():
                if any(w is focused or w.isAncestorOf(focused) for w in slot.widgets):
                    return section.field_at_focus(name)
        return None

    def focus_field(self, field: str) -> bool:
        section = self._section_of(field)
        if section is None:
            return False
        if section is self.limits:
            self.limits.set_expanded(True)
        return section.focus(field)
