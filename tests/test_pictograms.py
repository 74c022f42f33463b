"""The pictograms, read back from real PDFs: vector shapes only, no letters, mirrored only where
their direction means something, sized to the print, and beside their own line of text."""

from __future__ import annotations

import io
from xml.etree.ElementTree import Element

import pdfplumber
import pytest
from pdfread import fonts as embedded
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import MarkupError, make_paragraph
from vpdischarge.typeset.pictograms import (
    BOX,
    PICTOGRAMS,
    drawing,
    is_mirrored,
    names,
    prohibition_sign,
    resolve,
)
from vpdischarge.typeset.pictograms_flowable import GAP_LINES, beside_text, icon_size
from vpdischarge.typeset.styles import LARGE, NORMAL, make_styles

ORIGIN = (100.0, 300.0)  # where a lone drawing is put on its test page
PAGE = (400.0, 500.0)
# Issue 12: every action-bearing instruction and every calendar step has its picture.
REQUIRED = {
    "ice pack": "ice-pack",
    "shower": "shower",
    "no bath, pool or hot tub": "no-bath",
    "bandage": "bandage",
    "lifting limit": "lifting",
    "no bending or twisting": "no-bending",
    "walking": "walking",
    "no driving": "no-driving",
    "rest for 24 hours with an adult": "rest-at-home",
    "medicine times": "medicine-times",
    "call the emergency number": "call-emergency",
    "call the care team": "call-care-team",
    "procedure day": "hospital",
    "bandage off": "bandage-off",
    "first shower": "shower",
    "bath and pool allowed": "bath",
    "driving allowed": "driving",
    "lifting stage ends": "lifting",
    "no bending until": "no-bending",
    "exercises from": "exercise",
    "follow-up visit": "follow-up",
    "blood-thinner restart": "blood-thinner",
    # Issue 11's safety content: no alcohol after sedation or with opioids, medicine locked away.
    "no alcohol": "no-alcohol",
    "keep it locked away": "lock",
}
DIRECTIONAL = {"lifting", "bending", "walking", "driving", "no-bending", "no-driving"}


# -- reading shapes back ----------------------------------------------------------------------
def _pdf(draw) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def _lone(picture: Drawing) -> bytes:
    return _pdf(lambda canvas: renderPDF.draw(picture, canvas, *ORIGIN))


def _points(page) -> list[tuple[float, float]]:
    """Every point of every path on the page (curves and lines carry theirs; a rectangle its
    corners), in page coordinates."""
    out = []
    for obj in page.curves + page.lines:
        out += [(float(x), float(y)) for x, y in obj["pts"]]
    for r in page.rects:
        out += [(r["x0"], r["top"]), (r["x1"], r["top"]), (r["x0"], r["bottom"]), (r["x1"], r["bottom"])]
    return out


