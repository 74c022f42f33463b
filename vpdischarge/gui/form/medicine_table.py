"""The medicine table's keyboard: Tab walks the cells and leaves after the last one, a key adds a
row, and no keystroke replaces what a cell holds unless the nurse selected it herself.

Qt's table, left to itself, wraps Tab from the last cell back to the first ("Paracetamol",
selected) and opens every cell with its text selected, so the next letter typed replaced a
medicine's name. Here a cell opens with the caret after its text and nothing selected; Tab on
the last cell (Shift+Tab on the first) goes on to the next field of the form; Insert or
Ctrl+Enter adds a row below the current one, and typing into a table with no rows starts one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QWidget,
)

ADD_ROW_KEYS = ("Ins", "Ctrl+Return", "Ctrl+Enter")
_Hint = QAbstractItemDelegate.EndEditHint


class _CaretAtEnd(QObject):
    """Qt selects a cell's whole text when it opens the editor; undo that once, as it shows,
    before any key typed reaches it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.Show, QEvent.Type.FocusIn) and isinstance(watched, QLineEdit):
            watched.end(False)  # caret after the text, nothing selected
            watched.removeEventFilter(self)
        return False


# First-strong isolate: a cell's text keeps its own direction inside a right-to-left table.
_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


class CellDelegate(QStyledItemDelegate):
    """Every medicine cell: opens with the caret at the end of the text, and shows a dose as
    written ("1000 mg", not "mg 1000" in an Arabic or Persian window)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._caret = _CaretAtEnd(self)

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.direction == Qt.LayoutDirection.RightToLeft and option.text:
            option.text = _ISOLATE + option.text + _POP_ISOLATE

    def createEditor(  # noqa: N802 - Qt's name
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.installEventFilter(self._caret)
        return editor


class MedicineTable(QTableWidget):
    def __init__(self, columns: int, add_row: Callable[[], object]) -> None:
        super().__init__(0, columns)
        self._add_row = add_row
        self.setItemDelegate(CellDelegate(self))
        for keys in ADD_ROW_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(add_row)

    # Where Tab goes ----------------------------------------------------------------------------

    def _step(self, forward: bool) -> bool:
        """Make the next (previous) cell current; False at the end (start) of the table."""
        row, col = self.currentRow(), self.currentColumn()
        if row < 0:
            return False
        position = row * self.columnCount() + max(col, 0) + (1 if forward else -1)
        if not 0 <= position < self.rowCount() * self.columnCount():
            return False
        self.setCurrentCell(*divmod(position, self.columnCount()))
        return True

    def _leave(self, forward: bool) -> bool:
        # The scroll area's own way on: the next widget of the window's tab order.
        return QAbstractScrollArea.focusNextPrevChild(self, forward)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        if self.state() == QAbstractItemView.State.EditingState:
            # Tab in an open cell whose phrase pop-up is showing: the pop-up hands the key to
            # the editor past the delegate, and it lands here. Do what the delegate does.
            editor = QApplication.focusWidget()
            if editor is not None and self.viewport().isAncestorOf(editor):
                self.commitData(editor)
                self.closeEditor(editor, _Hint.EditNextItem if forward else _Hint.EditPreviousItem)
                return True
        if self._step(forward):
            return True
        return self._leave(forward)

    def closeEditor(self, editor: QWidget, hint: _Hint) -> None:  # noqa: N802 - Qt's name
        """Tab in an open cell: the next cell opens; past the last one the focus leaves."""
        # The phrase pop-up goes with its cell at once: left open, it would take the next key
        # typed (the "S" of the next medicine, after Ctrl+Enter) for a cell that has closed.
        completer = editor.completer() if isinstance(editor, QLineEdit) else None
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()
        if hint in (_Hint.EditNextItem, _Hint.EditPreviousItem):
            forward = hint == _Hint.EditNextItem
            super().closeEditor(editor, _Hint.NoHint)
            if self._step(forward):
                self.edit(self.currentIndex())
            else:
                self._leave(forward)
            return
        super().closeEditor(editor, hint)

    # Typing --------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        typed = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if plain and typed and typed.isprintable() and self.rowCount() == 0:
            self._add_row()  # the first letter of the first medicine starts its row
        super().keyPressEvent(event)
