"""Translation catalogs: English fallback, completeness reports, and the .pot kept current."""

import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from vpdischarge import assets
from vpdischarge.content import catalog_status, catalogs, template
from vpdischarge.domain.locales import LOCALES, find_locale

REPO = Path(__file__).resolve().parent.parent

TINY_SPANISH = """
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Chest pain."
msgstr "Dolor en el pecho."

msgid "Born %(date)s"
msgstr "Nacido"
"""


@pytest.fixture
def tiny_catalogs(tmp_path, monkeypatch):
    """A translations folder whose Spanish catalog has two entries, one of them broken."""
    folder = tmp_path / "translations"
    shutil.copytree(assets.translations_dir(), folder, ignore=shutil.ignore_patterns("es"))
    po = folder / "es" / "LC_MESSAGES" / "handout.po"
    po.parent.mkdir(parents=True)
    po.write_text(TINY_SPANISH, encoding="utf-8")
    monkeypatch.setattr(catalogs, "translations_dir", lambda: folder)
    for cached in (catalogs.translations_for, catalogs.available_languages, template.environment):
        cached.cache_clear()
    yield folder
    for cached in (catalogs.translations_for, catalogs.available_languages, template.environment):
        cached.cache_clear()


def test_missing_string_falls_back_to_english(tiny_catalogs):
    spanish = catalogs.translations_for("es")
    assert spanish.gettext("Chest pain.") == "Dolor en el pecho."
    assert spanish.gettext("Sudden trouble breathing.") == "Sudden trouble breathing."


def test_status_reports_untranslated_and_broken(tiny_catalogs, site):
    status = catalog_status.catalog_status(find_locale("es"), site)
    assert status.status == "draft"
    assert "Sudden trouble breathing." in status.untranslated
    assert status.broken == ["Born %(date)s"]  # the date placeholder was dropped
    assert status.translated == 2 and status.total > 50


def test_shipped_catalogs_are_complete_and_unbroken(site):
    for code in (loc.code for loc in LOCALES):
        status = catalog_status.catalog_status(find_locale(code), site)
        assert (status.untranslated, status.fuzzy, status.broken) == ([], [], []), code
        assert status.completeness == 1.0


def test_pot_matches_the_template():
    """A string added to the template but not extracted would never reach translators."""
    method_map = [("**.j2", "jinja2")]
    options = {"**.j2": {"trimmed": "true", "encoding": "utf-8"}}
    extracted = {
        msg[2] if isinstance(msg[2], str) else msg[2][0]
        for msg in extract_from_dir(str(REPO / "resources" / "templates"), method_map, options)
    }
    with (REPO / "translations" / "handout.pot").open("rb") as fp:
        in_pot = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    assert extracted == in_pot
