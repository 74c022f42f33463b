"""Where a line may break: values kept whole, and the Chinese and Japanese line rules (kinsoku).

A typed or formatted value (a name, a record number, a date, a time, a phone, "10 pounds") is
one unit on the page: "1942年6月15 / 日" or "Okonkwo-Van / derbilt" is a misread waiting to
happen. The content layer isolates each such value (FSI ... PDI, content/text.py); the
typesetter reads an isolate as a unit and keeps it whole:
- text broken by ReportLab at spaces (Latin, Cyrillic, ...) gets no-break spaces inside a unit;
- text broken between characters (Chinese, Japanese) gets a WORD JOINER between the unit's
  characters. The joiner is the typesetter's own mark, added after the typed text was cleaned
  of invisible characters; the line breaker below reads it and drops it, so it is never drawn
  and never read back from the PDF.
A unit longer than a whole line may break only at its own spaces or hyphens; only a unit with
none of those (a long Chinese note line) breaks between its characters, so no text runs off
the paper.

Chinese and Japanese lines never start with closing punctuation ("，。、）」") and never end with
opening punctuation ("（「"): ReportLab's CJK wrap knew only part of the first rule (not "，",
"！", "？", "：", "；") and none of the second, so this module breaks those lines itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # ReportLab internals
    FragLine,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    cleanBlockQuotedText,
    getAscentDescent,
    sameFrag,
)
from reportlab.rl_config import _FUZZ

from vpdischarge.domain.text_rules import NO_BREAK_SPACE

WORD_JOINER = "\u2060"
ISOLATE_STARTS = frozenset("\u2066\u2067\u2068")
ISOLATE_END = "\u2069"

# Never at the start of a line: closing brackets and quotes, stops and commas, the other
# sentence punctuation, iteration marks, the prolonged sound mark and small kana.
CANNOT_START = frozenset(
    "、。，．,.！？!?：；:;・）)］]｝}」』】〕〉》〙〗〟’”｠»›"
    "ー々〻ゝゞヽヾ゛゜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "〜～‐゠–—…‥%％‰°℃′″"
)
# Never at the end of a line: opening brackets and quotes.
CANNOT_END = frozenset("（(［[｛{「『【〔〈《〘〖〝‘“｟«‹")
# Small punctuation that may hang into the margin rather than pull a character down with it
# (as ReportLab's own CJK wrap did, so pages break where they did).
HANGING = frozenset("、。，．,.")
HYPHENS = frozenset("-\u2010")


def _is_space(ch: str) -> bool:
    return ch != NO_BREAK_SPACE and (ch.isspace() or ch == "\u3000")


def _is_wide(ch: str) -> bool:
    """Han, kana, Hangul and full-width forms: a line may break between two of them."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def may_break_between(before: str, after: str) -> bool:
    """The rule for two neighbouring characters of running text, units aside: after a space
    (never before one), between wide characters (or a wide and a narrow one), never inside a
    Latin word or number, never next to a no-break space, and never so that a line starts with
    closing punctuation or ends with opening punctuation."""
    if not before or not after:
        return False
    if NO_BREAK_SPACE in (before, after) or WORD_JOINER in (before, after) or _is_space(after):
        return False
    if before in CANNOT_END or after in CANNOT_START:
        return False
    return _is_space(before) or _is_wide(before) or _is_wide(after)


def _glued(unit: str, cjk: bool) -> str:
    """One unit's text made unbreakable (isolate controls inside it are kept)."""
    if not cjk:
        return unit.replace(" ", NO_BREAK_SPACE)
    out: list[str] = []
    previous = False  # a printed character of the unit came before
    for ch in unit:
        if ch in ISOLATE_STARTS or ch == ISOLATE_END:
            out.append(ch)
            continue
        if previous:
            out.append(WORD_JOINER)
        out.append(ch)
        previous = True
    return "".join(out)


