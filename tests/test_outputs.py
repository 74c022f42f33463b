"""Hostile outputs, signals and pipes (issue 10 §4): `vpdischarge render --output X` never destroys
an input or a special file, keeps a replaced PDF's mode, and leaves no temporary file behind
whatever stops it. Run as real processes, the way a nurse's shell or a batch script runs it."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TYPICAL_CASE
from pdfread import all_text

from vpdischarge import atomic

POSIX = os.name == "posix"


def run(*args, cwd=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        **kwargs,
    )


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "case.json").write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    (tmp_path / "site.toml").write_text('[hospital]\nname = "Example General"\n', encoding="utf-8")
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(f"{atomic.TEMP_PREFIX}*"))


def snapshot(path: Path):
    """What must not change about a path: its kind, and a regular file's bytes."""
    info = os.lstat(path)
    content = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
    target = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
    return stat.S_IFMT(info.st_mode), content, target


# (name, how to make the output path in the folder, words the error must contain)
REFUSED_OUTPUTS = [
    ("the case file", lambda f: f / "case.json", "case or settings file"),
    ("the case file by another spelling", lambda f: f / "sub" / ".." / "case.json", "case or settings file"),
    ("the site file", lambda f: f / "site.toml", "case or settings file"),
    (
        "a hard link to the case file",
        lambda f: _hard_link(f / "case.json", f / "hard.pdf"),
        "case or settings",
    ),
    ("a symlink to the case file", lambda f: _symlink("case.json", f / "link.pdf"), "case or settings file"),
    ("a folder", lambda f: f / "sub", "is a folder"),
    ("a symlink to a folder", lambda f: _symlink("sub", f / "dir.pdf"), "is a folder"),
    ("a FIFO", lambda f: _fifo(f / "fifo.pdf"), "pipe"),
    ("a symlink to a FIFO", lambda f: _symlink(_fifo(f / "fifo2"), f / "to-fifo.pdf"), "pipe"),
    ("/dev/null", lambda f: Path("/dev/null"), "device"),
    ("a symlink to /dev/null", lambda f: _symlink("/dev/null", f / "null.pdf"), "device"),
    ("a dangling symlink", lambda f: _symlink("nowhere.pdf", f / "dangling.pdf"), "does not exist"),
    ("a file in a missing folder", lambda f: f / "missing" / "h.pdf", "does not exist"),
    ("a file under a file", lambda f: f / "case.json" / "h.pdf", "output"),
]


def _hard_link(source: Path, link: Path) -> Path:
    os.link(source, link)
    return link


def _symlink(target, link: Path) -> Path:
    link.symlink_to(target)
    return link


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not POSIX, reason="FIFOs, devices and symlinks as POSIX has them")
@pytest.mark.parametrize(("name", "make", "words"), REFUSED_OUTPUTS, ids=[r[0] for r in REFUSED_OUTPUTS])
def test_an_output_that_is_an_input_or_not_a_regular_file_is_refused_and_left_untouched(
    folder, name, make, words
):
    (folder / "sub").mkdir()
    output = make(folder)
    before = {p: snapshot(p) for p in [*folder.iterdir(), output] if os.path.lexists(p)}
    result = run("render", "--case", "case.json", "--site", "site.toml", "--output", output, cwd=folder)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: output:"), result.stderr
    assert words in lines[0]
    assert {p: snapshot(p) for p in before} == before
    assert leftovers(folder) == []


@pytest.mark.skipif(not POSIX, reason="/proc")
def test_proc_self_fd_1_is_refused_whatever_stdout_is(folder):
    piped = run("render", "--case", "case.json", "--output", "/proc/self/fd/1", cwd=folder)
    assert piped.returncode == 2 and "pipe" in piped.stderr and piped.stdout == ""


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_a_symlink_to_a_pdf_is_written_through_and_stays_a_link(folder):
    (folder / "shared").mkdir()
    real = folder / "shared" / "current.pdf"
    real.write_bytes(b"old")
    (folder / "latest.pdf").symlink_to(real)
    result = run("render", "--case", "case.json", "--output", "latest.pdf", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "latest.pdf").is_symlink() and os.readlink(folder / "latest.pdf") == str(real)
    assert "Maria Testcase Núñez" in all_text(real.read_bytes())
    assert leftovers(folder) == []


