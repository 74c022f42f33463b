"""Showing a field's problems next to it: a label under the widget, the widget's tooltip and its
accessible description (so a screen reader announces the problem with the field).

Only labels, tooltips and descriptions change here, never a widget's value: validation must not
lose or reset anything the nurse typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from vpdischarge.domain.issues import Issue
from vpdischarge.i18n import _

# Dark enough for 4.5:1 contrast on a light background; the ✖ / ⚠ marks carry the meaning for
# people who do not see the colour.
ERROR_STYLE = "color: #a4001d;"
WARNING_STYLE = "color: #7a4f00;"


def sentence(message: str) -> str:
    """Engine messages continue a field name ("is in the future"); under the field they read
    as a sentence of their own."""
    return message[:1].upper() + message[1:] if message else message


class ProblemLabel(QLabel):
    """The line under a field that says what is wrong; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # Messages can quote what the nurse typed: never interpret them as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_issues(self, issues: list[Issue]) -> None:
        if not issues:
            self.clear()
            self.hide()
            return
        lines = []
        for issue in issues:
            mark = "✖" if issue.severity == "error" else "⚠"
            lines.append(f"{mark} {sentence(issue.message)}")
        worst = "error" if any(i.severity == "error" for i in issues) else "warning"
        self.setStyleSheet(ERROR_STYLE if worst == "error" else WARNING_STYLE)
        self.setText("\n".join(lines))
        self.show()


@dataclass
class FieldSlot:
    """One case field on screen: the widgets that edit it, its visible label text and the label
    that shows its problems."""

    name: str
    label: str
    widgets: list[QWidget]
    problems: ProblemLabel
    hints: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hints = {id(w): w.toolTip() for w in self.widgets}

    def show_issues(self, issues: list[Issue]) -> None:
        self.problems.show_issues(issues)
        text = "\n".join(sentence(i.message) for i in issues)
        for widget in self.widgets:
            hint = self.hints.get(id(widget), "")
            widget.setToolTip("\n".join(t for t in (text, hint) if t))
            widget.setAccessibleDescription(text or hint)
            # A dynamic property lets the style sheet or a test see the state.
            widget.setProperty("problem", "error" if any(i.severity == "error" for i in issues) else "")


def plain(label_text: str) -> str:
    """A label's text without its mnemonic marker, for accessible names and messages."""
    # "(&N)" is how languages without Latin letters carry the accelerator: drop it whole.
    text = re.sub(r"\s*\(&[^&]\)", "", label_text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":：")


def not_set_text() -> str:
    return _("not set")
