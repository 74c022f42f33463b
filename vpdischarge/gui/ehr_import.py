"""File ▸ Import from EHR…: a FHIR R4 Bundle into the form, and what came from the record.

The imported case is shown untitled and unsaved. A dialog lists, by the form's own labels, what
came from the record, what the record did not hold or held in a form that could not be taken
over, and what to check (a blood thinner's restart date), so nothing imported prints unseen.
"""

from __future__ import annotations

from pathlib import Path

from vpdischarge.domain.issues import InputError
from vpdischarge.ehr.importer import ImportResult, import_bundle
from vpdischarge.gui import dialogs
from vpdischarge.i18n import _, number


def report_text(result: ImportResult, describe) -> str:
    rows = sum(1 for f in result.imported if f.startswith("medications[") and f.endswith(".name"))
    taken = [describe(f) for f in result.imported if not f.startswith("medications[")]
    if rows:
        taken.append(
            _("{count} medicines (name, dose and when to take them, as the record gives them)").format(
                count=number(rows)
            )
        )
    parts = [_("From the record — check each against it before printing:")]
    parts += [f"• {label}" for label in taken] or ["• " + _("nothing")]
    if result.not_mapped:
        parts += ["", _("Not in the record, or not taken over — enter these:")]
        parts += [f"• {describe(i.field)}: {i.message}" for i in result.not_mapped]
    if result.to_check:
        parts += ["", _("To check or decide:")]
        parts += [f"• {describe(i.field)}: {i.message}" for i in result.to_check]
    parts += ["", _("The imported case is not saved yet.")]
    return "\n".join(parts)


def import_from_ehr(window, path: Path | None = None) -> bool:
    """Ask for a bundle (unless `path` is given), import it into `window`'s form."""
    files = window.files
    if not files.may_discard():
        return False
    if path is None:
        chosen = dialogs.choose_bundle_to_import(window, str(dialogs.start_folder(files.path)))
        if not chosen:
            return False
        path = Path(chosen)
    try:
        result = import_bundle(path, window.site.settings, window.today())
    except InputError as exc:
        dialogs.show_error(
            window,
            _("Cannot import the record"),
            _("{file} could not be imported:").format(file=path.name)
            + "\n"
            + dialogs.issue_lines(exc.issues, window.form.describe),
        )
        return False
    window.form.set_case(result.case)
    files.mark_unsaved()
    dialogs.show_info(window, _("Imported from the EHR"), report_text(result, window.form.describe))
    return True
