"""Shaping words that are set in more than one font.

ReportLab shapes each word with the HarfBuzz font of the word's *first* fragment, then reads
the resulting glyph numbers back in each fragment's own font. A word that crosses fonts, such
as "(中文)" (parentheses in Noto Sans, Han in Droid Sans Fallback) or "김민준;" gets glyph
numbers from the wrong font: empty boxes or wrong letters on the page. Our font runs by glyph
coverage create exactly such words, so every shaped word is cut into runs of one font, each
run is shaped with its own font, and the pieces are joined again.

`install()` replaces the function the paragraph module calls; it is idempotent.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord
from reportlab.platypus import paragraph

# ReportLab's paragraph module imports shapeFragWord without declaring it in its type stubs.
_original = paragraph.shapeFragWord  # type: ignore[attr-defined]


def _font_of(item) -> str | None:
    frag = item[0]
    return None if hasattr(frag, "cbDefn") else frag.fontName


@lru_cache(maxsize=20_000)
def _shape_one(font_name: str, font_size: float, text: str):
    """(width, shaped text) of a one-font word, or None when shaping changes nothing. Cached:
    the template's words recur in every handout, and shaping dominates Hindi pages."""
    frag = ABag(fontName=font_name, fontSize=font_size)
    word = [stringWidth(text, font_name, font_size), (frag, text)]
    shaped = _original(word)
    if shaped is word:
        return None
    return shaped[0], shaped[1][1], isinstance(shaped, ShapedFragWord)


def shape_per_font(word, *args, **kwargs):
    if isinstance(word, ShapedFragWord):
        return word
    if len(word) == 2 and not args and not kwargs and not hasattr(word[1][0], "cbDefn"):
        frag, text = word[1]
        cached = _shape_one(frag.fontName, frag.fontSize, text)
        if cached is None:
            return word
        width, shaped_text, shaped_class = cached
        # Rebuilt around this word's own fragment: only the glyphs are shared, never a style.
        items = [width, (frag, shaped_text)]
        return makeShapedFragWord(word)(items) if shaped_class else word.__class__(items)
    runs = [list(g) for _, g in groupby(word[1:], key=_font_of)]
    if len(runs) < 2:
        return _original(word, *args, **kwargs)
    width, items, changed = 0.0, [], False
    for run in runs:
        run_width = sum(stringWidth(s, f.fontName, f.fontSize) for f, s in run if not hasattr(f, "cbDefn"))
        piece = word.__class__([run_width, *run])
        shaped = _original(piece, *args, **kwargs)
        changed = changed or shaped is not piece
        width += shaped[0]
        items.extend(shaped[1:])
    if not changed:
        return word
    return makeShapedFragWord(word)([width, *items])


def install() -> None:
    paragraph.shapeFragWord = shape_per_font  # type: ignore[attr-defined]
