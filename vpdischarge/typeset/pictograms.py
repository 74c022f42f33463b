"""The handout's pictograms: bold line drawings, one small function each, drawn in code.

Why drawn here rather than taken from an icon set: every shape is ours to thicken and simplify
for readers over 70 with weak eyesight, there is no third-party licence to carry, and nothing is
converted at run time. (USP pictograms may not be used at all: their licence forbids changing
them or mixing them with other symbols.)

Rules every drawing follows, so that it reads on a black-and-white office printer and in large
print:
- black on white only; no grey and no colour carries meaning;
- thick strokes (at least 7 of the 100 units of the box: about 2 pt at normal print size) and
  solid shapes, no thin detail;
- no letters, digits or words inside: one set serves all 20 languages, and the text beside the
  picture carries the meaning (a picture is never its only carrier);
- vector shapes only (ReportLab graphics), never bitmaps.

Each drawing is made in a 100 × 100 box, y upwards. A pictogram says whether its direction
means something (`directional`): a walking or lifting figure, a moving car face the text they
stand beside, so a right-to-left handout mirrors them. The others are never mirrored (a mirrored
clock tells another time and runs backwards; a phone, a shower, a calendar gain nothing).
"No …" pictograms are a base drawing inside the prohibition sign (a circle with a bar from upper
left to lower right, as ISO 3864 sets it); the bar is never mirrored, only the drawing under it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import ArcPath, Circle, Drawing, Group, Line, Path, Polygon, PolyLine, Rect
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

BLACK = colors.black
WHITE = colors.white
BOX = 100.0  # the drawing box, in units
OUTLINE = 7.0  # stroke of objects (a pack, a tub, a clock)
LIMB = 11.0  # stroke of a figure's body and limbs
HEAD = 9.5  # radius of a figure's head
PROHIBITED_PREFIX = "no-"
PROHIBITED_SCALE = 0.72  # the drawing inside the prohibition circle
RING_WIDTH = 9.0  # the prohibition circle and bar


# -- building blocks (all in the 100-unit box) ------------------------------------------------
def _stroked(shape, width: float = OUTLINE, color=BLACK, fill=None):
    shape.strokeColor = color
    shape.strokeWidth = width
    if not isinstance(shape, Line | PolyLine):  # lines have no inside to fill
        shape.fillColor = fill
    shape.strokeLineCap = 1  # round ends and joins: no spikes, and thick lines look solid
    shape.strokeLineJoin = 1
    return shape


def _line(x1: float, y1: float, x2: float, y2: float, width: float = OUTLINE, color=BLACK) -> Line:
    return _stroked(Line(x1, y1, x2, y2), width, color)


def _polyline(points: list[tuple[float, float]], width: float = OUTLINE) -> PolyLine:
    return _stroked(PolyLine([v for p in points for v in p]), width)


def _polygon(points: list[tuple[float, float]], fill=BLACK, width: float = 0.0, color=BLACK) -> Polygon:
    shape = _stroked(Polygon([v for p in points for v in p]), width, color if width else None, fill)
    return shape


def _dot(cx: float, cy: float, r: float, fill=BLACK) -> Circle:
    return _stroked(Circle(cx, cy, r), 0, None, fill)


def _ring(cx: float, cy: float, r: float, width: float = OUTLINE, fill=None) -> Circle:
    return _stroked(Circle(cx, cy, r), width, BLACK, fill)


def _box(x: float, y: float, w: float, h: float, radius: float = 0, width: float = OUTLINE, fill=None):
    return _stroked(Rect(x, y, w, h, rx=radius, ry=radius), width, BLACK if width else None, fill)


def _arc(cx: float, cy: float, r: float, start: float, end: float, width: float = OUTLINE) -> ArcPath:
    arc = ArcPath()
    arc.addArc(cx, cy, r, start, end, moveTo=True)
    return _stroked(arc, width)


def _group(*shapes, transform=None) -> Group:
    group = Group(*shapes)
    if transform is not None:
        group.transform = transform
    return group


def _turned(degrees: float, cx: float, cy: float, *shapes) -> Group:
    """Shapes drawn around (0, 0), turned by `degrees` and moved to (cx, cy)."""
    group = Group(*shapes)
    group.translate(cx, cy)
    group.rotate(degrees)
    return group


def _head(cx: float, cy: float) -> Circle:
    return _dot(cx, cy, HEAD)


def _limbs(*points: tuple[float, float]) -> PolyLine:
    return _polyline(list(points), LIMB)


def _drop(cx: float, cy: float, r: float) -> Group:
    """A water or blood drop: a round bottom with a point on top."""
    tip = cy + r * 2.3
    path = _stroked(Path(), 0, None, BLACK)
    path.moveTo(cx, tip)
    path.curveTo(cx + r * 0.35, cy + r * 1.55, cx + r, cy + r * 1.0, cx + r, cy)
    path.curveTo(cx + r, cy - r * 0.56, cx + r * 0.56, cy - r, cx, cy - r)
    path.curveTo(cx - r * 0.56, cy - r, cx - r, cy - r * 0.56, cx - r, cy)
    path.curveTo(cx - r, cy + r * 1.0, cx - r * 0.35, cy + r * 1.55, cx, tip)
    path.closePath()
    return _group(path)


def _capsule(cx: float, cy: float, length: float, degrees: float) -> Group:
    """A capsule pill, one half solid, turned by `degrees`."""
    thick = length * 0.42
    half = length / 2
    solid = _box(-half, -thick / 2, half + 0.5, thick, thick / 2, width=0, fill=BLACK)
    # The solid half's inner corners are square: cover its rounding at the middle.
    middle = _box(-thick / 2, -thick / 2, thick / 2 + 0.5, thick, 0, width=0, fill=BLACK)
    outline = _box(-half, -thick / 2, length, thick, thick / 2, width=OUTLINE)
    return _turned(degrees, cx, cy, solid, middle, outline)


def _handset() -> Group:
    """An old-style telephone receiver, earpiece upper left, mouthpiece lower right, both cups
    towards the upper right: the shape people over 70 know as "phone" (a smartphone outline
    reads as a box). Drawn lying flat, cups up, then turned."""
    handle = _stroked(Path(), 17)
    handle.moveTo(-30, 2)
    handle.curveTo(-18, -16, 18, -16, 30, 2)
    cups = [_box(x - 14, -5, 28, 17, radius=8, width=0, fill=BLACK) for x in (-32, 32)]
    return _turned(-45, 44, 44, handle, *cups)


def _bandage_shape(length: float) -> list:
    """An adhesive bandage lying along the x axis around (0, 0): a long strip with rounded
    ends and a square pad in the middle (longer and flatter than a pill, so the two differ)."""
    thick = length * 0.34
    strip = _box(-length / 2, -thick / 2, length, thick, thick / 2, width=OUTLINE, fill=WHITE)
    pad = _box(-thick * 0.6, -thick / 2, thick * 1.2, thick, 0, width=OUTLINE, fill=WHITE)
    holes = [_dot(end * length * 0.36, 0, length * 0.04) for end in (1, -1)]
    return [strip, pad, *holes]


def _figure_standing(x: float, lean: float = 0) -> list:
    """A standing person seen from the side, facing right; `x` is the hip."""
    return [
        _head(x + 4 + lean, 86),
        _limbs((x + 2 + lean, 73), (x, 44)),
        _limbs((x, 44), (x - 4, 24), (x - 6, 6)),
        _limbs((x, 44), (x + 6, 24), (x + 8, 6)),
    ]


# -- the pictograms ---------------------------------------------------------------------------
def ice_pack() -> Group:
    """A cold pack (wider than tall, so not a button) with a large snowflake on it."""
    pack = _box(4, 18, 92, 64, radius=12, width=OUTLINE)
    flake = []
    cx, cy, r = 50, 50, 25
    for degrees in (90, 30, 150):
        arm = _line(-r, 0, r, 0, width=OUTLINE)
        tips = [_polyline([(end * (r - 10), 9), (end * r, 0), (end * (r - 10), -9)]) for end in (1, -1)]
        flake.append(_turned(degrees, cx, cy, arm, *tips))
    return _group(pack, *flake)


def shower() -> Group:
    """A shower head on its pipe, with drops falling."""
    pipe = _polyline([(10, 94), (56, 94), (56, 84)], width=OUTLINE)
    head = _polygon([(34, 68), (78, 68), (66, 84), (46, 84)], fill=BLACK, width=OUTLINE)
    drops = [
        _drop(x, y, 5.5) for x, y in ((38, 46), (56, 46), (74, 46), (30, 16), (48, 16), (66, 16), (84, 16))
    ]
    return _group(pipe, head, *drops)


def bath() -> Group:
    """A bathtub with its tap and water in it (also stands for a pool or a hot tub)."""
    tub = _stroked(Path(), OUTLINE)
    tub.moveTo(10, 52)
    tub.lineTo(14, 34)
    tub.curveTo(16, 24, 22, 20, 32, 20)
    tub.lineTo(68, 20)
    tub.curveTo(78, 20, 84, 24, 86, 34)
    tub.lineTo(90, 52)
    rim = _line(4, 52, 96, 52, width=OUTLINE)
    legs = [_line(26, 20, 22, 8), _line(74, 20, 78, 8)]
    tap = _polyline([(14, 52), (14, 80), (30, 80), (30, 72)], width=OUTLINE)
    water = _stroked(Path(), OUTLINE)
    water.moveTo(22, 38)
    for n, x in enumerate((22, 36, 50, 64)):
        crest = 45 if n % 2 == 0 else 31
        water.curveTo(x + 4, crest, x + 10, crest, x + 14, 38)
    # An upright drop above the tub: water, not just a box.
    return _group(tub, rim, *legs, tap, water, _drop(62, 68, 6))


def bandage() -> Group:
    """An adhesive bandage, lying diagonally."""
    return _turned(35, 50, 50, *_bandage_shape(88))


def bandage_off() -> Group:
    """A bandage with an arrow taking it away: take the bandage off."""
    strip = _turned(35, 36, 34, *_bandage_shape(64))
    shaft = _line(58, 62, 78, 82, width=OUTLINE + 2)
    head = _polygon([(66, 88), (94, 94), (88, 66)])
    return _group(strip, shaft, head)


def lifting() -> Group:
    """A person holding a box in front, knees bent: lifting. Faces the text. The weight limit
    is printed as text beside it, never inside."""
    figure = [
        _head(34, 84),
        _limbs((32, 71), (28, 44)),
        _limbs((28, 44), (40, 28), (34, 6)),
        _limbs((28, 44), (24, 24), (20, 6)),
        _limbs((32, 66), (46, 54), (58, 52)),
    ]
    box = _box(56, 32, 38, 34, radius=2, width=OUTLINE, fill=WHITE)
    lid = _line(56, 56, 94, 56, width=OUTLINE)
    return _group(*figure, box, lid)


def bending() -> Group:
    """A person bent forward at the waist, reaching to the floor, with an arrow along the
    bending back. Faces the text."""
    arrow = _arc(34, 58, 38, 30, 100, width=OUTLINE)
    tip = _polygon([(73, 84), (57.6, 75), (72.4, 67.5)])
    return _group(
        _head(80, 52),
        _limbs((28, 62), (18, 6)),
        _limbs((28, 62), (38, 6)),
        _polyline([(28, 62), (66, 58)], width=LIMB + 3),
        _limbs((62, 57), (72, 20)),
        _line(4, 3, 96, 3, width=OUTLINE),
        arrow,
        tip,
    )


def walking() -> Group:
    """A person walking, mid-stride, towards the text."""
    return _group(
        _head(56, 87),
        _limbs((53, 74), (47, 45)),
        _limbs((47, 45), (58, 26), (68, 8)),
        _limbs((47, 45), (40, 26), (24, 12)),
        _limbs((52, 68), (64, 56), (72, 44)),
        _limbs((52, 68), (42, 56), (34, 46)),
    )


def driving() -> Group:
    """A car seen from the side, moving towards the text."""
    body = _polygon(
        [(4, 26), (4, 44), (12, 48), (26, 50), (38, 70), (70, 70), (82, 50), (96, 44), (96, 26)],
        fill=BLACK,
        width=OUTLINE,
    )
    windows = [
        _polygon([(32, 52), (41, 65), (53, 65), (53, 52)], fill=WHITE),
        _polygon([(59, 52), (59, 65), (68, 65), (77, 52)], fill=WHITE),
    ]
    wheels = []
    for x in (26, 74):
        wheels += [_dot(x, 24, 15, WHITE), _dot(x, 24, 12), _dot(x, 24, 4.5, WHITE)]
    return _group(body, *windows, *wheels)


def rest_at_home() -> Group:
    """A person lying in bed and an adult standing beside: rest, with someone with you."""
    headboard = _line(5, 6, 5, 54, width=OUTLINE)
    frame = _line(5, 24, 66, 24, width=OUTLINE)
    foot = _line(66, 24, 66, 6, width=OUTLINE)
    sleeper = _dot(18, 38, 9.5)
    blanket = _box(30, 27, 36, 19, radius=8, width=0, fill=BLACK)
    adult = [
        _head(86, 80),
        _limbs((86, 67), (86, 40)),
        _limbs((86, 40), (80, 24), (78, 6)),
        _limbs((86, 40), (92, 24), (94, 6)),
        _limbs((86, 62), (76, 52), (72, 46)),
    ]
    return _group(headboard, frame, foot, sleeper, blanket, *adult)


def hospital() -> Group:
    """A hospital building with a cross on it: the day of the procedure."""
    building = _polygon(
        [(6, 6), (6, 54), (28, 54), (28, 88), (72, 88), (72, 54), (94, 54), (94, 6)],
        fill=WHITE,
        width=OUTLINE,
        color=BLACK,
    )
    cross = [_line(50, 58, 50, 80, width=10), _line(39, 69, 61, 69, width=10)]
    door = _box(40, 6, 20, 26, width=0, fill=BLACK)
    windows = [_box(x, 30, 10, 10, width=0, fill=BLACK) for x in (14, 76)]
    return _group(building, *cross, door, *windows)


def alcohol() -> Group:
    """A wine glass, half full: alcohol (shown prohibited with sedation and strong painkillers)."""
    bowl = _stroked(Path(), OUTLINE, BLACK, WHITE)
    bowl.moveTo(26, 92)
    bowl.curveTo(24, 62, 36, 50, 50, 50)
    bowl.curveTo(64, 50, 76, 62, 74, 92)
    bowl.closePath()
    wine = _stroked(Path(), 0, None, BLACK)
    wine.moveTo(26, 72)
    wine.curveTo(28, 58, 38, 50, 50, 50)
    wine.curveTo(62, 50, 72, 58, 74, 72)
    wine.closePath()
    stem = _line(50, 50, 50, 12, width=OUTLINE)
    base = _line(32, 9, 68, 9, width=OUTLINE)
    return _group(bowl, wine, stem, base)


def lock() -> Group:
    """A padlock: keep the medicine locked away."""
    shackle = _stroked(Path(), OUTLINE + 3)
    shackle.moveTo(32, 50)
    shackle.lineTo(32, 68)
    shackle.curveTo(32, 92, 68, 92, 68, 68)
    shackle.lineTo(68, 50)
    body = _box(18, 6, 64, 50, radius=8, width=0, fill=BLACK)
    keyhole = [_dot(50, 36, 7, WHITE), _polygon([(46, 34), (54, 34), (56, 16), (44, 16)], fill=WHITE)]
    return _group(shackle, body, *keyhole)


def exercise() -> Group:
    """A person seen from the front, arms up and legs apart: exercises."""
    return _group(
        _head(50, 86),
        _limbs((50, 72), (50, 42)),
        _limbs((50, 66), (30, 80), (22, 94)),
        _limbs((50, 66), (70, 80), (78, 94)),
        _limbs((50, 42), (38, 24), (32, 6)),
        _limbs((50, 42), (62, 24), (68, 6)),
    )


def _clock(cx: float, cy: float, r: float) -> list:
    """A clock face at three o'clock (never mirrored: that would read nine, running backwards)."""
    return [
        _ring(cx, cy, r, width=OUTLINE, fill=WHITE),
        _line(cx, cy, cx, cy + r * 0.68, width=OUTLINE),
        _line(cx, cy, cx + r * 0.5, cy, width=OUTLINE),
        _dot(cx, cy, 5),
    ]


