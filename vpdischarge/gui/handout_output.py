"""Print and Save PDF: both take the preview's bytes, so the paper and the file are what the
nurse saw on screen. Both say in the status bar what went where.

After a handout is printed or saved, the teach-back step asks what the patient could say back,
and the handout is recorded (the handout log, and the education record the site may ask for)
with that answer, on a worker thread: a slow share or database never freezes the window. A
record that could not be written is a warning in the banner, naming the setting; the handout
itself is already done and stays so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from vpdischarge.atomic import WriteError, write_atomically
from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.domain.site import SiteSettings
from vpdischarge.gui import dialogs
from vpdischarge.gui.preview.controller import PreviewController
from vpdischarge.gui.preview.pane import PreviewPane
from vpdischarge.gui.preview.renderer import RenderJob
from vpdischarge.gui.print_runner import PrintRunner, TaskRunner
from vpdischarge.gui.printing import (
    PrintOutcome,
    cups_task,
    job_from_dialog,
    match_paper,
    raster_task,
    uses_cups,
)
from vpdischarge.gui.teach_back_dialog import TeachBackDialog
from vpdischarge.i18n import _
from vpdischarge.records.handout_given import Given, record_handout

Record = Callable[[Case, SiteSettings, bytes, Given], list[str]]


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


def _record_failed() -> tuple[str, list[str]]:
    # record_handout never raises; this is for anything below it that still does.
    return "", [_("the handout could not be recorded because of an unexpected error")]


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
        # The pages being printed and what they were made from, for the record once printed.
        self._printing: tuple[bytes, RenderJob] | None = None
        # The records' door; tests replace it (a slow share, a log that fails).
        self.record: Record = record_handout
        self.recorder = TaskRunner(_record_failed, "vpdischarge-record", parent)
        self.recorder.finished.connect(self._recorded)
        # What went wrong recording the last handout (empty when it was recorded).
        self.record_warnings: list[str] = []
        # The teach-back steps open now, oldest first (a print can end while a save's is open).
        self._steps: list[TeachBackDialog] = []
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
        self._printing = (pdf, self.preview.rendered) if self.preview.rendered else None
        self.runner.start(task)
        return True

    def _print_finished(self, outcome: PrintOutcome) -> None:
        printing, self._printing = self._printing, None
        if outcome.printed:
            self._tell(outcome.message)
            if printing is not None:
                self._ask_teach_back("print", *printing)
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
        if self.preview.rendered is not None:
            self._ask_teach_back("save", pdf, self.preview.rendered)
        return True

    # Teach-back and the record -----------------------------------------------------------------

    def _ask_teach_back(self, action: str, pdf: bytes, made_from: RenderJob) -> None:
        """Open the teach-back step without waiting for it; its answer (or "not assessed")
        starts the record."""
        dialog = TeachBackDialog(made_from.site.emergency_number, self.parent)
        said = self._message

        def answered(_result: int) -> None:
            self._steps.remove(dialog)
            given = Given(action, dialog.teach_back(), dialog.learner())
            dialog.deleteLater()
            if self.parent.isVisible():
                # The keyboard goes back to the window (Ctrl+P next), even where the window
                # manager does not hand it back by itself.
                self.parent.activateWindow()
            record = self.record
            self.recorder.start(lambda: (said, record(made_from.case, made_from.site, pdf, given)))

        dialog.finished.connect(answered)
        self._steps.append(dialog)
        dialog.open()

    @property
    def teach_back(self) -> TeachBackDialog | None:
        """The teach-back step on top, if one is open."""
        return self._steps[-1] if self._steps else None

    def close_teach_back(self) -> None:
        """The window is closing: every open teach-back step is "not assessed", and its handout
        is recorded all the same (the worker finishes after the window has gone)."""
        for dialog in list(self._steps):
            dialog.reject()

    def _recorded(self, result: tuple[str, list[str]]) -> None:
        """`result`: what the status bar said when the handout was given, and the warnings."""
        said, warnings = result
        self.record_warnings = warnings
        # Added to what was said about this handout, while that is still what the bar shows.
        lead = f"{said} " if said and said == self._message else ""
        self._tell(lead + (_("Not fully recorded: see the warnings.") if warnings else _("Handout logged.")))

    def adopt(self, old: HandoutOutput) -> TaskRunner | None:
        """A language switch, once `old`'s window has retired: its record warnings are this
        window's, and so is the answer of a record it is still writing, whose worker now
        belongs to this window (that answer went to the closed window, and its warning was
        never seen). Returns that worker, if any."""
        self.record_warnings = list(old.record_warnings)
        if not old.recorder.busy:
            return None
        old.recorder.setParent(self.parent)
        old.recorder.finished.connect(self._recorded)
        return old.recorder

    def record_issues(self) -> list[Issue]:
        """The banner's warnings about the last record, naming the setting, never the patient."""
        return [
            Issue(
                "record",
                _(
                    "The last handout was printed or saved, but not all of its record was written. "
                    "Tell the IT help desk: {reason}"
                ).format(reason=reason),
                "warning",
            )
            for reason in self.record_warnings
        ]

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
