"""Machine policy on Linux and other Unix: a TOML file in the XDG configuration folders."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from vpdischarge.domain.issues import InputError
from vpdischarge.domain.safe_read import read_limited
from vpdischarge.domain.site_choice import SitePolicy
from vpdischarge.i18n import _
from vpdischarge.machine_policy.values import broken, site_policy, unknown_keys

DEFAULT_CONFIG_DIRS = "/etc/xdg"
MAX_POLICY_BYTES = 64_000


def policy_files(environ: Mapping[str, str]) -> list[Path]:
    """Where the policy may be, most important first (the XDG Base Directory order)."""
    # Relative entries are invalid by the XDG specification and are ignored.
    folders = [Path(f) for f in environ.get("XDG_CONFIG_DIRS", "").split(":") if f.strip()]
    folders = [f for f in folders if f.is_absolute()] or [Path(DEFAULT_CONFIG_DIRS)]
    return [folder / "vpdischarge" / "config.toml" for folder in folders]


def read_toml_policy(candidates: Sequence[Path]) -> SitePolicy | None:
    """The policy in the first of `candidates` that exists (the folders are not merged: one
    file says everything), or None when none does."""
    for path in candidates:
        if path.exists():
            return _read(path)
    return None


def _read(path: Path) -> SitePolicy:
    where = str(path)
    try:
        text = read_limited(path, MAX_POLICY_BYTES, "policy").decode("utf-8")
    except InputError as exc:
        return broken(where, "; ".join(issue.message for issue in exc.issues))
    except UnicodeDecodeError:
        return broken(where, _("it is not UTF-8 text"))
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        return broken(where, _("it is not valid TOML: {reason}").format(reason=exc))
    site = data.get("site")
    if site is not None and not isinstance(site, dict):
        return broken(where, _("site must be a table, written [site]"))
    keys = [f"{section}.{key}" for section, table in data.items() if isinstance(table, dict) for key in table]
    keys += [key for key, value in data.items() if not isinstance(value, dict)]
    refused = unknown_keys(where, keys)
    if refused is not None:
        return refused
    site = site or {}
    return site_policy(where, site.get("path"), site.get("locked"))
