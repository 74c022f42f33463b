"""The checks every policy reader shares: which keys there are, and what each may hold. A policy
is as strict as a site file: an unknown key is refused (a typo such as `lockd` must never leave a
ward unlocked without a word), and so is a value of the wrong type."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vpdischarge.domain.site_choice import SitePolicy
from vpdischarge.i18n import _

KEYS = ("site.path", "site.locked")
# How "locked" may be written where the format has no true/false of its own (a registry DWORD,
# a string typed into the registry editor or `defaults`). TOML and plists have real booleans.
_TRUE, _FALSE = ("1", "true", "yes"), ("0", "false", "no")


def broken(where: str, problem: str) -> SitePolicy:
    return SitePolicy(
        where,
        problem=_("The site policy in {where} cannot be used: {problem}").format(
            where=where, problem=problem
        ),
    )


def unknown_keys(where: str, keys: Iterable[str]) -> SitePolicy | None:
    """A broken policy naming the unknown keys, or None when all are known."""
    unknown = [key for key in keys if key not in KEYS]
    if not unknown:
        return None
    return broken(
        where,
        _("unknown setting {keys} (known: {known})").format(keys=", ".join(unknown), known=", ".join(KEYS)),
    )


def locked_value(value: object, loose: bool) -> bool | None:
    """`value` as a yes or no, or None when it is neither. `loose` also takes 0 and 1 and the
    words true, false, yes, no (the registry and `defaults` store text and numbers)."""
    if isinstance(value, bool):
        return value
    if loose and isinstance(value, int) and value in (0, 1):
        return bool(value)
    if loose and isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    return None


def site_policy(where: str, path: object, locked: object, loose: bool = False) -> SitePolicy:
    """The policy from the values found at `where` (None: the key is absent)."""
    if path is None:
        return broken(where, _("it has no site.path (the site settings file to use)"))
    if not isinstance(path, str) or not path.strip():
        return broken(where, _("site.path must be the full path of a site settings file"))
    chosen = Path(path.strip()).expanduser()
    if not chosen.is_absolute():
        return broken(
            where,
            _("site.path must be a full path, not {path} (it would depend on the current folder)").format(
                path=path.strip()
            ),
        )
    is_locked = False if locked is None else locked_value(locked, loose)
    if is_locked is None:
        return broken(where, _("site.locked must be true or false"))
    return SitePolicy(where, chosen, is_locked)
