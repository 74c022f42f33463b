"""The form: what the nurse types becomes the Case, problems show next to their fields, and
validation never changes what was typed."""

from datetime import date

from gui_helpers import PATIENT, fill_typical, make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from vpdischarge.domain.case import Case, Medication, Patient, Procedure
from vpdischarge.domain.case_file import case_to_dict


def test_filled_form_builds_the_case(make_window):
    window = make_window()
    fill_typical(window)
    case = window.form.case()
    assert case.patient.name == PATIENT
    assert case.patient.date_of_birth == date(1948, 3, 2)
    assert case.procedure.levels == ["T12", "L1"]
    assert case.procedure.date == date(2026, 11, 20)
    assert [m.name for m in case.medications] == ["Acetaminophen", "Senna"]
    assert case.follow_up.when.hour == 10 and case.follow_up.when.minute == 30
    assert case.language == "en" and case.second_language is None
    assert case.restrictions == {}  # nothing differs from the site


def test_a_case_shown_and_read_back_is_the_same(make_window, case_data):
    from vpdischarge.domain.case_file import case_from_dict

    case_data["restrictions"] = {"lift_limit_lb": 10, "lift_weeks": 8}
    case, issues = case_from_dict(case_data)
    assert not issues
    window = make_window()
    window.form.set_case(case)
    # 10 lb is also the site's limit, but it was set for this patient: it stays set.
    assert case_to_dict(window.form.case()) == case_to_dict(case)


