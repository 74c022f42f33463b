"""Where the bundled resources and translation catalogs are.

An installed package carries them in ``vpdischarge/_data`` (copied there by the build, with
the catalogs compiled). A source checkout uses the top-level ``resources/`` and
``translations/`` folders directly. Nothing is ever looked up relative to the current folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _roots() -> tuple[Path, Path]:
    packaged = _PACKAGE / "_data"
    if (packaged / "resources").is_dir():
        return packaged / "resources", packaged / "translations"
    checkout = _PACKAGE.parent
    return checkout / "resources", checkout / "translations"


def resources_dir() -> Path:
    return _roots()[0]


def translations_dir() -> Path:
    return _roots()[1]


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def icons_dir() -> Path:
    """The app icon in the freedesktop theme layout: hicolor/NxN/apps/vpdischarge.png."""
    return resources_dir() / "icons"


def default_site_path() -> Path:
    return resources_dir() / "site" / "default-site.toml"


def typical_case_path() -> Path:
    """The content brief's typical case (3 medicines, 3 lines of notes; a fictional patient):
    the one case the page limits, the benchmark and the README's first render are about."""
    return resources_dir() / "samples" / "typical-case.json"
