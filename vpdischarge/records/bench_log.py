"""Benchmark figures of the handout log (part of `python -m vpdischarge.bench`): the time to
write one entry, and 8 processes writing 500 entries each at once, with the number of entries
lost (the target is none), for the embedded SQLite log and, when a throwaway server can be
started here (vpdischarge/records/postgres_testing.py), the shared PostgreSQL log. Times are
reported, never asserted. The entries are made up (record numbers like "bench-3-17"), in a
temporary folder or database removed after.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from vpdischarge.records.handout_log import LogEntry, SQLiteLog, SQLLog, new_entry

_WRITER = textwrap.dedent(
    """
    import sys
    from vpdischarge.records.bench_log import bench_entry, log_at

    target, worker, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with log_at(target) as log:
        for n in range(count):
            log.write([bench_entry(f"bench-{worker}-{n}")])
    """
)


def log_at(target: str | Path) -> SQLLog:
    """The log at `target`: a PostgreSQL URL, else the path of an SQLite file."""
    from vpdischarge.domain.database_url import url_problem

    if isinstance(target, str) and url_problem(target) is None:
        from vpdischarge.records.postgres_log import PostgresLog

        return PostgresLog(target)
    return SQLiteLog(Path(target))


def bench_entry(record_number: str, **changes: str | None) -> LogEntry:
    """A made-up entry (the benchmark's, and the tests' with their `changes`)."""
    values: dict[str, str | None] = dict(
        action="render",
        record_number=record_number,
        languages="en",
        print_size="normal",
        content_version="bench",
        translation_status="en:source",
        teach_back="not assessed",
        pdf_sha256="0" * 64,
    )
    return new_entry(**{**values, **changes})


def write_at_once(
    target: Path | str, processes: int, entries: int, timeout: float | None = None
) -> tuple[float, list[str]]:
    """`processes` processes, started together, each writing `entries` entries, one transaction
    each, to the log at `target` (an SQLite file's path, or a PostgreSQL URL; record numbers
    "bench-W-N"): the seconds they took, and the error output of each that failed. The
    benchmark and the no-loss tests run the same writers."""
    start = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), str(w), str(entries)], stderr=subprocess.PIPE
        )
        for w in range(processes)
    ]
    errors = []
    for worker in workers:
        _out, err = worker.communicate(timeout=timeout)
        if worker.returncode != 0:
            errors.append(err.decode(errors="replace"))
    return time.perf_counter() - start, errors


def _measure(one: str | Path, many: str | Path, repeat: int, processes: int, entries: int) -> dict:
    """The median time of one entry written to the log at `one`, and `processes` x `entries`
    written at once to a new log at `many`, with the count lost."""
    times = []
    with log_at(one) as log:
        for n in range(max(repeat, 20)):
            start = time.perf_counter()
            log.write([bench_entry(f"one-{n}")])
            times.append(time.perf_counter() - start)
    elapsed, errors = write_at_once(many, processes, entries)
    with log_at(many) as log:
        stored = len({e.record_number for e in log.entries()})
    return {
        "write_median_ms": statistics.median(times) * 1000,
        "concurrent": {
            "processes": processes,
            "entries_each": entries,
            "seconds": elapsed,
            "stored": stored,
            "lost": processes * entries - stored,
            "failed_processes": len(errors),
        },
    }


def _measure_postgres(repeat: int, processes: int, entries: int) -> dict:
    """The same on a throwaway PostgreSQL server (the tests' own, postgres_testing.py), each
    figure on a new database; {"not_measured": why} when no server can be started here."""
    from vpdischarge.records.postgres_testing import PostgresUnavailable, start_test_server

    try:
        server = start_test_server()
    except PostgresUnavailable as exc:
        return {"not_measured": f"no PostgreSQL: {exc}"}
    try:
        return _measure(server.create_database(), server.create_database(), repeat, processes, entries)
    finally:
        server.close()


def measure_log(repeat: int, processes: int = 8, entries: int = 500) -> dict:
    with tempfile.TemporaryDirectory(prefix="vpdischarge-bench-log-") as folder:
        sqlite = _measure(
            Path(folder) / "one.sqlite3", Path(folder) / "many.sqlite3", repeat, processes, entries
        )
    return {
        "sqlite_write_median_ms": sqlite["write_median_ms"],
        "concurrent": sqlite["concurrent"],
        "postgres": _measure_postgres(repeat, processes, entries),
    }


def _lines(kind: str, median_ms: float, many: dict) -> list[str]:
    return [
        f"handout log, {kind}: one entry written in {median_ms:.2f} ms (median)",
        f"handout log, {kind}: {many['processes']} processes x {many['entries_each']} entries at once in "
        f"{many['seconds']:.1f} s, {many['lost']} lost",
    ]


def log_lines(result: dict) -> list[str]:
    lines = ["", *_lines("SQLite", result["sqlite_write_median_ms"], result["concurrent"])]
    postgres = result["postgres"]
    if "not_measured" in postgres:
        return [*lines, f"handout log, PostgreSQL: not measured: {postgres['not_measured']}"]
    return lines + _lines("PostgreSQL", postgres["write_median_ms"], postgres["concurrent"])
