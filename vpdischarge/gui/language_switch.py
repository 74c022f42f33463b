"""Changing the interface language while a case is open.

Every label, menu, tooltip and accessible name is set when a widget is built, so rather than
re-setting hundreds of texts one by one (and missing some), the window is built again in the new
language and takes over from the old one: the same case in the form, the same case file and
unsaved state, the same size and place on the screen. The nurse loses nothing she typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from vpdischarge.gui.qt_app import application
from vpdischarge.gui.qt_i18n import apply_ui_language
from vpdischarge.i18n import system_language

if TYPE_CHECKING:
    from vpdischarge.gui.window import MainWindow

# The main windows' one reference each (PySide deletes a top-level widget when Python lets go of
# it). A replaced window is dropped on the next turn of the event loop, not inside its own menu
# action's signal, so Qt never deletes an object that is still delivering a signal.
_open_windows: list[MainWindow] = []


def keep_window(window: MainWindow) -> None:
    """Own `window` here, so a language switch can let it go."""
    _open_windows.append(window)


def _let_go(window: MainWindow) -> None:
    if window in _open_windows:
        _open_windows.remove(window)


def _warnings(window: MainWindow) -> list[tuple[str, str]]:
    # By field and kind, not by message: the messages are now in another language.
    return [(i.field, i.severity) for i in window.issues if i.severity == "warning"]


def keep_confirmation(old: MainWindow, new: MainWindow) -> None:
    """The nurse's "I have checked these warnings" tick survives the switch when the new window
    shows the same warnings (the same case, site and day), and only then."""
    if old.banner.confirmed and _warnings(old) and _warnings(old) == _warnings(new):
        new.banner.confirm.setChecked(True)


def switch_interface_language(window: MainWindow, code: str) -> MainWindow:
    """Show `window`'s case in a new window speaking `code` ("" follows the desktop) and retire
    `window`. Returns the new window."""
    from vpdischarge.gui.window import MainWindow

    apply_ui_language(application(), code or system_language())
    replacement = MainWindow(window.site, window.preferences, **window.rebuild_options())
    replacement.take_over_from(window)
    keep_confirmation(window, replacement)
    replacement.show()
    window.retire()  # an open teach-back step is answered "not assessed" and recorded
    replacement.adopt_records(window)
    keep_window(replacement)
    QTimer.singleShot(0, lambda: _let_go(window))
    return replacement
