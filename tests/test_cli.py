"""The command line contract (README "Print a handout from the command line", the exit codes in
vpdischarge/cli.py), run as a real process. Hostile outputs, signals and pipes: test_outputs.py."""

import json
import shutil
import subprocess
import sys

import pytest
from conftest import TYPICAL_CASE
from pdfread import all_text


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "vpdischarge", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    return path


def test_render_writes_the_pdf_from_any_folder(case_file, tmp_path):
    out = tmp_path / "handout.pdf"
    result = run("render", "--case", case_file, "--output", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Maria Testcase Núñez" in all_text(out.read_bytes())
    assert {p.name for p in tmp_path.iterdir()} == {"case.json", "handout.pdf"}  # no temporary left


def test_options_override_the_case_file(case_file, tmp_path):
    out = tmp_path / "handout.pdf"
    result = run("render", "--case", case_file, "--output", out, "--lang", "es", "--large-print")
    assert result.returncode == 0, result.stderr
    assert "warning: language:" in result.stderr  # the Spanish catalog is a draft
    assert "de noviembre de 2026" in all_text(out.read_bytes())


def test_bad_input_exits_2_with_one_line_per_field(tmp_path):
    data = dict(TYPICAL_CASE, patient={"name": ""}, procedure={"date": "2026-13-01"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.pdf"
    result = run("render", "--case", path, "--output", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("error: patient.name:") for line in lines)
    assert any(line.startswith("error: procedure.date:") for line in lines)
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_corrupt_case_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    result = run("render", "--case", path, "--output", tmp_path / "o.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("error: case:") and len(result.stderr.strip().splitlines()) == 1


def test_unwritable_output_leaves_nothing_and_keeps_the_old_file(case_file, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("render", "--case", case_file, "--output", blocker / "handout.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("error: output:")
    assert "Traceback" not in result.stderr

    missing = run("render", "--case", case_file, "--output", tmp_path / "no-such-folder" / "h.pdf")
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_atomic_write_failure_keeps_existing_file(tmp_path, monkeypatch):
    import os

    from vpdischarge import atomic

    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(atomic.WriteError, match="No space left"):
        atomic.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_bad_site_file_exits_2(case_file, tmp_path):
    site = tmp_path / "site.toml"
    site.write_text("[clinical]\nlift_limit_lb = 500\n", encoding="utf-8")
    result = run("render", "--case", case_file, "--output", tmp_path / "o.pdf", "--site", site)
    assert result.returncode == 2
    assert "site.clinical.lift_limit_lb" in result.stderr and "line 2" in result.stderr


def test_locales_json():
    result = run("locales", "--json")
    assert result.returncode == 0
    data = {entry["code"]: entry for entry in json.loads(result.stdout)}
    assert len(data) == 20
    assert data["en"]["status"] == "source" and data["en"]["completeness"] == 1.0
    assert data["es"]["status"] == "draft" and data["es"]["native_name"] == "Español"
    assert data["ar"]["direction"] == "rtl"
    assert data["vi"]["native_name"] == "Tiếng Việt"
    assert {e["status"] for e in data.values()} <= {"source", "draft", "approved", "missing"}


def test_check_reports_per_language(case_file):
    result = run("check", "--case", case_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("en ")
    assert any(line.startswith("es ") and "draft" in line for line in result.stdout.splitlines())


def test_unexpected_error_gives_plain_message_and_a_report_without_patient_data(case_file, tmp_path):
    env = {**__import__("os").environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    code = (
        "import sys, vpdischarge.pipeline as p\n"
        "def boom(*a, **k): raise ValueError('Maria Testcase Nunez secret')\n"
        "p.render = boom\n"
        "from vpdischarge.cli import main\n"
        f"sys.exit(main(['render', '--case', {str(case_file)!r}, '--output', {str(tmp_path / 'o.pdf')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "secret" not in result.stderr
    reports = list((tmp_path / "state").rglob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text()
    assert "ValueError" in report and "secret" not in report and "Maria" not in report
    assert not (tmp_path / "o.pdf").exists()


def test_the_locales_table_lines_up_whatever_the_script():
    """Chinese, Japanese and Korean names take two terminal columns a character."""
    import unicodedata

    result = run("locales")
    assert result.returncode == 0

    def columns(text):
        return sum(
            2
            if unicodedata.east_asian_width(ch) in "WF"
            else 0
            if unicodedata.category(ch) in ("Mn", "Me")
            else 1
            for ch in text
        )

    # The direction column (ltr/rtl) starts at the same terminal column on every line.
    starts = {
        columns(line[: max(line.find(" ltr "), line.find(" rtl "))]) for line in result.stdout.splitlines()
    }
    assert len(starts) == 1, result.stdout


def test_version():
    from vpdischarge import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"vpdischarge {__version__}"


def test_check_reads_the_catalogs_folder_it_is_given(tmp_path):
    """A translator's edit in a source folder is checked there, whatever was installed."""
    from vpdischarge.assets import translations_dir

    folder = tmp_path / "translations"
    shutil.copytree(translations_dir(), folder, ignore=shutil.ignore_patterns("*.mo"))
    po = folder / "es" / "LC_MESSAGES" / "handout.po"
    text = po.read_text(encoding="utf-8")
    msgstr = next(line for line in text.splitlines() if line.startswith("msgstr") and "%(date)s" in line)
    po.write_text(text.replace(msgstr, msgstr.replace("%(date)s", "")), encoding="utf-8")

    edited = run("check", "--catalogs", folder)
    assert edited.returncode == 0, edited.stderr
    spanish = next(line for line in edited.stdout.splitlines() if line.startswith("es "))
    assert "1 broken" in spanish
    installed = run("check")
    assert next(line for line in installed.stdout.splitlines() if line.startswith("es ")).endswith("0 broken")
    assert run("check", "--catalogs", folder, "--strict").returncode == 1


def test_check_names_a_folder_without_catalogs(tmp_path):
    result = run("check", "--catalogs", tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: --catalogs: {tmp_path} has no handout.pot (name the translations folder)"
    ]
