"""Loading the hospital's site settings for the window, with a safe fallback.

A site file on a network share can be missing or broken on a given morning. The window must
still open, so it falls back to the bundled default, but it says so in a warning the nurse has
to confirm before printing: the default's phone numbers are placeholders. The bundled default
chosen on purpose (no file set) is still the example: the banner says so too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.domain.site import SiteSettings, load_site
from vpdischarge.i18n import _


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
        problem = _(
            "The site settings file could not be used, so the bundled example settings are in "
            "use (their phone numbers are placeholders). {details}"
        ).format(details=details)
        return LoadedSite(load_site(None), None, problem)
