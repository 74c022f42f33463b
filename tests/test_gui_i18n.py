"""The interface language: one i18n module, English fallback, Qt's own catalogs, right to left,
and catalogs kept in step with the code."""

import builtins
import gettext
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from gui_helpers import make_window_fixture, no_dialogs_fixture  # noqa: F401
from PySide6.QtCore import Qt

from vpdischarge import i18n
from vpdischarge.domain.locales import LOCALES, find_locale
from vpdischarge.gui.qt_i18n import apply_ui_language, installed_qt_catalogs

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def restore_language(qapp):
    yield
    apply_ui_language(qapp, "en")


def test_nothing_is_put_into_builtins():
    assert not hasattr(builtins, "_")
    assert not hasattr(builtins, "N_")


def test_a_missing_catalog_falls_back_to_the_english_source(restore_language, qapp):
    assert apply_ui_language(qapp, "de") == "de"  # a handout language without a UI catalog
    assert isinstance(i18n.load_translations("de"), gettext.NullTranslations)
    assert i18n._("Patient") == "Patient"
    assert i18n.set_ui_language("xx-nonsense") == "en"
    assert i18n.ngettext(
        "{n} warning to check before printing", "{n} warnings to check before printing", 2
    ) == ("{n} warnings to check before printing")


def test_spanish_interface_and_qt_dialogs(restore_language, qapp):
    apply_ui_language(qapp, "es")
    assert i18n._("Patient") == "Paciente"
    assert i18n.ngettext(
        "{n} warning to check before printing", "{n} warnings to check before printing", 2
    ) == ("{n} avisos que revisar antes de imprimir")
    assert installed_qt_catalogs() == 1  # qtbase_es: Qt's own buttons and dialogs in Spanish
    assert qapp.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert qapp.translate("QPrintDialog", "Print") == "Imprimir"


def test_a_right_to_left_interface_language_mirrors_the_layout(restore_language, qapp):
    apply_ui_language(qapp, "ar")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    apply_ui_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_window_speaks_spanish(restore_language, qapp, make_window):
    apply_ui_language(qapp, "es")
    window = make_window()
    assert window.form.patient.title() == "Paciente"
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Editar", "&Ver", "A&yuda"]
    assert window.form.patient.date_of_birth.edit.placeholderText().startswith("sin fecha")


def _python_format_names(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_ui_pot_matches_the_code():
    """A string added to the window or to the engine's messages but not extracted would never
    reach translators. Extracted here with babel.cfg itself, as the ui.pot command does."""
    from babel.messages.frontend import parse_mapping_cfg

    with (REPO / "babel.cfg").open(encoding="utf-8") as fp:
        method_map, options_map = parse_mapping_cfg(fp)
    python_only = [(pattern, method) for pattern, method in method_map if method == "python"]
    found = [
        msg[2]
        for msg in extract_from_dir(
            str(REPO),
            python_only,
            options_map,
            directory_filter=lambda d: not Path(d).name.startswith((".", "_")),
        )
    ]
    # ... and babel.cfg covers every module that translates a message.
    from babel.util import pathmatch

    for module in (REPO / "vpdischarge").rglob("*.py"):
        relative = module.relative_to(REPO).as_posix()
        if re.search(
            r"^from vpdischarge\.i18n import .*\b(_|N_|ngettext)\b", module.read_text(encoding="utf-8"), re.M
        ):
            assert any(pathmatch(pattern, relative) for pattern, _method in python_only), relative
    extracted = {m if isinstance(m, str) else m[0] for m in found}
    with (REPO / "translations" / "ui.pot").open("rb") as fp:
        in_pot = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    assert extracted == in_pot


@pytest.mark.parametrize("code", [loc.code for loc in LOCALES])
def test_ui_catalogs_are_complete_and_keep_every_placeholder(code):
    with (REPO / "translations" / code / "LC_MESSAGES" / "ui.po").open("rb") as fp:
        catalog = read_po(fp)
    with (REPO / "translations" / "ui.pot").open("rb") as fp:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    entries = [m for m in catalog if m.id]
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in entries} == template
    for message in entries:
        assert "fuzzy" not in message.flags, message.id
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        targets = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(targets), message.id
        wanted = _python_format_names(sources[-1])
        for target in targets:
            assert _python_format_names(target) == wanted, (message.id, target)
            # One mnemonic at most, and only if the source has one.
            assert len(re.findall(r"&(?!&)", target)) == len(re.findall(r"&(?!&)", sources[0])), target


