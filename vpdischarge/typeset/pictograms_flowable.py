"""A pictogram beside its text: the picture at the start of the line (left in a left-to-right
handout, right in a right-to-left one), the text in the rest of the width.

Proposed markup (for the template vocabulary): an `icon` attribute on a list or checklist item
or a paragraph, naming a pictogram of `pictograms.names()`:

    <list><item icon="shower">You may shower from …</item></list>
    <p icon="call-emergency">Call 911 if …</p>

In a bullet list the picture takes the place of the bullet. Wiring it into flowables.py is one
branch where an item's paragraph is made (`pictogram_item` takes the BlockBuilder):

    def bullet_list(self, e, width, bold):
        return [pictogram_item(self, item, bold) if item.get("icon")
                else self.para(item, self.styles.bullet, bold=bold, bulletText=BULLET)
                for item in _items(e)]

The picture is sized to the text (`ICON_LINES` body sizes tall, so large print gets larger
pictures) and always lands on the page of its text's first line: a paragraph that runs on to
the next page leaves the picture with its start, and the part that continues keeps the indent.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from reportlab.platypus import Flowable

from vpdischarge.typeset.inline import MarkupError
from vpdischarge.typeset.pictograms import UnknownPictogram, draw_on, is_mirrored, resolve

# A picture is this many body sizes square: 30 pt (10.6 mm) beside 12 pt text, 40 pt (14 mm)
# beside large print's 16 pt; big enough to recognise with weak eyesight, small enough that a
# one-line item grows by one line only.
ICON_LINES = 2.5
GAP_LINES = 0.6  # the white space between picture and text, in body sizes


def icon_size(body_size: float) -> float:
    return body_size * ICON_LINES


class PictogramBeside(Flowable):
    """`text` (any flowable: a Paragraph or a BidiParagraph) with pictogram `name` beside it.
    `name=None` is the continuation of a split one: the indent without the picture."""

    def __init__(self, text: Flowable, name: str | None, body_size: float, rtl: bool = False):
        super().__init__()
        if name is not None:
            resolve(name)  # an unknown name fails here, where the markup is read
        self.text = text
        self.name = name
        self.body_size = body_size
        self.rtl = rtl
        self.size = icon_size(body_size)
        self.gap = body_size * GAP_LINES
        self._text_height = 0.0

    # Space and page-keeping belong to the text: the pair behaves as the paragraph did, also
    # when the builder marks the paragraph keep-with-next after wrapping it.
    @property
    def keepWithNext(self) -> int:  # noqa: N802 (ReportLab's name)
        return self.text.getKeepWithNext()

    @keepWithNext.setter
    def keepWithNext(self, value: int) -> None:  # noqa: N802
        self.text.keepWithNext = value

    # -- layout --------------------------------------------------------------------------
    @property
    def indent(self) -> float:
        return self.size + self.gap

    def _picture_height(self) -> float:
        return self.size if self.name is not None else 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self._text_height = self.text.wrap(available_width - self.indent, available_height)
        self.height = max(self._picture_height(), self._text_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if available_height < self._picture_height():
            return []  # the picture does not fit: move whole to the next page
        parts = self.text.split(available_width - self.indent, available_height)
        if not parts:
            return []
        first = PictogramBeside(parts[0], self.name, self.body_size, self.rtl)
        rest = [PictogramBeside(p, None, self.body_size, self.rtl) for p in parts[1:]]
        return [first, *rest]

    def getSpaceBefore(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.text.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 (ReportLab's name)
        return self.text.getSpaceAfter()

    # -- drawing -------------------------------------------------------------------------
    def picture_x(self) -> float:
        return self.width - self.size if self.rtl else 0.0

    def text_x(self) -> float:
        return 0.0 if self.rtl else self.indent

    def draw(self) -> None:
        # Both start at the top; a text shorter than the picture (one or two lines) is centred
        # on it, so the picture sits beside the words rather than above or below them.
        text_y = (self.height - self._text_height) / 2 if self._text_height < self.height else 0.0
        self.text.drawOn(self.canv, self.text_x(), text_y)
        if self.name is not None:
            mirrored = is_mirrored(self.name, self.rtl)
            draw_on(self.canv, self.name, self.size, self.picture_x(), self.height - self.size, mirrored)


class Picture(Flowable):
    """A pictogram alone, sized to the text, for a table cell (a calendar row's picture
    column). Use this, not `pictograms.drawing()`, in a handout: a ReportLab Drawing flowable
    sets Helvetica, a font the handout does not embed."""

    def __init__(self, name: str, body_size: float, rtl: bool = False):
        super().__init__()
        resolve(name)
        self.name = name
        self.size = icon_size(body_size)
        self.mirrored = is_mirrored(name, rtl)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_on(self.canv, self.name, self.size, 0, 0, self.mirrored)


def beside_text(text: Flowable, name: str, body_size: float, rtl: bool = False) -> PictogramBeside:
    """The helper the markup builder calls: an unknown name is a markup error like any other."""
    try:
        return PictogramBeside(text, name, body_size, rtl)
    except UnknownPictogram as exc:
        raise MarkupError(f"icon: {exc}") from None


def pictogram_item(builder, element: Element, bold: bool = False) -> PictogramBeside:
    """An element with an `icon` attribute (a list item, a paragraph) as a body paragraph with
    its picture, for the handout's BlockBuilder (its `para`, `styles` and `rtl`): the direction,
    print size and fonts are the builder's, so a right-to-left or large-print part gets its own."""
    text = builder.para(element, builder.styles.body, bold=bold)
    return beside_text(text, element.get("icon", ""), builder.styles.scale.body, builder.rtl)
