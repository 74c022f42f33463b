"""What was done and when: the procedure date drives every "until" date in the handout."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLineEdit

from vpdischarge.domain.case import ANESTHESIA_KINDS, PROCEDURE_KINDS, Case
from vpdischarge.gui.form.choices import ANESTHESIA_NAMES, PROCEDURE_NAMES, fill_combo, select_code
from vpdischarge.gui.form.dates import OptionalDate
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import _

assert set(PROCEDURE_NAMES) == set(PROCEDURE_KINDS) and set(ANESTHESIA_NAMES) == set(ANESTHESIA_KINDS)


def split_levels(text: str) -> list[str]:
    """'T12, L1' or 'T12 L1' -> ['T12', 'L1']; each level kept as typed for the engine to check."""
    return [part for part in re.split(r"[,;\s]+", text) if part]


class ProcedureSection(Section):
    def __init__(self) -> None:
        super().__init__(_("Procedure"))
        self.kind = QComboBox()
        fill_combo(self.kind, PROCEDURE_NAMES)
        # Unticked on a new case: the date must be chosen, never assumed.
        self.date = OptionalDate()
        self.levels = QLineEdit()
        self.levels.setPlaceholderText(_("for example T12, L1"))
        self.anesthesia = QComboBox()
        fill_combo(self.anesthesia, ANESTHESIA_NAMES)
        self.add_field("procedure.kind", _("&Procedure:"), self.kind)
        self.add_field("procedure.date", _("Procedure &date:"), self.date, self.date.widgets())
        self.date.set_accessible_name(_("Procedure date"))
        self.add_field(
            "procedure.levels",
            _("Treated &levels:"),
            self.levels,
            hint=_("Spine levels separated by commas, such as T12, L1"),
        )
        self.add_field("procedure.anesthesia", _("&Anaesthesia:"), self.anesthesia)
        self.kind.currentIndexChanged.connect(self.changed)
        self.date.changed.connect(self.changed)
        self.levels.textChanged.connect(self.changed)
        self.anesthesia.currentIndexChanged.connect(self.changed)

    def load(self, case: Case) -> None:
        select_code(self.kind, case.procedure.kind)
        self.date.set_value(case.procedure.date)
        self.levels.setText(", ".join(case.procedure.levels))
        select_code(self.anesthesia, case.procedure.anesthesia)

    def fill(self, case: Case) -> None:
        case.procedure.kind = self.kind.currentData()
        case.procedure.date = self.date.value()
        case.procedure.levels = split_levels(self.levels.text())
        case.procedure.anesthesia = self.anesthesia.currentData()
