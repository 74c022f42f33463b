"""Starting the window: `vpdischarge-gui`, `python main.py`, or `vpdischarge` with no arguments."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from vpdischarge.gui.settings import APPLICATION, ORGANIZATION, Preferences


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("vpdischarge")
    return app


def build_window(preferences: Preferences | None = None, **options):
    """The main window with the interface language, site settings and preferences applied.

    Needs a QApplication. `options` go to MainWindow (tests pass a renderer, today, delays)."""
    from vpdischarge.gui.qt_i18n import apply_ui_language
    from vpdischarge.gui.site_loading import load_site_or_default
    from vpdischarge.gui.window import MainWindow
    from vpdischarge.i18n import system_language

    preferences = preferences or Preferences.load()
    apply_ui_language(QApplication.instance(), preferences.ui_language or system_language())
    return MainWindow(load_site_or_default(preferences.site_path), preferences, **options)


def main() -> int:
    from PySide6.QtWidgets import QMessageBox

    from vpdischarge.gui.errors import install_excepthook, report_unexpected
    from vpdischarge.gui.language_switch import keep_window

    app = create_application()
    install_excepthook()
    try:
        window = build_window()
    except Exception as exc:  # never a traceback in front of the nurse
        QMessageBox.critical(None, "vpdischarge", report_unexpected(exc))
        return 1
    window.show()
    keep_window(window)
    del window  # owned by keep_window's list from here, so a language switch can free it
    return app.exec()
