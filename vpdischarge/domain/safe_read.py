"""Reading an input file (a case or site settings) that someone named on the command line or in a
dialog, without trusting what the name points at.

A FIFO would block the read forever, `/dev/zero` would grow without end, a folder or a device is
not a file at all. So the file is opened without blocking, the *opened* descriptor is checked to
be a regular file (checking the name first and opening it after would leave a gap in which the
name could be swapped), and at most `limit + 1` bytes are read: one byte over the limit is enough
to know the file is too large, whatever its reported size.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from vpdischarge.domain.issues import InputError, Issue
from vpdischarge.i18n import _, number

# O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
# O_NOCTTY: opening a terminal device must never make it this process's controlling terminal.
# Neither exists on Windows, which has no FIFOs or terminal devices in the file system.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 64 * 1024


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder, not a file")
    return _("is not a regular file (a device, pipe or socket cannot be read as one)")


def _too_large(limit: int) -> str:
    return _("is larger than {limit} bytes, the most such a file can be").format(limit=number(limit))


def read_limited(path: Path, limit: int, field: str) -> bytes:
    """The bytes of the regular file `path` (symlinks followed), at most `limit` of them.

    Raises InputError with one issue named `field` ("case", "site") if the path does not name a
    regular file, cannot be read, or holds more than `limit` bytes. Never blocks on a pipe or a
    device and never reads more than `limit + 1` bytes.
    """

    def refuse(message: str) -> InputError:
        return InputError([Issue(field, message)])

    try:
        # A first look by name, so that a device is not even opened (opening some devices has
        # effects of its own); the check that counts is the one on the opened descriptor below.
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise refuse(_not_a_file(mode))
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise refuse(
            _("cannot be read: {reason}").format(reason=exc.strerror or type(exc).__name__)
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise refuse(_not_a_file(info.st_mode))
        if info.st_size > limit:
            raise refuse(_too_large(limit))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # the file grew after fstat, or reports a wrong size
            raise refuse(_too_large(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise refuse(
            _("cannot be read: {reason}").format(reason=exc.strerror or type(exc).__name__)
        ) from None
    finally:
        os.close(fd)
