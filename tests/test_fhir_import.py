"""Import from FHIR R4 bundles written for these tests (fictional patients, tests/data/fhir):
the parts Synthea does not have, and every way a bundle can be bad."""

import copy
import json
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import TODAY

from vpdischarge.domain.case_file import case_to_dict
from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import load_site, parse_site
from vpdischarge.ehr.bundle import MAX_BUNDLE_BYTES
from vpdischarge.ehr.importer import import_bundle, import_bytes

DATA = Path(__file__).parent / "data" / "fhir"
COLLECTION = DATA / "vertebroplasty-collection.json"
SEARCHSET = DATA / "kyphoplasty-searchset.json"


@pytest.fixture
def clinic_time_zone(monkeypatch):
    """The workstation is in Chicago (UTC-6 in winter); the record writes times at UTC-5."""
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def bundle_data(path=COLLECTION):
    return json.loads(path.read_text(encoding="utf-8"))


def imported(data, site=None):
    return import_bytes(json.dumps(data).encode(), site or load_site(None), TODAY)


def problems(data=None, raw=None):
    with pytest.raises(InputError) as caught:
        import_bytes(raw if raw is not None else json.dumps(data).encode(), load_site(None), TODAY)
    return [str(issue) for issue in caught.value.issues]


def test_full_discharge_from_a_collection(clinic_time_zone):
    result = import_bundle(COLLECTION, load_site(None), TODAY)
    case = result.case
    # The official name (not the usual one), given names, family, suffix; no "Mrs.".
    assert case.patient.name == "Rosa Maria Examplewoman Sr."
    assert case.patient.date_of_birth == date(1944, 2, 29)
    assert case.patient.record_number == "MRN-4471-TEST"  # the identifier typed MR
    assert case.language == "es"  # the preferred language, es-MX
    assert (case.procedure.kind, case.procedure.date) == ("vertebroplasty", date(2026, 11, 20))
    assert case.procedure.levels == ["T12", "L1"]
    rows = [(m.name, m.dose, m.when, m.purpose) for m in case.medications]
    assert rows == [
        ("Oxycodone", "5 mg", "every 6 hours if needed", ""),  # text matching a standard phrase
        ("Acetaminophen / Oxycodone", "325 mg / 5 mg", "every 4 hours if needed", ""),  # coded timing
        ("Apixaban", "5 mg", "twice a day", "blood thinner"),  # a referenced Medication resource
        ("Calcium carbonate", "600 mg", "Take with breakfast and supper", ""),  # text kept as written
        ("Sennosides", "8.6 mg", "at bedtime", ""),  # a MedicationStatement, Timing.repeat.when HS
    ]  # the stopped ibuprofen is left out
    # The next booked visit after the procedure (not the cancelled or the later one), in the
    # clinic's clock: 10:30 at UTC-5 is 9:30 in Chicago.
    assert case.follow_up.when == datetime(2026, 12, 4, 9, 30)
    assert (case.follow_up.where, case.follow_up.phone) == ("Spine Clinic, Building C", "+1 555 0142")
    assert result.not_mapped == []
    checks = {(i.field, i.message) for i in result.to_check}
    assert ("medications[4].when", "the record's own words, not a standard phrase") in checks
    thinner = [i for i in result.to_check if i.field == "blood_thinner_restart"]
    assert len(thinner) == 1 and "(medicine 3)" in thinner[0].message
    assert case.blood_thinner_restart is None  # asked, never invented


def test_the_imported_case_is_a_case_file_that_renders(tmp_path, clinic_time_zone):
    from vpdischarge.pipeline import check

    result = import_bundle(COLLECTION, load_site(None), TODAY)
    errors = [i for i in check(result.case, load_site(None)) if i.severity == "error"]
    assert errors == []
    assert case_to_dict(result.case)["schema"] == 1


