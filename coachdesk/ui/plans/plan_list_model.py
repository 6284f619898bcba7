"""Active development plans as a tree: each plan with its goals beneath it, the step each is on and when it is due."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from coachdesk.models import GoalStatus
from coachdesk.services.plans import DEFAULT_STALL_WEEKS, GoalView, PlanView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import day_text, plural
from coachdesk.ui.plans.plan_words import goal_progress_words, next_step_words, progress_words, step_words
from coachdesk.ui.team.word_filter import FILTER_ROLE, SORT_ROLE
from coachdesk.ui.widgets import status_colour

PERSON_ROLE = Qt.ItemDataRole.UserRole + 3
PLAN_ROLE = Qt.ItemDataRole.UserRole + 4
GOAL_ROLE = Qt.ItemDataRole.UserRole + 5
"""On a goal's row: the goal's id, for advancing it; a plan's row holds None."""
NO_DATE_SORT = 10**7
"""Where a goal with no due date sorts: after every dated one."""
GOAL_WORDS = {
    GoalStatus.OPEN: "Open",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.MISSED: "Missed",
    GoalStatus.DROPPED: "Dropped",
}


class Column(enum.IntEnum):
    PERSON = 0
    TITLE = enum.auto()
    PROGRESS = enum.auto()
    STEP = enum.auto()
    DUE = enum.auto()
    STATUS = enum.auto()


HEADERS = {
    Column.PERSON: ("Person", "Whose plan it is."),
    Column.TITLE: ("Plan and goals", "The plan's title, with its goals beneath it."),
    Column.PROGRESS: ("Progress", "Steps done of all the steps toward the goals."),
    Column.STEP: ("Current step", "The step the person is on: the first one not yet done; red when it has stalled."),
    Column.DUE: ("Due", "When each goal is due; a plan shows its earliest open goal."),
    Column.STATUS: ("Status", "When the plan is next reviewed, stalled steps, and where each goal stands."),
}


class PlanListModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self.stall_weeks = DEFAULT_STALL_WEEKS
        for column, (title, tooltip) in HEADERS.items():
            header = QStandardItem(title)
            header.setToolTip(tooltip)
            self.setHorizontalHeaderItem(column, header)

    def set_plans(self, plans: Sequence[PlanView], today: date, stall_weeks: int = DEFAULT_STALL_WEEKS) -> None:
        """Replaces the rows but keeps the columns, so the view keeps the widths the person gave them."""
        self.removeRows(0, self.rowCount())
        self.stall_weeks = stall_weeks
        for plan in plans:
            row = self._plan_row(plan, today)
            for goal in plan.goals:
                row[0].appendRow(self._goal_row(plan, goal, today))
            self.appendRow(row)

    def _plan_row(self, plan: PlanView, today: date) -> list[QStandardItem]:
        open_dates = [g.due_on for g in plan.goals if g.due_on and g.status is GoalStatus.OPEN]
        due = min(open_dates) if open_dates else None
        review_late = plan.review_on is not None and plan.review_on < today
        if plan.review_on is not None:
            status = f"Review {'late, ' if review_late else ''}{day_text(plan.review_on, today)}"
        else:
            status = f"Active since {day_text(plan.started_on, today)}" if plan.started_on else "Active"
        stalled = sum(1 for g in plan.goals if g.stalled_weeks(today, self.stall_weeks) is not None)
        if stalled:
            status += f" · {plural(stalled, 'stalled step')}"
        step = next_step_words(plan)
        row = [
            cell(plan.person_name, plan.person_name.casefold()),
            cell(plan.title, plan.title.casefold()),
            cell(progress_words(plan), sum(g.steps_done for g in plan.goals)),
            cell(step, step.casefold()),
            cell(day_text(due, today) if due else "", due.toordinal() if due else NO_DATE_SORT),
            cell(status, plan.review_on.toordinal() if plan.review_on else NO_DATE_SORT),
        ]
        bold = QFont()
        bold.setBold(True)
        for item in row[:2]:
            item.setFont(bold)
        row[0].setData(f"{plan.person_name} {plan.title}", FILTER_ROLE)
        needs = f"\nTraining needs: {plan.training_needs}" if plan.training_needs else ""
        row[Column.TITLE].setToolTip(plan.title + needs)
        row[Column.STEP].setToolTip(step)
        if review_late or stalled:
            late(row[Column.STATUS])
        return mark(row, plan)

    def _goal_row(self, plan: PlanView, goal: GoalView, today: date) -> list[QStandardItem]:
        past_due = goal.is_due(today, within_days=-1)
        status = "Overdue" if past_due else "Due soon" if goal.is_due(today) else GOAL_WORDS[goal.status]
        stalled = goal.stalled_weeks(today, self.stall_weeks)
        step = step_words(goal) + (f" — stalled {plural(stalled, 'week')}" if stalled is not None else "")
        row = [
            cell("", plan.person_name.casefold()),
            cell(goal.title, goal.title.casefold()),
            cell(goal_progress_words(goal), goal.steps_done),
            cell(step, step.casefold()),
            cell(day_text(goal.due_on, today) if goal.due_on else "no due date", goal_sort(goal)),
            cell(status, status),
        ]
        row[0].setData(f"{goal.title} {step}", FILTER_ROLE)
        current = goal.current_step
        step_due = f" (due {day_text(current.due_on, today)})" if current and current.due_on else ""
        row[Column.STEP].setToolTip(step + step_due)
        measured = f"\nMeasured by {goal.kpi_name}" if goal.kpi_name else ""
        row[Column.TITLE].setToolTip(goal.title + measured)
        if past_due:
            late(row[Column.DUE])
            late(row[Column.STATUS])
        if current is None:
            quiet(row[Column.STEP])
        if stalled is not None:
            late(row[Column.STEP])
        for item in row:
            item.setData(goal.id, GOAL_ROLE)
        return mark(row, plan)


def cell(text: str, sort_value: int | str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(sort_value, SORT_ROLE)
    return item


def mark(row: list[QStandardItem], plan: PlanView) -> list[QStandardItem]:
    """Every cell knows whose plan it belongs to, so Enter anywhere on a row opens that plan."""
    for item in row:
        item.setData(plan.person_id, PERSON_ROLE)
        item.setData(plan.id, PLAN_ROLE)
    return row


def goal_sort(goal: GoalView) -> int:
    return goal.due_on.toordinal() if goal.due_on else NO_DATE_SORT


def late(item: QStandardItem) -> None:
    item.setForeground(QBrush(status_colour(CoachingStatus.OVERDUE, QGuiApplication.palette())))


def quiet(item: QStandardItem) -> None:
    item.setForeground(QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)))
