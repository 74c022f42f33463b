"""The few questions the window asks, in one place.

They use Qt's static dialog functions so the buttons are in the interface language (Qt's own
catalog) and so tests can replace them with monkeypatch and never block on a modal dialog.

File dialogs leave nothing about patient folders on disk: they are Qt's own dialogs (a native
one may record the folder in the desktop's list of recent places), and the folder history Qt
writes into the QtProject settings that every Qt program shares is put back as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _

CASE_FILTER_TEXT = "{name} (*.json)"
PDF_FILTER_TEXT = "{name} (*.pdf)"
FILE_DIALOG_OPTIONS = QFileDialog.Option.DontUseNativeDialog
SAVED_MESSAGE_MS = 30_000

# The folder last opened from or saved to, for this session only (never written to disk).
_session_folder: Path | None = None


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


def ask_replace(parent: QWidget, path: Path) -> bool:
    """True if the nurse agrees to replace the existing file `path` (the default is No)."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        _("Replace the file?"),
        _("{file} already exists in {folder}. Replace it?").format(file=path.name, folder=path.parent),
        buttons.Yes | buttons.No,
        buttons.No,
    )
    return answer == buttons.Yes


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_info(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_saved(parent: QWidget, path: Path) -> None:
    """Confirm a save in the window's status bar, naming the file and its folder."""
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(
            _("Saved {file} in {folder}").format(file=path.name, folder=path.parent), SAVED_MESSAGE_MS
        )


def issue_lines(issues: list[Issue], describe) -> str:
    """One line per problem, naming the field the way the form labels it."""
    return "\n".join(f"• {describe(i.field)}: {i.message}" for i in issues)


# Folders and names -----------------------------------------------------------------------------


def start_folder(current: Path | None = None) -> Path:
    """Where a file dialog opens: the open case's folder, else the folder used last in this
    session, else the Documents folder (the home folder if there is none)."""
    if current is not None and current.parent.is_dir():
        return current.parent
    if _session_folder is not None and _session_folder.is_dir():
        return _session_folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested_case_path(current: Path | None, today: date) -> Path:
    """The open case's own file, or a dated name that is free in the start folder. The name
    says what the file is and never holds patient data."""
    if current is not None:
        return current
    folder = start_folder()
    stem = f"discharge-case-{today.isoformat()}"
    candidate, number = folder / f"{stem}.json", 2
    while candidate.exists():
        candidate, number = folder / f"{stem}-{number}.json", number + 1
    return candidate


def _remember(path: str) -> None:
    global _session_folder
    if path:
        _session_folder = Path(path).parent


@contextmanager
def _no_dialog_history() -> Iterator[None]:
    """Qt's file dialog stores its last folder and history in the user's QtProject settings
    when it closes; put that group back exactly as it was before the dialog."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    existed = Path(settings.fileName()).is_file()
    settings.beginGroup("FileDialog")
    before = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    try:
        yield
    finally:
        settings.remove("FileDialog")
        settings.beginGroup("FileDialog")
        for key, value in before.items():
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()
        if not existed and not settings.allKeys() and Path(settings.fileName()).is_file():
            Path(settings.fileName()).unlink()  # there was no file before the dialog


# File dialogs ----------------------------------------------------------------------------------


def _ask_open_path(parent: QWidget, title: str, folder: str, file_filter: str, remember: bool = True) -> str:
    with _no_dialog_history():
        path, _filter = QFileDialog.getOpenFileName(
            parent, title, folder, file_filter, options=FILE_DIALOG_OPTIONS
        )
    if remember:
        _remember(path)
    return path


def choose_case_to_open(parent: QWidget, folder: str) -> str:
    return _ask_open_path(parent, _("Open case"), folder, CASE_FILTER_TEXT.format(name=_("Case files")))


def _ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str, suffix: str) -> str:
    """The exact path to write ("" if cancelled). Qt asks before replacing the name as typed; when
    `suffix` had to be added, the file with it is a different one, so it is asked about here, and
    "No" goes back to the dialog."""
    while True:
        with _no_dialog_history():
            path, _filter = QFileDialog.getSaveFileName(
                parent, title, suggested, file_filter, options=FILE_DIALOG_OPTIONS
            )
        if not path:
            return ""
        if not path.lower().endswith(suffix):
            path += suffix
            if Path(path).exists() and not ask_replace(parent, Path(path)):
                suggested = path
                continue
        _remember(path)
        return path


def choose_case_to_save(parent: QWidget, suggested: str) -> str:
    file_filter = CASE_FILTER_TEXT.format(name=_("Case files"))
    return _ask_save_path(parent, _("Save case"), suggested, file_filter, ".json")


def choose_pdf_to_save(parent: QWidget, suggested: str) -> str:
    file_filter = PDF_FILTER_TEXT.format(name=_("PDF files"))
    return _ask_save_path(parent, _("Save handout as PDF"), suggested, file_filter, ".pdf")


def choose_site_file(parent: QWidget, folder: str) -> str:
    return _ask_open_path(
        parent,
        _("Choose site settings file"),
        folder,
        "{name} (*.toml)".format(name=_("Site settings")),
        remember=False,  # the next case dialog opens where the cases are, not the settings
    )