@pytest.mark.skipif(not POSIX, reason="POSIX modes")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_a_replaced_pdf_keeps_its_mode(folder, mode):
    out = folder / "handout.pdf"
    out.write_bytes(b"old")
    out.chmod(mode)
    result = run("render", "--case", "case.json", "--output", out, cwd=folder)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not POSIX, reason="POSIX umask")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_pdf_gets_the_umask_mode(folder, umask):
    code = (
        f"import os, sys; os.umask({umask}); from vpdischarge.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    out = folder / "new.pdf"
    result = subprocess.run(
        [sys.executable, "-c", code, "render", "--case", "case.json", "--output", str(out)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_without_fchmod_the_mode_is_set_by_path(tmp_path, monkeypatch):
    """Windows before Python 3.13 has no os.fchmod (issue 14 §5)."""
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    monkeypatch.delattr(os, "fchmod", raising=False)
    calls = []
    real_chmod = os.chmod
    monkeypatch.setattr(
        os, "chmod", lambda path, mode, **kw: (calls.append(mode), real_chmod(path, mode, **kw))
    )
    atomic.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert calls == [0o640]
    if POSIX:
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    atomic.write_atomically(tmp_path / "fresh.pdf", b"x")
    assert calls[-1] == 0o666 & ~atomic._UMASK
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not POSIX, reason="folder sync is POSIX only")
def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "handout.pdf"
    atomic.write_atomically(target, b"new")
    assert synced == [False, True]  # the file's data, then the folder holding the new name


@pytest.mark.parametrize("errno", [5, 28, 122])  # EIO, ENOSPC, EDQUOT
def test_a_failed_fsync_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch, errno):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")

    def failing(fd):
        raise OSError(errno, os.strerror(errno))

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(atomic.WriteError, match=os.strerror(errno)):
        atomic.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_the_temporary_file_is_private_while_the_data_is_written(tmp_path, monkeypatch):
    modes = []
    real = atomic._copy_owner_and_mode

    def record(fd, temp_name, existing):
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))  # the data is in, the mode not yet given
        real(fd, temp_name, existing)

    monkeypatch.setattr(atomic, "_copy_owner_and_mode", record)
    atomic.write_atomically(tmp_path / "handout.pdf", b"patient data")
    if POSIX:
        assert modes == [0o600]


# A render whose write stops in fsync until the test sends a signal: the marker file says the
# temporary file (with the whole PDF in it) exists.
SLOW_WRITE = """
import os, sys, time
marker = sys.argv[1]
real_fsync = os.fsync
def slow_fsync(fd):
    if not os.path.isdir(os.readlink(f"/proc/self/fd/{fd}")):
        open(marker, "w").close()
        time.sleep(60)
    real_fsync(fd)
os.fsync = slow_fsync
from vpdischarge.cli import main
sys.exit(main(sys.argv[2:]))
"""

# A render that stops before the write (in the typesetter).
SLOW_RENDER = """
import sys, time
import vpdischarge.pipeline as pipeline
real = pipeline.typeset
def slow(*args, **kwargs):
    open(sys.argv[1], "w").close()
    time.sleep(60)
    return real(*args, **kwargs)
pipeline.typeset = slow
from vpdischarge.cli import main
sys.exit(main(sys.argv[2:]))
"""


