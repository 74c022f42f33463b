"""The window's preferences, kept with QSettings.

Only preferences live here (site settings file, default handout language, interface language,
text size, window geometry): never patient data, so nothing about a patient outlives the case file the
nurse chose to save. The INI format is used on every platform, in the platform's settings
folder (vpdischarge/paths.py), so tests can redirect it to a temporary folder with
`use_settings_folder`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from vpdischarge.paths import settings_dir

ORGANIZATION = "vpdischarge"
APPLICATION = "vpdischarge"
_folder: Path | None = None


def use_settings_folder(folder: Path) -> None:
    """Keep the settings file under `folder` (tests, the benchmark) instead of the home folder."""
    global _folder
    _folder = folder
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def settings_file() -> Path:
    # Qt's own user-scope INI file would be ~/.config/… on macOS too; platformdirs knows better.
    folder = _folder / ORGANIZATION if _folder is not None else settings_dir()
    return folder / f"{APPLICATION}.ini"


def open_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


@dataclass
class Preferences:
    # "" means the bundled default site settings.
    site_path: str = ""
    handout_language: str = "en"
    # "" means follow the desktop's language.
    ui_language: str = ""
    # A name from `vpdischarge.gui.readable.TEXT_SIZES`.
    text_size: str = "normal"

    @classmethod
    def load(cls, settings: QSettings | None = None) -> Preferences:
        settings = settings or open_settings()

        def text(key: str, default: str) -> str:
            value = settings.value(key, default)
            return value if isinstance(value, str) else default

        return cls(
            site_path=text("site/path", ""),
            handout_language=text("handout/default_language", "en"),
            ui_language=text("ui/language", ""),
            text_size=text("ui/text_size", "normal"),
        )

    def save(self, settings: QSettings | None = None) -> None:
        settings = settings or open_settings()
        settings.setValue("site/path", self.site_path)
        settings.setValue("handout/default_language", self.handout_language)
        settings.setValue("ui/language", self.ui_language)
        settings.setValue("ui/text_size", self.text_size)
        settings.sync()
