"""Draw the app icon's PNG sizes and the Windows .ico from its SVG (run after changing the SVG):

    python scripts/render_icons.py

Writes resources/icons/hicolor/NxN/apps/vpdischarge.png (the freedesktop icon theme layout, so
`vpdischarge install-desktop` copies the tree as it is) and resources/icons/vpdischarge.ico (the
frozen Windows build's file icon). Rendered with Qt's own SVG renderer, so no other tool is needed.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "hicolor" / "scalable" / "apps" / "vpdischarge.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 256)  # what Windows Explorer and the taskbar ask for


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "vpdischarge.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(path))
    # Qt's ICO writer stores one image per call: write the largest, the others are scaled by
    # Windows. (Pillow, when present, writes all sizes into one file.)
    try:
        from PIL import Image
    except ImportError:
        render(renderer, 256).save(str(ICONS / "vpdischarge.ico"))
    else:
        big = ICONS / "hicolor" / "256x256" / "apps" / "vpdischarge.png"
        Image.open(big).save(ICONS / "vpdischarge.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {len(SIZES)} PNG sizes and vpdischarge.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