def medicine_times() -> Group:
    """A pill and a clock: take your medicine at its times."""
    # The pill lies flat below the clock: turned towards it, it read as a magnifier's handle.
    return _group(*_clock(60, 62, 31), _capsule(28, 15, 46, 0))


def blood_thinner() -> Group:
    """A drop of blood and a pill: the blood-thinning medicine."""
    return _group(_drop(30, 36, 21), _capsule(72, 40, 46, 60))


def follow_up() -> Group:
    """A wall calendar with one day ringed: the follow-up visit."""
    page = _box(8, 6, 84, 76, radius=6, width=OUTLINE, fill=WHITE)
    band = _box(8, 62, 84, 20, radius=6, width=0, fill=BLACK)
    band_square = _box(8, 62, 84, 10, width=0, fill=BLACK)
    rings = []
    for x in (30, 70):
        rings += [_line(x, 72, x, 94, width=OUTLINE + 6, color=WHITE), _line(x, 72, x, 94, width=OUTLINE)]
    days = [
        _box(x, y, 12, 10, width=0, fill=BLACK) for y in (42, 18) for x in (18, 42, 66) if (x, y) != (66, 18)
    ]
    circled = [_ring(72, 23, 12, width=OUTLINE)]
    return _group(page, band, band_square, *rings, *days, *circled)


