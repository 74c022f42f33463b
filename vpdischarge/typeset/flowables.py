"""Block elements of the handout markup to ReportLab flowables.

Call-out boxes are single-cell tables: a table cell never splits, so a box is always printed
whole on one page. Tick boxes and writing lines are drawn, not typed as glyphs, so they print
the same in every font and language.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from xml.etree.ElementTree import Element

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from vpdischarge.domain.text_rules import without_bidi_controls
from vpdischarge.typeset.continued import mark_section
from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import MarkupError, TextBlock, make_paragraph, plain_text, unit_text
from vpdischarge.typeset.outline import SectionMark
from vpdischarge.typeset.scripts import first_strong_is_rtl
from vpdischarge.typeset.styles import Styles
from vpdischarge.typeset.table_columns import (
    fit_to_content,
    has_wide_characters,
    line_width,
    longest_word_width,
    widest_short_unit,
)

BLACK = colors.black
BOX_BORDERS = {"emergency": 3.0, "call": 1.5}
BULLET = "•"
# Medicine, dose, when, what for: the name and timing need the most room.
FOUR_COLUMN_SHARES = [0.32, 0.14, 0.30, 0.24]
CELL_PADDING = 4  # points left and right of a table cell's text
# Between a form line's pre-filled text and the line's right end (ReportLab's cell padding).
FORM_RIGHT_PADDING = 6
# A table with this many rows or fewer never splits across pages.
SHORT_TABLE_ROWS = 6


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float):
        super().__init__()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, 0, self.size, self.size)


def _is_bold(cell: Element) -> bool:
    """Whether a table cell prints bold (the medicine's name): its widths are measured so."""
    return cell.find(".//b") is not None


@dataclass
class BlockBuilder:
    """Builds flowables for a block of markup. Direction, CJK line breaking, print size and
    "inside a box" are properties of where a block sits, so a nested part (the second language
    of a bilingual handout, the nurse's block in large print) gets a copy with them changed."""

    style_set: Callable[[bool, bool, bool], Styles]  # (large, rtl, cjk) -> Styles, cached
    resolver: FontResolver
    width: float
    large: bool = False
    rtl: bool = False
    cjk: bool = False
    in_box: bool = False
    in_section: bool = False
    # "(continued)" in the handout's language: the template's `continued` attribute.
    continued: str = ""

    @property
    def styles(self) -> Styles:
        return self.style_set(self.large, self.rtl, self.cjk)

    # -- helpers -------------------------------------------------------------------------
    def para(self, element: Element, style=None, bold: bool = False, typed: bool = False, **kw) -> TextBlock:
        """`typed`: the text is what a user typed (a note line, a medicine), so its direction is
        that of its first letter, as HTML's dir="auto"; template sentences follow the handout."""
        style = style or self.styles.body
        text = plain_text(element)
        if typed and self.cjk and not has_wide_characters(text):
            # Latin text typed into a Chinese or Japanese handout ("Bone strength") wraps at
            # spaces: the CJK rule would break it anywhere, even inside a word.
            style = getattr(self.style_set(self.large, self.rtl, False), style.name)
        rtl = self.rtl and first_strong_is_rtl(text, default=True) if typed else self.rtl
        return make_paragraph(element, self.resolver, style, bold=bold, rtl_base=rtl, **kw)

    def _row(self, cells: list) -> list:
        # Right-to-left tables read from the right: mirror the column order.
        return list(reversed(cells)) if self.rtl else cells

    def _table(self, rows: list[list], widths: list[float], commands: list, **kw) -> Table:
        if self.rtl:
            widths = list(reversed(widths))
        table = Table(rows, colWidths=widths, **kw)
        base = [
            ("FONTNAME", (0, 0), (-1, -1), self.resolver.base_face),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]
        table.setStyle(TableStyle(base + commands))
        return table

    # -- blocks --------------------------------------------------------------------------
    def blocks(self, parent: Element, width: float | None = None, bold: bool = False) -> list[Flowable]:
        out: list[Flowable] = []
        builders: dict[str, Callable[[Element, float, bool], list[Flowable]]] = {
            "title": lambda e, w, b: [self.para(e, self.styles.title, bold=True)],
            "p": self.paragraph,
            "heading": self.heading,
            "section": self.section,
            "part": self.part,
            "rule": lambda e, w, b: [
                HRFlowable(width="100%", thickness=0.6, color=BLACK, spaceBefore=4, spaceAfter=6)
            ],
            "list": self.bullet_list,
            "checklist": self.checklist,
            "table": self.table,
            "notes": self.notes,
            "write-lines": self.write_lines,
            "side-by-side": self.side_by_side,
            "signatures": self.signatures,
        }
        children = [c for c in parent if c.tag not in ("page-header", "page-footer")]
        for child in children:
            build = builders.get(child.tag)
            if build is None:
                raise MarkupError(f"<{child.tag}> is not a block element of the handout markup")
            out += build(child, width or self.width, bold)
        return out

    def heading(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        return [self.para(e, self.styles.box_heading if self.in_box else self.styles.heading, bold=True)]

    def _continued(self, heading: Element) -> Callable[[], Flowable]:
        """The maker of the section's heading again, marked as continued, for the top of a page
        the section runs on to (continued.py)."""

        def make() -> Flowable:
            twin = copy.deepcopy(heading)
            label = self.continued
            joiner = "" if has_wide_characters(label[:1]) else " "
            if len(twin):
                twin[-1].tail = (twin[-1].tail or "").rstrip() + joiner + label
            else:
                twin.text = (twin.text or "").rstrip() + joiner + label
            return self.para(twin, self.styles.heading, bold=True)

        return make

    def paragraph(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        style = {"lead": self.styles.lead, "small": self.styles.small}.get(
            e.get("style", ""), self.styles.body
        )
        flowable = self.para(e, style, bold=bold)
        if (
            e.get("keep") == "with-next"
            or e.get("style") == "small"
            or plain_text(e).rstrip().endswith((":", "："))
        ):
            # A lead-in ("Ask about your bone health:") or a note under a heading stays on the
            # page of what it introduces.
            flowable.keepWithNext = 1
        return [flowable]

    def side_by_side(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        """Short paragraphs (a daytime and a night phone, a place and a phone) in one row of
        equal columns when each fits its column on one line, as a form would print them; else
        one under the other. One printed line instead of two, with nothing cut or crowded."""
        children = list(e)
        if any(c.tag != "p" for c in children):
            raise MarkupError("<side-by-side> may hold <p> elements only")
        stacked = [f for c in children for f in self.paragraph(c, width, bold)]
        for flowable in stacked[:-1]:  # one under the other, they still go together
            flowable.keepWithNext = 1
        if len(children) < 2:
            return stacked
        gap = self.styles.scale.body * 1.5
        column = (width - gap * (len(children) - 1)) / len(children)
        cells = [self.para(c, bold=bold) for c in children]
        if any(len(_line_widths(cell, column)) > 1 for cell in cells):
            return stacked
        widths = [column + gap] * (len(children) - 1) + [column]
        table = self._table(
            [self._row(cells)],
            widths,
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.styles.body.spaceAfter),
            ],
        )
        table.hAlign = "RIGHT" if self.rtl else "LEFT"
        return [table]

    def part(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        """One language's share of a bilingual section: its own direction and line breaking,
        and, in a section that may run on, its own heading repeated as continued."""
        sub = replace(
            self,
            rtl=e.get("dir") == "rtl",
            cjk=e.get("breaking") == "cjk",
            continued=e.get("continued", self.continued),
        )
        heading = e.find(".//heading")
        if not self.in_section or heading is None or not sub.continued:
            return sub.blocks(e, width, bold)
        return mark_section(sub._body(e, width, bold, []), sub._continued(heading))

    def section(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        if e.get("audience") == "staff" and self.large:
            # Read by the nurse, not the patient: normal size even in large print.
            return replace(self, large=False).section(e, width, bold)
        heading = e.find(".//heading")
        if not self.in_section and e.get("box") is None and heading is not None and self.continued:
            # Its heading repeats, marked as continued, on a page it runs on to (continued.py);
            # a two-language section's parts each mark their own (part()).
            flowables = replace(self, in_section=True).section(e, width, bold)
            return (
                flowables if e.find("part") is not None else mark_section(flowables, self._continued(heading))
            )
        box = e.get("box")
        title = without_bidi_controls(plain_text(heading)).strip() if heading is not None else ""
        mark: list[Flowable] = [SectionMark(e.get("id", ""), title)] if title else []
        if box is None:
            if e.get("keep") == "together":  # a unit such as a sign-off block moves whole
                return [_kept(mark, self.blocks(e, width, bold))]
            return self._body(e, width, bold, mark)
        if box not in BOX_BORDERS:
            raise MarkupError(f'box="{box}" is not one of {", ".join(BOX_BORDERS)}')
        border = BOX_BORDERS[box]
        padding = self.styles.scale.body * 0.6
        inner = width - 2 * padding - 2 * border
        # The mark goes inside the box: it lands on the page where the box does.
        boxed: list[Flowable] = [
            *mark,
            *replace(self, in_box=True).blocks(e, inner, bold=(box == "emergency")),
        ]
        frame = self._table(
            [[boxed]],
            [width],
            [
                ("BOX", (0, 0), (-1, -1), border, BLACK),
                ("LEFTPADDING", (0, 0), (-1, -1), padding + border),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding + border),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ],
        )
        return [Spacer(1, self.styles.scale.body * 0.5), frame, Spacer(1, self.styles.scale.body * 0.3)]

    def _body(self, e: Element, width: float, bold: bool, mark: list[Flowable]) -> list[Flowable]:
        """The content of a section, or of one language's part of it, that may split across
        pages; `mark` (the outline mark) goes with its first lines."""
        table = e.find("table")
        if table is not None and len(table.findall("row")) <= SHORT_TABLE_ROWS:
            # A short list (the usual three medicines) is read as one: it moves whole, with
            # its heading and introduction, rather than leave a row behind on the page before.
            cut = list(e).index(table) + 1
            head = self.blocks(_with_children(e, list(e)[:cut]), width, bold)
            return [_kept(mark, head), *self.blocks(_with_children(e, list(e)[cut:]), width, bold)]
        blocks = self.blocks(e, width, bold)
        # The mark after the heading, as in _kept: ReportLab groups the mark, the heading and
        # the first lines (all kept with the next) into a KeepTogether that measures its space
        # above from its first flowable; with the zero-height mark first, the heading's space
        # was left out, the group "fitted" at the foot of a page, and the heading was left
        # there alone (pt_BR large print, page 1).
        content = blocks[:1] + mark + blocks[1:]
        if table is not None:
            # A long table may run on to the next page (its header repeats), but the section
            # only starts where its heading, introduction and first rows fit together.
            return [
                CondPageBreak(self.styles.scale.body * self.styles.scale.leading_factor * 7),
                *content,
            ]
        return content

    def bullet_list(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        return [self.para(item, self.styles.bullet, bold=bold, bulletText=BULLET) for item in _items(e)]

    def checklist(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        size = self.styles.scale.body
        box_col = size * 2
        rows = [self._row([TickBox(size), self.para(item, bold=bold)]) for item in _items(e)]
        padding = [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
        return [self._table(rows, [box_col, width - box_col], padding)]

    def table(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        head = e.find("head")
        rows = e.findall("row")
        if head is None:
            raise MarkupError("<table> needs a <head>")
        columns = len(head)
        tick_last = e.get("ticks") == "last"
        size = self.styles.scale.body
        # The tick column is as wide as its (translated) heading, so the word never splits.
        tick_heading = plain_text(head[-1]) if tick_last else ""
        tick_width = (
            max(
                size * 2.5,
                stringWidth(tick_heading, self.resolver.face(self.resolver.order[0], bold=True), size) + 12,
            )
            if tick_last
            else 0
        )
        n_text = columns - (1 if tick_last else 0)
        shares = FOUR_COLUMN_SHARES if n_text == 4 else [1 / n_text] * n_text
        # A dose or a phone in a cell must print whole (typeset/line_breaks.py): its width is
        # the column's firm minimum, kept even when the longest words do not all fit.
        # Padding, and 1 for ReportLab's own rounding: a word exactly as wide as the column splits.
        pad = 2 * CELL_PADDING + 1
        firm = [
            max(
                (
                    widest_short_unit(unit_text(r[i]), self.resolver, size, bold=_is_bold(r[i]))
                    for r in rows
                    if len(r) > i
                ),
                default=0.0,
            )
            + pad
            for i in range(n_text)
        ]
        minimums = [
            max(
                longest_word_width(plain_text(head[i]), self.resolver, size, bold=True) + pad,
                # Each cell in its own weight (the medicine's name is bold, the rest is not):
                # measuring every cell as bold made German large print's minimums too wide to
                # fit, and the table fell back to its shares, splitting "500 / mg".
                *(
                    longest_word_width(plain_text(r[i]), self.resolver, size, bold=_is_bold(r[i])) + pad
                    for r in rows
                    if len(r) > i
                ),
                firm[i],
            )
            for i in range(n_text)
        ]
        # Each cell on one line, bold where it is (the heading, the medicine's name), with its
        # padding (as `minimums`).
        cells = [
            [line_width(plain_text(head[i]), self.resolver, size, bold=True) + pad]
            + [
                line_width(plain_text(r[i]), self.resolver, size, bold=_is_bold(r[i])) + pad
                for r in rows
                if len(r) > i
            ]
            for i in range(n_text)
        ]
        widths = fit_to_content(shares, minimums, cells, width - tick_width, pad, firm)
        if tick_last:
            widths.append(tick_width)

        def cell(c: Element, index: int, header: bool):
            if tick_last and index == columns - 1 and not header:
                return TickBox(size)
            return self.para(c, self.styles.cell, bold=header, typed=not header)

        data = [self._row([cell(c, i, True) for i, c in enumerate(head)])]
        for row in rows:
            if len(row) != columns:
                raise MarkupError("every <row> needs as many cells as <head>")
            data.append(self._row([cell(c, i, False) for i, c in enumerate(row)]))
        empty_row_height = size * 2.2
        heights = [None] + [
            empty_row_height if not any(len(c) or (c.text or "").strip() for c in r) else None for r in rows
        ]
        tick_col = 0 if self.rtl else columns - 1
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.8, BLACK),
            ("LINEBELOW", (0, 0), (-1, 0), 1.6, BLACK),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        if tick_last:
            commands.append(("ALIGN", (tick_col, 1), (tick_col, -1), "CENTER"))
        # splitInRow: a row with a very long entry may continue on the next page rather than
        # fail to fit at all (a table row is otherwise never split).
        table = self._table(data, widths, commands, repeatRows=1, rowHeights=heights, splitInRow=1)
        return [table, Spacer(1, self.styles.scale.body * 0.6)]

    def notes(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for line in e.findall("line"):
            if (line.text or "").strip():
                out.append(self.para(line, self.styles.body, typed=True))
            else:
                out.append(Spacer(1, self.styles.scale.body * 0.8))
        if e.get("signed") == "true" and out:
            # The clinician's name after the notes goes with their last line: alone on the
            # next page, under a repeated heading, it signed nothing the reader could see.
            out[-1].keepWithNext = 1
        return out

    def write_lines(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        count = int(e.get("count", "3"))
        height = self.styles.scale.body * 2.2
        rows = [[""] for _ in range(count)]
        return [
            self._table(
                rows, [width], [("LINEBELOW", (0, 0), (-1, -1), 0.8, BLACK)], rowHeights=[height] * count
            )
        ]

    def signatures(self, e: Element, width: float, bold: bool) -> list[Flowable]:
        """Signature lines laid out like a paper form: a line to write on with its label in
        small print underneath, up to three signatures to a row and one date line after the
        last (everyone signs at discharge; a row of its own for each signature's date took a
        second row that pushed the sign-off on to a page of its own)."""
        date_label = _text_element(e.get("date-label", "Date"))
        gap = width * 0.03
        per_row = 3
        date_width = width * 0.13
        sig_width = (width - date_width) / per_row
        signatures = e.findall("signature")
        rows_of = [signatures[i : i + per_row] for i in range(0, len(signatures), per_row)] or [[]]
        rows: list[list] = []
        for number, row_signatures in enumerate(rows_of):
            # One height for the row's lines, so they align; tall enough for its longest
            # pre-filled text (a long interpreter ID), which otherwise grew upwards over the
            # checklist above it.
            filled = [self._filled(sig) for sig in row_signatures]  # made once: measured, then set
            space = max(
                (self._form_line_space(text, sig_width - gap) for text in filled),
                default=self._form_line_space(None, sig_width - gap),
            )
            row: list = [
                self._form_line(text, _text_element(sig.get("label", "")), sig_width - gap, space)
                for sig, text in zip(row_signatures, filled, strict=True)
            ]
            row += [""] * (per_row - len(row))
            last = number == len(rows_of) - 1
            row.append(self._form_line(None, date_label, date_width, space) if last else "")
            rows.append(row)
        table = self._table(
            [self._row(row) for row in rows],
            [sig_width] * per_row + [date_width],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                # Each line is as wide as its column (less the gap after it): the usual cell
                # padding pushed the date line 4 pt past the right margin.
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        # The signature lines are one unit: never split across pages.
        return [KeepTogether([Spacer(1, self.styles.scale.body * 0.5), table])]

    def _form_line_space(self, filled: Flowable | None, width: float) -> float:
        """The height above a form line: room to write and one line of pre-filled text, or the
        pre-filled text's own height where it takes more lines."""
        top = self.styles.scale.body * 1.4
        space = top + self.styles.scale.body * self.styles.scale.leading_factor + 1
        if filled is None:
            return space
        return max(space, top + filled.wrap(width - FORM_RIGHT_PADDING, 10_000)[1] + 1)

    def _filled(self, content: Element | None) -> Flowable | None:
        if content is None or not (content.text or len(content)):
            return None
        return self.para(content, typed=True)  # what the nurse typed: its own direction

    def _form_line(self, filled: Flowable | None, label: Element, width: float, space: float) -> Table:
        """A line to write on (with any pre-filled text sitting on it) and its label below;
        `space` is the room above the line (the same for every line of a row)."""
        return self._table(
            [[filled or ""], [self.para(label, self.styles.small)]],
            [width],
            [
                ("VALIGN", (0, 0), (0, 0), "BOTTOM"),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, BLACK),
                ("TOPPADDING", (0, 0), (0, 0), self.styles.scale.body * 1.4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 1), (0, 1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), FORM_RIGHT_PADDING),
            ],
            rowHeights=[space, None],
        )


def _line_widths(paragraph: Flowable, width: float) -> list[float]:
    """The widths of the lines `paragraph` takes in `width` (one entry per line)."""
    paragraph.wrap(width, 10_000)
    return list(paragraph.getActualLineWidths0())  # type: ignore[attr-defined]


def _kept(mark: list[Flowable], blocks: list[Flowable]) -> KeepTogether:
    """`blocks` kept on one page, the section mark after the first of them: ReportLab measures
    a KeepTogether's space above from its first flowable, and a zero-height mark there hid the
    heading's space, so a section that did not quite fit was split after all."""
    blocks = _without_inner_keeps(blocks)
    return KeepTogether(blocks[:1] + mark + blocks[1:])


def _without_inner_keeps(flowables: list[Flowable]) -> list[Flowable]:
    """The contents of any KeepTogether inside, in place. A KeepTogether reports an enormous
    height to force its own split, so one nested in another made the outer one think the
    section could never fit and push it to a page of its own."""
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out += _without_inner_keeps(flowable._content)  # type: ignore[attr-defined]
        else:
            out.append(flowable)
    return out


def _with_children(e: Element, children: list[Element]) -> Element:
    """A copy of `e` (same tag and attributes) holding only `children`."""
    copy = Element(e.tag, dict(e.attrib))
    copy.extend(children)
    return copy


def _items(e: Element) -> list[Element]:
    items = e.findall("item")
    if len(items) != len(e):
        raise MarkupError(f"<{e.tag}> may hold <item> elements only")
    return items


def _text_element(text: str) -> Element:
    element = Element("text")
    element.text = text
    return element
