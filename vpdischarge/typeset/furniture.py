"""Page header and footer on every page, with "page X of Y".

The total page count is known only when the document is finished, so the canvas keeps each
page's state and draws the header and footer on all pages at save time (one layout pass, not
two). Cells without page tokens are laid out once and reused on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import TOKENS, make_paragraph
from vpdischarge.typeset.outline import write_marks
from vpdischarge.typeset.styles import Styles

CELLS = ("left", "center", "right")
ROW_GAP = 2
GUTTER = 12  # points between two cells of a header or footer row


@dataclass
class Cell:
    paragraph: Paragraph
    x: float  # offset from the frame's left edge
    height: float


@dataclass
class Row:
    cells: list[Cell]

    @property
    def height(self) -> float:
        return max((c.height for c in self.cells), default=0) + ROW_GAP


@dataclass
class Furniture:
    header: Element | None
    footer: Element | None
    styles: Styles
    resolver: FontResolver
    width: float
    rtl: bool = False
    _static: dict[int, Cell] = field(default_factory=dict)
    _natural: dict[int, float] = field(default_factory=dict)

    def _cell_boxes(self, tags: set[str], natural: dict[str, float]) -> dict[str, tuple[float, float]]:
        """(x offset, width) per cell, side by side and never overlapping. The right cell (the
        date, the procedure) and the center cell (page X of Y) get their natural width plus a
        gutter, within limits, so a date is not broken over two lines; the left cell, which
        holds the patient's name and identifiers, gets the rest."""
        w = self.width
        right = min(natural.get("right", 0) + GUTTER, w * 0.5) / w
        if "center" in tags:
            center = min(natural.get("center", 0) + 2 * GUTTER, w * 0.25) / w
            shares = {"left": 1 - center - right, "center": center, "right": right}
        else:
            shares = {"left": 1 - right, "right": right}
        order = [t for t in CELLS if t in shares]
        if self.rtl:  # a right-to-left line starts on the right
            order.reverse()
        boxes, x = {}, 0.0
        for tag in order:
            boxes[tag] = (x, w * shares[tag])
            x += w * shares[tag]
        return boxes

    def _styles(self):
        s = self.styles
        by_tag = {"left": s.furniture_left, "center": s.furniture_center, "right": s.furniture_right}
        if self.rtl:
            by_tag["left"], by_tag["right"] = by_tag["right"], by_tag["left"]
        return by_tag

    def _layout(self, block: Element | None, page: int, pages: int) -> list[Row]:
        if block is None:
            return []
        tokens = {"page-number": str(page), "page-count": str(pages)}
        style_for = self._styles()
        rows = []
        for row in block.findall("row"):
            cells = [c for c in row if c.tag in CELLS]
            # Measured with a three-digit page count, so every page gets the same boxes.
            widest = {"page-number": "888", "page-count": "888"}
            natural = {
                c.tag: self._natural_width(c, style_for[c.tag], widest) for c in cells if c.tag != "left"
            }
            boxes = self._cell_boxes({c.tag for c in cells}, natural)
            rows.append(Row([self._cell(c, boxes[c.tag], style_for[c.tag], tokens) for c in cells]))
        return rows

    def _natural_width(self, cell: Element, style, tokens: dict[str, str]) -> float:
        if id(cell) not in self._natural:
            p = make_paragraph(cell, self.resolver, style, tokens=tokens, rtl_base=self.rtl)
            p.wrap(self.width * 4, 1000)
            self._natural[id(cell)] = max(p.getActualLineWidths0(), default=0)
        return self._natural[id(cell)]

    def _cell(self, cell: Element, box: tuple[float, float], style, tokens: dict[str, str]) -> Cell:
        """Lay out one cell; a cell without page tokens is the same on every page, so once."""
        static = not any(node.tag in TOKENS for node in cell.iter())
        if static and id(cell) in self._static:
            return self._static[id(cell)]
        x, width = box
        p = make_paragraph(cell, self.resolver, style, tokens=tokens, rtl_base=self.rtl)
        laid = Cell(p, x, p.wrap(width, 1000)[1])
        if static:
            self._static[id(cell)] = laid
        return laid

    def height(self, block: Element | None) -> float:
        """Space the block needs, measured with a three-digit page count."""
        return sum(row.height for row in self._layout(block, 888, 888))

    def draw(self, canvas: Canvas, page: int, pages: int, x0: float) -> None:
        margin = self.styles.scale.margin
        canvas.setLineWidth(0.8)
        top = canvas._pagesize[1] - margin
        for row in self._layout(self.header, page, pages):
            self._draw_row(canvas, row, x0, top)
            top -= row.height
        canvas.line(x0, top - 3, x0 + self.width, top - 3)

        footer = self._layout(self.footer, page, pages)
        top = margin + sum(row.height for row in footer)
        canvas.line(x0, top + 3, x0 + self.width, top + 3)
        for row in footer:
            self._draw_row(canvas, row, x0, top)
            top -= row.height

    @staticmethod
    def _draw_row(canvas: Canvas, row: Row, x0: float, top: float) -> None:
        for cell in row.cells:
            cell.paragraph.drawOn(canvas, x0 + cell.x, top - cell.height)


def furnished_canvas(furniture: Furniture, x0: float):
    """A canvas class that defers each page so its header and footer can say "of N"."""

    class FurnishedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.deferred_pages: list[dict] = []
            self.section_marks: list[tuple[int, str, str]] = []  # see outline.py

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self.deferred_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self.deferred_pages)
            for number, state in enumerate(self.deferred_pages, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, total, x0)
                write_marks(self, number)
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnishedCanvas
