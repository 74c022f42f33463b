"""Unexpected errors: a plain message for the nurse, a short record for IT, never a traceback
on screen.

The report (vpdischarge.crash) names the error type and where it happened but not the error's
text, because that text can quote patient data (a name in a KeyError).
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from vpdischarge.crash import write_report
from vpdischarge.i18n import _


def _where(tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def report_unexpected(exc: BaseException) -> str:
    """Write the patient-free report for IT (vpdischarge.crash, as the command line does) and
    return the message shown to the nurse."""
    path = write_report(exc)
    print(f"vpdischarge: unexpected {type(exc).__name__}; report: {path}", file=sys.stderr)
    return _(
        "Something went wrong ({kind} at {where}). Your form has not been changed. Save the case, "
        "and if this happens again tell IT the words in brackets."
    ).format(kind=type(exc).__name__, where=_where(exc.__traceback__))


def install_excepthook() -> None:
    """Turn an uncaught exception in a Qt slot into a message box."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        message = report_unexpected(value)
        if QApplication.instance() is not None:
            QMessageBox.critical(QApplication.activeWindow(), _("Something went wrong"), message)

    sys.excepthook = hook
