"""Printing the preview's pages: what prints is what the nurse saw.

QPrinter cannot take PDF bytes, so each page of the preview's QPdfDocument is rasterised at the
printer's resolution and painted at its true size (scaled down only if the paper is smaller).
Pages are rendered in horizontal bands so a 600 dpi page never needs a 130 MB image at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from vpdischarge.i18n import _

BAND_PIXELS = 1024
# Above this, more dots cost memory and time and print no sharper text.
MAX_DPI = 600


class PrintError(Exception):
    """The printer could not be used; the message is fit to show."""


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Start the print dialog on the handout's own paper size (Letter or A4), portrait."""
    if document.pageCount():
        size = document.pagePointSize(0)
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on `printer`; returns the number of pages printed."""
    count = document.pageCount()
    if count == 0:
        raise PrintError(_("There is nothing to print yet."))
    # The handout has its own margins: paint on the whole sheet, at true size.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_("The printer could not be started. Check that it is on and try again."))
    try:
        device_dpi = printer.resolution()
        dpi = min(device_dpi, MAX_DPI)
        paper = printer.pageLayout().fullRectPixels(device_dpi)
        for page in range(count):
            if page:
                printer.newPage()
            _paint_page(painter, document, page, paper, device_dpi, dpi)
    finally:
        painter.end()
    return count


def _paint_page(
    painter: QPainter, document: QPdfDocument, page: int, paper: QRect, device_dpi: int, dpi: int
) -> None:
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
