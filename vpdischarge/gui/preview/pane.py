"""The preview pane: the handout's pages with QtPdf, page navigation and zoom.

The PDF lives only in memory (a QByteArray behind a QBuffer), never in a temporary file, so no
patient data is left on disk. The page and zoom the nurse chose survive each re-render.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from vpdischarge.i18n import _

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
VEIL_DELAY_MS = 600


class PreviewPane(QWidget):
    """Implements `PreviewView` for the controller."""

    # Emitted after new pages are on screen, with the page count.
    pages_shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(_("Handout preview"))
        self.view.setToolTip(_("The handout exactly as it will print"))

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        # One line is kept for the note even when it is empty, so the pages do not move down
        # and up each time "Updating the preview…" comes and goes.
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing())
        # A veil over pages that are not the current form (it has errors). It comes up after a
        # moment, so a date half typed does not make the pages flicker with every key.
        self.veil = QLabel(_("Old pages, not the current form"), self.view)
        self.veil.setObjectName("staleVeil")
        self.veil.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.veil.setWordWrap(True)
        self.veil.setStyleSheet(
            "#staleVeil { background: rgba(235, 235, 235, 215); color: #5a3a00;"
            " font-weight: bold; padding-top: 48px; }"
        )
        self.veil.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.veil.hide()
        self._veil_timer = QTimer(self)
        self._veil_timer.setSingleShot(True)
        self._veil_timer.setInterval(VEIL_DELAY_MS)
        self._veil_timer.timeout.connect(self._raise_veil)
        self.view.installEventFilter(self)
        self.page_label = QLabel()
        self.page_label.setAccessibleName(_("Page number"))
        # Room for the label before the first preview arrives: a label growing from "" to "Page 1
        # of 3" widened the preview's minimum size, and the splitter then moved under the nurse
        # and laid the whole form out again (28 ms on the UI thread, measured on the first print).
        widest = _("Page {page} of {count}").format(page=88, count=88)
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(widest))

        # Actions are shared with the window's View menu (same shortcuts).
        self.previous_action = QAction(_("&Previous page"), self)
        self.next_action = QAction(_("&Next page"), self)
        self.zoom_in_action = QAction(_("Zoom &in"), self)
        self.zoom_out_action = QAction(_("Zoom &out"), self)
        self.fit_width_action = QAction(_("Fit &width"), self)
        self.fit_page_action = QAction(_("Fit whole pa&ge"), self)
        # Short words on the buttons (the menu shows the full names), so the pane fits a small
        # screen at 200 % scale.
        for action, short in (
            (self.previous_action, _("Previous")),
            (self.next_action, _("Next")),
            (self.zoom_in_action, "+"),
            (self.zoom_out_action, "−"),
            (self.fit_width_action, _("Width")),
            (self.fit_page_action, _("Page")),
        ):
            action.setIconText(short)
            action.setToolTip(action.text().replace("&", ""))
        self.previous_action.triggered.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_action.triggered.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom_in_action.triggered.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_action.triggered.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_width_action.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_action.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))

        bar = QHBoxLayout()
        title = QLabel("<b>" + _("Preview") + "</b>")
        bar.addWidget(title)
        bar.addStretch(1)
        for action in (self.previous_action, self.next_action):
            bar.addWidget(self._button(action))
        bar.addWidget(self.page_label)
        bar.addSpacing(8)
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_width_action,
            self.fit_page_action,
        ):
            bar.addWidget(self._button(action))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self._update_page_label()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.text().replace("&", ""))
        return button

    # PreviewView -------------------------------------------------------------------------------

    def show_pdf(self, pdf: bytes) -> None:
        page = self.current_page()
        # The old buffer must outlive the document's switch to the new one.
        old = self._buffer
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        self.go_to(min(page, max(self.document.pageCount() - 1, 0)))
        self._update_page_label()
        self.pages_shown.emit(self.document.pageCount())

    def show_note(self, text: str, stale: bool) -> None:
        # Pages that are not the current form (it has errors) must look it: veiled, under a
        # bold note, never at full strength with a name the nurse has cleared.
        self.note.setText(text)
        self.note.setStyleSheet("color: #7a4f00; font-weight: bold;" if stale else "")
        self.view.setAccessibleDescription(text if stale else "")
        if not stale:
            self._veil_timer.stop()
            self.veil.hide()
        elif not self.veil.isVisible() and not self._veil_timer.isActive():
            self._veil_timer.start()

    @property
    def looks_stale(self) -> bool:
        return self.veil.isVisible()

    def _raise_veil(self) -> None:
        self.veil.setGeometry(self.view.rect())
        self.veil.raise_()
        self.veil.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.veil.setGeometry(self.view.rect())
        return super().eventFilter(watched, event)

    # Navigation and zoom -----------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, current * factor)))

    def _update_page_label(self) -> None:
        count = self.document.pageCount()
        page = self.current_page()
        self.page_label.setText(
            _("Page {page} of {count}").format(page=page + 1, count=count) if count else ""
        )
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < count - 1)
