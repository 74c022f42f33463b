"""Print and Save PDF: only when the form is right, and always the preview's own pages."""

from datetime import date

from gui_helpers import (  # noqa: F401
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    pdf_pages,
    wait_for_preview,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog


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


def test_printing_sends_the_preview_pages_to_the_printer(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    _ready(window, qtbot)
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setResolution(96)  # enough to see the pages; keeps the test fast
    monkeypatch.setattr(window.output, "make_printer", lambda: printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.actions.print.trigger()
    printed = target.read_bytes()
    assert pdf_pages(printed) == window.pane.page_count() == pdf_pages(window.preview.pdf)
    assert _dark_pixels(printed) > 50  # real ink, not empty pages


def test_cancelling_the_print_dialog_prints_nothing(make_window, qtbot, monkeypatch):
    window = make_window()
    _ready(window, qtbot)
    printed = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr("vpdischarge.gui.handout_output.print_document", lambda *a: printed.append(a))
    assert window.print_handout() is False
    assert printed == []


def test_save_pdf_writes_the_preview_bytes(make_window, qtbot, monkeypatch, tmp_path):
    window = make_window()
    _ready(window, qtbot)
    target = tmp_path / "handout"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions.save_pdf.trigger()
    assert (tmp_path / "handout.pdf").read_bytes() == window.preview.pdf


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
