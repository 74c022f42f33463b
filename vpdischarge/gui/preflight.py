"""Before Qt is imported: can the window start on this machine? If not, say why in one line.

Without a system library Qt needs, importing PySide6 ends in a traceback (`ImportError:
libfontconfig.so.1`), and a missing X11 library or no display at all ends in Qt's abort (exit 134)
with a message blaming `libxcb-cursor0` whatever is really missing. Neither tells a person what
to do. So on Linux the libraries are tried first, by the exact names Qt loads, and what is missing
is named as the Debian package to install; with no display to open a window on, that is said
plainly instead. Windows and macOS wheels bring everything Qt needs, so nothing is checked there.

`LIBRARIES` is the one list of what Qt needs (checked in a `debootstrap --variant=minbase`
Debian 12, the window opened offscreen and under Xvfb with exactly these): the README's apt
list is tested against it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Library file (its soname, as Qt asks the loader for it) -> the Debian 12 package holding it.
# Every window needs the first group; a window on an X11 display also the second (Qt's xcb
# platform plugin). Tests and CI run offscreen and need only the first.
ALWAYS: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
}
X11: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
LIBRARIES: dict[str, dict[str, str]] = {"always": ALWAYS, "x11": X11}

Loader = Callable[[str], object]


def _platform(environ: Mapping[str, str]) -> str:
    """The Qt platform plugin that will be tried first: QT_QPA_PLATFORM's first name
    ("xcb:option;wayland" -> "xcb"), or "" when Qt chooses by itself."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    return chosen.split(";")[0].split(":")[0].strip().lower()


def needs_x11(environ: Mapping[str, str]) -> bool:
    """Whether Qt will open the window on X11: asked for by name, or chosen by Qt on a desktop
    with an X11 display and no Wayland one."""
    platform = _platform(environ)
    if platform:
        return platform == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def has_display(environ: Mapping[str, str]) -> bool:
    """A display to open the window on, or a Qt platform named explicitly (offscreen, vnc…)."""
    return any(environ.get(name, "").strip() for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _loads(library: str, load: Loader, bundle: str | None) -> bool:
    """Whether `library` loads: from the system, or from a frozen build's own folder, where a
    bundle may carry it beside Qt (found there by Qt's relative search path, not by the
    loader's)."""
    for candidate in (library, os.path.join(bundle, library) if bundle else None):
        if candidate is None:
            continue
        try:
            load(candidate)
            return True
        except OSError:
            continue
    return False


def missing_packages(
    environ: Mapping[str, str], load: Loader = ctypes.CDLL, bundle: str | None = None
) -> list[str]:
    """The Debian packages whose libraries `load` cannot load, in the order of the table.
    `bundle`: a frozen build's folder (default: PyInstaller's, when frozen)."""
    if bundle is None and getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
    wanted = dict(ALWAYS)
    if needs_x11(environ):
        wanted.update(X11)
    missing: list[str] = []
    for library, package in wanted.items():
        if not _loads(library, load, bundle) and package not in missing:
            missing.append(package)
    return missing


def problem(
    environ: Mapping[str, str], platform: str = sys.platform, load: Loader = ctypes.CDLL
) -> str | None:
    """The one line to say instead of starting Qt, or None when the window can start."""
    if not platform.startswith("linux"):
        return None
    from vpdischarge.i18n import _, set_ui_language, system_language

    set_ui_language(system_language())
    if not has_display(environ):
        return _(
            "There is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set). Start vpdischarge-gui on the desktop, or print from the command line with "
            "vpdischarge render."
        )
    missing = missing_packages(environ, load)
    if missing:
        return _(
            "The window cannot start: system libraries are missing. Install them with: "
            "sudo apt-get install {packages} (Debian and Ubuntu package names)."
        ).format(packages=" ".join(missing))
    return None
