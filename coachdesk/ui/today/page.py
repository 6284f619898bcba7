"""The Today screen: the coaching tracker that makes consistency visible.

Who is waiting for coaching, what is due, which one-on-ones need attention (overdue, missed, better weekly, and
repeated misses one step down the line), this week's one-on-ones, sessions per week against the target, each
team leader's coaching rolled up, and the two-sided commitment ledger, all for the notebook owner's people and
all from one read on the worker; who has earned recognition this week is a section that reloads on its own. Every line
about a person opens that person; a line about a meeting (this week's, or one whose time passed unrecorded) opens
that meeting's agenda.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from coachdesk.services.today import TodayView, today_view
from coachdesk.services.trends import WeeklyTrend
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.page import EmptyOrContent, Page, lay_out_titled
from coachdesk.ui.recognition.prompts_section import RecognitionPrompts
from coachdesk.ui.today.chart import SessionsChart
from coachdesk.ui.today.columns import (
    ATTENTION_COLUMNS,
    COMMITMENT_COLUMNS,
    LEADER_COLUMNS,
    LEDGER_MONTH_COLUMNS,
    LEDGER_PEOPLE_COLUMNS,
    MEETING_COLUMNS,
    needs_coaching_columns,
)
from coachdesk.ui.today.empty_state import empty_state
from coachdesk.ui.today.table_section import TableSection, section_heading, set_heading
from coachdesk.ui.today.wording import kept_words, long_day
from coachdesk.ui.widgets import muted

SUBSECTION_SCALE = 1.0
LEDGER_NOTE = (
    "Commitments by the month they were due. Done counts as kept; missed, or still open after the due date, counts "
    "as not kept; dropped ones are left out. “Kept by their manager” is what the manager promised the person."
)


class TodayPage(Page):
    key = "today"
    title = "Today"
    topics = frozenset({Topic.LOG, Topic.COMMITMENTS, Topic.MEETINGS, Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.view: TodayView | None = None
        self._today = date.min
        self.subtitle = muted("")
        self.subtitle.setAccessibleName("Date and whose people")
        self.needs_coaching = TableSection(
            "Needs coaching",
            needs_coaching_columns(lambda: self._today),
            "Everyone has been coached within their cadence. Nobody is overdue or due in the next few days.",
            person_of=attrgetter("person_id"),
            max_rows=10,
            sortable=True,
        )
        self.commitments = TableSection(
            "Commitments due",
            COMMITMENT_COLUMNS,
            "Nothing is due this week. Next steps agreed in sessions appear here as their due date nears.",
            person_of=attrgetter("coachee_id"),
            sortable=True,
        )
        self.one_on_ones = TableSection(
            "One-on-ones needing attention",
            ATTENTION_COLUMNS,
            "Every one-on-one series is on schedule: nothing is overdue or missed, and no series needs to go weekly.",
            person_of=attrgetter("report_id"),
            sortable=True,
        )
        self.meetings = TableSection(
            "This week's one-on-ones",
            MEETING_COLUMNS,
            "No one-on-ones this week. Set up a series for each of your people on the One-on-ones screen.",
            person_of=attrgetter("person_id"),
            sortable=True,
        )
        self.recognition = RecognitionPrompts(context)
        self.trend_heading = section_heading("Coaching sessions per week")
        self.trend_choice = QComboBox()
        self.trend_choice.setAccessibleName("Whose sessions the chart shows")
        self.trend_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.trend_choice.currentIndexChanged.connect(self._show_chosen_trend)
        self.chart = SessionsChart()
        self.leaders = TableSection(
            "Team leaders",
            LEADER_COLUMNS,
            "",
            person_of=attrgetter("person_id"),
            sortable=True,
        )
        self.ledger_heading = section_heading("Commitment ledger")
        self.ledger_people = TableSection(
            "By person, last six months",
            LEDGER_PEOPLE_COLUMNS,
            "No commitments fell due in the last six months. Agree next steps when you log a session, and both "
            "sides' record builds up here.",
            person_of=attrgetter("person_id"),
            sortable=True,
            heading_scale=SUBSECTION_SCALE,
        )
        self.ledger_months = TableSection(
            "By month, everyone", LEDGER_MONTH_COLUMNS, "", heading_scale=SUBSECTION_SCALE
        )
        for section in (self.needs_coaching, self.commitments, self.leaders, self.ledger_people):
            section.table.opened.connect(context.navigator.open_agent)
        self.meetings.table.setToolTip("A click or Enter opens the meeting's agenda, to prepare or run it")
        self.meetings.table.opened.connect(lambda _person_id: self._open_meeting())
        self.one_on_ones.table.setToolTip(
            "A click or Enter opens a meeting still to record in its agenda; any other line opens the person"
        )
        self.one_on_ones.table.opened.connect(lambda _person_id: self._open_flag())

        self.empty_state = empty_state(
            "Nobody to coach yet",
            "Add your team on the Team screen, or import a roster with “coachdesk import\u2011roster”. Then log your "
            "first session with Ctrl+N, and this screen will show who is due for coaching, what was promised and "
            "how steady your coaching is week by week.",
        )
        self.stack = EmptyOrContent(self._dashboard(), self.empty_state)
        lay_out_titled(self, self.subtitle, self.stack)

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: today_view(services), self._show)

    def _dashboard(self) -> QScrollArea:
        trend_bar = QHBoxLayout()
        trend_bar.addWidget(self.trend_heading, 1)
        show = QLabel("S&how:")
        show.setBuddy(self.trend_choice)
        trend_bar.addWidget(show)
        trend_bar.addWidget(self.trend_choice)
        ledger_tables = QHBoxLayout()
        ledger_tables.setSpacing(24)
        ledger_tables.addWidget(self.ledger_people, 3)
        ledger_tables.addWidget(self.ledger_months, 2, Qt.AlignmentFlag.AlignTop)

        content = QWidget()
        content.setAccessibleName("Today's coaching")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 12, 12)
        column.setSpacing(22)
        for section in (self.needs_coaching, self.commitments, self.one_on_ones, self.meetings, self.recognition):
            column.addWidget(section)
        trend = QVBoxLayout()
        trend.addLayout(trend_bar)
        trend.addWidget(self.chart)
        column.addLayout(trend)
        column.addWidget(self.leaders)
        ledger = QVBoxLayout()
        ledger.addWidget(self.ledger_heading)
        ledger.addWidget(muted(LEDGER_NOTE))
        ledger.addLayout(ledger_tables)
        column.addLayout(ledger)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Today's coaching")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def _show(self, view: TodayView) -> None:
        self.view = view
        self._today = view.today
        whose = f"the people below {view.owner_name}" if view.owner_name else "everyone in this notebook"
        self.subtitle.setText(f"{long_day(view.today)} · {whose}")
        self.stack.show_empty(not view.people)
        if not view.people:
            return
        self.needs_coaching.show_rows(
            view.needs_coaching,
            f"Needs coaching — {view.overdue_agents} overdue, {view.due_soon_agents} due soon",
        )
        due_later = len(view.commitments_due) - view.overdue_commitments
        self.commitments.show_rows(
            view.commitments_due,
            f"Commitments due — {view.overdue_commitments} overdue, {due_later} more by Sunday",
        )
        other_flags = len(view.one_on_ones) - view.overdue_one_on_ones
        self.one_on_ones.show_rows(
            view.one_on_ones,
            f"One-on-ones needing attention — {view.overdue_one_on_ones} overdue, {other_flags} more",
        )
        self.meetings.show_rows(view.meetings, f"This week's one-on-ones — {len(view.meetings)}")
        self._show_trend_choices(view)
        self.leaders.setVisible(bool(view.managers))
        overdue_below = sum(m.overdue_agents for m in view.managers)
        self.leaders.show_rows(
            view.managers,
            f"Team leaders — {plural(len(view.managers), 'manager')}, "
            f"{plural(overdue_below, 'agent')} overdue between them",
        )
        ledger = view.ledger
        set_heading(
            self.ledger_heading,
            f"Commitment ledger — agents kept {kept_words(ledger.agent_side)}, "
            f"managers kept {kept_words(ledger.manager_side)}",
        )
        self.ledger_people.show_rows(ledger.people, "By person, last six months")
        self.ledger_months.setVisible(bool(ledger.people))
        self.ledger_months.show_rows(ledger.months, "By month, everyone")

    def _open_meeting(self) -> None:
        meeting = self.meetings.model.row_at(self.meetings.table.currentIndex())
        self.context.navigator.open_meeting(meeting.id)

    def _open_flag(self) -> None:
        flag = self.one_on_ones.model.row_at(self.one_on_ones.table.currentIndex())
        if flag.meeting_id is not None:
            self.context.navigator.open_meeting(flag.meeting_id)
        else:
            self.context.navigator.open_agent(flag.report_id)

    def _show_trend_choices(self, view: TodayView) -> None:
        """Lists the teams (when there is more than one) and the managers, keeping the choice across refreshes."""
        chosen = self.trend_choice.currentData()
        trends = view.trends
        self.trend_choice.blockSignals(True)
        self.trend_choice.clear()
        self.trend_choice.addItem(trends.overall.label, trends.overall.key)
        groups = (
            [(team.label, team.key) for team in trends.teams] if len(trends.teams) > 1 else [],
            [(f"{manager.label}'s people", manager.key) for manager in trends.managers],
        )
        for group in groups:
            if group:
                self.trend_choice.insertSeparator(self.trend_choice.count())
            for label, key in group:
                self.trend_choice.addItem(label, key)
        found = self.trend_choice.findData(chosen) if chosen is not None else -1
        self.trend_choice.setCurrentIndex(max(found, 0))
        self.trend_choice.blockSignals(False)
        self._show_chosen_trend()

    def _show_chosen_trend(self) -> None:
        if self.view is None:
            return
        trends = self.view.trends
        key = self.trend_choice.currentData()
        everything: tuple[WeeklyTrend, ...] = (trends.overall, *trends.teams, *trends.managers)
        trend = next((t for t in everything if t.key == key), trends.overall)
        self.chart.show_trend(trends.weeks, trend)
