"""The few questions the window asks, in one place.

They use Qt's static dialog functions so the buttons are in the interface language (Qt's own
catalog) and so tests can replace them with monkeypatch and never block on a modal dialog.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _

CASE_FILTER_TEXT = "{name} (*.json)"
PDF_FILTER_TEXT = "{name} (*.pdf)"


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved_changes(parent: QWidget) -> Choice:
    """Before New, Open or closing: keep the nurse's unsaved work unless they say otherwise."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        parent,
        _("Unsaved changes"),
        _("This case has changes that are not saved. Save them first?"),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    if answer == buttons.Save:
        return Choice.SAVE
    if answer == buttons.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def issue_lines(issues: list[Issue], describe) -> str:
    """One line per problem, naming the field the way the form labels it."""
    return "\n".join(f"• {describe(i.field)}: {i.message}" for i in issues)


def choose_case_to_open(parent: QWidget, folder: str) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Open case"), folder, CASE_FILTER_TEXT.format(name=_("Case files"))
    )
    return path


def _ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str, suffix: str) -> str:
    """The path the nurse chose, with `suffix` added if it was left off ("" if cancelled)."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path


def choose_case_to_save(parent: QWidget, suggested: str) -> str:
    file_filter = CASE_FILTER_TEXT.format(name=_("Case files"))
    return _ask_save_path(parent, _("Save case"), suggested, file_filter, ".json")


def choose_pdf_to_save(parent: QWidget, suggested: str) -> str:
    file_filter = PDF_FILTER_TEXT.format(name=_("PDF files"))
    return _ask_save_path(parent, _("Save handout as PDF"), suggested, file_filter, ".pdf")


def choose_site_file(parent: QWidget, folder: str) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose site settings file"), folder, "{name} (*.toml)".format(name=_("Site settings"))
    )
    return path
