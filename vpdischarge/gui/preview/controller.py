"""The preview's logic, apart from any widget (Mu's "logic takes the view as a parameter").

Every edit bumps a generation number. Rendering starts once typing pauses (debounce), and a
result is shown only if it belongs to the newest generation: a slow render of an older state
can never replace a newer one, and nothing is shown for a form that has errors. Tests pass a
fake view and a fake renderer and run without a screen.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from vpdischarge.domain.case import Case
from vpdischarge.domain.site import SiteSettings
from vpdischarge.gui.preview.renderer import Renderer, RenderJob
from vpdischarge.i18n import _

DEBOUNCE_MS = 300


class PreviewView(Protocol):
    def show_pdf(self, pdf: bytes) -> None:
        """Show these PDF bytes (they are what prints)."""

    def show_note(self, text: str, stale: bool) -> None:
        """A line above the pages; `stale` says the pages shown are not the current form."""


class PreviewState(Enum):
    EMPTY = "empty"  # nothing rendered yet
    WAITING = "waiting"  # an edit is waiting for its render
    READY = "ready"  # the pages shown are the current form
    HELD = "held"  # the form has errors; nothing to render
    FAILED = "failed"  # the render of the current form failed


class PreviewController(QObject):
    state_changed = Signal()
    # A render of this generation was handed to the renderer (the typing pause is over).
    render_started = Signal(int)
    # The generation whose pages are now on screen.
    shown = Signal(int)

    def __init__(
        self,
        view: PreviewView,
        renderer: Renderer,
        delay_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.renderer = renderer
        self.generation = 0
        self.shown_generation = -1
        self.state = PreviewState.EMPTY
        self.pdf: bytes | None = None
        # The case and site settings `pdf` was made from: what a print or save records.
        self.rendered: RenderJob | None = None
        self._requested: RenderJob | None = None
        self.error: str | None = None
        # The pages on screen are older than a form that had errors or failed to render: they
        # stay marked stale until new pages replace them.
        self.outdated = False
        self._pending: RenderJob | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._submit)
        renderer.finished.connect(self._on_finished)

    # Requests from the window -----------------------------------------------------------------

    def request(self, case: Case, site: SiteSettings, today: date) -> int:
        """The form changed and has no errors: render it once typing pauses."""
        self.generation += 1
        self._pending = self._requested = RenderJob(self.generation, case, site, today)
        self._timer.start()  # restarting the timer is the debounce
        self._set_state(PreviewState.WAITING)
        # While typing the old pages are a moment behind, not wrong: only pages left over from
        # a form with errors stay marked stale.
        self.view.show_note(_("Updating the preview…"), stale=self.outdated)
        return self.generation

    def hold(self, reason: str) -> None:
        """The form has errors: forget pending work and say why the pages are not current."""
        self.generation += 1
        self._pending = None
        self._timer.stop()
        self._set_state(PreviewState.HELD)
        self.outdated = self.pdf is not None
        self.view.show_note(reason, stale=self.outdated)

    def flush(self) -> None:
        """Start the pending render now instead of after the pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._submit()

    @property
    def is_current(self) -> bool:
        return self.state is PreviewState.READY

    # Internals ---------------------------------------------------------------------------------

    def _submit(self) -> None:
        job, self._pending = self._pending, None
        if job is not None:
            self.render_started.emit(job.generation)
            self.renderer.submit(job)

    def _on_finished(self, generation: int, pdf: bytes | None, error: str | None) -> None:
        if generation != self.generation:
            return  # stale: the form has changed since this render started
        if pdf is None:
            self.error = error or _("The preview could not be made.")
            self._set_state(PreviewState.FAILED)
            self.outdated = self.pdf is not None
            self.view.show_note(self.error, stale=self.outdated)
            return
        self.view.show_pdf(pdf)
        self.pdf = pdf
        self.rendered = self._requested  # the one job of this generation
        self.error = None
        self.shown_generation = generation
        self.outdated = False
        self.view.show_note("", stale=False)
        self._set_state(PreviewState.READY)
        self.shown.emit(generation)

    def _set_state(self, state: PreviewState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit()