def test_searchset_kyphoplasty_and_what_is_not_mapped():
    result = import_bundle(SEARCHSET, load_site(None), TODAY)
    case = result.case
    assert case.patient.name == "Albert Testperson"  # the nickname is passed over
    assert case.patient.date_of_birth is None and case.patient.record_number == ""
    assert (case.procedure.kind, case.procedure.date) == ("kyphoplasty", date(2026, 11, 24))
    assert [(m.name, m.dose, m.when) for m in case.medications] == [
        ("Amlodipine", "5 mg", ""),  # every 12 hours has no standard phrase: left to the nurse
        ("Jolivette 28 Day Pack", "", ""),  # no strength in the name: kept whole
    ]
    assert case.follow_up.when is None  # the only booked visit is before the procedure
    unmapped = {i.field for i in result.not_mapped}
    assert unmapped == {
        "patient.date_of_birth",  # 1938 only
        "patient.record_number",
        "language",
        "medications[1].when",
        "medications[2].when",
        "medications[2].dose",
        "follow_up.when",
    }


def test_the_site_names_the_record_number_system():
    site = parse_site('[ehr]\nrecord_system = "http://hospital.example.org/enterprise"\n')
    assert site.ehr_record_system == "http://hospital.example.org/enterprise"
    assert import_bundle(SEARCHSET, site, TODAY).case.patient.record_number == "E-99"
    # The site's system wins over the MR type.
    site = parse_site('[ehr]\nrecord_system = "http://clinic.example.org/local-id"\n')
    assert import_bundle(COLLECTION, site, TODAY).case.patient.record_number == "LOCAL-77"


def test_the_site_key_is_checked():
    with pytest.raises(InputError) as caught:
        parse_site('[ehr]\nrecord_system = ""\nsystem = "x"\n')
    fields = {i.field for i in caught.value.issues}
    assert fields == {"site.ehr.record_system", "site.ehr.system"}


def test_procedure_known_by_name_only_is_flagged():
    data = bundle_data()
    data["entry"][2]["resource"]["code"] = {"text": "Balloon kyphoplasty T12"}
    result = imported(data)
    assert result.case.procedure.kind == "kyphoplasty"
    assert any(i.field == "procedure.kind" for i in result.to_check)


def test_procedures_not_done_are_not_taken():
    data = bundle_data()
    data["entry"][2]["resource"]["status"] = "entered-in-error"
    result = imported(data)
    assert result.case.procedure.date is None
    assert "procedure.kind" in {i.field for i in result.not_mapped}


def test_bundle_types():
    for kind in ("collection", "transaction", "searchset", "document"):
        data = bundle_data()
        data["type"] = kind
        if kind == "transaction":
            for entry in data["entry"]:
                entry["request"] = {"method": "POST", "url": entry["resource"]["resourceType"]}
        if kind == "document":
            data["identifier"] = {"system": "urn:ietf:rfc:3986", "value": "urn:uuid:1"}
            data["timestamp"] = "2026-11-20T12:00:00-05:00"
        assert imported(data).case.patient.record_number == "MRN-4471-TEST", kind
    data = bundle_data()
    data["type"] = "history"
    assert problems(data) == [
        "bundle.type: import takes a collection, transaction, searchset, document bundle"
    ]


