"""What every part of the form shares: a titled box of labelled rows, each row able to show the
problems of the case field it edits.

A row is "label — editor — problems under the editor". The label is the editor's buddy (its
mnemonic moves focus there) and gives the editor its accessible name, so a screen reader says
"Patient name, edit text" rather than "edit text".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from vpdischarge.domain.case import Case
from vpdischarge.domain.issues import Issue
from vpdischarge.gui.form.problems import FieldSlot, ProblemLabel, plain


def focus_target(editor: QWidget, widgets: list[QWidget] | None) -> QWidget:
    """The widget a label's Alt+letter must focus. A plain container (the medicine table with
    its buttons) hands it to its first field. A composite with a focus proxy (a date field) is
    the buddy itself, so the proxy it names at the time is used; Qt's label ignores a buddy
    that takes no focus, so it is given the policy its proxy has."""
    if editor.focusProxy() is not None:
        if editor.focusPolicy() == Qt.FocusPolicy.NoFocus:
            editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return editor
    if editor.focusPolicy() == Qt.FocusPolicy.NoFocus and widgets:
        return widgets[0]
    return editor


class Section(QGroupBox):
    """A part of the form. Subclasses add rows and implement `load` and `fill`."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.slots: dict[str, FieldSlot] = {}
        # Row labels beside their fields, so the form can line all sections up on one column.
        self.row_labels: list[QLabel] = []

    def add_field(
        self,
        name: str,
        label_text: str,
        editor: QWidget,
        widgets: list[QWidget] | None = None,
        hint: str = "",
        label_above: bool = False,
    ) -> FieldSlot:
        """Add a row editing case field `name` (a dotted path as in Issue.field). A wide editor
        (the medicines table) takes the full width with its label above it."""
        label = QLabel(label_text)
        label.setBuddy(focus_target(editor, widgets))
        problems = ProblemLabel()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(problems)
        if label_above:
            self.form.addRow(label)
            self.form.addRow(box)
        else:
            self.form.addRow(label, box)
            self.row_labels.append(label)
        targets = widgets or [editor]
        for widget in targets:
            if not widget.accessibleName():
                widget.setAccessibleName(plain(label_text))
            if hint:
                widget.setToolTip(hint)
        slot = FieldSlot(name, plain(label_text), targets, problems)
        self.slots[name] = slot
        return slot

    def show_issues(self, by_field: dict[str, list[Issue]]) -> None:
        for name, slot in self.slots.items():
            slot.show_issues(by_field.get(name, []))

    def describe(self, field: str) -> str | None:
        """The visible label of `field`, if this section edits it."""
        slot = self.slots.get(field)
        return slot.label if slot else None

    def focus(self, field: str) -> bool:
        slot = self.slots.get(field)
        if slot is None:
            return False
        slot.widgets[-1 if len(slot.widgets) > 1 and slot.widgets[-1].isEnabled() else 0].setFocus()
        return True

    def field_at_focus(self, name: str) -> str:
        """The field (of slot `name`) the focus is on; a table narrows it to its cell."""
        return name

    def load(self, case: Case) -> None:
        """Show `case` in the widgets, without emitting `changed`."""
        raise NotImplementedError

    def fill(self, case: Case) -> None:
        """Copy the widgets' values into `case`."""
        raise NotImplementedError
