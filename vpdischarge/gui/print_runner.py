"""Runs slow work (a print job, the handout's log entry and education record) on a worker thread
and hands each result back to the UI thread.

Spooling waits on the print system (and the raster fallback renders for seconds); the log and
the record folder may sit on a slow share or database. On the UI thread any of them would
freeze the window. The worker is a plain Python thread, not a daemon, so work already handed
over finishes even if the window closes meanwhile. Tasks run one at a time, in the order they
were started: a second handout's record waits for the first instead of racing it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from vpdischarge.gui.printing import PrintOutcome
from vpdischarge.i18n import _


class TaskRunner(QObject):
    started = Signal()
    finished = Signal(object)  # the task's result, on the UI thread
    # Emitted on the worker thread; queued to `_deliver` because this object lives on the UI thread.
    _done = Signal(object)

    def __init__(self, failed: Callable[[], Any], name: str, parent: QObject | None = None) -> None:
        """`failed` makes the result of a task that raised (the exception's text may hold
        anything, so it is neither shown nor logged)."""
        super().__init__(parent)
        self._failed = failed
        self._name = name
        self._thread: threading.Thread | None = None
        self._waiting: deque[Callable[[], Any]] = deque()
        self._done.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, task: Callable[[], Any]) -> None:
        """Run `task` now, or after the tasks already started."""
        if self._thread is not None:
            self._waiting.append(task)
            return
        self._thread = threading.Thread(target=self._run, args=(task,), name=self._name)
        self.started.emit()
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until the running task is done (tests and closing only)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self, task: Callable[[], Any]) -> None:
        try:
            result = task()
        except Exception:  # noqa: BLE001 - never a traceback for the nurse, never a stuck "busy"
            result = self._failed()
        try:
            self._done.emit(result)
        except RuntimeError:
            pass  # the window was closed meanwhile; the work itself is done

    @Slot(object)
    def _deliver(self, result: Any) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self.finished.emit(result)
        if self._waiting and self._thread is None:
            self.start(self._waiting.popleft())


def _print_failed() -> PrintOutcome:
    return PrintOutcome(False, _("The handout could not be printed because of an unexpected error."))


class PrintRunner(TaskRunner):
    """One print job at a time (Print refuses while one is being sent); its PrintOutcome."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_print_failed, "vpdischarge-print", parent)
