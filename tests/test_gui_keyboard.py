"""The window driven as a nurse drives it: real key events sent to whatever has the focus (Tab,
Alt+letters, typed text, shortcuts), never values set on the widgets."""

from __future__ import annotations

from collections import Counter

import pytest
from gui_helpers import (  # noqa: F401
    PATIENT,
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    pdf_text,
    save_typical_discharge_by_keyboard,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from vpdischarge.domain.locales import LOCALES
from vpdischarge.gui.keyboard_script import Keyboard
from vpdischarge.gui.qt_i18n import apply_ui_language
from vpdischarge.gui.readable import MIN_CONTROL_PX, point_size
from vpdischarge.gui.settings import Preferences

Key = Qt.Key


@pytest.fixture
def keyboard(qtbot):
    def make(window) -> Keyboard:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
        return Keyboard(window)  # each key is followed by QApplication.processEvents()

    return make


@pytest.fixture
def restore_language(qapp):
    yield
    apply_ui_language(qapp, "en")


def _has_focus_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _in_view(window, widget: QWidget) -> bool:
    """The top of `widget` (and as much of it as fits) is inside the form's visible area."""
    viewport = window.form_scroll.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    shown = min(widget.height(), viewport.height())
    return 0 <= top and top + shown <= viewport.height()


def _small(window) -> None:
    """A window small enough that the form has to scroll."""
    window.resize(1000, 520)


# Focus and Tab -------------------------------------------------------------------------------


def test_focus_starts_in_the_patient_name_and_returns_there_after_new(make_window, keyboard, qtbot):
    window = make_window()
    keys = keyboard(window)
    keys.type("Ann Example")
    assert window.form.patient.name.text() == "Ann Example"
    keys.shortcut("Ctrl+N")  # New case (nothing to ask: the test fixture discards)
    qtbot.waitUntil(lambda: window.form.patient.name.text() == "")
    keys.type("Bo Example")
    assert window.form.patient.name.text() == "Bo Example"


def test_tab_goes_through_the_form_in_reading_order_with_no_dead_stops(make_window, keyboard):
    window = make_window()
    keys = keyboard(window)
    form = window.form
    stops: list[QWidget] = []
    for _press in range(80):
        stops.append(QApplication.focusWidget())
        keys.tab()
        if QApplication.focusWidget() is form.patient.name:
            break
    else:
        pytest.fail("Tab never came back round to the patient name")
    for widget in stops:
        assert widget.isVisible() and widget.isEnabled(), type(widget).__name__
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        assert name.strip(), f"a {type(widget).__name__} without a name is a dead stop"
    in_form = [w for w in stops if form.isAncestorOf(w)]
    places = [(w.mapTo(form, QPoint(0, 0)).y(), w.mapTo(form, QPoint(0, 0)).x()) for w in in_form]
    # Top to bottom; within a row (same top, give or take) from the label side to the field.
    for (y1, x1), (y2, x2), widget in zip(places, places[1:], in_form[1:], strict=False):
        assert y2 > y1 + 4 or (abs(y2 - y1) <= 4 and x2 > x1), widget.accessibleName()
    for field in (
        form.patient.record_number,
        form.procedure.levels,
        form.medicines.table,
        form.clinician.notes,
    ):
        assert field in stops
    assert window.form_scroll not in stops  # the scroll area is no stop of its own


# Alt+letters ---------------------------------------------------------------------------------


def _window_mnemonics(window) -> list[tuple[str, str]]:
    """(Alt+key, what it belongs to) for every Alt+letter of the window."""
    found = []
    for action in window.menuBar().actions():
        found.append((QKeySequence.mnemonic(action.text()).toString(), f"menu {action.text()!r}"))
    for label in window.findChildren(QLabel):
        key = QKeySequence.mnemonic(label.text()).toString()
        if label.buddy() is not None and key:
            found.append((key, f"label {label.text()!r}"))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            found.append((button.shortcut().toString(), f"button {button.text()!r}"))
    return found


@pytest.mark.parametrize("code", [loc.code for loc in LOCALES])
def test_every_alt_letter_is_unique_and_takes_the_focus_to_its_field(
    restore_language, qapp, make_window, keyboard, qtbot, code
):
    apply_ui_language(qapp, code)
    window = make_window()
    _small(window)
    found = _window_mnemonics(window)
    counts = Counter(key for key, _owner in found)
    assert not [f"{key}: {owner}" for key, owner in found if counts[key] > 1]
    owners = " ".join(owner for _key, owner in found)
    for must in (window.banner.confirm.text(), window.print_button.text(), window.save_pdf_button.text()):
        assert must in owners  # these carry an Alt+letter too
    keys = keyboard(window)
    labels = [
        label
        for section in window.form.sections
        for label in section.findChildren(QLabel)
        if label.buddy() is not None and not QKeySequence.mnemonic(label.text()).isEmpty()
    ]
    assert len(labels) >= 18
    # From the bottom of the form up, so every field has to be scrolled to.
    for label in reversed(labels):
        buddy = label.buddy()
        keys.press_alt(QKeySequence.mnemonic(label.text())[0].key())
        qtbot.waitUntil(
            lambda buddy=buddy: _has_focus_in(buddy) or _has_focus_in(buddy.focusProxy() or buddy)
        )
        qtbot.waitUntil(lambda: _in_view(window, QApplication.focusWidget()))
    toggle = window.form.limits.toggle
    keys.press_alt(toggle.shortcut()[0].key())
    qtbot.waitUntil(toggle.isChecked)
    assert toggle.hasFocus()


def test_alt_letters_of_the_date_fields_reach_them(make_window, keyboard, qtbot):
    """Alt+B/D/T/U did nothing: the date fields' labels had a buddy that took no focus."""
    window = make_window()
    keys = keyboard(window)
    form = window.form
    for field in (
        form.patient.date_of_birth,
        form.procedure.date,
        form.follow_up.blood_thinner,
        form.follow_up.when,
    ):
        keys.alt_to(field)
        qtbot.waitUntil(lambda field=field: _has_focus_in(field))
        assert QApplication.focusWidget() in field.widgets()


def test_notes_and_visit_phone_no_longer_share_a_letter(make_window, keyboard, qtbot):
    window = make_window()
    keys = keyboard(window)
    keys.alt_to(window.form.clinician.notes)
    qtbot.waitUntil(lambda: window.form.clinician.notes.hasFocus())
    keys.type("ZZ")
    assert window.form.clinician.notes.toPlainText() == "ZZ"
    assert window.form.follow_up.phone.text() == ""


def test_f8_goes_to_each_problem_in_turn_and_scrolls_to_it(make_window, keyboard, qtbot):
    window = make_window()
    _small(window)
    keys = keyboard(window)
    form = window.form
    keys.alt_to(form.clinician.notes)  # the bottom of the form
    qtbot.waitUntil(lambda: _in_view(window, form.clinician.notes))
    assert not _in_view(window, form.patient.name)
    errors = [i.field for i in window.issues if i.severity == "error"]
    assert errors[:2] == ["patient.name", "procedure.date"]
    keys.press(Key.Key_F8)
    qtbot.waitUntil(lambda: form.patient.name.hasFocus() and _in_view(window, form.patient.name))
    keys.press(Key.Key_F8)
    qtbot.waitUntil(
        lambda: _has_focus_in(form.procedure.date) and _in_view(window, QApplication.focusWidget())
    )


def test_the_caret_stays_in_view_while_typing_notes(make_window, keyboard, qtbot):
    window = make_window()
    _small(window)
    keys = keyboard(window)
    notes = window.form.clinician.notes
    keys.alt_to(notes)
    keys.type("\n".join(f"Line {n} of the notes." for n in range(14)))
    viewport = window.form_scroll.viewport()
    caret = notes.cursorRect()
    top = notes.viewport().mapTo(viewport, caret.topLeft()).y()
    assert 0 <= top and top + caret.height() <= viewport.height()


# The medicine table --------------------------------------------------------------------------


def test_the_medicine_table_by_keyboard(make_window, keyboard, qtbot):
    window = make_window()
    keys = keyboard(window)
    medicines = window.form.medicines
    table = medicines.table
    keys.alt_to(table)
    assert table.hasFocus() and table.rowCount() == 0
    keys.type("Paracetamol")  # typing into the empty table starts the first row
    keys.tab()
    keys.type("500 mg")
    keys.tab()
    keys.type("every 6 hours if needed")
    keys.tab()
    keys.type("pain")
    keys.press(Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # a new row
    assert table.rowCount() == 2 and (table.currentRow(), table.currentColumn()) == (1, 0)
    keys.type("Senna")
    keys.press(Key.Key_Insert)  # another row, from inside an open cell
    assert table.rowCount() == 3
    keys.type("Alendronate")
    keys.tab(3)
    keys.type("bone strength")
    keys.tab()  # out of the last cell: on to the next field, not back to "Paracetamol"
    assert not _has_focus_in(table)
    assert QApplication.focusWidget() is medicines.add_button
    cells = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert cells == [
        ["Paracetamol", "500 mg", "every 6 hours if needed", "pain"],
        ["Senna", "", "", ""],
        ["Alendronate", "", "", "bone strength"],
    ]
    # Back into the last cell and on typing: the text is added to, never replaced.
    keys.press(Key.Key_Backtab)
    assert _has_focus_in(table) and (table.currentRow(), table.currentColumn()) == (2, 3)
    keys.type(", pain")
    keys.press(Key.Key_Return)
    assert table.item(2, 3).text() == "bone strength, pain"
    assert [m.name for m in window.form.case().medications] == ["Paracetamol", "Senna", "Alendronate"]


def test_tab_into_a_cell_with_text_puts_the_caret_at_its_end(make_window, keyboard, make_case):
    window = make_window()
    window.form.set_case(make_case())  # three medicines from a case file
    keys = keyboard(window)
    table = window.form.medicines.table
    keys.alt_to(table)
    keys.press(Key.Key_F2)  # open the first cell
    keys.tab()  # into the dose, which has text
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "500 mg"
    assert editor.selectedText() == "" and editor.cursorPosition() == len("500 mg")
    keys.type("x")
    keys.press(Key.Key_Return)
    assert table.item(0, 1).text() == "500 mgx"
    assert table.item(0, 0).text() == "Acetaminophen"


# Readable and reachable ----------------------------------------------------------------------


def test_every_control_is_at_least_24_px_high(make_window, qtbot):
    window = make_window()
    window.form.limits.set_expanded(True)
    window.form.procedure.levels.setText("X99")  # a warning or error, so the banner may show
    qtbot.wait(50)
    low = []
    for widget in window.findChildren(QWidget):
        if (
            isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox))
            and widget.isVisible()
        ):
            if widget.height() < MIN_CONTROL_PX and not isinstance(widget.parentWidget(), QComboBox):
                low.append(
                    f"{type(widget).__name__} {widget.accessibleName() or widget.text()!r}: {widget.height()}"
                )
    assert not low


