"""Text that says something went wrong, in the palette's red, wherever a form or a check refuses input."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.widgets import status_colour


def problem_label(name: str) -> QLabel:
    """A hidden, wrapping label for a refusal; `show_problem` fills and shows it."""
    label = QLabel("")
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.hide()
    return label


def show_problem(label: QLabel, text: str) -> None:
    set_problem_colour(label, on=True)
    label.setText(text)
    label.show()


def set_problem_colour(label: QLabel, *, on: bool) -> None:
    colour = status_colour(CoachingStatus.OVERDUE, label.palette()).name()
    label.setStyleSheet(f"QLabel {{ color: {colour}; }}" if on else "")
