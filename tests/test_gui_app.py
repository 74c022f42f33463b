"""Starting the window, its commands, and what the nurse sees when something breaks."""

import sys

from gui_helpers import make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtGui import QKeySequence

from vpdischarge.crash import reports_dir
from vpdischarge.gui.app import build_window
from vpdischarge.gui.errors import report_unexpected
from vpdischarge.gui.menus import shortcut_table
from vpdischarge.gui.settings import Preferences


def test_the_app_builds_its_window(qtbot, no_dialogs):
    window = build_window(Preferences(ui_language="en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "New case[*] — vpdischarge"
    assert not window.actions.print.isEnabled()  # an empty case cannot print
    qtbot.waitUntil(lambda: "Patient name" in window.gate_label.text(), timeout=10_000)
    window.close()
    window.renderer.stop()


def test_every_command_has_a_menu_entry_and_a_shortcut(make_window):
    window = make_window()
    table = dict(shortcut_table(window.menuBar()))
    native = QKeySequence.SequenceFormat.NativeText
    for action, keys in (
        (window.actions.print, "Ctrl+P"),
        (window.actions.save, "Ctrl+S"),
        (window.actions.open, "Ctrl+O"),
        (window.actions.new, "Ctrl+N"),
    ):
        assert action.shortcut().toString(native) == keys
        assert table[action.text().replace("&", "").rstrip("…")] == keys
    menu_actions = [a for m in window.menuBar().actions() for a in m.menu().actions() if not a.isSeparator()]
    # A submenu (View > Text size) is a choice of settings, not a command.
    without = [a.text() for a in menu_actions if a.shortcut().isEmpty() and a.menu() is None]
    assert without == ["&About vpdischarge"]


def test_next_problem_moves_focus_to_the_field(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    window.form.handout.interpreter.setFocus()
    window.actions.next_problem.trigger()
    qtbot.waitUntil(lambda: window.form.patient.name.hasFocus(), timeout=2000)


def test_an_unexpected_error_is_a_plain_message_without_patient_data(capsys):
    try:
        {}["Zoë Testpatient"]
    except KeyError as exc:
        message = report_unexpected(exc)
    assert "KeyError" in message and "Zoë" not in message
    logged = capsys.readouterr().err
    assert "KeyError" in logged and "Zoë" not in logged and "Traceback" not in logged
    reports = list(reports_dir().glob("crash-*.txt"))
    assert reports and all("Zoë" not in r.read_text() for r in reports)


def test_main_shows_a_message_instead_of_a_traceback(monkeypatch, no_dialogs, qapp):
    from vpdischarge.gui import app

    def broken(*args, **kwargs):
        raise RuntimeError("Zoë Testpatient")

    monkeypatch.setattr(app, "build_window", broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own hook
    assert app.main() == 1
    assert "RuntimeError" in no_dialogs.texts("critical")
    assert "Zoë" not in no_dialogs.texts("critical")
