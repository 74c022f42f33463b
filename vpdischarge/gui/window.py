"""The main window: the form on the left, the preview on the right, warnings above, and Print
and Save PDF below the form.

The window is glue. It builds a Case from the form, asks `pipeline.check` for problems, puts
them next to the fields, asks the preview for a render when there are no errors, and decides
when printing is allowed. All handout logic stays in the engine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vpdischarge import __version__
from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.gui import dialogs, readable
from vpdischarge.gui.case_files import CaseFiles
from vpdischarge.gui.form.case_form import CaseForm
from vpdischarge.gui.form.dates import keep_typed_text
from vpdischarge.gui.form.problems import ProblemLabel
from vpdischarge.gui.form.scroll import FormScrollArea
from vpdischarge.gui.gate import output_gate
from vpdischarge.gui.handout_output import HandoutOutput
from vpdischarge.gui.menus import (
    Actions,
    build_actions,
    build_menus,
    build_text_size_menu,
    set_preview_shortcuts,
    shortcut_table,
)
from vpdischarge.gui.preview.controller import DEBOUNCE_MS, PreviewController
from vpdischarge.gui.preview.pane import PreviewPane
from vpdischarge.gui.preview.renderer import Renderer, ThreadedRenderer
from vpdischarge.gui.settings import Preferences, open_settings
from vpdischarge.gui.site_loading import LoadedSite, load_window_site
from vpdischarge.gui.warnings_banner import WarningsBanner
from vpdischarge.gui.window_mnemonics import assign_window_mnemonics
from vpdischarge.i18n import _


class MainWindow(QMainWindow):
    # The window's commands (menus.Actions). The name hides QWidget.actions(), which nothing calls
    # on the window: kept, as every part of the window and its tests knows them by it.
    actions: Actions  # type: ignore[assignment]

    def __init__(
        self,
        site: LoadedSite,
        preferences: Preferences,
        renderer: Renderer | None = None,
        today: Callable[[], date] = date.today,
        preview_delay_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__()
        # Before any widget is made, so each works out its sizes for this text size.
        readable.apply_text_size(preferences.text_size)
        self.site = site
        self.preferences = preferences
        self.today = today
        self.issues: list[Issue] = []
        self._preview_delay_ms = preview_delay_ms
        self._retired = False

        self.form = CaseForm(site.settings)
        self.pane = PreviewPane()
        self.renderer = renderer or ThreadedRenderer(self, warm_up_site=site.settings)
        self.preview = PreviewController(self.pane, self.renderer, preview_delay_ms, self)
        self.files = CaseFiles(self, self.form, self.blank_case)
        self.output = HandoutOutput(self, self.pane, self.preview)
        self._build_layout()
        self.actions = build_actions(self, self._toggle_limits)
        set_preview_shortcuts(self.pane)
        build_menus(self.menuBar(), self.actions, self.pane)
        build_text_size_menu(self.menuBar(), self, preferences.text_size, self.set_text_size)
        self.print_button.setDefaultAction(self.actions.print)
        self.save_pdf_button.setDefaultAction(self.actions.save_pdf)
        readable.apply_minimum_heights(self)

        self.form.changed.connect(self.refresh)
        if isinstance(self.renderer, ThreadedRenderer) and self.renderer.loading_engine:
            self.renderer.engine_loaded.connect(self.refresh)
        self.banner.confirmation_changed.connect(lambda _confirmed: self._update_gate())
        self.preview.state_changed.connect(self._update_gate)
        # After HandoutOutput's own slot, which keeps the warnings this reads.
        self.output.recorder.finished.connect(lambda _result: self._records_changed())
        self.files.new(ask=False)
        # Once the form shows a case (the limits toggle's text depends on it).
        assign_window_mnemonics(self)
        self._restore_geometry()
        # The nurse starts typing the name as soon as the window is there.
        self.form.patient.name.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self.renderer, ThreadedRenderer):
            # Start loading the engine once the window has been painted (or after a second).
            self.installEventFilter(self)
            QTimer.singleShot(1000, self.renderer.start_warm_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        painted = watched is self and event.type() == QEvent.Type.Paint
        if painted and isinstance(self.renderer, ThreadedRenderer):
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.renderer.start_warm_up)
        return super().eventFilter(watched, event)

    # Layout ------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.banner = WarningsBanner()
        self.other_problems = ProblemLabel()
        self.form_scroll = scroll = FormScrollArea(self.form)
        scroll.setAccessibleName(_("Discharge form"))
        scroll.follow_caret(self.form.clinician.notes)
        self.gate_label = QLabel()
        self.gate_label.setWordWrap(True)
        self.gate_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gate_label.setAccessibleName(_("Printing status"))
        self.save_pdf_button = QToolButton()
        self.print_button = QToolButton()
        for button in (self.save_pdf_button, self.print_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(button.sizeHint().height() + 8)
        bold = self.print_button.font()
        bold.setBold(True)
        self.print_button.setFont(bold)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_pdf_button)
        buttons.addWidget(self.print_button)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        # Warnings and other problems sit under the form, by the buttons they decide about: as
        # they come and go the form's viewport changes height at the bottom, and the fields
        # the nurse is looking at stay where they are.
        column.addWidget(self.other_problems)
        column.addWidget(self.banner)
        column.addWidget(self.gate_label)
        column.addLayout(buttons)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1280, 860)
        self.splitter.setSizes([560, 720])
        self._fit_to_screen()

    # Checking and preview ----------------------------------------------------------------------

    def blank_case(self) -> Case:
        return Case(language=self.preferences.handout_language or "en")

    def refresh(self) -> None:
        """The form changed: check it, show the problems in place, and update the preview."""
        self._update_title()
        if getattr(self.renderer, "loading_engine", False) and "vpdischarge.pipeline" not in sys.modules:
            # The engine is still being imported on the render thread (about 0.4 s at start-up);
            # checking now would block typing. `engine_loaded` calls this again.
            self.gate_label.setText(_("Starting…"))
            self.actions.print.setEnabled(False)
            self.actions.save_pdf.setEnabled(False)
            return
        case = self.form.case()
        from vpdischarge.pipeline import check

        # A date typed but not understood is None in the Case; its own message replaces the
        # engine's ("enter the date of the procedure") at that field.
        typed = self.form.input_problems()
        unread = {i.field for i in typed}
        self.issues = typed + [
            i for i in check(case, self.site.settings, self.today()) if i.field not in unread
        ]
        self.issues += self.site.warnings() + self.output.record_issues()
        unplaced = self.form.show_issues(self.issues)
        # Errors no field shows; every warning is in the banner already, so not here a second time.
        self.other_problems.show_issues(
            [
                Issue(i.field, f"{self.form.describe(i.field)}: {i.message}", i.severity)
                for i in unplaced
                if i.severity == "error"
            ]
        )
        self._show_warnings()
        errors = [i for i in self.issues if i.severity == "error"]
        if errors:
            self.preview.hold(_("The preview waits until the problems in the form are fixed."))
        else:
            self.preview.request(case, self.site.settings, self.today())
        self._update_gate()

    def _show_warnings(self) -> None:
        warnings = [i for i in self.issues if i.severity == "warning"]
        self.banner.set_warnings([(self.form.describe(i.field), i.message) for i in warnings])

    def _records_changed(self) -> None:
        """A handout was recorded, or not: its warning comes or goes without checking the form
        or rendering the preview again."""
        self.issues = [i for i in self.issues if i.field != "record"] + self.output.record_issues()
        self._show_warnings()
        self._update_gate()

    def _update_gate(self) -> None:
        errors = [self.form.describe(i.field) for i in self.issues if i.severity == "error"]
        warnings = sum(1 for i in self.issues if i.severity == "warning")
        gate = output_gate(errors, warnings, self.banner.confirmed, self.preview.state, self.preview.error)
        self.actions.print.setEnabled(gate.allowed)
        self.actions.save_pdf.setEnabled(gate.allowed)
        self.gate_label.setText(gate.reason)
        self.gate_label.setStyleSheet("" if gate.allowed else "color: #a4001d;")
        for action in (self.actions.print, self.actions.save_pdf):
            action.setStatusTip(gate.reason)
            action.setToolTip(gate.reason if not gate.allowed else action.text().replace("&", ""))

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] — vpdischarge")
        self.setWindowModified(self.files.is_modified())

    def next_problem(self) -> None:
        """Move the focus to the next field with a problem: errors first, then warnings, from
        the one being edited on (so pressing F8 again goes on to the next). The form scrolls
        to it."""
        ordered = [i.field for i in self.issues if i.severity == "error"]
        ordered += [i.field for i in self.issues if i.severity == "warning" and i.field not in ordered]
        current = self.form.field_with_focus()
        start = ordered.index(current) + 1 if current in ordered else 0
        for field in ordered[start:] + ordered[:start]:
            if field != current and self.form.focus_field(field):
                return

    def _toggle_limits(self) -> None:
        self.form.limits.set_expanded(not self.form.limits.toggle.isChecked())
        if self.form.limits.toggle.isChecked():
            self.form.limits.toggle.setFocus()

    # Files and output --------------------------------------------------------------------------

    def new_case(self) -> bool:
        done = self.files.new()
        self._update_title()
        if done:
            self.form.patient.name.setFocus(Qt.FocusReason.OtherFocusReason)
        return done

    def open_case(self) -> bool:
        done = self.files.open()
        self._update_title()
        return done

    def import_from_ehr(self) -> bool:
        from vpdischarge.gui.ehr_import import import_from_ehr

        done = import_from_ehr(self)
        self._update_title()
        return done

    def save_case(self) -> bool:
        done = self.files.save()
        self._update_title()
        return done

    def save_case_as(self) -> bool:
        done = self.files.save_as()
        self._update_title()
        return done

    def print_handout(self) -> bool:
        return self.output.print_handout()

    def save_pdf(self) -> bool:
        return self.output.save_pdf(self.files.path.parent if self.files.path else None)

    # Settings and help -------------------------------------------------------------------------

    def open_settings(self) -> None:
        from vpdischarge.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.preferences, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        old_ui = self.preferences.ui_language
        self.preferences = dialog.preferences()
        self.preferences.save()
        self.apply_site(load_window_site(self.preferences.site_path))
        if self.preferences.ui_language != old_ui:
            from vpdischarge.gui.language_switch import switch_interface_language

            switch_interface_language(self, self.preferences.ui_language)

    def set_text_size(self, name: str) -> None:
        """Remember the text size and show the window again laid out for it (as a language
        switch does: same case, file, unsaved state and place on the screen)."""
        if name == self.preferences.text_size:
            return
        self.preferences.text_size = name
        self.preferences.save()
        from vpdischarge.gui.language_switch import switch_interface_language

        switch_interface_language(self, self.preferences.ui_language)

    def apply_site(self, site: LoadedSite) -> None:
        self.site = site
        self.form.set_site(site.settings)
        self.refresh()
        if site.problem:
            dialogs.show_error(self, _("Site settings"), site.problem)

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{command}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>"
            for command, keys in shortcut_table(self.menuBar())
        )
        dialogs.show_info(self, _("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self) -> None:
        dialogs.show_info(
            self,
            _("About vpdischarge"),
            _("vpdischarge {version}: discharge handouts after vertebroplasty or kyphoplasty.").format(
                version=__version__
            ),
        )

    # Window state ------------------------------------------------------------------------------

    def rebuild_options(self) -> dict:
        """What a window built to replace this one needs (it gets a render thread of its own)."""
        return {"today": self.today, "preview_delay_ms": self._preview_delay_ms}

    def take_over_from(self, old: MainWindow) -> None:
        """Show `old`'s case, file, unsaved state, geometry and open sections (a language switch)."""
        self.form.set_case(old.form.case())
        keep_typed_text(old.form, self.form)
        self.files.adopt(old.files)
        self.form.limits.set_expanded(old.form.limits.toggle.isChecked())
        self.restoreGeometry(old.saveGeometry())
        self.splitter.setSizes(old.splitter.sizes())
        self.refresh()

    def adopt_records(self, old: MainWindow) -> None:
        """After `old` retired (a language switch): the warning of its last record, or of the
        record it is still writing, shows here."""
        adopted = self.output.adopt(old.output)
        if adopted is not None:
            adopted.finished.connect(lambda _result: self._records_changed())
        self._records_changed()

    def retire(self) -> None:
        """Close without asking about unsaved changes: a replacement window holds them now."""
        self._retired = True
        self.close()

    def _restore_geometry(self) -> None:
        geometry = open_settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """No bigger than the screen, so Print and Save PDF are never off its edge (at 200 %
        scale a 1280 × 860 window is taller than a 1280 × 800 screen)."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # Leave room for the window manager's title bar and frame.
        width, height = min(self.width(), room.width() - 16), min(self.height(), room.height() - 48)
        if (width, height) != (self.width(), self.height()):
            share = self.splitter.sizes()
            self.resize(max(width, self.minimumSizeHint().width()), max(height, 200))
            total = sum(share) or 1
            self.splitter.setSizes([self.splitter.width() * part // total for part in share])
        frame = self.frameGeometry()
        if not room.contains(frame.topLeft()):
            self.move(room.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._retired and not self.files.may_discard():
            event.ignore()
            return
        self.output.close_teach_back()
        settings = open_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        self.renderer.stop()
        event.accept()
