"""The columns of the list of one-on-one series: who, how often, when next, when last, and what was missed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from coachdesk.models import Cadence
from coachdesk.services.meetings import SeriesSummary, SeriesView
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.today.rows_table_model import Column
from coachdesk.ui.today.wording import day_and_time, every
from coachdesk.ui.widgets import days_ago

Today = Callable[[], date]
WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")


def rhythm(series: SeriesView) -> str:
    """ "Fortnightly, Thursdays at 11:30": the cadence as the two people would say it."""
    often = every(series.interval_days) if series.cadence is Cadence.CUSTOM else series.cadence.value
    when = [WEEKDAYS[series.weekday]] if series.weekday is not None else []
    if series.usual_time is not None:
        when.append(f"at {series.usual_time:%H:%M}")
    return ", ".join([often.capitalize(), " ".join(when)] if when else [often.capitalize()])


def days_since_held(summary: SeriesSummary, today: date) -> int | None:
    return (today - summary.last_held_at.date()).days if summary.last_held_at else None


def series_columns(today: Today) -> tuple[Column[SeriesSummary], ...]:
    def held_status(summary: SeriesSummary) -> CoachingStatus | None:
        """Red once a whole meeting has gone by since the last one held: the series is slipping."""
        days = days_since_held(summary, today())
        late = days is not None and days > 2 * summary.series.interval_days
        return CoachingStatus.OVERDUE if late and summary.series.active else None

    def next_meeting(summary: SeriesSummary) -> str:
        if not summary.series.active:
            return "paused"
        return day_and_time(summary.next_meeting_at) if summary.next_meeting_at else "none scheduled"

    return (
        Column("Person", lambda s: s.series.report_name, bold=True),
        Column("Rhythm", lambda s: rhythm(s.series), sort_key=lambda s: s.series.interval_days),
        Column(
            "Next meeting",
            next_meeting,
            sort_key=lambda s: s.next_meeting_at,
            status=lambda s: CoachingStatus.DUE_SOON if s.series.active and not s.next_meeting_at else None,
        ),
        Column(
            "Last held",
            lambda s: days_ago(days_since_held(s, today())),
            sort_key=lambda s: days_since_held(s, today()),
            status=held_status,
        ),
        Column(
            "Missed (13 wks)",
            lambda s: str(s.missed_recently),
            sort_key=lambda s: s.missed_recently,
            status=lambda s: CoachingStatus.DUE_SOON if s.missed_recently else None,
            number=True,
        ),
        Column("Manager", lambda s: s.series.manager_name, stretch=True),
    )
