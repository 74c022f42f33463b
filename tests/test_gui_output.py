"""Print and Save PDF: only when the form is right, and always the preview's own pages."""

import threading
from datetime import date
from pathlib import Path

from gui_helpers import (  # noqa: F401
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    pdf_pages,
    spool_to,
    wait_for_preview,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QSizeF
from PySide6.QtGui import QPageRanges
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from vpdischarge import cups_spool
from vpdischarge.gui import printing
from vpdischarge.print_job import Sides


def _ready(window, qtbot):
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled(), window.gate_label.text()


def _dark_pixels(pdf: bytes, page: int = 0) -> int:
    """How many pixels of a page thumbnail are ink (the page is not blank)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    image = document.render(page, QSize(200, 260))
    return sum(
        1
        for x in range(0, 200, 2)
        for y in range(0, 260, 2)
        if image.pixelColor(x, y).lightness() < 128 and image.pixelColor(x, y).alpha() > 0
    )


def _print_to_file(window, qtbot, monkeypatch, target):
    """Print through the real dialog code path to Qt's PDF output (the raster fallback)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(96)  # enough to see the pages; keeps the test fast
    monkeypatch.setattr(window.output, "make_printer", lambda: printer)

    def print_to_file(dialog):
        # What the dialog sets when the nurse picks "Print to File (PDF)" and presses Print.
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    with qtbot.waitSignal(window.output.runner.finished, timeout=60_000) as finished:
        window.actions.print.trigger()
    return finished.args[0]


def test_printing_sends_the_preview_pages_off_the_ui_thread(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    _ready(window, qtbot)
    target = tmp_path / "printed.pdf"
    painted_on = []
    real_print = printing.print_document

    def recording(document, printer):
        painted_on.append(threading.get_ident())
        return real_print(document, printer)

    monkeypatch.setattr(printing, "print_document", recording)
    outcome = _print_to_file(window, qtbot, monkeypatch, target)
    assert painted_on and painted_on[0] != threading.get_ident()  # never on the UI thread
    printed = target.read_bytes()
    pages = pdf_pages(window.preview.pdf)
    assert pdf_pages(printed) == window.pane.page_count() == pages
    assert _dark_pixels(printed) > 50  # real ink, not empty pages
    assert outcome.printed
    # The status bar says what went where.
    assert window.statusBar().currentMessage() == f"{pages} pages printed to printed.pdf."
    assert not window.output.runner.busy


def test_cancelling_the_print_dialog_prints_nothing(make_window, qtbot, monkeypatch):
    window = make_window()
    _ready(window, qtbot)
    started = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.output.runner.started.connect(lambda: started.append(True))
    assert window.print_handout() is False
    assert started == []
    assert window.statusBar().currentMessage() == ""


def _print_to_cups(window, qtbot, monkeypatch, spool):
    """The CUPS path with the spooler replaced by `spool` (the real one is in test_print_cups)."""
    spool_to(monkeypatch, window, spool)
    with qtbot.waitSignal(window.output.runner.finished, timeout=30_000) as finished:
        assert window.print_handout() is True
    return finished.args[0]


def test_a_refused_job_says_why_and_keeps_the_window(make_window, qtbot, monkeypatch, no_dialogs):
    window = make_window()
    _ready(window, qtbot)
    before = window.form.case()

    def refuse(job, pdf):
        raise cups_spool.SpoolError(
            cups_spool.describe_lp_failure(job.printer, "lp: Destination is not accepting jobs.")
        )

    outcome = _print_to_cups(window, qtbot, monkeypatch, refuse)
    assert not outcome.printed
    assert "“ward-4-printer” is not accepting jobs" in no_dialogs.texts("critical")
    assert window.statusBar().currentMessage() == "Not printed."
    assert window.form.case() == before
    assert window.actions.print.isEnabled()


def test_an_unexpected_failure_is_a_message_not_a_traceback(make_window, qtbot, monkeypatch, no_dialogs):
    window = make_window()
    _ready(window, qtbot)

    def crash(job, pdf):
        raise ValueError("Zoe Testpatient secret detail")

    _print_to_cups(window, qtbot, monkeypatch, crash)
    shown = no_dialogs.texts("critical")
    assert "could not be printed because of an unexpected error" in shown
    assert "secret" not in shown  # the exception's words may hold anything
    assert not window.output.runner.busy  # the next print is possible


def test_the_cups_job_carries_the_dialog_choices_and_no_patient_data(make_window, qtbot, monkeypatch):
    window = make_window()
    _ready(window, qtbot)
    jobs = []

    def accept(job, pdf):
        jobs.append((job, pdf, threading.get_ident()))
        return cups_spool.SpoolReceipt(
            job.printer, "ward-4-printer-7", job.pages_printed(), job.copies, False
        )

    printer = window.output.make_printer()
    printer.setCopyCount(2)
    outcome = _print_to_cups(window, qtbot, monkeypatch, accept)
    job, pdf, thread = jobs[0]
    assert thread != threading.get_ident()
    assert pdf == window.preview.pdf  # the preview's own bytes, not page images
    assert job.printer == "ward-4-printer"
    assert job.media == "Letter"  # the handout's own paper (the example site is Letter)
    assert job.copies == 2
    assert job.title.startswith("vpdischarge handout ")
    for private in ("Zo", "Testpatient", "TEST-0001", "Núñez"):
        assert private not in job.title
    pages = pdf_pages(pdf)
    assert outcome.message == f"{pages} pages sent to ward-4-printer (2 copies)."
    assert window.statusBar().currentMessage() == outcome.message


class _DialogChoices:
    """What QPrintDialog leaves on a QPrinter, for a printer this machine does not have (Qt
    drops duplex and ranges for unknown printers)."""

    def __init__(self, duplex, first=0, last=0):
        self._duplex, self._first, self._last = duplex, first, last

    def duplex(self):
        return self._duplex

    def printRange(self):  # noqa: N802 - Qt's name
        return QPrinter.PrintRange.PageRange if self._first else QPrinter.PrintRange.AllPages

    def pageRanges(self):  # noqa: N802
        ranges = QPageRanges()
        if self._first:
            ranges.addRange(self._first, self._last)
        return ranges

    def printerName(self):  # noqa: N802
        return "ward-4-printer"

    def copyCount(self):  # noqa: N802
        return 3

    def collateCopies(self):  # noqa: N802
        return False


def test_the_dialog_choices_map_onto_the_job():
    a4 = QSizeF(595.28, 841.89)
    job = printing.job_from_dialog(_DialogChoices(QPrinter.DuplexMode.DuplexAuto, 2, 3), a4, 3)
    assert (job.media, job.sides, job.page_ranges) == ("A4", Sides.TWO_SIDED_LONG_EDGE, ((2, 3),))
    assert (job.copies, job.collate, job.pages_printed()) == (3, False, 2)
    job = printing.job_from_dialog(_DialogChoices(QPrinter.DuplexMode.DuplexNone), QSizeF(612, 792), 3)
    assert (job.media, job.sides, job.page_ranges, job.pages_printed()) == ("Letter", Sides.ONE_SIDED, (), 3)
    short = printing.job_from_dialog(_DialogChoices(QPrinter.DuplexMode.DuplexShortSide), QSizeF(500, 700), 1)
    assert (short.media, short.sides) == (None, Sides.TWO_SIDED_SHORT_EDGE)


def test_save_pdf_writes_the_preview_bytes_and_says_where(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    _ready(window, qtbot)
    target = tmp_path / "handout"
    asked = []

    def choose(parent, title, suggested, *rest, **kwargs):
        # The nurse types "handout" the first time, then takes the name offered.
        asked.append(suggested)
        return (str(target) if len(asked) == 1 else suggested), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    window.actions.save_pdf.trigger()
    assert (tmp_path / "handout.pdf").read_bytes() == window.preview.pdf
    assert window.statusBar().currentMessage() == f"Handout saved as handout.pdf in {tmp_path}."
    # The suggested name carries the date only, never the patient's name or record number.
    assert Path(asked[0]).name == "handout-2026-11-27.pdf"
    # The next save starts in the folder just used (this session only), with a free name.
    (tmp_path / "handout-2026-11-27.pdf").write_bytes(b"older")
    window.actions.save_pdf.trigger()
    assert Path(asked[1]) == tmp_path / "handout-2026-11-27-2.pdf"
    assert (tmp_path / "handout-2026-11-27-2.pdf").read_bytes() == window.preview.pdf
    assert (tmp_path / "handout-2026-11-27.pdf").read_bytes() == b"older"


def test_a_saved_case_s_folder_is_where_its_pdf_is_suggested(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    _ready(window, qtbot)
    asked = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda p, t, suggested, *a, **k: (asked.append(suggested), ("", ""))[1]),
    )
    window.output.save_pdf(tmp_path)
    assert Path(asked[0]) == tmp_path / "handout-2026-11-27.pdf"
    assert window.statusBar().currentMessage() == ""  # cancelled: nothing to say


def test_a_failing_pdf_write_says_so_and_keeps_the_form(
    make_window, qtbot, monkeypatch, tmp_path, no_dialogs
):
    window = make_window()
    _ready(window, qtbot)
    before = window.form.case()
    target = tmp_path / "no-such-folder" / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.save_pdf() is False
    assert "does not exist" in no_dialogs.texts("critical")
    assert window.form.case() == before
    assert not target.exists()


def test_warnings_need_one_deliberate_confirmation(make_window, qtbot):
    window = make_window()
    _ready(window, qtbot)
    assert not window.banner.isVisible()
    window.form.procedure.date.set_value(date(2026, 11, 1))  # over 14 days ago: a warning
    window.form.procedure.levels.setText("T12")
    wait_for_preview(qtbot, window)
    assert window.banner.isVisible()
    assert "Procedure date: is more than 14 days ago" in window.banner.list.text()
    assert not window.actions.print.isEnabled()
    assert "tick" in window.gate_label.text()
    window.banner.confirm.setChecked(True)
    assert window.actions.print.isEnabled()
    # Typing elsewhere keeps the confirmation; a new warning takes it back.
    window.form.handout.interpreter.setText("ID 1234")
    wait_for_preview(qtbot, window)
    assert window.banner.confirmed and window.actions.print.isEnabled()
    window.form.patient.date_of_birth.set_value(None)
    window.form.patient.record_number.setText("")
    assert not window.banner.confirmed
    assert not window.actions.print.isEnabled()


def test_a_draft_translation_is_a_warning_to_confirm(make_window, qtbot):
    window = make_window()
    fill_typical(window)
    window.form.handout.language.setCurrentIndex(window.form.handout.language.findData("es"))
    wait_for_preview(qtbot, window)
    assert "draft" in window.banner.list.text()
    assert not window.actions.print.isEnabled()
    window.banner.confirm.setChecked(True)
    assert window.actions.print.isEnabled()


def test_the_message_about_the_last_handout_goes_when_the_form_changes(
    make_window, qtbot, monkeypatch, tmp_path
):
    window = make_window()
    _ready(window, qtbot)
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions.save_pdf.trigger()
    assert window.statusBar().currentMessage().startswith("Handout saved as handout.pdf")
    window.form.handout.interpreter.setText("ID 9999")
    wait_for_preview(qtbot, window)
    assert window.statusBar().currentMessage() == ""
