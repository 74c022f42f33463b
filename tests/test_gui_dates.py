"""Date fields typed as a nurse types them: real key events (qtbot.keyClicks / keyClick), never
setText, and what reaches the printed page.

keyClicks sends ASCII only (a non-ASCII character aborts QtTest): a French "févr." goes in
through the widget's own `insert`, as an input method would put it in.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from gui_helpers import (  # noqa: F401
    TODAY,
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    wait_for_preview,
)
from pdfread import all_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vpdischarge.content.context import key_dates
from vpdischarge.content.formatting import Formatter
from vpdischarge.gui.form.dates import MIN_HEIGHT, OptionalDate
from vpdischarge.gui.qt_i18n import apply_ui_language


@pytest.fixture
def restore_language(qapp):
    yield
    apply_ui_language(qapp, "en")


def make_field(qtbot, country: str = "US", with_time: bool = False, **options) -> OptionalDate:
    field = OptionalDate(with_time=with_time, **options)
    field.set_region(country)
    field.set_accessible_name("Procedure date")
    qtbot.addWidget(field)
    field.show()
    return field


def type_into(qtbot, field: OptionalDate, text: str) -> None:
    """Select whatever is in the field and type `text` over it, as a nurse retyping a date."""
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(field.edit, text)
    else:
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)


# One field ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "expected", "echo"),
    [
        ("14 Mar 1951", "US", date(1951, 3, 14), "Wednesday, March 14, 1951"),
        ("3 Dec 2026", "US", date(2026, 12, 3), "Thursday, December 3, 2026"),
        ("2026-12-03", "US", date(2026, 12, 3), "Thursday, December 3, 2026"),
        ("December 3, 2026", "US", date(2026, 12, 3), "Thursday, December 3, 2026"),
        ("5/6/2026", "US", date(2026, 5, 6), "Wednesday, May 6, 2026"),
        ("5/6/2026", "DE", date(2026, 6, 5), "Friday, June 5, 2026"),
    ],
)
def test_a_typed_date_is_taken_exactly_and_shown_back_in_full(qtbot, text, country, expected, echo):
    field = make_field(qtbot, country)
    with qtbot.waitSignal(field.changed):
        type_into(qtbot, field, text)
    assert field.value() == expected
    assert field.problem() == ""
    assert field.echo.isVisible() and field.echo.text() == echo
    assert field.edit.text() == text  # nothing rewritten while she types
    assert field.edit.accessibleName() == f"Procedure date: {echo}"


@pytest.mark.parametrize(
    ("text", "country", "reason"),
    [
        ("31 Feb 2026", "US", "that month has no such day"),
        ("5/6/2026", "", "numbers alone could be day/month or month/day here"),
        ("5/6/2026", "XX", "numbers alone could be day/month or month/day here"),
        ("13/5/2026", "US", "this site writes dates in numbers as month/day/year"),
        ("3 Dec 26", "US", "write the year with all four digits"),
    ],
)
def test_a_date_not_understood_is_refused_and_kept_as_typed(qtbot, text, country, reason):
    field = make_field(qtbot, country)
    type_into(qtbot, field, text)
    assert field.value() is None
    assert reason in field.problem()
    assert field.problem_message("Procedure date").startswith("Procedure date: not understood — ")
    assert field.edit.text() == text
    assert not field.echo.isVisible()


def test_retyping_and_backspace(qtbot):
    field = make_field(qtbot)
    type_into(qtbot, field, "3 Dec 2026")
    type_into(qtbot, field, "4 Dec 2026")  # select-all + retype replaces, not appends
    assert field.edit.text() == "4 Dec 2026"
    assert field.value() == date(2026, 12, 4)
    qtbot.keyClicks(field.edit, "6")  # "4 Dec 20266"
    assert field.value() is None and "four digits" in field.problem()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert field.value() == date(2026, 12, 4) and field.problem() == ""
    for _ in range(4):
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)  # "4 Dec "
    assert field.value() is None and "year is missing" in field.problem()


def test_empty_means_not_set(qtbot):
    field = make_field(qtbot)
    assert field.value() is None and field.problem() == ""
    assert field.edit.accessibleName() == "Procedure date"
    assert field.edit.placeholderText().startswith("not set")
    type_into(qtbot, field, "3 Dec 2026")
    type_into(qtbot, field, "")  # select all, Backspace
    assert field.edit.text() == ""
    assert field.value() is None and field.problem() == ""
    assert not field.echo.isVisible()


def test_the_visit_takes_a_date_and_a_time(qtbot):
    field = make_field(qtbot, with_time=True)
    type_into(qtbot, field, "4 Dec 2026 10:30 am")
    assert field.value() == datetime(2026, 12, 4, 10, 30)
    assert field.echo.text() == "Friday, December 4, 2026, 10:30\u202fAM"
    type_into(qtbot, field, "4 Dec 2026 14:05")
    assert field.value() == datetime(2026, 12, 4, 14, 5)
    type_into(qtbot, field, "4 Dec 2026")  # the day alone: a visit without a time, none invented
    assert field.value() == date(2026, 12, 4) and not isinstance(field.value(), datetime)
    assert field.echo.text() == "Friday, December 4, 2026"


def test_a_date_field_refuses_a_time(qtbot):
    field = make_field(qtbot)
    type_into(qtbot, field, "3 Dec 2026 10:30")
    assert field.value() is None and "without a time" in field.problem()


def test_spanish_interface_month_names(qtbot, qapp, restore_language):
    apply_ui_language(qapp, "es")
    field = make_field(qtbot, "ES")
    type_into(qtbot, field, "3 dic 2026")
    assert field.value() == date(2026, 12, 3)
    assert field.echo.text() == "jueves, 3 de diciembre de 2026"
    assert field.edit.placeholderText().startswith("sin fecha")
    type_into(qtbot, field, "5/6/2026")  # a Spanish site writes day/month/year
    assert field.value() == date(2026, 6, 5)


def test_french_interface_accented_month_names(qtbot, qapp, restore_language):
    apply_ui_language(qapp, "fr")
    field = make_field(qtbot, "FR")
    type_into(qtbot, field, "")
    field.insert("3 févr. 2026")
    assert field.value() == date(2026, 2, 3)
    assert field.echo.text() == "mardi 3 février 2026"
    type_into(qtbot, field, "1er decembre 2026")  # without the accent, with the ordinal
    assert field.value() == date(2026, 12, 1)


def test_chinese_interface_shows_its_own_date_format(qtbot, qapp, restore_language):
    """Review: "Chinese interface: dates show as '14 3月 1951'"."""
    apply_ui_language(qapp, "zh_Hans")
    field = make_field(qtbot)
    field.set_value(date(1951, 3, 14))
    assert field.edit.text() == "1951年3月14日"
    assert field.echo.text() == "1951年3月14日星期三"
    type_into(qtbot, field, "14 Mar 1951")
    assert field.value() == date(1951, 3, 14)


def test_set_value_shows_a_date_that_reads_back_without_emitting(qtbot):
    field = make_field(qtbot, "DE")
    emitted = []
    field.changed.connect(lambda: emitted.append(1))
    field.set_value(date(2026, 12, 3))
    field.set_value(None)
    field.set_value(date(2026, 12, 3))
    assert emitted == []
    assert field.edit.text() == "Dec 3, 2026"  # the month as a word: never "03.12.2026"
    assert field.value() == date(2026, 12, 3)
    visit = make_field(qtbot, with_time=True)
    visit.set_value(datetime(2026, 12, 4, 10, 30))
    assert visit.edit.text() == "Dec 4, 2026 10:30"
    assert visit.value() == datetime(2026, 12, 4, 10, 30)
    visit.set_value(date(2026, 12, 4))  # a visit with a day and no time
    assert visit.edit.text() == "Dec 4, 2026"
    assert visit.value() == date(2026, 12, 4)


def test_the_region_can_change_after_typing(qtbot):
    field = make_field(qtbot, "US")
    type_into(qtbot, field, "5/6/2026")
    assert field.value() == date(2026, 5, 6)
    field.set_region("DE")
    assert field.value() == date(2026, 6, 5)
    field.set_region("")
    assert field.value() is None and field.edit.text() == "5/6/2026"


def test_controls_are_tall_enough_and_focus_lands_in_the_text(qtbot):
    field = make_field(qtbot)
    assert field.edit.height() >= MIN_HEIGHT
    assert field.calendar_button.height() >= MIN_HEIGHT
    assert field.focusProxy() is field.edit
    assert field.widgets() == [field.edit]
    assert field.calendar_button.accessibleName() == "Procedure date: choose from a calendar"


def test_the_calendar_fills_the_text(qtbot):
    field = make_field(qtbot, default=date(1950, 1, 1))
    qtbot.mouseClick(field.calendar_button, Qt.MouseButton.LeftButton)
    popup = field._popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate().toPython() == date(1950, 1, 1)
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Right)  # 2 Jan
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert field.value() == date(1950, 1, 2)
    assert field.edit.text() == "Jan 2, 1950"


def test_alt_down_opens_the_calendar_at_the_typed_date_and_escape_closes_it(qtbot):
    field = make_field(qtbot, with_time=True)
    type_into(qtbot, field, "4 Dec 2026 10:30")
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field._popup
    assert popup.isVisible() and popup.calendar.selectedDate().toPython() == date(2026, 12, 4)
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert field.edit.text() == "4 Dec 2026 10:30"
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Down)  # a week later
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Return)
    assert field.value() == datetime(2026, 12, 11, 10, 30)  # the typed time is kept


# The window ---------------------------------------------------------------------------------


def _type_into_field(qtbot, field: OptionalDate, text: str) -> None:
    type_into(qtbot, field, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def test_a_date_not_understood_stops_printing_and_says_so_at_the_field(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled()
    field = window.form.procedure.date
    _type_into_field(qtbot, field, "31 Feb 2026")
    problems = window.form.procedure.slots["procedure.date"].problems
    assert problems.isVisible()
    assert "Procedure date: not understood — that month has no such day" in problems.text()
    # Only the typed date's own message, not also the engine's "enter the date".
    assert "enter the date" not in problems.text()
    assert not window.actions.print.isEnabled()
    assert "Ready to print" not in window.gate_label.text()
    assert "Procedure date" in window.gate_label.text()
    assert field.edit.text() == "31 Feb 2026"


def test_the_typed_procedure_date_is_the_date_the_handout_counts_from(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    field = window.form.procedure.date
    _type_into_field(qtbot, field, "Nov 21, 2026")
    assert field.echo.text() == "Saturday, November 21, 2026"
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled(), window.gate_label.text()
    text = all_text(window.preview.pdf)
    formatter = Formatter("en")
    dates = key_dates(date(2026, 11, 21), window.site.settings.clinical)
    assert "November 21, 2026" in text
    for name in ("dressing_off", "soak_from", "lift_until", "bend_until", "drive_from", "recovery_to"):
        assert formatter.date(getattr(dates, name)) in text, name
    # fill_typical's date (20 Nov) is gone: the typed one replaced it.
    assert "November 20, 2026" not in text


def test_numbers_alone_follow_the_site_country(make_window, qtbot):
    from vpdischarge.gui.site_loading import load_site_or_default

    us = load_site_or_default("")
    window = make_window(site=us)
    fill_typical(window)
    field = window.form.patient.date_of_birth
    _type_into_field(qtbot, field, "3/2/1948")
    assert field.value() == date(1948, 3, 2)
    german = dataclasses.replace(us, settings=dataclasses.replace(us.settings, country="DE"))
    window.apply_site(german)
    assert field.value() == date(1948, 2, 3)
    unknown = dataclasses.replace(us, settings=dataclasses.replace(us.settings, country=""))
    window.apply_site(unknown)
    assert field.value() is None
    problems = window.form.patient.slots["patient.date_of_birth"].problems
    assert "Date of birth: not understood" in problems.text()
    assert not window.actions.print.isEnabled()


def test_a_language_switch_keeps_a_date_not_understood(make_window, qtbot, restore_language):
    from vpdischarge.gui.language_switch import switch_interface_language

    window = make_window()
    fill_typical(window)
    _type_into_field(qtbot, window.form.follow_up.when, "4 Dec 2026 25:00")
    replacement = switch_interface_language(window, "es")
    qtbot.addWidget(replacement)
    try:
        when = replacement.form.follow_up.when
        assert when.edit.text() == "4 Dec 2026 25:00"
        assert when.problem()
        assert not replacement.actions.print.isEnabled()
        assert replacement.form.procedure.date.value() == date(2026, 11, 20)
    finally:
        replacement.files.is_modified = lambda: False
        replacement.close()
        replacement.renderer.stop()


def test_tab_and_the_label_mnemonic_land_in_the_text(make_window, qtbot):
    window = make_window()
    form = window.form
    form.patient.name.setFocus()
    qtbot.keyClick(form.patient.name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.patient.date_of_birth.edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # no stop on the calendar button
    assert QApplication.focusWidget() is form.patient.record_number
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is form.patient.date_of_birth.edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is form.patient.name
    qtbot.keyClick(form.patient.name, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "Procedure &date:"
    assert QApplication.focusWidget() is form.procedure.date.edit
    qtbot.keyClicks(form.procedure.date.edit, "3 Dec 2026")
    assert form.procedure.date.value() == date(2026, 12, 3)


def test_typed_restart_and_visit_dates_reach_the_page(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    follow_up = window.form.follow_up
    _type_into_field(qtbot, follow_up.blood_thinner, "23 November 2026")
    _type_into_field(qtbot, follow_up.when, "2026-12-04 2:15 pm")
    assert follow_up.when.echo.text() == "Friday, December 4, 2026, 2:15\u202fPM"
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled(), window.gate_label.text()
    text = all_text(window.preview.pdf)
    assert "again on November 23, 2026." in text
    formatter = Formatter("en")
    visit = datetime(2026, 12, 4, 14, 15)
    expected = f"Your visit is on {formatter.weekday_date(visit)} at {formatter.time(visit)}."
    assert " ".join(expected.split()) in text


def test_a_visit_day_without_a_time_prints_no_time(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    _type_into_field(qtbot, window.form.follow_up.when, "December 4, 2026")
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled(), window.gate_label.text()
    text = all_text(window.preview.pdf)
    assert "Your visit is on Friday, December 4, 2026." in text
    assert "10:30" not in text  # fill_typical's time is gone with the retyped text
