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
