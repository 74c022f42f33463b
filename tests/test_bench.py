"""Smoke test of the benchmark: it runs end to end and reports sizes and floor times.

Timing targets depend on the machine and are never asserted here.
"""

import json
import os

from vpdischarge.bench import main


def test_bench_smoke_reports_english_normal_and_large_print(capsys):
    assert main(["--repeat", "1", "--cold-runs", "1", "--json", "--languages", "en,zh_Hans"]) == 0
    result = json.loads(capsys.readouterr().out)
    english = {r["large_print"]: r for r in result["renders"] if r["language"] == "en"}
    assert set(english) == {False, True}
    for row in english.values():
        assert row["pdf_bytes"] > 0
        assert row["floor_s"] > 0
    assert {"python", "platform", "cpus"} <= set(result["machine"])
    assert result["together"]["languages"] == 2 and result["together"]["median_s"] > 0
    targets = {v["target"]: v for v in result["targets"]}
    assert any(name.startswith("all 2 languages in one run") for name in targets)


def test_bench_reports_the_fhir_import(capsys):
    assert main(["--repeat", "1", "--cold-runs", "1", "--json", "--languages", "en"]) == 0
    result = json.loads(capsys.readouterr().out)
    figures = result["import"]
    assert figures["five_mb"]["bytes"] >= 5_000_000
    assert figures["largest_sample"]["median_s"] > 0
    assert any(t["target"].startswith("FHIR import of a 5 MB bundle") for t in result["targets"])


def test_bench_reports_the_handout_log(capsys):
    assert main(["--repeat", "1", "--cold-runs", "1", "--json", "--languages", "en"]) == 0
    figures = json.loads(capsys.readouterr().out)["log"]
    assert figures["sqlite_write_median_ms"] > 0
    many = figures["concurrent"]
    assert (many["processes"], many["entries_each"]) == (8, 500)
    assert many["stored"] + many["lost"] == 4000 and many["failed_processes"] == 0
    # The shared PostgreSQL log's figures, or why they are missing (where .ci/run installs
    # PostgreSQL, they must be there).
    postgres = figures["postgres"]
    if "not_measured" in postgres and not os.environ.get("VPDISCHARGE_REQUIRE_POSTGRES"):
        assert postgres["not_measured"].startswith("no PostgreSQL")
        return
    assert postgres["write_median_ms"] > 0
    many = postgres["concurrent"]
    assert (many["processes"], many["entries_each"]) == (8, 500)
    assert many["stored"] + many["lost"] == 4000 and many["failed_processes"] == 0


def test_the_log_figures_say_when_postgresql_was_not_measured(monkeypatch):
    from vpdischarge.records import bench_log, postgres_testing

    def no_server():
        raise postgres_testing.PostgresUnavailable("the PostgreSQL server programs are not installed")

    monkeypatch.setattr(postgres_testing, "start_test_server", no_server)
    figures = bench_log._measure_postgres(repeat=1, processes=1, entries=1)
    assert figures == {"not_measured": "no PostgreSQL: the PostgreSQL server programs are not installed"}
    many = {"processes": 8, "entries_each": 500, "seconds": 1.0, "lost": 0}
    lines = bench_log.log_lines({"sqlite_write_median_ms": 1.0, "concurrent": many, "postgres": figures})
    assert lines[-1] == f"handout log, PostgreSQL: not measured: {figures['not_measured']}"


def test_cold_runs_follow_each_other_in_one_scratch_folder(monkeypatch):
    # The first run's handout log made a "vpdischarge" folder in the scratch folder, and the
    # second `python -m vpdischarge` started there imported that folder as the package. The
    # tests' PYTHONSAFEPATH (conftest.py) hides it; a user's shell has none.
    from vpdischarge.bench import measure_cold

    monkeypatch.delenv("PYTHONSAFEPATH", raising=False)
    assert measure_cold(2)["runs"] == 2
