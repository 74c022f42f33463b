"""The scroll area around the form: it scrolls up and down, never sideways, and keeps the field
being worked on in view.

A form that scrolls sideways hides the ends of its fields. This area asks the splitter for at
least the form's own minimum width, so the form is always shown whole across, at any scale.

Whatever moves the focus (Tab, an Alt+letter, F8 "next problem", a click) brings the focused
field into view, and a text box keeps its caret in view while the nurse types: a field she
types into is never off-screen, also when the view gets smaller (the warnings come up under it).
When lines above the focused field come or go (a problem under another field), the view follows
the field, so it does not jump under her eyes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget

from vpdischarge.gui.qt_app import application

# Room kept around the focused field, so its label and problem line show too.
MARGIN = 24


class FormScrollArea(QScrollArea):
    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self.setWidget(form)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # The area itself is no Tab stop: Tab goes from field to field.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The form grows wider when the clinical limits open; tell the splitter.
        form.installEventFilter(self)
        # Where the focused field sat in the viewport, to hold it there when the form's height
        # changes (None: nothing in the form has the focus).
        self._anchor: tuple[QWidget, int] | None = None
        application().focusChanged.connect(self._on_focus_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._remember_anchor())

    def follow_caret(self, editor: QPlainTextEdit) -> None:
        """Keep `editor`'s caret in view while it has the focus."""
        editor.cursorPositionChanged.connect(lambda: self._show_caret(editor))

    def show_field(self, widget: QWidget) -> None:
        """Scroll so all of `widget` shows (its top, if it is taller than the view). Qt's
        ensureWidgetVisible shows only the caret of a text box, which left the notes half
        off-screen."""
        form = self.widget()
        if form is None or not form.isAncestorOf(widget):
            return
        top = widget.mapTo(form, widget.rect().topLeft()).y() - MARGIN
        bottom = top + widget.height() + 2 * MARGIN
        scrolled, height = self._scrolled(), self.viewport().height()
        if top < scrolled or bottom - top > height:
            self.verticalScrollBar().setValue(top)
        elif bottom > scrolled + height:
            self.verticalScrollBar().setValue(bottom - height)
        self._remember_anchor()

    def _show_caret(self, editor: QPlainTextEdit) -> None:
        if not editor.hasFocus():
            return
        caret = editor.cursorRect()
        form = self.widget()
        if form is None:
            return
        centre = editor.viewport().mapTo(form, caret.center())
        self.ensureVisible(centre.x(), centre.y(), MARGIN, caret.height() // 2 + MARGIN)
        self._remember_anchor()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        form = self.widget()
        if new is not None and form is not None and form.isAncestorOf(new):
            self.show_field(new)
            if isinstance(new, QPlainTextEdit):
                self._show_caret(new)
        else:
            self._anchor = None

    def _remember_anchor(self) -> None:
        focused = QApplication.focusWidget()
        form = self.widget()
        if focused is None or form is None or not form.isAncestorOf(focused):
            self._anchor = None
            return
        self._anchor = (focused, focused.mapTo(form, focused.rect().topLeft()).y() - self._scrolled())

    def _scrolled(self) -> int:
        return self.verticalScrollBar().value()

    def _hold_anchor(self) -> None:
        if self._anchor is None:
            return
        focused, offset = self._anchor
        form = self.widget()
        if form is None or QApplication.focusWidget() is not focused or not form.isAncestorOf(focused):
            return
        top = focused.mapTo(form, focused.rect().topLeft()).y()
        self.verticalScrollBar().setValue(top - offset)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget():
            if event.type() == QEvent.Type.LayoutRequest:
                self.updateGeometry()
            elif event.type() == QEvent.Type.Resize:
                # The children are placed after this event: follow the field once they are.
                QTimer.singleShot(0, self._hold_anchor)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A smaller view (the window shrinks, the warnings appear under the form) keeps the
        focused field in it."""
        super().resizeEvent(event)
        focused = QApplication.focusWidget()
        if focused is not None and event.size().height() < event.oldSize().height():
            QTimer.singleShot(
                0, lambda: self.show_field(focused) if QApplication.focusWidget() is focused else None
            )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        form = self.widget()
        width = form.minimumSizeHint().width() if form else 0
        width += self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(width, super().minimumSizeHint().height())
