"""Rendering the handout on one worker thread.

`pipeline.render` is pure Python and takes tens of milliseconds; on the UI thread it would
freeze typing. A `ThreadedRenderer` owns one QThread with a worker object; jobs go in by a
queued signal and results come back by the `finished` signal (ReText's pattern). Tests swap it
for any object with the same `submit`/`finished`/`stop` (see `Renderer`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject, QThread, Signal, SignalInstance, Slot

from vpdischarge.domain.case import Case, Clinician, Patient, Procedure
from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import SiteSettings
from vpdischarge.i18n import _

# Python's default 5 ms switch interval lets a busy render thread hold the GIL for 5 ms at a
# time; 1 ms hands it back to the UI thread sooner, so typing and scrolling stay smooth.
RENDER_SWITCH_INTERVAL = 0.001


@dataclass(frozen=True)
class RenderJob:
    generation: int
    case: Case
    site: SiteSettings
    today: date


class Renderer(Protocol):
    """What the preview controller needs from a renderer."""

    # finished(generation: int, pdf: bytes | None, error: str | None)
    finished: SignalInstance

    def submit(self, job: RenderJob) -> None: ...

    def stop(self) -> None: ...


def render_job(job: RenderJob) -> bytes:
    """The PDF bytes of a job; raises for anything that stops the handout."""
    from vpdischarge.pipeline import render

    return render(job.case, job.site, job.today).pdf


def describe_failure(exc: BaseException) -> str:
    """A plain sentence for the nurse; never a traceback."""
    if isinstance(exc, InputError):
        return _("The handout cannot be made yet: {problems}").format(
            problems="; ".join(str(issue) for issue in exc.issues)
        )
    return _("The preview could not be made ({kind}). Your form is unchanged.").format(
        kind=type(exc).__name__
    )


class _Worker(QObject):
    finished = Signal(int, object, object)
    engine_loaded = Signal()

    def __init__(self, owner: ThreadedRenderer) -> None:
        super().__init__()
        self._owner = owner

    @Slot(object)
    def render(self, job: RenderJob) -> None:
        # A job overtaken by a newer one while it waited in the queue is not worth rendering.
        if job.generation < self._owner.latest:
            return
        try:
            pdf = render_job(job)
        except Exception as exc:  # the nurse gets a sentence, never a traceback
            print(f"vpdischarge: preview render failed: {type(exc).__name__}", file=sys.stderr)
            self.finished.emit(job.generation, None, describe_failure(exc))
            return
        self.finished.emit(job.generation, pdf, None)

    @Slot(object)
    def warm_up(self, site: SiteSettings) -> None:
        """Render a throw-away handout for a made-up patient, so the engine's imports, fonts and
        template are loaded before the nurse's first edit (the first render is 3 times slower)."""
        today = date.today()
        # Notes too: the notes check loads a pronunciation dictionary on first use (seconds),
        # which must happen here rather than on the UI thread at the nurse's first note.
        case = Case(
            Patient("Warm-up Example"),
            Procedure(date=today),
            Clinician("Dr. Example", "Walk a little every day."),
            language="en",
        )
        try:
            import vpdischarge.pipeline  # noqa: F401 - loaded here so the UI thread never waits for it
        finally:
            self.engine_loaded.emit()
        try:
            render_job(RenderJob(0, case, site, today))
        except Exception as exc:
            print(f"vpdischarge: warm-up failed: {type(exc).__name__}", file=sys.stderr)


class ThreadedRenderer(QObject):
    finished = Signal(int, object, object)
    # The engine is imported: checking the form no longer blocks the UI thread on the import.
    engine_loaded = Signal()
    _job = Signal(object)
    _warm = Signal(object)

    def __init__(self, parent: QObject | None = None, warm_up_site: SiteSettings | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), RENDER_SWITCH_INTERVAL))
        self.latest = 0
        self.loading_engine = warm_up_site is not None
        self._thread = QThread()
        self._thread.setObjectName("vpdischarge-render")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._job.connect(self._worker.render)
        self._warm.connect(self._worker.warm_up)
        self._worker.finished.connect(self.finished)
        self._worker.engine_loaded.connect(self._on_engine_loaded)
        self._thread.start()
        self._warm_up_site = warm_up_site

    def start_warm_up(self) -> None:
        """Load the engine on the render thread. Called once the window is on screen: loading
        it earlier would compete with the window's own start-up for the interpreter."""
        site, self._warm_up_site = self._warm_up_site, None
        if site is not None:
            self._warm.emit(site)

    def _on_engine_loaded(self) -> None:
        self.loading_engine = False
        self.engine_loaded.emit()

    def submit(self, job: RenderJob) -> None:
        self.latest = max(self.latest, job.generation)
        self._job.emit(job)

    def stop(self) -> None:
        """Finish the job in hand and end the thread (called when the window closes)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(10_000)
