"""The printing part of `python -m vpdischarge.gui.bench`.

Prints the handout from the window to the real CUPS test queue (`vpdischarge.cups_testing`,
cups-pdf) and measures, for each print:
- from the print dialog closing to the job accepted by CUPS (target <= 2 s),
- the longest UI-thread block meanwhile (a 5 ms heartbeat on the UI thread; target <= 50 ms),
- reported only: until cups-pdf has written the printed file.
Then once through the raster fallback (Qt's print to file at the printer's resolution) for the
same two figures. The dialog itself is not shown: its `exec` returns "Print" at once, as if the
nurse had pressed it, and the clock starts there.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vpdischarge.gui.printing import PrintOutcome

TARGET_SPOOL_S = 2.0
TARGET_BLOCK_MS = 50
TICK_MS = 5
SETTLE_S = 1.0  # between the preview being ready and the first Ctrl+P


class _Heartbeat:
    """Records the gaps between 5 ms ticks of a UI-thread timer while `on` is set."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.on = False
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._clock.start()
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        if self.on and self._last:
            self.gaps.append(now - self._last)
        self._last = now

    def begin(self) -> None:
        """Start measuring now: the gap before this moment (the dialog being built) is not ours."""
        self.gaps.clear()
        self._last = self._clock.nsecsElapsed() / 1e6
        self.on = True

    def longest_block_ms(self) -> float:
        # A tick can come late only by the timer's own slack; subtract the interval itself.
        return max(0.0, max((g - TICK_MS for g in self.gaps), default=0.0))

    def stop(self) -> None:
        self._timer.stop()


