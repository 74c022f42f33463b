"""Typing slips in medicine names: a name close to a known medicine but not it, or too short to
be one, is a warning on its cell naming the likely medicine; the handout prints what was typed."""

import pytest
from conftest import TODAY
from gui_helpers import make_window_fixture, no_dialogs_fixture  # noqa: F401
from pdfread import all_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vpdischarge.domain.drug_names import known_names, likely_slip
from vpdischarge.gui.keyboard_script import Keyboard
from vpdischarge.pipeline import check, render


def name_warnings(case, site):
    return [(i.field, i.message) for i in check(case, site, TODAY) if i.field.endswith(".name")]


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("Oxycodne", "Oxycodone"), ("Tylenl", "Tylenol"), ("lisinipril", "lisinopril"), ("Apixabn", "Apixaban")],
)
def test_a_slip_is_a_warning_naming_the_medicine_and_prints_as_typed(make_case, site, typed, suggested):
    case = make_case(medications=[{"name": typed, "dose": "5 mg", "when": "at bedtime", "purpose": "pain"}])
    warnings = name_warnings(case, site)
    assert len(warnings) == 1 and warnings[0][0] == "medications[1].name"
    assert suggested in warnings[0][1] and typed not in warnings[0][1]  # the typed word is not repeated
    assert [i.severity for i in check(case, site, TODAY) if i.field.endswith(".name")] == ["warning"]
    assert typed in all_text(render(case, site, TODAY).pdf)


@pytest.mark.parametrize(
    "name",
    ["Oxycodone ER", "Paracetamol", "Calcium carbonate", "Vitamin D3", "Docusate sodium", "MiraLAX",
     "Hydrocodone/acetaminophen", "Polyethylene glycol 3350", "Senokot-S", "Estradiol", "Sumatriptan",
     "Alendronic acid"],
)  # fmt: skip
def test_known_names_and_names_far_from_all_known_ones_are_left_alone(make_case, site, name):
    case = make_case(medications=[{"name": name, "dose": "5 mg", "when": "at bedtime", "purpose": "pain"}])
    assert name_warnings(case, site) == []


@pytest.mark.parametrize("name", ["X", "Ab", "2x"])
def test_a_name_too_short_for_a_medicine_is_a_warning(make_case, site, name):
    case = make_case(medications=[{"name": name, "dose": "5 mg", "when": "at bedtime", "purpose": "pain"}])
    assert [field for field, _ in name_warnings(case, site)] == ["medications[1].name"]


def test_spellings_of_another_language_are_not_slips_where_the_nurse_types_it(make_case, site):
    """The known names are English: "Ibuprofeno" is Spanish, not a slip, for a Spanish-typing nurse."""
    case = make_case(medications=[{"name": "Ibuprofeno", "dose": "400 mg", "when": "", "purpose": ""}])
    assert [field for field, _ in name_warnings(case, site)] == ["medications[1].name"]
    case.clinician.notes_language = "es"
    assert name_warnings(case, site) == []


def test_the_list_has_every_word_once_and_the_typical_case_has_no_slip(make_case, site):
    assert len(known_names()) > 200
    assert all(likely_slip(word) is None for word in known_names())
    assert name_warnings(make_case(), site) == []


def test_typed_in_the_table_the_slip_shows_under_it(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    keys = Keyboard(window)
    keys.alt_to(window.form.medicines.table)
    keys.type("Oxycodne")
    keys.press(Qt.Key.Key_Return)
    problems = window.form.medicines.slots["medications"].problems
    qtbot.waitUntil(lambda: "Oxycodone" in problems.text())
    assert problems.isVisible()
    assert window.form.medicines.table.item(0, 0).text() == "Oxycodne"  # nothing typed is changed
