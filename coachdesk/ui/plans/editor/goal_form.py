"""One goal of the plan: what it is, the KPI it moves from a baseline to a target by a date, and its steps."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.models import GoalStatus
from coachdesk.ui.plans.editor.editor_data import Choice, EditedGoal
from coachdesk.ui.plans.editor.optional_date import OptionalDateField
from coachdesk.ui.plans.editor.steps_list import StepsList
from coachdesk.ui.plans.plan_list_model import GOAL_WORDS
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.widgets import column

NOTES_LINES = 2


class GoalForm(QWidget):
    def __init__(self, problems: FieldProblems) -> None:
        super().__init__()
        self.title = QLineEdit()
        self.title.setAccessibleName("Goal")
        self.title.setPlaceholderText("What the person will be able to do, e.g. Adherence at 85 %")
        self.kpi = QComboBox()
        self.kpi.setAccessibleName("KPI it moves")
        self.kpi.addItem("No KPI", None)
        self.baseline = QLineEdit()
        self.baseline.setAccessibleName("Baseline")
        self.baseline.setPlaceholderText("where they are now")
        self.target = QLineEdit()
        self.target.setAccessibleName("Target")
        self.target.setPlaceholderText("where they aim to be")
        self.due = OptionalDateField("Goal due", "No due date")
        self.status = QComboBox()
        self.status.setAccessibleName("Goal status")
        for status in GoalStatus:
            self.status.addItem(GOAL_WORDS[status], status)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Goal notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * NOTES_LINES + 16)
        self.steps = StepsList()
        self.step_due = OptionalDateField("Step due", "No due date")
        self.step_due.dateChanged.connect(lambda _day: self.steps.set_current_due(self.step_due.day()))
        self.steps.currentRowChanged.connect(self._show_step_due)
        self.new_step = QLineEdit()
        self.new_step.setAccessibleName("New step")
        self.new_step.setPlaceholderText("Type a step and press Enter to add it to the stairway")
        self.new_step.returnPressed.connect(self._add_typed_step)
        self.add_step = QPushButton("Add")
        self.add_step.setToolTip("Add the step typed to the end of the stairway (Enter)")
        self.add_step.clicked.connect(self._add_typed_step)
        self.remove_step = QPushButton("Remove step")
        self.remove_step.clicked.connect(self.steps.remove_current)
        self.up = QPushButton("Move up")
        self.up.setToolTip("Move the step up (Ctrl+↑)")
        self.up.clicked.connect(lambda: self.steps.move_current(-1))
        self.down = QPushButton("Move down")
        self.down.setToolTip("Move the step down (Ctrl+↓)")
        self.down.clicked.connect(lambda: self.steps.move_current(1))
        for button in (self.add_step, self.remove_step, self.up, self.down):
            button.setAutoDefault(False)

        self.title_problem = problem_label("Goal problem")
        self.numbers_problem = problem_label("Baseline or target problem")
        self.steps_problem = problem_label("Steps problem")
        problems.add("goal_title", self.title_problem, self.title)
        problems.add("goals", self.title_problem, self.title)
        problems.add("baseline_value", self.numbers_problem, self.baseline)
        problems.add("target_value", self.numbers_problem, self.target)
        problems.add("steps", self.steps_problem, self.steps)

        measure = QHBoxLayout()
        measure.setContentsMargins(0, 0, 0, 0)
        for label, widget in (("&KPI", self.kpi), ("&Baseline", self.baseline), ("&Target", self.target)):
            measure.addWidget(buddy(label, widget))
            measure.addWidget(widget, 1)
        when = QHBoxLayout()
        when.addWidget(self.due)
        when.addWidget(buddy("Goal stat&us", self.status))
        when.addWidget(self.status)
        when.addStretch(1)
        step_buttons = QHBoxLayout()
        for button in (self.remove_step, self.up, self.down):
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)
        step_buttons.addWidget(buddy("Step due", self.step_due))
        step_buttons.addWidget(self.step_due)

        form = QFormLayout()
        form.addRow(buddy("&Goal", self.title), column_of(self.title, self.title_problem))
        form.addRow("Measured by", column_of(row_of(measure), self.numbers_problem))
        form.addRow(buddy("Goal &due", self.due), row_of(when))
        form.addRow(buddy("N&otes", self.notes), self.notes)
        new_step = QHBoxLayout()
        new_step.addWidget(self.new_step, 1)
        new_step.addWidget(self.add_step)
        form.addRow(buddy("Ste&ps", self.steps), column_of(self.steps, self.steps_problem, row_of(step_buttons)))
        form.addRow(buddy("New st&ep", self.new_step), row_of(new_step))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)

    def set_kpis(self, kpis: list[Choice]) -> None:
        for kpi_id, name in kpis:
            self.kpi.addItem(name, kpi_id)

    def load(self, goal: EditedGoal, today: date) -> None:
        self.title.setText(goal.title)
        self.kpi.setCurrentIndex(max(self.kpi.findData(goal.kpi_id), 0))
        self.baseline.setText(goal.baseline)
        self.target.setText(goal.target)
        self.due.set_day(goal.due_on, today)
        self.status.setCurrentIndex(max(self.status.findData(goal.status), 0))
        self.notes.setPlainText(goal.notes)
        self.new_step.clear()
        self.steps.today = today
        self.steps.set_steps(goal.steps)
        self._show_step_due()

    def store(self, goal: EditedGoal) -> None:
        """Writes what the form shows into `goal`, exactly as typed."""
        goal.title = self.title.text()
        goal.kpi_id = self.kpi.currentData()
        goal.baseline = self.baseline.text()
        goal.target = self.target.text()
        goal.due_on = self.due.day()
        goal.status = self.status.currentData()
        goal.notes = self.notes.toPlainText()
        goal.steps = self.steps.steps()

    def _add_typed_step(self) -> None:
        if self.new_step.text().strip():
            self.steps.add_step(self.new_step.text())
            self.new_step.clear()

    def _show_step_due(self) -> None:
        self.step_due.blockSignals(True)
        self.step_due.set_day(self.steps.current_due(), self.steps.today)
        self.step_due.blockSignals(False)
        self.step_due.setEnabled(self.steps.currentItem() is not None)


def buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def row_of(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder


def column_of(*widgets: QWidget) -> QWidget:
    return column(*widgets, spacing=4)
