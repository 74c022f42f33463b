"""Smoke test of the benchmark: it runs end to end and reports sizes and floor times.

Timing targets depend on the machine and are never asserted here.
"""

import json

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
