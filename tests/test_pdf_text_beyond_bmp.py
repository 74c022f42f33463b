"""Characters above U+FFFF that the fonts can print also read back from the PDF as typed (the
ToUnicode map writes them as UTF-16 surrogate pairs; ReportLab's own wrote five hex digits)."""

import subprocess

from conftest import TODAY
from pdfread import all_text

from vpdischarge.pipeline import render
from vpdischarge.typeset.to_unicode_fix import utf16_hex

NAME = "Ana \U0001044d\U00010400 Smith"  # Deseret letters: covered by Droid Sans Fallback


def test_utf16_hex():
    assert utf16_hex(0x41) == "0041"
    assert utf16_hex(0x4E2D) == "4E2D"
    assert utf16_hex(0x1044D) == "D801DC4D"


def test_a_name_beyond_the_basic_plane_is_extracted_as_typed(make_case, site, tmp_path):
    case = make_case()
    case.patient.name = NAME
    pdf = render(case, site, TODAY).pdf
    assert NAME in all_text(pdf)  # pypdf
    (tmp_path / "h.pdf").write_bytes(pdf)
    poppler = subprocess.run(["pdftotext", str(tmp_path / "h.pdf"), "-"], capture_output=True, check=True)
    assert NAME in poppler.stdout.decode("utf-8")
