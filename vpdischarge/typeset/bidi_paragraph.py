"""A paragraph that holds right-to-left text, laid out line by line in visual order.

ReportLab 5 applies the bidi algorithm only to paragraphs made of a single fragment; ours have
one fragment per font run and per bold span, so right-to-left text needs this class:
1. resolve the bidi levels of the whole paragraph (UAX #9, see bidi.py), isolates included;
2. break it into lines greedily, measuring each word as HarfBuzz will shape it; a word longer
   than the line is cut inside itself, between letters that may be parted (never inside a
   letter with its marks, a conjunct or a joiner), instead of running off the page;
3. per line, apply the line rules (L1, L2) and put the runs in visual order;
4. set each line's pieces, already in visual order, directly on the canvas.
HarfBuzz writes a right-to-left run's glyphs right to left itself, so such a run keeps its
letters in logical order here; only neutral characters that land in a right-to-left run (a full
stop, a bracket in a font of its own) are reversed and mirrored by us. A left-to-right run is
shaped left to right (Persian digits are Arabic script, and HarfBuzz would guess wrong).

Used for every paragraph of a right-to-left handout, and for any left-to-right paragraph holding
right-to-left text (an Arabic name on a Spanish handout).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.platypus import Flowable

from vpdischarge.domain.text_rules import DIRECTION_CONTROLS, JOINERS, NO_BREAK_SPACE
from vpdischarge.typeset.bidi import line_levels, mirrored, paragraph_levels, visual_order
from vpdischarge.typeset.line_breaks import HYPHENS, ISOLATE_END, ISOLATE_STARTS
from vpdischarge.typeset.scripts import has_rtl, needs_ltr_shaping, needs_shaping

BREAK = "\n"
_PRINTED = str.maketrans(dict.fromkeys(map(ord, DIRECTION_CONTROLS)))
Segment = tuple[int, int]  # [start, end) of a word (or part of one) in the paragraph's text
Line = tuple[list[Segment], float]  # a line's words and their width with the spaces between


@dataclass
class Piece:
    face: str
    text: str
    rtl: bool = False  # set at a right-to-left level: HarfBuzz writes it right to left


def printed(text: str) -> str:
    """`text` without the direction controls: they have done their work (levels) and have no
    glyph to print."""
    return text.translate(_PRINTED)


@lru_cache(maxsize=20_000)
def _shaped(text: str, face: str, size: float, rtl: bool = True) -> str:
    """The text as HarfBuzz shapes it (joined Arabic letters, Devanagari conjuncts; a right-to-
    left run comes back in display order), or the text itself where nothing needs shaping. A
    left-to-right run of Arabic digits or punctuation is not shaped: HarfBuzz would take it for
    right-to-left text and reverse "۱۲۳"."""
    if not needs_shaping(text) or (not rtl and not needs_ltr_shaping(text)):
        return text
    return shapeStr(text, face, size)


@lru_cache(maxsize=20_000)
def _measure(text: str, face: str, size: float, rtl: bool = True) -> float:
    """Width of one word as HarfBuzz will shape it. Cached: the template's words recur in every
    handout, and shaping is the slow part of a right-to-left page."""
    shaped = _shaped(text, face, size, rtl)
    if isinstance(shaped, ShapedStr):
        return sum(d.x_advance for d in shaped.__shapeData__) * size / 1000  # type: ignore[attr-defined]
    return stringWidth(text, face, size)


def _may_break_before(text: str, index: int) -> bool:
    """Whether a word may be cut between text[index - 1] and text[index] when it is too long
    for a line: never before a combining mark or after a virama (a letter and its marks, a
    Devanagari conjunct stay whole), never next to a joiner or a direction control."""
    ch, before = text[index], text[index - 1]
    if unicodedata.category(ch)[0] == "M" or ch in JOINERS or before in JOINERS:
        return False
    if ch in DIRECTION_CONTROLS or before in DIRECTION_CONTROLS:
        return False
    return unicodedata.combining(before) != 9


def _flatten(runs: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """The paragraph's text (BREAK for a forced line break) and the font of each character."""
    faces: list[str] = []
    for face, text in runs:
        faces.extend([face] * len(text))
    return "".join(text for _, text in runs), faces


