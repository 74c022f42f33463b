"""The JSON case file: schema 1, every structural problem named by field, nothing silently ignored."""

import json
from pathlib import Path

import pytest

from vpdischarge.assets import typical_case_path
from vpdischarge.domain.case_file import case_from_dict, case_to_dict, read_case_file
from vpdischarge.domain.issues import InputError


def fields_of(issues):
    return {i.field for i in issues}


def test_typical_case_loads_with_real_dates(case_data):
    case, issues = case_from_dict(case_data)
    assert issues == []
    assert case.patient.name == "Maria Testcase Núñez"
    assert case.procedure.date.isoformat() == "2026-11-20"
    assert case.follow_up.when.hour == 10 and case.follow_up.when.minute == 30
    assert [m.name for m in case.medications] == ["Acetaminophen", "Senna", "Alendronate"]


def test_unknown_fields_are_errors_at_every_level(case_data):
    case_data["colour"] = "blue"
    case_data["patient"]["nmae"] = "typo"
    case_data["medications"][1]["dosage"] = "x"
    _, issues = case_from_dict(case_data)
    assert fields_of(issues) == {"colour", "patient.nmae", "medications[2].dosage"}


def test_every_structural_problem_is_reported_at_once(case_data):
    case_data["schema"] = 2
    case_data["procedure"]["date"] = "2026-02-30"
    case_data["patient"]["name"] = 42
    case_data["large_print"] = "yes"
    case_data["follow_up"]["when"] = "next week"
    case, issues = case_from_dict(case_data)
    assert fields_of(issues) == {
        "schema",
        "procedure.date",
        "patient.name",
        "large_print",
        "follow_up.when",
    }
    # Named by field, never quoting what was typed (it could be patient data).
    assert "not a real date" in next(i.message for i in issues if i.field == "procedure.date")
    assert not any("2026-02-30" in i.message or "next week" in i.message for i in issues)
    assert case.procedure.date is None


def test_not_an_object():
    _, issues = case_from_dict([1, 2, 3])
    assert fields_of(issues) == {"case"}


def test_round_trip_keeps_every_field(case_data):
    case, _ = case_from_dict(case_data)
    again, issues = case_from_dict(json.loads(json.dumps(case_to_dict(case))))
    assert issues == []
    assert again == case


def test_corrupt_json_names_line_and_column(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"schema": 1,\n "patient": {"name": "A"\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_case_file(path)
    assert info.value.issues[0].field == "case"
    assert "line" in info.value.issues[0].message


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "case.json"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    with pytest.raises(InputError, match="larger than 1,000,000 bytes"):
        read_case_file(path)


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "case.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InputError):
        read_case_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        read_case_file(tmp_path / "nope.json")


# -- one description: reader, writer and the published JSON Schema ---------------------------------

REPO = Path(__file__).resolve().parent.parent
SCHEMA_FILE = REPO / "docs" / "case-file.schema.json"


def _validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_published_schema_is_the_generated_one():
    from vpdischarge.domain.case_schema import json_schema

    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "docs/case-file.schema.json is stale: python -m vpdischarge.domain.case_schema "
        "> docs/case-file.schema.json"
    )


def test_example_and_written_cases_pass_the_schema(case_data):
    validator = _validator()
    example = json.loads(typical_case_path().read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(example)] == []
    case, issues = case_from_dict(example)
    assert issues == []
    assert [e.message for e in validator.iter_errors(case_to_dict(case))] == []
    case_data["follow_up"]["when"] = "2026-12-04"
    assert [e.message for e in validator.iter_errors(case_to_dict(case_from_dict(case_data)[0]))] == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("schema", 2),
        ("language", 5),
        ("large_print", "yes"),
        ("colour", "blue"),
        ("blood_thinner_restart", "20261122"),
        ("blood_thinner_restart", "2026-11-22T10:00"),
    ],
)
def test_schema_and_reader_refuse_the_same_things(case_data, field, value):
    case_data[field] = value
    assert list(_validator().iter_errors(case_data)), "the schema let it through"
    assert field in fields_of(case_from_dict(case_data)[1])


def test_date_only_follow_up_round_trips_without_a_time(case_data):
    case_data["follow_up"]["when"] = "2026-12-04"
    case, issues = case_from_dict(case_data)
    assert issues == [] and not case.follow_up.has_time
    assert case.follow_up.day.isoformat() == "2026-12-04"
    assert case_to_dict(case)["follow_up"]["when"] == "2026-12-04"


def test_duplicate_keys_are_named(tmp_path):
    path = tmp_path / "case.json"
    path.write_text('{"schema": 1, "patient": {"name": "A", "name": "B"}, "schema": 1}', encoding="utf-8")
    _, issues = read_case_file(path)
    assert {i.field for i in issues} == {"schema", "patient.name"}
    assert all("more than once" in i.message for i in issues)
