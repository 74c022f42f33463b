"""What a print job asks for, described without Qt: the printer, copies, sides, pages, paper and a
title that carries no patient data.

The window fills a `PrintJob` from the print dialog's choices; `vpdischarge.cups_spool` hands it
to the system spooler with the handout's own PDF bytes.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

# The two papers a handout is typeset on, by their size in points (1/72 inch), and the media
# names CUPS knows them by (PPD and IPP queues alike accept these).
PAPERS = {"Letter": (612.0, 792.0), "A4": (595.276, 841.89)}
# A PDF page size in points is written with rounding; 2 pt is far below any paper difference.
SIZE_TOLERANCE_PT = 2.0

_job_numbers = itertools.count(1)


class Sides(Enum):
    ONE_SIDED = "one-sided"
    TWO_SIDED_LONG_EDGE = "two-sided-long-edge"
    TWO_SIDED_SHORT_EDGE = "two-sided-short-edge"


@dataclass(frozen=True)
class PrintJob:
    printer: str
    title: str
    media: str | None  # "Letter", "A4", or None when the page size is neither
    pages: int  # pages in the handout
    copies: int = 1
    sides: Sides | None = None  # None: the printer's own default
    # The pages chosen in the dialog as (first, last) pairs, 1-based and inclusive; () for all.
    page_ranges: tuple[tuple[int, int], ...] = ()
    collate: bool = True

    def chosen_pages(self) -> list[int]:
        """The handout's pages (1-based) one copy prints, in order, each once."""
        if not self.page_ranges:
            return list(range(1, self.pages + 1))
        wanted = {n for first, last in self.page_ranges for n in range(first, last + 1)}
        return [n for n in range(1, self.pages + 1) if n in wanted]

    def pages_printed(self) -> int:
        return len(self.chosen_pages())

    def page_ranges_text(self) -> str:
        """The ranges as CUPS's page-ranges option writes them: "1,3-4"."""
        return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in self.page_ranges)


def media_for_page(width_pt: float, height_pt: float) -> str | None:
    """The paper name for a page of this size (either orientation), or None if it is neither."""
    short, long = sorted((width_pt, height_pt))
    for name, (w, h) in PAPERS.items():
        if abs(short - w) <= SIZE_TOLERANCE_PT and abs(long - h) <= SIZE_TOLERANCE_PT:
            return name
    return None


def job_title(now: datetime | None = None) -> str:
    """A title for the printer queue and the printer's own display: the program, the time and a
    number that counts this session's jobs. Never the patient's name or record number, which
    would show in every queue listing and on shared printer panels."""
    now = now or datetime.now()
    return f"vpdischarge handout {now:%Y-%m-%d %H:%M:%S} #{next(_job_numbers)}"
