"""The hostile-input generator (scripts/fuzz_cases.py): its page check and a short real run."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import TODAY, TYPICAL_CASE

from vpdischarge.domain.case_file import case_from_dict
from vpdischarge.domain.site import load_site
from vpdischarge.pipeline import render

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz_cases.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("fuzz_cases", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["fuzz_cases"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pdf():
    data = json.loads(json.dumps(TYPICAL_CASE))
    data["patient"]["record_number"] = "123-456"
    data["follow_up"]["phone"] = "+1 555 0199"
    case, issues = case_from_dict(data)
    assert not issues
    return render(case, load_site(None), today=TODAY).pdf


def test_the_page_check_finds_typed_values_in_their_order(fuzz, pdf):
    values = ["123-456", "+1 555 0199", "Maria Testcase Núñez", "Walk twice a day."]
    assert fuzz.typed_values_missing(pdf, values) == []
    # The same characters in another order (what a stray U+061C did) are not on the page.
    assert fuzz.typed_values_missing(pdf, ["456-123", "+1 5550199 555"]) == ["456-123", "+1 5550199 555"]
    # Invisible controls are not compared, only the order of what prints.
    assert fuzz.typed_values_missing(pdf, ["123\u061c-456"]) == []


def test_a_short_run_of_every_class_reports_its_figures(fuzz, capsys):
    fuzz.main(["--cases", "10", "--seed", "7"])
    out = capsys.readouterr().out
    assert "10 cases run" in out and "exit codes:" in out and "classes:" in out


def test_a_failure_is_saved_in_full_to_be_run_again(fuzz, tmp_path):
    # A real case of the run whose files are longer than the printed report keeps.
    notes = "Walk twice a day. " * 300
    data = json.loads(json.dumps(TYPICAL_CASE))
    data["clinician"]["notes"] = notes
    spec = fuzz.Spec(
        "property",
        {"case.json": json.dumps(data).encode()},
        ["render", "--case", "case.json", "--output", "out.pdf"],
    )
    tally = fuzz.Tally()
    tally.fail("property: an example failure", spec, "")
    fuzz.report(tally, 1.0, False, 1, tmp_path / "saved")
    saved = tmp_path / "saved" / "failure-1"
    assert json.loads((saved / "case.json").read_text())["clinician"]["notes"] == notes
    assert json.loads((saved / "run.json").read_text())["argv"] == spec.argv
