"""What happens after a handout is given (printed, saved or rendered): one log entry and, when
the site asks for it, one education record.

One door for the window and `vpdischarge render`, so both record the same facts the same way.
Nothing here raises for a record that cannot be written: the handout is already in the patient's
hands, and a failed record is a warning for the nurse or the CLI, never a stopped print.
"""

from __future__ import annotations

from dataclasses import dataclass

from vpdischarge.domain.case import Case
from vpdischarge.domain.site import SiteSettings
from vpdischarge.records.handout_entry import NOT_ASSESSED, entry_for, send_education_record
from vpdischarge.records.handout_log import log_handout


@dataclass(frozen=True)
class Given:
    """How the handout was given: `action` is "print", "save" or "render"; the rest is the
    teach-back step's answer ("not assessed" when nobody asked)."""

    action: str
    teach_back: str = NOT_ASSESSED
    learner: str | None = None  # "patient" or "caregiver"; None: not recorded


def record_handout(case: Case, site: SiteSettings, pdf: bytes, given: Given) -> list[str]:
    """Log the handout and drop its education record; the warnings, one line each, in the order
    they happened (empty when all went well)."""
    warnings = []
    entry = entry_for(case, site, pdf, given.action, given.teach_back, given.learner)
    problem = log_handout(entry, database=site.log_database)
    if problem:
        warnings.append(problem)
    problem = send_education_record(case, site, pdf, given.teach_back, given.learner)
    if problem:
        warnings.append(problem)
    return warnings
