"""The education record: a FHIR R4 transaction Bundle dropped in the site's `[record] folder`."""

import base64
import hashlib
import json
import subprocess
import sys

import pytest
from conftest import TYPICAL_CASE
from fhir.resources.R4B.bundle import Bundle

from vpdischarge.assets import default_site_path
from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import parse_site
from vpdischarge.records.education_bundle import Education, education_bundle


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def _site_file(tmp_path, record_lines):
    site = tmp_path / "site.toml"
    site.write_text(default_site_path().read_text(encoding="utf-8") + "\n[record]\n" + record_lines, "utf-8")
    return site


def _render(tmp_path, site, **changes):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps({**TYPICAL_CASE, **changes}), encoding="utf-8")
    return run("render", "--case", case_file, "--output", tmp_path / "h.pdf", "--site", site)


def _resources(bundle):
    return {entry["resource"]["resourceType"]: entry["resource"] for entry in bundle["entry"]}


def test_render_drops_a_valid_bundle_holding_the_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    drop = tmp_path / "drop"
    drop.mkdir()
    result = _render(
        tmp_path, _site_file(tmp_path, f'folder = "{drop}"\n'), language="es", second_language="en"
    )
    assert result.returncode == 0, result.stderr
    files = list(drop.iterdir())
    assert len(files) == 1 and files[0].suffix == ".json"  # no temporary file left beside it
    data = json.loads(files[0].read_text(encoding="utf-8"))
    bundle = Bundle.model_validate(data)
    assert bundle.type == "transaction"
    pdf = (tmp_path / "h.pdf").read_bytes()
    resources = _resources(data)
    document, procedure = resources["DocumentReference"], resources["Procedure"]
    attachment = document["content"][0]["attachment"]
    assert base64.b64decode(attachment["data"]) == pdf
    assert attachment["hash"] == base64.b64encode(hashlib.sha1(pdf).digest()).decode()
    assert attachment["size"] == len(pdf)
    assert (attachment["contentType"], attachment["language"]) == ("application/pdf", "es")
    assert document["type"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "8653-8",
        "display": "Hospital Discharge instructions",
    }
    assert procedure["code"]["coding"][0]["code"] == "311401005"
    assert procedure["subject"]["identifier"]["value"] == "T-000123"
    values = {e["url"].rsplit(":", 1)[1]: e for e in procedure["extension"] if "language" not in e["url"]}
    assert values["teach-back"]["valueString"] == "not assessed"
    assert values["translation-status"]["valueString"] == "es:draft,en:source"
    assert values["interpreter"]["valueBoolean"] is True  # the case names one
    languages = [e["valueCode"] for e in procedure["extension"] if e["url"].endswith(":language")]
    assert languages == ["es", "en"]
    assert procedure["report"][0]["reference"] == data["entry"][0]["fullUrl"]
    assert "Testcase" not in files[0].read_text(encoding="utf-8")


def test_the_name_is_in_the_record_only_when_the_site_opts_in(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    drop = tmp_path / "drop"
    drop.mkdir()
    site = _site_file(tmp_path, f'folder = "{drop}"\ninclude_patient_name = true\n')
    assert _render(tmp_path, site).returncode == 0
    (record,) = drop.iterdir()
    subject = _resources(json.loads(record.read_text(encoding="utf-8")))["Procedure"]["subject"]
    assert subject["display"] == TYPICAL_CASE["patient"]["name"]


def test_an_unreachable_record_folder_is_named_and_the_pdf_is_still_written(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _render(tmp_path, _site_file(tmp_path, f'folder = "{blocker / "drop"}"\n'))
    assert result.returncode == 0
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert "warning: site.record.folder:" in result.stderr
    assert "Testcase" not in result.stderr and "Traceback" not in result.stderr


def test_no_record_number_no_record_and_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    drop = tmp_path / "drop"
    drop.mkdir()
    patient = {**TYPICAL_CASE["patient"], "record_number": ""}
    result = _render(tmp_path, _site_file(tmp_path, f'folder = "{drop}"\n'), patient=patient)
    assert result.returncode == 0
    assert "patient.record_number" in result.stderr
    assert list(drop.iterdir()) == []


def test_the_conditional_reference_uses_the_sites_record_system():
    education = Education("A1", ("en",), "en:source", "v", "not assessed", record_system="urn:oid:1.2.3")
    subject = _resources(education_bundle(b"%PDF-1.4", education))["Procedure"]["subject"]
    assert subject["reference"] == "Patient?identifier=urn:oid:1.2.3|A1"
    assert subject["identifier"]["system"] == "urn:oid:1.2.3"
    assert "display" not in subject


def test_record_settings_are_checked_by_key_and_line():
    with pytest.raises(InputError) as caught:
        parse_site('[record]\nfoldr = "/x"\ninclude_patient_name = "yes"\n')
    fields = {(i.field, "(line" in i.message) for i in caught.value.issues}
    assert fields == {("site.record.foldr", True), ("site.record.include_patient_name", True)}
    assert parse_site('[record]\nfolder = "drop"\n', base_folder=None).record_folder is not None
    assert parse_site("").record_folder is None
