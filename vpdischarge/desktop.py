"""Desktop integration on Linux (freedesktop): the menu entry, the icon, and the case file type.

`vpdischarge install-desktop` copies the bundled files (resources/desktop/ and the icon theme
tree resources/icons/hicolor/) into a data folder: the user's own (`$XDG_DATA_HOME`, normally
~/.local/share) or, for every user of the machine, `--data-dir /usr/local/share`. The entry's
Exec line names this installation's own launcher by its full path, so it works from a virtual
environment or the frozen app that is not on PATH. Then the desktop's caches are refreshed with
the standard tools where they are installed. `--remove` takes the same files away again.

No Qt here: the files are plain text and copies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from vpdischarge.assets import resources_dir

APP_ID = "vpdischarge"
CASE_MIME_TYPE = "application/x-vpdischarge-case"


def desktop_source() -> Path:
    return resources_dir() / "desktop" / f"{APP_ID}.desktop"


def mime_source() -> Path:
    return resources_dir() / "desktop" / f"{APP_ID}-mime.xml"


def icon_theme_source() -> Path:
    return resources_dir() / "icons" / "hicolor"


def default_data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def gui_launcher() -> list[str]:
    """How this installation starts the window: the `vpdischarge-gui` beside this program (a
    virtual environment's bin/, or the frozen app's folder), the frozen app itself, or this
    Python with `-m vpdischarge` (which opens the window, and a case file named after it)."""
    program = Path(sys.executable).absolute()  # not resolved: a venv's python is a link out of it
    beside = program.parent / "vpdischarge-gui"
    if beside.is_file():
        return [str(beside)]
    if getattr(sys, "frozen", False):
        return [str(program)]
    return [str(program), "-m", "vpdischarge"]


# Characters that make an Exec argument need quotes (Desktop Entry Specification, "The Exec
# key"), and those that must be escaped with a backslash inside the quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = '"`$\\'


def exec_argument(argument: str) -> str:
    """One Exec argument as the spec wants it written (before the key file's own escaping)."""
    argument = argument.replace("%", "%%")
    if not any(ch in _RESERVED for ch in argument):
        return argument
    return '"' + "".join("\\" + ch if ch in _ESCAPED_IN_QUOTES else ch for ch in argument) + '"'


def exec_line(launcher: list[str]) -> str:
    # A key file value escapes a backslash as \\ (so a backslash escaped for Exec is written \\\\).
    return " ".join(exec_argument(a) for a in launcher).replace("\\", "\\\\") + " %f"


def desktop_entry(launcher: list[str]) -> str:
    """The bundled entry with its Exec line naming `launcher`."""
    lines = desktop_source().read_text(encoding="utf-8").splitlines()
    return (
        "\n".join(f"Exec={exec_line(launcher)}" if line.startswith("Exec=") else line for line in lines)
        + "\n"
    )


@dataclass
class Installed:
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)  # the cache tools that ran
    missing: list[str] = field(default_factory=list)  # the cache tools not installed here


def _targets(data_dir: Path) -> list[tuple[Path, Path]]:
    """(bundled file, where it goes) for every file install puts in `data_dir`."""
    theme = icon_theme_source()
    pairs = [
        (desktop_source(), data_dir / "applications" / f"{APP_ID}.desktop"),
        (mime_source(), data_dir / "mime" / "packages" / f"{APP_ID}.xml"),
    ]
    pairs += [
        (icon, data_dir / "icons" / "hicolor" / icon.relative_to(theme))
        for icon in sorted(theme.rglob("*.*"))
    ]
    return pairs


def install(data_dir: Path, launcher: list[str] | None = None) -> Installed:
    result = Installed()
    entry = desktop_entry(launcher or gui_launcher())
    for source, target in _targets(data_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            target.write_text(entry, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        result.files.append(target)
    _refresh(data_dir, result)
    return result


def remove(data_dir: Path) -> Installed:
    result = Installed()
    for _source, target in _targets(data_dir):
        if target.is_file():
            target.unlink()
            result.files.append(target)
    _refresh(data_dir, result)
    return result


def _refresh(data_dir: Path, result: Installed) -> None:
    """The desktop reads the MIME types and the menu from caches built by these tools. An icon
    cache is only brought up to date where one exists: a new one in a user's folder would hide
    the icons other programs add there later without updating it."""
    commands = [
        ["update-mime-database", str(data_dir / "mime")],
        ["update-desktop-database", "-q", str(data_dir / "applications")],
    ]
    if (data_dir / "icons" / "hicolor" / "icon-theme.cache").is_file():
        commands.append(["gtk-update-icon-cache", "-q", "-f", "-t", str(data_dir / "icons" / "hicolor")])
    for command in commands:
        if shutil.which(command[0]) is None:
            result.missing.append(command[0])
            continue
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result.refreshed.append(command[0])
