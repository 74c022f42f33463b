"""The desktop window. For now a placeholder that points to the command line; the nurse's form
arrives with the desktop issue."""

from __future__ import annotations

import sys


def build_window():
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    window.setWindowTitle("vpdischarge")
    label = QLabel(
        "<h2>vpdischarge</h2>"
        "<p>The discharge form is not ready yet.</p>"
        "<p>To print a handout now, use the command line:<br>"
        "<code>vpdischarge render --case CASE.json --output handout.pdf</code></p>"
    )
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(24)
    window.setCentralWidget(label)
    window.resize(640, 360)
    return window


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    window = build_window()
    window.show()
    return app.exec()
