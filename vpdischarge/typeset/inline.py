"""Inline handout markup (<b>, <i>, <br/>, page tokens) to ReportLab paragraph text.

Every piece of text is escaped again here: the markup parser has turned `&lt;` back into `<`,
and ReportLab's paragraph parser would read it as a tag. Each run gets an explicit font from
the resolver, so no character is left to a font that lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from vpdischarge.domain.text_rules import NO_BREAK_SPACE
from vpdischarge.typeset.bidi_paragraph import BidiParagraph, printed
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.line_breaks import UnitParagraph, glue_units
from vpdischarge.typeset.scripts import has_rtl, style_for_text

# A paragraph as make_paragraph makes it: ReportLab's own, or ours for right-to-left text.
TextBlock = Paragraph | BidiParagraph  # UnitParagraph is a Paragraph

# Elements replaced by text supplied at drawing time (page numbers exist only then).
TOKENS = ("page-number", "page-count")


class MarkupError(ValueError):
    """The template produced markup outside the documented vocabulary."""


def _keep_no_break(text: str) -> str:
    """CLDR writes "1948\u202fг." and "100,4\u202f°F" with a narrow no-break space, but
    ReportLab breaks lines there; the ordinary no-break space is one it respects."""
    return text.replace("\u202f", NO_BREAK_SPACE)


def spans(
    element: Element,
    bold: bool = False,
    italic: bool = False,
    tokens: Mapping[str, str] | None = None,
) -> list[tuple[str, bool, bool]]:
    """Flatten an element's inline content to (text, bold, italic) spans; "\\n" is a line break."""
    out: list[tuple[str, bool, bool]] = []
    if element.text:
        out.append((_keep_no_break(element.text), bold, italic))
    for child in element:
        if child.tag == "b":
            out += spans(child, True, italic, tokens)
        elif child.tag == "i":
            out += spans(child, bold, True, tokens)
        elif child.tag == "optional":  # a header's part it may leave out (furniture.py)
            out += spans(child, bold, italic, tokens)
        elif child.tag == "br":
            out.append(("\n", bold, italic))
        elif child.tag in TOKENS:
            out.append(((tokens or {}).get(child.tag, ""), bold, italic))
        else:
            raise MarkupError(f"<{child.tag}> is not allowed inside text")
        if child.tail:
            out.append((_keep_no_break(child.tail), bold, italic))
    return out


def plain_text(element: Element) -> str:
    """The element's text as printed: without the direction controls (isolates around typed
    values), which only the bidi layout reads."""
    return printed("".join(text for text, _, _ in spans(element)))


def unit_text(element: Element) -> str:
    """The element's text with the isolates around its values (line_breaks.py reads them)."""
    return "".join(text for text, _, _ in spans(element))


def to_paragraph_markup(
    element: Element,
    resolver: FontResolver,
    bold: bool = False,
    italic: bool = False,
    tokens: Mapping[str, str] | None = None,
    cjk: bool = False,
    line_width: float | None = None,
    size: float = 12,
) -> str:
    """ReportLab paragraph markup for the element. Each isolated value is kept whole on its
    line (line_breaks.py): `cjk` for text broken between characters. Given the `line_width`,
    a value wider than a whole line (at font `size`) is left to break at its own spaces."""
    return _markup(element, resolver, bold, italic, tokens, cjk, line_width, size)[0]


