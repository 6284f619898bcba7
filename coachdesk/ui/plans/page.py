"""The Plans screen: every active development plan, the step each goal is on, what has stalled and what is due.

A list to find a plan and act on it: open it on the person's page, edit it, or move a goal to its next step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
)

from coachdesk.services import Services
from coachdesk.services.plans import PlanView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.page import Page
from coachdesk.ui.plans.editor.dialog import PlanEditor
from coachdesk.ui.plans.plan_list_model import GOAL_ROLE, PERSON_ROLE, PLAN_ROLE, Column, PlanListModel
from coachdesk.ui.team.word_filter import WordFilterProxy
from coachdesk.ui.widgets import heading, muted

NO_PLANS = (
    "No active development plans yet. When you agree a plan with someone, it is listed here with the step "
    "each of its goals is on."
)
COLUMN_WIDTHS = {Column.PERSON: 150, Column.PROGRESS: 150, Column.DUE: 105, Column.STATUS: 210}
"""The columns of short values; the plan and goal titles and the current step share the rest of the width."""


@dataclass(frozen=True)
class PlansData:
    plans: list[PlanView]
    today: date
    stall_weeks: int

    def attention_words(self) -> str:
        """What needs a word with someone: stalled steps, overdue goals, goals due within the fortnight."""
        goals = [g for plan in self.plans for g in plan.goals]
        stalled = sum(1 for g in goals if g.stalled_weeks(self.today, self.stall_weeks) is not None)
        overdue = sum(1 for g in goals if g.is_due(self.today, within_days=-1))
        due = sum(1 for g in goals if g.is_due(self.today)) - overdue
        parts = [
            plural(stalled, "stalled step") + f" (no movement for {self.stall_weeks}+ weeks)" if stalled else "",
            f"{plural(overdue, 'goal')} overdue" if overdue else "",
            f"{plural(due, 'goal')} due within two weeks" if due else "",
        ]
        return " · ".join(p for p in parts if p) or "Nothing stalled or due."


def plans_data(services: Services) -> PlansData:
    return PlansData(services.plans.active_plans(), services.plans.today(), services.plans.stall_weeks())


class PlansPage(Page):
    key = "plans"
    title = "Plans"
    topics = frozenset({Topic.PLANS, Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.model = PlanListModel(self)
        self.proxy = WordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit()
        self.filter_box.setAccessibleName("Filter plans")
        self.filter_box.setPlaceholderText("Filter by person, plan, goal or step (Ctrl+L)")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_typed)
        self.filter_box.returnPressed.connect(self._go_to_list)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Active plans")
        self.tree.setToolTip("Enter or double-click opens the plan on the person's page.")
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(Column.PERSON, Qt.SortOrder.AscendingOrder)
        self.tree.activated.connect(self._open)
        self.tree.selectionModel().currentChanged.connect(lambda _current, _previous: self._enable())
        self.editor: PlanEditor | None = None
        self.open_button = QPushButton("&Open plan")
        self.open_button.setToolTip("Open the plan on the person's page (Enter)")
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentIndex()))
        self.edit_button = QPushButton("&Edit plan…")
        self.edit_button.clicked.connect(self.edit_plan)
        self.next_button = QPushButton("Ne&xt step")
        self.next_button.setToolTip("Mark the chosen goal's current step done and start the next (Alt+X)")
        self.next_button.clicked.connect(self.advance)
        self.attention = muted("")
        self.attention.setAccessibleName("Needs attention")
        actions = QHBoxLayout()
        actions.addWidget(self.attention, 1)
        for button in (self.open_button, self.edit_button, self.next_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        for column in (Column.TITLE, Column.STEP):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = muted(NO_PLANS)
        self.empty.setAccessibleName("No plans")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body = QStackedWidget()
        self.body.addWidget(self.tree)
        self.body.addWidget(self.empty)
        self.count = muted("")
        self.count.setAccessibleName("Plans shown")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 12)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.filter_box)
        layout.addLayout(actions)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.count)
        shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.focus_filter)

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: plans_data(services), self._show)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_filter()

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def _show(self, data: PlansData) -> None:
        kept = self._current(PLAN_ROLE), self._current(GOAL_ROLE)
        self.model.set_plans(data.plans, data.today, data.stall_weeks)
        self.tree.expandAll()
        self.body.setCurrentWidget(self.tree if data.plans else self.empty)
        self.count.setVisible(bool(data.plans))
        self.attention.setText(data.attention_words() if data.plans else "")
        self._update_count()
        self._select(*kept)
        self._enable()

    def edit_plan(self) -> None:
        person_id, plan_id = self._current(PERSON_ROLE), self._current(PLAN_ROLE)
        if person_id is None or plan_id is None:
            return
        self.editor = PlanEditor(self.context, person_id, plan_id)
        self.editor.setParent(self.window(), Qt.WindowType.Dialog)
        self.editor.open()

    def advance(self) -> None:
        goal_id = self._current(GOAL_ROLE)
        if goal_id is None:
            return
        plans = self.context.services.plans
        self.context.change(self, lambda: plans.advance(goal_id), self._advanced, Topic.PLANS)

    def _advanced(self, plan: PlanView) -> None:
        self.context.navigator.show_saved(f"{plan.person_name} moved to the next step of “{plan.title}”.")

    def _current(self, role: int) -> str | None:
        value = self.tree.currentIndex().data(role)
        return value if isinstance(value, str) else None

    def _select(self, plan_id: str | None, goal_id: str | None) -> None:
        """Puts the cursor back on the plan or goal it was on before the list was reloaded."""
        if plan_id is None:
            return
        for row in range(self.proxy.rowCount()):
            plan = self.proxy.index(row, 0)
            if plan.data(PLAN_ROLE) != plan_id:
                continue
            goals = (self.proxy.index(i, 0, plan) for i in range(self.proxy.rowCount(plan)))
            self.tree.setCurrentIndex(next((g for g in goals if g.data(GOAL_ROLE) == goal_id), plan))
            return

    def _enable(self) -> None:
        chosen = self._current(PLAN_ROLE) is not None
        self.open_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)
        self.next_button.setEnabled(self._current(GOAL_ROLE) is not None)

    def _filter_typed(self, text: str) -> None:
        self.proxy.set_words(text)
        self.tree.expandAll()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total and not shown:
            self.count.setText("No plan matches this filter.")
            return
        plans = "1 active plan" if shown == 1 else f"{shown} active plans"
        self.count.setText(plans + (f" of {total}" if shown != total else "") + ". Enter opens the plan.")

    def _go_to_list(self) -> None:
        if self.proxy.rowCount():
            self.tree.setFocus()
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ROLE)
        if isinstance(person_id, str):
            self.context.navigator.open_plan(person_id)
