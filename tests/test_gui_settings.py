"""Preferences in QSettings (never patient data), the site settings file with a safe fallback,
and the settings dialog."""

from gui_helpers import PATIENT, fill_typical, make_window_fixture, no_dialogs_fixture  # noqa: F401

from vpdischarge.gui.settings import Preferences, open_settings
from vpdischarge.gui.settings_dialog import SettingsDialog
from vpdischarge.gui.site_loading import load_site_or_default


def test_preferences_round_trip_in_the_test_folder(no_dialogs, tmp_path):
    Preferences(site_path="/srv/site.toml", handout_language="es", ui_language="es").save()
    assert Preferences.load() == Preferences("/srv/site.toml", "es", "es")
    assert open_settings().fileName().startswith(str(tmp_path))


def test_no_patient_data_is_kept_in_settings(make_window, tmp_path):
    window = make_window()
    fill_typical(window)
    window.files.is_modified = lambda: False
    window.close()
    stored = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (tmp_path / "settings").rglob("*")
        if p.is_file()
    )
    assert "geometry" in stored  # the file was written ...
    assert "Testpatient" not in stored and "TEST-0001" not in stored  # ... with no patient in it


def test_a_broken_site_file_falls_back_to_the_default_and_says_so(tmp_path):
    broken = tmp_path / "site.toml"
    broken.write_text('[hospital]\nname = "Example Clinic"\nfax = "none"\n', encoding="utf-8")
    loaded = load_site_or_default(str(broken))
    assert loaded.path is None
    assert loaded.settings.hospital_name == "Example General Hospital"
    assert "unknown setting" in loaded.problem and "line 3" in loaded.problem


def test_a_good_site_file_is_used(tmp_path):
    good = tmp_path / "site.toml"
    good.write_text('[hospital]\nname = "Example Spine Centre"\nemergency_number = "112"\n', encoding="utf-8")
    loaded = load_site_or_default(str(good))
    assert loaded.problem is None and loaded.settings.emergency_number == "112"


def test_the_fallback_is_a_warning_the_nurse_must_confirm(make_window, qtbot, tmp_path):
    missing = tmp_path / "share" / "site.toml"
    window = make_window(site=load_site_or_default(str(missing)))
    fill_typical(window)
    assert "Site settings: The site settings file could not be used" in window.banner.list.text()
    qtbot.waitUntil(lambda: window.preview.is_current, timeout=10_000)
    assert not window.actions.print.isEnabled()
    window.banner.confirm.setChecked(True)
    assert window.actions.print.isEnabled()


def test_settings_dialog_checks_the_site_file_and_returns_preferences(qtbot, no_dialogs, tmp_path):
    dialog = SettingsDialog(Preferences(handout_language="es"))
    qtbot.addWidget(dialog)
    assert dialog.handout_language.currentData() == "es"
    assert "Example General Hospital" in dialog.site_status.text()
    dialog.site_path.setText(str(tmp_path / "nowhere.toml"))
    assert dialog.site_status.text().startswith("✖")
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("es"))
    assert dialog.preferences() == Preferences(str(tmp_path / "nowhere.toml"), "es", "es")


def test_changing_the_site_in_settings_updates_the_limits(make_window, monkeypatch, tmp_path):
    site = tmp_path / "site.toml"
    site.write_text("[clinical]\nlift_limit_lb = 15\nlift_limit_2_lb = 25\n", encoding="utf-8")
    window = make_window()
    fill_typical(window)
    window.form.limits.boxes["drive_days"].setValue(5)  # this patient's own change
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    monkeypatch.setattr(SettingsDialog, "preferences", lambda self: Preferences(str(site), "en", ""))
    window.open_settings()
    assert window.form.limits.boxes["lift_limit_lb"].value() == 15
    assert window.form.case().restrictions == {"drive_days": 5}
    assert window.form.patient.name.text() == PATIENT
    assert Preferences.load().site_path == str(site)
