"""The agent page's Plan tab: the person's plan as a stairway per goal, its evidence, and moving to the next step.

Each load carries the person it was asked for, so a late answer about someone else is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services import Services
from coachdesk.services.plans import EvidenceView, GoalView, PlanView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import day_text
from coachdesk.ui.page import EmptyOrContent
from coachdesk.ui.plans.editor.dialog import PlanEditor
from coachdesk.ui.plans.history_dialog import PlanHistoryDialog
from coachdesk.ui.plans.plan_words import goal_progress_words
from coachdesk.ui.plans.stairway_html import ENTRY_LINK, StairwayPage
from coachdesk.ui.widgets import muted

GOAL_ROLE = Qt.ItemDataRole.UserRole + 1
GOALS_HEIGHT = 130
"""Room for three goals above the stairway; the splitter gives more to whoever needs it."""


@dataclass(frozen=True)
class PlanTabData:
    person_id: str
    first_name: str
    today: date
    stall_weeks: int
    plan: PlanView | None
    evidence: dict[str, list[EvidenceView]] = field(default_factory=dict)


def plan_tab_data(services: Services, person_id: str) -> PlanTabData:
    plan = services.plans.active_plan_for(person_id)
    evidence = {g.id: services.plans.evidence(g.id) for g in plan.goals} if plan else {}
    first = services.people.get(person_id).full_name.split()[0]
    return PlanTabData(person_id, first, services.plans.today(), services.plans.stall_weeks(), plan, evidence)


class PlanTab(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.person_id: str | None = None
        self.data: PlanTabData | None = None
        self.dialog: PlanEditor | PlanHistoryDialog | None = None
        self.summary = muted("")
        self.summary.setAccessibleName("Plan")
        self.next_step = QPushButton("Ne&xt step")
        self.next_step.setToolTip("Mark the step the person is on as done and start the next (Alt+X)")
        self.next_step.clicked.connect(self.advance)
        self.edit = QPushButton("E&dit plan…")
        self.edit.clicked.connect(self.edit_plan)
        self.history = QPushButton("&History…")
        self.history.setToolTip("Every revision of the plan: when, by whom, why and what changed")
        self.history.clicked.connect(self.show_history)
        self.start = QPushButton("S&tart a plan…")
        self.start.clicked.connect(self.new_plan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.next_step, self.edit, self.history, self.start):
            button.setAutoDefault(False)
            buttons.addWidget(button)

        self.goals = QListWidget()
        self.goals.setAccessibleName("Goals")
        self.goals.currentRowChanged.connect(lambda _row: self._show_goal())
        goals_label = QLabel("&Goals")
        goals_label.setBuddy(self.goals)
        self.page = QTextBrowser()
        self.page.setAccessibleName("Goal, steps and evidence")
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._open_link)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(goals_label)
        top_layout.addWidget(self.goals)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([GOALS_HEIGHT, 400])
        self.empty = muted("")
        self.empty.setAccessibleName("No plan")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body = EmptyOrContent(splitter, self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.body, 1)
        self._enable()

    def show_person(self, person_id: str) -> None:
        """Loads the person's plan; the agent page calls it on every refresh, so a change anywhere shows here."""
        if person_id != self.person_id:
            self.clear()
        self.person_id = person_id
        services = self.context.services
        self.context.load(self, lambda: plan_tab_data(services, person_id), self._show)

    def clear(self) -> None:
        self.person_id = None
        self.data = None
        self.goals.clear()
        self.page.clear()
        self.summary.setText("")
        self._enable()

    def selected_goal(self) -> GoalView | None:
        item = self.goals.currentItem()
        plan = self.data.plan if self.data else None
        goal_id = item.data(GOAL_ROLE) if item is not None else None
        return next((g for g in plan.goals if g.id == goal_id), None) if plan else None

    # Actions ---------------------------------------------------------------

    def advance(self) -> None:
        goal = self.selected_goal()
        if goal is None or goal.current_step is None:
            return
        plans, goal_id, step = self.context.services.plans, goal.id, goal.current_step.text
        self.context.change(
            self, lambda: plans.advance(goal_id), lambda plan: self._advanced(plan, goal_id, step), Topic.PLANS
        )

    def edit_plan(self) -> None:
        if self.data is not None and self.data.plan is not None:
            self._open(PlanEditor(self.context, self.data.person_id, self.data.plan.id))

    def new_plan(self) -> None:
        if self.data is not None:
            self._open(PlanEditor(self.context, self.data.person_id))

    def show_history(self) -> None:
        if self.data is not None and self.data.plan is not None:
            self._open(PlanHistoryDialog(self.context, self.data.plan.id, self.data.plan.title))

    def _open(self, dialog: PlanEditor | PlanHistoryDialog) -> None:
        self.dialog = dialog
        dialog.setParent(self.window(), Qt.WindowType.Dialog)
        dialog.open()

    def _advanced(self, plan: PlanView, goal_id: str, step: str) -> None:
        """Names the step now under way, or says the stairway is climbed, so nobody looks for a next step."""
        first = self.data.first_name if self.data else plan.person_name
        goal = next(g for g in plan.goals if g.id == goal_id)
        if goal.current_step is None:
            self.context.navigator.show_saved(f"“{step}” done: that was the last step of “{goal.title}”.")
        else:
            self.context.navigator.show_saved(f"“{step}” done: {first} is on to “{goal.current_step.text}”.")

    def _open_link(self, url: QUrl) -> None:
        link = url.toString()
        if link.startswith(ENTRY_LINK):
            self.context.navigator.open_entry(link.removeprefix(ENTRY_LINK))

    # What arrives from the worker --------------------------------------

    def _show(self, data: PlanTabData) -> None:
        if data.person_id != self.person_id:
            return
        wanted = self.selected_goal()
        self.data = data
        plan = data.plan
        self.body.show_empty(plan is None)
        self.goals.blockSignals(True)
        self.goals.clear()
        if plan is None:
            self.empty.setText(
                f"No development plan for {data.first_name} yet.\n\nPress Start a plan (Alt+T) to agree goals, "
                "the steps toward each, and what is in the way."
            )
        else:
            review = f" · review {day_text(plan.review_on, data.today)}" if plan.review_on else ""
            self.summary.setText(f"{plan.title}{review} · version {plan.revision}")
            for goal in plan.goals:
                self.goals.addItem(goal_item(goal, data))
        self.goals.blockSignals(False)
        if plan is not None and plan.goals:
            rows = [i for i, g in enumerate(plan.goals) if wanted is not None and g.id == wanted.id]
            self.goals.setCurrentRow(rows[0] if rows else 0)
        self._show_goal()

    def _show_goal(self) -> None:
        data = self.data
        if data is not None and data.plan is not None:
            goal = self.selected_goal()
            page = StairwayPage(self.page.palette(), data.today, data.stall_weeks)
            self.page.setHtml(page.html(data.plan, goal, data.evidence.get(goal.id, []) if goal else []))
        self._enable()

    def _enable(self) -> None:
        plan = self.data.plan if self.data else None
        goal = self.selected_goal()
        self.next_step.setEnabled(goal is not None and goal.current_step is not None)
        self.next_step.setVisible(plan is not None)
        self.edit.setVisible(plan is not None)
        self.history.setVisible(plan is not None)
        self.start.setVisible(self.data is not None and plan is None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._show_goal()


def goal_item(goal: GoalView, data: PlanTabData) -> QListWidgetItem:
    stalled = goal.stalled_weeks(data.today, data.stall_weeks)
    notes = [goal_progress_words(goal)]
    if stalled is not None:
        notes.append(f"stalled {stalled} weeks")
    if goal.is_due(data.today, within_days=-1):
        notes.append("overdue")
    item = QListWidgetItem(f"{goal.title}\n{' · '.join(notes)}")
    item.setData(GOAL_ROLE, goal.id)
    item.setToolTip(f"{goal.title}: {', '.join(notes)}")
    return item
