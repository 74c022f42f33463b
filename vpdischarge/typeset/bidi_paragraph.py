"""A paragraph that holds right-to-left text, laid out line by line in visual order.

ReportLab 5 applies the bidi algorithm only to paragraphs made of a single fragment; ours have
one fragment per font run and per bold span, so right-to-left text needs this class:
1. break the text into lines greedily, measuring each word as HarfBuzz will shape it;
2. per line, resolve bidi levels (Unicode algorithm) and put words and runs in visual order;
3. set each line's pieces, already in visual order, directly on the canvas.
HarfBuzz writes an Arabic word's glyphs right to left itself, so a right-to-left word keeps its
letters in logical order here; only neutral characters that land in a right-to-left run (a full
stop, a bracket) are placed and mirrored by us.

Used for every paragraph of a right-to-left handout, and for any left-to-right paragraph holding
right-to-left text (an Arabic name on a Spanish handout).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

from vpdischarge.domain.text_rules import NO_BREAK_SPACE, without_bidi_controls
from vpdischarge.typeset.bidi import levels, mirrored, visual_order
from vpdischarge.typeset.scripts import has_rtl, needs_shaping

BREAK = "\n"


@dataclass
class Piece:
    face: str
    text: str


def _width(piece: Piece, size: float) -> float:
    return _measure(without_bidi_controls(piece.text), piece.face, size)


@lru_cache(maxsize=20_000)
def _shaped(text: str, face: str, size: float) -> str:
    """The text as HarfBuzz shapes it (joined Arabic letters, Devanagari conjuncts; a right-to-
    left word comes back in display order), or the text itself where nothing needs shaping."""
    return shapeStr(text, face, size) if needs_shaping(text) else text


@lru_cache(maxsize=20_000)
def _measure(text: str, face: str, size: float) -> float:
    """Width of one word as HarfBuzz will shape it. Cached: the template's words recur in every
    handout, and shaping is the slow part of a right-to-left page."""
    shaped = _shaped(text, face, size)
    if isinstance(shaped, ShapedStr):
        return sum(d.x_advance for d in shaped.__shapeData__) * size / 1000
    return stringWidth(text, face, size)


def _words(runs: list[tuple[str, str]]) -> list[list[Piece] | str]:
    """Words as lists of single-font pieces; BREAK marks a forced line break."""
    words: list[list[Piece] | str] = []
    current: list[Piece] = []
    for face, text in runs:
        for ch in text:
            if ch == BREAK or (ch.isspace() and ch != NO_BREAK_SPACE):
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
            return []  # nothing to split: it fits (ReportLab expects no parts or two)
        first, rest = self._copy(self._lines[:fit], self.bullet_text), self._copy(self._lines[fit:], None)
        return [first, rest]

    def _copy(self, lines, bullet_text):
        twin = BidiParagraph(self.runs, self.style, self.rtl_base, bullet_text)
        twin._lines, twin._width_for = lines, self._width_for
        return twin

    # -- visual order ------------------------------------------------------------------------
    def _visual_items(self, words: list[list[Piece]]) -> list[Piece]:
        """The line cut into runs of one bidi level and one font, in display order.

        A right-to-left run is kept in logical order: HarfBuzz lays a whole right-to-left run
        out in display order itself (reversed, joined, brackets mirrored). Only a run of
        neutral characters at a right-to-left level (a full stop in a font of its own) is
        reversed and mirrored here."""
        chars: list[tuple[str, str]] = []
        for n, word in enumerate(words):
            if n:
                chars.append((" ", self.style.fontName))
            chars.extend((ch, piece.face) for piece in word for ch in piece.text)
        line_levels = levels("".join(ch for ch, _ in chars), self.rtl_base)
        runs: list[tuple[Piece, int]] = []
        for (ch, face), level in zip(chars, line_levels, strict=True):
            if runs and runs[-1][0].face == face and runs[-1][1] == level:
                runs[-1][0].text += ch
            else:
                runs.append((Piece(face, ch), level))
        shown = []
        for index in visual_order([level for _, level in runs]):
            piece, level = runs[index]
            # Embedding controls have done their work (levels); they have no glyph to print.
            text = without_bidi_controls(piece.text)
            if not text:
                continue
            if level % 2 and not has_rtl(text):
                text = "".join(mirrored(ch) for ch in reversed(text))
            shown.append(Piece(piece.face, text))
        return shown

    def draw(self) -> None:
        """Each line's pieces are already in display order with known widths, so they are set
        directly on the canvas (shaped by HarfBuzz where needed), aligned as the style says.
        Baselines are where ReportLab puts a paragraph's: one font size below the top, then one
        leading per line, so these lines sit exactly like their left-to-right neighbours."""
        size, leading = self.style.fontSize, self.style.leading
        inner = self.width - self.style.leftIndent - self.style.rightIndent
        for n, (words, _) in enumerate(self._lines or []):
            pieces = self._visual_items(words)
            widths = [_measure(p.text, p.face, size) for p in pieces]
            spare = inner - sum(widths)
            x = self.style.leftIndent + {TA_RIGHT: spare, TA_CENTER: spare / 2}.get(self.style.alignment, 0)
            baseline = self.height - size - n * leading
            for piece, width in zip(pieces, widths, strict=True):
                self.canv.setFont(piece.face, size)
                self.canv.drawString(x, baseline, _shaped(piece.text, piece.face, size))
                x += width
            if n == 0 and self.bullet_text:
                self._draw_bullet(baseline)

    def _draw_bullet(self, baseline: float) -> None:
        font = self.style.bulletFontName or self.style.fontName
        size = self.style.bulletFontSize or self.style.fontSize
        self.canv.setFont(font, size)
        if self.rtl_base:
            self.canv.drawRightString(self.width - self.style.bulletIndent, baseline, self.bullet_text)
        else:
            self.canv.drawString(self.style.bulletIndent, baseline, self.bullet_text)
