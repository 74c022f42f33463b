"""Page header and footer on every page, with "page X of Y".

The total page count is known only when the document is finished, so the canvas keeps each
page's state and draws the header and footer on all pages at save time (one layout pass, not
two). Cells without page tokens are laid out once and reused on every page.

A handout made with the bundled example settings carries a SAMPLE band in the top margin,
above the header, and a faint diagonal SAMPLE across every page, so it can never pass for real
instructions. The band holds a line in the handout's language (from the template); it takes no
room from the page, so a sample breaks its pages exactly as a real handout will, and the
watermark is light enough that the text under it stays readable.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cache
from xml.etree.ElementTree import Element

from fontTools.pens.basePen import BasePen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from vpdischarge.assets import fonts_dir
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import TOKENS, TextBlock, make_paragraph
from vpdischarge.typeset.outline import write_marks
from vpdischarge.typeset.scripts import has_rtl
from vpdischarge.typeset.styles import Styles

CELLS = ("left", "center", "right")
ROW_GAP = 2
GUTTER = 12  # points between two cells of a header or footer row
SAMPLE_WORD = "SAMPLE"  # the same word in every language, so staff who check a page see it at once
SAMPLE_PADDING = 4
SAMPLE_EDGE = 10  # points from the paper's top edge: inside what printers can print
SAMPLE_GAP = 3  # between the band and the header
WATERMARK_FONT = "NotoSans-Bold.ttf"  # SAMPLE_WORD is Latin whatever the handout's language
WATERMARK_SIZE = 110
# As light as the old 12% grey overlay: black text on it keeps its contrast.
WATERMARK_GRAY = 0.94


# Cells are measured with a three-digit page count, so every page gets the same boxes.
_WIDEST = {"page-number": "888", "page-count": "888"}


def _without_optional(cell: Element) -> Element:
    """A copy of `cell` without its <optional> parts (the text after each one stays)."""
    out = copy.deepcopy(cell)
    for parent in list(out.iter()):
        for index, child in reversed(list(enumerate(parent))):
            if child.tag == "optional":
                tail = child.tail or ""
                parent.remove(child)
                if index > 0:
                    parent[index - 1].tail = (parent[index - 1].tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
    return out


def _gutters(tags: set[str]) -> float:
    """The room a row leaves between its cells (a center cell keeps a gutter on both sides)."""
    return GUTTER * (3 if "center" in tags else 1)


@dataclass
class Cell:
    paragraph: TextBlock
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
    # None for a real site; for the bundled example settings, the line shown beside SAMPLE.
    sample_note: str | None = None
    _static: dict[int, Cell] = field(default_factory=dict)
    _natural: dict[int, float] = field(default_factory=dict)
    _band: Row | None = None
    # Each row's cells as printed (its <optional> parts kept or dropped), decided once: the
    # same on every page, and kept alive so the caches keyed by id() stay valid.
    _printed: dict[int, list[Element]] = field(default_factory=dict)

    def _cell_boxes(self, tags: set[str], natural: dict[str, float]) -> dict[str, tuple[float, float]]:
        """(x offset, width) per cell, side by side and never overlapping. The right cell (the
        date, the procedure) and the center cell (page X of Y) get their natural width plus a
        gutter, within limits, so a date is not broken over two lines; the left cell, which
        holds the patient's name and identifiers, gets the rest."""
        w = self.width
        right_cap, center_cap = w * 0.5, w * 0.25
        if sum(natural.get(t, 0) for t in tags) + _gutters(tags) <= w:
            # Every cell fits on one line: none is held to its usual share, so a long printing
            # date in large print does not wrap the footer onto a second line on every page.
            right_cap = center_cap = w
        right = min(natural.get("right", 0) + GUTTER, right_cap) / w
        if "center" in tags:
            center = min(natural.get("center", 0) + 2 * GUTTER, center_cap) / w
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
            cells = self._printed_cells(row)
            natural = {c.tag: self._natural_width(c, style_for[c.tag], _WIDEST) for c in cells}
            boxes = self._cell_boxes({c.tag for c in cells}, natural)
            rows.append(Row([self._cell(c, boxes[c.tag], style_for[c.tag], tokens) for c in cells]))
        return rows

    def _printed_cells(self, row: Element) -> list[Element]:
        """The row's cells with their <optional> parts, when the row then fits on one line;
        else without them. The handout's title beside the hospital's name took a third header
        line on every page in large print in six languages (ru, tl, uk, it, ht, vi): a page's
        worth of room over a handout, for words page 1 prints as its title anyway."""
        if id(row) not in self._printed:
            style_for = self._styles()
            cells = [c for c in row if c.tag in CELLS]
            natural = sum(self._natural_width(c, style_for[c.tag], _WIDEST) for c in cells)
            fits = natural + _gutters({c.tag for c in cells}) <= self.width
            self._printed[id(row)] = cells if fits else [_without_optional(c) for c in cells]
        return self._printed[id(row)]

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

    def _sample_band(self, height: float) -> Row | None:
        """SAMPLE in large bold letters with the note beside it, fitted into `height` points (the
        top margin, so a sample handout breaks its pages exactly as the real one will)."""
        if self.sample_note is None:
            return None
        if self._band is None:
            base = self.styles.furniture_right if self.rtl else self.styles.furniture_left
            inner = self.width - 2 * SAMPLE_PADDING
            word_style = ParagraphStyle("sample_word", base, fontSize=height * 0.75, leading=height * 0.8)
            word_element = Element("left")
            word_element.text = SAMPLE_WORD
            word = make_paragraph(word_element, self.resolver, word_style, bold=True)
            word.wrap(inner, 1000)
            word_width = max(word.getActualLineWidths0(), default=inner * 0.3) + GUTTER
            word_height = word.wrap(word_width, 1000)[1]
            note_element = Element("left")
            note_element.text = self.sample_note
            note_width = inner - word_width
            # Right to left only once translated: the English source keeps its full stop at the end.
            rtl_note = self.rtl and has_rtl(self.sample_note)
            for size in (11, 10, 9, 8, 7, 6):  # the largest that fits (two lines at most)
                note_style = ParagraphStyle("sample_note", base, fontSize=size, leading=size * 1.15)
                note = make_paragraph(note_element, self.resolver, note_style, bold=True, rtl_base=rtl_note)
                note_height = note.wrap(note_width, 1000)[1]
                if note_height <= height - 2:
                    break
            word_x, note_x = (note_width, 0.0) if self.rtl else (0.0, word_width)
            self._band = Row([Cell(word, word_x, word_height), Cell(note, note_x, note_height)])
        return self._band

    def draw_watermark(self, canvas: Canvas, _doc=None) -> None:
        """A light diagonal SAMPLE across a sample page, drawn when the page begins (ReportLab's
        onPage), so the handout's text is painted over it. It is an opaque light grey, not a
        transparent overlay: print filters (CUPS' pdftops, Ghostscript) turn pages with
        transparency into images, and the printed handout would lose its vector text."""
        if self.sample_note is None:
            return
        page_width, page_height = canvas._pagesize  # type: ignore[attr-defined]
        # Letter outlines, not text: the watermark is seen on paper but never read into the
        # handout's text (copying, search, screen readers).
        ops, advance, units = _watermark_outline()
        canvas.saveState()
        canvas.translate(page_width / 2, page_height / 2)
        canvas.rotate(50)
        canvas.scale(WATERMARK_SIZE / units, WATERMARK_SIZE / units)
        canvas.translate(-advance / 2, -0.36 * units)  # centred on the page (about half the cap height)
        canvas.setFillGray(WATERMARK_GRAY)
        path = canvas.beginPath()
        for op, points in ops:
            getattr(path, op)(*points)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_sample(self, canvas: Canvas, x0: float) -> None:
        """The SAMPLE band in the top margin."""
        page_width, page_height = canvas._pagesize  # type: ignore[attr-defined]
        top = page_height - SAMPLE_EDGE
        height = self.styles.scale.margin - SAMPLE_EDGE - SAMPLE_GAP  # down to just above the header
        band = self._sample_band(height)
        if band is None:
            return
        canvas.saveState()
        canvas.setLineWidth(1.2)
        canvas.rect(x0, top - height, self.width, height)
        for cell in band.cells:  # each cell centred in the band's height
            cell.paragraph.drawOn(canvas, x0 + SAMPLE_PADDING + cell.x, top - (height + cell.height) / 2)
        canvas.restoreState()

    def draw(self, canvas: Canvas, page: int, pages: int, x0: float) -> None:
        margin = self.styles.scale.margin
        canvas.setLineWidth(0.8)
        top = canvas._pagesize[1] - margin  # type: ignore[attr-defined]
        self._draw_sample(canvas, x0)
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