def call_care_team() -> Group:
    """A telephone receiver ringing: call your care team."""
    waves = [_arc(58, 58, r, 0, 90, width=OUTLINE) for r in (18, 34)]
    return _group(_handset(), *waves)


def call_emergency() -> Group:
    """A telephone receiver with a warning triangle: call the emergency number."""
    triangle = _polygon([(50, 54), (98, 54), (74, 98)], fill=BLACK, width=4)
    mark = [_line(74, 86, 74, 72, width=7, color=WHITE), _dot(74, 63, 4.2, WHITE)]
    return _group(_handset(), triangle, *mark)


# -- the set ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pictogram:
    draw: Callable[[], Group]
    directional: bool
    why: str  # why it is, or is not, mirrored in a right-to-left handout
    can_be_prohibited: bool = False


_FACES_TEXT = "a figure or a car faces and moves towards its text; right to left, that is leftwards"
_NO_DIRECTION = "its direction means nothing; one unchanged form is easier to recognise"

PICTOGRAMS: dict[str, Pictogram] = {
    "ice-pack": Pictogram(ice_pack, False, _NO_DIRECTION),
    "shower": Pictogram(shower, False, _NO_DIRECTION),
    "bath": Pictogram(bath, False, _NO_DIRECTION, can_be_prohibited=True),
    "bandage": Pictogram(bandage, False, _NO_DIRECTION),
    "bandage-off": Pictogram(bandage_off, False, "the arrow shows lifting off, which has no reading side"),
    "lifting": Pictogram(lifting, True, _FACES_TEXT),
    "bending": Pictogram(bending, True, _FACES_TEXT, can_be_prohibited=True),
    "walking": Pictogram(walking, True, _FACES_TEXT),
    "driving": Pictogram(driving, True, _FACES_TEXT, can_be_prohibited=True),
    "rest-at-home": Pictogram(rest_at_home, False, "a scene, not a movement: nothing reads backwards"),
    "hospital": Pictogram(hospital, False, _NO_DIRECTION),
    "alcohol": Pictogram(alcohol, False, _NO_DIRECTION, can_be_prohibited=True),
    "lock": Pictogram(lock, False, _NO_DIRECTION),
    "exercise": Pictogram(exercise, False, "seen from the front, the figure is symmetric"),
    "medicine-times": Pictogram(medicine_times, False, "a mirrored clock tells another time"),
    "blood-thinner": Pictogram(blood_thinner, False, _NO_DIRECTION),
    "follow-up": Pictogram(follow_up, False, "a calendar's days run the way the reader's calendar does"),
    "call-care-team": Pictogram(call_care_team, False, "the phone must look the same in every handout"),
    "call-emergency": Pictogram(call_emergency, False, "the emergency sign must look the same everywhere"),
}


