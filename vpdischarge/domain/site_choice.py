"""Which site settings file is in use, and why: the one rule of precedence for the CLI and the
window (docs/site-settings.md, "Which file is used").

From the strongest:

1. the command line's `--site` (the CLI; IT's scripts name the file they mean);
2. the machine policy, when IT locked it (`locked = true`);
3. the environment variable `VPDISCHARGE_SITE`;
4. the user's own setting (the window's *Settings*);
5. the machine policy, not locked: the file every user of the machine starts with;
6. the bundled example.

A locked policy stands above everything a user can set for themselves (their environment, their
window setting), so the nurse cannot switch the ward's computers to another hospital's phone
numbers; an unlocked one is a default each user may change. `--site` still wins, because the
command line is IT's tool (a script testing a new file before it goes on the share), and the
CLI says so in a warning whenever it passes over a locked policy.

A policy that is there but cannot be read counts as locked: IT meant to choose the file, so no
user setting may quietly take its place; the CLI stops, the window uses the bundled example and
says why. This module only decides: reading the policy is `vpdischarge.machine_policy`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _

ENVIRONMENT_VARIABLE = "VPDISCHARGE_SITE"


@dataclass(frozen=True)
class SitePolicy:
    """The site file IT set for every user of this machine."""

    # The place it was read from, as IT would name it: a file, or a registry key.
    where: str
    path: Path | None = None
    locked: bool = False
    # Why the policy could not be used (a broken file, a value of the wrong type), or None.
    problem: str | None = None


class Source(Enum):
    OPTION = "option"
    LOCKED_POLICY = "locked policy"
    ENVIRONMENT = "environment"
    USER = "user setting"
    POLICY = "policy"
    BUNDLED = "bundled"


@dataclass(frozen=True)
class SiteChoice:
    # The file to load; None for the bundled example.
    path: Path | None
    source: Source
    policy: SitePolicy | None = None
    # Why the policy that chose (or would have chosen) the file cannot be used.
    problem: str | None = None

    @property
    def fixed(self) -> bool:
        """True when the user's own setting cannot change the file (the window shows it
        locked): a locked or broken policy, or the environment variable."""
        return self.source in (Source.LOCKED_POLICY, Source.ENVIRONMENT)

    @property
    def passes_over_lock(self) -> bool:
        """`--site` chose the file although a locked policy names another one."""
        return (
            self.source is Source.OPTION
            and self.policy is not None
            and (self.policy.locked or self.policy.problem is not None)
        )


def choose_site(
    option: Path | None,
    environment: Mapping[str, str],
    policy: SitePolicy | None,
    user_setting: str = "",
) -> SiteChoice:
    """The site file by the precedence above. An empty `user_setting` or environment variable
    means "not set"."""
    if option is not None:
        return SiteChoice(option, Source.OPTION, policy)
    if policy is not None and policy.problem is not None:
        return SiteChoice(None, Source.LOCKED_POLICY, policy, policy.problem)
    if policy is not None and policy.locked:
        return SiteChoice(policy.path, Source.LOCKED_POLICY, policy)
    named = environment.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return SiteChoice(Path(named).expanduser(), Source.ENVIRONMENT, policy)
    if user_setting.strip():
        return SiteChoice(Path(user_setting.strip()).expanduser(), Source.USER, policy)
    if policy is not None and policy.path is not None:
        return SiteChoice(policy.path, Source.POLICY, policy)
    return SiteChoice(None, Source.BUNDLED, policy)


def lock_passed_over(choice: SiteChoice) -> list[Issue]:
    """The CLI's warning when `--site` is used on a machine whose policy is locked."""
    if not choice.passes_over_lock or choice.policy is None:
        return []
    return [
        Issue(
            "site",
            _(
                "--site is used for this command instead of the site file locked for this computer in {where}"
            ).format(where=choice.policy.where),
            "warning",
        )
    ]


def why_fixed(choice: SiteChoice) -> str:
    """Why the window cannot change the site file (empty when it can)."""
    if choice.source is Source.LOCKED_POLICY and choice.policy is not None:
        return _(
            "Your IT team set the site settings file for every user of this computer, and it "
            "cannot be changed here ({where})."
        ).format(where=choice.policy.where)
    if choice.source is Source.ENVIRONMENT:
        return _(
            "The environment variable {name} chooses the site settings file, so it cannot be changed here."
        ).format(name=ENVIRONMENT_VARIABLE)
    return ""
