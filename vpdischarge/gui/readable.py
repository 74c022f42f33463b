"""Sizes that keep the window readable and every control easy to hit.

The form's text was 9 pt at 96 dpi (Qt's default), small for a tired nurse and for anyone
reading over her shoulder. The text size is a preference (View ▸ Text size), applied to the
whole application before the window is built, so every size the widgets work out from their
font is right. Every control is at least `MIN_CONTROL_PX` high, tick boxes included: a click
target smaller than that is easy to miss.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from vpdischarge.gui.qt_app import application
from vpdischarge.i18n import N_

MIN_CONTROL_PX = 24
# name -> (menu text, point size)
TEXT_SIZES = {
    "normal": (N_("&Normal"), 11),
    "large": (N_("&Large"), 13),
    "larger": (N_("L&arger"), 16),
}
DEFAULT_TEXT_SIZE = "normal"


def point_size(name: str) -> int:
    return TEXT_SIZES.get(name, TEXT_SIZES[DEFAULT_TEXT_SIZE])[1]


def apply_text_size(name: str) -> None:
    """Set the application's text size (before building a window, so it is laid out for it)."""
    app = application()
    font = QFont(app.font())
    font.setPointSize(point_size(name))
    app.setFont(font)


_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def apply_minimum_heights(root: QWidget) -> None:
    """Every control under `root` at least MIN_CONTROL_PX high."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, _CONTROLS) and widget.minimumHeight() < MIN_CONTROL_PX:
            widget.setMinimumHeight(max(MIN_CONTROL_PX, widget.minimumHeight()))
