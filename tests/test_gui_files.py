"""Case files: save and open round trip, problems listed by field, unsaved work never lost."""

import json

from gui_helpers import PATIENT, fill_typical, make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtWidgets import QFileDialog

from vpdischarge.domain.case_file import case_to_dict, read_case_file
from vpdischarge.gui.dialogs import Choice


def _save_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _open_dialog(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_save_and_open_round_trip(make_window, monkeypatch, tmp_path):
    window = make_window()
    fill_typical(window)
    window.form.limits.boxes["drive_days"].setValue(7)
    assert window.isWindowModified()
    _save_dialog(monkeypatch, tmp_path / "case")
    window.actions.save.trigger()
    saved = tmp_path / "case.json"
    case, issues = read_case_file(saved)
    assert not issues
    assert case.patient.name == PATIENT
    assert case.restrictions == {"drive_days": 7}
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("case.json")

    other = make_window()
    _open_dialog(monkeypatch, saved)
    other.actions.open.trigger()
    assert case_to_dict(other.form.case()) == case_to_dict(window.form.case())
    assert not other.isWindowModified()
    assert other.files.path == saved


def test_new_asks_before_dropping_unsaved_work(make_window, no_dialogs):
    window = make_window()
    window.form.patient.name.setText(PATIENT)
    no_dialogs.unsaved_answers = [Choice.CANCEL]
    window.actions.new.trigger()
    assert no_dialogs.asked_unsaved == 1
    assert window.form.patient.name.text() == PATIENT  # kept

    no_dialogs.unsaved_answers = [Choice.DISCARD]
    window.actions.new.trigger()
    assert window.form.patient.name.text() == ""
    window.actions.new.trigger()  # nothing to lose: no question
    assert no_dialogs.asked_unsaved == 2


def test_saving_from_the_prompt_saves_then_continues(make_window, no_dialogs, monkeypatch, tmp_path):
    window = make_window()
    window.form.patient.name.setText(PATIENT)
    no_dialogs.unsaved_answers = [Choice.SAVE]
    _save_dialog(monkeypatch, tmp_path / "kept.json")
    window.actions.new.trigger()
    assert json.loads((tmp_path / "kept.json").read_text(encoding="utf-8"))["patient"]["name"] == PATIENT
    assert window.form.patient.name.text() == ""


def test_open_asks_first_and_cancel_keeps_the_form(make_window, no_dialogs, monkeypatch, tmp_path):
    window = make_window()
    window.form.patient.name.setText(PATIENT)
    no_dialogs.unsaved_answers = [Choice.CANCEL]
    assert window.open_case() is False  # the file dialog is never reached
    assert window.form.patient.name.text() == PATIENT


def test_closing_with_unsaved_work_can_be_cancelled(make_window, no_dialogs):
    window = make_window()
    window.form.patient.name.setText(PATIENT)
    no_dialogs.unsaved_answers = [Choice.CANCEL]
    window.close()
    assert window.isVisible()
    assert no_dialogs.asked_unsaved == 1


def test_a_case_file_with_problems_lists_them_by_field(
    make_window, no_dialogs, monkeypatch, tmp_path, case_data
):
    case_data["patient"]["nmae"] = "typo"
    case_data["procedure"]["date"] = "2026-02-30"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(case_data), encoding="utf-8")
    window = make_window()
    _open_dialog(monkeypatch, path)
    window.actions.open.trigger()
    message = no_dialogs.texts("critical")
    assert "patient.nmae: unknown field" in message
    assert "Procedure date: is not a real date" in message
    assert "2026-02-30" not in message  # the message never repeats what was typed
    # What could be read is shown, as an unsaved case that cannot overwrite the original.
    assert window.form.patient.name.text() == case_data["patient"]["name"]
    assert window.files.path is None
    assert window.isWindowModified()


def test_an_unreadable_file_changes_nothing(make_window, no_dialogs, monkeypatch, tmp_path):
    path = tmp_path / "not-json.json"
    path.write_text("{ this is not json", encoding="utf-8")
    window = make_window()
    fill_typical(window)
    before = window.form.case()
    no_dialogs.unsaved_answers = [Choice.DISCARD]
    _open_dialog(monkeypatch, path)
    assert window.open_case() is False
    assert "is not valid JSON" in no_dialogs.texts("critical")
    assert window.form.case() == before


def test_a_failing_case_write_keeps_the_form_and_says_why(make_window, no_dialogs, monkeypatch, tmp_path):
    window = make_window()
    fill_typical(window)
    _save_dialog(monkeypatch, tmp_path / "missing-folder" / "case.json")
    assert window.save_case() is False
    assert "does not exist" in no_dialogs.texts("critical")
    assert window.isWindowModified()
    assert window.form.patient.name.text() == PATIENT
