"""File ▸ Import from EHR… in the window: the record into the form, untitled and unsaved, and
a dialog listing what came from the record and what did not."""

import json
from pathlib import Path

from gui_helpers import fill_typical, make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from vpdischarge.gui.dialogs import Choice

BUNDLE = Path(__file__).parent / "data" / "fhir" / "vertebroplasty-collection.json"


def _choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _import_entry(window):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == "&Import from EHR…")


def test_import_by_keyboard_fills_the_form_and_lists_what_came(make_window, no_dialogs, monkeypatch):
    window = make_window()
    _choose(monkeypatch, BUNDLE)
    assert _import_entry(window).shortcut().toString() == "Ctrl+I"
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    case = window.form.case()
    assert case.patient.name == "Rosa Maria Examplewoman Sr."
    assert case.patient.record_number == "MRN-4471-TEST"
    assert [m.name for m in case.medications][:3] == ["Oxycodone", "Acetaminophen / Oxycodone", "Apixaban"]
    assert case.procedure.kind == "vertebroplasty"
    # Untitled and unsaved: closing or opening another case asks first.
    assert window.files.path is None and window.files.is_modified()
    assert window.windowTitle().startswith("New case")
    kind, title, text = no_dialogs.messages[-1]
    assert (kind, title) == ("information", "Imported from the EHR")
    assert "• Patient name" in text and "• Record number" in text and "5 medicines" in text
    assert "Restart blood thinner on: a blood thinner is on the list (medicine 3)" in text
    assert "Medicine 4 — When to take it: the record's own words" in text
    assert "not saved yet" in text
    # The values are in the form, not in the message.
    assert "Examplewoman" not in text and "MRN-4471" not in text


def test_a_bad_bundle_changes_nothing_and_names_the_path(make_window, no_dialogs, monkeypatch, tmp_path):
    window = make_window()
    fill_typical(window)
    before = window.form.case()
    data = json.loads(BUNDLE.read_text(encoding="utf-8"))
    data["entry"][4]["resource"]["dosageInstruction"][0]["timing"] = 5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    _choose(monkeypatch, bad)
    no_dialogs.unsaved_answers.append(Choice.DISCARD)
    assert window.import_from_ehr() is False
    assert window.form.case() == before
    kind, title, text = no_dialogs.messages[-1]
    assert (
        kind == "critical"
        and "bundle.entry[4].resource(MedicationRequest).dosageInstruction[0].timing" in text
    )


def test_unsaved_work_is_asked_about_first(make_window, no_dialogs, monkeypatch):
    window = make_window()
    fill_typical(window)
    before = window.form.case()
    _choose(monkeypatch, BUNDLE)
    no_dialogs.unsaved_answers.append(Choice.CANCEL)
    assert window.import_from_ehr() is False
    assert no_dialogs.asked_unsaved == 1
    assert window.form.case() == before
