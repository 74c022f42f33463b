"""The settings dialog: the hospital's site settings file, the default handout language and the
interface language. The site file is tried as soon as it is chosen, so a broken file on the
network share is reported here, not discovered on a printed handout. When IT locked the site file
for the machine (or `VPDISCHARGE_SITE` names one), the field shows that file, cannot be edited,
and says why; the user's own setting is kept as it was for when the lock goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vpdischarge.domain.locales import find_locale
from vpdischarge.domain.site_choice import why_fixed
from vpdischarge.gui import dialogs
from vpdischarge.gui.form.choices import select_code
from vpdischarge.gui.form.handout import fill_language_combo
from vpdischarge.gui.settings import Preferences
from vpdischarge.gui.site_loading import load_window_site, window_site_choice
from vpdischarge.i18n import _, ui_languages


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        # Set from the View menu, not here; kept as it was.
        self._text_size = preferences.text_size
        self._user_site = preferences.site_path
        self._choice = choice = window_site_choice(preferences.site_path)
        self.site_path = QLineEdit(preferences.site_path)
        self.site_path.setAccessibleName(_("Site settings file"))
        browse = QPushButton(_("&Browse…"))
        if choice.policy is not None and choice.policy.path is not None:
            # Emptied, the field means this computer's file, not the bundled example.
            self.site_path.setPlaceholderText(
                _("This computer's site settings: {path}").format(path=choice.policy.path)
            )
            bundled = QPushButton(_("Use this &computer's settings"))
        else:
            self.site_path.setPlaceholderText(_("Bundled example settings"))
            bundled = QPushButton(_("Use the &bundled settings"))
        self.site_lock = QLabel(why_fixed(choice))
        self.site_lock.setWordWrap(True)
        self.site_lock.setTextFormat(Qt.TextFormat.PlainText)
        self.site_lock.setVisible(choice.fixed)
        if choice.fixed:
            self.site_path.setText(str(choice.path) if choice.path else "")
            self.site_path.setReadOnly(True)
            browse.setEnabled(False)
            bundled.setEnabled(False)
        self.site_status = QLabel()
        self.site_status.setWordWrap(True)
        self.site_status.setTextFormat(Qt.TextFormat.PlainText)
        site_row = QWidget()
        row = QHBoxLayout(site_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.site_path, 1)
        row.addWidget(browse)
        row.addWidget(bundled)

        self.handout_language = QComboBox()
        fill_language_combo(self.handout_language, None)
        select_code(self.handout_language, preferences.handout_language)
        self.ui_language = QComboBox()
        self.ui_language.addItem(_("Same as the desktop"), "")
        for code in ui_languages():
            found = find_locale(code)
            self.ui_language.addItem(found.native_name if found else code, code)
        select_code(self.ui_language, preferences.ui_language)

        form = QFormLayout()
        for text, widget in (
            (_("&Site settings file:"), site_row),
            (_("Default &handout language:"), self.handout_language),
            (_("&Interface language:"), self.ui_language),
        ):
            label = QLabel(text)
            label.setBuddy(self.site_path if widget is site_row else widget)
            form.addRow(label, widget)
            if widget is not site_row:
                widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        form.addRow("", self.site_lock)
        form.addRow("", self.site_status)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        browse.clicked.connect(self._browse)
        bundled.clicked.connect(lambda: self.site_path.setText(""))
        self.site_path.editingFinished.connect(self._check_site)
        self.site_path.textChanged.connect(lambda _text: self._check_site())
        self._check_site()
        self.resize(640, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = dialogs.choose_site_file(self, self.site_path.text())
        if chosen:
            self.site_path.setText(chosen)

    def _check_site(self) -> None:
        loaded = load_window_site(self._user_site if self._choice.fixed else self.site_path.text())
        if loaded.problem:
            self.site_status.setText("✖ " + loaded.problem)
            self.site_status.setStyleSheet("color: #a4001d;")
        else:
            self.site_status.setText(
                "✔ " + _("In use: {hospital}").format(hospital=loaded.settings.hospital_name)
            )
            self.site_status.setStyleSheet("")

    def preferences(self) -> Preferences:
        return Preferences(
            site_path=self._user_site if self._choice.fixed else self.site_path.text().strip(),
            handout_language=self.handout_language.currentData() or "en",
            ui_language=self.ui_language.currentData() or "",
            text_size=self._text_size,
        )
