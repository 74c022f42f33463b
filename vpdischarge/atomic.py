"""Writing a file so that it is either wholly there or not changed at all.

The bytes go to a temporary file in the target folder (same file system, so the rename is
atomic), are flushed to disk, and only then renamed over the target. Any failure removes the
temporary file and leaves an existing target untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _read_umask() -> int:
    # The only portable way to read the umask is to set it; do it once, at import, rather than
    # on every write (setting it is process-wide and would race with other threads).
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


class WriteError(Exception):
    """The file could not be written; the message is fit to show a nurse."""


def write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"the folder {folder} does not exist")
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=".vpdischarge-", suffix=".part")
        # mkstemp makes the file private (0600); give it the mode a normal new file would get.
        os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot write {path}: {reason}") from None
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
