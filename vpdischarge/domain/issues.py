"""Problems found in a case or a settings file, each tied to the field it concerns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem. `field` is a dotted path such as ``procedure.date`` or ``medications[2].dose``
    so the window can put the message next to the widget and the CLI can name it."""

    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]


def warnings(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "warning"]


class InputError(Exception):
    """Bad input from a user or a settings file. Carries every issue found, not just the first."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("; ".join(str(i) for i in issues))
