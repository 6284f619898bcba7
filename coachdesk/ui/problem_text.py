"""Text that says something went wrong, in the palette's red, wherever a form or a check refuses input."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from coachdesk.errors import CoachDeskError, ValidationError
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


class FieldProblems:
    """A form's refusals, each beside the field it is about (or above the form), with the cursor taken there."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, field: str, label: QLabel, widget: QWidget) -> None:
        self.labels[field] = label
        self.widgets[field] = widget

    def show(self, error: CoachDeskError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        show_problem(self.labels.get(field or "", self.general), error.message)
        widget = self.widgets.get(field or "")
        if widget is not None:
            widget.setFocus()

    def clear(self) -> None:
        for label in (self.general, *self.labels.values()):
            label.clear()
            label.hide()
