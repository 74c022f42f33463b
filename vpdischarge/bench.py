"""Benchmark of the handout render: warm time against a plain-ReportLab floor, cold CLI, PDF size.

Run ``python -m vpdischarge.bench`` (``--json`` for machine-readable output). Absolute times
depend on the machine, so the warm render is compared with a "floor": the same text set by bare
ReportLab platypus in Helvetica. Targets are reported, never asserted. The only patient data
written to disk is the fictional case of the cold run, in a temporary directory. The handout log's
figures (vpdischarge/records/bench_log.py) cover the embedded SQLite log and, where a throwaway
PostgreSQL server can be started, the shared log.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape

from vpdischarge.assets import typical_case_path
from vpdischarge.domain.case import Case

MAX_RATIO = 3.0
MAX_COLD_SECONDS = 1.0
MAX_PDF_KIB = 150
MAX_CJK_PDF_KIB = 400  # Chinese and Japanese embed many more glyphs
MAX_ALL_LANGUAGES_SECONDS = 2.0  # every language, normal print, warm, one after another
FLOOR_TAGS = {"title", "p", "heading", "item", "cell", "line"}
FURNITURE_TAGS = {"page-header", "page-footer"}
T = TypeVar("T")


def typical_case(language: str = "en", large_print: bool = False) -> Case:
    """The content brief's typical case (3 medicines, 3 lines of notes; a fictional patient), as
    the program ships it: the same case the page-limit tests read."""
    from vpdischarge.domain.case_file import case_from_dict

    data = json.loads(typical_case_path().read_text(encoding="utf-8"))
    case, issues = case_from_dict(data)
    if issues:
        raise RuntimeError(f"the typical case does not read: {issues}")
    return replace(case, language=language, large_print=large_print)


def typical_day() -> date:
    """The day the typical case's dates were written for, a week after the procedure, so every
    run sets the same words (the calendar's own date would move the follow-up into the past)."""
    done = typical_case().procedure.date
    assert done is not None  # the shipped case has its procedure date
    return done + timedelta(days=7)


def median_seconds(call: Callable[[], T], repeat: int) -> tuple[float, T]:
    """One untimed warm-up (caches, fonts, imports), then the median of `repeat` timed calls.
    Returns the warm-up's result too, so it need not be computed again."""
    first = call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), first


def paired_seconds(
    call: Callable[[], T], floor: Callable[[], object], repeat: int
) -> tuple[float, float, float, T]:
    """Median times of `call` and `floor`, timed in alternation, and the median of their
    pairwise ratios. On a shared machine the speed drifts by a factor of two within seconds;
    timing the two side by side keeps the drift out of the ratio."""
    first = call()
    floor()
    ours, base, ratios = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        middle = time.perf_counter()
        floor()
        end = time.perf_counter()
        ours.append(middle - start)
        base.append(end - middle)
        ratios.append((middle - start) / (end - middle))
    return statistics.median(ours), statistics.median(base), statistics.median(ratios), first


def floor_texts(case: Case, site, today: date) -> list[str]:
    """The handout's body text as plain strings, so the floor sets the same words."""
    from vpdischarge.pipeline import handout_markup
    from vpdischarge.typeset.document import parse_markup
    from vpdischarge.typeset.inline import plain_text

    root = parse_markup(handout_markup(case, site, today))
    furniture = {id(el) for top in root if top.tag in FURNITURE_TAGS for el in top.iter()}
    return [plain_text(el) for el in root.iter() if el.tag in FLOOR_TAGS and id(el) not in furniture]


def floor_style(large_print: bool):
    """BodyText in base-14 Helvetica at the handout's body size; built outside the timing."""
    from reportlab.lib.styles import getSampleStyleSheet

    style = getSampleStyleSheet()["BodyText"]
    style.fontName = "Helvetica"
    style.fontSize = 16 if large_print else 12
    style.leading = style.fontSize * 1.2  # BodyText's own 12 pt leading would overlap the lines
    return style


