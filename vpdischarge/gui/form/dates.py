"""A date (or date and time) field that takes what the nurse types, exactly or not at all.

Qt's QDateEdit turned typed dates into other dates ("31 Feb 2026" became 13 Feb 2026, "3 Dec"
became 3 Feb on a real keyboard). Here the text is the field: it is read by
`vpdischarge.domain.typed_dates` (month names in English and the interface language, numbers in
the site region's order) and the date understood is shown back in full under the field
("Thursday, 3 December 2026"). Text that is not understood stays as typed and the field reports
why (`problem()`, collected by `input_problems`); it is never changed into a date.

Empty means "not set" (every date here is optional for the form; the engine says which the
handout needs). A button beside the field, or Alt+Down / F4 in it, opens a calendar; picking a
day writes it into the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vpdischarge.domain.issues import Issue
from vpdischarge.domain.locales import babel_locale
from vpdischarge.domain.typed_dates import FIRST_YEAR, LAST_YEAR, Typed, echo_text, field_text, read_typed
from vpdischarge.gui.form.problems import not_set_text
from vpdischarge.i18n import _, ui_language

MIN_HEIGHT = 24  # px: every control at least this high (review: the old tick boxes were 15 px)
# The muted grey of a hint, dark enough for 4.5:1 on a light background.
ECHO_STYLE = "color: #3d4a57;"


def _language() -> str:
    return babel_locale(ui_language())


class _CalendarPopup(QFrame):
    """The calendar under the button; closes on a pick, on Escape and on a click elsewhere."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.calendar.setMaximumDate(QDate(LAST_YEAR, 12, 31))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def _pick(self, day: QDate) -> None:
        self.hide()
        self.picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class OptionalDate(QWidget):
    """Value is a `date`, a `datetime` (with_time=True and a time typed) or None (empty, or not
    understood)."""

    changed = Signal()

    def __init__(
        self,
        with_time: bool = False,
        default: date | datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._with_time = with_time
        # Where the calendar opens while the field is empty (1 Jan 1950 for a date of birth).
        self._default = default
        self._country = ""
        self._typed = Typed()
        self._name = ""
        self.edit = QLineEdit(self)
        example = field_text(datetime(2026, 12, 4, 10, 30) if with_time else date(2026, 12, 3), _language())
        hint = _("{not_set} (e.g. {date})").format(not_set=not_set_text(), date=example)
        self.edit.setPlaceholderText(hint)
        # Wide enough for the hint and for a long typed date, so neither is cut off.
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(
            max(metrics.horizontalAdvance(t) for t in (hint, f"{example}  {example}")) + 16
        )
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(_("Calendar…"))
        # Tab goes from the text to the next field; the calendar is also Alt+Down in the text.
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.calendar_button.setToolTip(_("Choose the date from a calendar (Alt+Down in the field)"))
        self.echo = QLabel(self)
        self.echo.setTextFormat(Qt.TextFormat.PlainText)
        self.echo.setWordWrap(True)
        self.echo.setStyleSheet(ECHO_STYLE)
        self.echo.hide()
        for widget in (self.edit, self.calendar_button):
            widget.setMinimumHeight(max(MIN_HEIGHT, widget.sizeHint().height()))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.echo)
        # Tab and the label's mnemonic land in the text. A label gives focus to its buddy only
        # if the buddy accepts focus, so this widget takes it too (and hands it to the text).
        self.setFocusPolicy(self.edit.focusPolicy())
        self.setFocusProxy(self.edit)
        self._popup: _CalendarPopup | None = None
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)

    # Public interface used by the sections ------------------------------------------------------

    def set_accessible_name(self, name: str) -> None:
        self._name = name
        self._name_edit()
        self.calendar_button.setAccessibleName(_("{field}: choose from a calendar").format(field=name))

    def widgets(self) -> list[QWidget]:
        """The widget that shows this field's problems (and takes focus for it): the text."""
        return [self.edit]

    def value(self) -> date | datetime | None:
        return self._typed.value

    def set_value(self, value: date | datetime | None) -> None:
        """Show `value` without emitting `changed` (the form emits once after loading)."""
        self.blockSignals(True)
        try:
            if value is not None and not self._with_time and isinstance(value, datetime):
                value = value.date()
            self.edit.setText("" if value is None else field_text(value, _language()))
        finally:
            self.blockSignals(False)

    def set_region(self, country: str) -> None:
        """The site's country decides how dates in numbers alone are read ("5/6/2026")."""
        if country != self._country:
            self._country = country
            self._read()

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str:
        """Why the typed text is not a date ("" when it is one or the field is empty)."""
        return self._typed.problem

    def problem_message(self, field: str) -> str:
        return _("{field}: not understood — {reason}").format(field=field, reason=self._typed.problem)

    def insert(self, text: str) -> None:
        """Type `text` at the cursor, as a keyboard would (for text keyClicks cannot send)."""
        self.edit.insert(text)

    # Reading --------------------------------------------------------------------------------

    def _read(self) -> None:
        language = _language()
        self._typed = read_typed(self.edit.text(), language, self._country, self._with_time)
        if self._typed.value is not None:
            self.echo.setText(echo_text(self._typed.value, language))
            self.echo.show()
        else:
            self.echo.clear()
            self.echo.hide()
        self._name_edit()

    def _name_edit(self) -> None:
        """The text's accessible name carries the date understood ("Procedure date: Thursday,
        December 3, 2026"): its description belongs to the form's problem display."""
        if not self._name:
            return
        echo = self.echo.text()
        self.edit.setAccessibleName(
            _("{field}: {date}").format(field=self._name, date=echo) if echo else self._name
        )

    def _on_text_changed(self) -> None:
        self._read()
        self.changed.emit()

    # Calendar -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._pick)
        shown = self._typed.value or self._default or date.today()
        day = shown.date() if isinstance(shown, datetime) else shown
        self._popup.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._popup.adjustSize()
        self._popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self._popup.show()
        self._popup.calendar.setFocus()

    def _pick(self, day: QDate) -> None:
        picked = date(day.year(), day.month(), day.day())
        current = self._typed.value
        if self._with_time and isinstance(current, datetime):
            # Keep the time already typed; without one the visit has a day and no time.
            self.edit.setText(field_text(datetime.combine(picked, current.time()), _language()))
        else:
            self.edit.setText(field_text(picked, _language()))
        self.edit.setFocus()
        self.edit.end(False)


def date_problems(sections: Iterable) -> list[Issue]:
    """An error for every date field of `sections` whose text is not understood. The Case cannot
    carry such text (its field is None), so the window adds these to the engine's issues."""
    found = []
    for section in sections:
        for name, slot in section.slots.items():
            owner = slot.widgets[0].parentWidget() if slot.widgets else None
            if isinstance(owner, OptionalDate) and owner.problem():
                found.append(Issue(name, owner.problem_message(slot.label)))
    return found


def set_date_region(form: QWidget, country: str) -> None:
    """Tell every date field of `form` the site's country."""
    for field in form.findChildren(OptionalDate):
        field.set_region(country)


def keep_typed_text(old: QWidget, new: QWidget) -> None:
    """Copy text that was not understood from the date fields of `old` to those of `new` (a
    window rebuilt for another language): the Case carried only the dates understood."""
    for before, after in zip(old.findChildren(OptionalDate), new.findChildren(OptionalDate), strict=True):
        if before.problem():
            after.edit.setText(before.text())
