"""Starting the window: `vpdischarge-gui`, `python main.py`, or `vpdischarge` with no arguments;
each may name a case file to open at start (`vpdischarge-gui CASE.json`)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vpdischarge.gui.settings import APPLICATION, ORGANIZATION, Preferences


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)  # never a QCoreApplication: only this makes one
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("vpdischarge")
    # The desktop entry's name (vpdischarge.desktop): on Wayland the window is matched to its
    # menu entry and icon by it.
    app.setDesktopFileName("vpdischarge")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The app's own icon at every drawn size (resources/icons/hicolor/NxN/apps/)."""
    from vpdischarge.assets import icons_dir

    icon = QIcon()
    for png in sorted(icons_dir().glob("hicolor/*x*/apps/vpdischarge.png")):
        icon.addFile(str(png))
    return icon


def build_window(preferences: Preferences | None = None, **options):
    """The main window with the interface language, site settings and preferences applied.

    Needs a QApplication. `options` go to MainWindow (tests pass a renderer, today, delays)."""
    from vpdischarge.gui.qt_app import application
    from vpdischarge.gui.qt_i18n import apply_ui_language
    from vpdischarge.gui.site_loading import load_window_site
    from vpdischarge.gui.window import MainWindow
    from vpdischarge.i18n import system_language

    preferences = preferences or Preferences.load()
    apply_ui_language(application(), preferences.ui_language or system_language())
    return MainWindow(load_window_site(preferences.site_path), preferences, **options)


def case_to_open(arguments: list[str]) -> Path | None:
    """The case file named on the command line (after Qt took its own options), if any."""
    named = [a for a in arguments if a and not a.startswith("-")]
    return Path(named[0]).expanduser() if named else None


def open_at_start(window, path: Path) -> bool:
    """Open `path` in the new window. A file that cannot be opened is named in a message and
    the form stays empty; one with problems lists them (see CaseFiles.open)."""
    done = window.files.open(path)
    window.refresh()  # the title names the file
    return done


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QMessageBox

    from vpdischarge.gui.errors import install_excepthook, report_unexpected
    from vpdischarge.gui.language_switch import keep_window

    app = create_application(argv)
    case_path = case_to_open(app.arguments()[1:])
    install_excepthook()
    try:
        window = build_window()
    except Exception as exc:  # never a traceback in front of the nurse
        QMessageBox.critical(None, "vpdischarge", report_unexpected(exc))
        return 1
    window.show()
    if case_path is not None:
        open_at_start(window, case_path)
    keep_window(window)
    del window  # owned by keep_window's list from here, so a language switch can free it
    return app.exec()
