"""The teach-back step after a print or save, and the handout's record, driven by keys.

The log is the real SQLite log in a data folder of each test's own (XDG_DATA_HOME), the education
record the real FHIR file in the site's `[record] folder`; only the file and print dialogs'
answers are given.
"""

import hashlib
import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from gui_helpers import (  # noqa: F401
    PATIENT,
    fill_typical,
    hospital_site,
    make_window_fixture,
    no_dialogs_fixture,
    open_teach_back,
    spool_to,
    wait_for_preview,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from vpdischarge import cups_spool
from vpdischarge.gui.keyboard_script import Keyboard
from vpdischarge.gui.mnemonics import key_of
from vpdischarge.gui.qt_i18n import apply_ui_language
from vpdischarge.gui.site_loading import LoadedSite
from vpdischarge.gui.teach_back_dialog import TeachBackDialog
from vpdischarge.i18n import ui_languages
from vpdischarge.records.handout_log import SQLiteLog

Key = Qt.Key


@pytest.fixture(autouse=True)
def own_log(tmp_path, monkeypatch):
    """A data folder for this test alone, so its log holds only this test's handouts."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "vpdischarge" / "handout-log.sqlite3"


def _entries(path: Path):
    with SQLiteLog(path) as log:
        return log.entries()


def _site_with_record_folder(folder: Path) -> LoadedSite:
    folder.mkdir()
    return LoadedSite(replace(hospital_site().settings, record_folder=folder), Path("hospital-site.toml"))


def _ready(qtbot, make_window, monkeypatch, target: Path, **options):
    """A window with the typical case, its preview on screen, the keyboard in it, and the save
    dialog answering `target`."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(**options)
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert window.actions.save_pdf.isEnabled(), window.gate_label.text()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window, Keyboard(window)


def _save(qtbot, window, keys, target):
    keys.shortcut("Ctrl+Shift+E")
    qtbot.waitUntil(target.exists)
    return open_teach_back(qtbot, window)


def _answer(qtbot, window, keys, key=Key.Key_Return):
    """Press `key` on the teach-back step and wait until the handout is recorded."""
    with qtbot.waitSignal(window.output.recorder.finished, timeout=20_000) as recorded:
        keys.press(key)
    return recorded.args[0]


def _by_letter(qtbot, keys, button, checked=True):
    """Alt+letter on a tick box or radio button: Qt clicks it a moment later (animateClick)."""
    keys.alt_to(button)
    qtbot.waitUntil(lambda: button.isChecked() is checked)


def _procedure(folder: Path):
    (record,) = folder.glob("education-*.json")
    bundle = json.loads(record.read_text(encoding="utf-8"))
    (procedure,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Procedure"]
    return {e["url"].rsplit(":", 1)[1]: e for e in procedure["extension"] if "language" not in e["url"]}


def test_a_saved_handout_is_logged_with_what_the_patient_said_back(
    make_window, qtbot, monkeypatch, tmp_path, own_log, no_dialogs
):
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    dialog = _save(qtbot, window, keys, target)
    assert dialog.windowTitle() == "What could the patient say back?"
    assert not dialog.points["emergency"].isChecked()
    assert dialog.points["emergency"].text() == "&1  The patient can say when to call 911."  # Alt+1
    assert QApplication.focusWidget() is dialog.patient  # the first question, in reading order
    keys.tab()  # to the first point: when to call 911
    assert QApplication.focusWidget() is dialog.points["emergency"]
    keys.press(Key.Key_Space)
    keys.tab()
    keys.press(Key.Key_Space)  # when to call the care team
    _by_letter(qtbot, keys, dialog.points["medicines"])  # its Alt+letter ticks it, wherever the focus is
    assert [key for key, box in dialog.points.items() if box.isChecked()] == [
        "emergency",
        "care team",
        "medicines",
    ]
    _answer(qtbot, window, keys)  # Enter: Done

    (entry,) = _entries(own_log)
    assert entry.action == "save"
    assert entry.teach_back == "could say back 3 of 5: emergency, care team, medicines"
    assert entry.pdf_sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert entry.record_number == "TEST-0001"
    assert window.output.teach_back is None
    assert (
        window.statusBar().currentMessage() == f"Handout saved as handout.pdf in {tmp_path}. Handout logged."
    )
    assert not window.banner.isVisible()
    assert no_dialogs.messages == []


def test_esc_is_not_assessed_and_the_caregiver_is_the_learner_when_chosen(
    make_window, qtbot, monkeypatch, tmp_path, own_log
):
    folder = tmp_path / "drop"
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target, site=_site_with_record_folder(folder))
    _save(qtbot, window, keys, target)
    _answer(qtbot, window, keys, Key.Key_Escape)
    (entry,) = _entries(own_log)
    assert (entry.action, entry.teach_back) == ("save", "not assessed")
    values = _procedure(folder)
    assert values["teach-back"]["valueString"] == "not assessed"
    assert "learner" not in values  # nobody was asked, so nobody is named as taught

    for old in folder.iterdir():
        old.unlink()
    target.unlink()
    dialog = _save(qtbot, window, keys, target)
    _by_letter(qtbot, keys, dialog.caregiver)
    assert not dialog.patient.isChecked()
    _by_letter(qtbot, keys, dialog.points["needle site"])
    _answer(qtbot, window, keys)
    values = _procedure(folder)
    assert values["learner"]["valueCode"] == "caregiver"
    assert values["teach-back"]["valueString"] == "could say back 1 of 5: needle site"
    # Both in the log (in one second, so in no particular order: the log orders by the second).
    assert sorted(e.teach_back for e in _entries(own_log)) == [
        "could say back 1 of 5: needle site",
        "not assessed",
    ]


def test_the_not_assessed_button_by_its_letter(make_window, qtbot, monkeypatch, tmp_path, own_log):
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    dialog = _save(qtbot, window, keys, target)
    _by_letter(
        qtbot, keys, dialog.points["emergency"]
    )  # ticked, then the nurse decides it was not a real check
    with qtbot.waitSignal(window.output.recorder.finished, timeout=20_000):
        keys.alt_to(dialog.not_assessed_button)
    assert [e.teach_back for e in _entries(own_log)] == ["not assessed"]


def test_a_slow_record_never_freezes_the_window(make_window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    release, calls = threading.Event(), []

    def slow_share(case, site, pdf, given):
        calls.append((threading.get_ident(), given))
        assert release.wait(30)
        return []

    window.output.record = slow_share
    _save(qtbot, window, keys, target)
    keys.press(Key.Key_Return)
    qtbot.waitUntil(lambda: calls != [])
    # The record is waiting on its share; the window still takes the nurse's keys.
    assert window.output.recorder.busy
    keys.alt_to(window.form.clinician.name)
    keys.press(Key.Key_End)
    keys.type(" Jr")
    assert window.form.clinician.name.text().endswith(" Jr")
    with qtbot.waitSignal(window.output.recorder.finished, timeout=20_000):
        release.set()
    thread, given = calls[0]
    assert thread != threading.get_ident()
    assert (given.action, given.teach_back, given.learner) == ("save", "could say back 0 of 5", "patient")
    assert not window.output.recorder.busy
    assert window.statusBar().currentMessage() == "Handout logged."  # the form changed since: only this


def test_a_log_that_cannot_be_written_is_a_warning_and_the_pdf_stays(
    make_window, qtbot, monkeypatch, tmp_path, no_dialogs
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder would be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    _save(qtbot, window, keys, target)
    (said, warnings) = _answer(qtbot, window, keys)
    assert target.read_bytes() == window.preview.pdf  # the handout is saved whatever the log does
    assert len(warnings) == 1 and "handout log" in warnings[0]
    assert window.banner.isVisible()
    shown = window.banner.list.text()
    assert (
        "Handout record: The last handout was printed or saved, but not all of its record was written."
        in shown
    )
    assert str(blocker) in shown  # where the log should be: the setting, not the patient
    for private in (PATIENT, "TEST-0001", "Testpatient"):
        assert private not in shown
    assert window.statusBar().currentMessage().endswith("Not fully recorded: see the warnings.")
    assert no_dialogs.messages == []  # a warning, not an error box, and nothing raised
    # A new warning: printing waits for the nurse to confirm she has seen it.
    assert not window.banner.confirmed and not window.actions.print.isEnabled()

    # Once the log can be written again, the next handout's record takes the warning away.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    keys.alt_to(window.banner.confirm)
    qtbot.waitUntil(window.actions.save_pdf.isEnabled)
    target.unlink()
    _save(qtbot, window, keys, target)
    _answer(qtbot, window, keys)
    assert not window.banner.isVisible()
    assert len(_entries(tmp_path / "data" / "vpdischarge" / "handout-log.sqlite3")) == 1


def test_a_printed_handout_is_logged_after_the_print(make_window, qtbot, monkeypatch, tmp_path, own_log):
    """The CUPS path with the spooler replaced (test_print_cups.py prints to a real queue)."""
    window, keys = _ready(qtbot, make_window, monkeypatch, tmp_path / "unused.pdf")
    spooled = []

    def accept(job, pdf):
        spooled.append(pdf)
        return cups_spool.SpoolReceipt(
            job.printer, "ward-4-printer-7", job.pages_printed(), job.copies, False
        )

    spool_to(monkeypatch, window, accept)
    with qtbot.waitSignal(window.output.runner.finished, timeout=30_000):
        keys.shortcut("Ctrl+P")
    dialog = open_teach_back(qtbot, window)
    _by_letter(qtbot, keys, dialog.caregiver)
    for key in ("emergency", "care team", "needle site", "medicines", "activity limits"):
        _by_letter(qtbot, keys, dialog.points[key])
    _answer(qtbot, window, keys)
    (entry,) = _entries(own_log)
    assert entry.action == "print"
    assert (
        entry.teach_back
        == "could say back 5 of 5: emergency, care team, needle site, medicines, activity limits"
    )
    assert entry.pdf_sha256 == hashlib.sha256(spooled[0]).hexdigest()


def test_closing_the_window_on_the_step_still_records_the_handout(
    make_window, qtbot, monkeypatch, tmp_path, own_log
):
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    _save(qtbot, window, keys, target)
    window.files.is_modified = lambda: False
    window.close()
    window.output.recorder.wait(20)
    assert [(e.action, e.teach_back) for e in _entries(own_log)] == [("save", "not assessed")]


def test_a_record_folder_out_of_reach_is_named_and_the_log_still_has_the_handout(
    make_window, qtbot, monkeypatch, tmp_path, own_log
):
    gone = tmp_path / "share-not-mounted"
    site = LoadedSite(replace(hospital_site().settings, record_folder=gone), Path("hospital-site.toml"))
    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target, site=site)
    _save(qtbot, window, keys, target)
    _said, warnings = _answer(qtbot, window, keys)
    assert warnings == [f"site.record.folder: {gone} is not a folder that can be reached"]
    assert "site.record.folder" in window.banner.list.text()
    assert [e.action for e in _entries(own_log)] == ["save"]  # the log has it all the same
    assert window.statusBar().currentMessage().endswith("Not fully recorded: see the warnings.")


@pytest.fixture
def restore_language(qapp):
    yield
    apply_ui_language(qapp, "en")


@pytest.mark.parametrize("code", [code for code in ui_languages() if code != "en"])
def test_every_control_of_the_step_has_its_own_alt_key_in_every_language(qapp, restore_language, code):
    apply_ui_language(qapp, code)
    dialog = TeachBackDialog("112")
    controls = [dialog.patient, dialog.caregiver, *dialog.points.values()]
    controls += [dialog.done_button, dialog.not_assessed_button]
    keys = [key_of(control.text()) for control in controls]
    assert all(keys) and len(set(keys)) == len(keys), keys
    assert [key_of(box.text()) for box in dialog.points.values()] == [f"Alt+{n}" for n in range(1, 6)]
    assert dialog.windowTitle() != "What could the patient say back?"  # drafted in this language
    assert "112" in dialog.points["emergency"].text()  # the site's own emergency number
    rtl = Qt.LayoutDirection.RightToLeft if code in ("ar", "fa") else Qt.LayoutDirection.LeftToRight
    assert dialog.layoutDirection() == rtl
    dialog.deleteLater()


def test_a_record_still_being_written_at_a_language_switch_warns_in_the_new_window(
    make_window, qtbot, monkeypatch, tmp_path, restore_language
):
    from vpdischarge.gui.language_switch import switch_interface_language

    target = tmp_path / "handout.pdf"
    window, keys = _ready(qtbot, make_window, monkeypatch, target)
    release = threading.Event()

    def slow_failing_share(case, site, pdf, given):
        assert release.wait(30)
        return ["the handout log /srv/share/log.sqlite3 could not be written: disk full"]

    window.output.record = slow_failing_share
    _save(qtbot, window, keys, target)
    keys.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.output.recorder.busy)
    replacement = switch_interface_language(window, "es")
    qtbot.addWidget(replacement)
    try:
        with qtbot.waitSignal(window.output.recorder.finished, timeout=20_000):  # the old worker
            release.set()
        # The answer came to the window the nurse now uses, in its language.
        qtbot.waitUntil(replacement.banner.isVisible)
        assert "/srv/share/log.sqlite3" in replacement.banner.list.text()
        assert replacement.output.record_warnings == [
            "the handout log /srv/share/log.sqlite3 could not be written: disk full"
        ]
        assert not replacement.actions.print.isEnabled()  # a new warning waits for the tick
    finally:
        replacement.files.is_modified = lambda: False
        replacement.close()
        replacement.renderer.stop()
