"""Every Synthea R4 sample bundle (real third-party output, ../shared/fhir/synthea-r4) imports,
and the name, birth date, record number and active medicines match the bundle.

The expectations are read from the JSON here, simply and independently of vpdischarge/ehr."""

import json
import re
from pathlib import Path

import pytest

from vpdischarge.domain.site import load_site
from vpdischarge.ehr.importer import import_bundle

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "fhir" / "synthea-r4"
BUNDLES = sorted(SAMPLES.glob("*.json")) if SAMPLES.is_dir() else []

pytestmark = pytest.mark.skipif(
    not BUNDLES, reason=f"the Synthea sample bundles are not beside the repository ({SAMPLES})"
)


def expected(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    resources = [e["resource"] for e in data["entry"]]
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    official = next(n for n in patient["name"] if n.get("use") == "official")
    mrn = next(
        i["value"]
        for i in patient["identifier"]
        if any(c.get("code") == "MR" for c in i.get("type", {}).get("coding", []))
    )
    active = {
        r["medicationCodeableConcept"]["coding"][0]["display"]
        for r in resources
        if r["resourceType"] == "MedicationRequest" and r["status"] == "active"
    }
    return {
        "name": " ".join([*official["given"], official["family"]]),
        "birth": patient["birthDate"],
        "mrn": mrn,
        "active": active,
    }


def test_all_six_samples_are_there():
    assert len(BUNDLES) == 6


@pytest.mark.parametrize("path", BUNDLES, ids=lambda p: p.name.split("_")[0])
def test_sample_imports_and_matches_the_bundle(path):
    want = expected(path)
    result = import_bundle(path, load_site(None))
    case = result.case
    assert case.patient.name == want["name"]
    assert case.patient.date_of_birth.isoformat() == want["birth"]
    assert case.patient.record_number == want["mrn"]
    # One row per distinct active medicine (Synthea repeats some orders), each named after
    # the medicine's first word and carrying its first strength ("325 MG" -> "325 mg").
    assert len(case.medications) == len(want["active"])
    rows = {(m.name.casefold(), m.dose) for m in case.medications}
    for display in want["active"]:
        body = re.sub(r"^(\d+(\.\d+)? (HR|ML|ACTUAT) )+", "", display)
        first_word = body.split()[0].casefold()
        strength = re.search(r"(\d+(?:\.\d+)?) MG", body)
        assert any(
            name.startswith(first_word) and (strength is None or dose.startswith(strength.group(1) + " mg"))
            for name, dose in rows
        ), display
    # Synthea has no appointment, no vertebroplasty and no dosage: all said, none invented.
    unmapped = {i.field for i in result.not_mapped}
    assert {"procedure.kind", "follow_up.when"} <= unmapped
    assert case.procedure.date is None
    assert case.follow_up.when is None
    assert all(m.when == "" for m in case.medications)


def test_a_sample_through_the_command_line(tmp_path):
    import subprocess
    import sys

    path = max(BUNDLES, key=lambda p: p.stat().st_size)
    out = tmp_path / "case.json"
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "import", str(path), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    want = expected(path)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["patient"]["name"] == want["name"]
    assert written["patient"]["record_number"] == want["mrn"]
    # The report names fields, never the patient's data.
    assert want["name"] not in result.stderr and want["mrn"] not in result.stderr
    assert want["name"].split()[-1] not in result.stderr
    assert "from the record: patient.name" in result.stderr
    assert "not mapped: procedure.kind: no vertebroplasty or kyphoplasty" in result.stderr
