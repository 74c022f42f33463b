"""Before Qt: a machine that cannot show the window gets one line naming what to install (or that
there is no display), never a traceback or Qt's abort. The library lookups are injected; the
README's apt list is the table's."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vpdischarge.gui.preflight import ALWAYS, X11, has_display, missing_packages, needs_x11, problem

REPO = Path(__file__).resolve().parent.parent
X11_DESKTOP = {"DISPLAY": ":0"}


def loader_without(*absent):
    """A stand-in for ctypes.CDLL that cannot load the libraries named."""
    tried = []

    def load(name):
        tried.append(name)
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    load.tried = tried
    return load


def test_each_missing_library_is_named_as_its_debian_package():
    load = loader_without("libfontconfig.so.1", "libxcb-shape.so.0", "libxcb-cursor.so.0")
    assert missing_packages(X11_DESKTOP, load) == ["libfontconfig1", "libxcb-cursor0", "libxcb-shape0"]
    assert load.tried == [*ALWAYS, *X11]


def test_offscreen_needs_no_x11_library():
    load = loader_without("libxcb-cursor.so.0")
    assert missing_packages({"QT_QPA_PLATFORM": "offscreen"}, load) == []
    assert not set(load.tried) & set(X11)


@pytest.mark.parametrize(
    ("environ", "x11"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt picks Wayland first
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb;wayland"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
    ],
)
def test_the_x11_libraries_are_checked_only_when_qt_will_use_x11(environ, x11):
    assert needs_x11(environ) is x11


def test_the_one_line_names_the_packages_to_install():
    line = problem(X11_DESKTOP, "linux", loader_without("libglib-2.0.so.0", "libxcb-shape.so.0"))
    assert line == (
        "The window cannot start: system libraries are missing. Install them with: sudo apt-get "
        "install libglib2.0-0 libxcb-shape0 (Debian and Ubuntu package names)."
    )
    assert problem(X11_DESKTOP, "linux", loader_without()) is None


def test_no_display_is_said_plainly():
    for environ in ({}, {"DISPLAY": "", "WAYLAND_DISPLAY": " "}):
        assert not has_display(environ)
        assert problem(environ, "linux", loader_without()).startswith(
            "There is no display to open the window on"
        )
    assert has_display({"QT_QPA_PLATFORM": "offscreen"})


def test_windows_and_macos_are_not_checked():
    for platform in ("win32", "darwin"):
        assert problem({}, platform, loader_without(*ALWAYS)) is None


def test_the_entry_point_says_one_line_and_never_starts_qt_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    code = (
        "import sys; from vpdischarge.gui.start import main; rc = main([]); "
        "print('PySide6' in sys.modules); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stdout.strip() == "False"  # Qt was never imported, so it could not abort
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: There is no display to open the window on")


def readme_apt_packages() -> set[str]:
    """The packages of the README's `sudo apt-get install python3 …` command (with its
    continuation lines)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sudo apt-get install (python3 (?:[^\n]*\\\n)*[^\n]*)", text)
    assert command, "the README's system packages command is missing"
    return set(command.group(1).replace("\\", " ").split())


def test_the_readme_lists_exactly_the_packages_the_check_knows():
    assert readme_apt_packages() == {"python3", "python3-venv", *ALWAYS.values(), *X11.values()}


def test_a_frozen_build_may_carry_a_library_in_its_own_folder(tmp_path):
    carried = tmp_path / "libxcb-cursor.so.0"
    carried.write_bytes(b"")
    system = loader_without("libxcb-cursor.so.0", "libxcb-shape.so.0")

    def load(name):  # a path in the bundle loads if the file is there
        if os.path.isabs(name):
            if not os.path.exists(name):
                raise OSError(name)
            return object()
        return system(name)

    assert missing_packages(X11_DESKTOP, load, bundle=str(tmp_path)) == ["libxcb-shape0"]
