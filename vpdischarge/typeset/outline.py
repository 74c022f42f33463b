"""The PDF outline (bookmarks): one entry per section, titled with its heading.

A reader can jump to "Your medicines" in a PDF viewer, and a test can ask on which page each
section, including each call box, was actually printed, whatever the script. The mark is a
zero-size flowable placed *inside* what it marks (inside a box's cell), so it lands on the
page where that content is drawn.

Our canvas defers pages until it knows how many there are (furniture.py), so marks are
recorded while drawing and written when each page is finally emitted.
"""

from __future__ import annotations

from reportlab.platypus import Flowable


class SectionMark(Flowable):
    def __init__(self, key: str, title: str):
        super().__init__()
        self.key, self.title = key, title
        # It goes with its heading: left alone at the foot of a page, the outline entry pointed
        # at the page before, and the section counted as begun there, so the next page
        # repeated its heading as "(continued)" right above the heading itself.
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        marks = getattr(self.canv, "section_marks", None)
        pages = getattr(self.canv, "deferred_pages", None)
        if marks is not None and pages is not None:
            marks.append((len(pages) + 1, self.key, self.title))


def write_marks(canvas, page: int) -> None:
    """Add the outline entries of `page` (1-based) while that page is the current one."""
    for mark_page, key, title in canvas.section_marks:
        if mark_page == page:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=0)
