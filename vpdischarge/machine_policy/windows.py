"""Machine policy on Windows: the registry key Group Policy writes to, read with Qt's QSettings.

QtCore is imported only when the registry is really read (on Windows), so this module can be
imported, and `policy_from_settings` tested, anywhere: on Linux with an INI-format QSettings that
holds the same keys.
"""

from __future__ import annotations

from typing import Any

from vpdischarge.domain.site_choice import SitePolicy
from vpdischarge.i18n import _
from vpdischarge.machine_policy.values import broken, site_policy, unknown_keys

POLICY_KEY = r"HKEY_LOCAL_MACHINE\Software\Policies\vpdischarge"


def read_registry_policy() -> SitePolicy | None:
    from PySide6.QtCore import QSettings

    return policy_from_settings(QSettings(POLICY_KEY, QSettings.Format.NativeFormat), POLICY_KEY)


def policy_from_settings(settings: Any, where: str) -> SitePolicy | None:
    """The policy held by `settings` (a QSettings: the registry key, or an INI file in tests),
    or None when it holds nothing. The key `site` holds the values `path` (text) and `locked`
    (a DWORD 1 or 0, or the text true or false)."""
    if settings.status() != settings.Status.NoError:
        return broken(where, _("it cannot be read"))
    # The registry is case-insensitive, and so are these names; QSettings keeps the case typed.
    keys = {key.lower(): key for key in settings.allKeys()}
    if not keys:
        return None
    refused = unknown_keys(where, [key.replace("/", ".") for key in keys])
    if refused is not None:
        return refused

    def value(name: str) -> object:
        return settings.value(keys[name]) if name in keys else None

    return site_policy(where, value("site/path"), value("site/locked"), loose=True)