def test_empty_name_shows_its_error_next_to_the_field_and_blocks_printing(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    name = window.form.patient.name
    name.setText("")
    slot = window.form.patient.slots["patient.name"]
    assert slot.problems.isVisible()
    assert "Enter the patient's name" in slot.problems.text()
    assert "Enter the patient's name" in name.toolTip()
    assert "Enter the patient's name" in name.accessibleDescription()
    assert not window.actions.print.isEnabled()
    assert not window.actions.save_pdf.isEnabled()
    assert "Patient name" in window.gate_label.text()
    # Everything else the nurse typed is still there.
    assert window.form.procedure.levels.text() == "T12, L1"
    assert window.form.medicines.table.rowCount() == 2

    qtbot.keyClicks(name, "Ann Example")
    assert not slot.problems.isVisible()
    assert name.text() == "Ann Example"
    assert name.toolTip() == ""


def test_a_bad_level_is_shown_and_kept_as_typed(make_window):
    window = make_window()
    fill_typical(window)
    window.form.procedure.levels.setText("T12, T13")
    slot = window.form.procedure.slots["procedure.levels"]
    assert "'T13' is not a spine level" in slot.problems.text()
    assert window.form.procedure.levels.text() == "T12, T13"


def test_medicine_rows_add_remove_and_move(make_window):
    window = make_window()
    fill_typical(window)
    med = window.form.medicines
    med.table.setCurrentCell(1, 0)
    med.up_button.click()
    assert [m.name for m in window.form.case().medications] == ["Senna", "Acetaminophen"]
    med.down_button.click()
    assert [m.name for m in window.form.case().medications] == ["Acetaminophen", "Senna"]
    med.table.setCurrentCell(0, 0)
    med.remove_button.click()
    assert [m.name for m in window.form.case().medications] == ["Senna"]
    med.add_button.click()  # an empty row is not a medicine yet
    assert med.table.rowCount() == 2
    assert len(window.form.case().medications) == 1


def test_a_medicine_problem_lands_on_its_own_row_after_an_empty_row(make_window):
    window = make_window()
    fill_typical(window)
    med = window.form.medicines
    med.table.setCurrentCell(0, 0)
    med.add_row()  # empty row at index 1; Senna moves to row 2
    med.table.item(2, 0).setText("")  # Senna loses its name, keeps its dose
    assert "Medicine 2: Medicine: enter the medicine's name" in med.slots["medications"].problems.text()
    assert med.table.item(2, 0).background().color().name() == "#fde7ea"
    assert med.table.item(1, 0).background().style() == Qt.BrushStyle.NoBrush


def test_clinical_limits_show_site_defaults_and_keep_only_changes(make_window):
    window = make_window()
    fill_typical(window)
    limits = window.form.limits
    assert not limits.body.isVisible()
    assert limits.boxes["lift_limit_lb"].value() == 10
    assert limits.boxes["lift_limit_lb"].suffix() == " lb"
    limits.boxes["lift_weeks"].setValue(8)
    assert window.form.case().restrictions == {"lift_weeks": 8}
    # A second lifting limit below the first contradicts itself: shown at the field, box opened.
    limits.boxes["lift_limit_2_lb"].setValue(5)
    assert limits.body.isVisible()
    assert "must be higher" in limits.slots["restrictions.lift_limit_2_lb"].problems.text()
    assert not window.actions.print.isEnabled()
    limits.reset_button.click()
    assert window.form.case().restrictions == {}


def test_language_pickers_show_native_names(make_window, monkeypatch):
    from vpdischarge.gui.form import handout

    monkeypatch.setattr(handout, "available_languages", lambda: frozenset({"en", "es", "ar"}))
    window = make_window()
    combo = window.form.handout.language
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["English", "Español", "العربية"]
    assert combo.itemData(1) == "es"
    assert "Spanish" in combo.itemData(1, Qt.ItemDataRole.ToolTipRole)
    second = window.form.handout.second_language
    assert [second.itemText(i) for i in range(second.count())][1:] == names
    combo.setCurrentIndex(1)
    assert window.form.case().language == "es"


def test_every_field_has_a_buddy_label_and_an_accessible_name(make_window):
    window = make_window()
    for section in window.form.sections:
        for slot in section.slots.values():
            for widget in slot.widgets:
                assert widget.accessibleName(), slot.name
    buddies = {label.buddy() for label in window.form.findChildren(QLabel) if label.buddy()}
    for section in window.form.sections:
        for slot in section.slots.values():
            editor = slot.widgets[0]
            assert any(b is editor or b.isAncestorOf(editor) for b in buddies), slot.name


def test_tab_order_follows_the_form(make_window):
    window = make_window()
    form = window.form
    expected = [
        form.patient.name,
        form.patient.date_of_birth.edit,
        form.patient.record_number,
        form.handout.language,
        form.handout.second_language,
        form.handout.large_print,
        form.handout.interpreter,
        form.procedure.kind,
        form.procedure.date.edit,
        form.procedure.levels,
        form.procedure.anesthesia,
        form.medicines.table,
    ]
    widget, seen = form.patient.name, []
    for _step in range(200):
        if widget in expected and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == expected


def test_loading_an_unknown_code_keeps_it_visible_with_its_error(make_window):
    window = make_window()
    case = Case(Patient("Ann Example"), Procedure("spinal-fusion", date(2026, 11, 20)), language="en")
    case.medications = [Medication("Senna")]
    window.form.set_case(case)
    assert window.form.procedure.kind.currentText() == "spinal-fusion"
    problems = window.form.procedure.slots["procedure.kind"].problems
    assert "Must be vertebroplasty or kyphoplasty" in problems.text()


def test_when_and_what_for_cells_offer_the_standard_phrases(make_window, qtbot):
    from PySide6.QtWidgets import QLineEdit

    window = make_window()
    medicines = window.form.medicines
    medicines.add_row()
    table = medicines.table
    table.setCurrentCell(0, 2)
    table.editItem(table.item(0, 2))
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.completer() is not None
    offered = editor.completer().model().stringList()
    assert "every 6 hours if needed" in offered and "at bedtime" in offered
    assert editor.completer().filterMode() == Qt.MatchFlag.MatchContains
    table.closePersistentEditor(table.item(0, 2))
    # The name column is free text: no phrases there.
    table.editItem(table.item(0, 0))
    names = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    assert names and all(e.completer() is None for e in names)
