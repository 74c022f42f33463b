"""The teach-back step after a handout is printed or saved: who was taught, and which of the
handout's key points they could say back in their own words.

It never stands between the nurse and the handout: it opens after the paper or the file is
done, does not block the event loop (`open`, not `exec`), and anything but an answer (Esc, the
"Not assessed" button, closing it, closing the window) is recorded as "not assessed". The points
are the handout's own checklist sentences (records/teach_back.POINTS), in the interface language.
Every control gets an Alt+key of its own, in every language: the points Alt+1 to Alt+5, the
rest a letter (vpdischarge.gui.mnemonics).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vpdischarge.gui import readable
from vpdischarge.gui.mnemonics import Holder, assign
from vpdischarge.i18n import _, ui_language
from vpdischarge.records.teach_back import POINTS, checklist_sentence, teach_back_text


class TeachBackDialog(QDialog):
    def __init__(self, emergency_number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("What could the patient say back?"))
        intro = QLabel(
            _(
                "Ask the patient to tell you each point below in their own words. "
                "Tick each point they could say back."
            )
        )
        intro.setWordWrap(True)

        self.patient = QRadioButton(_("The &patient"))
        self.caregiver = QRadioButton(_("A &caregiver"))
        self.patient.setChecked(True)
        self._learners = QButtonGroup(self)  # one Tab stop; the arrow keys move between the two
        self._learners.addButton(self.patient)
        self._learners.addButton(self.caregiver)
        who = QGroupBox(_("Who was taught?"))
        row = QHBoxLayout(who)
        row.setSpacing(self.fontMetrics().horizontalAdvance("MMM"))  # two answers, not one label
        row.addWidget(self.patient)
        row.addWidget(self.caregiver)
        row.addStretch(1)

        said = QGroupBox(_("What they could say back"))
        column = QVBoxLayout(said)
        self.points: dict[str, QCheckBox] = {}
        language = ui_language()
        for number, point in enumerate(POINTS, 1):
            # Alt+1 to Alt+5, the same in every language: the sentences all begin alike ("The
            # patient can say…"), so a letter of their own would be hard to see. An "&" in a
            # translated sentence is a letter, not a mnemonic.
            sentence = checklist_sentence(point, language, emergency_number).replace("&", "&&")
            box = QCheckBox(f"&{number}  {sentence}")
            column.addWidget(box)
            self.points[point.key] = box

        buttons = QDialogButtonBox()
        self.done_button = QPushButton(_("&Done"))
        self.done_button.setDefault(True)  # Enter, wherever the focus is but on the other button
        self.not_assessed_button = QPushButton(_("&Not assessed"))
        buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.not_assessed_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(intro)
        layout.addWidget(who)
        layout.addWidget(said)
        layout.addWidget(buttons)
        # Reading order: who, then the points top to bottom, then the buttons.
        order = [self.patient, self.caregiver, *self.points.values(), self.done_button]
        order.append(self.not_assessed_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        # The buttons first: Alt+D and Alt+N stay the same whatever the points' sentences say.
        assign([], [Holder(b.text(), b.setText, b.text()) for b in order[-2:] + order[:-2]])
        readable.apply_minimum_heights(self)
        self.patient.setFocus(Qt.FocusReason.OtherFocusReason)

    def learner(self) -> str | None:
        """Who was taught, or None when the step was not done."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return "caregiver" if self.caregiver.isChecked() else "patient"

    def teach_back(self) -> str:
        """The line for the log and the education record ("not assessed" unless answered)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return teach_back_text(None)
        return teach_back_text([key for key, box in self.points.items() if box.isChecked()])
