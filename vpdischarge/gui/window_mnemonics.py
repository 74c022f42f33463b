"""Which controls of the main window carry an Alt+letter, in which order they are served.

The menu bar is served first (Alt+F opens File in every program), then the form's labels in
reading order (they keep their translators' letters wherever they can), the warnings tick box,
Print and Save PDF, and the form's own buttons, the ones with Ctrl shortcuts of their own last.
`vpdischarge.gui.mnemonics` picks the letters; this module only knows the window. It runs each
time a window is built, so in every interface language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

from vpdischarge.gui.mnemonics import Holder, assign, key_of

if TYPE_CHECKING:
    from vpdischarge.gui.window import MainWindow


def _action_holder(action: QAction) -> Holder:
    return Holder(action.text(), action.setText, action.text())


def _button_holder(button: QAbstractButton, optional: bool = False) -> Holder:
    return Holder(button.text(), button.setText, button.text(), optional)


def _tool_button_holder(action: QAction) -> Holder:
    # A tool button shows its action's icon text; an icon text of our own keeps its "&", so the
    # button gets an Alt+letter while the menu entry keeps the action's text and letter.
    text = action.text().rstrip("…").rstrip(".")
    return Holder(text, action.setIconText, text)


def _label_holders(window: MainWindow) -> list[Holder]:
    holders = []
    for section in window.form.sections:
        for label in section.findChildren(QLabel):
            if label.buddy() is not None and key_of(label.text()):
                holders.append(Holder(label.text(), label.setText, label.text()))
    return holders


def assign_window_mnemonics(window: MainWindow) -> dict[str, str]:
    """Give every control of `window` an Alt+letter of its own; returns {key: control}."""
    menubar = window.menuBar()
    reserved = [_action_holder(a) for a in menubar.actions()]
    form = window.form
    medicines, limits = form.medicines, form.limits
    holders = [
        # The form's fields keep the letters their translators gave them, wherever they can.
        *_label_holders(window),
        _button_holder(window.banner.confirm),
        # Print and Save PDF have Ctrl+P and Ctrl+Shift+E as well.
        _tool_button_holder(window.actions.print),
        _tool_button_holder(window.actions.save_pdf),
        _button_holder(medicines.add_button),
        Holder(limits.toggle.text(), lambda text: limits.set_toggle_key(key_of(text)), "limits toggle"),
        # These have Ctrl+Shift shortcuts (Edit menu) or sit in the closed limits: served last,
        # and without an Alt+letter when none of their own letters is free.
        _button_holder(limits.reset_button, optional=True),
        _button_holder(medicines.remove_button, optional=True),
        _button_holder(medicines.up_button, optional=True),
        _button_holder(medicines.down_button, optional=True),
    ]
    taken = assign(reserved, holders)
    # Inside an open menu only its own entries compete.
    for menu_action in menubar.actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            assign([], [_action_holder(a) for a in menu.actions() if a.text()])
    return taken