class UnknownPictogram(ValueError):
    pass


def names() -> list[str]:
    """Every name the markup may use: the drawings and their "no-…" variants."""
    out = list(PICTOGRAMS)
    out += [PROHIBITED_PREFIX + name for name, p in PICTOGRAMS.items() if p.can_be_prohibited]
    return out


def resolve(name: str) -> tuple[Pictogram, bool]:
    """The pictogram behind a name, and whether it is shown prohibited."""
    if name in PICTOGRAMS:
        return PICTOGRAMS[name], False
    base = name.removeprefix(PROHIBITED_PREFIX)
    if name.startswith(PROHIBITED_PREFIX) and base in PICTOGRAMS and PICTOGRAMS[base].can_be_prohibited:
        return PICTOGRAMS[base], True
    raise UnknownPictogram(f'"{name}" is not a pictogram; known: {", ".join(names())}')


def is_mirrored(name: str, rtl: bool) -> bool:
    return rtl and resolve(name)[0].directional


def prohibition_sign() -> Group:
    """The circle and bar, upper left to lower right (never mirrored). A white edge along the
    bar keeps it apart from the black drawing beneath."""
    centre, r = BOX / 2, BOX / 2 - RING_WIDTH / 2 - 0.5
    d = r * 0.7071
    start, end = (centre - d, centre + d), (centre + d, centre - d)
    return _group(
        _line(*start, *end, width=RING_WIDTH + 5, color=WHITE),
        _line(*start, *end, width=RING_WIDTH),
        _ring(centre, centre, r, width=RING_WIDTH),
    )


