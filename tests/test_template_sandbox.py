"""Hostile hospital templates (issue 10 §7): a template in the site's `[template] folder` runs in
Jinja2's immutable sandbox, reads only regular files inside its folder, and every problem it has
is exit 2 naming the file, the line and what is wrong; the bundled template prints as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from conftest import TODAY, TYPICAL_CASE
from pdfread import all_text

from vpdischarge.assets import templates_dir
from vpdischarge.content.catalogs import translations_for
from vpdischarge.content.context import build_context
from vpdischarge.content.template import TEMPLATE_NAME, environment, render_markup
from vpdischarge.domain.case_file import case_from_dict
from vpdischarge.domain.issues import InputError
from vpdischarge.domain.locales import find_locale
from vpdischarge.domain.site import load_site
from vpdischarge.pipeline import handout_markup, render

BUNDLED = (templates_dir() / TEMPLATE_NAME).read_text(encoding="utf-8")
TITLE_LINE = next(n for n, line in enumerate(BUNDLED.splitlines(), start=1) if "<title>" in line)
POSIX = os.name == "posix"


def hospital_site(tmp_path: Path, source: str = BUNDLED, extra: dict | None = None):
    folder = tmp_path / "hospital-template"
    folder.mkdir(exist_ok=True)
    (folder / TEMPLATE_NAME).write_text(source, encoding="utf-8")
    for name, make in (extra or {}).items():
        make(folder / name)
    site_file = tmp_path / "site.toml"
    site_file.write_text(f'[template]\nfolder = "{folder.name}"\n', encoding="utf-8")
    return load_site(site_file), folder


def at_title(code: str) -> str:
    """The bundled template with `code` written just inside its <title> (line TITLE_LINE)."""
    return BUNDLED.replace("<title>", "<title>" + code, 1)


def case():
    made, issues = case_from_dict(json.loads(json.dumps(TYPICAL_CASE)))
    assert not issues
    return made


def template_problem(site) -> str:
    with pytest.raises(InputError) as caught:
        render(case(), site, today=TODAY)
    (issue,) = caught.value.issues
    assert issue.field == "template"
    return issue.message


def _symlink(target):
    return lambda path: path.symlink_to(target)


def _fifo(path):
    os.mkfifo(path)


def _write(data: bytes):
    return lambda path: path.write_bytes(data)


# (name, template source, extra files in the folder, words the message holds, the line it names)
HOSTILE = [
    (
        "cycler reaches os",
        at_title('{{ cycler.__init__.__globals__.os.popen("id").read() }}'),
        {},
        "unsafe",
        True,
    ),
    ("lipsum reaches globals", at_title("{{ lipsum.__globals__ }}"), {}, "undefined", True),
    ("joiner reaches globals", at_title("{{ joiner.__init__.__globals__ }}"), {}, "unsafe", True),
    ("the class tree", at_title("{{ ''.__class__.__mro__[1].__subclasses__() }}"), {}, "unsafe", True),
    ("a context object's class", at_title("{{ patient.__class__ }}"), {}, "unsafe", True),
    ("self reference internals", at_title("{{ self._TemplateReference__context }}"), {}, "unsafe", True),
    (
        "a format string reaching attributes",
        at_title("{{ '{0.__class__}'.format(patient) }}"),
        {},
        "unsafe",
        True,
    ),
    ("changing a list", at_title("{{ medications.append(1) }}"), {}, "unsafe", True),
    ("changing a dict", at_title("{% set d = {} %}{{ d.update({}) }}"), {}, "unsafe", True),
    ("an absolute include", at_title('{% include "/etc/passwd" %}'), {}, "no template", True),
    ("an include with ..", at_title('{% include "../site.toml" %}'), {}, "no template", True),
    ("an extends with ..", '{% extends "../../../etc/passwd" %}', {}, "no template", True),
    ("an include of a missing file", at_title('{% include "nothing.j2" %}'), {}, "no template", True),
    (
        "an include through a symlink outside",
        at_title('{% include "passwd.j2" %}'),
        {"passwd.j2": _symlink("/etc/passwd")},
        "outside the template folder",
        False,
    ),
    (
        "an import through a symlink to the case",
        at_title('{% import "case.j2" as c %}'),
        {"case.j2": _symlink("../site.toml")},
        "outside the template folder",
        False,
    ),
    (
        "an include of /dev/zero by symlink",
        at_title('{% include "zero.j2" %}'),
        {"zero.j2": _symlink("/dev/zero")},
        "outside the template folder",
        False,
    ),
    (
        "an include of a FIFO",
        at_title('{% include "fifo.j2" %}'),
        {"fifo.j2": _fifo},
        "not a regular file",
        False,
    ),
    (
        "an include of a huge file",
        at_title('{% include "big.j2" %}'),
        {"big.j2": _write(b"x" * 1_000_001)},
        "larger than",
        False,
    ),
    (
        "an include of a binary file",
        at_title('{% include "bin.j2" %}'),
        {"bin.j2": _write(b"\xff\xfe")},
        "UTF-8",
        False,
    ),
    ("a syntax error", at_title("{% if %}"), {}, "expected an expression", True),
    ("an unclosed block", at_title("{% for x in medications %}"), {}, "endfor", False),
    ("an undefined name", at_title("{{ no_such_name }}"), {}, "'no_such_name' is undefined", True),
    ("an undefined attribute", at_title("{{ patient.nickname }}"), {}, "nickname", True),
    ("a division by zero", at_title("{{ 1 // 0 }}"), {}, "ZeroDivisionError", True),
    ("a huge power", at_title("{{ 2 ** 100000000 }}"), {}, "too large", True),
    ("a huge repeat", at_title('{{ "x" * 100000000 }}'), {}, "too large", True),
    ("a Python error on a typed value", at_title("{{ patient.name + 1 }}"), {}, "TypeError", True),
    ("an unknown block element", BUNDLED.replace("<title>", "<blink/><title>", 1), {}, "<blink>", True),
    ("an unknown inline element", at_title("<marquee>x</marquee>"), {}, "<marquee>", True),
    ("malformed markup", BUNDLED.replace("<title>", "<title><b>", 1), {}, "malformed markup", False),
]


@pytest.mark.parametrize(
    ("name", "source", "extra", "words", "names_line"), HOSTILE, ids=[h[0] for h in HOSTILE]
)
def test_a_hostile_template_is_refused_naming_file_line_and_problem(
    tmp_path, name, source, extra, words, names_line
):
    if not POSIX and extra:
        pytest.skip("symlinks and FIFOs as POSIX has them")
    site, folder = hospital_site(tmp_path, source, extra)
    message = template_problem(site)
    assert words.lower() in message.lower(), message
    assert str(folder.absolute()) in message, message
    if names_line and "extends" not in name:
        assert f", line {TITLE_LINE}:" in message, message
    # Nothing ran and nothing was read: no shell output, no password file, no patient data echoed.
    assert "uid=" not in message and "root:" not in message
    assert "Maria" not in message and "Núñez" not in message


def test_a_template_error_exits_2_with_one_line_through_the_cli(tmp_path):
    hospital_site(tmp_path, at_title('{{ cycler.__init__.__globals__.os.popen("touch PWNED").read() }}'))
    (tmp_path / "case.json").write_text(json.dumps(TYPICAL_CASE), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "vpdischarge", "render", "--case", "case.json", "--site", "site.toml"]
        + ["--output", "o.pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: template: "), result.stderr
    assert f"{TEMPLATE_NAME}, line {TITLE_LINE}:" in lines[0]
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "o.pdf").exists()


def test_includes_inside_the_folder_and_of_the_bundled_phrases_work(tmp_path):
    source = at_title('{% include "parts/extra.j2" %}{% import "medicine_phrases.j2" as phrases %}')
    site, folder = hospital_site(tmp_path, source)
    (folder / "parts").mkdir()
    (folder / "parts" / "extra.j2").write_text("Hospital line {{ lang }}", encoding="utf-8")
    assert "Hospital line en" in all_text(render(case(), site, today=TODAY).pdf)


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_a_copy_of_the_bundled_template_prints_the_same(tmp_path, language):
    site, _folder = hospital_site(tmp_path)
    bundled = replace(case(), language=language)
    # The same settings but the template folder (a site file of its own is not the sample).
    same_site_bundled_template = replace(site, template_folder=None)
    assert handout_markup(bundled, site, TODAY) == handout_markup(bundled, same_site_bundled_template, TODAY)


@pytest.mark.parametrize("language", ["en", "es", "ar", "zh_Hans", "fa"])
def test_the_sandbox_changes_nothing_in_the_bundled_template(language):
    """The same template and filters in a plain Jinja2 environment give the same markup."""
    locale = find_locale(language)
    sandboxed = environment(locale)
    plain = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    plain.policies.update(sandboxed.policies)
    plain.install_gettext_translations(translations_for(locale.code), newstyle=True)
    plain.filters.update(sandboxed.filters)
    context = build_context(replace(case(), language=language), load_site(None), locale, printed_on=TODAY)
    assert render_markup(context, locale) == plain.get_template(TEMPLATE_NAME).render(context)


def test_malformed_markup_on_a_two_language_handout_is_the_templates_error(tmp_path):
    """Pairing two languages reads the markup before the typesetter does."""
    site, folder = hospital_site(tmp_path, BUNDLED.replace("<title>", "<title><b>", 1))
    with pytest.raises(InputError) as caught:
        render(replace(case(), second_language="es"), site, today=TODAY)
    (issue,) = caught.value.issues
    assert issue.field == "template" and "malformed markup" in issue.message
    assert str(folder.absolute()) in issue.message
