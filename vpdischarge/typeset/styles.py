"""Paragraph styles for normal and large print.

The brief asks for body text of at least 12 pt (normal) and 16 pt (large print) with larger
headings, black on white; meaning is never carried by colour (handouts are printed in black and
white), so emphasis is weight, size and thick borders only.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch


@dataclass(frozen=True)
class Scale:
    body: float
    small: float
    heading: float
    title: float
    furniture: float
    margin: float
    leading_factor: float = 1.2


NORMAL = Scale(body=12, small=11, heading=15, title=19, furniture=9, margin=0.5 * inch)
LARGE = Scale(body=16, small=14, heading=20, title=22, furniture=11, margin=0.5 * inch)


@dataclass(frozen=True)
class Styles:
    scale: Scale
    title: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    box_heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    furniture_left: ParagraphStyle
    furniture_center: ParagraphStyle
    furniture_right: ParagraphStyle


def make_styles(
    large_print: bool, font: str, rtl: bool = False, cjk: bool = False, bullet_font: str | None = None
) -> Styles:
    """`font` is the registered base face, so ReportLab never falls back to an unembedded
    Helvetica. Right-to-left handouts start lines on the right (their paragraphs are laid out by
    bidi_paragraph.py); Chinese and Japanese break lines between characters, keeping closing
    punctuation off the start of a line (ReportLab's CJK wrap)."""
    s = LARGE if large_print else NORMAL
    start = TA_RIGHT if rtl else TA_LEFT
    word_wrap = "CJK" if cjk else None

    def style(
        name: str, size: float, space_before: float = 0, space_after: float = 0, **kw
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * s.leading_factor,
            spaceBefore=space_before,
            spaceAfter=space_after,
            alignment=kw.pop("alignment", start),
            splitLongWords=1,  # a 500-character word wraps instead of running off the page
            # No paragraph leaves its last line alone at the top of the next page, nor its
            # first alone at the foot of a page: a lone line is easily taken for another item.
            allowWidows=0,
            allowOrphans=0,
            wordWrap=kw.pop("wordWrap", word_wrap),
            **kw,
        )

    indent = s.body * 1.4
    return Styles(
        scale=s,
        title=style("title", s.title, space_after=s.body * 0.4),
        lead=style("lead", s.body, space_after=s.body * 0.2),
        heading=style(
            "heading", s.heading, space_before=s.body * 0.5, space_after=s.body * 0.2, keepWithNext=1
        ),
        box_heading=style("box_heading", s.heading, space_after=s.body * 0.3),
        body=style("body", s.body, space_after=s.body * 0.25),
        small=style("small", s.small, space_after=s.body * 0.25),
        bullet=style(
            "bullet",
            s.body,
            space_after=s.body * 0.06,
            leftIndent=0 if rtl else indent,
            rightIndent=indent if rtl else 0,
            bulletIndent=0,
            bulletFontName=bullet_font or font,  # the base font may lack "•" (CJK fonts do)
            bulletFontSize=s.body,
        ),
        cell=style("cell", s.body),
        furniture_left=style("furniture_left", s.furniture, alignment=TA_LEFT),
        furniture_center=style("furniture_center", s.furniture, alignment=TA_CENTER),
        furniture_right=style("furniture_right", s.furniture, alignment=TA_RIGHT),
    )
