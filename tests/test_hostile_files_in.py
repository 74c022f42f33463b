"""Hostile input files: special files instead of a case or site file, and case and site files
that are wrong in every way a strict reader must notice (issue 10, §3, §5, §6).

Every one is refused with an issue naming its field (exit 2 from the command line), at once,
never a hang, a crash (exit 1) or a silent guess, and no message repeats typed patient data.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, TYPICAL_CASE

from vpdischarge.domain import safe_read
from vpdischarge.domain.case_file import MAX_CASE_FILE_BYTES, read_case_file
from vpdischarge.domain.issues import InputError
from vpdischarge.domain.site import MAX_SITE_FILE_BYTES, load_site, parse_site
from vpdischarge.pipeline import check

# A fictional "patient value" typed into the wrong field: it must never come back in a message.
MARKER = "Zqxv Marker-7781"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX special files")


# -- special files ---------------------------------------------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.json"
    path.mkdir()
    return path


def _symlink_to_zero(tmp_path: Path) -> Path:
    path = tmp_path / "zero.json"
    path.symlink_to("/dev/zero")
    return path


def _oversized(limit: int):
    def make(tmp_path: Path) -> Path:
        path = tmp_path / "big.json"
        path.write_bytes(b" " * (limit + 1))
        return path

    return make


SPECIAL = {
    "fifo": (_fifo, "not a regular file"),
    "dev-zero": (lambda tmp_path: Path("/dev/zero"), "not a regular file"),
    "folder": (_folder, "is a folder"),
    "symlink-to-dev-zero": (_symlink_to_zero, "not a regular file"),
    "missing": (lambda tmp_path: tmp_path / "nope.json", "cannot be read"),
}


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_special_case_path_is_refused_at_once(kind, tmp_path):
    make, message = SPECIAL[kind]
    with pytest.raises(InputError) as info:
        read_case_file(make(tmp_path))
    [issue] = info.value.issues
    assert issue.field == "case" and message in issue.message


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_special_site_path_is_refused_at_once(kind, tmp_path):
    make, message = SPECIAL[kind]
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        load_site(path)
    [issue] = info.value.issues
    assert issue.field == "site" and message in issue.message and str(path) in issue.message


def test_files_one_byte_over_the_limit_are_refused(tmp_path):
    with pytest.raises(InputError, match="larger than"):
        read_case_file(_oversized(MAX_CASE_FILE_BYTES)(tmp_path))
    with pytest.raises(InputError, match="larger than"):
        load_site(_oversized(MAX_SITE_FILE_BYTES)(tmp_path))
    exact = tmp_path / "exact.toml"
    exact.write_bytes(b"#" * MAX_SITE_FILE_BYTES)  # a comment of exactly the limit is fine
    assert load_site(exact).hospital_name


def test_a_file_that_reports_a_wrong_size_is_read_only_to_the_limit():
    # /proc files say they are 0 bytes long; the reader stops one byte past the limit anyway.
    with pytest.raises(InputError, match="larger than 10 bytes"):
        safe_read.read_limited(Path("/proc/self/maps"), 10, "case")


def test_the_opened_file_is_checked_not_only_its_name(tmp_path, monkeypatch):
    """Between a look at the name and the open, the name could be swapped for a FIFO: the
    descriptor itself is checked, and opening does not wait for a writer."""
    fifo = _fifo(tmp_path)
    regular = tmp_path / "regular.json"
    regular.write_text("{}", encoding="utf-8")
    real_stat = os.stat
    monkeypatch.setattr(safe_read.os, "stat", lambda path: real_stat(regular))
    with pytest.raises(InputError, match="not a regular file"):
        safe_read.read_limited(fifo, 100, "case")


# -- strict case files -----------------------------------------------------------------------------


def case_text(**changes) -> str:
    data = copy.deepcopy(TYPICAL_CASE)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for parent in parents:
            target = target[parent]
        target[last] = value
    return json.dumps(data, ensure_ascii=False)


def with_raw(text: str, after: str, insert: str) -> str:
    """`text` with `insert` right after the first `after` (for what json.dumps cannot write)."""
    at = text.index(after) + len(after)
    return text[:at] + insert + text[at:]


HUGE = "9" * 5000
BASE = case_text()

# (id, the case file text, field that must be named, part of the message)
CASE_FILES = [
    ("duplicate-top-key", with_raw(BASE, "{", '"language": "es", '), "language", "more than once"),
    (
        "duplicate-nested-key",
        with_raw(BASE, '"patient": {', '"name": "B", '),
        "patient.name",
        "more than once",
    ),
    (
        "duplicate-restriction",
        with_raw(BASE, '"restrictions": {', '"lift_weeks": 2, '),
        "restrictions.lift_weeks",
        "more than once",
    ),
    ("schema-true", case_text(schema=True), "schema", "number 1"),
    ("schema-float", case_text(schema=1.0), "schema", "number 1"),
    ("schema-text", case_text(schema="1"), "schema", "number 1"),
    ("schema-2", case_text(schema=2), "schema", "number 1"),
    ("schema-huge", BASE.replace('"schema": 1', f'"schema": {HUGE}'), "schema", "5,000 digits"),
    ("schema-huge-negative", BASE.replace('"schema": 1', f'"schema": -{HUGE}'), "schema", "digits"),
    ("name-number", case_text(patient__name=5), "patient.name", "must be text"),
    ("record-huge-number", BASE.replace('"T-000123"', HUGE), "patient.record_number", "digits"),
    ("large-print-1", case_text(large_print=1), "large_print", "true or false"),
    ("limit-float", case_text(restrictions={"lift_weeks": 6.0}), "restrictions.lift_weeks", "whole number"),
    ("limit-bool", case_text(restrictions={"lift_weeks": True}), "restrictions.lift_weeks", "number"),
    (
        "limit-huge",
        BASE.replace('"lift_weeks": 6', f'"lift_weeks": {HUGE}'),
        "restrictions.lift_weeks",
        "digits",
    ),
    (
        "limit-inf",
        BASE.replace('"lift_weeks": 6', '"lift_weeks": 1e999'),
        "restrictions.lift_weeks",
        "number",
    ),
    ("limit-text", case_text(restrictions={"fever_c": "38"}), "restrictions.fever_c", "number"),
    ("date-basic-format", case_text(procedure__date="20261120"), "procedure.date", "YYYY-MM-DD"),
    ("date-week", case_text(procedure__date="2026W475"), "procedure.date", "YYYY-MM-DD"),
    ("date-ordinal", case_text(procedure__date="2026-324"), "procedure.date", "YYYY-MM-DD"),
    ("date-with-time", case_text(procedure__date="2026-11-20T10:00"), "procedure.date", "YYYY-MM-DD"),
    (
        "date-fullwidth-digits",
        case_text(procedure__date="２０２６-１１-２０"),
        "procedure.date",
        "YYYY-MM-DD",
    ),
    ("date-newline", case_text(procedure__date="2026-11-20\n"), "procedure.date", "YYYY-MM-DD"),
    ("date-impossible", case_text(procedure__date="2026-02-30"), "procedure.date", "not a real date"),
    ("date-number", case_text(procedure__date=20261120), "procedure.date", "YYYY-MM-DD"),
    ("birth-1800", case_text(patient__date_of_birth="1800-01-01"), "patient.date_of_birth", "120 years"),
    ("birth-121-years", case_text(patient__date_of_birth="1905-11-20"), "patient.date_of_birth", "120 years"),
    (
        "birth-after-procedure",
        case_text(patient__date_of_birth="2026-11-21"),
        "patient.date_of_birth",
        "after",
    ),
    ("birth-future", case_text(patient__date_of_birth="2027-01-01"), "patient.date_of_birth", "future"),
    ("restart-before", case_text(blood_thinner_restart="2026-11-19"), "blood_thinner_restart", "before"),
    ("restart-91-days", case_text(blood_thinner_restart="2027-02-19"), "blood_thinner_restart", "90 days"),
    ("visit-zone", case_text(follow_up__when="2026-12-04T10:30+01:00"), "follow_up.when", "YYYY-MM-DDTHH:MM"),
    ("visit-seconds", case_text(follow_up__when="2026-12-04T10:30:00"), "follow_up.when", "YYYY-MM-DDTHH:MM"),
    ("visit-basic", case_text(follow_up__when="20261204T1030"), "follow_up.when", "YYYY-MM-DDTHH:MM"),
    ("visit-space", case_text(follow_up__when="2026-12-04 10:30"), "follow_up.when", "YYYY-MM-DDTHH:MM"),
    ("visit-25h", case_text(follow_up__when="2026-12-04T25:00"), "follow_up.when", "not a real date"),
    ("visit-before", case_text(follow_up__when="2026-11-19"), "follow_up.when", "before"),
    ("levels-text", case_text(procedure__levels="T12"), "procedure.levels", "list"),
    ("medications-object", case_text(medications={"name": "x"}), "medications", "list"),
    ("medication-not-object", case_text(medications=["Senna"]), "medications[1]", "object"),
    ("zh", case_text(language="zh"), "language", "zh_Hans or zh_Hant"),
    ("unknown-field", case_text(colour="blue"), "colour", "unknown field"),
]


def _issues_of(tmp_path: Path, text: str):
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    case, issues = read_case_file(path)
    return issues + check(case, load_site(None), TODAY)


@pytest.mark.parametrize(
    ("text", "field", "message"), [c[1:] for c in CASE_FILES], ids=[c[0] for c in CASE_FILES]
)
def test_hostile_case_file_is_refused_by_field(text, field, message, tmp_path):
    found: dict[str, str] = {}
    for issue in _issues_of(tmp_path, text):
        if issue.severity == "error":
            found[issue.field] = found.get(issue.field, "") + " | " + issue.message
    assert field in found, found
    assert message in found[field]


@pytest.mark.parametrize(
    "dotted",
    [
        "patient__date_of_birth",
        "procedure__date",
        "blood_thinner_restart",
        "follow_up__when",
        "language",
        "second_language",
        "clinician__notes_language",
        "large_print",
        "schema",
    ],
)
def test_messages_never_repeat_a_typed_value(dotted, tmp_path):
    issues = _issues_of(tmp_path, case_text(**{dotted: MARKER}))
    assert issues, "the wrong value was not noticed"
    assert not any("Zqxv" in i.message or "7781" in i.message for i in issues), issues
    levels = _issues_of(tmp_path, case_text(procedure__levels=["T12", MARKER]))
    assert not any("Zqxv" in i.message for i in levels)


@pytest.mark.parametrize(
    "changes",
    [
        {"patient__date_of_birth": "1906-11-20"},  # exactly 120 years before the procedure
        {"patient__date_of_birth": "2026-11-20"},  # born on the day (0 years)
        {"blood_thinner_restart": "2027-02-18"},  # exactly 90 days after
        {"blood_thinner_restart": "2026-11-20"},  # the same day
        {"follow_up__when": "2026-12-04"},  # a visit day without a time
    ],
    ids=["birth-120-years", "birth-0-years", "restart-90-days", "restart-same-day", "visit-day-only"],
)
def test_edges_of_the_plausible_ranges_are_accepted(changes, tmp_path):
    assert [i for i in _issues_of(tmp_path, case_text(**changes)) if i.severity == "error"] == []


def test_nan_is_not_json(tmp_path):
    text = BASE.replace('"lift_weeks": 6', '"lift_weeks": NaN')
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_case_file(path)
    assert info.value.issues[0].field == "case" and "not valid JSON" in info.value.issues[0].message


# -- strict site files -----------------------------------------------------------------------------

SITE_FILES = [
    ("typo-in-template", '[template]\nfoldr = "/srv/t"\n', "site.template.foldr", "(line 2)"),
    ("translations-number", "translations = 2\n", "site.translations", "(line 1)"),
    ("translation-number", "[translations]\nes = 2\n", "site.translations.es", "(line 2)"),
    (
        "translation-bad-status",
        '[translations.es]\nstatus = "aproved"\n',
        "site.translations.es.status",
        "line 2",
    ),
    (
        "translation-datetime",
        '[translations.es]\nstatus = "approved"\nreviewer = "R. R"\ndate = 2026-11-01T10:00:00\n',
        "site.translations.es.date",
        "(line 4)",
    ),
    (
        "translation-extra-key",
        '[translations.es]\nstatus = "approved"\nreviewer = "R. R"\ndate = 2026-11-01\nsigned = true\n',
        "site.translations.es.signed",
        "(line 5)",
    ),
    ("folder-number", "[template]\nfolder = 5\n", "site.template.folder", "must be text"),
    ("hospital-number", "hospital = 5\n", "site.hospital", "must be a table"),
    ("name-number", "[hospital]\nname = 5\n", "site.hospital.name", "must be text"),
    ("name-huge", f'[hospital]\nname = "{"H" * 200_000}"\n', "site.hospital.name", "the limit is 120"),
    ("name-empty", '[hospital]\nname = "  "\n', "site.hospital.name", "empty"),
    (
        "emergency-rlo",
        '[hospital]\nemergency_number = "9\u202e11"\n',
        "site.hospital.emergency_number",
        "U+202E",
    ),
    (
        "phone-control",
        '[hospital]\nclinic_phone = "+1 555\\u0007 0100"\n',
        "site.hospital.clinic_phone",
        "U+0007",
    ),
    ("phone-newline", '[hospital]\nclinic_phone = "+1 555\\n0100"\n', "site.hospital.clinic_phone", "U+000A"),
    ("paper-list", '[print]\npaper = ["a4"]\n', "site.print.paper", "must be text"),
    ("paper-legal", '[print]\npaper = "legal"\n', "site.print.paper", '"letter" or "a4"'),
    ("limit-float", "[clinical]\nlift_weeks = 6.0\n", "site.clinical.lift_weeks", "whole number"),
    ("limit-bool", "[clinical]\nlift_weeks = true\n", "site.clinical.lift_weeks", "number"),
    ("limit-huge", f"[clinical]\nlift_weeks = {HUGE}\n", "site.clinical.lift_weeks", "(line 2)"),
    ("limit-inf", "[clinical]\nfever_c = inf\n", "site.clinical.fever_c", "number"),
    (
        "checks-negative",
        "[checks]\nprocedure_max_days_ago = -1\n",
        "site.checks.procedure_max_days_ago",
        "0 to",
    ),
    (
        "checks-bool",
        "[checks]\nprocedure_max_days_ahead = true\n",
        "site.checks.procedure_max_days_ahead",
        "whole",
    ),
    (
        "checks-float",
        "[checks]\nprocedure_max_days_ago = 1.5\n",
        "site.checks.procedure_max_days_ago",
        "whole",
    ),
    (
        "checks-typo",
        "[checks]\nprocedure_days_past = 3\n",
        "site.checks.procedure_days_past",
        "unknown setting",
    ),
    (
        "same-key-other-section",
        '[print]\npaper = "a4"\n[hospital]\nname = 1\n',
        "site.hospital.name",
        "(line 4)",
    ),
]


@pytest.mark.parametrize(
    ("text", "field", "message"), [c[1:] for c in SITE_FILES], ids=[c[0] for c in SITE_FILES]
)
def test_hostile_site_file_is_refused_by_key(text, field, message):
    with pytest.raises(InputError) as info:
        parse_site(text)
    found = {i.field: i.message for i in info.value.issues}
    assert field in found, found
    assert message in found[field]


def test_site_checks_set_the_procedure_date_bounds():
    site = parse_site("[checks]\nprocedure_max_days_ago = 30\nprocedure_max_days_ahead = 7\n")
    assert (site.procedure_max_days_ago, site.procedure_max_days_ahead) == (30, 7)


# -- the command line: 2, never 1, never a hang ------------------------------------------------------


def run_cli(*args: object) -> subprocess.CompletedProcess:
    # The timeout only guards against a hang; a refused file returns in well under a second
    # after start-up.
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)], capture_output=True, text=True, timeout=90
    )


def _render(tmp_path: Path, case: Path | None = None, site: Path | None = None):
    if case is None:
        case = tmp_path / "good.json"
        case.write_text(BASE, encoding="utf-8")
    out = tmp_path / "out.pdf"
    extra = ["--site", site] if site else []
    result = run_cli("render", "--case", case, "--output", out, *extra)
    assert "Traceback" not in result.stderr
    assert not out.exists()
    return result


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "symlink-to-dev-zero"])
def test_cli_refuses_a_special_case_file_at_once(kind, tmp_path):
    result = _render(tmp_path, case=SPECIAL[kind][0](tmp_path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: case:")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_cli_refuses_a_special_site_file_at_once(kind, tmp_path):
    result = _render(tmp_path, site=SPECIAL[kind][0](tmp_path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: site:")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (BASE.replace('"lift_weeks": 6', f'"lift_weeks": {HUGE}'), "restrictions.lift_weeks"),
        (with_raw(BASE, "{", '"language": "es", '), "language"),
        (case_text(procedure__date="2026W475"), "procedure.date"),
    ],
    ids=["huge-number", "duplicate-key", "week-date"],
)
def test_cli_exit_2_for_hostile_case_content(text, field, tmp_path):
    case = tmp_path / "case.json"
    case.write_text(text, encoding="utf-8")
    result = _render(tmp_path, case=case)
    assert result.returncode == 2, result.stderr
    assert f"error: {field}:" in result.stderr


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("translations = 2\n", "site.translations"),
        ("[template]\nfolder = 5\n", "site.template.folder"),
        ('[template]\nfoldr = "x"\n', "site.template.foldr"),
        (f'[hospital]\nname = "{"H" * 200_000}"\n', "site.hospital.name"),
        ('[hospital]\nemergency_number = "9\u202e11"\n', "site.hospital.emergency_number"),
    ],
    ids=["translations-2", "folder-5", "foldr", "huge-name", "rlo-emergency"],
)
def test_cli_exit_2_for_hostile_site_content(text, field, tmp_path):
    site = tmp_path / "site.toml"
    site.write_text(text, encoding="utf-8")
    result = _render(tmp_path, site=site)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {field}:")
    assert "error: case" not in result.stderr


@pytest.mark.parametrize("where", ["top", "patient", "restrictions"])
def test_a_key_that_is_not_a_field_name_is_not_repeated(where, tmp_path):
    data = copy.deepcopy(TYPICAL_CASE)
    target = data if where == "top" else data[where]
    target[MARKER] = 1
    target["x" * 100_000] = 2
    issues = _issues_of(tmp_path, json.dumps(data))
    unknown = [i for i in issues if i.field.endswith("?")]
    assert len(unknown) == 2
    assert not any("Zqxv" in i.field or "Zqxv" in i.message or len(str(i)) > 300 for i in issues)
