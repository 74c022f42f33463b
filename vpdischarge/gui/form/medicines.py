"""The medicine list: an editable table with add, remove and move up/down.

A row that is completely empty is not a medicine yet and is left out of the case, so the nurse
can add a row before knowing what goes in it. Problems the engine reports for
``medications[n]`` are shown on the cells of the n-th medicine and listed under the table.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vpdischarge.domain.case import Case, Medication
from vpdischarge.domain.issues import Issue
from vpdischarge.gui.form.medicine_table import MedicineTable
from vpdischarge.gui.form.phrase_completer import PhraseDelegate
from vpdischarge.gui.form.problems import sentence
from vpdischarge.gui.form.section import Section
from vpdischarge.i18n import N_, _

COLUMNS = (
    ("name", N_("Medicine")),
    ("dose", N_("Dose")),
    ("when", N_("When to take it")),
    ("purpose", N_("What it is for")),
)
_CELL = re.compile(r"^medications\[(\d+)\](?:\.(\w+))?$")
_PROBLEM_BACKGROUND = QBrush(QColor("#fde7ea"))
# A medicine ticked as an opioid in the case file, kept on its name cell so that opening and
# saving a file keeps the tick (the table has no tick column yet).
_OPIOID_ROLE = Qt.ItemDataRole.UserRole + 1


class MedicinesSection(Section):
    def __init__(self) -> None:
        super().__init__(_("Medicines"))
        # Tab walks the cells and leaves after the last; Insert or Ctrl+Enter adds a row.
        self.table = MedicineTable(len(COLUMNS), self.add_row)
        self.table.setHorizontalHeaderLabels([_(title) for _key, title in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The dose is short; the other columns share what is left.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("8.6 mg") + 24)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        # Long phrases wrap inside their cell instead of being cut short.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        # "When" and "what it is for" offer the standard phrases, which print translated.
        self.phrase_language = "en"
        for column, (key, _title) in enumerate(COLUMNS):
            if key in ("when", "purpose"):
                delegate = PhraseDelegate(key, lambda: self.phrase_language, self.table)
                self.table.setItemDelegateForColumn(column, delegate)

        self.add_button = QPushButton(_("&Add medicine"))
        self.remove_button = QPushButton(_("Re&move"))
        self.up_button = QPushButton(_("Move &up"))
        self.down_button = QPushButton(_("Move do&wn"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QWidget()
        stack = QVBoxLayout(box)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.table)
        stack.addLayout(buttons)
        slot = self.add_field(
            "medications", _("&Medicines to take at home, one per row:"), box, [self.table], label_above=True
        )
        slot.label = _("Medicines")
        self.table.setAccessibleName(_("Medicines"))
        hint = _("Tab goes to the next cell; Insert or Ctrl+Enter adds a medicine")
        self.table.setToolTip(hint)
        slot.hints[id(self.table)] = hint

        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(+1))
        self.table.itemChanged.connect(self.changed)
        self.table.currentCellChanged.connect(self._update_buttons)
        # Table rows of the medicines in the case, in order (empty rows are skipped).
        self._case_rows: list[int] = []
        self._update_buttons()

    # Editing -----------------------------------------------------------------------------------

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.insertRow(row)
        for col in range(len(COLUMNS)):
            self.table.setItem(row, col, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self._update_buttons()
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), self.table.currentColumn())
        self._update_buttons()
        self.changed.emit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        column = self.table.currentColumn()
        self.table.blockSignals(True)
        for col in range(len(COLUMNS)):
            a, b = self.table.takeItem(row, col), self.table.takeItem(target, col)
            self.table.setItem(row, col, b)
            self.table.setItem(target, col, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, max(column, 0))
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    # Case <-> table ----------------------------------------------------------------------------

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item is not None else ""

    def load(self, case: Case) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for med in case.medications:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(med.name)
            name.setData(_OPIOID_ROLE, med.opioid)
            for col, (key, _title) in enumerate(COLUMNS):
                self.table.setItem(row, col, name if col == 0 else QTableWidgetItem(getattr(med, key)))
        self.table.blockSignals(False)
        self._update_buttons()

    def fill(self, case: Case) -> None:
        case.medications = []
        self._case_rows = []
        for row in range(self.table.rowCount()):
            values = {key: self._text(row, col) for col, (key, _title) in enumerate(COLUMNS)}
            if any(values.values()):
                name = self.table.item(row, 0)
                opioid = bool(name is not None and name.data(_OPIOID_ROLE))
                case.medications.append(Medication(**values, opioid=opioid))
                self._case_rows.append(row)

    # Problems ------------------------------------------------------------------------------------

    def show_issues(self, by_field: dict[str, list[Issue]]) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for col in range(len(COLUMNS)):
                item = self.table.item(row, col)
                if item is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip("")
        shown: list[Issue] = list(by_field.get("medications", []))
        for field, issues in by_field.items():
            match = _CELL.match(field)
            if not match:
                continue
            number, key = int(match.group(1)), match.group(2)
            label = self.describe(field) or field
            shown += [Issue(field, f"{label}: {i.message}", i.severity) for i in issues]
            if 1 <= number <= len(self._case_rows):
                row = self._case_rows[number - 1]
                cols = [c for c, (k, _t) in enumerate(COLUMNS) if k == key] or range(len(COLUMNS))
                for col in cols:
                    item = self.table.item(row, col)
                    if item is not None:
                        item.setBackground(_PROBLEM_BACKGROUND)
                        item.setToolTip("\n".join(sentence(i.message) for i in issues))
        self.table.blockSignals(False)
        self.slots["medications"].show_issues(shown)

    def describe(self, field: str) -> str | None:
        match = _CELL.match(field)
        if not match:
            return super().describe(field)
        number, key = int(match.group(1)), match.group(2)
        column = dict(COLUMNS).get(key or "")
        if column is None:
            return _("Medicine {number}").format(number=number)
        return _("Medicine {number}: {column}").format(number=number, column=_(column))

    def field_at_focus(self, name: str) -> str:
        """The cell being edited as a case field ("medications[2].dose"), for F8."""
        row, col = self.table.currentRow(), self.table.currentColumn()
        if row in self._case_rows and col >= 0:
            return f"medications[{self._case_rows.index(row) + 1}].{COLUMNS[col][0]}"
        return name

    def focus(self, field: str) -> bool:
        match = _CELL.match(field)
        if not match:
            return super().focus(field)
        number = int(match.group(1))
        if 1 <= number <= len(self._case_rows):
            cols = [c for c, (k, _t) in enumerate(COLUMNS) if k == match.group(2)] or [0]
            self.table.setCurrentCell(self._case_rows[number - 1], cols[0])
        self.table.setFocus()
        return True