def floor_pdf(texts: list[str], style) -> bytes:
    """Set `texts` with bare platypus: the cost of ReportLab alone, no fonts to embed."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER)
    doc.build([Paragraph(escape(text), style) for text in texts])
    return buffer.getvalue()


def measure_render(language: str, large_print: bool, site, today: date, repeat: int) -> dict:
    """Warm time, floor time and PDF size of one language and print size."""
    from vpdischarge.pipeline import render

    case = typical_case(language, large_print)
    texts, style = floor_texts(case, site, today), floor_style(large_print)
    warm, floor, ratio, handout = paired_seconds(
        lambda: render(case, site, today=today), lambda: floor_pdf(texts, style), repeat
    )
    from vpdischarge.domain.locales import find_locale

    locale = find_locale(language)
    assert locale is not None, language  # the benchmark's own list of languages
    return {
        "language": language,
        "cjk": locale.breaks_between_characters,
        "script": locale.script,
        "large_print": large_print,
        "warm_s": warm,
        "floor_s": floor,
        "ratio": ratio,
        "pdf_bytes": len(handout.pdf),
    }


def measure_together(languages: list[str], site, today: date, repeat: int) -> dict:
    """Every language in normal print, one after another in one timed run (median of `repeat`):
    what a clinic printing for all its languages waits, caches shared as in real use."""
    from vpdischarge.pipeline import render

    cases = [typical_case(language) for language in languages]
    seconds, _ = median_seconds(lambda: [render(case, site, today=today) for case in cases], repeat)
    return {"languages": len(cases), "median_s": seconds}


def measure_cold(runs: int) -> dict:
    """Wall time of a fresh `python -m vpdischarge render`: what a nurse waits for at the CLI."""
    from vpdischarge.domain.case_file import case_to_json

    samples = []
    with tempfile.TemporaryDirectory(prefix="vpd-bench-") as folder:
        case_path, out_path = Path(folder, "case.json"), Path(folder, "handout.pdf")
        case_path.write_text(case_to_json(typical_case()), encoding="utf-8")
        command = [sys.executable, "-m", "vpdischarge", "render"]
        command += ["--case", str(case_path), "--output", str(out_path)]
        # Each render is logged: into the scratch folder, never the quality office's log. A
        # subfolder: the log's own folder ("vpdischarge") in the working folder would be taken
        # for the package by the next `python -m vpdischarge` started there.
        env = {**os.environ, "XDG_DATA_HOME": str(Path(folder, "data"))}
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=folder, capture_output=True, text=True, env=env)
            samples.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise RuntimeError(f"cold render exited {done.returncode}: {done.stderr.strip()}")
    return {"runs": runs, "median_s": statistics.median(samples), "min_s": min(samples)}


def machine() -> dict:
    """Where the figures come from, so results of different machines are not mixed up."""
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def verdicts(renders: list[dict], cold: dict, together: dict) -> list[dict]:
    """Each target against its worst case; reported, never asserted.

    The floor sets the same words in Helvetica, which has no Han, Arabic or Devanagari glyphs, so
    the ratio is judged on Latin-script languages, where the floor does comparable work."""
    latin = [r for r in renders if r["script"] == "Latin"]
    cjk = [r for r in renders if r["cjk"]]
    others = [r for r in renders if r not in cjk]
    checks = [
        (
            "warm render <= 3x floor (worst median ratio, Latin script)",
            max(r["ratio"] for r in latin),
            MAX_RATIO,
        ),
        ("cold CLI render <= 1.0 s (median)", cold["median_s"], MAX_COLD_SECONDS),
        ("PDF <= 150 KiB (largest, not CJK)", max(r["pdf_bytes"] for r in others) / 1024, MAX_PDF_KIB),
        (
            f"all {together['languages']} languages in one run < 2 s warm (normal print, median)",
            together["median_s"],
            MAX_ALL_LANGUAGES_SECONDS,
        ),
    ]
    if cjk:
        checks.append(
            ("CJK PDF <= 400 KiB (largest)", max(r["pdf_bytes"] for r in cjk) / 1024, MAX_CJK_PDF_KIB)
        )
    return [
        {"target": name, "value": round(value, 3), "limit": limit, "pass": value <= limit}
        for name, value, limit in checks
    ]


def table_row(r: dict) -> str:
    """One language and print size as a fixed-width line."""
    size = "large" if r["large_print"] else "normal"
    return (
        f"{r['language']:<8}{size:<8}{r['warm_s'] * 1000:>10.1f}{r['floor_s'] * 1000:>10.1f}"
        f"{r['ratio']:>8.2f}{r['pdf_bytes']:>11,}{r['pdf_bytes'] / 1024:>8.1f}"
    )


def print_report(result: dict) -> None:
    """A table a person can read and paste into a review."""
    m = result["machine"]
    print(f"Python {m['python']} ({m['implementation']}) on {m['platform']}, {m['cpus']} CPUs")
    print(f"warm repeats: {result['repeat']}, cold runs: {result['cold']['runs']}\n")
    print(f"{'lang':<8}{'print':<8}{'warm ms':>10}{'floor ms':>10}{'ratio':>8}{'PDF bytes':>11}{'KiB':>8}")
    for r in result["renders"]:
        print(table_row(r))
    together = result["together"]
    print(
        f"\nall {together['languages']} languages, normal print, one run: median {together['median_s']:.3f} s"
    )
    cold = result["cold"]
    print(f"cold CLI render: median {cold['median_s']:.3f} s, min {cold['min_s']:.3f} s\n")
    for v in result["targets"]:
        # Targets are reported, not asserted: "over target" is news for a review, not a failure.
        verdict = "within target" if v["pass"] else "over target"
        print(f"{verdict:<14} {v['target']}: {v['value']} (limit {v['limit']})")


def add_import_figures(result: dict, repeat: int) -> None:
    """The FHIR import's figures (vpdischarge/ehr/bench_import.py), kept apart from the render's."""
    from vpdischarge.ehr.bench_import import import_targets, measure_import

    result["import"] = measure_import(repeat)
    result["targets"] += import_targets(result["import"])


def print_import_figures(result: dict) -> None:
    from vpdischarge.ehr.bench_import import import_lines

    print("\n".join(import_lines(result["import"])))


def main(argv: list[str] | None = None) -> int:
    """Measure everything, print it; exit 0 whatever the verdicts (a failed render raises)."""
    parser = argparse.ArgumentParser(prog="python -m vpdischarge.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--repeat", type=int, default=15, help="timed warm repeats (default 15)")
    parser.add_argument("--cold-runs", type=int, default=5, help="fresh CLI processes (default 5)")
    parser.add_argument("--languages", help="comma-separated codes (default: every printable language)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.cold_runs < 1:
        parser.error("--repeat and --cold-runs must be at least 1")

    from vpdischarge.domain.site import load_site
    from vpdischarge.pipeline import printable_languages

    # The example's values as a hospital's own file would give them: a real handout carries no
    # SAMPLE band or watermark, and the size and time targets are about real handouts.
    site, today = replace(load_site(None), sample=False), typical_day()
    languages = args.languages.split(",") if args.languages else printable_languages()
    renders = [
        measure_render(lang, large, site, today, args.repeat) for lang in languages for large in (False, True)
    ]
    together = measure_together(languages, site, today, max(1, args.repeat // 3))
    cold = measure_cold(args.cold_runs)
    result = {
        "machine": machine(),
        "repeat": args.repeat,
        "renders": renders,
        "together": together,
        "cold": cold,
        "targets": verdicts(renders, cold, together),
    }
    add_import_figures(result, args.repeat)
    from vpdischarge.records.bench_log import measure_log

    result["log"] = measure_log(args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
        print_import_figures(result)
        from vpdischarge.records.bench_log import log_lines

        print("\n".join(log_lines(result["log"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
