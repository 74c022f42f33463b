"""Case files: save and open round trip, problems listed by field, unsaved work never lost."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from gui_helpers import PATIENT, fill_typical, make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from vpdischarge.assets import typical_case_path
from vpdischarge.domain.case_file import case_to_dict, read_case_file
from vpdischarge.gui import dialogs
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


# Round trips through the real window ------------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = typical_case_path()


def _answers(monkeypatch, kind, *paths):
    """The file dialog answers `paths` in turn ("" is Cancel); a further question fails the test."""
    queue = iter([str(p) for p in paths])

    def answer(*args, **kwargs):
        try:
            return next(queue), ""
        except StopIteration:
            raise AssertionError("the file dialog was shown more often than expected") from None

    monkeypatch.setattr(QFileDialog, kind, staticmethod(answer))


def _open_cleanly(window, monkeypatch, path, no_dialogs):
    _answers(monkeypatch, "getOpenFileName", path)
    assert window.open_case() is True
    assert no_dialogs.messages == [], no_dialogs.messages  # no problems listed
    assert window.files.path == path
    assert window.windowTitle() == f"{path.name}[*] — vpdischarge"
    assert not window.isWindowModified()


def test_the_shipped_example_case_opens_as_itself(make_window, no_dialogs, monkeypatch):
    window = make_window()
    _open_cleanly(window, monkeypatch, EXAMPLE, no_dialogs)
    case, issues = read_case_file(EXAMPLE)
    assert not issues
    assert case_to_dict(window.form.case()) == case_to_dict(case)
    # 10 lb for 6 weeks is also the site's default, but the file sets it for this patient.
    assert window.form.case().restrictions == {"lift_limit_lb": 10, "lift_weeks": 6}


@pytest.mark.parametrize(
    "restrictions",
    [
        None,  # no "restrictions" key at all
        {},
        {"drive_days": 7},
        {"lift_limit_lb": 10, "lift_weeks": 6},  # equal to the site's defaults
        {"fever_c": 38.0, "lift_limit_lb": 15, "lift_limit_2_lb": 25},
    ],
)
def test_saved_cases_reopen_as_the_same_case(
    make_window, no_dialogs, monkeypatch, tmp_path, case_data, restrictions
):
    if restrictions is None:
        del case_data["restrictions"]
    else:
        case_data["restrictions"] = restrictions
    original = tmp_path / "original.json"
    original.write_text(json.dumps(case_data), encoding="utf-8")
    window = make_window()
    _open_cleanly(window, monkeypatch, original, no_dialogs)
    assert window.form.case().restrictions == (restrictions or {})

    copy = tmp_path / "copy.json"
    _answers(monkeypatch, "getSaveFileName", copy)
    assert window.save_case_as() is True
    no_dialogs.messages.clear()
    other = make_window()
    _open_cleanly(other, monkeypatch, copy, no_dialogs)
    assert case_to_dict(other.form.case()) == case_to_dict(window.form.case())
    assert case_to_dict(read_case_file(copy)[0]) == case_to_dict(read_case_file(original)[0])


def test_a_limit_set_to_the_site_default_by_keyboard_stays_set(
    make_window, no_dialogs, monkeypatch, tmp_path
):
    window = make_window()
    fill_typical(window)
    limits = window.form.limits
    limits.set_expanded(True)
    box = limits.boxes["lift_limit_lb"]
    box.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):  # 10 → 11 → 10: the nurse chose 10 lb
        QTest.keyClick(box, key)
    assert box.value() == 10
    assert window.form.case().restrictions == {"lift_limit_lb": 10}
    assert "changed for this patient" in limits._default_labels["lift_limit_lb"].text()
    saved = tmp_path / "kept.json"
    _answers(monkeypatch, "getSaveFileName", saved)
    assert window.save_case() is True
    assert json.loads(saved.read_text(encoding="utf-8"))["restrictions"] == {"lift_limit_lb": 10}
    other = make_window()
    _open_cleanly(other, monkeypatch, saved, no_dialogs)
    assert other.form.case().restrictions == {"lift_limit_lb": 10}
    other.form.limits.reset_button.click()  # back to the site's limits: no override left
    assert other.form.case().restrictions == {}


def test_a_case_named_at_start_opens_in_the_window(make_window, no_dialogs, tmp_path):
    from vpdischarge.gui.app import case_to_open, open_at_start

    assert case_to_open(["-style", "x"]) == Path("x")
    assert case_to_open([]) is None
    path = case_to_open([str(EXAMPLE)])
    window = make_window()
    assert open_at_start(window, path) is True
    assert no_dialogs.messages == []
    assert window.windowTitle() == "typical-case.json[*] — vpdischarge"
    assert window.form.patient.name.text() == "Maria Testcase Núñez"


def test_a_missing_case_named_at_start_says_so_and_leaves_the_form_empty(make_window, no_dialogs, tmp_path):
    from vpdischarge.gui.app import open_at_start

    window = make_window()
    assert open_at_start(window, tmp_path / "no-such-case.json") is False
    message = no_dialogs.texts("critical")
    assert "no-such-case.json could not be opened" in message
    assert window.form.patient.name.text() == ""
    assert window.windowTitle() == "New case[*] — vpdischarge"


# Nothing overwritten silently ----------------------------------------------------------------


def test_the_added_extension_is_asked_about_and_no_keeps_the_file(
    make_window, no_dialogs, monkeypatch, tmp_path
):
    existing = tmp_path / "case.json"
    existing.write_text("someone else's case", encoding="utf-8")
    asked = []

    def answer_no(parent, path):
        asked.append(path)
        return False

    monkeypatch.setattr(dialogs, "ask_replace", answer_no)
    window = make_window()
    fill_typical(window)
    # "case" is typed (Qt asked about "case", which does not exist); "No" goes back to the
    # dialog, which the nurse then cancels.
    _answers(monkeypatch, "getSaveFileName", tmp_path / "case", "")
    assert window.save_case() is False
    assert asked == [existing]
    assert existing.read_text(encoding="utf-8") == "someone else's case"
    assert window.files.path is None and window.isWindowModified()


def test_no_then_another_name_saves_there(make_window, no_dialogs, monkeypatch, tmp_path):
    existing = tmp_path / "case.json"
    existing.write_text("someone else's case", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_replace", lambda parent, path: False)
    window = make_window()
    fill_typical(window)
    _answers(monkeypatch, "getSaveFileName", tmp_path / "case", tmp_path / "other")
    assert window.save_case() is True
    assert existing.read_text(encoding="utf-8") == "someone else's case"
    assert read_case_file(tmp_path / "other.json")[0].patient.name == PATIENT


def test_yes_replaces_the_file_with_the_extension(make_window, no_dialogs, monkeypatch, tmp_path):
    existing = tmp_path / "case.json"
    existing.write_text("old", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_replace", lambda parent, path: path == existing)
    window = make_window()
    fill_typical(window)
    _answers(monkeypatch, "getSaveFileName", tmp_path / "case")
    assert window.save_case() is True
    assert read_case_file(existing)[0].patient.name == PATIENT


def test_the_replace_question_names_the_exact_file(qapp, no_dialogs, tmp_path):
    target = tmp_path / "case.json"
    assert dialogs.ask_replace(None, target) is False  # the recorded box answers Ok, not Yes
    kind, title, text = no_dialogs.messages[-1]
    assert kind == "question" and "case.json already exists" in text and str(tmp_path) in text


def test_a_save_is_confirmed_in_the_status_bar(make_window, no_dialogs, monkeypatch, tmp_path):
    window = make_window()
    fill_typical(window)
    _answers(monkeypatch, "getSaveFileName", tmp_path / "ward.json")
    assert window.save_case() is True
    assert window.statusBar().currentMessage() == f"Saved ward.json in {tmp_path}"


def test_save_suggests_a_dated_name_without_patient_data(make_window, no_dialogs, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "_session_folder", tmp_path)
    today = date(2026, 12, 3)
    assert dialogs.suggested_case_path(None, today) == tmp_path / "discharge-case-2026-12-03.json"
    (tmp_path / "discharge-case-2026-12-03.json").write_text("{}", encoding="utf-8")
    assert dialogs.suggested_case_path(None, today) == tmp_path / "discharge-case-2026-12-03-2.json"
    kept = tmp_path / "ward" / "bed-4.json"
    assert dialogs.suggested_case_path(kept, today) == kept

    window = make_window()
    fill_typical(window)
    seen = []

    def dialog(parent, title, suggested, file_filter, **options):
        seen.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    window.save_case()
    assert Path(seen[0]).parent == tmp_path and "discharge-case-" in seen[0]
    assert "Testpatient" not in seen[0]


QT_PROJECT_PROBE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
app = QApplication(sys.argv)
from vpdischarge.gui import dialogs
target, kind = sys.argv[1], sys.argv[2]

def accept():  # as the nurse would: type the name into Qt's own dialog and accept it
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    if shown:
        poll.stop()
        shown[0].findChild(QLineEdit, "fileNameEdit").setText(target)
        shown[0].accept()

poll = QTimer()
poll.timeout.connect(accept)
poll.start(20)  # until the dialog is up
if kind == "save":
    print(dialogs.choose_case_to_save(None, target))
else:
    print(dialogs.choose_case_to_open(None, target.rsplit("/", 1)[0]))
"""


