"""The site file IT set for every user of a machine, read from where each platform keeps machine
policy (docs/site-settings.md, "Set by IT for the whole machine"):

- Linux and other Unix: `vpdischarge/config.toml` in the first folder of `$XDG_CONFIG_DIRS`
  that has one (`/etc/xdg` when the variable is unset), `[site] path = "…"`, `locked = true`;
- Windows: the same keys under `HKEY_LOCAL_MACHINE\\Software\\Policies\\vpdischarge`
  (the key `site`, values `path` and `locked`), read with Qt's QSettings;
- macOS: `vpdischarge.plist` in `/Library/Managed Preferences` (a profile installed by device
  management) or else `/Library/Preferences`, a dictionary `site` with `path` and `locked`.

Each reader returns a `SitePolicy` (vpdischarge.domain.site_choice), or None when the machine
has no policy; which file then wins is decided by `choose_site`, not here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from vpdischarge.domain.site_choice import SitePolicy

# The small interface the CLI and the window are given, so tests can hand in a policy of their own.
PolicyReader = Callable[[], "SitePolicy | None"]


def read_machine_policy(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> SitePolicy | None:
    """This machine's site policy, by the rules of `platform` (default: this one)."""
    platform = platform or sys.platform
    if platform == "win32":
        from vpdischarge.machine_policy.windows import read_registry_policy

        return read_registry_policy()
    if platform == "darwin":
        from vpdischarge.machine_policy.macos import MACHINE_FILES, read_plist_policy

        return read_plist_policy(MACHINE_FILES)
    from vpdischarge.machine_policy.xdg import policy_files, read_toml_policy

    return read_toml_policy(policy_files(os.environ if environ is None else environ))
