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
from vpdischarge.typeset.inline import TOKENS, to_paragraph_markup
from vpdischarge.typeset.styles import Styles

CELLS = ("left", "center", "right")
ROW_GAP = 2


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

    def _cell_boxes(self, tags: set[str]) -> dict[str, tuple[float, float]]:
        """(x offset, width) per cell; a right-to-left line starts on the right."""
        w = self.width
        if "center" in tags:
            widths = {"left": w * 0.32, "center": w * 0.2, "right": w * 0.48}
        else:
            widths = {"left": w * 0.58, "right": w * 0.40}
        x = {"left": 0.0, "center": (w - widths.get("center", 0)) / 2, "right": w - widths["right"]}
        if self.rtl:
            x["left"], x["right"] = w - widths["left"], 0.0
        return {tag: (x[tag], widths[tag]) for tag in widths}

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
            boxes = self._cell_boxes({c.tag for c in cells})
            rows.append(
                Row([self._cell(cell, boxes[cell.tag], style_for[cell.tag], tokens) for cell in cells])
            )
        return rows

    def _cell(self, cell: Element, box: tuple[float, float], style, tokens: dict[str, str]) -> Cell:
        """Lay out one cell; a cell without page tokens is the same on every page, so once."""
        static = not any(node.tag in TOKENS for node in cell.iter())
        if static and id(cell) in self._static:
            return self._static[id(cell)]
        x, width = box
        p = Paragraph(to_paragraph_markup(cell, self.resolver, tokens=tokens), style)
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
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, total, x0)
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnishedCanvas
