"""What a paragraph's text needs beyond its base style.

- Right-to-left characters need the bidi algorithm: such paragraphs are laid out by
  `bidi_paragraph.BidiParagraph` (an Arabic name on a Spanish handout included).
- Arabic and Indic letters change shape with their neighbours (joined letters, conjuncts), so
  their paragraphs are shaped with HarfBuzz. Only those: shaping every Latin paragraph would
  slow every handout down for nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reportlab.lib.styles import ParagraphStyle

# Blocks whose letters need shaping: Hebrew to Thaana and the Arabic supplements, the Indic
# scripts, Thai/Lao/Tibetan, Myanmar, Khmer, and the Arabic presentation forms. A compiled
# character class: this runs on every paragraph of every handout, so it must be cheap.
_SHAPED = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]"
)
# Right-to-left letters (bidi classes R and AL): Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan,
# Mandaic and their presentation forms, and the right-to-left blocks beyond the BMP.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """Whether `text` has a right-to-left letter (a quick block test; digits and marks in those
    blocks make a paragraph take the bidi path too, which is harmless)."""
    return _RTL.search(text) is not None


def first_strong_is_rtl(text: str, default: bool) -> bool:
    """The paragraph direction rule of the bidi algorithm (P2, P3): the first letter with a
    strong direction decides; `default` when there is none (digits only, say)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return default


def needs_shaping(text: str) -> bool:
    return _SHAPED.search(text) is not None


# The shaped scripts written left to right (Indic, Thai to Tibetan, Myanmar, Khmer): a run of
# these at a left-to-right level still needs HarfBuzz; Arabic digits and punctuation there do not.
_SHAPED_LTR = re.compile("[\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff]")


def needs_ltr_shaping(text: str) -> bool:
    return _SHAPED_LTR.search(text) is not None


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def style_for_text(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """The base style, or its shaped twin when the text has letters that need shaping."""
    return _shaped(style) if needs_shaping(text) and not style.shaping else style
