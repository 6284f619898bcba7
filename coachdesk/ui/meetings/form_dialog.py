"""A short form saved on the worker: a refusal keeps it open with the reason beside the field it is about.

The One-on-ones dialogs (a new series, a meeting's time, a cadence) differ only in their fields and the call
they make; this holds the rest: the rows with a place for a problem, Save by button, Enter or Ctrl+S, and what
happens after. Any screen's small form can build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import muted

Work = Callable[[], Any]
WIDTH = 460
"""Wide enough for a sentence of introduction in two lines; the intro's own minimum keeps its height right."""


class FormDialog(QDialog):
    """Subclasses add rows with `add_row`, and implement `work` (the service call) and `saved_message`."""

    saved = Signal(object)
    topics: tuple[str, ...] = (Topic.MEETINGS,)
    """What a save changes, so the screens showing it reload."""

    def __init__(self, context: UiContext, title: str, save_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(f"{title} — CoachDesk")
        self.setAccessibleName(title)
        self.setMinimumWidth(WIDTH)
        self.intro = muted("")
        self.intro.setAccessibleName("About this change")
        self.intro.setMinimumWidth(WIDTH - 40)
        self.intro.hide()
        self.problem = problem_label("Problem")
        self.form = QFormLayout()
        self.problems = FieldProblems(self.problem)
        self.errors = self.problems.labels
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.save_button.setAccessibleName(save_text.replace("&", ""))
        self.save_button.setToolTip(f"{save_text.replace('&', '')} (Enter or Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        context.notices.failed.connect(self._enable_save)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.problem)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setAccessibleName(text)
        self.intro.show()

    def add_row(self, label: str | QWidget, widget: QWidget, *fields: str, buddy: QWidget | None = None) -> None:
        """A row whose label's mnemonic focuses `buddy` (or `widget`); refusals of `fields` show beneath it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        words = label.replace("&", "").rstrip(":").lower() if isinstance(label, str) else fields[0]
        error = problem_label(f"Problem with {words}")
        column.addWidget(error)
        for field in fields:
            self.problems.add(field, error, buddy or widget)
        self.form.addRow(label, holder)
        shown = self.form.labelForField(holder)
        if isinstance(label, str) and isinstance(shown, QLabel):
            shown.setBuddy(buddy or widget)

    def work(self) -> Work | None:
        """The service call for what the form holds, read now on the GUI thread; None when the form says why not."""
        raise NotImplementedError

    def saved_message(self, result: Any) -> str:
        raise NotImplementedError

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.clear_problems()
        work = self.work()
        if work is None:
            return
        self.save_button.setEnabled(False)
        self.context.change(self, catching(work), self._done, *self.topics)

    def refuse(self, field: str, message: str) -> None:
        """Shows a problem the form found itself, as the service's own refusals are shown."""
        self.show_problem(ValidationError(message, field))

    def show_problem(self, error: CoachDeskError) -> None:
        self.problems.show(error)

    def clear_problems(self) -> None:
        self.problems.clear()

    def _done(self, result: Any) -> None:
        self._enable_save()
        if isinstance(result, CoachDeskError):
            self.show_problem(result)
            return
        self.context.navigator.show_saved(self.saved_message(result))
        self.saved.emit(result)
        self.accept()

    def _enable_save(self) -> None:
        self.save_button.setEnabled(True)
