"""The print job without Qt or a printer: paper, title, the `lp` command line, and what the
nurse is told when the spooler says no. (The real queue is in test_print_cups.py.)"""

from datetime import datetime

import pytest

from vpdischarge import cups_spool
from vpdischarge.print_job import PrintJob, Sides, job_title, media_for_page

LPOPTIONS_A4_ONLY = """PageSize/Page Size: *A4 A5 Legal
Resolution/Output Resolution: 150dpi *300dpi
"""


def test_the_paper_is_read_from_the_page_size():
    assert media_for_page(612, 792) == "Letter"
    assert media_for_page(595.28, 841.89) == "A4"
    assert media_for_page(842, 595) == "A4"  # either orientation
    assert media_for_page(612, 1008) is None  # Legal: not a handout paper, no media asked for


def test_the_job_title_names_the_program_and_time_never_the_patient():
    first = job_title(datetime(2026, 12, 3, 9, 15, 2))
    second = job_title(datetime(2026, 12, 3, 9, 15, 2))
    assert first.startswith("vpdischarge handout 2026-12-03 09:15:02 #")
    assert first != second  # a counter tells two jobs of the same second apart


def test_the_lp_command_asks_for_the_dialog_choices_and_reads_the_pdf_from_stdin():
    job = PrintJob(
        printer="ward-4-printer",
        title="vpdischarge handout 2026-12-03 09:15:02 #1",
        media="A4",
        pages=3,
        copies=2,
        sides=Sides.TWO_SIDED_LONG_EDGE,
        page_ranges=((1, 1), (3, 4)),
        collate=True,
    )
    args = cups_spool.lp_arguments(job)
    assert args[:7] == ["lp", "-d", "ward-4-printer", "-n", "2", "-t", job.title]
    options = [args[i + 1] for i, a in enumerate(args) if a == "-o"]
    assert options == ["media=A4", "sides=two-sided-long-edge", "page-ranges=1,3-4", "collate=true"]
    assert args[-1] == "-"  # no temporary copy of the handout on disk
    assert job.chosen_pages() == [1, 3]  # the handout has 3 pages: "4" is not one of them


def test_a_printer_without_the_handout_paper_is_refused_by_name(monkeypatch):
    offered = cups_spool.parse_page_sizes(LPOPTIONS_A4_ONLY)
    assert offered == {"a4", "a5", "legal"}
    assert cups_spool.queue_offers("A4", offered)
    assert not cups_spool.queue_offers("Letter", offered)
    assert cups_spool.queue_offers("Letter", None)  # a queue that does not say is given the job
    monkeypatch.setattr(cups_spool, "supported_media", lambda printer: offered)
    ran = []
    monkeypatch.setattr(cups_spool, "_run", lambda *a, **k: ran.append(a))
    job = PrintJob(printer="ward-4-printer", title="t", media="Letter", pages=3)
    with pytest.raises(cups_spool.SpoolError) as refused:
        cups_spool.spool(job, b"%PDF-1.4")
    assert "Letter" in str(refused.value) and "“ward-4-printer”" in str(refused.value)
    assert "A4" in str(refused.value)  # what to do instead
    assert ran == []  # nothing was sent


@pytest.mark.parametrize(
    ("said", "told"),
    [
        ("lp: The printer or class does not exist.", "is not available any more"),
        ('lp: Destination "x" is not accepting jobs.', "is not accepting jobs"),
        ("lp: Unable to connect to server: Connection refused", "is not running"),
        ("lp: Something new went wrong.", "refused the job: Something new went wrong."),
    ],
)
def test_what_lp_says_becomes_a_message_for_the_nurse(said, told):
    assert told in cups_spool.describe_lp_failure("ward-4-printer", said)


def test_a_stopped_print_system_is_named_as_such(monkeypatch):
    """With the scheduler down, lp says the printer "does not exist"; the nurse hears the truth."""

    class Done:
        returncode, stdout, stderr = 1, b"", b"lp: Error - The printer or class does not exist."

    monkeypatch.setattr(cups_spool, "_run", lambda *a, **k: Done())
    monkeypatch.setattr(cups_spool, "supported_media", lambda printer: None)
    monkeypatch.setattr(cups_spool, "scheduler_running", lambda: False)
    job = PrintJob(printer="ward-4-printer", title="t", media="Letter", pages=3)
    with pytest.raises(cups_spool.SpoolError, match="CUPS.*is not running"):
        cups_spool.spool(job, b"%PDF-1.4")