def glue_units(
    text: str, depth: int = 0, cjk: bool = False, fits: Callable[[str], bool] | None = None
) -> tuple[str, int]:
    """`text` with each isolated unit (FSI ... PDI, nested or not) made unbreakable: its spaces
    become no-break spaces, or, for text broken between characters (`cjk`), a word joiner goes
    between its characters and its spaces stay (a unit too long for a line breaks there).
    `fits(unit)` says whether a unit fits on a whole line; one that does not is left breakable.
    `depth` is the isolate depth where `text` starts (a unit may run across bold and plain
    spans); the depth where it ends is returned with it. The isolate controls stay."""
    out: list[str] = []
    unit: list[str] = []
    for ch in text:
        if depth == 0 and ch not in ISOLATE_STARTS:
            out.append(ch)
            continue
        if ch == "\n":  # a forced line break ends a unit
            out.append(_glued("".join(unit), cjk) + ch)
            unit, depth = [], 0
            continue
        unit.append(ch)
        if ch in ISOLATE_STARTS:
            depth += 1
        elif ch == ISOLATE_END:
            depth -= 1
            if depth == 0:
                whole = "".join(unit)
                out.append(whole if fits is not None and not fits(whole) else _glued(whole, cjk))
                unit = []
    if unit:  # runs on into the next span
        out.append(_glued("".join(unit), cjk))
    return "".join(out), depth


# -- Chinese and Japanese lines -------------------------------------------------------------------


def _items(frags) -> tuple[list[cjkU], list[bool]]:
    """Every character of the paragraph (ReportLab's cjkU, which knows its fragment and width)
    without the word joiners, and for each whether a joiner glued it to the one before."""
    chars: list[cjkU] = []
    glued: list[bool] = []
    joined = False
    for frag in frags:
        text = frag.text if hasattr(frag, "text") else ""
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if not text:
            chars.append(cjkU(text, frag, "utf8"))
            glued.append(False)
            continue
        for ch in text:
            if ch == WORD_JOINER:
                joined = True
                continue
            chars.append(cjkU(ch, frag, "utf8"))
            glued.append(joined)
            joined = False
    return chars, glued


def _break_allowed(chars: Sequence[str], glued: Sequence[bool], k: int, level: int) -> bool:
    """May the line break before chars[k]? Level 0 keeps units whole; level 1 lets a unit too
    long for a line break at its own spaces, level 2 at its hyphens too; level 3 keeps only the
    punctuation rules; level 4 allows any break (a character wider than the line)."""
    before, after = chars[k - 1], chars[k]
    if level >= 4:
        return True
    if level == 3:
        return before not in CANNOT_END and after not in CANNOT_START
    hyphen = level == 2 and before in HYPHENS and bool(after) and not _is_space(after)
    if not (may_break_between(before, after) or hyphen):
        return False
    return not glued[k] or (level >= 1 and _is_space(before)) or hyphen


def _best_break(chars, glued, start: int, end: int) -> int:
    """Where to break a line that holds chars[start:end] and is full at chars[end]."""
    if chars[end] in HANGING and (end + 1 >= len(chars) or _break_allowed(chars, glued, end + 1, 0)):
        # Hanging punctuation: it stays at the end of this line, a little into the margin.
        return end + 1
    for level in range(5):
        for k in range(min(end, len(chars) - 1), start, -1):
            if _break_allowed(chars, glued, k, level):
                return k
    return max(end, start + 1)


def _line(chars: list[cjkU], glued: list[bool], max_width: float, line_break: bool) -> FragLine:
    """A FragLine from the characters of one line (ReportLab's makeCJKParaLine, with the word
    joiners kept on the side, in `_glued_text`, so a paragraph split over two pages keeps its
    units whole on the second page too)."""
    space_after = False
    while chars and _is_space(chars[-1]):  # a line never ends in space
        chars, glued, space_after = chars[:-1], glued[:-1], True
    width = sum(u.width for u in chars)
    words: list = []
    size = ascent = descent = 0.0
    current = None
    for u, joined in zip(chars, glued, strict=True):
        f = u.frag
        size = max(size, f.fontSize)
        a, d = getAscentDescent(f.fontName, f.fontSize)
        ascent, descent = max(ascent, a), min(descent, d)
        if current is None or not sameFrag(current, f):
            current = f.clone()
            current.text = ""
            current._glued_text = ""
            words.append(current)
        current.text += str(u)
        current._glued_text += (WORD_JOINER if joined else "") + str(u)
    line = FragLine(
        kind=1,
        extraSpace=max_width - width,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        currentWidth=width,
        lineBreak=line_break,
    )
    line._space_after = space_after
    return line


