"""The Plans screen: every active development plan, the step each goal is on, and what is due or due for review.

A list to find a plan and open its person; the plans themselves are written and revised with the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QStackedWidget, QTreeView, QVBoxLayout

from coachdesk.services import Services
from coachdesk.services.plans import PlanView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.page import Page
from coachdesk.ui.plans.plan_list_model import PERSON_ROLE, Column, PlanListModel
from coachdesk.ui.team.word_filter import WordFilterProxy
from coachdesk.ui.widgets import heading, muted

NO_PLANS = (
    "No active development plans yet. When you agree a plan with someone, it is listed here with the step "
    "each of its goals is on."
)
COLUMN_WIDTHS = {Column.PERSON: 150, Column.PROGRESS: 150, Column.DUE: 105, Column.STATUS: 160}
"""The columns of short values; the plan and goal titles and the current step share the rest of the width."""


@dataclass(frozen=True)
class PlansData:
    plans: list[PlanView]
    today: date


def plans_data(services: Services) -> PlansData:
    return PlansData(services.plans.active_plans(), services.plans.today())


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
        self.tree.setToolTip("Enter or double-click opens the person.")
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(Column.PERSON, Qt.SortOrder.AscendingOrder)
        self.tree.activated.connect(self._open)
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
        self.model.set_plans(data.plans, data.today)
        self.tree.expandAll()
        self.body.setCurrentWidget(self.tree if data.plans else self.empty)
        self.count.setVisible(bool(data.plans))
        self._update_count()

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
        self.count.setText(plans + (f" of {total}" if shown != total else "") + ". Enter opens the person.")

    def _go_to_list(self) -> None:
        if self.proxy.rowCount():
            self.tree.setFocus()
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ROLE)
        if isinstance(person_id, str):
            self.context.navigator.open_agent(person_id)