def _content(name: str, mirrored: bool) -> Group:
    """The drawing in its 100-unit box: mirrored if asked and it is directional, inside the
    prohibition sign for a "no-…" name."""
    pictogram, prohibited = resolve(name)
    art = pictogram.draw()
    if mirrored and pictogram.directional:
        art = _group(art, transform=(-1, 0, 0, 1, BOX, 0))
    if not prohibited:
        return art
    s = PROHIBITED_SCALE
    offset = BOX * (1 - s) / 2
    return _group(_group(art, transform=(s, 0, 0, s, offset, offset)), prohibition_sign())


@lru_cache(maxsize=256)
def drawing(name: str, size: float, mirrored: bool = False) -> Drawing:
    """The pictogram as a `size` × `size` point ReportLab drawing. `mirrored` is what a right-
    to-left handout asks for; only directional pictograms change. Cached: treat as read-only.
    For the contact sheet and tests; a handout places pictures with `draw_on` (a Drawing used
    as a flowable would name Helvetica, which the handout does not embed)."""
    picture = Drawing(size, size)
    scale = size / BOX
    picture.add(_group(_content(name, mirrored), transform=(scale, 0, 0, scale, 0, 0)))
    return picture


@lru_cache(maxsize=256)
def _operators(name: str, size: float, mirrored: bool) -> str:
    """The PDF drawing operators of a pictogram at the origin, made once. Walking ReportLab's
    shape tree costs about 2 ms a picture, each time; a handout with 15 pictures would pay that
    on every keystroke's preview. (Read from a scratch canvas's content list: ReportLab has no
    public call that returns a drawing's operators.)"""
    scratch = Canvas(io.BytesIO())
    start = len(scratch._code)  # type: ignore[attr-defined]
    renderPDF.draw(drawing(name, size, mirrored), scratch, 0, 0)
    # The renderer also sets a default font (Helvetica, "BT /F1 10 Tf … ET") that no picture
    # uses: the handout embeds all its fonts and must not name one it does not have.
    return "\n".join(op for op in scratch._code[start:] if not op.startswith("BT "))  # type: ignore[attr-defined]


def draw_on(canvas: Canvas, name: str, size: float, x: float, y: float, mirrored: bool = False) -> None:
    """Put a pictogram on `canvas` with its lower left corner at (x, y). Its operators set every
    colour, width and dash they use, so nothing the page drew before (a grey SAMPLE mark, a
    dashed rule) changes a picture (tested)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.addLiteral(_operators(name, size, mirrored))
    canvas.restoreState()
