"""Runs one print job at a time on a worker thread and hands its outcome back to the UI thread.

Spooling waits on the print system (and the raster fallback renders for seconds); on the UI
thread either would freeze the window. The worker is a plain Python thread, not a daemon, so a
job already handed over finishes even if the window closes meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from vpdischarge.gui.printing import PrintOutcome
from vpdischarge.i18n import _


class PrintRunner(QObject):
    started = Signal()
    finished = Signal(object)  # PrintOutcome, on the UI thread
    # Emitted on the worker thread; queued to `_deliver` because this object lives on the UI thread.
    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, task: Callable[[], PrintOutcome]) -> None:
        if self._thread is not None:
            raise RuntimeError("a print job is already running")
        self._thread = threading.Thread(target=self._run, args=(task,), name="vpdischarge-print")
        self.started.emit()
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until the running job is handed over (tests and closing only)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self, task: Callable[[], PrintOutcome]) -> None:
        try:
            outcome = task()
        except Exception:  # noqa: BLE001 - never a traceback for the nurse, never a stuck "busy"
            # The exception text may hold anything; it is not shown or logged.
            outcome = PrintOutcome(
                False, _("The handout could not be printed because of an unexpected error.")
            )
        try:
            self._done.emit(outcome)
        except RuntimeError:
            pass  # the window was closed meanwhile; the job itself is already with the spooler

    @Slot(object)
    def _deliver(self, outcome: PrintOutcome) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self.finished.emit(outcome)