@cache
def _watermark_outline() -> tuple[list[tuple[str, tuple[float, ...]]], float, int]:
    """SAMPLE_WORD as path operations in font units (Noto Sans Bold), its advance width and the
    font's units per em."""
    font = TTFont(str(fonts_dir() / WATERMARK_FONT))
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    pen = _PathRecorder()
    for ch in SAMPLE_WORD:
        glyph = glyphs[cmap[ord(ch)]]
        glyph.draw(TransformPen(pen, (1, 0, 0, 1, pen.x, 0)))
        pen.x += glyph.width
    return pen.ops, pen.x, font["head"].unitsPerEm


class _PathRecorder(BasePen):
    def __init__(self) -> None:
        super().__init__(None)
        self.ops: list[tuple[str, tuple[float, ...]]] = []
        self.x = 0.0

    def _moveTo(self, pt):  # noqa: N802 (fontTools' names)
        self.ops.append(("moveTo", pt))

    def _lineTo(self, pt):  # noqa: N802
        self.ops.append(("lineTo", pt))

    def _curveToOne(self, pt1, pt2, pt3):  # noqa: N802
        self.ops.append(("curveTo", (*pt1, *pt2, *pt3)))

    def _closePath(self):  # noqa: N802
        self.ops.append(("close", ()))


def furnished_canvas(furniture: Furniture, x0: float):
    """A canvas class that defers each page so its header and footer can say "of N"."""

    class FurnishedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.deferred_pages: list[dict] = []
            self.section_marks: list[tuple[int, str, str]] = []  # see outline.py

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self.deferred_pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self.deferred_pages)
            for number, state in enumerate(self.deferred_pages, start=1):
                self.__dict__.update(state)
                furniture.draw(self, number, total, x0)
                write_marks(self, number)
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnishedCanvas
