"""Printing the handout: the print dialog's choices become a job, and the job runs off the UI
thread so the window never freezes.

Two ways to paper:
- **CUPS** (Linux, macOS): the handout's own PDF bytes go to the queue (`vpdischarge.cups_spool`),
  asking for the handout's own paper. Text stays vector, fonts embedded, about 50 KB a job.
- **Raster fallback** (Windows, Qt's print-to-file, or no `lp`): each page is rasterised at the
  printer's resolution and painted at its true size. QPrinter cannot take PDF bytes. Pages are
  rendered in thin horizontal bands so a 600 dpi page never needs a 130 MB image at once. Painting on
  a QPrinter from a worker thread is allowed by Qt (as for QImage), so this runs off the UI
  thread too, from its own QPdfDocument.

Every outcome is a `PrintOutcome` with a message fit to show: what went where, or why not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from vpdischarge import cups_spool
from vpdischarge.i18n import _, ngettext
from vpdischarge.print_job import PrintJob, Sides, job_title, media_for_page

# Rows per band. Qt holds Python's GIL while it paints one band (about 8 ms for 32 rows at
# 600 dpi, mostly compressing the image), and the UI thread waits for the GIL meanwhile; 1024-row
# bands held it for 370 ms, 128-row bands for up to 125 ms on a busy machine. Thin bands keep the
# window responsive; the print takes a little longer, in the background.
BAND_PIXELS = 32
# Above this, more dots cost memory and time and print no sharper text.
MAX_DPI = 600


class PrintError(Exception):
    """The printer could not be used; the message is fit to show."""


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    message: str  # what went where, or why not
    pages: int = 0
    destination: str = ""  # the printer's name, or the file printed to
    job: str = ""  # the spooler's job id, where there is one ("ward-4-printer-12")


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Start the print dialog on the handout's own paper size (Letter or A4), portrait."""
    if document.pageCount():
        size = document.pagePointSize(0)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def uses_cups(printer: QPrinter) -> bool:
    """The dialog chose a real printer on a system whose spooler takes PDF."""
    return (
        printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        and bool(printer.printerName())
        and cups_spool.cups_available()
    )


def job_from_dialog(printer: QPrinter, page_size_pt: QSizeF, pages: int) -> PrintJob:
    """The print dialog's choices (printer, copies, sides, page range) as a Qt-free job, on the
    handout's own paper."""
    duplex = printer.duplex()
    sides = {
        QPrinter.DuplexMode.DuplexNone: Sides.ONE_SIDED,
        QPrinter.DuplexMode.DuplexAuto: Sides.TWO_SIDED_LONG_EDGE,  # the handout is portrait
        QPrinter.DuplexMode.DuplexLongSide: Sides.TWO_SIDED_LONG_EDGE,
        QPrinter.DuplexMode.DuplexShortSide: Sides.TWO_SIDED_SHORT_EDGE,
    }.get(duplex)
    return PrintJob(
        printer=printer.printerName(),
        title=job_title(),
        media=media_for_page(page_size_pt.width(), page_size_pt.height()),
        pages=pages,
        copies=max(1, printer.copyCount()),
        sides=sides,
        page_ranges=chosen_ranges(printer),
        collate=printer.collateCopies(),
    )


def chosen_ranges(printer: QPrinter) -> tuple[tuple[int, int], ...]:
    """The pages chosen in the dialog ("Pages from 2 to 3", or "1,3-4"), () for all pages."""
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return ()
    return tuple((r.from_, r.to) for r in printer.pageRanges().toRangeList())


def sent_message(pages: int, destination: str, copies: int = 1) -> str:
    if copies > 1:
        return ngettext(
            "{n} page sent to {printer} ({copies}).", "{n} pages sent to {printer} ({copies}).", pages
        ).format(
            n=pages, printer=destination, copies=ngettext("{n} copy", "{n} copies", copies).format(n=copies)
        )
    return ngettext("{n} page sent to {printer}.", "{n} pages sent to {printer}.", pages).format(
        n=pages, printer=destination
    )