@pytest.mark.parametrize("code", [loc.code for loc in LOCALES if loc.code != "en"])
def test_every_interface_language_translates_the_window(restore_language, qapp, code):
    apply_ui_language(qapp, code)
    probes = ("&File", "Patient", "Procedure", "Medicines")  # "Patient" is also German and French
    assert any(i18n._(p) != p for p in probes)  # the catalog is there and in use
    rtl = find_locale(code).direction == "rtl"
    assert (qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft) == rtl


def test_the_spanish_catalog_says_it_is_a_draft():
    text = (REPO / "translations" / "es" / "LC_MESSAGES" / "ui.po").read_text(encoding="utf-8")
    assert "DRAFT" in text.split("msgid", 1)[0]
    assert "not reviewed by a qualified translator" in text


def test_changing_the_interface_language_rebuilds_the_window_and_keeps_the_case(
    restore_language, qapp, qtbot, make_window, monkeypatch, no_dialogs
):
    from gui_helpers import PATIENT, fill_typical

    from vpdischarge.gui.settings import Preferences
    from vpdischarge.gui.settings_dialog import SettingsDialog

    window = make_window()
    fill_typical(window)
    window.form.limits.set_expanded(True)
    case_before = window.form.case()
    assert window.files.is_modified()
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    monkeypatch.setattr(SettingsDialog, "preferences", lambda self: Preferences("", "en", "ar"))
    window.open_settings()

    from vpdischarge.gui.language_switch import _open_windows

    arabic = _open_windows[-1]
    qtbot.addWidget(arabic)
    try:
        assert arabic is not window and arabic.isVisible() and not window.isVisible()
        assert no_dialogs.asked_unsaved == 0  # the old window handed its case over; nothing asked
        assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert arabic.form.patient.title() == i18n._("Patient") != "Patient"
        assert arabic.form.case() == case_before
        assert arabic.form.patient.name.text() == PATIENT
        assert arabic.files.is_modified()  # still unsaved: closing it asks
        assert arabic.form.limits.toggle.isChecked()
        assert arabic.preferences.ui_language == "ar"
        # The new window checks and previews the case as the old one did.
        qtbot.waitUntil(lambda: arabic.preview.is_current, timeout=15_000)
        assert [(i.field, i.severity) for i in arabic.issues] == [
            (i.field, i.severity) for i in window.issues
        ]
        qtbot.waitUntil(lambda: window not in _open_windows)  # the old window is let go
    finally:
        arabic.files.is_modified = lambda: False
        arabic.close()
        arabic.renderer.stop()


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text or "")
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("code", [loc.code for loc in LOCALES])
def test_alt_letters_open_the_menus_and_pick_one_entry_each(restore_language, qapp, make_window, code):
    """Alt+F/E/V/H (or the language's letters) always open the menus: no field or button in the
    window takes a menu's letter, and no two entries of one menu share a letter. Fields may
    share letters with each other (Qt then moves between them on each press)."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    apply_ui_language(qapp, code)
    window = make_window()
    menus = {_mnemonic(a.text()): a.text() for a in window.menuBar().actions()}
    assert None not in menus and len(menus) == len(window.menuBar().actions())
    clashes = []
    for kind in (QLabel, QAbstractButton, QGroupBox):
        for widget in window.findChildren(kind):
            if isinstance(widget, QLabel) and widget.buddy() is None:
                continue  # a plain label has no shortcut
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if _mnemonic(text) in menus:
                clashes.append(f"{text!r} takes the letter of the menu {menus[_mnemonic(text)]!r}")
    for menu_action in window.menuBar().actions():
        entries = [a.text() for a in menu_action.menu().actions() if a.text()]
        letters = [_mnemonic(t) for t in entries]
        clashes += [
            f"{menu_action.text()!r}: {t!r}"
            for t, k in zip(entries, letters, strict=True)
            if k and letters.count(k) > 1
        ]
    assert not clashes, clashes
