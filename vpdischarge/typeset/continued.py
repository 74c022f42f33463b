"""A section that runs on to the next page repeats its heading there: "Your medicines
(continued)", in the handout's language (the template's `continued` attribute).

Each flowable of a section carries the maker of its "continued" heading (`_section`); every
other top-level flowable carries None. The document remembers the section of the last flowable
drawn; when a page begins while the flowable waiting to be drawn belongs to that section (or is
the rest of one split at the page's end, which carries no mark), the heading goes to the top of
the page (ReportLab's page-top flowables). Call-out boxes never split, so they need none. A
repeated heading takes a line; where that would add a page, the handout is set without them
(document.py).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import BaseDocTemplate, Flowable, Frame

Maker = Callable[[], Flowable]
_UNMARKED = object()  # the rest of a split flowable, or a group ReportLab made


def mark_section(flowables: list[Flowable], make: Maker | None) -> list[Flowable]:
    """Mark `flowables` (and what a KeepTogether holds) as belonging to a section."""
    for flowable in flowables:
        flowable._section = make  # type: ignore[attr-defined]
        mark_section(getattr(flowable, "_content", None) or [], make)
    return flowables


def _section_of(flowable: Flowable) -> object:
    mark = getattr(flowable, "_section", _UNMARKED)
    if mark is _UNMARKED and getattr(flowable, "_content", None):
        return _section_of(flowable._content[0])  # type: ignore[attr-defined]
    return mark


def _filled(frame: Frame) -> float:
    """How much of the frame's height has been drawn on (ReportLab keeps it private)."""
    return frame._y2 - frame._topPadding - frame._y  # type: ignore[attr-defined]


def _room(frame: Frame) -> float:
    return frame._aH  # type: ignore[attr-defined]


class HandoutDocTemplate(BaseDocTemplate):
    repeat_headings = True  # off: the same flowables set without the repeated headings
    _open: Maker | None = None
    _queue: list[Flowable] | None = None
    repeated = 0  # headings repeated so far
    repeated_height = 0.0  # the room they took
    used = 0.0  # the height of all that was drawn, repeated headings included

    def might_fit_without_repeats(self, slack: float) -> bool:
        """Whether the document without its repeated headings could need a page fewer: only if
        what is left would fit in one page less (`slack`: per page, for the space before a
        block, which a page's top drops). Otherwise it would not, so there is no need to try."""
        frame, pages = self.frame, self.page
        used = self.used + _filled(frame)  # the last page has no frame end
        return used - self.repeated_height - pages * slack <= (pages - 1) * _room(frame)

    def handle_frameEnd(self, resume=0):  # noqa: N802 (ReportLab's name)
        self.used += _filled(self.frame)
        super().handle_frameEnd(resume)

    def handle_flowable(self, flowables):
        if flowables is not self._hanging:
            self._queue = flowables  # the document's own list (a new page begins from _hanging)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        mark = _section_of(flowable)
        if mark is not _UNMARKED:
            self._open = mark  # type: ignore[assignment]

    def handle_frameBegin(self, resume=0, pageTopFlowables=None):  # noqa: N802, N803
        super().handle_frameBegin(resume, pageTopFlowables)
        if not self.repeat_headings or self._open is None or not self._queue:
            return
        waiting = _section_of(self._queue[0])
        if waiting is self._open or waiting is _UNMARKED:
            heading = self._open()
            frame = self.frame
            self.repeated_height += heading.wrap(frame._width, _room(frame))[1] + heading.getSpaceAfter()
            self._hanging.append(heading)
            self.repeated += 1
