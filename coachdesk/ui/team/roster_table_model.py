"""The roster as a table model: one row per person, their coaching figures, their commitments and their plan.

A manager's own coaching is not tracked, so their coaching cells show a dash; what their people add up to is in the
tooltip of their name, never mixed into a column that holds one person's figures.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from coachdesk.services.roster_view import RosterLine
from coachdesk.services.tracker import AgentTracker, CoachingStatus, ManagerRollup
from coachdesk.ui.formatting import day_text
from coachdesk.ui.plans.plan_words import plan_words, progress_words
from coachdesk.ui.team.word_filter import FILTER_ROLE, SORT_ROLE
from coachdesk.ui.widgets import STATUS_WORDS, status_colour

ModelIndex = QModelIndex | QPersistentModelIndex
BLANK = "—"
NOT_TRACKED_SORT = -1_000_000
"""Where a person with no figure of their own sorts: after everyone when the most overdue come first."""


class Column(enum.IntEnum):
    NAME = 0
    TEAM = enum.auto()
    MANAGER = enum.auto()
    LAST_SESSION = enum.auto()
    DAYS_SINCE = enum.auto()
    SESSIONS_4W = enum.auto()
    OPEN = enum.auto()
    OVERDUE = enum.auto()
    PLAN = enum.auto()


HEADERS: dict[Column, tuple[str, str]] = {
    Column.NAME: ("Name", "Managers are in bold; their tooltip sums up the people below them."),
    Column.TEAM: ("Team", "The team the person belongs to."),
    Column.MANAGER: ("Reports to", "The person's manager."),
    Column.LAST_SESSION: ("Last session", "The last coaching session that counts toward the cadence."),
    Column.DAYS_SINCE: (
        "Days since",
        "Days since the last session, coloured by the person's target cadence: red overdue, amber due soon, "
        "green on track. It sorts by how far past due the next session is.",
    ),
    Column.SESSIONS_4W: ("Sessions", "Coaching sessions held in the last four weeks."),
    Column.OPEN: ("Open", "Open commitments in the person's coaching, whoever made them."),
    Column.OVERDUE: ("Overdue", "Open commitments past their due date."),
    Column.PLAN: ("Plan", "The active development plan and the step the person is on."),
}
NUMERIC = frozenset({Column.DAYS_SINCE, Column.SESSIONS_4W, Column.OPEN, Column.OVERDUE})
"""Right-aligned, and sorted largest first on the first click: the most overdue, the most commitments."""


def days_words(days: int | None) -> str:
    if days is None:
        return "never"
    if days == 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"


def cadence_words(coaching: AgentTracker, today: date) -> str:
    due = day_text(coaching.next_due_on, today)
    rhythm = f"coached every {coaching.target_days} days"
    if coaching.status is CoachingStatus.OVERDUE:
        return f"Overdue since {due}: {rhythm}."
    return f"{STATUS_WORDS[coaching.status]}: next session due {due}, {rhythm}."


def leads_words(leads: ManagerRollup) -> str:
    if not leads.agents:
        return "Nobody below them is coached yet."
    noun = "agent" if leads.agents == 1 else "agents"
    return (
        f"Leads {leads.agents} {noun} ({leads.direct_reports} direct reports): {leads.overdue_agents} overdue, "
        f"{leads.due_soon_agents} due soon; {leads.sessions_4w} of {round(leads.expected_4w)} sessions held in "
        f"four weeks; {leads.overdue_commitments} overdue commitments."
    )


class RosterTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[RosterLine] = []
        self._today = date.min

    def set_lines(self, lines: Sequence[RosterLine], today: date) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._today = today
        self.endResetModel()

    def line(self, row: int) -> RosterLine:
        return self._lines[row]

    def row_of(self, person_id: str) -> int | None:
        return next((row for row, line in enumerate(self._lines) if line.person_id == person_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        title, tooltip = HEADERS[Column(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.InitialSortOrderRole and Column(section) in NUMERIC:
            return Qt.SortOrder.DescendingOrder
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(line, column)
        if role == Qt.ItemDataRole.FontRole and (line.is_manager or line.archived) and column is Column.NAME:
            font = QFont()
            font.setBold(line.is_manager)
            font.setItalic(line.archived)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == SORT_ROLE:
            return self._sort_value(line, column)
        if role == FILTER_ROLE:
            return " ".join(
                (line.full_name, line.employee_id or "", line.role, line.team_name or "", line.manager_name or "")
            )
        return None

    def _text(self, line: RosterLine, column: Column) -> str:
        coaching = line.coaching
        if column is Column.NAME:
            return f"{line.full_name} (archived)" if line.archived else line.full_name
        if column is Column.TEAM:
            return line.team_name or ""
        if column is Column.MANAGER:
            return line.manager_name or ""
        if column is Column.PLAN:
            return plan_words(line.plan) if line.plan else "No plan"
        if coaching is None:
            return BLANK
        if column is Column.LAST_SESSION:
            return day_text(coaching.last_session_on, self._today) if coaching.last_session_on else "never"
        if column is Column.DAYS_SINCE:
            return days_words(coaching.days_since)
        if column is Column.SESSIONS_4W:
            return str(coaching.sessions_4w)
        if column is Column.OPEN:
            return str(coaching.open_commitments)
        return str(coaching.overdue_commitments)

    def _tooltip(self, line: RosterLine, column: Column) -> str | None:
        coaching = line.coaching
        if column is Column.NAME:
            facts = [f for f in (line.role, line.employee_id and f"Employee id {line.employee_id}") if f]
            if line.archived:
                facts.append("Archived: kept with their history, left out of the tracker.")
            if line.leads is not None:
                facts.append(leads_words(line.leads))
            return "\n".join(facts) or None
        if column is Column.PLAN:
            return (
                f"{plan_words(line.plan)}\n{progress_words(line.plan)}" if line.plan else "No active development plan."
            )
        if column in (Column.TEAM, Column.MANAGER):
            return None
        if coaching is None:
            return f"{line.full_name} is a manager: their own coaching is not tracked. Hover their name for their team."
        if column in (Column.LAST_SESSION, Column.DAYS_SINCE):
            return cadence_words(coaching, self._today)
        if column is Column.SESSIONS_4W:
            return (
                f"{coaching.sessions_4w} sessions in the last 4 weeks, where the cadence asks for about "
                f"{round(coaching.expected_4w)}; {coaching.sessions_13w} of {round(coaching.expected_13w)} in 13 weeks."
            )
        return HEADERS[column][1]

    def _foreground(self, line: RosterLine, column: Column) -> QBrush | None:
        palette = QGuiApplication.palette()
        coaching = line.coaching
        quiet = QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        if column is Column.PLAN:
            return None if line.plan else quiet
        if column in (Column.NAME, Column.TEAM, Column.MANAGER):
            return quiet if line.archived else None
        if coaching is None:
            return quiet
        if column is Column.DAYS_SINCE and not line.archived:
            return QBrush(status_colour(coaching.status, palette))
        if column is Column.OVERDUE and coaching.overdue_commitments:
            return QBrush(status_colour(CoachingStatus.OVERDUE, palette))
        if column in (Column.OPEN, Column.OVERDUE) and self._sort_value(line, column) == 0:
            return quiet
        return None

    def _sort_value(self, line: RosterLine, column: Column) -> int | str:
        coaching = line.coaching
        if column is Column.NAME:
            return line.full_name.casefold()
        if column is Column.TEAM:
            return (line.team_name or "").casefold()
        if column is Column.MANAGER:
            return (line.manager_name or "").casefold()
        if column is Column.PLAN:
            return plan_words(line.plan).casefold() if line.plan else ""
        if coaching is None:
            return NOT_TRACKED_SORT
        if column is Column.LAST_SESSION:
            return coaching.last_session_on.toordinal() if coaching.last_session_on else 0
        if column is Column.DAYS_SINCE:
            return (self._today - coaching.next_due_on).days
        if column is Column.SESSIONS_4W:
            return coaching.sessions_4w
        if column is Column.OPEN:
            return coaching.open_commitments
        return coaching.overdue_commitments
