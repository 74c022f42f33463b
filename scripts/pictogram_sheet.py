"""A contact sheet of every pictogram, to look at before and after changing a drawing.

    python scripts/pictogram_sheet.py [OUT.pdf]        # default: pictograms.pdf here
    pdftoppm -r 100 -png pictograms.pdf sheet           # then look at sheet-*.png

One row per pictogram: its name, the picture at normal print size (beside 12 pt text), at large
print size (beside 16 pt), the same mirrored as a right-to-left handout shows it (only
directional pictograms change), and a large-print line of text with the picture beside it, left
to right and right to left. Print it on a black-and-white printer to check it the way a patient
will see it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree.ElementTree import Element

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from vpdischarge.typeset.fonts import FontResolver
from vpdischarge.typeset.inline import make_paragraph
from vpdischarge.typeset.pictograms import drawing, names, resolve
from vpdischarge.typeset.pictograms_flowable import beside_text, icon_size
from vpdischarge.typeset.styles import LARGE, NORMAL, make_styles

SAMPLE_LTR = "A line of large print beside its picture."
SAMPLE_RTL = "سطر بخط كبير بجانب صورته."


def _text(value: str) -> Element:
    element = Element("p")
    element.text = value
    return element


def sheet(path: Path) -> None:
    resolver = FontResolver()
    large = make_styles(True, resolver.base_face)
    large_rtl = make_styles(True, resolver.base_face, rtl=True)
    label = make_styles(False, resolver.base_face).small
    head = ["name", "normal", "large", "mirrored", "in a large-print handout (left to right, right to left)"]
    rows = [[Paragraph(h, label) for h in head]]
    for name in names():
        pictogram, _prohibited = resolve(name)
        note = "mirrors" if pictogram.directional else "never mirrored"
        in_context = [
            beside_text(make_paragraph(_text(SAMPLE_LTR), resolver, large.body), name, LARGE.body),
            beside_text(
                make_paragraph(_text(SAMPLE_RTL), resolver, large_rtl.body, rtl_base=True),
                name,
                LARGE.body,
                rtl=True,
            ),
        ]
        rows.append(
            [
                Paragraph(f"<b>{name}</b><br/>{note}", label),
                drawing(name, icon_size(NORMAL.body)),
                drawing(name, icon_size(LARGE.body)),
                drawing(name, icon_size(LARGE.body), mirrored=True),
                in_context,
            ]
        )
    table = Table(rows, colWidths=[96, 54, 64, 64, 262], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    doc = SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=36, rightMargin=36, topMargin=36)
    doc.build([table])


if __name__ == "__main__":
    sheet(Path(sys.argv[1] if len(sys.argv) > 1 else "pictograms.pdf"))
