"""Printing through a real CUPS queue (Debian cups + cups-pdf, set up by `.ci/run`).

The queue `vpd-test` writes each job to a PDF file, so the test reads back what the printer was
sent: the same pages and text as the saved handout, the Noto fonts embedded, the handout's own
paper. cups-pdf renders the job again through Ghostscript (PDF -> PostScript -> PDF), which keeps
the text and fonts but drops the map from glyphs back to accented letters; the text is therefore
compared on its unaccented letters and digits, page by page.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import subprocess

import pytest
from conftest import started_or_skipped
from gui_helpers import (  # noqa: F401
    fill_typical,
    make_window_fixture,
    no_dialogs_fixture,
    save_typical_discharge_by_keyboard,
    wait_for_preview,
)
from pdfread import fonts, page_count, pages_text
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog

from vpdischarge import cups_spool
from vpdischarge.assets import typical_case_path
from vpdischarge.cups_testing import QueueUnavailable, open_test_queue
from vpdischarge.domain.case_file import read_case_file
from vpdischarge.domain.site import load_site
from vpdischarge.pipeline import render
from vpdischarge.print_job import PrintJob, job_title

EXAMPLE_CASE = typical_case_path()


@pytest.fixture(scope="module")
def queue():
    # CI installs CUPS and runs as root: there a missing queue is a failure, not a skip.
    made = started_or_skipped(
        open_test_queue, QueueUnavailable, "VPDISCHARGE_REQUIRE_CUPS", "CUPS test queue"
    )
    yield made
    made.close()


def _handout(paper: str) -> bytes:
    case, issues = read_case_file(EXAMPLE_CASE)
    assert not [i for i in issues if i.severity == "error"]
    site = dataclasses.replace(load_site(None), paper=paper)
    return render(case, site, case.procedure.date).pdf


def _letters(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text)


def _page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages]


def _assert_same_handout(printed: bytes, saved: bytes) -> None:
    assert page_count(printed) == page_count(saved)
    assert [_letters(t) for t in pages_text(printed)] == [_letters(t) for t in pages_text(saved)]
    assert _page_sizes(printed) == _page_sizes(saved)
    printed_fonts = fonts(printed)
    # Every font the handout uses went to the printer as a font (vector text), embedded.
    wanted = {name.split("+")[-1] for name in fonts(saved)}
    assert {name.split("+")[-1] for name in printed_fonts} == wanted
    assert all(printed_fonts.values()), printed_fonts
    assert all(name.startswith("Noto") for name in wanted), wanted


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_the_handout_prints_through_cups_as_itself(queue, paper, size):
    saved = _handout(paper)
    media = "Letter" if paper == "letter" else "A4"
    job = PrintJob(printer=queue.name, title=job_title(), media=media, pages=page_count(saved))
    receipt = cups_spool.spool(job, saved)
    assert receipt.printer == queue.name and receipt.job_id.startswith(queue.name + "-")
    assert not receipt.printer_paused
    printed = queue.printed_file(receipt.job_id).read_bytes()
    _assert_same_handout(printed, saved)
    assert set(_page_sizes(printed)) == {size}  # its own paper: no Letter -> A4 shrink


def test_the_window_prints_to_the_queue_and_says_so(queue, make_window, qtbot, monkeypatch):
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)
    assert window.actions.print.isEnabled(), window.gate_label.text()
    printer = window.output.make_printer()
    printer.setPrinterName(queue.name)
    assert printer.printerName() == queue.name  # Qt sees the real queue
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(window.output.runner.finished, timeout=60_000) as finished:
        assert window.print_handout() is True
    outcome = finished.args[0]
    saved = window.preview.pdf
    pages = page_count(saved)
    assert outcome.printed, outcome.message
    assert window.statusBar().currentMessage() == f"{pages} pages sent to {queue.name}."
    printed_file = queue.printed_file(outcome.job)
    # The title (and so cups-pdf's file name) carries no patient data.
    for private in ("Zo", "Testpatient", "TEST-0001"):
        assert private not in printed_file.name
    _assert_same_handout(printed_file.read_bytes(), saved)


def test_a_printer_that_is_gone_is_named_not_a_traceback(queue):
    job = PrintJob(printer="vpd-test-unplugged", title=job_title(), media="Letter", pages=3)
    with pytest.raises(cups_spool.SpoolError, match="“vpd-test-unplugged” is not available any more"):
        cups_spool.spool(job, _handout("letter"))


def test_a_queue_that_refuses_jobs_says_so(queue):
    subprocess.run(["cupsreject", queue.name], check=True)
    try:
        job = PrintJob(printer=queue.name, title=job_title(), media="Letter", pages=3)
        with pytest.raises(cups_spool.SpoolError, match="is not accepting jobs"):
            cups_spool.spool(job, _handout("letter"))
    finally:
        subprocess.run(["cupsaccept", queue.name], check=True)


def test_a_paused_printer_keeps_the_job_and_says_it_waits(queue):
    subprocess.run(["cupsdisable", queue.name], check=True)
    try:
        job = PrintJob(printer=queue.name, title=job_title(), media="Letter", pages=3)
        receipt = cups_spool.spool(job, _handout("letter"))
        assert receipt.printer_paused
    finally:
        subprocess.run(["cupsenable", queue.name], check=True)
    assert page_count(queue.printed_file(receipt.job_id).read_bytes()) == 3


def test_the_queue_lists_the_papers_it_offers(queue):
    offered = cups_spool.supported_media(queue.name)
    assert offered is not None and {"letter", "a4"} <= offered


def test_a_page_range_prints_only_those_pages(queue):
    saved = _handout("letter")
    job = PrintJob(printer=queue.name, title=job_title(), media="Letter", pages=3, page_ranges=((2, 3),))
    receipt = cups_spool.spool(job, saved)
    assert receipt.pages == 2
    printed = queue.printed_file(receipt.job_id).read_bytes()
    assert [_letters(t) for t in pages_text(printed)] == [_letters(t) for t in pages_text(saved)[1:]]


def test_a_whole_discharge_by_keyboard_is_saved_and_printed_through_cups(
    queue, make_window, qtbot, tmp_path, monkeypatch
):
    """Issue 9 §8: from the empty window to a saved PDF (Ctrl+Shift+E) and a printed one (Ctrl+P)
    by keyboard only; the file dialog's answer and the print dialog's OK are the only things
    given. The paper that comes out of the queue is the saved handout, with its dates. Both are
    in the handout log: the save skipped its teach-back step (Esc), the print answered it."""
    from gui_helpers import open_teach_back
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vpdischarge.gui.keyboard_script import Keyboard
    from vpdischarge.records.handout_log import SQLiteLog

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # a log of this test's own

    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window = make_window()
    window.output.make_printer().setPrinterName(queue.name)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    keys = Keyboard(window)
    save_typical_discharge_by_keyboard(qtbot, window, keys, target)
    with qtbot.waitSignal(window.output.runner.finished, timeout=60_000) as finished:
        keys.shortcut("Ctrl+P")
    outcome = finished.args[0]
    assert outcome.printed, outcome.message
    dialog = open_teach_back(qtbot, window)
    keys.tab()  # from "The patient" to the first point, when to call 911
    keys.press(Qt.Key.Key_Space)
    assert dialog.points["emergency"].isChecked()
    with qtbot.waitSignal(window.output.recorder.finished, timeout=20_000):
        keys.press(Qt.Key.Key_Return)
    with SQLiteLog(tmp_path / "data" / "vpdischarge" / "handout-log.sqlite3") as log:
        logged = [(e.action, e.teach_back, e.pdf_sha256) for e in log.entries()]
    digest = hashlib.sha256(target.read_bytes()).hexdigest()  # the printed pages are the saved ones
    # Sorted: two entries in one second come in no particular order (the log orders by the second).
    assert sorted(logged) == [
        ("print", "could say back 1 of 5: emergency", digest),
        ("save", "not assessed", digest),
    ]
    saved = target.read_bytes()
    printed = queue.printed_file(outcome.job).read_bytes()
    _assert_same_handout(printed, saved)
    # cups-pdf's text keeps letters and digits: the procedure, bandage-off and visit dates.
    printed_letters = _letters(" ".join(pages_text(printed)))
    for day in ("November202026", "November222026", "December42026"):
        assert day in printed_letters
