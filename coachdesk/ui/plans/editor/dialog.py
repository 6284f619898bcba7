"""The plan editor: a person's development plan with its goals, the steps toward each, and what is in the way.

Saving an existing plan is a revision: the editor asks why, in a few words, and the service keeps the plan as it
was. A refused save leaves everything typed where it was, with the problem beside the field to fix.
"""

from __future__ import annotations

from copy import deepcopy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import ValidationError
from coachdesk.models import PlanStatus
from coachdesk.services.plans import PlanDraft, PlanView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.plans.editor.barriers_box import BarriersBox
from coachdesk.ui.plans.editor.editor_data import EditedBarrier, EditedGoal, PlanEditorData, plan_editor_data
from coachdesk.ui.plans.editor.goal_form import GoalForm, buddy
from coachdesk.ui.plans.editor.optional_date import OptionalDateField
from coachdesk.ui.plans.editor.record_list import RecordList
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.widgets import column, muted

PLAN_STATUS_WORDS = {
    PlanStatus.DRAFT: "Draft",
    PlanStatus.ACTIVE: "Active",
    PlanStatus.COMPLETED: "Completed",
    PlanStatus.CLOSED: "Closed",
}
NEEDS_LINES = 2


class PlanEditor(QDialog):
    saved = Signal(object)
    """The plan as saved (a PlanView)."""

    def __init__(self, context: UiContext, person_id: str, plan_id: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.person_id = person_id
        self.plan_id = plan_id
        self._data: PlanEditorData | None = None
        self._as_loaded: object = None
        self.setWindowTitle(("Revise plan" if plan_id else "New plan") + " — CoachDesk")
        self.setAccessibleName("Development plan")
        self.resize(980, 820)
        self._build()
        services = context.services
        context.load(self, lambda: plan_editor_data(services, person_id, plan_id), self._fill)

    # Building the form -----------------------------------------------------

    def _build(self) -> None:
        self.general_problem = problem_label("Problem")
        self.problems = FieldProblems(self.general_problem)
        self.intro = muted("Loading…")
        self.intro.setAccessibleName("Whose plan")
        self.title = QLineEdit()
        self.title.setAccessibleName("Plan title")
        self.title.setPlaceholderText("e.g. Ready for the escalations desk")
        self.status = QComboBox()
        self.status.setAccessibleName("Plan status")
        for status, words in PLAN_STATUS_WORDS.items():
            self.status.addItem(words, status)
        self.status.setCurrentIndex(self.status.findData(PlanStatus.ACTIVE))
        self.review = OptionalDateField("Review on", "No review date")
        self.needs = QPlainTextEdit()
        self.needs.setAccessibleName("Training needs")
        self.needs.setTabChangesFocus(True)
        self.needs.setPlaceholderText("Courses, shadowing or coaching the person needs")
        self.needs.setFixedHeight(self.needs.fontMetrics().lineSpacing() * NEEDS_LINES + 16)
        self.title_problem = problem_label("Plan title problem")
        self.problems.add("title", self.title_problem, self.title)

        self.goal_list = QListWidget()
        self.goal_list.setAccessibleName("Goals")
        self.goal_list.setWordWrap(True)
        self.goal_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_goal_button = QPushButton("&Add goal")
        self.add_goal_button.clicked.connect(self.add_goal)
        self.remove_goal_button = QPushButton("Remove goal")
        self.remove_goal_button.clicked.connect(self.remove_goal)
        self.goal_form = GoalForm(self.problems)
        self.goal_records = RecordList(self.goal_list, EditedGoal, self.goal_form.store, self._load_goal, "(new goal)")
        self.goal_form.title.textEdited.connect(self.goal_records.rename_shown)
        self.no_goal = muted("A plan works toward goals. Press Add goal (Alt+A) to add the first.")
        self.barriers = BarriersBox(self.problems)
        self.goal_form.title.editingFinished.connect(self._offer_goals_to_barriers)

        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for this revision")
        self.reason.setPlaceholderText("A few words, e.g. Reached the first target early")
        self.reason_problem = problem_label("Reason problem")
        self.problems.add("reason", self.reason_problem, self.reason)
        self.reason_label = buddy("Reason for this re&vision", self.reason)

        self.save_button = QPushButton("Save plan")
        self.save_button.setToolTip("Save the plan (Ctrl+S)")
        self.save_button.setAccessibleName("Save plan")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.add_goal_button, self.remove_goal_button, self.save_button, self.cancel_button):
            button.setAutoDefault(False)

        top = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.status)
        when.addSpacing(12)
        when.addWidget(buddy("&Review on", self.review))
        when.addWidget(self.review)
        when.addStretch(1)
        when_row = QWidget()
        when.setContentsMargins(0, 0, 0, 0)
        when_row.setLayout(when)
        top.addRow(buddy("T&itle", self.title), column(self.title, self.title_problem, spacing=4))
        top.addRow(buddy("&Status", self.status), when_row)
        top.addRow(buddy("Training &needs", self.needs), self.needs)

        goal_buttons = QHBoxLayout()
        goal_buttons.addWidget(self.add_goal_button)
        goal_buttons.addWidget(self.remove_goal_button)
        goals_side = QVBoxLayout()
        goals_side.addWidget(buddy("Goa&ls", self.goal_list))
        goals_side.addWidget(self.goal_list, 1)
        goals_side.addLayout(goal_buttons)
        goals_box = QGroupBox("Goals and the steps toward each")
        goals_layout = QHBoxLayout(goals_box)
        goals_layout.addLayout(goals_side, 1)
        goals_layout.addWidget(column(self.goal_form, self.no_goal, spacing=0), 3)
        barriers_box = QGroupBox("Barriers, and who removes them")
        QVBoxLayout(barriers_box).addWidget(self.barriers)

        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(column(self.reason, self.reason_problem, spacing=4), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.general_problem)
        layout.addLayout(top)
        layout.addWidget(goals_box, 3)
        layout.addWidget(barriers_box, 1)
        layout.addLayout(reason_row)
        layout.addLayout(buttons)
        for widget in (self.reason, self.reason_label):
            widget.setVisible(self.plan_id is not None)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save)
        self._load_goal(None)

    # Filling it ------------------------------------------------------------

    def _fill(self, data: PlanEditorData) -> None:
        self._data = data
        self.goal_form.set_kpis(data.kpis)
        self.barriers.set_people(data.people)
        self.barriers.today = data.today
        draft = data.draft
        verb = "Revising the development plan of" if draft else "A new development plan for"
        self.intro.setText(f"{verb} {data.person_name}.")
        if draft is None:
            self.review.set_day(None, data.today)
        else:
            self.title.setText(draft.title)
            self.status.setCurrentIndex(max(self.status.findData(draft.status), 0))
            self.review.set_day(draft.review_on, data.today)
            self.needs.setPlainText(draft.training_needs)
            goals = [EditedGoal.of(goal) for goal in draft.goals]
            self.goal_records.set_records(goals, [goal.title for goal in goals])
            barriers = [
                EditedBarrier(
                    b.text,
                    goals[b.goal_index] if b.goal_index is not None else None,
                    b.owner_id,
                    b.removed_on,
                    b.id,
                )
                for b in draft.barriers
            ]
            self.barriers.set_barriers(barriers, goals)
        self.save_button.setEnabled(True)
        self._as_loaded = self._typed()
        self.title.setFocus()

    # Goals -----------------------------------------------------------------

    @property
    def goals(self) -> list[EditedGoal]:
        return self.goal_records.records

    def add_goal(self) -> None:
        self.goal_records.add()
        self._offer_goals_to_barriers()
        self.goal_form.title.setFocus()

    def remove_goal(self) -> None:
        self.goal_records.remove_shown()
        self._offer_goals_to_barriers()

    def _load_goal(self, goal: EditedGoal | None) -> None:
        self.goal_form.setVisible(goal is not None)
        self.no_goal.setVisible(goal is None)
        self.remove_goal_button.setEnabled(goal is not None)
        if goal is not None:
            self.goal_form.load(goal, self._data.today if self._data else self.barriers.today)

    def _offer_goals_to_barriers(self) -> None:
        self.goal_records.store()
        self.barriers.set_goals(self.goals)

    # Closing ---------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Cancel: asks before throwing away anything typed since the plan was opened."""
        if self._data is not None and self._typed() != self._as_loaded and not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Discard changes? — CoachDesk",
            "Close the plan without saving what you changed?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _typed(self) -> object:
        """Everything the form holds, as a value to compare: goals and barriers copied together, so the barriers'
        goals stay the copied goals."""
        self.goal_records.store()
        self.barriers.store()
        fields = (self.title.text(), self.status.currentData(), self.review.day(), self.needs.toPlainText())
        return deepcopy((fields, self.goals, self.barriers.barriers, self.reason.text()))

    # Saving ----------------------------------------------------------------

    def plan_draft(self) -> PlanDraft:
        """What the form holds, as the service takes it; a goal that cannot be read is shown to be fixed."""
        self.goal_records.store()
        self.barriers.store()
        goals = []
        for index, goal in enumerate(self.goals):
            try:
                goals.append(goal.draft())
            except ValidationError:
                self.goal_list.setCurrentRow(index)
                raise
        return PlanDraft(
            title=self.title.text(),
            goals=tuple(goals),
            training_needs=self.needs.toPlainText(),
            status=self.status.currentData(),
            review_on=self.review.day(),
            barriers=tuple(b.draft(self.goals) for b in self.barriers.barriers),
        )

    def save(self) -> None:
        if self._data is None or not self.save_button.isEnabled():
            return
        self.problems.clear()
        try:
            if not self.title.text().strip():
                raise ValidationError("A plan needs a title, e.g. Ready for the escalations desk.", "title")
            draft = self.plan_draft()
            reason = self.reason.text().strip()
            if self.plan_id is not None and not reason:
                raise ValidationError("Say in a few words why the plan is being revised.", "reason")
        except ValidationError as error:
            self.problems.show(error)
            return
        plans, person_id, plan_id = self.context.services.plans, self.person_id, self.plan_id
        self.save_button.setEnabled(False)
        self.context.notices.saving.emit()
        if plan_id is None:
            self.context.tasks.submit(lambda: plans.create_plan(person_id, draft), self._saved, self._refused)
        else:
            self.context.tasks.submit(lambda: plans.revise_plan(plan_id, draft, reason), self._saved, self._refused)

    def _saved(self, plan: PlanView) -> None:
        self.context.notices.announce(Topic.PLANS)
        verb = "revised" if self.plan_id else "saved"
        self.context.navigator.show_saved(f"{plan.person_name}'s plan “{plan.title}” {verb}.")
        self.saved.emit(plan)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        """Everything typed stays; a plain refusal goes beside its field, anything else is reported."""
        self.context.notices.failed.emit()
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.problems.show(error)
        else:
            self.context.errors.show(self, error)