def cups_task(job: PrintJob, pdf: bytes) -> Callable[[], PrintOutcome]:
    """The work to run on the worker thread for a CUPS queue."""

    def run() -> PrintOutcome:
        try:
            receipt = cups_spool.spool(job, pdf)
        except cups_spool.SpoolError as exc:
            return PrintOutcome(False, str(exc), destination=job.printer)
        message = sent_message(receipt.pages, receipt.printer, receipt.copies)
        if receipt.printer_paused:
            message += " " + _("The printer is paused: the job waits in its queue until it is started again.")
        return PrintOutcome(True, message, receipt.pages, receipt.printer, receipt.job_id)

    return run


def raster_task(printer: QPrinter, pdf: bytes) -> Callable[[], PrintOutcome]:
    """The work to run on the worker thread for the raster fallback. The UI thread must not use
    `printer` until the outcome arrives."""

    def run() -> PrintOutcome:
        document, buffer = _load(pdf)  # this thread's own document; `buffer` must outlive it
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        destination = Path(printer.outputFileName()).name if to_file else printer.printerName()
        try:
            pages, shrunk = print_document(document, printer)
        except PrintError as exc:
            return PrintOutcome(False, str(exc), destination=destination)
        finally:
            document.close()
            del buffer
        if to_file:
            message = ngettext("{n} page printed to {file}.", "{n} pages printed to {file}.", pages).format(
                n=pages, file=destination
            )
        else:
            message = sent_message(pages, destination, max(1, printer.copyCount()))
        if shrunk:
            message += " " + _(
                "The printer's paper is smaller than the handout's, so the pages were printed smaller."
            )
        return PrintOutcome(True, message, pages, destination)

    return run


def _load(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def print_document(document: QPdfDocument, printer: QPrinter) -> tuple[int, bool]:
    """Paint the pages of `document` (the dialog's page range, if any) on `printer`.

    Returns the number of pages printed and whether they had to be shrunk to fit the paper."""
    count = document.pageCount()
    if count == 0:
        raise PrintError(_("There is nothing to print yet."))
    ranges = chosen_ranges(printer)
    pages = [p for p in range(count) if not ranges or any(a <= p + 1 <= b for a, b in ranges)]
    if not pages:
        raise PrintError(_("The chosen pages are not in the handout."))
    # The handout has its own margins: paint on the whole sheet, at true size.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("The printer could not be started. Check that it is on and try again."))
    shrunk = False
    try:
        device_dpi = printer.resolution()
        dpi = min(device_dpi, MAX_DPI)
        paper = printer.pageLayout().fullRectPixels(device_dpi)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            shrunk |= _paint_page(painter, document, page, paper, device_dpi, dpi)
    finally:
        painter.end()
    return len(pages), shrunk


def _paint_page(
    painter: QPainter, document: QPdfDocument, page: int, paper: QRect, device_dpi: int, dpi: int
) -> bool:
    points: QSizeF = document.pagePointSize(page)
    # True size on the device, shrunk to fit if the sheet is smaller, and centred.
    width = points.width() * device_dpi / 72
    height = points.height() * device_dpi / 72
    scale = min(1.0, paper.width() / width, paper.height() / height)
    target = QRectF(0, 0, width * scale, height * scale)
    target.moveCenter(QRectF(paper).center())
    target.moveTop(paper.top())
    # The image that rasterises the page at `dpi`.
    image_size = QSize(round(points.width() * dpi / 72 * scale), round(points.height() * dpi / 72 * scale))
    for top in range(0, image_size.height(), BAND_PIXELS):
        band = QRect(0, top, image_size.width(), min(BAND_PIXELS, image_size.height() - top))
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(image_size)
        options.setScaledClipRect(band)
        image = document.render(page, band.size(), options)
        ratio = target.height() / image_size.height()
        painter.drawImage(
            QRectF(target.left(), target.top() + top * ratio, target.width(), band.height() * ratio),
            image,
        )
    # A rounding pixel is not a shrink the nurse needs to hear about.
    return scale < 0.99
