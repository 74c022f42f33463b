"""A real CUPS queue that prints to PDF files (Debian's cups-pdf), for the tests and the benchmark.

`open_test_queue()` starts the CUPS scheduler if it is not running (CI runs as root on a fresh
machine with no services), creates the queue `vpd-test` on the cups-pdf backend with its own
output folder, and `close()` puts things back as they were: the scheduler stopped if we started
it, the queue removed if we created it. Nothing here is used by the program itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

QUEUE = "vpd-test"
# cups-pdf reads /etc/cups/cups-pdf-NAME.conf for the device URI cups-pdf:/NAME, so the test
# queue has its own settings and leaves the system's PDF printer alone. Its output folder sits
# where the packaged AppArmor profile lets cups-pdf write.
CONFIG_FOLDER = Path("/etc/cups")
OUTPUT_ROOT = Path("/var/spool/cups-pdf")
PPD_NAMES = ("CUPS-PDF_opt.ppd", "CUPS-PDF_noopt.ppd", "CUPS-PDF.ppd")


class QueueUnavailable(Exception):
    """CUPS or cups-pdf is missing, or we may not set up a queue; the message says which."""


@dataclass
class PdfQueue:
    name: str
    output: Path
    _scheduler: subprocess.Popen | None = None
    _created: bool = False
    _config: Path | None = None
    _seen: set[str] = field(default_factory=set)

    def printed_file(self, job_id: str, timeout_s: float = 60.0) -> Path:
        """The PDF cups-pdf wrote for `job_id` ("vpd-test-12"), once the job is complete."""
        number = job_id.rsplit("-", 1)[-1]
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            matches = [p for p in self.output.glob("*.pdf") if re.search(rf"job_{number}\b", p.stem)]
            if matches and not _job_pending(self.name, job_id):
                return matches[0]
            time.sleep(0.1)
        raise TimeoutError(f"cups-pdf wrote no file for {job_id} within {timeout_s:.0f} s")

    def close(self) -> None:
        if self._created:
            _run(["lpadmin", "-x", self.name])
            if self._config is not None:
                self._config.unlink(missing_ok=True)
        shutil.rmtree(self.output, ignore_errors=True)
        if self._scheduler is not None:
            self._scheduler.terminate()
            try:
                self._scheduler.wait(10)
            except subprocess.TimeoutExpired:
                self._scheduler.kill()
                self._scheduler.wait()


def _run(args: list[str], timeout: float = 30) -> subprocess.CompletedProcess:
    env = dict(os.environ, LC_ALL="C", LANG="C")
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env, check=False)


def _job_pending(queue: str, job_id: str) -> bool:
    done = _run(["lpstat", "-o", queue])
    return any(line.split()[:1] == [job_id] for line in done.stdout.splitlines())


def scheduler_running() -> bool:
    return (
        shutil.which("lpstat") is not None and _run(["lpstat", "-r"]).stdout.strip() == "scheduler is running"
    )


def _start_scheduler() -> subprocess.Popen:
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    if not Path(cupsd).exists():
        raise QueueUnavailable("the CUPS scheduler (cupsd, Debian package cups) is not installed")
    if os.geteuid() != 0:
        raise QueueUnavailable("the CUPS scheduler is not running and only root may start it")
    # In the foreground (-f) as our child, so close() can stop exactly this process.
    process = subprocess.Popen([cupsd, "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if process.poll() is not None:
            raise QueueUnavailable(f"cupsd exited at start (status {process.returncode})")
        if scheduler_running():
            return process
        time.sleep(0.1)
    process.terminate()
    raise QueueUnavailable("cupsd did not start within 20 s")


def _cups_pdf_ppd() -> str:
    listed = _run(["lpinfo", "-m"]).stdout.splitlines()
    for wanted in PPD_NAMES:
        for line in listed:
            if line.split(" ", 1)[0].endswith("/" + wanted):
                return line.split(" ", 1)[0]
    raise QueueUnavailable("the cups-pdf driver (Debian package printer-driver-cups-pdf) is not installed")


def open_test_queue(name: str = QUEUE) -> PdfQueue:
    if shutil.which("lp") is None or shutil.which("lpadmin") is None:
        raise QueueUnavailable("the CUPS commands lp and lpadmin (cups-client) are not installed")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        raise QueueUnavailable(
            "the cups-pdf backend (Debian package printer-driver-cups-pdf) is not installed"
        )
    scheduler = None if scheduler_running() else _start_scheduler()
    queue = PdfQueue(name, OUTPUT_ROOT / name, scheduler)
    try:
        _set_up(queue)
    except BaseException:
        queue.close()
        raise
    return queue


def _set_up(queue: PdfQueue) -> None:
    instance = queue.name.replace("-", "")
    config = CONFIG_FOLDER / f"cups-pdf-{instance}.conf"
    try:
        queue.output.mkdir(parents=True, exist_ok=True)
        for old in queue.output.glob("*.pdf"):
            old.unlink()
        # Label 1: every file name carries its job number, so a test finds its own file.
        config.write_text(f"Out {queue.output}\nAnonDirName {queue.output}\nLabel 1\n", encoding="utf-8")
    except OSError as exc:
        raise QueueUnavailable(f"cannot write the cups-pdf settings ({exc.strerror}); run as root") from exc
    queue._config = config
    existed = _run(["lpstat", "-v", queue.name]).returncode == 0
    done = _run(["lpadmin", "-p", queue.name, "-E", "-v", f"cups-pdf:/{instance}", "-m", _cups_pdf_ppd()])
    if done.returncode != 0:
        raise QueueUnavailable(f"lpadmin could not create the queue: {done.stderr.strip()}")
    queue._created = not existed
    _run(["cupsenable", queue.name])
    _run(["cupsaccept", queue.name])
