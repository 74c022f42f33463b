"""The window opens (a placeholder until the desktop issue lands)."""

from vpdischarge.gui.app import build_window


def test_window_shows_and_points_to_the_command_line(qtbot):
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "vpdischarge"
    assert "vpdischarge render" in window.centralWidget().text()
