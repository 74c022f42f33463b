"""Every command of the window as a QAction with a shortcut and a menu entry.

Buttons in the form and the preview reuse these actions, so a command has one name, one
shortcut and one enabled state wherever it appears.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from vpdischarge.gui.form.problems import plain
from vpdischarge.gui.preview.pane import PreviewPane
from vpdischarge.gui.readable import TEXT_SIZES
from vpdischarge.i18n import _

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    new: QAction
    open: QAction
    import_ehr: QAction
    save: QAction
    save_as: QAction
    save_pdf: QAction
    print: QAction
    settings: QAction
    quit: QAction
    next_problem: QAction
    add_medicine: QAction
    remove_medicine: QAction
    medicine_up: QAction
    medicine_down: QAction
    limits: QAction
    shortcuts: QAction
    about: QAction


def _action(window: QMainWindow, text: str, shortcut, handler: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: handler())
    window.addAction(action)  # shortcuts work wherever the focus is in the window
    return action


def build_actions(window, limits_toggle: Callable[[], object]) -> Actions:
    """`window` is the MainWindow; its methods are the handlers."""
    med = window.form.medicines
    return Actions(
        new=_action(window, _("&New case"), Key.New, window.new_case),
        open=_action(window, _("&Open case…"), Key.Open, window.open_case),
        import_ehr=_action(window, _("&Import from EHR…"), "Ctrl+I", window.import_from_ehr),
        save=_action(window, _("&Save case"), Key.Save, window.save_case),
        save_as=_action(window, _("Save case &as…"), "Ctrl+Shift+S", window.save_case_as),
        save_pdf=_action(window, _("Save handout as P&DF…"), "Ctrl+Shift+E", window.save_pdf),
        print=_action(window, _("&Print handout…"), Key.Print, window.print_handout),
        settings=_action(window, _("Se&ttings…"), "Ctrl+,", window.open_settings),
        quit=_action(window, _("&Quit"), "Ctrl+Q", window.close),
        next_problem=_action(window, _("Go to the next &problem"), "F8", window.next_problem),
        add_medicine=_action(window, _("&Add medicine"), "Ctrl+Shift+A", med.add_row),
        remove_medicine=_action(window, _("&Remove medicine"), "Ctrl+Shift+Del", med.remove_row),
        medicine_up=_action(window, _("Move medicine &up"), "Ctrl+Shift+Up", lambda: med.move_row(-1)),
        medicine_down=_action(window, _("Move medicine &down"), "Ctrl+Shift+Down", lambda: med.move_row(+1)),
        limits=_action(window, _("Show or hide the clinical &limits"), "Ctrl+L", limits_toggle),
        shortcuts=_action(window, _("&Keyboard shortcuts"), Key.HelpContents, window.show_shortcuts),
        about=_action(window, _("&About vpdischarge"), None, window.show_about),
    )


def set_preview_shortcuts(pane: PreviewPane) -> None:
    pane.previous_action.setShortcut(QKeySequence("Ctrl+PgUp"))
    pane.next_action.setShortcut(QKeySequence("Ctrl+PgDown"))
    pane.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    pane.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
    pane.fit_width_action.setShortcut(QKeySequence("Ctrl+0"))
    pane.fit_page_action.setShortcut(QKeySequence("Ctrl+9"))


def build_menus(menubar: QMenuBar, actions: Actions, pane: PreviewPane) -> None:
    file_menu = menubar.addMenu(_("&File"))
    for action in (actions.new, actions.open, actions.import_ehr, actions.save, actions.save_as):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.save_pdf)
    file_menu.addAction(actions.print)
    file_menu.addSeparator()
    file_menu.addAction(actions.settings)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = menubar.addMenu(_("&Edit"))
    edit_menu.addAction(actions.next_problem)
    edit_menu.addSeparator()
    for action in (actions.add_medicine, actions.remove_medicine, actions.medicine_up, actions.medicine_down):
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.limits)

    view_menu = menubar.addMenu(_("&View"))
    for action in (pane.previous_action, pane.next_action):
        view_menu.addAction(action)
    view_menu.addSeparator()
    for action in (pane.zoom_in_action, pane.zoom_out_action, pane.fit_width_action, pane.fit_page_action):
        view_menu.addAction(action)

    help_menu = menubar.addMenu(_("&Help"))
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)


def build_text_size_menu(
    menubar: QMenuBar, window: QMainWindow, current: str, choose: Callable[[str], object]
) -> QMenu:
    """View ▸ Text size: Normal, Large, Larger (one ticked), remembered in the preferences."""
    view = _("&View")
    view_menu = next(m for a in menubar.actions() if isinstance(m := a.menu(), QMenu) and a.text() == view)
    view_menu.addSeparator()
    sizes = view_menu.addMenu(_("&Text size"))
    group = QActionGroup(window)
    group.setExclusive(True)
    for name, (text, _points) in TEXT_SIZES.items():
        action = QAction(_(text), group)
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, name=name: choose(name))
        sizes.addAction(action)
    return sizes


def shortcut_table(menubar: QMenuBar) -> list[tuple[str, str]]:
    """(command, shortcut) for every menu entry that has a shortcut, for the help dialog."""
    rows = []
    for menu_action in menubar.actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((plain(action.text()).rstrip("…"), keys))
    return rows
