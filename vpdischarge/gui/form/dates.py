"""A date (or date and time) that may be "not set": a check box before a date field.

QDateEdit always holds some date, and a date the nurse never chose must not print. Unticked,
the field is disabled and says "not set"; ticking it offers a sensible starting date. The
calendar pop-up is on, and dates are shown with the month's name (20 Nov 2026) so nobody has
to guess whether 04/12 is April or December.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QWidget

from vpdischarge.gui.form.problems import not_set_text
from vpdischarge.i18n import _

_SENTINEL = QDate(1899, 12, 31)


class OptionalDate(QWidget):
    """Value is a `date`, a `datetime` (with_time=True) or None."""

    changed = Signal()

    def __init__(
        self,
        with_time: bool = False,
        default: date | datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_time = with_time
        self._default = default
        # The date shown before the box was unticked, offered again if it is ticked again.
        self._remembered: date | datetime | None = None
        self.check = QCheckBox()
        self.edit: QDateTimeEdit = QDateTimeEdit() if with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy   HH:mm" if with_time else "d MMM yyyy")
        self.edit.setMinimumDateTime(QDateTime(_SENTINEL, QTime(0, 0)))
        self.edit.setMaximumDate(QDate(2200, 12, 31))
        self.edit.setSpecialValueText(not_set_text())
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("30 Sep 2026   00:00") + 48)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._on_toggled)
        self.edit.setDateTime(self.edit.minimumDateTime())  # "not set", not Qt's default 1 Jan 2000
        self.edit.dateTimeChanged.connect(self._on_edited)
        self._on_toggled(False)

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)
        self.check.setAccessibleName(_("{field}: a date is set").format(field=name))
        self.check.setToolTip(_("Tick to enter this date; untick to leave it out"))

    def widgets(self) -> list[QWidget]:
        return [self.check, self.edit]

    def value(self) -> date | datetime | None:
        if not self.check.isChecked():
            return None
        moment = self.edit.dateTime()
        if moment.date() == _SENTINEL:
            return None
        day = moment.date().toPython()
        if self._with_time:
            return datetime.combine(day, moment.time().toPython().replace(second=0, microsecond=0))
        return day

    def set_value(self, value: date | datetime | None) -> None:
        """Show `value` without emitting `changed` (the form emits once after loading)."""
        self.blockSignals(True)
        try:
            if value is None:
                self.check.setChecked(False)
            else:
                self.check.setChecked(True)
                self._show(value)
        finally:
            self.blockSignals(False)

    def _show(self, value: date | datetime) -> None:
        if isinstance(value, datetime):
            clock = QTime(value.hour, value.minute)
        else:
            clock = QTime(9, 0)
        self.edit.setDateTime(QDateTime(QDate(value.year, value.month, value.day), clock))

    def _starting_value(self) -> date | datetime:
        if self._default is not None:
            return self._default
        today = date.today()
        return datetime.combine(today, time(9, 0)) if self._with_time else today

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.setFocusProxy(self.edit if checked else self.check)
        edit_signals = self.edit.blockSignals(True)
        if checked:
            if self.edit.date() == _SENTINEL:
                self._show(self._remembered or self._starting_value())
        else:
            if self.edit.date() != _SENTINEL:
                moment = self.edit.dateTime().toPython()
                self._remembered = moment if self._with_time else moment.date()
            self.edit.setDateTime(self.edit.minimumDateTime())
        self.edit.blockSignals(edit_signals)
        self.changed.emit()

    def _on_edited(self) -> None:
        self.changed.emit()
