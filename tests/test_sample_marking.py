"""The bundled example settings can never pass for real instructions: every page says SAMPLE
(with a line in the handout's language), the window's banner says so, and so does the CLI. A
real site file removes all three."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, TYPICAL_CASE
from gui_helpers import fill_typical, hospital_site, make_window_fixture, no_dialogs_fixture  # noqa: F401
from pdfread import pages_text
from pypdf import PdfReader

from vpdischarge.assets import default_site_path
from vpdischarge.domain.site import load_site
from vpdischarge.gui.site_loading import load_site_or_default
from vpdischarge.pipeline import render

NOTE = "Sample settings: not real instructions."
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def real_site(tmp_path):
    """A hospital's own site file (the example's values with its own name)."""
    text = (
        default_site_path()
        .read_text(encoding="utf-8")
        .replace("Example General Hospital", "St Test Hospital")
    )
    path = tmp_path / "hospital-site.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"large_print": True},
        {"second_language": "es"},
        {"language": "ar"},
        {"language": "zh_Hans"},
    ],
)
def test_every_page_of_a_sample_handout_says_sample(make_case, site, changes):
    assert site.sample
    pdf = render(make_case(**changes), site, TODAY).pdf
    pages = pages_text(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.count("SAMPLE") == 1, f"page {number}"  # the band (the watermark is outlines)
    assert _watermarked_pages(pdf) == len(pages)
    if changes.get("language", "en") == "en":
        assert all(NOTE in " ".join(text.split()) for text in pages)


def _watermarked_pages(pdf: bytes) -> int:
    """Pages with the watermark: a light grey fill painted before any text (so the text lies on
    top of it), and no transparency anywhere: print filters turn see-through pages into images."""
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        states = (page["/Resources"].get("/ExtGState") or {}).values()
        assert all(float(state.get_object().get("/ca", 1)) == 1 for state in states), "transparency"
        content = page.get_contents().get_data()
        grey = content.find(b".94 g")
        count += grey != -1 and grey < content.find(b"BT")
    return count


def test_a_real_site_file_prints_no_sample_mark(make_case, real_site):
    settings = load_site(real_site)
    assert not settings.sample
    pdf = render(make_case(), settings, TODAY).pdf
    pages = pages_text(pdf)
    assert "St Test Hospital" in pages[0]
    assert not any("SAMPLE" in text or "Sample settings" in text for text in pages)
    assert _watermarked_pages(pdf) == 0


def test_the_bundled_file_named_explicitly_is_still_the_sample(monkeypatch):
    assert load_site(None).sample
    assert load_site(default_site_path()).sample
    monkeypatch.chdir(REPO)
    assert load_site(Path("resources/site/default-site.toml")).sample
    assert load_site(Path("resources/site/../site/default-site.toml")).sample


# The command line ---------------------------------------------------------------------------


def _render(tmp_path, *site_args):
    case = tmp_path / "case.json"
    case.write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    out = tmp_path / "handout.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vpdischarge",
            "render",
            "--case",
            str(case),
            "--output",
            str(out),
            *site_args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    return result, out


@pytest.mark.parametrize("site_args", [(), ("--site", "resources/site/default-site.toml")])
def test_the_cli_warns_about_the_sample_settings_and_still_writes(tmp_path, site_args):
    result, out = _render(tmp_path, *site_args)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning: site:")]
    assert len(lines) == 1
    assert "bundled example settings" in lines[0] and "SAMPLE" in lines[0]
    assert all("SAMPLE" in text for text in pages_text(out.read_bytes()))


def test_the_cli_is_quiet_about_a_real_site_file(tmp_path, real_site):
    result, out = _render(tmp_path, "--site", str(real_site))
    assert result.returncode == 0, result.stderr
    assert "warning: site:" not in result.stderr
    assert not any("SAMPLE" in text for text in pages_text(out.read_bytes()))


# The window ---------------------------------------------------------------------------------


def test_the_banner_says_the_sample_settings_are_in_use(make_window, qtbot):
    window = make_window(site=load_site_or_default(""))
    fill_typical(window)
    assert window.banner.isVisible()
    assert "bundled example settings are in use" in window.banner.list.text()
    assert "bundled example" not in window.other_problems.text()  # said once, in the banner
    assert not window.actions.print.isEnabled()  # not "Ready to print" without a look
    window.banner.confirm.setChecked(True)
    qtbot.waitUntil(lambda: window.actions.print.isEnabled(), timeout=15_000)


def test_a_broken_site_file_gives_one_site_warning(make_window, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[hospital\n", encoding="utf-8")
    window = make_window(site=load_site_or_default(str(broken)))
    fill_typical(window)
    site_warnings = [i for i in window.issues if i.field == "site"]
    assert len(site_warnings) == 1 and "could not be used" in site_warnings[0].message


def test_a_real_site_file_shows_no_sample_warning(make_window, qtbot, real_site):
    window = make_window(site=load_site_or_default(str(real_site)))
    fill_typical(window)
    assert not [i for i in window.issues if i.field == "site"]
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: window.actions.print.isEnabled(), timeout=15_000)


@pytest.fixture
def restore_language(qapp):
    from vpdischarge.gui.qt_i18n import apply_ui_language

    yield
    apply_ui_language(qapp, "en")


def test_switching_the_interface_language_keeps_the_warnings_tick(make_window, qtbot, restore_language):
    from vpdischarge.gui.language_switch import switch_interface_language

    window = make_window(site=load_site_or_default(""))
    fill_typical(window)
    window.banner.confirm.setChecked(True)
    spanish = switch_interface_language(window, "es")
    qtbot.addWidget(spanish)
    try:
        assert spanish.banner.isVisible()
        assert [(i.field, i.severity) for i in spanish.issues] == [
            (i.field, i.severity) for i in window.issues
        ]
        assert spanish.banner.confirmed  # the same warnings: the nurse's tick stays
        # And an unticked banner stays unticked.
        spanish.banner.confirm.setChecked(False)
        again = switch_interface_language(spanish, "en")
        qtbot.addWidget(again)
        assert not again.banner.confirmed
        again.files.is_modified = lambda: False
        again.close()
        again.renderer.stop()
    finally:
        spanish.files.is_modified = lambda: False
        spanish.close()
        spanish.renderer.stop()


def test_the_test_windows_use_a_hospital_site():
    assert not hospital_site().settings.sample


def test_an_unchanged_copy_of_the_example_file_is_still_the_sample(tmp_path):
    """Copied to a share with its placeholder phones untouched, the example still says SAMPLE."""
    copy = tmp_path / "our-hospital.toml"
    copy.write_bytes(default_site_path().read_bytes())
    assert load_site(copy).sample
    copy.write_text(copy.read_text(encoding="utf-8").replace("Example General", "St Test"), encoding="utf-8")
    assert not load_site(copy).sample