def _markup(
    element: Element,
    resolver: FontResolver,
    bold: bool,
    italic: bool,
    tokens: Mapping[str, str] | None,
    cjk: bool,
    line_width: float | None,
    size: float,
) -> tuple[str, bool]:
    """The markup, and whether a unit was too wide for a whole line."""
    parts: list[str] = []
    base = resolver.base_face  # the paragraph style's own font: no tag needed
    depth = 0
    too_wide: list[str] = []
    for text, b, i in spans(element, bold, italic, tokens):
        fits = None
        if line_width is not None:

            def fits(unit: str, b: bool = b, i: bool = i, width: float = line_width) -> bool:
                if _width(printed(unit), resolver, size, b, i) <= width:
                    return True
                too_wide.append(unit)
                return False

        glued, depth = glue_units(text, depth, cjk, fits)
        # Without right-to-left letters the isolates change no order; ReportLab would draw them.
        for n, line in enumerate(printed(glued).split("\n")):
            if n:
                parts.append("<br/>")
            for face, run in resolver.runs(line, b, i):
                parts.append(escape(run) if face == base else f'<font name="{face}">{escape(run)}</font>')
    return "".join(parts), bool(too_wide)


def collapse_space(element: Element) -> None:
    """Template indentation is not content: collapse runs of whitespace in inline text, as HTML
    does, except inside <line> (clinician notes are printed exactly as typed)."""
    for node in element.iter():
        if node.tag == "line":
            continue
        for attr in ("text", "tail"):
            value = getattr(node, attr)
            if value:
                setattr(node, attr, _squeeze(value))


_COLLAPSIBLE = " \t\r\n"


def _squeeze(value: str) -> str:
    if not value.strip(_COLLAPSIBLE):
        return " "
    # Only ordinary white space: a no-break space is content (str.split() would drop it).
    lead = " " if value[:1] in _COLLAPSIBLE else ""
    trail = " " if value[-1:] in _COLLAPSIBLE else ""
    return lead + " ".join(re.split(r"[ \t\r\n]+", value.strip(_COLLAPSIBLE))) + trail


def make_paragraph(
    element: Element,
    resolver: FontResolver,
    style: ParagraphStyle,
    bold: bool = False,
    tokens: Mapping[str, str] | None = None,
    rtl_base: bool = False,
    bulletText: str | None = None,  # noqa: N803 (ReportLab's keyword)
) -> TextBlock:
    """A paragraph for an element: fonts by coverage, shaping where the script needs it, and our
    own bidi layout where right-to-left text is involved (see bidi_paragraph.py). Text without
    a right-to-left letter (or digit) has one direction whatever isolates it holds, so
    ReportLab's own paragraph sets it, the controls removed."""
    items = spans(element, bold, tokens=tokens)
    text = "".join(t for t, _, _ in items)
    if rtl_base or has_rtl(text):
        runs = [run for t, b, i in items for run in (resolver.runs(t, b, i) if t != "\n" else [("", "\n")])]
        return BidiParagraph(runs, style, rtl_base, bulletText)
    cjk = style.wordWrap == "CJK"
    style = style_for_text(style, text)

    widest: list[float] = []  # the widest unit, measured once, when first needed

    def markup_for(line_width: float) -> tuple[str, bool]:
        if not widest:
            widest.append(_widest_unit(items, resolver, style.fontSize))
        if widest[0] <= line_width:  # the common case: every unit fits on a line
            return markup, False
        return _markup(element, resolver, bold, False, tokens, cjk, line_width, style.fontSize)

    # Chinese and Japanese lines are broken by line_breaks.py, which knows units too long for
    # a line itself; ReportLab's own line breaking is told at wrap time (UnitParagraph.wrap).
    markup = _markup(element, resolver, bold, False, tokens, cjk, None, style.fontSize)[0]
    return UnitParagraph(markup, style, bulletText=bulletText, remake=None if cjk else markup_for)


def _widest_unit(items: list[tuple[str, bool, bool]], resolver: FontResolver, size: float) -> float:
    widths, depth = [0.0], 0
    for text, b, i in items:

        def measure(unit: str, b: bool = b, i: bool = i) -> bool:
            widths.append(_width(printed(unit), resolver, size, b, i))
            return True

        _, depth = glue_units(text, depth, False, measure)
    return max(widths)


def _width(text: str, resolver: FontResolver, size: float, bold: bool, italic: bool) -> float:
    return sum(stringWidth(run, face, size) for face, run in resolver.runs(text, bold, italic))
