"""Bold for a font that has no bold face (the Chinese and Japanese font).

Droid Sans Fallback, the only TrueType font that covers Han and kana and that ReportLab can
embed, comes in one weight. Without bold, the emergency box and the dates a patient must act on
lost their emphasis in Chinese and Japanese, and only the digits in them (set in Noto Sans Bold)
were bold. A face registered here draws its glyphs filled and outlined (PDF text render mode 2)
with a thin stroke, as word processors do for "synthetic bold".

ReportLab writes the text operators of a TrueType run in `PDFTextObject._formatText`; this
module wraps it once, on import, for the faces registered here only.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.textobject import PDFTextObject

# Stroke width as a share of the font size: visibly bold, counters still open at 12 pt.
STROKE_SHARE = 0.035
FAKE_BOLD_FACES: set[str] = set()

# The private ReportLab names used here are not in its type stubs (each is marked below).
_format_text = PDFTextObject._formatText  # type: ignore[attr-defined]


def _format_text_with_fake_bold(self: PDFTextObject, text) -> str:
    code = _format_text(self, text)
    if self._fontname not in FAKE_BOLD_FACES:  # type: ignore[attr-defined]
        return code
    stroke = fp_str(self._fontsize * STROKE_SHARE)  # type: ignore[attr-defined]
    # Line width is graphics state that outlives the text object: put the canvas's back.
    restore = fp_str(self._canvas._lineWidth)  # type: ignore[attr-defined]
    return f"2 Tr {stroke} w {code} 0 Tr {restore} w"


if not getattr(PDFTextObject._formatText, "fake_bold", False):  # type: ignore[attr-defined]
    _format_text_with_fake_bold.fake_bold = True  # type: ignore[attr-defined]
    PDFTextObject._formatText = _format_text_with_fake_bold  # type: ignore[attr-defined]
