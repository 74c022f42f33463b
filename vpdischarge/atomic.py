"""Writing a file so that it is either wholly there or not changed at all.

The bytes go to a temporary file in the target's folder (same file system, so the rename is
atomic), are flushed to disk, and only then renamed over the target; on POSIX the folder is
synced too, so the rename itself survives a power cut. Any failure, Ctrl+C (SIGINT), SIGTERM or
SIGHUP during the write removes the temporary file (it holds the whole handout, patient data
included) and leaves an existing target untouched. Only SIGKILL or a power cut can leave one
behind: it is named `.vpdischarge-*.part`, is private to its owner (mode 0600) while the data
goes in (it gets the final file's mode just before it is synced), and the next write into that
folder removes it once it is an hour old (no write takes that long, so it is never one being
written now).

What may be replaced (checked before the write and again just before the rename):
- a regular file, or nothing yet (a new file gets the mode the umask gives a new file; a
  replaced one keeps its mode and, where the system allows, its owner and group);
- never a folder, FIFO, device or socket, nor a link to one (`/dev/null`, `/proc/self/fd/1`);
- never one of the files being read (the case file, the site file), compared as files
  (device and inode), so another name, a hard link or a symbolic link to them is refused too;
- a symbolic link to a regular file is written *through*: the file it points to is replaced
  and the link stays. A link is how a shared folder often names "the current handout", and
  replacing the link with a plain file would quietly put the PDF somewhere else. A dangling
  link is refused.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from vpdischarge.i18n import _


def _read_umask() -> int:
    # The only portable way to read the umask is to set it; do it once, at import, rather than
    # on every write (setting it is process-wide and would race with other threads).
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
TEMP_PREFIX, TEMP_SUFFIX = ".vpdischarge-", ".part"
STALE_SECONDS = 3600
# Signals that end a process by default and that Python can catch: during the write they become
# an exception, so the temporary file is removed before the process ends as the signal asked.
_CAUGHT_SIGNALS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


class WriteError(Exception):
    """The file could not be written. `reason` says why without the file's name (a file may be
    named after its patient, and the command line's messages end up in logs: `output: <reason>`);
    str() is "<path>: <reason>", for the window, where the nurse chose the name a moment ago."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(_("{path}: {reason}").format(path=path, reason=reason))


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (a BaseException, like
    KeyboardInterrupt, so that no `except Exception` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


FileId = tuple[int, int]


def file_ids(paths: Iterable[Path | None]) -> frozenset[FileId]:
    """(device, inode) of each existing path: the files an output must never replace."""
    ids = set()
    for path in paths:
        if path is None:
            continue
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        ids.add((info.st_dev, info.st_ino))
    return frozenset(ids)


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder; give a file name such as handout.pdf")
    if stat.S_ISFIFO(mode):
        return _("is a pipe (FIFO), not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a file")
    return _("is not a regular file")


def writable_target(path: Path, keep: frozenset[FileId] = frozenset()) -> Path:
    """The file that writing `path` creates or replaces (for a symbolic link, the file it points
    to). Raises WriteError if it is not a regular file, or is one of the files in `keep`."""
    path = Path(path)
    link: os.stat_result | None
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise WriteError(path, _("cannot be used: {reason}").format(reason=exc.strerror)) from None
    target = path
    info: os.stat_result | None
    if link is not None and stat.S_ISLNK(link.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            raise WriteError(path, _("is a link to a file that does not exist")) from None
        target = Path(os.path.realpath(path))
    else:
        info = link
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(path, _not_a_file(info.st_mode))
        if (info.st_dev, info.st_ino) in keep:
            raise WriteError(
                path, _("is the case or settings file being read; choose another name for the PDF")
            )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(path, _("the folder it would go in does not exist"))
    return target


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Terminated inside the block (main thread only: Python lets no
    other thread set handlers; Ctrl+C already raises KeyboardInterrupt there)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def raise_terminated(signum, frame):
        raise Terminated(signum)

    previous = {}
    for signum in _CAUGHT_SIGNALS:
        if signal.getsignal(signum) in (signal.SIG_IGN, None):
            continue  # ignored (nohup) or set outside Python: leave it as it is
        try:
            previous[signum] = signal.signal(signum, raise_terminated)
        except (OSError, ValueError):
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _copy_owner_and_mode(fd: int, temp_name: str, existing: os.stat_result | None) -> None:
    """Give the temporary file the mode (and owner) the finished file must have."""
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_UMASK
    if existing is not None and hasattr(os, "fchown"):
        with contextlib.suppress(OSError):  # only root may give a file away: keep ours then
            os.fchown(fd, existing.st_uid, existing.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13 has no fchmod; only the read-only bit means anything there
        os.chmod(temp_name, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; Windows cannot open a folder and needs no such step)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        # Some file systems (network, FUSE) cannot sync a folder. The file is complete and in
        # place; only its survival of a power cut in the next seconds is not guaranteed.
        pass
    finally:
        os.close(fd)


def _remove_stale_parts(folder: Path) -> None:
    """Temporary files of ours left by a killed process (SIGKILL, power cut), an hour old or more."""
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                    continue
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
                    if stat.S_ISREG(info.st_mode) and mine and now - info.st_mtime > STALE_SECONDS:
                        os.unlink(entry.path)
    except OSError:
        pass


def write_atomically(path: Path, data: bytes, keep: Iterable[Path | None] = ()) -> None:
    """Write `data` to `path` all at once. `keep`: files that must never be replaced (the
    inputs). Raises WriteError with a message naming the problem; the old file is then intact."""
    keep_ids = file_ids(keep)
    target = writable_target(path, keep_ids)
    folder = target.parent if str(target.parent) else Path(".")
    # The name is chosen and remembered *before* the file exists, so that an interruption at
    # any point after the file is created finds it in `temp_name` and removes it.
    temp_path = str(folder / f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
    temp_name: str | None = temp_path  # None once renamed: nothing left to remove
    try:
        with _signals_raise():
            try:
                fd = os.open(
                    temp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
                )
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                    out.flush()
                    # Checked again now: the target may have changed while the PDF was made.
                    if writable_target(path, keep_ids) != target:
                        raise WriteError(path, _("changed while it was being written"))
                    try:
                        existing = os.stat(target)
                    except FileNotFoundError:
                        existing = None
                    # Private (0600) until the data is in; the final mode before the sync, so
                    # that the sync makes the mode durable along with the bytes.
                    _copy_owner_and_mode(out.fileno(), temp_path, existing)
                    os.fsync(out.fileno())
                os.replace(temp_path, target)
                temp_name = None
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise WriteError(path, _("cannot be written: {reason}").format(reason=reason)) from None
            finally:
                if temp_name is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(temp_name)
    except Terminated as stop:
        # The temporary file is gone and the previous handler is back: deliver the signal to it.
        # The default one ends the process with the signal's status; a program's own handler
        # (the window's, say) runs, and the write is then reported as not done.
        signal.raise_signal(stop.signum)
        raise WriteError(path, _("writing it was interrupted")) from None
    _sync_folder(folder)
    _remove_stale_parts(folder)
