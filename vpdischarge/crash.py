"""What happens when something unexpected goes wrong: a plain message for the nurse, and a
report for IT that holds no patient data.

An exception's message can quote what was typed (a name, a note), so the report records only
where the failure happened: the exception type and, for each frame, file, line and function.
No message, no local variables.
"""

from __future__ import annotations

import os
import platform
import traceback
from datetime import datetime
from pathlib import Path

from vpdischarge import __version__
from vpdischarge.paths import crash_reports_dir


def reports_dir() -> Path:
    return crash_reports_dir()


def report_text(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [
        f"vpdischarge {__version__}, Python {platform.python_version()}, {platform.platform()}",
        f"time: {datetime.now().isoformat(timespec='seconds')}",
        f"error: {type(exc).__module__}.{type(exc).__qualname__}",
        "message: withheld (it may quote patient data)",
        "where:",
    ]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines) + "\n"


def write_report(exc: BaseException) -> Path | None:
    """Write the report; returns its path, or None if even that failed."""
    try:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
        path.write_text(report_text(exc), encoding="utf-8")
        return path
    except OSError:
        return None


def plain_message(exc: BaseException) -> str:
    path = write_report(exc)
    where = f" A report for your IT team (no patient data) is in {path}." if path else ""
    return f"An unexpected problem stopped vpdischarge ({type(exc).__name__}). Nothing was written.{where}"
