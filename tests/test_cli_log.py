"""`vpdischarge render` logs every handout; `vpdischarge log` lists the log (real processes)."""

import csv
import hashlib
import io
import json
import subprocess
import sys

import pytest
from conftest import TYPICAL_CASE


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def _render(tmp_path, name="handout.pdf", **changes):
    case = {**TYPICAL_CASE, **changes}
    case_file = tmp_path / f"{name}.json"
    case_file.write_text(json.dumps(case), encoding="utf-8")
    result = run("render", "--case", case_file, "--output", tmp_path / name)
    assert result.returncode == 0, result.stderr
    return (tmp_path / name).read_bytes()


def test_render_logs_the_handout_and_log_csv_lists_it(tmp_path, data_home):
    first = _render(tmp_path, "one.pdf")
    second = _render(tmp_path, "two.pdf", language="es", second_language="en", large_print=True)
    result = run("log", "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    by_hash = {row["pdf_sha256"]: row for row in rows}
    one, two = by_hash[hashlib.sha256(first).hexdigest()], by_hash[hashlib.sha256(second).hexdigest()]
    assert one["record_number"] == two["record_number"] == "T-000123"
    assert (one["languages"], one["print_size"], one["translation_status"]) == ("en", "normal", "en:source")
    assert (two["languages"], two["print_size"]) == ("es,en", "large")
    assert two["translation_status"] == "es:draft,en:source"
    assert one["teach_back"] == "not assessed" and one["action"] == "render"
    assert one["content_version"].startswith("vpdischarge ")
    assert "patient_name" not in rows[0]
    assert "Testcase" not in result.stdout
    assert b"Testcase" not in (data_home / "vpdischarge" / "handout-log.sqlite3").read_bytes()


def test_log_since_and_a_bad_since(tmp_path, data_home):
    _render(tmp_path)
    assert len(list(csv.reader(io.StringIO(run("log", "--csv", "--since", "2000-01-01").stdout)))) == 2
    assert len(list(csv.reader(io.StringIO(run("log", "--csv", "--since", "2999-01-01").stdout)))) == 1
    bad = run("log", "--since", "yesterday")
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: --since:") and "Traceback" not in bad.stderr


def test_an_unwritable_log_warns_and_the_pdf_is_still_written(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))  # the data folder would be under a file
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    result = run("render", "--case", case_file, "--output", tmp_path / "h.pdf")
    assert result.returncode == 0
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert "warning: log: the handout log" in result.stderr
    assert "Testcase" not in result.stderr and "T-000123" not in result.stderr


def test_log_with_nothing_logged_yet_is_an_empty_csv(data_home):
    result = run("log", "--csv")
    assert result.returncode == 0
    assert list(csv.reader(io.StringIO(result.stdout)))[0][0] == "logged_at"
    assert not data_home.exists()


def _site_file(tmp_path, **log):
    """A site file whose [log] section has `log` (TOML values written as given)."""
    path = tmp_path / "site.toml"
    path.write_text("[log]\n" + "".join(f"{key} = {value}\n" for key, value in log.items()), encoding="utf-8")
    return path


def test_render_with_a_site_database_logs_there_and_log_site_lists_it(tmp_path, data_home, postgres_url):
    site = _site_file(tmp_path, database=f'"{postgres_url}"')
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    done = run(
        "render", "--case", case_file, "--output", tmp_path / "h.pdf", "--site", site,
        "--teach-back", "could say when to call", "--learner", "caregiver",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr
    result = run("log", "--site", site, "--csv")
    assert result.returncode == 0, result.stderr
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header[0] == "logged_at" and "learner" in header and "patient_name" not in header
    (row,) = [dict(zip(header, r, strict=True)) for r in rows]
    assert row["pdf_sha256"] == hashlib.sha256((tmp_path / "h.pdf").read_bytes()).hexdigest()
    assert (row["teach_back"], row["learner"], row["action"]) == (
        "could say when to call",
        "caregiver",
        "render",
    )
    assert "Testcase" not in result.stdout
    # The row is in the real table, and nothing was kept on this computer.
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT teach_back, learner, patient_name FROM handout_log").fetchall() == [
            ("could say when to call", "caregiver", None)
        ]
    assert not data_home.exists()
    table = run("log", "--site", site)
    assert table.returncode == 0 and "could say when to call" in table.stdout


def test_log_site_shows_the_name_only_where_the_site_keeps_it(tmp_path, data_home, postgres_url):
    site = _site_file(tmp_path, database=f'"{postgres_url}"', include_patient_name="true")
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    assert run("render", "--case", case_file, "--output", tmp_path / "h.pdf", "--site", site).returncode == 0
    rows = list(csv.DictReader(io.StringIO(run("log", "--site", site, "--csv").stdout)))
    assert [(r["patient_name"], r["teach_back"], r["learner"]) for r in rows] == [
        ("Maria Testcase Núñez", "not assessed", "")
    ]


def test_a_site_database_that_cannot_be_reached(tmp_path, data_home):
    from vpdischarge.records.postgres_testing import _free_port

    password = "s3cret-Pa55word"
    site = _site_file(tmp_path, database=f'"postgresql://nurse:{password}@127.0.0.1:{_free_port()}/log"')
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    done = run("render", "--case", case_file, "--output", tmp_path / "h.pdf", "--site", site)
    # The handout is given all the same; the entry waits on this computer.
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert "warning: site.log.database: the log database could not be reached" in done.stderr
    assert "(1 waiting)" in done.stderr
    listed = run("log", "--site", site, "--csv")
    assert listed.returncode == 2 and listed.stdout == ""
    assert listed.stderr.startswith("error: site.log.database: the log database postgresql://nurse:***@")
    for output in (done.stderr, listed.stderr):
        assert password not in output and "Traceback" not in output
        assert "Testcase" not in output and "T-000123" not in output


def test_render_refuses_a_bad_teach_back_or_learner(tmp_path, data_home):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    for bad in (["--teach-back", "  "], ["--teach-back", "x" * 501], ["--learner", "nurse"]):
        done = run("render", "--case", case_file, "--output", tmp_path / "h.pdf", *bad)
        assert done.returncode == 2, bad
        assert "--teach-back" in done.stderr or "--learner" in done.stderr
        assert not (tmp_path / "h.pdf").exists() and "Traceback" not in done.stderr
