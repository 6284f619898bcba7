"""The One-on-ones screen: this week's meetings and every series, with when the next is and when the last was held.

Enter or a double-click on a line opens the person. The agenda of a meeting comes later; this screen answers
"who am I meeting, and which series are slipping?".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from PySide6.QtWidgets import QVBoxLayout, QWidget

from coachdesk.models import MeetingStatus
from coachdesk.services import Services
from coachdesk.services.meetings import CalendarMeeting, SeriesSummary
from coachdesk.services.today import week_of
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import plural
from coachdesk.ui.meetings.series_columns import series_columns
from coachdesk.ui.page import EmptyOrContent, Page, lay_out_titled
from coachdesk.ui.today.columns import MEETING_COLUMNS
from coachdesk.ui.today.empty_state import empty_state
from coachdesk.ui.today.table_section import TableSection
from coachdesk.ui.today.wording import long_day
from coachdesk.ui.widgets import muted


@dataclass(frozen=True)
class OneOnOnes:
    today: date
    owner_name: str | None
    this_week: tuple[CalendarMeeting, ...]
    series: tuple[SeriesSummary, ...]


def load_one_on_ones(services: Services) -> OneOnOnes:
    """This week's meetings and every series of the notebook owner's people (everyone's, with no owner)."""
    today = services.settings.today()
    owner = services.people.owner()
    scope = owner.id if owner else None
    monday, sunday = week_of(today)
    return OneOnOnes(
        today=today,
        owner_name=owner.full_name if owner else None,
        this_week=tuple(services.meetings.between(monday, sunday, under_manager_id=scope)),
        series=tuple(services.meetings.summaries(under_manager_id=scope)),
    )


class OneOnOnesPage(Page):
    key = "one_on_ones"
    title = "One-on-ones"
    topics = frozenset({Topic.MEETINGS, Topic.PEOPLE})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.data: OneOnOnes | None = None
        self._today = date.min
        self.subtitle = muted("")
        self.subtitle.setAccessibleName("Date and whose people")
        self.this_week = TableSection(
            "This week",
            MEETING_COLUMNS,
            "No one-on-ones fall in this week.",
            person_of=attrgetter("person_id"),
            single_click=False,
            sortable=True,
        )
        self.series = TableSection(
            "Series",
            series_columns(lambda: self._today),
            "",
            person_of=lambda summary: summary.series.report_id,
            max_rows=None,
            single_click=False,
            sortable=True,
        )
        for section in (self.this_week, self.series):
            section.table.opened.connect(context.navigator.open_agent)
        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 8, 0, 0)
        lists_layout.setSpacing(22)
        lists_layout.addWidget(self.this_week)
        lists_layout.addWidget(self.series, 1)
        self.empty_state = empty_state(
            "No one-on-ones yet",
            "A one-on-one series is a regular meeting between a manager and one of their people. Once your "
            "series are set up, this screen lists them with the next meeting and the last one held, and shows "
            "who you are meeting this week.",
        )
        self.stack = EmptyOrContent(lists, self.empty_state)
        lay_out_titled(self, self.subtitle, self.stack)

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: load_one_on_ones(services), self._show)

    def _show(self, data: OneOnOnes) -> None:
        self.data = data
        self._today = data.today
        whose = f"the people below {data.owner_name}" if data.owner_name else "everyone in this notebook"
        self.subtitle.setText(f"{long_day(data.today)} · {whose} · Enter or a double-click opens the person")
        self.stack.show_empty(not data.series)
        if not data.series:
            return
        held = sum(m.status is MeetingStatus.HELD for m in data.this_week)
        self.this_week.show_rows(
            data.this_week, f"This week — {plural(len(data.this_week), 'meeting')}, {held} held so far"
        )
        slipping = sum(s.series.active and s.next_meeting_at is None for s in data.series)
        unscheduled = f", {slipping} with nothing scheduled" if slipping else ""
        self.series.show_rows(data.series, f"Series — {len(data.series)}{unscheduled}")