def cjk_frag_split(frags, max_widths: Sequence[float]) -> ParaLines:
    """Break a Chinese or Japanese paragraph into lines, greedily, at the best place the rules
    above allow (ReportLab's cjkFragSplit, with units and both punctuation rules)."""
    chars, glued = _items(frags)
    lines = []
    start, width, k = 0, 0.0, 0
    max_width = max_widths[0]
    while k < len(chars):
        u = chars[k]
        if hasattr(u.frag, "lineBreak"):
            lines.append(_line(chars[start : k + 1], glued[start : k + 1], max_width, True))
            start, width, k = k + 1, 0.0, k + 1
        elif width + u.width > max_width + _FUZZ and k > start and not _is_space(u):
            cut = _best_break(chars, glued, start, k)
            while cut < len(chars) and _is_space(chars[cut]):  # nor starts with one
                cut += 1
            lines.append(_line(chars[start:cut], glued[start:cut], max_width, False))
            start, width, k = cut, 0.0, cut
        else:
            width += u.width
            k += 1
        if len(lines) < len(max_widths):
            max_width = max_widths[len(lines)]
    if start < len(chars):
        lines.append(_line(chars[start:], glued[start:], max_width, False))
    return ParaLines(kind=1, lines=lines)


def _split_keeping_joiners(bl_para, start: int, stop: int) -> list:
    """The fragments of lines start to stop, for the part of a paragraph that goes on to the
    next page: with their word joiners, and a space between two lines only where the text had
    one (ReportLab's own split puts one after every line, a gap inside a Chinese sentence)."""
    frags = []
    for line in bl_para.lines[start:stop]:
        words = [w.clone() for w in line.words]
        for w in words:
            w.text = getattr(w, "_glued_text", w.text)
        if words and getattr(line, "_space_after", False):
            words[-1].text += " "
        frags.extend(words)
    return frags


@cache
def _with_hyphens(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-hyphens", style, embeddedHyphenation=1)


class UnitParagraph(Paragraph):
    """A ReportLab paragraph whose Chinese and Japanese lines are broken by the rules above.

    Elsewhere ReportLab breaks lines at spaces, and a unit is one word to it (no-break spaces).
    `remake(line_width)` makes the paragraph's markup again with the units wider than a whole
    line left breakable at their own spaces: ReportLab would cut such a word between any two
    letters. Hyphens then break a unit's word that is still too wide ("Okonkwo-Vanderbilt-" /
    "Fitzgerald"), before ReportLab cuts it where it must."""

    def __init__(
        self, text, style=None, *args, remake: Callable[[float], tuple[str, bool]] | None = None, **kw
    ):
        super().__init__(text, style, *args, **kw)
        self._remake = remake
        self._made_for: float | None = None
        self._plain_style = self.style
        self._markup = text

    def wrap(self, availWidth, availHeight):  # noqa: N803 (ReportLab's names)
        if self._remake is not None:
            style = self._plain_style
            line_width = availWidth - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
            if line_width != self._made_for:
                self._made_for = line_width
                markup, too_wide = self._remake(line_width)
                new_style = _with_hyphens(style) if too_wide else style
                if markup != self._markup or new_style is not self.style:
                    self._markup, self.style = markup, new_style
                    self._setup(markup, self.style, self.bulletText, None, cleanBlockQuotedText)
        return super().wrap(availWidth, availHeight)

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (ReportLab's names)
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            style = self.style
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        return cjk_frag_split(self.frags, maxWidths)

    def _get_split_blParaFunc(self):  # noqa: N802 (ReportLab's name)
        if self.blPara.kind == 1 and self.style.wordWrap == "CJK":
            return _split_keeping_joiners
        return super()._get_split_blParaFunc()