class BidiParagraph(Flowable):
    def __init__(self, runs, style: ParagraphStyle, rtl_base: bool, bullet_text: str | None = None):
        super().__init__()
        self.runs, self.style, self.rtl_base, self.bullet_text = runs, style, rtl_base, bullet_text
        self._text, self._faces = _flatten(runs)
        self._lines: list[Line] | None = None
        self._width_for: float | None = None

    @property
    def _levels(self) -> tuple[int, ...]:
        return paragraph_levels(self._text, self.rtl_base)

    # -- line breaking ---------------------------------------------------------------------
    def _tokens(
        self, start_at: int = 0, end_at: int | None = None, units: bool = True
    ) -> Iterator[Segment | str]:
        """Words as [start, end) ranges, and BREAK for a forced line break. With `units`, an
        isolated value (a name, a date: FSI ... PDI) is one word, spaces and all
        (line_breaks.py)."""
        text, start, depth = self._text, None, 0
        end_at = len(text) if end_at is None else end_at
        for i in range(start_at, end_at):
            ch = text[i]
            if units and ch in ISOLATE_STARTS:
                depth += 1
            elif units and ch == ISOLATE_END:
                depth = max(depth - 1, 0)
            if ch == BREAK or (ch.isspace() and ch != NO_BREAK_SPACE and not depth):
                if start is not None:
                    yield (start, i)
                    start = None
                if ch == BREAK:
                    yield BREAK
            elif start is None:
                start = i
        if start is not None:
            yield (start, end_at)

    def _width(self, start: int, end: int) -> float:
        """Width of text[start:end] (no spaces in it), each font's part measured as shaped."""
        size, width, i = self.style.fontSize, 0.0, start
        while i < end:
            j = i
            while j < end and self._faces[j] == self._faces[i]:
                j += 1
            piece = printed(self._text[i:j])
            if piece:
                width += _measure(piece, self._faces[i], size)
            i = j
        return width

    def _cut(self, start: int, end: int, available: float) -> list[Segment]:
        """A word too long for a line, cut into parts that each fit (the longest that fits,
        found by halving; a single letter wider than the line still gets a line of its own)."""
        parts: list[Segment] = []
        while start < end:
            if self._width(start, end) <= available:
                parts.append((start, end))
                break
            cuts = [i for i in range(start + 1, end) if _may_break_before(self._text, i)]
            # A word's own hyphens first ("Okonkwo-Vanderbilt-" / "Fitzgerald"), then anywhere.
            after_hyphen = [i for i in cuts if self._text[i - 1] in HYPHENS]
            fitting = [i for i in after_hyphen if self._width(start, i) <= available]
            if fitting:
                parts.append((start, fitting[-1]))
                start = fitting[-1]
                continue
            low, high, best = 0, len(cuts) - 1, None
            while low <= high:
                middle = (low + high) // 2
                if self._width(start, cuts[middle]) <= available:
                    best, low = cuts[middle], middle + 1
                else:
                    high = middle - 1
            if best is None:
                best = cuts[0] if cuts else end
            parts.append((start, best))
            start = best
        return parts

    def _break(self, available: float) -> list[Line]:
        space = stringWidth(" ", self.style.fontName, self.style.fontSize)
        lines: list[Line] = []
        line: list[Segment] = []
        used = 0.0
        tokens = list(self._tokens())
        while tokens:
            token = tokens.pop(0)
            if isinstance(token, str):  # BREAK
                lines.append((line, used))
                line, used = [], 0.0
                continue
            width = self._width(*token)
            words = list(self._tokens(*token, units=False)) if width > available else [token]
            if len(words) > 1:
                # A unit longer than a whole line: it breaks at its own spaces.
                tokens[0:0] = words
                continue
            if width > available:
                # Longer than a whole line: it starts a line of its own and is cut inside.
                if line:
                    lines.append((line, used))
                *full, last = self._cut(*token, available)
                lines.extend(([part], self._width(*part)) for part in full)
                line, used = [last], self._width(*last)
                continue
            extra = width + (space if line else 0)
            if line and used + extra > available:
                lines.append((line, used))
                line, used = [], 0.0
                extra = width
            line.append(token)
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
        if self._lines is None or fit >= len(self._lines):
            return []  # nothing to split: it fits (ReportLab expects no parts or two)
        # As ReportLab's own paragraphs (styles.py): no lone last line at the top of the next
        # page, no lone first line at the foot of this one.
        if not self.style.allowWidows and len(self._lines) - fit < 2:
            fit = len(self._lines) - 2
        if fit < (1 if self.style.allowOrphans else 2):
            return []
        first, rest = self._copy(self._lines[:fit], self.bullet_text), self._copy(self._lines[fit:], None)
        return [first, rest]

    def _copy(self, lines, bullet_text):
        twin = BidiParagraph(self.runs, self.style, self.rtl_base, bullet_text)
        twin._lines, twin._width_for = lines, self._width_for
        return twin

    # -- visual order ------------------------------------------------------------------------
    def _visual_items(self, segments: list[Segment]) -> list[Piece]:
        """The line cut into runs of one bidi level and one font, in display order.

        Levels are the paragraph's (resolved before the line was broken); the space between two
        words takes the level of the white space typed there. A right-to-left run is kept in
        logical order: HarfBuzz lays it out in display order itself (reversed, joined, brackets
        mirrored). Only a run of neutral characters at a right-to-left level (a full stop in a
        font of its own) is reversed and mirrored here."""
        text, levels, base = self._text, self._levels, 1 if self.rtl_base else 0
        chars: list[str] = []
        faces: list[str] = []
        char_levels: list[int] = []
        for n, (start, end) in enumerate(segments):
            if n:
                gap = segments[n - 1][1]
                chars.append(" ")
                faces.append(self.style.fontName)
                char_levels.append(levels[gap] if gap < len(text) else base)
            chars.extend(text[start:end])
            faces.extend(self._faces[start:end])
            char_levels.extend(levels[start:end])
        char_levels = line_levels("".join(chars), char_levels, self.rtl_base)
        runs: list[tuple[Piece, int]] = []
        for ch, face, level in zip(chars, faces, char_levels, strict=True):
            if ch in DIRECTION_CONTROLS:
                continue
            if runs and runs[-1][0].face == face and runs[-1][1] == level:
                runs[-1][0].text += ch
            else:
                runs.append((Piece(face, ch, bool(level % 2)), level))
        shown = []
        for index in visual_order([level for _, level in runs]):
            piece, level = runs[index]
            if piece.rtl and not has_rtl(piece.text):
                piece = Piece(piece.face, "".join(mirrored(ch) for ch in reversed(piece.text)), True)
            shown.append(piece)
        return shown

    def draw(self) -> None:
        """Each line's pieces are already in display order with known widths, so they are set
        directly on the canvas (shaped by HarfBuzz where needed), aligned as the style says.
        Baselines are where ReportLab puts a paragraph's: one font size below the top, then one
        leading per line, so these lines sit exactly like their left-to-right neighbours."""
        size, leading = self.style.fontSize, self.style.leading
        inner = self.width - self.style.leftIndent - self.style.rightIndent
        for n, (segments, _) in enumerate(self._lines or []):
            pieces = self._visual_items(segments)
            widths = [_measure(p.text, p.face, size, p.rtl) for p in pieces]
            spare = inner - sum(widths)
            offsets: dict[object, float] = {TA_RIGHT: spare, TA_CENTER: spare / 2}
            x = self.style.leftIndent + offsets.get(self.style.alignment, 0)
            baseline = self.height - size - n * leading
            for piece, width in zip(pieces, widths, strict=True):
                self.canv.setFont(piece.face, size)
                self.canv.drawString(x, baseline, _shaped(piece.text, piece.face, size, piece.rtl))
                x += width
            if n == 0 and self.bullet_text:
                self._draw_bullet(baseline)

    def _draw_bullet(self, baseline: float) -> None:
        if not self.bullet_text:
            return
        font = self.style.bulletFontName or self.style.fontName
        size = self.style.bulletFontSize or self.style.fontSize
        self.canv.setFont(font, size)
        if self.rtl_base:
            self.canv.drawRightString(self.width - self.style.bulletIndent, baseline, self.bullet_text)
        else:
            self.canv.drawString(self.style.bulletIndent, baseline, self.bullet_text)
