"""Machine policy on macOS: a property list in the machine's preference folders."""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path

from vpdischarge.domain.site_choice import SitePolicy
from vpdischarge.i18n import _
from vpdischarge.machine_policy.values import broken, site_policy, unknown_keys

# A profile installed by device management lands in Managed Preferences and wins over a file an
# administrator wrote with `defaults write /Library/Preferences/vpdischarge …`.
MACHINE_FILES = (
    Path("/Library/Managed Preferences/vpdischarge.plist"),
    Path("/Library/Preferences/vpdischarge.plist"),
)
MAX_POLICY_BYTES = 64_000


def read_plist_policy(candidates: Sequence[Path]) -> SitePolicy | None:
    for path in candidates:
        if path.exists():
            return _read(path)
    return None


def _read(path: Path) -> SitePolicy:
    where = str(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_POLICY_BYTES + 1)
    except OSError as exc:
        return broken(where, _("it cannot be read: {reason}").format(reason=exc.strerror))
    if len(raw) > MAX_POLICY_BYTES:
        return broken(where, _("it is too large to be a policy"))
    try:
        data = plistlib.loads(raw)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as exc:
        return broken(where, _("it is not a property list: {reason}").format(reason=exc))
    if not isinstance(data, dict):
        return broken(where, _("it must hold a dictionary"))
    site = data.get("site")
    if site is not None and not isinstance(site, dict):
        return broken(where, _("site must be a dictionary holding path and locked"))
    keys = [key for key in data if key != "site"] + [f"site.{key}" for key in site or {}]
    refused = unknown_keys(where, keys)
    if refused is not None:
        return refused
    site = site or {}
    return site_policy(where, site.get("path"), site.get("locked"), loose=True)
