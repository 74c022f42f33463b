"""Shared pieces of the GUI tests: an isolated settings folder, dialogs that never block, a
window factory, a fake renderer, and the form filled with a fictional patient."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from vpdischarge.domain.site import load_site
from vpdischarge.gui import dialogs
from vpdischarge.gui.preview.renderer import RenderJob
from vpdischarge.gui.settings import Preferences, use_settings_folder
from vpdischarge.gui.site_loading import LoadedSite
from vpdischarge.gui.window import MainWindow

TODAY = date(2026, 11, 27)
# A fictional patient; the name has non-ASCII letters, put in with setText (never keyClicks).
PATIENT = "Zoë Testpatient-Núñez"


class DialogLog:
    """Records every message box instead of showing it."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.unsaved_answers: list[dialogs.Choice] = []
        self.asked_unsaved = 0

    def texts(self, kind: str | None = None) -> str:
        return "\n".join(f"{title}\n{text}" for k, title, text in self.messages if kind in (None, k))


# Test modules import the fixtures under these names (`from gui_helpers import fixtures`), so the
# name a test asks for is not shadowed by an import.
@pytest.fixture(name="no_dialogs")
def no_dialogs_fixture(monkeypatch, tmp_path) -> DialogLog:
    """Settings in tmp_path; message boxes and file dialogs replaced so no test can block."""
    use_settings_folder(tmp_path / "settings")
    # Qt's shared QtProject settings (the file dialogs' history) too: never the real home folder.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    log = DialogLog()

    def box(kind):
        def show(parent, title, text, *args, **kwargs):
            log.messages.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("critical", "information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box(kind)))

    def unsaved(parent):
        log.asked_unsaved += 1
        return log.unsaved_answers.pop(0) if log.unsaved_answers else dialogs.Choice.DISCARD

    monkeypatch.setattr(dialogs, "ask_unsaved_changes", unsaved)

    def refuse(*args, **kwargs):
        raise AssertionError("a file dialog opened that the test did not expect")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(refuse))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(refuse))
    return log


def hospital_site() -> LoadedSite:
    """A hospital's own settings file with the example's values: not the bundled sample, so the
    window is ready to print without the sample warning (test_gui_sample.py tests that one)."""
    return LoadedSite(replace(load_site(None), sample=False), Path("hospital-site.toml"))


@pytest.fixture(name="make_window")
def make_window_fixture(qtbot, no_dialogs):
    """Build windows that are closed (and their render thread stopped) after the test."""
    made: list[MainWindow] = []

    def make(preferences: Preferences | None = None, site=None, **options) -> MainWindow:
        options.setdefault("today", lambda: TODAY)
        options.setdefault("preview_delay_ms", 10)
        window = MainWindow(site or hospital_site(), preferences or Preferences(), **options)
        qtbot.addWidget(window)
        made.append(window)
        window.show()
        # Checking starts once the render thread has loaded the engine.
        qtbot.waitUntil(lambda: not getattr(window.renderer, "loading_engine", False))
        return window

    yield make
    for window in made:
        window.files.is_modified = lambda: False
        window.close()
        window.renderer.stop()


class FakeRenderer(QObject):
    """Keeps jobs until the test finishes them, in any order it likes."""

    finished = Signal(int, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[RenderJob] = []
        self.stopped = False

    def submit(self, job: RenderJob) -> None:
        self.jobs.append(job)

    def finish(self, job: RenderJob, pdf: bytes | None = None, error: str | None = None) -> None:
        self.finished.emit(job.generation, pdf if pdf is not None or error else b"%PDF-fake", error)

    def stop(self) -> None:
        self.stopped = True


def fill_typical(window: MainWindow) -> None:
    """Fill every part of the form with a fictional case, as a nurse would."""
    form = window.form
    form.patient.name.setText(PATIENT)
    form.patient.date_of_birth.set_value(date(1948, 3, 2))
    form.patient.record_number.setText("TEST-0001")
    form.procedure.date.set_value(date(2026, 11, 20))
    form.procedure.levels.setText("T12, L1")
    form.clinician.name.setText("Dr. A. Example")
    form.clinician.notes.setPlainText("Walk twice a day.\nCall if the pain at night gets worse.")
    med = form.medicines
    for values in (
        ("Acetaminophen", "500 mg", "every 6 hours if needed", "pain"),
        ("Senna", "8.6 mg", "at bedtime", "constipation"),
    ):
        med.add_row()
        row = med.table.currentRow()
        for col, text in enumerate(values):
            med.table.item(row, col).setText(text)
    form.follow_up.blood_thinner.set_value(date(2026, 11, 22))
    form.follow_up.when.set_value(datetime(2026, 12, 4, 10, 30))
    form.follow_up.where.setText("Spine Clinic")
    form.follow_up.phone.setText("+1 555 0100")
    form.handout.interpreter.setText("ID 4471")
    # set_value does not emit (loading must not); a nurse's last edit does.
    form.clinician.name.setText("Dr. A. Example-Clinician")


FIXTURES = (no_dialogs_fixture, make_window_fixture)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def wait_for_preview(qtbot, window: MainWindow, timeout: int = 10_000) -> None:
    """Wait until the preview shows the form as it is now."""
    if window.preview.is_current:
        return
    with qtbot.waitSignal(window.preview.shown, timeout=timeout):
        window.preview.flush()
    qtbot.waitUntil(lambda: window.preview.is_current, timeout=timeout)


def save_typical_discharge_by_keyboard(qtbot, window, keys, target: Path):
    """Type the typical discharge into an empty window by keyboard only, confirm its warnings and
    save the PDF with Ctrl+Shift+E to `target` (the file dialog must answer `target`). Returns
    the TypedCase that was typed."""
    from vpdischarge.gui.keyboard_script import TypedCase, confirm_warnings, type_typical_discharge

    case = TypedCase()
    type_typical_discharge(keys, window, case)
    qtbot.waitUntil(lambda: not [i for i in window.issues if i.severity == "error"], timeout=5000)
    confirm_warnings(keys, window)
    qtbot.waitUntil(window.actions.save_pdf.isEnabled, timeout=20_000)
    keys.shortcut("Ctrl+Shift+E")
    qtbot.waitUntil(target.exists, timeout=10_000)
    skip_teach_back(qtbot, window, keys)
    return case


def open_teach_back(qtbot, window):
    """The teach-back step that opens after a print or save, once it has the keyboard."""
    qtbot.waitUntil(lambda: window.output.teach_back is not None, timeout=10_000)
    dialog = window.output.teach_back
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def skip_teach_back(qtbot, window, keys):
    """Esc on the teach-back step ("not assessed"), as a nurse in a hurry does."""
    open_teach_back(qtbot, window)
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.output.teach_back is None)
    qtbot.waitUntil(lambda: not window.output.recorder.busy, timeout=20_000)  # and recorded


def spool_to(monkeypatch, window, spool) -> None:
    """Print dialog OK on "ward-4-printer", through the CUPS path with the spooler replaced by
    `spool` (the real spooler and queue are in test_print_cups)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from vpdischarge import cups_spool
    from vpdischarge.gui import printing

    monkeypatch.setattr(printing, "uses_cups", lambda printer: True)
    monkeypatch.setattr("vpdischarge.gui.handout_output.uses_cups", lambda printer: True)
    monkeypatch.setattr(cups_spool, "spool", spool)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.output.make_printer().setPrinterName("ward-4-printer")
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "ward-4-printer")
