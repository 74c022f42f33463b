"""Sending the handout's PDF bytes to a CUPS queue (Linux and macOS) with the `lp` command.

Why `lp` and not pycups or libcups through ctypes: every desktop with CUPS has `lp` (Debian's
cups-client, built into macOS), it needs no compiler or extra wheel, and its options are the
documented CUPS job attributes. The PDF goes to `lp` on its standard input, so no copy of the
handout is written to a temporary file; CUPS itself renders it for the printer, so text stays
vector and the embedded fonts go with it.

No Qt here: the window runs `spool` on a worker thread and shows the receipt or the error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

from vpdischarge.i18n import _
from vpdischarge.print_job import PAPERS, PrintJob

# `lp` answers within a fraction of a second on a local queue; a remote server that does not
# answer must not keep the nurse waiting for ever.
LP_TIMEOUT_S = 30
QUERY_TIMEOUT_S = 10

# Media names a queue may list for each paper (PPD keywords and PWG self-describing names).
_MEDIA_ALIASES = {
    "Letter": {"letter", "na_letter_8.5x11in", "us-letter", "usletter"},
    "A4": {"a4", "iso_a4_210x297mm"},
}


class SpoolError(Exception):
    """The job was not accepted; the message is fit to show the nurse."""


@dataclass(frozen=True)
class SpoolReceipt:
    printer: str
    job_id: str  # as CUPS names it, e.g. "ward-4-printer-12"
    pages: int  # pages of one copy
    copies: int
    printer_paused: bool  # accepted, but the queue is stopped: the job waits


def cups_available() -> bool:
    """True where the system spooler is CUPS and its `lp` command is installed."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def lp_arguments(job: PrintJob) -> list[str]:
    """The `lp` command line for `job`; the PDF itself goes on standard input ("-")."""
    args = ["lp", "-d", job.printer, "-n", str(max(1, job.copies)), "-t", job.title]
    if job.media:
        args += ["-o", f"media={job.media}"]
    if job.sides is not None:
        args += ["-o", f"sides={job.sides.value}"]
    if job.page_ranges:
        args += ["-o", f"page-ranges={job.page_ranges_text()}"]
    if job.copies > 1:
        args += ["-o", f"collate={'true' if job.collate else 'false'}"]
    args.append("-")
    return args


def _run(args: list[str], stdin: bytes | None, timeout: float) -> subprocess.CompletedProcess:
    # The C locale keeps the answers parseable; the nurse sees our own translated messages.
    env = dict(os.environ, LC_ALL="C", LANG="C")
    return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout, env=env, check=False)


def supported_media(printer: str) -> set[str] | None:
    """The paper sizes the queue offers (lower-case names), or None if it does not say."""
    try:
        done = _run(["lpoptions", "-p", printer, "-l"], None, QUERY_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return parse_page_sizes(done.stdout.decode("utf-8", "replace")) if done.returncode == 0 else None


def parse_page_sizes(lpoptions_output: str) -> set[str] | None:
    """The PageSize choices in `lpoptions -l` output ("PageSize/Page Size: *A4 Letter ...")."""
    for line in lpoptions_output.splitlines():
        key, _sep, choices = line.partition(":")
        if key.split("/")[0].strip() in ("PageSize", "media"):
            return {c.lstrip("*").lower() for c in choices.split()}
    return None


def queue_offers(media: str, offered: set[str] | None) -> bool:
    """Whether a queue that offers `offered` can print on `media` (True if it does not say)."""
    if offered is None:
        return True
    return bool(_MEDIA_ALIASES.get(media, {media.lower()}) & offered)


def scheduler_running() -> bool:
    try:
        done = _run(["lpstat", "-r"], None, QUERY_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.stdout.decode("utf-8", "replace").strip() == "scheduler is running"


def _not_running() -> str:  # one message, said from two places
    return _("The print system (CUPS) is not running on this computer. Nothing was printed.")


def printer_paused(printer: str) -> bool:
    try:
        done = _run(["lpstat", "-p", printer], None, QUERY_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and " disabled " in f" {done.stdout.decode('utf-8', 'replace')} "


def check_media(job: PrintJob) -> None:
    """Refuse a job on paper the queue does not have, rather than let CUPS shrink the pages."""
    if job.media and not queue_offers(job.media, supported_media(job.printer)):
        other = next((name for name in PAPERS if name != job.media), "")
        raise SpoolError(
            _(
                "The handout is on {paper} paper, and the printer “{printer}” does not offer that "
                "size. Choose another printer, or change the paper size in the site settings to "
                "{other}."
            ).format(paper=job.media, printer=job.printer, other=other)
        )


def spool(job: PrintJob, pdf: bytes) -> SpoolReceipt:
    """Hand `pdf` to the CUPS queue `job.printer`; returns when CUPS has accepted the job."""
    if not pdf:
        raise SpoolError(_("There is nothing to print yet."))
    if not job.pages_printed():
        raise SpoolError(_("The chosen pages are not in the handout."))
    check_media(job)
    try:
        done = _run(lp_arguments(job), pdf, LP_TIMEOUT_S)
    except FileNotFoundError as exc:
        raise SpoolError(_("The print system (CUPS) is not installed on this computer.")) from exc
    except subprocess.TimeoutExpired as exc:
        raise SpoolError(
            _("The print system did not answer. The handout may not have been printed; check the printer.")
        ) from exc
    except OSError as exc:
        raise SpoolError(_("The print system could not be started.")) from exc
    answer = done.stdout.decode("utf-8", "replace")
    problem = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        if not scheduler_running():
            # lp then says the printer "does not exist"; the truth is that CUPS is down.
            raise SpoolError(_not_running())
        raise SpoolError(describe_lp_failure(job.printer, problem))
    match = re.search(r"request id is (\S+)", answer)
    return SpoolReceipt(
        printer=job.printer,
        job_id=match.group(1) if match else "",
        pages=job.pages_printed(),
        copies=max(1, job.copies),
        printer_paused=printer_paused(job.printer),
    )


def describe_lp_failure(printer: str, stderr: str) -> str:
    """A message for the nurse from what `lp` said on failure (in the C locale)."""
    said = stderr.lower()
    if "does not exist" in said or "no such" in said or "not found" in said:
        return _("The printer “{printer}” is not available any more. Choose another printer.").format(
            printer=printer
        )
    if "not accepting" in said:
        return _(
            "The printer “{printer}” is not accepting jobs at the moment. Choose another printer."
        ).format(printer=printer)
    if "unable to connect" in said or "scheduler is not running" in said or "connection refused" in said:
        return _not_running()
    # The spooler's own words (the C locale, no patient data: the title and data are ours).
    detail = " ".join(stderr.replace("lp:", "").replace("Error -", "").split())[:200]
    return _("The print system refused the job: {reason}").format(reason=detail or _("no reason given"))