def _wait(app, condition, timeout_s: float) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > end:
            raise RuntimeError("timed out in the printing benchmark")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def _print_once(
    app, window, heartbeat: _Heartbeat, to_file: Path | None = None
) -> tuple[float, float, PrintOutcome, float]:
    """One print through the window: (seconds to spooled, longest block ms, outcome, the moment
    the dialog closed)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    closed: list[float] = []
    outcomes: list[PrintOutcome] = []

    def press_print(dialog) -> QDialog.DialogCode:
        if to_file is not None:  # "Print to file (PDF)" chosen, as the dialog sets it on accepting
            dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            dialog.printer().setOutputFileName(str(to_file))
        heartbeat.begin()
        closed.append(time.perf_counter())
        return QDialog.DialogCode.Accepted

    original = QPrintDialog.exec
    QPrintDialog.exec = press_print  # type: ignore[method-assign]  # the benchmark presses Print
    window.output.runner.finished.connect(outcomes.append)
    try:
        if not window.print_handout():
            raise RuntimeError("the window did not start printing")
        _wait(app, lambda: bool(outcomes), 120)
        spooled = time.perf_counter() - closed[0]
        # A moment more, so the work done on the outcome's arrival is measured too.
        end = time.perf_counter() + 0.1
        _wait(app, lambda: time.perf_counter() > end, 5)
    finally:
        heartbeat.on = False
        QPrintDialog.exec = original  # type: ignore[method-assign]
        window.output.runner.finished.disconnect(outcomes.append)
    return spooled, heartbeat.longest_block_ms(), outcomes[0], closed[0]


def print_benchmark(settings: Path, prints: int = 3) -> dict:
    from vpdischarge.cups_testing import QueueUnavailable, open_test_queue

    try:
        queue = open_test_queue()
    except QueueUnavailable as exc:
        return {"skipped": str(exc)}
    try:
        return _measure(queue, settings, prints)
    finally:
        queue.close()


def _measure(queue, settings: Path, prints: int) -> dict:
    from PySide6.QtPrintSupport import QPrinter

    from vpdischarge.gui.app import build_window, create_application
    from vpdischarge.gui.settings import use_settings_folder

    use_settings_folder(settings)
    app = create_application(["vpdischarge-bench"])
    window = build_window()
    window.show()
    form = window.form
    form.patient.name.setText("Rosa Example-Benchmark")  # fictional
    form.patient.record_number.setText("TEST-0001")
    form.procedure.date.set_value(date.today() - timedelta(days=2))
    form.procedure.levels.setText("T12, L1")
    # The bundled example settings are a warning (SAMPLE): the nurse confirms it before printing.
    _wait(
        app,
        lambda: (
            window.preview.is_current and bool(window.banner.isVisible() or window.actions.print.isEnabled())
        ),
        60,
    )
    if not window.actions.print.isEnabled():
        window.banner.confirm.setChecked(True)
    _wait(app, lambda: window.actions.print.isEnabled(), 60)
    # The nurse reads the preview before printing: the window settles first (the preview's page
    # images and toolbar, the splitter after them), work that belongs to the render, not the print.
    settled = time.perf_counter() + SETTLE_S
    _wait(app, lambda: time.perf_counter() > settled, 5)
    heartbeat = _Heartbeat()
    spooled, blocks, written = [], [], []
    try:
        window.output.make_printer().setPrinterName(queue.name)
        for _run in range(prints):
            seconds, block, outcome, closed = _print_once(app, window, heartbeat)
            if not outcome.printed:
                raise RuntimeError(f"the benchmark print failed: {outcome.message}")
            queue.printed_file(outcome.job)
            written.append(time.perf_counter() - closed)
            spooled.append(seconds)
            blocks.append(block)
        # The raster fallback, as on Windows: Qt's own PDF output at the printer's resolution.
        with tempfile.TemporaryDirectory(prefix="vpdischarge-bench-print-") as folder:
            raster = QPrinter(QPrinter.PrinterMode.HighResolution)
            window.output.make_printer = lambda: raster
            raster_s, raster_block, outcome, _closed = _print_once(
                app, window, heartbeat, Path(folder) / "raster.pdf"
            )
            if not outcome.printed:
                raise RuntimeError(f"the raster print failed: {outcome.message}")
            raster_bytes = (Path(folder) / "raster.pdf").stat().st_size
    finally:
        heartbeat.stop()
        window.files.is_modified = lambda: False
        window.close()
    return {
        "queue": queue.name,
        "prints": prints,
        "pdf_bytes": len(window.preview.pdf or b""),
        "spooled_s": {"runs": spooled, "median": statistics.median(spooled), "max": max(spooled)},
        "printed_file_s": {"median": statistics.median(written), "max": max(written)},
        "ui_block_ms": max(blocks),
        "raster": {
            "done_s": raster_s,
            "ui_block_ms": raster_block,
            "dpi": raster.resolution(),
            "bytes": raster_bytes,
            "printed": outcome.printed,
        },
        "pass": {"spooled": max(spooled) <= TARGET_SPOOL_S, "ui_block": max(blocks) <= TARGET_BLOCK_MS},
    }


def report_lines(result: dict) -> list[str]:
    """The printing figures as `gui.bench` prints them (targets reported, never asserted)."""
    if "skipped" in result:
        return [f"printing: not measured ({result['skipped']})"]

    def verdict(ok: bool) -> str:
        return "within target" if ok else "over target"

    spooled, raster = result["spooled_s"], result["raster"]
    return [
        f"print dialog closed to job spooled on CUPS queue {result['queue']}: median "
        f"{spooled['median']:.2f} s, max {spooled['max']:.2f} s over {result['prints']} prints "
        f"({result['pdf_bytes'] // 1024} KB PDF; target <= {TARGET_SPOOL_S:.0f} s): "
        f"{verdict(result['pass']['spooled'])}",
        f"longest UI-thread block while printing: {result['ui_block_ms']:.0f} ms "
        f"(target <= {TARGET_BLOCK_MS} ms): {verdict(result['pass']['ui_block'])}",
        "print dialog closed to the file written by cups-pdf: median "
        f"{result['printed_file_s']['median']:.2f} s (reported only)",
        f"raster fallback (print to file, {raster['dpi']} dpi): done in {raster['done_s']:.1f} s, "
        f"{raster['bytes'] // 1024} KB, longest UI-thread block {raster['ui_block_ms']:.0f} ms "
        "(reported only)",
    ]
