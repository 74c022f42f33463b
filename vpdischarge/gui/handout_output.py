"""Print and Save PDF: both take the preview's bytes, so the paper and the file are what the
nurse saw on screen. Both say in the status bar what went where."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from vpdischarge.atomic import WriteError, write_atomically
from vpdischarge.gui import dialogs
from vpdischarge.gui.preview.controller import PreviewController
from vpdischarge.gui.preview.pane import PreviewPane
from vpdischarge.gui.print_runner import PrintRunner
from vpdischarge.gui.printing import (
    PrintOutcome,
    cups_task,
    job_from_dialog,
    match_paper,
    raster_task,
    uses_cups,
)
from vpdischarge.i18n import _


def suggested_pdf_name(folder: Path, today: date) -> Path:
    """`handout-2026-12-03.pdf` in `folder`, numbered if taken. Never the patient's name or record
    number: a file name shows in every folder listing, recent-files list and backup log."""
    stem = f"handout-{today.isoformat()}"
    candidate = folder / f"{stem}.pdf"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.pdf"
        number += 1
    return candidate


def default_pdf_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class HandoutOutput:
    def __init__(
        self,
        parent: QWidget,
        pane: PreviewPane,
        preview: PreviewController,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.parent = parent
        self.pane = pane
        self.preview = preview
        self.today: Callable[[], date] = today if today is not None else getattr(parent, "today", date.today)
        # Kept between prints so the chosen printer and copies are offered again.
        self._printer: QPrinter | None = None
        # The folder of the last PDF saved, for this session only (no history kept on disk).
        self._pdf_folder: Path | None = None
        self.runner = PrintRunner(parent)
        self.runner.finished.connect(self._print_finished)
        self._message = ""
        if isinstance(parent, QMainWindow):
            parent.statusBar()  # there from the start, so the first message does not move the window's layout
        # A message about the last handout is stale once the form changes.
        self.preview.state_changed.connect(self._clear_message)

    def make_printer(self) -> QPrinter:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    # Printing ----------------------------------------------------------------------------------

    def print_handout(self) -> bool:
        """Ask for the printer, then send the preview's pages on a worker thread. True if a job
        was started; the status bar (or an error box) tells how it ended."""
        pdf = self.preview.pdf
        if not self.preview.is_current or pdf is None:
            return False
        if self.runner.busy:
            self._tell(_("The handout is still being sent to the printer. Try again in a moment."))
            return False
        printer = self.make_printer()
        document = self.pane.document
        match_paper(printer, document)
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(_("Print handout"))
        dialog.setMinMax(1, max(1, document.pageCount()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        # From here on the UI thread only describes the job; the worker does the rest.
        if uses_cups(printer):
            job = job_from_dialog(printer, document.pagePointSize(0), document.pageCount())
            task = cups_task(job, pdf)
            where = job.printer
        else:
            task = raster_task(printer, pdf)
            where = printer.printerName() or Path(printer.outputFileName()).name
        self._tell(_("Sending the handout to {printer}…").format(printer=where))
        self.runner.start(task)
        return True

    def _print_finished(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self._tell(outcome.message)
        else:
            self._tell(_("Not printed."))
            dialogs.show_error(self.parent, _("Not printed"), outcome.message)

    # Save as PDF -------------------------------------------------------------------------------

    def save_pdf(self, folder: Path | None) -> bool:
        """Write the preview's exact bytes to a file the nurse chooses (atomically)."""
        pdf = self.preview.pdf
        if not self.preview.is_current or pdf is None:
            return False
        start_in = folder or self._pdf_folder or default_pdf_folder()
        suggested = str(suggested_pdf_name(start_in, self.today()))
        chosen = dialogs.choose_pdf_to_save(self.parent, suggested)
        if not chosen:
            return False
        target = Path(chosen)
        try:
            write_atomically(target, pdf)
        except WriteError as exc:
            dialogs.show_error(
                self.parent, _("The PDF was not saved"), _("Nothing was changed. {reason}").format(reason=exc)
            )
            return False
        self._pdf_folder = target.parent
        self._tell(_("Handout saved as {file} in {folder}.").format(file=target.name, folder=target.parent))
        return True

    # The status bar ----------------------------------------------------------------------------

    def _tell(self, text: str) -> None:
        self._message = text
        if isinstance(self.parent, QMainWindow):
            self.parent.statusBar().showMessage(text)

    def _clear_message(self) -> None:
        if isinstance(self.parent, QMainWindow) and self._message:
            bar = self.parent.statusBar()
            if bar.currentMessage() == self._message:
                bar.clearMessage()
        self._message = ""

    @property
    def message(self) -> str:
        """The last thing said about printing or saving (what the status bar shows)."""
        return self._message