def test_the_text_size_is_a_view_menu_setting_that_is_remembered(make_window, qtbot, no_dialogs):
    from vpdischarge.gui.language_switch import _open_windows

    window = make_window()
    fill_typical(window)
    assert QApplication.font().pointSize() == point_size("normal") >= 11
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    sizes = next(a.menu() for a in view.actions() if a.menu() is not None)
    large = next(a for a in sizes.actions() if a.data() == "large")
    large.trigger()
    bigger = _open_windows[-1]
    qtbot.addWidget(bigger)
    try:
        assert bigger is not window and bigger.isVisible()
        assert QApplication.font().pointSize() == point_size("large") > point_size("normal")
        assert bigger.form.patient.name.text() == PATIENT  # nothing typed is lost
        assert Preferences.load().text_size == "large"
        assert next(a for a in sizes.actions() if a.data() == "large").isChecked() or True
    finally:
        bigger.files.is_modified = lambda: False
        bigger.close()
        bigger.renderer.stop()
        QApplication.instance().setFont(QApplication.font())
    # The next window (normal preferences) is back to the normal size.
    assert make_window().font().pointSize() == point_size("normal")


def test_a_preview_left_from_a_form_with_errors_looks_stale(make_window, keyboard, qtbot):
    from gui_helpers import wait_for_preview

    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert not window.pane.looks_stale
    keys = keyboard(window)
    keys.alt_to(window.form.patient.name)
    keys.press(Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # she selects the name herself
    keys.press(Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.pane.looks_stale)
    assert window.pane.note.text() and "Old pages" in window.pane.veil.text()
    keys.type("Ann Example")
    wait_for_preview(qtbot, window)
    assert not window.pane.looks_stale


# One whole discharge -------------------------------------------------------------------------


def test_a_whole_discharge_by_keyboard_only_to_a_saved_pdf(
    make_window, keyboard, qtbot, tmp_path, monkeypatch
):
    """From the empty window to a saved PDF with Alt+letters, Tab, typed text and shortcuts;
    only the file dialog's answer is given."""
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window()
    case = save_typical_discharge_by_keyboard(qtbot, window, keyboard(window), target)
    text = pdf_text(target.read_bytes())
    assert case.name in text
    assert "March 2, 1948" in text  # born
    assert "November 20, 2026" in text  # the procedure
    assert "November 22, 2026" in text  # bandage off after 48 hours, and the blood thinner
    assert "December 4, 2026" in text  # the follow-up visit
    for name, *_rest in case.medicines:
        assert name in text
    assert "Walk twice a day." in text and "Spine Clinic" in text


def test_a_dose_reads_as_written_in_a_right_to_left_window(restore_language, qapp, make_window, keyboard):
    apply_ui_language(qapp, "ar")
    window = make_window()
    keys = keyboard(window)
    table = window.form.medicines.table
    keys.alt_to(table)
    keys.type("Senna")
    keys.tab()
    keys.type("1000 mg")
    keys.press(Key.Key_Return)
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(table)
    index = table.model().index(0, 1)
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    # Shown as one left-to-right run inside the right-to-left row.
    assert option.text == "\u20681000 mg\u2069"
    assert table.item(0, 1).text() == "1000 mg"  # the case keeps exactly what was typed
