"""A discharge typed from the keyboard only, as a nurse types it: for the tests and the benchmark.

`Keyboard` sends each key to whatever has the focus at that moment (as a real keyboard does),
through QTest key events, and counts the keystrokes (a chord such as Alt+N or Shift+A is one).
`type_typical_discharge` fills an empty window with the typical case (3 medicines, 3 lines of
notes) using Alt+letters, Tab and typed text only; it finds each Alt+letter the way a nurse
does, from the label she sees. The patient is fictional and the text ASCII (QTest types ASCII
only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Keyboard:
    window: QWidget
    # Called after every key, to let the event loop run (tests: qtbot.wait(0) or processEvents).
    settle: Callable[[], None] = lambda: QApplication.processEvents()
    keystrokes: int = 0
    typed_characters: int = 0
    log: list[str] = field(default_factory=list)  # key names only, never the typed text

    def focus(self) -> QWidget:
        """Where a real key goes: an open pop-up (the phrase list) first, as it holds the
        keyboard, else the focused widget."""
        return QApplication.activePopupWidget() or QApplication.focusWidget() or self.window

    def type(self, text: str) -> None:
        """Type `text` into whatever has the focus; a newline is the Enter key."""
        for char in text:
            if char == "\n":
                self.press(Qt.Key.Key_Return)
                continue
            if not char.isascii():
                raise ValueError("QTest types ASCII only")
            QTest.keyClicks(self.focus(), char)
            self.keystrokes += 1
            self.typed_characters += 1
            self.settle()

    def press(self, key: Qt.Key | int, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        QTest.keyClick(self.focus(), Qt.Key(key), modifiers)
        self.keystrokes += 1
        self.log.append(QKeySequence(Qt.Key(key) | modifiers).toString())
        self.settle()

    def tab(self, times: int = 1) -> None:
        for _time in range(times):
            self.press(Qt.Key.Key_Tab)

    def shortcut(self, keys: str) -> None:
        """A shortcut written as Qt writes it ("Ctrl+Shift+E")."""
        combination = QKeySequence(keys)[0]  # type: ignore[index]  # QKeySequence's [] is not in its stubs
        self.press(combination.key(), combination.keyboardModifiers())

    def alt_to(self, widget: QWidget) -> None:
        """Press the Alt+letter shown on the label (or the text) of `widget`."""
        self.press_alt(mnemonic_key(self.window, widget))

    def press_alt(self, key: int) -> None:
        self.press(key, ALT)


def mnemonic_key(window: QWidget, widget: QWidget) -> int:
    """The key of the Alt+letter that reaches `widget`: its own (a button) or its label's."""
    texts = [widget.text()] if isinstance(widget, QAbstractButton) else []
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (
            buddy is widget or buddy.isAncestorOf(widget) or widget.isAncestorOf(buddy)
        ):
            texts.append(label.text())
    for text in texts:
        sequence = QKeySequence.mnemonic(text)
        if not sequence.isEmpty():
            return sequence[0].key()  # type: ignore[index]  # as above
    raise LookupError("no Alt+letter reaches this widget")


@dataclass(frozen=True)
class TypedCase:
    """What the nurse types (ASCII); dates as she writes them."""

    name: str = "Ann Example-Keyboard"
    date_of_birth: str = "2 Mar 1948"
    record_number: str = "TEST-0001"
    procedure_date: str = "20 Nov 2026"
    levels: str = "T12, L1"
    medicines: tuple[tuple[str, str, str, str], ...] = (
        ("Acetaminophen", "500 mg", "every 6 hours if needed", "pain"),
        ("Senna", "8.6 mg", "at bedtime", "constipation"),
        ("Alendronate", "70 mg", "once a week", "bone strength"),
    )
    blood_thinner_restart: str = "22 Nov 2026"
    follow_up: str = "4 Dec 2026 10:30"
    follow_up_place: str = "Spine Clinic"
    follow_up_phone: str = "+1 555 0100"
    clinician: str = "Dr. A. Example"
    notes: str = "Walk twice a day.\nRest when the back aches.\nCall if the pain at night gets worse."


def type_typical_discharge(keys: Keyboard, window, case: TypedCase = TypedCase()) -> None:
    """Fill `window`'s empty form by keyboard only, and tick the warnings if there are any.

    Starts where the window puts the focus (the patient name)."""
    form = window.form
    keys.type(case.name)
    keys.tab()  # the date of birth follows the name
    keys.type(case.date_of_birth)
    keys.alt_to(form.patient.record_number)
    keys.type(case.record_number)
    keys.alt_to(form.procedure.date)
    keys.type(case.procedure_date)
    keys.alt_to(form.procedure.levels)
    keys.type(case.levels)

    keys.alt_to(form.medicines.table)
    for number, cells in enumerate(case.medicines):
        if number:
            keys.shortcut("Ctrl+Return")  # a new row under the last one
        for column, text in enumerate(cells):
            if column:
                keys.tab()
            keys.type(text)
    keys.tab()  # out of the last cell, on to the next field

    keys.alt_to(form.follow_up.blood_thinner)
    keys.type(case.blood_thinner_restart)
    keys.alt_to(form.follow_up.when)
    keys.type(case.follow_up)
    keys.alt_to(form.follow_up.where)
    keys.type(case.follow_up_place)
    keys.alt_to(form.follow_up.phone)
    keys.type(case.follow_up_phone)
    keys.alt_to(form.clinician.name)
    keys.type(case.clinician)
    keys.alt_to(form.clinician.notes)
    keys.type(case.notes)
    keys.tab()  # leave the notes, so the last line is in


def confirm_warnings(keys: Keyboard, window) -> None:
    """Tick "I have checked these warnings" with its Alt+letter, if the banner shows."""
    if window.banner.isVisible() and not window.banner.confirmed:
        keys.alt_to(window.banner.confirm)
