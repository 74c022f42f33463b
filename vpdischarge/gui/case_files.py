"""New, Open and Save of the JSON case file, and never losing unsaved work.

"Modified" means the form's case differs from what was last saved or opened (compared as the
case file text), so typing a letter and deleting it again leaves nothing to save. A file that
opens with problems lists them by field; what could be read is shown, untitled, so saving it
can never overwrite the original with less.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from vpdischarge.atomic import WriteError, write_atomically
from vpdischarge.domain.case import Case
from vpdischarge.domain.case_file import case_to_dict, case_to_json, read_case_file
from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.gui import dialogs
from vpdischarge.gui.form.case_form import CaseForm
from vpdischarge.i18n import _


def differences(before: Any, after: Any, prefix: str = "") -> list[str]:
    """Dotted paths where two case-file data trees differ."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in sorted(set(before) | set(after)):
            path = f"{prefix}.{key}" if prefix else key
            found += differences(before.get(key), after.get(key), path)
        return found
    return [] if before == after else [prefix]


class CaseFiles:
    """The case file behind a window's form."""

    def __init__(self, parent: QWidget, form: CaseForm, blank_case: Callable[[], Case]) -> None:
        self.parent = parent
        self.form = form
        self.blank_case = blank_case
        self.path: Path | None = None
        self._saved = ""

    # State -------------------------------------------------------------------------------------

    def is_modified(self) -> bool:
        # Text typed into a date field but not understood is not in the Case, yet it is work the
        # nurse would lose: it counts as a change.
        return bool(self.form.input_problems()) or case_to_json(self.form.case()) != self._saved

    def display_name(self) -> str:
        return self.path.name if self.path else _("New case")

    def _mark_saved(self, path: Path | None) -> None:
        self.path = path
        self._saved = case_to_json(self.form.case())

    def adopt(self, other: CaseFiles) -> None:
        """Take over `other`'s file and saved text (its form's case must already be shown here),
        so a window rebuilt in another language knows the same unsaved changes."""
        self.path, self._saved = other.path, other._saved

    # Commands ----------------------------------------------------------------------------------

    def may_discard(self) -> bool:
        """True if the form may be replaced: nothing unsaved, saved now, or the nurse said so."""
        if not self.is_modified():
            return True
        choice = dialogs.ask_unsaved_changes(self.parent)
        if choice is dialogs.Choice.SAVE:
            return self.save()
        return choice is dialogs.Choice.DISCARD

    def new(self, ask: bool = True) -> bool:
        if ask and not self.may_discard():
            return False
        self.form.set_case(self.blank_case())
        self._mark_saved(None)
        return True

    def open(self, path: Path | None = None) -> bool:
        if not self.may_discard():
            return False
        if path is None:
            chosen = dialogs.choose_case_to_open(self.parent, str(dialogs.start_folder(self.path)))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            case, issues = read_case_file(path)
        except InputError as exc:
            dialogs.show_error(
                self.parent,
                _("Cannot open the case"),
                _("{file} could not be opened:").format(file=path.name)
                + "\n"
                + dialogs.issue_lines(exc.issues, self.form.describe),
            )
            return False
        self.form.set_case(case)
        # Both sides through case_to_dict, so an empty part and a missing one are the same.
        lost = differences(case_to_dict(case), case_to_dict(self.form.case()))
        problems = issues + [Issue(field, _("could not be shown in the form")) for field in lost]
        if problems:
            # Untitled: saving must not overwrite the original file with the parts that were read.
            self.path = None
            self._saved = ""
            dialogs.show_error(
                self.parent,
                _("Problems in the case file"),
                _("{file} has problems. What could be read is shown, as a new unsaved case:").format(
                    file=path.name
                )
                + "\n"
                + dialogs.issue_lines(problems, self.form.describe),
            )
        else:
            self._mark_saved(path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        suggested = dialogs.suggested_case_path(self.path, date.today())
        chosen = dialogs.choose_case_to_save(self.parent, str(suggested))
        if not chosen:
            return False
        return self._write(Path(chosen))

    def _write(self, path: Path) -> bool:
        unread = self.form.input_problems()
        if unread:
            # The case file holds dates, not typed text: saving now would drop what was typed.
            dialogs.show_error(
                self.parent,
                _("The case was not saved"),
                _("Fix or clear these fields first, so nothing you typed is lost:")
                + "\n"
                + dialogs.issue_lines(unread, self.form.describe),
            )
            return False
        try:
            write_atomically(path, case_to_json(self.form.case()).encode("utf-8"))
        except WriteError as exc:
            dialogs.show_error(self.parent, _("The case was not saved"), str(exc))
            return False
        self._mark_saved(path)
        dialogs.show_saved(self.parent, path)
        return True