def _read(pdf: bytes) -> list[tuple[float, float]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return _points(doc.pages[0])


def _same(a: list, b: list, tolerance: float = 0.02) -> bool:
    """The same points in any order, each matched once."""
    if len(a) != len(b):
        return False
    left = sorted(b)
    for x, y in sorted(a):
        match = next(
            (i for i, (u, v) in enumerate(left) if abs(u - x) < tolerance and abs(v - y) < tolerance), None
        )
        if match is None:
            return False
        left.pop(match)
    return True


def _without(points: list, remove: list, tolerance: float = 0.02) -> list:
    rest = list(points)
    for x, y in remove:
        i = next(i for i, (u, v) in enumerate(rest) if abs(u - x) < tolerance and abs(v - y) < tolerance)
        rest.pop(i)
    return rest


def _reflected(points: list, size: float) -> list:
    axis = 2 * ORIGIN[0] + size
    return [(axis - x, y) for x, y in points]


# -- the set ----------------------------------------------------------------------------------
def test_every_instruction_and_calendar_step_has_a_pictogram():
    assert set(REQUIRED.values()) <= set(names())


def test_only_figures_and_the_car_are_mirrored_and_each_says_why():
    assert {n for n in names() if is_mirrored(n, rtl=True)} == DIRECTIONAL
    assert not any(is_mirrored(n, rtl=False) for n in names())
    assert all(p.why for p in PICTOGRAMS.values())


def test_an_unknown_name_is_a_markup_error_naming_the_known_ones():
    text = make_paragraph(_element("x"), FontResolver(), make_styles(False, FontResolver().base_face).body)
    with pytest.raises(MarkupError, match="shower"):
        beside_text(text, "no-shower", NORMAL.body)


@pytest.mark.parametrize("name", names())
def test_vector_shapes_only_and_no_letters_inside(name):
    with pdfplumber.open(io.BytesIO(_lone(drawing(name, icon_size(LARGE.body))))) as doc:
        page = doc.pages[0]
        assert page.images == []
        assert page.chars == []  # no word, letter or digit: one picture serves every language
        assert page.curves or page.lines or page.rects


@pytest.mark.parametrize("name", names())
def test_drawn_in_black_on_white_only(name):
    """No grey or colour can carry meaning: every stroke and fill is black or white."""
    allowed = {(0.0,), (1.0,), (0, 0, 0), (1, 1, 1), (0.0, 0.0, 0.0), (1.0, 1.0, 1.0), None}
    with pdfplumber.open(io.BytesIO(_lone(drawing(name, 40)))) as doc:
        page = doc.pages[0]
        for obj in page.curves + page.lines + page.rects:
            for key in ("stroking_color", "non_stroking_color"):
                color = obj.get(key)
                assert (tuple(color) if isinstance(color, list | tuple) else color) in allowed, (key, color)


@pytest.mark.parametrize("name", names())
def test_mirrored_is_the_horizontal_reflection_for_directional_pictograms_only(name):
    size = icon_size(LARGE.body)
    plain = _read(_lone(drawing(name, size)))
    mirrored = _read(_lone(drawing(name, size, mirrored=True)))
    pictogram, prohibited = resolve(name)
    if not pictogram.directional:
        assert _same(mirrored, plain)
        return
    assert not _same(_reflected(plain, size), plain), "a symmetric drawing needs no mirroring"
    if not prohibited:
        assert _same(mirrored, _reflected(plain, size))
        return
    # Only the drawing under the prohibition sign turns; the bar still runs from upper left.
    sign = Drawing(size, size)
    sign.add(Group(prohibition_sign(), transform=(size / BOX, 0, 0, size / BOX, 0, 0)))
    sign_points = _read(_lone(sign))
    art_plain, art_mirrored = _without(plain, sign_points), _without(mirrored, sign_points)
    assert _same(art_mirrored, _reflected(art_plain, size))


@pytest.mark.parametrize("name", ["walking", "call-emergency", "no-driving"])
def test_pictures_grow_with_large_print(name):
    def extent(body: float) -> tuple[float, float]:
        points = _read(_lone(drawing(name, icon_size(body))))
        xs, ys = [x for x, _ in points], [y for _, y in points]
        return max(xs) - min(xs), max(ys) - min(ys)

    (w_normal, h_normal), (w_large, h_large) = extent(NORMAL.body), extent(LARGE.body)
    ratio = LARGE.body / NORMAL.body
    assert w_large == pytest.approx(w_normal * ratio, rel=1e-3)
    assert h_large == pytest.approx(h_normal * ratio, rel=1e-3)
    assert icon_size(LARGE.body) >= 40  # 14 mm beside large print


# -- beside its text --------------------------------------------------------------------------
FRAME_X, FRAME_WIDTH, FRAME_BOTTOM = 50.0, 300.0, 50.0
FRAME_TOP = FRAME_BOTTOM + 400.0
TEXT_LTR = {
    "short": "Use an ice pack.",
    "long": "You may take a shower from the day after your procedure. Pat the bandage dry and do not "
    "rub it. Keep it clean and dry until the day it comes off.",
}
TEXT_RTL = {
    "short": "استخدم كيس الثلج.",
    "long": "يمكنك الاستحمام بالدش بدءا من اليوم التالي للإجراء. جفف الضمادة بلطف ولا تفركها. "
    "حافظ عليها نظيفة وجافة حتى اليوم الذي تزال فيه.",
}


def _element(text: str) -> Element:
    element = Element("p")
    element.text = text
    return element


def _document(flowables: list, frame_height: float = 400.0) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=PAGE, leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
    frame = Frame(FRAME_X, FRAME_BOTTOM, FRAME_WIDTH, frame_height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(flowables)
    return buffer.getvalue()


def _item(text: str, name: str, large: bool, rtl: bool):
    resolver = FontResolver()
    styles = make_styles(large, resolver.base_face, rtl=rtl)
    body = (LARGE if large else NORMAL).body
    return beside_text(make_paragraph(_element(text), resolver, styles.body, rtl_base=rtl), name, body, rtl)


def _lines(chars: list) -> list[list]:
    """Characters grouped into printed lines, top line first."""
    lines: list[list] = []
    for c in sorted(chars, key=lambda c: c["top"]):
        if lines and abs(lines[-1][0]["top"] - c["top"]) < c["size"] * 0.5:
            lines[-1].append(c)
        else:
            lines.append([c])
    return lines


def _band(points) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), max(xs), min(ys), max(ys)  # y as pdfplumber's top: downwards


# Every picture in two layouts, and a few in every direction, size and length of text.
PLACINGS = [(n, False, False, "short") for n in names()] + [(n, True, True, "long") for n in names()]
PLACINGS += [
    (n, rtl, large, length)
    for n in ("walking", "call-emergency", "no-driving")
    for rtl in (False, True)
    for large in (False, True)
    for length in ("short", "long")
    if (rtl, large, length) not in ((False, False, "short"), (True, True, "long"))
]


@pytest.mark.parametrize("name, rtl, large, length", PLACINGS)
def test_the_picture_sits_beside_its_first_line_at_the_start_of_the_line(name, rtl, large, length):
    body = (LARGE if large else NORMAL).body
    size, gap = icon_size(body), body * GAP_LINES
    text = (TEXT_RTL if rtl else TEXT_LTR)[length]
    with pdfplumber.open(io.BytesIO(_document([_item(text, name, large, rtl)]))) as doc:
        page = doc.pages[0]
        left, right, top, bottom = _band(_points(page))
        lines = _lines([c for c in page.chars if not c["text"].isspace()])
    assert bottom - top <= size + 0.01 and right - left <= size + 0.01
    first = lines[0]
    middle = (min(c["top"] for c in first) + max(c["bottom"] for c in first)) / 2
    # The picture's box starts at the top of the text's box (the top of the frame here), and
    # the first line is level with it.
    box_top = PAGE[1] - FRAME_TOP
    assert box_top - 0.01 <= top and bottom <= box_top + size + 0.01
    assert box_top < middle < box_top + size
    if length == "long":
        assert len(lines) >= 3
    else:  # one line is centred on the picture
        assert abs(box_top + size / 2 - middle) < body * 0.5
    text_left = min(c["x0"] for line in lines for c in line)
    text_right = max(c["x1"] for line in lines for c in line)
    if rtl:  # the picture at the right, where the line starts, its text to its left
        assert right <= FRAME_X + FRAME_WIDTH + 0.01 and left >= FRAME_X + FRAME_WIDTH - size - 0.01
        assert text_right <= FRAME_X + FRAME_WIDTH - size - gap + 0.5
    else:
        assert left >= FRAME_X - 0.01 and right <= FRAME_X + size + 0.01
        assert text_left >= FRAME_X + size + gap - 0.5


def _pages(pdf: bytes) -> list[tuple[list, list]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [(_points(p), _lines([c for c in p.chars if not c["text"].isspace()])) for p in doc.pages]


def _picture_bands(pdf: bytes) -> list[list[tuple[float, float]]]:
    """Per page, the pictures' vertical extents, told apart by the white space between them
    (the shapes of one picture overlap or touch)."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            bands: list[list[float]] = []
            for obj in sorted(page.curves + page.lines + page.rects, key=lambda o: o["top"]):
                if bands and obj["top"] - bands[-1][1] < 2.0:
                    bands[-1][1] = max(bands[-1][1], obj["bottom"])
                else:
                    bands.append([obj["top"], obj["bottom"]])
            out.append([(a, b) for a, b in bands])
    return out


def test_a_paragraph_running_on_leaves_its_picture_with_its_first_line_and_keeps_the_indent():
    body = LARGE.body
    size, gap = icon_size(body), body * GAP_LINES
    frame = 400.0
    # Room left for the picture and a little more than two lines: the text must split.
    flowables = [Spacer(1, frame - size - body * 1.2), _item(TEXT_LTR["long"], "shower", True, False)]
    (first_points, first_lines), (next_points, next_lines) = _pages(_document(flowables, frame))
    _, _, top, bottom = _band(first_points)
    assert first_lines and next_lines
    middle = (first_lines[0][0]["top"] + first_lines[0][0]["bottom"]) / 2
    assert top < middle < bottom
    assert next_points == []  # the continued part has no second picture
    assert min(c["x0"] for line in next_lines for c in line) >= FRAME_X + size + gap - 0.5


def test_a_picture_without_room_moves_to_the_next_page_with_its_text():
    size = icon_size(LARGE.body)
    frame = 400.0
    flowables = [Spacer(1, frame - size * 0.8), _item(TEXT_LTR["long"], "walking", True, False)]
    pages = _pages(_document(flowables, frame))
    assert pages[0] == ([], [])
    points, lines = pages[1]
    _, _, top, bottom = _band(points)
    middle = (lines[0][0]["top"] + lines[0][0]["bottom"]) / 2
    assert top < middle < bottom


def test_a_list_over_pages_has_each_picture_on_the_page_and_level_with_its_item():
    names_in_list = ["walking", "bandage", "follow-up", "driving", "call-emergency"] * 4
    items = [
        _item(f"Item {n:02d}: " + TEXT_LTR["short"], name, True, False)
        for n, name in enumerate(names_in_list)
    ]
    pdf = _document(items, 400.0)
    pages = _pages(pdf)
    assert len(pages) >= 2
    seen = 0
    for (_, lines), bands in zip(pages, _picture_bands(pdf), strict=True):
        starts = [line for line in lines if "".join(c["text"] for c in line).startswith("Item")]
        assert len(bands) == len(starts)  # one picture per item that starts on this page
        for (top, bottom), line in zip(bands, starts, strict=True):
            middle = (line[0]["top"] + line[0]["bottom"]) / 2
            assert top < middle < bottom
        seen += len(starts)
    assert seen == len(names_in_list)


def test_keep_with_next_is_the_texts_own():
    """A lead-in line marked keep-with-next stays so with its picture, set before or after."""
    item = _item("Ask about:", "follow-up", False, False)
    assert not item.getKeepWithNext()
    item.keepWithNext = 1
    assert item.getKeepWithNext() and item.text.getKeepWithNext()
    item.text.keepWithNext = 0
    assert not item.getKeepWithNext()


# -- through the whole typesetter, wired as proposed ------------------------------------------
def _wired(monkeypatch):
    """The proposed wiring of `<item icon="…">` into the handout's lists (pictograms_flowable's
    docstring), applied for the test only: flowables.py belongs to the markup work."""
    from vpdischarge.typeset import flowables
    from vpdischarge.typeset.pictograms_flowable import pictogram_item

    def bullet_list(self, e, width, bold):
        return [
            pictogram_item(self, item, bold)
            if item.get("icon")
            else self.para(item, self.styles.bullet, bold=bold, bulletText=flowables.BULLET)
            for item in flowables._items(e)
        ]

    monkeypatch.setattr(flowables.BlockBuilder, "bullet_list", bullet_list)


HANDOUT_TEXT = {
    "ar": ("rtl", "امش خمس دقائق كل يوم.", ("arabic",)),
    "fa": ("rtl", "هر روز پنج دقیقه راه بروید.", ("arabic",)),
    "en": ("ltr", "Walk for five minutes every day.", ()),
}


def _normalised(points: list) -> list:
    x0, y0 = min(x for x, _ in points), min(y for _, y in points)
    return [(x - x0, y - y0) for x, y in points]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("name", ["walking", "lifting", "call-emergency", "medicine-times"])
@pytest.mark.parametrize("lang", ["ar", "fa", "en"])
def test_in_a_handout_the_picture_starts_the_line_and_turns_in_arabic_and_persian(
    monkeypatch, lang, name, large
):
    from vpdischarge.typeset.document import PAPER, PrintOptions, typeset

    _wired(monkeypatch)
    direction, text, fonts = HANDOUT_TEXT[lang]
    markup = (
        f'<handout dir="{direction}" lang="{lang}"><section id="activity">'
        f'<list><item icon="{name}">{text}</item></list></section></handout>'
    )
    pdf = typeset(markup, PrintOptions(large_print=large, preferred_fonts=fonts))
    assert all(embedded(pdf).values())  # the pictures brought no font with them
    scale = LARGE if large else NORMAL
    size, gap = icon_size(scale.body), scale.body * GAP_LINES
    page_width = PAPER["letter"][0]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        assert page.images == []
        # The page furniture draws rules across the page; the picture is what is narrower.
        points = _points(page.filter(lambda o: o.get("x1", 0) - o.get("x0", 0) <= size + 0.01))
        chars = [c for c in page.chars if not c["text"].isspace()]
    left, right, top, bottom = _band(points)
    line_middle = (min(c["top"] for c in chars) + max(c["bottom"] for c in chars)) / 2
    assert top < line_middle < bottom
    if direction == "rtl":
        assert right <= page_width - scale.margin + 0.01 and left >= page_width - scale.margin - size - 0.01
        assert max(c["x1"] for c in chars) <= page_width - scale.margin - size - gap + 0.5
    else:
        assert scale.margin - 0.01 <= left and right <= scale.margin + size + 0.01
        assert min(c["x0"] for c in chars) >= scale.margin + size + gap - 0.5
    reference = _read(_lone(drawing(name, size)))
    expected = _reflected(reference, size) if is_mirrored(name, direction == "rtl") else reference
    assert _same(_normalised(points), _normalised(expected), tolerance=0.05)


def test_a_picture_is_black_and_solid_whatever_the_page_drew_before():
    """The page may have set grey (the SAMPLE mark) or a dashed line before a picture."""
    from vpdischarge.typeset.pictograms import draw_on

    def draw(canvas):
        canvas.setFillGray(0.6)
        canvas.setStrokeGray(0.6)
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.2)
        draw_on(canvas, "call-emergency", 40, *ORIGIN)

    with pdfplumber.open(io.BytesIO(_pdf(draw))) as doc:
        page = doc.pages[0]
        shapes = page.curves + page.lines + page.rects
        points = _points(page)
    assert _same(points, _read(_lone(drawing("call-emergency", 40))))  # the same picture
    for obj in shapes:
        for key in ("stroking_color", "non_stroking_color"):
            assert tuple(obj[key] or ()) in {(0,), (1,), (0, 0, 0), (1, 1, 1)}, (key, obj[key])
        assert not (obj.get("dash") or ([], 0))[0]


@pytest.mark.parametrize("name", names())
def test_a_placed_picture_names_no_font(name):
    """A handout embeds every font it names; a picture has no text, so it names none."""
    from vpdischarge.typeset.pictograms import _operators

    operators = _operators(name, 40.0, True)
    assert " Tf" not in operators and "BT" not in operators.split()


def test_the_pictogram_list_for_template_authors_names_each_one_and_its_mirroring():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "resources" / "pictograms" / "README.md").read_text("utf-8")
    rows = {
        cells[1].strip(" `"): cells[4].strip()
        for line in readme.splitlines()
        if line.startswith("| `") and len(cells := line.split("|")) == 6
    }
    assert rows == {n: "yes" if resolve(n)[0].directional else "no" for n in names()}


def test_the_contact_sheet_shows_every_pictogram(tmp_path):
    import runpy
    from pathlib import Path

    script = Path(__file__).parent.parent / "scripts" / "pictogram_sheet.py"
    out = tmp_path / "sheet.pdf"
    runpy.run_path(str(script))["sheet"](out)
    with pdfplumber.open(out) as doc:
        text = " ".join(page.extract_text() or "" for page in doc.pages)
        assert all(page.images == [] for page in doc.pages)
    assert all(name in text for name in names())


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_a_picture_in_a_table_cell_is_sized_to_the_text_and_turns_right_to_left(rtl):
    """The calendar's picture column: a Picture in a cell, beside the step's date."""
    from reportlab.platypus import Table

    from vpdischarge.typeset.pictograms_flowable import Picture

    size = icon_size(LARGE.body)
    table = Table(
        [[Picture("walking", LARGE.body, rtl)]],
        colWidths=[size],
        rowHeights=[size],
        style=[
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    with pdfplumber.open(io.BytesIO(_document([table]))) as doc:
        points = _points(doc.pages[0])
    left, right, top, bottom = _band(points)
    assert right - left <= size + 0.01 and bottom - top <= size + 0.01
    assert FRAME_X - 0.01 <= left
    reference = _read(_lone(drawing("walking", size)))
    expected = _reflected(reference, size) if rtl else reference
    assert _same(_normalised(points), _normalised(expected), tolerance=0.05)