SECRET = "Rosa Secretname"


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda d: d["entry"][4]["resource"]["dosageInstruction"][0].update(timing=5),
            "bundle.entry[4].resource(MedicationRequest).dosageInstruction[0].timing:",
        ),
        (
            lambda d: d["entry"][4]["resource"]["dosageInstruction"][0].update(
                timing={"repeat": {"frequency": SECRET}}
            ),
            "bundle.entry[4].resource(MedicationRequest).dosageInstruction[0].timing.repeat.frequency: "
            "must be a whole number",
        ),
        (
            lambda d: d["entry"][0]["resource"].update(birthDate=SECRET),
            "bundle.entry[0].resource(Patient).birthDate:",
        ),
        (
            lambda d: d["entry"][0]["resource"].update(nmae=SECRET),
            "bundle.entry[0].resource(Patient).nmae: is not an element of this resource in FHIR R4",
        ),
        (
            lambda d: d["entry"][3]["resource"].update(status=SECRET),
            "bundle.entry[3].resource(MedicationRequest).status: is not one of the codes allowed here",
        ),
        (
            lambda d: d["entry"][3].pop("resource"),
            "bundle.entry[3].resource: is missing: every entry must hold a resource",
        ),
        (
            lambda d: d["entry"][5]["resource"].update(resourceType="Medikation"),
            "bundle.entry[5].resource.resourceType: is not a FHIR R4 resource type",
        ),
        (lambda d: d.update(entry={}), "bundle.entry: must be a list"),
        (
            lambda d: d["entry"].append(copy.deepcopy(d["entry"][0])),
            "bundle: holds 2 Patient resources; import takes one patient's record",
        ),
        (
            lambda d: d.update(entry=d["entry"][1:]),
            "bundle: holds no Patient resource; import needs the patient's own record",
        ),
        (
            lambda d: d.update(resourceType="Patient"),
            "bundle.resourceType: is Patient; import takes a Bundle",
        ),
    ],
)
def test_bad_bundles_name_the_resource_and_the_path(change, expected):
    data = bundle_data()
    change(data)
    found = problems(data)
    assert any(line.startswith(expected) for line in found), found
    assert not any(SECRET in line for line in found)  # never the value


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"{not json", "bundle: the file is not valid JSON (line 1, column 2"),
        (b"[1, 2]", "bundle: the file must hold a JSON object, a FHIR Bundle"),
        (b"\xff\xfe{}", "bundle: the file is not UTF-8 text"),
        (
            b'{"resourceType": "Bundle", "type": "collection", "total": NaN}',
            "bundle: the file is not valid JSON",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "bundle: the file is nested too deeply"),
    ],
)
def test_files_that_are_not_bundles(raw, expected):
    found = problems(raw=raw)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_huge_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as out:
        out.truncate(MAX_BUNDLE_BYTES + 1)  # sparse: no 20 MB written
    with pytest.raises(InputError) as caught:
        import_bundle(path, load_site(None), TODAY)
    assert caught.value.issues[0].field == "bundle"
    assert "larger than" in caught.value.issues[0].message


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_cli_writes_the_case_and_lists_what_came_from_the_record(tmp_path):
    out = tmp_path / "case.json"
    result = run("import", COLLECTION, "--output", out)
    assert result.returncode == 0, result.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["patient"]["record_number"] == "MRN-4471-TEST"
    assert len(written["medications"]) == 5
    lines = result.stderr.splitlines()
    assert lines[0].startswith("from the record: patient.name, patient.record_number, patient.date_of_birth")
    assert "medications: 5 (name 5, dose 5, when 5)" in lines[0]
    assert "check: blood_thinner_restart: a blood thinner is on the list (medicine 3)" in result.stderr
    for value in ("Rosa", "Examplewoman", "MRN-4471", "Oxycodone", "Spine Clinic", "555 0142"):
        assert value not in result.stderr
    assert {p.name for p in tmp_path.iterdir()} == {"case.json"}  # written atomically, nothing left


def test_cli_bad_bundle_exits_2_and_writes_nothing(tmp_path):
    data = bundle_data()
    data["entry"][4]["resource"]["dosageInstruction"][0]["timing"] = 5
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "case.json"
    result = run("import", bad, "--output", out)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: bundle.entry[4].resource(MedicationRequest).dosageInstruction[0].timing: "
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()
    result = run("import", tmp_path / "missing.json", "--output", out)
    assert result.returncode == 2 and result.stderr.startswith("error: bundle: cannot be read")
    result = run("import", COLLECTION, "--output", tmp_path)
    assert result.returncode == 2 and "output: is a folder" in result.stderr
