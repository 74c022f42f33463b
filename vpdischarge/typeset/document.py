"""The public call of the typesetting layer: handout markup in, PDF bytes out."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from xml.etree import ElementTree

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from vpdischarge import __version__
from vpdischarge.i18n import _
from vpdischarge.typeset.continued import HandoutDocTemplate, mark_section
from vpdischarge.typeset.flowables import BULLET, BlockBuilder
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.furniture import Furniture, furnished_canvas
from vpdischarge.typeset.inline import MarkupError, collapse_space
from vpdischarge.typeset.styles import make_styles

PAPER = {"letter": LETTER, "a4": A4}


class TooLargeToPrint(ValueError):
    """The content cannot be laid out on the page at all."""


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "letter"
    large_print: bool = False
    author: str = ""  # the hospital; never a patient or staff name
    preferred_fonts: tuple[str, ...] = ()
    cjk_line_breaks: bool = False  # Chinese and Japanese: break between characters
    # The bundled example settings: every page marked SAMPLE, with the template's `sample-note`.
    sample: bool = False


def parse_markup(markup: str) -> ElementTree.Element:
    try:
        root = ElementTree.fromstring(markup)
    except ElementTree.ParseError as exc:
        raise MarkupError(f"the template produced malformed markup: {exc}") from None
    if root.tag != "handout":
        raise MarkupError("the markup must start with <handout>")
    collapse_space(root)
    return root


def typeset(markup: str, options: PrintOptions) -> bytes:
    root = parse_markup(markup)
    rtl = root.get("dir") == "rtl"
    resolver = FontResolver(options.preferred_fonts)
    bullet_font = resolver.face(resolver.family_for(BULLET) or resolver.order[0])

    @cache
    def style_set(large: bool, right_to_left: bool, cjk: bool):
        return make_styles(large, resolver.base_face, right_to_left, cjk, bullet_font)

    styles = style_set(options.large_print, rtl, options.cjk_line_breaks)
    page_width, page_height = PAPER[options.paper]
    margin = styles.scale.margin
    width = page_width - 2 * margin

    sample_note = root.get("sample-note", "") if options.sample else None
    furniture = Furniture(
        root.find("page-header"), root.find("page-footer"), styles, resolver, width, rtl, sample_note
    )
    gap = styles.scale.body * 0.5
    header_height = furniture.height(furniture.header) + gap
    footer_height = furniture.height(furniture.footer) + gap
    body_height = page_height - 2 * margin - header_height - footer_height
    version = root.get("content-version", "")
    review = root.get("review-date", "")

    builder = BlockBuilder(
        style_set,
        resolver,
        width,
        options.large_print,
        rtl,
        options.cjk_line_breaks,
        continued=root.get("continued", ""),
    )
    # Made once and laid out once or twice: ReportLab's own multiBuild sets the same flowables
    # again (a build works on a copy of the list; a split makes new flowables and leaves the
    # originals whole). Making them is about a third of a render.
    flowables = builder.blocks(root)
    for flowable in flowables:  # the title, the lead paragraphs: in no section
        if not hasattr(flowable, "_section"):
            mark_section([flowable], None)

    def build(repeat_headings: bool) -> tuple[bytes, int, bool]:
        """The PDF, its page count, and whether it might be a page shorter without the headings
        it repeated as continued."""
        frame = Frame(
            margin,
            margin + footer_height,
            width,
            body_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        buffer = io.BytesIO()
        doc = HandoutDocTemplate(
            buffer,
            pagesize=(page_width, page_height),
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin,
            # Metadata identifies the content, never the patient.
            title=root.get("title", ""),
            author=options.author,
            subject=f"Content version {version}, reviewed {review}",
            keywords=[f"content-version={version}; review-date={review}; language={root.get('lang', '')}"],
            creator=f"vpdischarge {__version__}",
            lang=(root.get("lang") or "").replace("_", "-"),
            initialFontName=resolver.base_face,  # otherwise ReportLab refers to an unembedded Helvetica
            pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=furniture.draw_watermark)],
        )
        doc.repeat_headings = repeat_headings
        # A build marks the flowables it moved (a postponed one, a kept-with-next group); the
        # marks are undone after it, as multiBuild does between its passes, or the second
        # layout would take a postponed paragraph for one that fits no page.
        edits: list[tuple] = []
        doc._multiBuildEdits = edits.append  # type: ignore[attr-defined]
        try:
            doc.build(list(flowables), canvasmaker=furnished_canvas(furniture, margin))
        except LayoutError:
            # Something too tall for any page (a huge word in a narrow cell, a box that outgrew
            # the page): a clear refusal, never a half-made handout.
            raise TooLargeToPrint(
                _("some text is too long to fit on a page; shorten the longest entries")
            ) from None
        finally:
            for undo, *arguments in edits:
                undo(*arguments)
        return (
            buffer.getvalue(),
            doc.page,
            doc.repeated > 0 and doc.might_fit_without_repeats(styles.heading.spaceBefore),
        )

    pdf, pages, check = build(repeat_headings=True)
    if check:
        # A repeated heading takes a line: it must not cost the patient an extra sheet. If it
        # might, the handout is set without them, and the shorter one is printed.
        shorter, fewer = build(repeat_headings=False)[:2]
        if fewer < pages:
            return shorter
    return pdf
