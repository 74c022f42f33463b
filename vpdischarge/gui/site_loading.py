"""Loading the hospital's site settings for the window, with a safe fallback.

A site file on a network share can be missing or broken on a given morning. The window must
still open, so it falls back to the bundled default, but it says so in a warning the nurse has
to confirm before printing: the default's phone numbers are placeholders. The bundled default
chosen on purpose (no file set) is still the example: the banner says so too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.site import SiteSettings, load_site
from vpdischarge.domain.site_choice import SiteChoice, choose_site
from vpdischarge.i18n import _
from vpdischarge.machine_policy import PolicyReader, read_machine_policy


@dataclass(frozen=True)
class LoadedSite:
    settings: SiteSettings
    # The file in use; None for the bundled default.
    path: Path | None = None
    # Why the chosen file is not in use (shown to the nurse), or None.
    problem: str | None = None

    def warnings(self) -> list[Issue]:
        """What the banner must say about the settings in use: why the chosen file is not in use
        (which names the example settings), or that the example settings are in use."""
        if self.problem:
            return [Issue("site", self.problem, "warning")]
        from vpdischarge.pipeline import sample_site_issues  # the engine, loaded by then

        return sample_site_issues(self.settings)


def load_site_or_default(path_text: str) -> LoadedSite:
    """The site settings at `path_text`, or the bundled default with the reason."""
    if not path_text.strip():
        return LoadedSite(load_site(None))
    path = Path(path_text.strip()).expanduser()
    try:
        return LoadedSite(load_site(path), path)
    except InputError as exc:
        details = "; ".join(issue.message for issue in exc.issues)
        return LoadedSite(load_site(None), None, _fallback_problem(details))


def window_site_choice(
    user_setting: str,
    environ: Mapping[str, str] | None = None,
    read_policy: PolicyReader = read_machine_policy,
) -> SiteChoice:
    """Which site file the window uses, by the one precedence (vpdischarge.domain.site_choice):
    the window has no `--site`, so a locked machine policy, then `VPDISCHARGE_SITE`, then the
    user's setting, then an unlocked policy, then the bundled example."""
    return choose_site(None, os.environ if environ is None else environ, read_policy(), user_setting)


def load_window_site(
    user_setting: str,
    environ: Mapping[str, str] | None = None,
    read_policy: PolicyReader = read_machine_policy,
) -> LoadedSite:
    """The site settings the window uses (see window_site_choice)."""
    choice = window_site_choice(user_setting, environ, read_policy)
    if choice.problem:
        return LoadedSite(load_site(None), None, _fallback_problem(choice.problem))
    return load_site_or_default(str(choice.path) if choice.path else "")


def _fallback_problem(details: str) -> str:
    return _(
        "The site settings file could not be used, so the bundled example settings are in "
        "use (their phone numbers are placeholders). {details}"
    ).format(details=details)
