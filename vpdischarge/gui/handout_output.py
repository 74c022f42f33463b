"""Print and Save PDF: both take the preview's bytes, so the paper and the file are what the
nurse saw on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from vpdischarge.atomic import WriteError, write_atomically
from vpdischarge.gui import dialogs
from vpdischarge.gui.preview.controller import PreviewController
from vpdischarge.gui.preview.pane import PreviewPane
from vpdischarge.gui.printing import PrintError, match_paper, print_document
from vpdischarge.i18n import _


class HandoutOutput:
    def __init__(self, parent: QWidget, pane: PreviewPane, preview: PreviewController) -> None:
        self.parent = parent
        self.pane = pane
        self.preview = preview
        # Kept between prints so the chosen printer and copies are offered again.
        self._printer: QPrinter | None = None

    def make_printer(self) -> QPrinter:
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    def print_handout(self) -> bool:
        """Ask for the printer, then print the preview's pages. True if pages were sent."""
        if not self.preview.is_current:
            return False
        printer = self.make_printer()
        match_paper(printer, self.pane.document)
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(_("Print handout"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            print_document(self.pane.document, printer)
        except PrintError as exc:
            dialogs.show_error(self.parent, _("Not printed"), str(exc))
            return False
        return True

    def save_pdf(self, folder: Path | None) -> bool:
        """Write the preview's exact bytes to a file the nurse chooses (atomically)."""
        pdf = self.preview.pdf
        if not self.preview.is_current or pdf is None:
            return False
        suggested = str((folder or Path.home()) / "handout.pdf")
        chosen = dialogs.choose_pdf_to_save(self.parent, suggested)
        if not chosen:
            return False
        try:
            write_atomically(Path(chosen), pdf)
        except WriteError as exc:
            dialogs.show_error(
                self.parent, _("The PDF was not saved"), _("Nothing was changed. {reason}").format(reason=exc)
            )
            return False
        return True
