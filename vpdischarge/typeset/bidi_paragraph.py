"""A paragraph that holds right-to-left text, laid out line by line in visual order.

ReportLab 5 applies the bidi algorithm only to paragraphs made of a single fragment; ours have
one fragment per font run and per bold span, so right-to-left text needs this class:
1. break the text into lines greedily, measuring each word as HarfBuzz will shape it;
2. per line, resolve bidi levels (Unicode algorithm) and put words and runs in visual order;
3. give ReportLab each line, already in visual order, as a one-line paragraph to shape and draw.
HarfBuzz writes an Arabic word's glyphs right to left itself, so a right-to-left word keeps its
letters in logical order here; only neutral characters that land in a right-to-left run (a full
stop, a bracket) are placed and mirrored by us.

Used for every paragraph of a right-to-left handout, and for any left-to-right paragraph holding
right-to-left text (an Arabic name on a Spanish handout).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable, Paragraph

from vpdischarge.domain.text_rules import without_bidi_controls
from vpdischarge.typeset.bidi import levels, mirrored, visual_order
from vpdischarge.typeset.scripts import has_rtl, needs_shaping

BREAK = "\n"


@dataclass
class Piece:
    face: str
    text: str


def _width(piece: Piece, size: float) -> float:
    text = without_bidi_controls(piece.text)
    if needs_shaping(text):
        shaped = shapeStr(text, piece.face, size)
        if isinstance(shaped, ShapedStr):
            return sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
    return stringWidth(text, piece.face, size)


def _words(runs: list[tuple[str, str]]) -> list[list[Piece] | str]:
    """Words as lists of single-font pieces; BREAK marks a forced line break."""
    words: list[list[Piece] | str] = []
    current: list[Piece] = []
    for face, text in runs:
        for ch in text:
            if ch == BREAK or ch.isspace():
                if current:
                    words.append(current)
                    current = []
                if ch == BREAK:
                    words.append(BREAK)
            elif current and current[-1].face == face:
                current[-1].text += ch
            else:
                current.append(Piece(face, ch))
    if current:
        words.append(current)
    return words


class BidiParagraph(Flowable):
    def __init__(self, runs, style: ParagraphStyle, rtl_base: bool, bullet_text: str | None = None):
        super().__init__()
        self.runs, self.style, self.rtl_base, self.bullet_text = runs, style, rtl_base, bullet_text
        self._lines: list[tuple[list[list[Piece]], float]] | None = None  # (words, width) per line
        self._width_for: float | None = None
        self._line_style = ParagraphStyle(
            f"{style.name}-line",
            parent=style,
            wordWrap=None,
            shaping=1,
            firstLineIndent=0,
            leftIndent=0,
            rightIndent=0,
            bulletText=None,
            spaceBefore=0,
            spaceAfter=0,
            alignment=style.alignment if style.alignment in (TA_LEFT, TA_RIGHT, TA_CENTER) else TA_LEFT,
        )

    # -- line breaking ---------------------------------------------------------------------
    def _break(self, available: float) -> list[tuple[list[list[Piece]], float]]:
        size = self.style.fontSize
        space = stringWidth(" ", self.style.fontName, size)
        lines, line, used = [], [], 0.0
        for word in _words(self.runs):
            if word == BREAK:
                lines.append((line, used))
                line, used = [], 0.0
                continue
            width = sum(_width(p, size) for p in word)
            extra = width + (space if line else 0)
            if line and used + extra > available:
                lines.append((line, used))
                line, used = [], 0.0
                extra = width
            line.append(word)
            used += extra
        if line or not lines:
            lines.append((line, used))
        return lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        inner = available_width - self.style.leftIndent - self.style.rightIndent
        if self._lines is None or self._width_for != available_width:
            self._lines = self._break(inner * 0.99)  # shaped widths can differ by a hair
            self._width_for = available_width
        self.width = available_width
        self.height = len(self._lines) * self.style.leading
        return available_width, self.height

    def getActualLineWidths0(self) -> list[float]:  # noqa: N802 (ReportLab's name)
        return [width for _, width in self._lines or []]

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        fit = int(available_height // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        first, rest = self._copy(self._lines[:fit], self.bullet_text), self._copy(self._lines[fit:], None)
        return [first, rest]

    def _copy(self, lines, bullet_text):
        twin = BidiParagraph(self.runs, self.style, self.rtl_base, bullet_text)
        twin._lines, twin._width_for = lines, self._width_for
        return twin

    # -- visual order ------------------------------------------------------------------------
    def _visual_markup(self, words: list[list[Piece]]) -> str:
        items: list[tuple[Piece, int]] = []
        logical = " ".join("".join(p.text for p in w) for w in words)
        line_levels = levels(logical, self.rtl_base)
        pos = 0
        for n, word in enumerate(words):
            if n:
                items.append((Piece(self.style.fontName, " "), line_levels[pos]))
                pos += 1
            for piece in word:
                start = pos
                for i in range(len(piece.text) + 1):  # cut the piece where the level changes
                    if i == len(piece.text) or (i and line_levels[pos + i] != line_levels[pos + i - 1]):
                        items.append((Piece(piece.face, piece.text[start - pos : i]), line_levels[start]))
                        start = pos + i
                pos += len(piece.text)
        parts = []
        for index in visual_order([level for _, level in items]):
            piece, level = items[index]
            # Embedding controls have done their work (levels); they have no glyph to print.
            text = without_bidi_controls(piece.text)
            if not text:
                continue
            if level % 2 and not has_rtl(text):
                text = "".join(mirrored(ch) for ch in reversed(text))  # neutrals in an RTL run
            parts.append(f'<font name="{piece.face}">{escape(text)}</font>')
        return "".join(parts)

    def draw(self) -> None:
        top = self.height
        for n, (words, _) in enumerate(self._lines or []):
            line = Paragraph(self._visual_markup(words) or "&nbsp;", self._line_style)
            inner = self.width - self.style.leftIndent - self.style.rightIndent
            _, height = line.wrap(inner, self.style.leading * 3)
            top -= self.style.leading
            line.drawOn(self.canv, self.style.leftIndent, top + self.style.leading - height)
            if n == 0 and self.bullet_text:
                self._draw_bullet(top)

    def _draw_bullet(self, line_bottom: float) -> None:
        font = self.style.bulletFontName or self.style.fontName
        size = self.style.bulletFontSize or self.style.fontSize
        baseline = line_bottom + (self.style.leading - size) / 2 + size * 0.2
        self.canv.setFont(font, size)
        if self.rtl_base:
            self.canv.drawRightString(self.width - self.style.bulletIndent, baseline, self.bullet_text)
        else:
            self.canv.drawString(self.style.bulletIndent, baseline, self.bullet_text)
