"""When Print and Save PDF are allowed, and the reason shown when they are not.

Kept free of widgets so the rule is plain to read and test: no errors, every warning confirmed
by the nurse, and the preview on screen is the current form (what prints is what was seen).
"""

from __future__ import annotations

from dataclasses import dataclass

from vpdischarge.gui.preview.controller import PreviewState
from vpdischarge.i18n import _, ngettext


@dataclass(frozen=True)
class Gate:
    allowed: bool
    reason: str


def output_gate(
    error_fields: list[str],
    warnings: int,
    warnings_confirmed: bool,
    preview: PreviewState,
    preview_error: str | None = None,
) -> Gate:
    """`error_fields` are the labels of the fields with errors, in form order."""
    if error_fields:
        shown = ", ".join(dict.fromkeys(error_fields))
        text = ngettext(
            "Fix {n} problem before printing: {fields}",
            "Fix {n} problems before printing: {fields}",
            len(error_fields),
        )
        return Gate(False, text.format(n=len(error_fields), fields=shown))
    if warnings and not warnings_confirmed:
        return Gate(False, _("Check the warnings above, then tick “I have checked these warnings”."))
    if preview is PreviewState.FAILED:
        return Gate(False, preview_error or _("The preview could not be made."))
    if preview is not PreviewState.READY:
        return Gate(False, _("Updating the preview…"))
    return Gate(True, _("Ready to print. The printout is the preview on the right."))
