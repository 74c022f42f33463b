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

from itertools import groupby

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord
from reportlab.platypus import paragraph

_original = paragraph.shapeFragWord


def _font_of(item) -> str | None:
    frag = item[0]
    return None if hasattr(frag, "cbDefn") else frag.fontName


def shape_per_font(word, *args, **kwargs):
    if isinstance(word, ShapedFragWord):
        return word
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
    paragraph.shapeFragWord = shape_per_font
