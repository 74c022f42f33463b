"""Clinical limits printed in the handout: site defaults, overridable for one patient.

Each limit is declared once, with its unit and the range a sane value must fall in. The same
table checks the site settings file and the per-case overrides, so a 500 lb lifting limit or a
45 °C fever threshold is refused wherever it is typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import N_, _


@dataclass(frozen=True)
class Limit:
    minimum: float
    maximum: float
    unit: str  # marked with N_: translated where it is shown
    integer: bool = True


# Defaults come from ../shared/docs/clinical-content.md; ranges are wide enough for any
# published discharge sheet and narrow enough to catch a typo (an extra zero, °F typed as °C).
LIMITS: dict[str, Limit] = {
    "fever_c": Limit(37.5, 39.5, N_("°C"), integer=False),
    "dressing_off_hours": Limit(12, 168, N_("hours")),
    "shower_after_hours": Limit(1, 168, N_("hours")),
    "no_soak_days": Limit(1, 42, N_("days")),
    "lift_limit_lb": Limit(1, 50, N_("lb"), integer=False),
    "lift_weeks": Limit(1, 26, N_("weeks")),
    "lift_limit_2_lb": Limit(1, 100, N_("lb"), integer=False),
    "lift_2_months": Limit(1, 12, N_("months")),
    "bend_weeks": Limit(1, 26, N_("weeks")),
    "exercise_weeks": Limit(1, 26, N_("weeks")),
    "drive_days": Limit(0, 60, N_("days")),
    "recovery_weeks_min": Limit(1, 26, N_("weeks")),
    "recovery_weeks_max": Limit(1, 52, N_("weeks")),
    "follow_up_weeks_min": Limit(1, 12, N_("weeks")),
    "follow_up_weeks_max": Limit(1, 12, N_("weeks")),
}


@dataclass(frozen=True)
class ClinicalLimits:
    fever_c: float = 38.0
    dressing_off_hours: int = 48
    shower_after_hours: int = 24
    no_soak_days: int = 7
    lift_limit_lb: float = 10
    lift_weeks: int = 6
    lift_limit_2_lb: float = 20
    lift_2_months: int = 3
    bend_weeks: int = 6
    exercise_weeks: int = 6
    drive_days: int = 2
    recovery_weeks_min: int = 4
    recovery_weeks_max: int = 6
    follow_up_weeks_min: int = 1
    follow_up_weeks_max: int = 2

    def with_overrides(self, overrides: dict[str, Any]) -> ClinicalLimits:
        """Apply per-case overrides that `check_limits` has already accepted."""
        return replace(self, **overrides)


LIMIT_NAMES = tuple(f.name for f in fields(ClinicalLimits))
assert set(LIMIT_NAMES) == set(LIMITS), "every clinical limit needs a range"


def check_limits(values: dict[str, Any], prefix: str) -> tuple[dict[str, Any], list[Issue]]:
    """Type- and range-check a mapping of limit name to value.

    Returns the accepted values (ints kept as ints) and one issue per rejected key, named
    ``prefix.key``.
    """
    accepted: dict[str, Any] = {}
    issues: list[Issue] = []
    for key, value in values.items():
        field = f"{prefix}.{key}"
        limit = LIMITS.get(key)
        if limit is None:
            known = ", ".join(LIMIT_NAMES)
            issues.append(Issue(field, _("unknown setting (known: {known})").format(known=known)))
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            issues.append(Issue(field, _("must be a number of {unit}").format(unit=_(limit.unit))))
            continue
        # Range first: a huge whole number from a file must not reach float conversion.
        if not limit.minimum <= value <= limit.maximum:
            shown = f"{value:g}" if abs(value) < 1e9 else _("a very large number")
            issues.append(
                Issue(
                    field,
                    _("{value} {unit} is outside the safe range {minimum:g} to {maximum:g} {unit}").format(
                        value=shown, unit=_(limit.unit), minimum=limit.minimum, maximum=limit.maximum
                    ),
                )
            )
            continue
        # Exact types: 6.0 in a file is a number with a fraction part, not a whole number.
        if limit.integer and not isinstance(value, int):
            issues.append(Issue(field, _("must be a whole number of {unit}").format(unit=_(limit.unit))))
            continue
        accepted[key] = int(value) if limit.integer else float(value)
    return accepted, issues


def check_consistency(limits: ClinicalLimits, prefix: str) -> list[Issue]:
    """Pairs of limits that must agree with each other, or the handout would contradict itself
    (the source article this product replaces had exactly that fault with its lifting rules)."""
    issues = []
    if limits.lift_limit_2_lb <= limits.lift_limit_lb:
        issues.append(
            Issue(f"{prefix}.lift_limit_2_lb", _("the later lifting limit must be higher than the first"))
        )
    if limits.lift_2_months * 4 < limits.lift_weeks:
        issues.append(
            Issue(f"{prefix}.lift_2_months", _("the second lifting stage must end after the first"))
        )
    if limits.recovery_weeks_max < limits.recovery_weeks_min:
        issues.append(
            Issue(
                f"{prefix}.recovery_weeks_max",
                _("must not be less than {setting}").format(setting="recovery_weeks_min"),
            )
        )
    if limits.follow_up_weeks_max < limits.follow_up_weeks_min:
        issues.append(
            Issue(
                f"{prefix}.follow_up_weeks_max",
                _("must not be less than {setting}").format(setting="follow_up_weeks_min"),
            )
        )
    return issues
