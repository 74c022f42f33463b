"""Benchmark figures of the handout log (part of `python -m vpdischarge.bench`): the time to
write one entry to the embedded SQLite log, and 8 processes writing 500 entries each at once,
with the number of entries lost (the target is none). Times are reported, never asserted. The
entries are made up (record numbers like "bench-3-17"), in a temporary folder removed after.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from vpdischarge.records.handout_log import LogEntry, SQLiteLog, new_entry

_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from vpdischarge.records.bench_log import bench_entry
    from vpdischarge.records.handout_log import SQLiteLog

    path, worker, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    with SQLiteLog(path) as log:
        for n in range(count):
            log.write([bench_entry(f"bench-{worker}-{n}")])
    """
)


def bench_entry(record_number: str) -> LogEntry:
    return new_entry(
        action="render",
        record_number=record_number,
        languages="en",
        print_size="normal",
        content_version="bench",
        translation_status="en:source",
        teach_back="not assessed",
        pdf_sha256="0" * 64,
    )


def write_at_once(
    path: Path, processes: int, entries: int, timeout: float | None = None
) -> tuple[float, list[str]]:
    """`processes` processes, started together, each writing `entries` entries to the log at
    `path` (record numbers "bench-W-N"): the seconds they took, and the error output of each
    that failed. The benchmark and the no-loss test run the same writers."""
    start = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(w), str(entries)], stderr=subprocess.PIPE
        )
        for w in range(processes)
    ]
    errors = []
    for worker in workers:
        _out, err = worker.communicate(timeout=timeout)
        if worker.returncode != 0:
            errors.append(err.decode(errors="replace"))
    return time.perf_counter() - start, errors


def measure_log(repeat: int, processes: int = 8, entries: int = 500) -> dict:
    with tempfile.TemporaryDirectory(prefix="vpdischarge-bench-log-") as folder:
        times = []
        with SQLiteLog(Path(folder) / "one.sqlite3") as log:
            for n in range(max(repeat, 20)):
                start = time.perf_counter()
                log.write([bench_entry(f"one-{n}")])
                times.append(time.perf_counter() - start)
        path = Path(folder) / "many.sqlite3"
        elapsed, errors = write_at_once(path, processes, entries)
        failed = len(errors)
        with SQLiteLog(path) as log:
            stored = len({e.record_number for e in log.entries()})
    return {
        "sqlite_write_median_ms": statistics.median(times) * 1000,
        "concurrent": {
            "processes": processes,
            "entries_each": entries,
            "seconds": elapsed,
            "stored": stored,
            "lost": processes * entries - stored,
            "failed_processes": failed,
        },
    }


def log_lines(result: dict) -> list[str]:
    many = result["concurrent"]
    return [
        "",
        f"handout log, SQLite: one entry written in {result['sqlite_write_median_ms']:.2f} ms (median)",
        f"handout log, SQLite: {many['processes']} processes x {many['entries_each']} entries at once in "
        f"{many['seconds']:.1f} s, {many['lost']} lost",
    ]
