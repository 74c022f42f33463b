"""The clinical limits printed in the handout, with the site's defaults filled in.

Collapsed by default: most patients get the site's limits. A clinician may change a limit for
this patient; only the limits set for this patient go into ``case.restrictions``, so a later
change of the site default still reaches every case that did not override it. A limit set for
this patient stays set even when its value equals the site's today: the clinician chose it. Ranges and
units come from `vpdischarge.domain.clinical.LIMITS`, the same table the engine checks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from vpdischarge.domain.case import Case
from vpdischarge.domain.clinical import LIMIT_NAMES, LIMITS, ClinicalLimits
from vpdischarge.domain.issues import Issue
from vpdischarge.gui.form.section import Section
from vpdischarge.gui.mnemonics import letter_in
from vpdischarge.i18n import N_, _, ngettext

DESCRIPTIONS = {
    "fever_c": N_("Call for a fever at or above"),
    "dressing_off_hours": N_("Take the bandage off after"),
    "shower_after_hours": N_("Shower from"),
    "no_soak_days": N_("No bath, pool or hot tub for"),
    "lift_limit_lb": N_("First lifting limit"),
    "lift_weeks": N_("First lifting limit lasts"),
    "lift_limit_2_lb": N_("Second lifting limit"),
    "lift_2_months": N_("Second lifting limit lasts until"),
    "bend_weeks": N_("No bending or twisting for"),
    "exercise_weeks": N_("No strengthening exercises for"),
    "drive_days": N_("No driving for"),
    "recovery_weeks_min": N_("Back to normal activity from"),
    "recovery_weeks_max": N_("Back to normal activity by"),
    "follow_up_weeks_min": N_("Follow-up visit, earliest"),
    "follow_up_weeks_max": N_("Follow-up visit, latest"),
}
UNITS = {
    "°C": N_("°C"),
    "hours": N_("hours"),
    "days": N_("days"),
    "weeks": N_("weeks"),
    "months": N_("months"),
    "lb": N_("lb"),
}
assert set(DESCRIPTIONS) == set(LIMIT_NAMES), "every clinical limit needs a description"


def _spin_box(name: str) -> QSpinBox | QDoubleSpinBox:
    limit = LIMITS[name]
    box: QSpinBox | QDoubleSpinBox
    if limit.integer:
        box = QSpinBox()
        box.setRange(int(limit.minimum), int(limit.maximum))
    else:
        box = QDoubleSpinBox()
        box.setDecimals(1)
        box.setRange(limit.minimum, limit.maximum)
        box.setSingleStep(0.1 if limit.unit == "°C" else 1.0)
    box.setSuffix(" " + _(UNITS.get(limit.unit, limit.unit)))
    box.setAlignment(Qt.AlignmentFlag.AlignTrailing)
    return box


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


class LimitsSection(Section):
    def __init__(self, site_limits: ClinicalLimits) -> None:
        super().__init__(_("Clinical limits"))
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        # Its Alt+letter (and a click) leave the focus on it, so Tab goes on into the limits.
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.toggled.connect(self.set_expanded)
        # The toggle's Alt+key ("Alt+C"), given by the window; kept as the summary changes.
        self._toggle_key = ""
        self.form.addRow(self.toggle)
        self.body = QWidget()
        self.form.addRow(self.body)
        # Rows go into the collapsible body.
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)

        self._defaults = site_limits
        self.boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}
        self._default_labels: dict[str, QLabel] = {}
        # The limits set for this patient (from the case file or changed in the form).
        self._overridden: set[str] = set()
        for name in LIMIT_NAMES:
            box = _spin_box(name)
            note = QLabel()
            note.setWordWrap(True)
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(box)
            line.addWidget(note, 1)
            self.add_field(f"restrictions.{name}", _(DESCRIPTIONS[name]) + ":", row, [box])
            box.valueChanged.connect(lambda _value, name=name: self._on_value_changed(name))
            self.boxes[name] = box
            self._default_labels[name] = note
        self.reset_button = QPushButton(_("&Reset to the site's limits"))
        self.reset_button.clicked.connect(self.reset)
        self.form.addRow(self.reset_button)
        self._show_defaults()
        self.set_expanded(False)

    # Values ------------------------------------------------------------------------------------

    def set_site_limits(self, site_limits: ClinicalLimits) -> None:
        """New site defaults; this patient's own changes are kept."""
        overrides = self.restrictions()
        self._defaults = site_limits
        self._apply(overrides)

    def restrictions(self) -> dict[str, int | float]:
        """The limits set for this patient, equal to the site's or not."""
        changed: dict[str, int | float] = {}
        for name, box in self.boxes.items():
            value = box.value()
            if name in self._overridden or not _same(value, getattr(self._defaults, name)):
                changed[name] = int(value) if LIMITS[name].integer else round(float(value), 1)
        return changed

    def reset(self) -> None:
        self._apply({})
        self.changed.emit()

    def _apply(self, overrides: dict) -> None:
        self._overridden = set()
        for name, box in self.boxes.items():
            value = overrides.get(name, getattr(self._defaults, name))
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                value = getattr(self._defaults, name)
            elif name in overrides:
                self._overridden.add(name)
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._show_defaults()

    def load(self, case: Case) -> None:
        self._apply(case.restrictions)
        # A patient with their own limits shows them at once.
        if case.restrictions:
            self.set_expanded(True)

    def fill(self, case: Case) -> None:
        case.restrictions = self.restrictions()

    # Display -----------------------------------------------------------------------------------

    def _on_value_changed(self, name: str) -> None:
        self._overridden.add(name)
        self._show_defaults()
        self.changed.emit()

    def _show_defaults(self) -> None:
        changed = self.restrictions()
        for name, note in self._default_labels.items():
            default = getattr(self._defaults, name)
            unit = _(UNITS.get(LIMITS[name].unit, LIMITS[name].unit))
            shown = f"{default:g} {unit}"
            if name in changed:
                note.setText(_("changed for this patient (site: {value})").format(value=shown))
                note.setStyleSheet("font-weight: bold;")
            else:
                note.setText(_("site default"))
                note.setStyleSheet("color: palette(placeholder-text);")
        self._update_toggle(len(changed))

    def _update_toggle(self, changed: int) -> None:
        if changed:
            summary = ngettext(
                "{n} limit changed for this patient", "{n} limits changed for this patient", changed
            ).format(n=changed)
        else:
            summary = _("The site's limits apply")
        self.toggle.setText(letter_in(summary, self._toggle_key))
        # The arrow shows the state; the name says what the button does.
        self.toggle.setAccessibleName(_("Show the clinical limits"))
        self.toggle.setToolTip(_("Show or hide the clinical limits (Ctrl+L)"))

    def set_toggle_key(self, key: str) -> None:
        self._toggle_key = key
        self._update_toggle(len(self.restrictions()))

    def set_expanded(self, expanded: bool) -> None:
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through `toggled`
            return
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._update_toggle(len(self.restrictions()))

    def show_issues(self, by_field: dict[str, list[Issue]]) -> None:
        super().show_issues(by_field)
        # A problem inside the collapsed box must not stay hidden.
        if any(field.startswith("restrictions") and by_field[field] for field in by_field):
            self.set_expanded(True)
