"""The window under a machine policy: the file IT set is used, a locked one cannot be changed in
Settings (the dialog says why), and an unlocked one is only where each user starts."""

from gui_helpers import make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtCore import Qt

from vpdischarge.gui.app import build_window
from vpdischarge.gui.settings import Preferences
from vpdischarge.gui.settings_dialog import SettingsDialog
from vpdischarge.gui.site_loading import load_window_site


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def hospital_files(tmp_path, monkeypatch, locked):
    ward = write(tmp_path / "share" / "ward.toml", '[hospital]\nname = "Ward Policy Hospital"\n')
    own = write(tmp_path / "home" / "own.toml", '[hospital]\nname = "Own Choice Clinic"\n')
    policy = write(
        tmp_path / "xdg" / "vpdischarge" / "config.toml",
        f'[site]\npath = "{ward}"\nlocked = {"true" if locked else "false"}\n',
    )
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    return ward, own, policy


def test_the_window_opens_with_the_locked_file_whatever_else_is_set(qtbot, no_dialogs, tmp_path, monkeypatch):
    ward, own, _policy = hospital_files(tmp_path, monkeypatch, locked=True)
    monkeypatch.setenv("VPDISCHARGE_SITE", str(own))
    window = build_window(Preferences(site_path=str(own)))
    qtbot.addWidget(window)
    assert window.site.path == ward and window.site.settings.hospital_name == "Ward Policy Hospital"
    window.renderer.stop()


def test_a_locked_policy_cannot_be_changed_in_settings(qtbot, no_dialogs, tmp_path, monkeypatch):
    ward, own, policy = hospital_files(tmp_path, monkeypatch, locked=True)
    dialog = SettingsDialog(Preferences(site_path=str(own)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.site_path.text() == str(ward) and dialog.site_path.isReadOnly()
    assert dialog.site_lock.isVisible() and str(policy) in dialog.site_lock.text()
    assert "cannot be changed here" in dialog.site_lock.text()
    assert "Ward Policy Hospital" in dialog.site_status.text()
    assert len(_site_buttons(dialog)) == 2 and not any(b.isEnabled() for b in _site_buttons(dialog))
    # Typing changes nothing, and the user's own choice is kept for when the lock goes.
    dialog.site_path.setFocus()
    qtbot.keyClick(dialog.site_path, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.site_path, "x")
    assert dialog.site_path.text() == str(ward)
    assert dialog.preferences().site_path == str(own)


def _site_buttons(dialog):
    from PySide6.QtWidgets import QPushButton

    row = dialog.site_path.parentWidget()
    return row.findChildren(QPushButton)


def test_an_unlocked_policy_is_where_the_user_starts(qtbot, no_dialogs, tmp_path, monkeypatch):
    ward, own, _policy = hospital_files(tmp_path, monkeypatch, locked=False)
    assert load_window_site("").path == ward
    assert load_window_site(str(own)).settings.hospital_name == "Own Choice Clinic"
    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.site_path.isReadOnly() and not dialog.site_lock.isVisible()
    assert str(ward) in dialog.site_path.placeholderText()
    assert "Ward Policy Hospital" in dialog.site_status.text()  # the empty field means the policy
    assert [b.text() for b in _site_buttons(dialog)][-1] == "Use this &computer's settings"
    dialog.site_path.setFocus()
    qtbot.keyClicks(dialog.site_path, str(own))
    assert "Own Choice Clinic" in dialog.site_status.text()
    assert dialog.preferences().site_path == str(own)


def test_the_environment_variable_shows_as_fixed_in_settings(qtbot, no_dialogs, tmp_path, monkeypatch):
    own = write(tmp_path / "own.toml", '[hospital]\nname = "Own Choice Clinic"\n')
    chosen = write(tmp_path / "env.toml", '[hospital]\nname = "Environment Clinic"\n')
    monkeypatch.setenv("VPDISCHARGE_SITE", str(chosen))
    dialog = SettingsDialog(Preferences(site_path=str(own)))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.site_path.isReadOnly() and dialog.site_path.text() == str(chosen)
    assert "VPDISCHARGE_SITE" in dialog.site_lock.text()
    assert "Environment Clinic" in dialog.site_status.text()
    assert dialog.preferences().site_path == str(own)


def test_a_broken_policy_falls_back_to_the_example_with_a_warning(make_window, tmp_path, monkeypatch):
    write(tmp_path / "xdg" / "vpdischarge" / "config.toml", "[site]\nlockd = true\n")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    loaded = load_window_site("")
    assert loaded.path is None and loaded.settings.sample
    window = make_window(site=loaded)
    banner = window.banner.list.text()
    assert "The site policy in" in banner and "unknown setting site.lockd" in banner
