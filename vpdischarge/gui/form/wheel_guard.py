"""Scrolling the form with the mouse wheel must never change a value on the way.

Spin boxes, combo boxes and date fields take wheel events by default: scrolling down the form
over the lifting limit would silently change it. They only react to the wheel once the nurse
has clicked or tabbed into them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # passes the wheel on to the scroll area
            return True
        return False


def guard_wheel(root: QWidget, guard: WheelGuard) -> None:
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QAbstractSpinBox, QComboBox)):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
