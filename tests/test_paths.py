"""vpdischarge's own folders come from platformdirs; on Linux the XDG variables still move them
(the tests isolate themselves that way), and without them they are the XDG defaults."""

import sys

import pytest

from vpdischarge import crash
from vpdischarge.gui import settings

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders")


def test_the_xdg_variables_move_the_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(settings, "_folder", None)  # no test folder: the real place
    assert crash.reports_dir() == tmp_path / "state" / "vpdischarge" / "crash-reports"
    assert settings.settings_file() == tmp_path / "config" / "vpdischarge" / "vpdischarge.ini"
    assert settings.open_settings().fileName() == str(settings.settings_file())


def test_without_them_the_folders_are_the_xdg_defaults_in_home(tmp_path, monkeypatch):
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(settings, "_folder", None)
    assert crash.reports_dir() == tmp_path / ".local" / "state" / "vpdischarge" / "crash-reports"
    assert settings.settings_file() == tmp_path / ".config" / "vpdischarge" / "vpdischarge.ini"


def test_a_crash_report_is_written_in_the_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    try:
        raise ValueError("Maria Testcase secret")
    except ValueError as exc:
        path = crash.write_report(exc)
    assert path.parent == tmp_path / "state" / "vpdischarge" / "crash-reports"
    assert "ValueError" in path.read_text(encoding="utf-8")
    assert "secret" not in path.read_text(encoding="utf-8")
