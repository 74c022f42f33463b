"""Every printed page identifies the patient, and patient data goes nowhere it was not asked to."""

import json
import os
import subprocess
import sys

import pytest
from conftest import TODAY, TYPICAL_CASE
from pdfread import metadata, pages_text

from vpdischarge.pipeline import render

MARKER = "Zyxwvut Quokkaname"  # a fictional name nothing else would contain


@pytest.mark.parametrize("large_print", [False, True], ids=["normal", "large"])
def test_every_page_of_a_long_handout_names_the_patient(make_case, site, large_print):
    notes = "\n".join(f"Walk {n}." for n in range(500))[:5000]  # many short lines, within the limit
    case = make_case(clinician={"notes": notes}, large_print=large_print)
    pages = pages_text(render(case, site, TODAY).pdf)
    assert len(pages) >= 10
    for n, text in enumerate(pages, start=1):
        assert text.count("Maria Testcase Núñez") >= 2, n  # header and footer
        assert "T-000123" in text and "March 2, 1948" in text, n
        assert f"Page {n} of {len(pages)}" in text, n


def test_cli_leaves_patient_data_only_in_the_pdf_it_was_asked_for(tmp_path):
    data = json.loads(json.dumps(TYPICAL_CASE))
    data["patient"]["name"] = MARKER
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(data), encoding="utf-8")
    scratch = tmp_path / "tmp"
    state = tmp_path / "state"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "XDG_STATE_HOME": str(state), "HOME": str(tmp_path / "home")}
    out = tmp_path / "out" / "handout.pdf"
    out.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "render", "--case", str(case_file), "--output", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert MARKER not in result.stdout + result.stderr  # nothing logged or echoed
    assert MARKER not in " ".join(metadata(out.read_bytes()).values())  # not in the PDF metadata
    assert any(MARKER in page for page in pages_text(out.read_bytes()))  # but printed, as asked
    leftovers = [
        p for p in (scratch, state, tmp_path / "home", out.parent) for p in p.rglob("*") if p.is_file()
    ]
    assert leftovers == [out]  # no temporary file, report or log anywhere