def interrupt(folder: Path, code: str, signum: int) -> subprocess.CompletedProcess:
    marker = folder / "started"
    out = folder / "handout.pdf"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(marker), "render", "--case", "case.json", "--output", str(out)],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():  # wait for the write (or render) to begin; not a timed assertion
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the render never started"
            time.sleep(0.05)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.skipif(not POSIX, reason="POSIX signals and /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["TERM", "INT", "HUP"])
@pytest.mark.parametrize("old_pdf", [False, True], ids=["new", "replacing"])
def test_a_signal_during_the_write_leaves_no_temporary_file(folder, signum, old_pdf):
    out = folder / "handout.pdf"
    if old_pdf:
        out.write_bytes(b"old")
    result = interrupt(folder, SLOW_WRITE, signum)
    assert leftovers(folder) == []
    assert (out.read_bytes() == b"old") if old_pdf else not out.exists()
    assert "Traceback" not in result.stderr
    if signum == signal.SIGINT:
        assert result.returncode == 130
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    else:  # ends the way the signal asks, once the temporary file is gone
        assert result.returncode == -signum


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_ctrl_c_before_the_write_exits_130_with_one_line(folder):
    result = interrupt(folder, SLOW_RENDER, signal.SIGINT)
    assert result.returncode == 130
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Ctrl+C" in lines[0], result.stderr
    assert not (folder / "handout.pdf").exists() and leftovers(folder) == []


@pytest.mark.skipif(not POSIX, reason="a shell pipeline")
@pytest.mark.parametrize("command", ["locales --json", "locales", "check"])
def test_a_closed_pipe_ends_quietly(tmp_path, command):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    shell = f"{sys.executable} -m vpdischarge {command} | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env, timeout=120)
    assert result.stderr == ""
    assert result.stdout.strip() in ("0", "141")  # 141 = 128 + SIGPIPE, like any program in a pipe
    assert not (tmp_path / "state").exists()  # no crash report


@pytest.mark.skipif(not POSIX, reason="a pipe")
def test_a_pipe_closed_before_the_output_is_written_exits_141_without_a_report(tmp_path):
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    read, write = os.pipe()
    os.close(read)
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "locales", "--json"],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
    )
    os.close(write)
    assert result.returncode == 141 and result.stderr == ""
    assert not (tmp_path / "state").exists()


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_a_programs_own_sigterm_handler_still_runs_after_the_cleanup(tmp_path, monkeypatch):
    """The window may have its own handler: it runs once the temporary file is gone."""
    seen = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: seen.append(signum))
    real_fsync = os.fsync

    def terminated_in_fsync(fd):
        monkeypatch.setattr(os, "fsync", real_fsync)
        os.kill(os.getpid(), signal.SIGTERM)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", terminated_in_fsync)
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")
    try:
        with pytest.raises(atomic.WriteError, match="interrupted"):
            atomic.write_atomically(target, b"new")
        assert seen == [signal.SIGTERM]
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # the program's handler is back
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_an_ignored_sighup_nohup_does_not_stop_the_write(tmp_path, monkeypatch):
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    real_fsync = os.fsync

    def hangup_in_fsync(fd):
        os.kill(os.getpid(), signal.SIGHUP)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", hangup_in_fsync)
    try:
        atomic.write_atomically(tmp_path / "handout.pdf", b"new")
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert (tmp_path / "handout.pdf").read_bytes() == b"new" and leftovers(tmp_path) == []


@pytest.mark.skipif(not POSIX or os.geteuid() != 0, reason="only root may give a file to another owner")
def test_a_replaced_pdf_keeps_its_owner_and_group(tmp_path):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")
    os.chown(target, 4321, 8765)
    atomic.write_atomically(target, b"new")
    info = target.stat()
    assert (info.st_uid, info.st_gid) == (4321, 8765) and target.read_bytes() == b"new"


def test_an_hour_old_temporary_file_of_a_killed_write_is_removed_by_the_next_write(tmp_path):
    stale = tmp_path / f"{atomic.TEMP_PREFIX}0123456789abcdef{atomic.TEMP_SUFFIX}"
    fresh = tmp_path / f"{atomic.TEMP_PREFIX}fedcba9876543210{atomic.TEMP_SUFFIX}"  # maybe being written
    other = tmp_path / "notes.part"
    for path in (stale, fresh, other):
        path.write_bytes(b"patient data")
    old = time.time() - atomic.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic.write_atomically(tmp_path / "handout.pdf", b"new")
    assert not stale.exists() and fresh.exists() and other.exists()


def test_the_command_lines_output_message_does_not_repeat_the_file_name(folder):
    """A PDF is often named after its patient, and these lines end up in batch logs."""
    (folder / "Maria Testcase Nunez.pdf").mkdir()
    result = run("render", "--case", "case.json", "--output", "Maria Testcase Nunez.pdf", cwd=folder)
    assert result.returncode == 2
    assert result.stderr.startswith("error: output: is a folder") and "Maria" not in result.stderr


def test_the_windows_message_names_the_file(tmp_path):
    (tmp_path / "handout.pdf").mkdir()
    with pytest.raises(atomic.WriteError) as caught:
        atomic.write_atomically(tmp_path / "handout.pdf", b"x")
    assert str(caught.value).startswith(str(tmp_path / "handout.pdf") + ": is a folder")
