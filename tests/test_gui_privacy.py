"""The window's whole flow leaves patient data only where the nurse put it."""

import io
import logging
import tempfile

from gui_helpers import PATIENT, fill_typical, make_window_fixture, no_dialogs_fixture, wait_for_preview  # noqa: F401
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from vpdischarge.crash import reports_dir


def test_fill_preview_save_case_and_pdf_leak_nothing(
    make_window, qtbot, monkeypatch, tmp_path, caplog, capsys
):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where any temporary file would go
    caplog.set_level(logging.DEBUG)
    window = make_window()
    fill_typical(window)
    wait_for_preview(qtbot, window)

    case_path, pdf_path = tmp_path / "chosen" / "case.json", tmp_path / "chosen" / "handout.pdf"
    case_path.parent.mkdir()
    answers = iter([str(case_path), str(pdf_path)])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(answers), "")))
    window.actions.save.trigger()
    window.actions.save_pdf.trigger()
    window.close()

    assert PATIENT in case_path.read_text(encoding="utf-8")  # where the nurse asked for it
    info = PdfReader(io.BytesIO(pdf_path.read_bytes())).metadata or {}
    assert PATIENT not in " ".join(str(v) for v in info.values())  # not in the PDF metadata
    elsewhere = [p for folder in (scratch, tmp_path / "settings", reports_dir()) for p in folder.rglob("*")]
    for path in (p for p in elsewhere if p.is_file()):
        assert PATIENT not in path.read_text(encoding="utf-8", errors="replace"), path
    assert [p for p in scratch.rglob("*") if p.is_file()] == []  # the preview never touched the disk
    assert PATIENT not in caplog.text  # nothing logged
    captured = capsys.readouterr()
    assert PATIENT not in captured.out + captured.err
