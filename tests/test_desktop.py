"""Desktop integration (vpdischarge/desktop.py, `vpdischarge install-desktop`): the menu entry,
the icon, the case file type, and the window's own icon."""

import configparser
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TYPICAL_CASE

from vpdischarge import desktop
from vpdischarge.domain.case_file import case_from_dict, case_to_json

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_install_puts_the_entry_the_case_type_and_every_icon_size_in_the_data_folder(tmp_path):
    launcher = ["/opt/vpdischarge/bin/vpdischarge-gui"]
    done = desktop.install(tmp_path, launcher)
    entry = read_entry(tmp_path / "applications" / "vpdischarge.desktop")
    assert entry["Exec"] == "/opt/vpdischarge/bin/vpdischarge-gui %f"
    assert entry["Icon"] == "vpdischarge" and entry["Type"] == "Application"
    assert entry["MimeType"] == "application/x-vpdischarge-case;"
    mime = (tmp_path / "mime" / "packages" / "vpdischarge.xml").read_text(encoding="utf-8")
    assert (
        'type="application/x-vpdischarge-case"' in mime and '<sub-class-of type="application/json"/>' in mime
    )
    for size in SIZES:
        assert (tmp_path / f"icons/hicolor/{size}x{size}/apps/vpdischarge.png").stat().st_size > 0
    assert (tmp_path / "icons/hicolor/scalable/apps/vpdischarge.svg").is_file()
    assert len(done.files) == 2 + len(SIZES) + 1
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(done.files[0])], capture_output=True, text=True)
        assert check.returncode == 0 and "error" not in check.stdout, check.stdout


def test_remove_takes_away_what_install_put_there_and_nothing_else(tmp_path):
    other = tmp_path / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    installed = desktop.install(tmp_path, ["vpdischarge-gui"]).files
    removed = desktop.remove(tmp_path).files
    assert sorted(removed) == sorted(installed)
    assert not any(p.exists() for p in installed)
    assert other.is_file()


def test_the_exec_line_quotes_a_launcher_path_as_the_desktop_spec_says():
    # A space needs quotes; "$" is escaped inside them; "%" is doubled; and the key file writes
    # each backslash twice.
    assert desktop.exec_line(["/opt/my apps/$HOME/100%/vpdischarge-gui"]) == (
        '"/opt/my apps/\\\\$HOME/100%%/vpdischarge-gui" %f'
    )
    assert (
        desktop.exec_line(["/usr/bin/python3", "-m", "vpdischarge"]) == "/usr/bin/python3 -m vpdischarge %f"
    )


def test_the_launcher_is_this_installation_s_own():
    launcher = desktop.gui_launcher()
    assert Path(launcher[0]).is_absolute() and Path(launcher[0]).is_file()
    assert launcher[1:] in ([], ["-m", "vpdischarge"])


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("gio", "update-mime-database", "update-desktop-database")),
    # GLib 2.74 (Debian 12) finds the application for a type only in the mimeinfo.cache that
    # update-desktop-database writes; without it install says so (Installed.missing).
    reason="GLib's gio, shared-mime-info and desktop-file-utils",
)
def test_a_desktop_recognises_a_written_case_file_by_its_content(tmp_path):
    """What GNOME's file manager asks (GIO): a case file the app wrote is a vpdischarge case,
    opened by vpdischarge; another JSON file stays application/json."""
    data = tmp_path / "data"
    desktop.install(data, [sys.executable, "-m", "vpdischarge"])  # GIO skips a missing program
    case, issues = case_from_dict(json.loads(json.dumps(TYPICAL_CASE)))
    assert not issues
    (tmp_path / "bed-4.json").write_text(case_to_json(case), encoding="utf-8")
    (tmp_path / "other.json").write_text('{"schema": 1, "name": "x"}', encoding="utf-8")
    env = {"XDG_DATA_HOME": str(data), "XDG_DATA_DIRS": "/usr/share", "PATH": "/usr/bin:/bin", "LC_ALL": "C"}

    def content_type(name: str) -> str:
        info = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(tmp_path / name)],
            capture_output=True, text=True, env=env, check=True,
        )  # fmt: skip
        return info.stdout.strip().rsplit(" ", 1)[-1]

    assert content_type("bed-4.json") == desktop.CASE_MIME_TYPE
    assert content_type("other.json") == "application/json"
    handler = subprocess.run(["gio", "mime", desktop.CASE_MIME_TYPE], capture_output=True, text=True, env=env)
    default = handler.stdout.splitlines()[0]
    assert default.startswith("Default application for") and default.endswith(": vpdischarge.desktop")


def test_install_desktop_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "install-desktop", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"installed 11 files in {tmp_path}"
    assert read_entry(tmp_path / "applications" / "vpdischarge.desktop")["Exec"].endswith(" %f")


def test_the_window_shows_the_app_icon(qapp):
    from PySide6.QtCore import QSize

    from vpdischarge.gui.app import create_application

    app = create_application()
    sizes = app.windowIcon().availableSizes()
    assert {QSize(n, n) for n in SIZES} <= set(sizes)
    assert app.desktopFileName() == "vpdischarge"
    # The 16-pixel icon is the drawing, not a blank: the page is white on the blue square.
    image = app.windowIcon().pixmap(QSize(16, 16)).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(16) for y in range(16)}
    assert "#ffffff" in colours and len(colours) > 4
