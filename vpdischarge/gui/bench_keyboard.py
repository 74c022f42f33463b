"""Benchmark of a discharge typed from the keyboard only (part of `python -m vpdischarge.gui.bench`).

The typical case (3 medicines, 3 lines of notes) is typed into an empty window with the key
events of `vpdischarge.gui.keyboard_script`: Alt+letters, Tab, typed text, Ctrl+Enter for a new
medicine row, the warnings ticked with their Alt+letter and Ctrl+Shift+E to save the PDF. Only
the file dialog's answer is given (a file in the benchmark's temporary folder). Reported: the
keystrokes (typed characters and the other keys apart) and the wall time from the first key to
the saved PDF, which includes the renders the preview makes on the way.

The dates are typed relative to today, so the case is valid whatever day the benchmark runs.
Field names may be reported; what was typed never is.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _typed(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _wait(app, condition, timeout_s: float) -> bool:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > end:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return True


def keyboard_benchmark(folder: Path) -> dict:
    """Needs the QApplication the benchmark made; builds (and closes) a window of its own."""
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vpdischarge.gui.app import build_window, create_application
    from vpdischarge.gui.keyboard_script import Keyboard, TypedCase, confirm_warnings, type_typical_discharge
    from vpdischarge.gui.settings import Preferences, use_settings_folder

    use_settings_folder(folder)
    app = create_application([])
    today = date.today()
    case = TypedCase(
        procedure_date=_typed(today - timedelta(days=1)),
        blood_thinner_restart=_typed(today + timedelta(days=2)),
        follow_up=_typed(today + timedelta(days=28)) + " 10:30",
    )
    target = folder / "keyboard-handout.pdf"
    window = build_window(Preferences(ui_language="en"))
    # A fictional patient's handout: not for the handout log on this computer (its teach-back
    # step is left open, and closed as "not assessed" with the window).
    window.output.record = lambda *args: []
    window.show()
    window.activateWindow()
    _wait(app, lambda: not getattr(window.renderer, "loading_engine", False), 30)
    _wait(app, lambda: QApplication.focusWidget() is window.form.patient.name, 5)
    original = QFileDialog.getSaveFileName
    # The benchmark answers the save dialog itself.
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (str(target), ""))  # type: ignore[method-assign]
    try:
        keys = Keyboard(window)
        started = time.perf_counter()
        type_typical_discharge(keys, window, case)
        typed = time.perf_counter()
        confirm_warnings(keys, window)
        ready = _wait(app, window.actions.save_pdf.isEnabled, 30)
        if ready:
            keys.shortcut("Ctrl+Shift+E")
            ready = _wait(app, target.exists, 10)
        finished = time.perf_counter()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
        errors = sorted({i.field for i in window.issues if i.severity == "error"})
        window.files.is_modified = lambda: False
        window.close()
    return {
        "saved_pdf": ready,
        "keystrokes": keys.keystrokes,
        "typed_characters": keys.typed_characters,
        "other_keys": keys.keystrokes - keys.typed_characters,
        "typing_s": typed - started,
        "wall_s": finished - started,
        "medicines": len(case.medicines),
        "note_lines": case.notes.count("\n") + 1,
        # Field names only (never values), to say why a run did not reach the PDF.
        "fields_with_errors": [] if ready else errors,
    }


def report_lines(result: dict) -> list[str]:
    head = (
        f"keyboard-only discharge ({result['medicines']} medicines, {result['note_lines']} lines of notes): "
        f"{result['keystrokes']} keystrokes ({result['typed_characters']} typed characters, "
        f"{result['other_keys']} other keys)"
    )
    if not result["saved_pdf"]:
        fields = ", ".join(result["fields_with_errors"]) or "none"
        return [head, f"  did not reach the saved PDF (fields with errors: {fields}) (reported only)"]
    return [
        head,
        f"  first key to saved PDF: {result['wall_s']:.2f} s wall time "
        f"(typing {result['typing_s']:.2f} s, the rest waits for the preview) (reported only)",
    ]