@pytest.mark.parametrize("kind", ["save", "open"])
def test_the_file_dialogs_leave_no_folder_history_on_disk(tmp_path, kind):
    """Qt's own dialog, really shown (offscreen): its QtProject.conf is as it was before."""
    config = tmp_path / "config"
    config.mkdir()
    patients = tmp_path / "Ward 4 patients"
    patients.mkdir()
    (patients / "bed-7.json").write_text("{}", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO),
    }
    # Open picks the existing file; Save types a new name and gets the extension added.
    typed = patients / ("bed-7.json" if kind == "open" else "bed-8")
    chosen = patients / ("bed-7.json" if kind == "open" else "bed-8.json")
    result = subprocess.run(
        [sys.executable, "-c", QT_PROJECT_PROBE, str(typed), kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(chosen)  # the dialog really answered
    assert list(config.iterdir()) == []  # no QtProject.conf with the patients' folder

    # A QtProject.conf another program wrote is left exactly as it was.
    before = "[FileDialog]\nlastVisited=file:///home/someone/photos\nviewMode=List\n"
    (config / "QtProject.conf").write_text(before, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", QT_PROJECT_PROBE, str(typed), kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    after = (config / "QtProject.conf").read_text(encoding="utf-8")
    assert "Ward 4" not in after and "photos" in after and "viewMode=List" in after


def test_vpdischarge_with_a_case_file_opens_the_window_with_it(monkeypatch):
    from vpdischarge import cli
    from vpdischarge.gui import app

    started = []
    monkeypatch.setattr(app, "main", lambda argv=None: started.append(argv) or 0)
    assert cli.main(["bed-4.json"]) == 0
    assert started == [["vpdischarge", "bed-4.json"]]
    assert app.case_to_open(started[0][1:]) == Path("bed-4.json")


def test_a_date_typed_but_not_understood_is_never_dropped_by_save_or_close(
    make_window, no_dialogs, monkeypatch, tmp_path
):
    """The case file holds dates, not text: saving '31 Feb 2026' would silently drop it, and
    closing would lose it without a word. Save refuses, naming the field; closing asks first."""
    window = make_window()
    fill_typical(window)
    _save_dialog(monkeypatch, tmp_path / "case")
    window.actions.save.trigger()
    saved = (tmp_path / "case.json").read_bytes()
    assert not window.isWindowModified()

    field = window.form.procedure.date.edit
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "31 Feb 2026")
    assert field.text() == "31 Feb 2026"
    assert window.files.is_modified()  # not in the Case, still work that could be lost

    window.actions.save.trigger()
    assert (tmp_path / "case.json").read_bytes() == saved  # the file keeps the last good case
    assert "Procedure date" in no_dialogs.texts("critical")
    assert field.text() == "31 Feb 2026"  # what was typed stays in the field

    no_dialogs.unsaved_answers = [Choice.CANCEL]
    assert window.close() is False  # the nurse cancelled: the window and the text stay
    assert no_dialogs.asked_unsaved == 1
