"""The running QApplication, typed as one: Qt's `QApplication.instance()` may be any
QCoreApplication or None, but the window's code runs only inside vpdischarge's QApplication."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the window needs a QApplication (vpdischarge.gui.app.create_application)")
    return app
