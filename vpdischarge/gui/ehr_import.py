"""File ▸ Import from EHR…: a FHIR R4 Bundle into the form, and what came from the record.

The imported case is shown untitled and unsaved. A dialog lists, by the form's own labels, what
came from the record, what the record did not hold or held in a form that could not be taken
over, and what to check (a blood thinner's restart date), so nothing imported prints unseen.
"""

from __future__ import annotations

import re
from pathlib import Path

from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.ehr.importer import ImportResult, import_bundle
from vpdischarge.gui import dialogs
from vpdischarge.i18n import _, ngettext, number

_ROW = re.compile(r"^medications\[(\d+)\]\.(\w+)$")


def _lines(issues: list[Issue], describe) -> list[str]:
    """One line per problem, by the form's labels; the same problem in several medicine rows
    is said once ("Medicines 1, 2, 3 — When to take it: …")."""
    # A (element, message) pair holds the place of a medicine problem until every row is known.
    lines: list[str | tuple[str, str]] = []
    rows: dict[tuple[str, str], list[str]] = {}
    for issue in issues:
        found = _ROW.match(issue.field)
        if found is None:
            lines.append(f"• {describe(issue.field)}: {issue.message}")
            continue
        key = (found.group(2), issue.message)
        if key not in rows:
            rows[key] = []
            lines.append(key)  # placeholder, filled in below once every row is known
        rows[key].append(found.group(1))
    for n, line in enumerate(lines):
        if isinstance(line, tuple):
            element, message = line
            numbers = rows[line]
            label = describe(f"medications[{numbers[0]}].{element}").split(": ", 1)[-1]
            which = (
                _("Medicine {row}").format(row=numbers[0])
                if len(numbers) == 1
                else _("Medicines {rows}").format(rows=", ".join(numbers))
            )
            lines[n] = f"• {which} — {label}: {message}"
    return [line for line in lines if isinstance(line, str)]  # every placeholder is filled


def report_text(result: ImportResult, describe) -> str:
    rows = sum(1 for f in result.imported if f.startswith("medications[") and f.endswith(".name"))
    taken = [describe(f) for f in result.imported if not f.startswith("medications[")]
    if rows:
        taken.append(
            ngettext(
                "{count} medicine (name, dose and when to take it, as the record gives them)",
                "{count} medicines (name, dose and when to take them, as the record gives them)",
                rows,
            ).format(count=number(rows))
        )
    parts = [_("From the record — check each against it before printing:")]
    parts += [f"• {label}" for label in taken] or ["• " + _("nothing")]
    if result.not_mapped:
        parts += ["", _("Not in the record, or not taken over — enter these:")]
        parts += _lines(result.not_mapped, describe)
    if result.to_check:
        parts += ["", _("To check or decide:")]
        parts += _lines(result.to_check, describe)
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
