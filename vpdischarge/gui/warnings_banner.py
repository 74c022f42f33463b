"""The warnings banner: things that do not stop a handout but a nurse must look at (an old
procedure date, a draft translation, the site settings file not loaded).

Printing needs one deliberate tick of "I have checked these warnings". A new or changed warning
clears the tick, so a confirmation never covers a warning the nurse has not seen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from vpdischarge.i18n import _, ngettext


class WarningsBanner(QFrame):
    confirmation_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningsBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#warningsBanner { background: #fff4d6; border: 1px solid #c99a2e; border-radius: 4px; }"
            "#warningsBanner QLabel, #warningsBanner QCheckBox { color: #3d2b00; }"
        )
        self.title = QLabel()
        self.list = QLabel()
        self.list.setWordWrap(True)
        # Messages can quote what the nurse typed: never interpret them as markup.
        self.list.setTextFormat(Qt.TextFormat.PlainText)
        # Qt may let a wrapped line of a long path (the handout log on a share) run a few pixels
        # past the width it was wrapped to; a margin on the trailing side shows it whole.
        # (Contents margins are not mirrored: the trailing side is the left in Arabic and Persian.)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.list.setContentsMargins(8 if rtl else 0, 0, 0 if rtl else 8, 0)
        self.confirm = QCheckBox(_("&I have checked these warnings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.confirm)
        self._shown: tuple[tuple[str, str], ...] = ()
        self.confirm.toggled.connect(self.confirmation_changed)
        self.hide()

    @property
    def confirmed(self) -> bool:
        return self.confirm.isChecked()

    def set_warnings(self, warnings: list[tuple[str, str]]) -> None:
        """(field label, message) pairs; an unchanged list keeps the nurse's tick."""
        key = tuple(warnings)
        if key == self._shown:
            return
        self._shown = key
        if self.confirm.isChecked():
            self.confirm.setChecked(False)
        self.setVisible(bool(warnings))
        self.title.setText(
            "<b>⚠ "
            + ngettext(
                "{n} warning to check before printing", "{n} warnings to check before printing", len(warnings)
            ).format(n=len(warnings))
            + "</b>"
        )
        self.list.setText("\n".join(f"• {label}: {message}" for label, message in warnings))
        self.setAccessibleDescription(self.list.text())
