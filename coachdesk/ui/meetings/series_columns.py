"""The columns of the list of one-on-one series: who, how often, when next, when last, what was missed, and
what needs attention."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from coachdesk.models import Cadence
from coachdesk.services.meetings import SeriesSummary, SeriesView
from coachdesk.services.one_on_one_health import ORDER, AttentionFlag
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.today.columns import ATTENTION_COLOURS
from coachdesk.ui.today.rows_table_model import Column
from coachdesk.ui.today.wording import ATTENTION_WORDS, day_and_time, every
from coachdesk.ui.widgets import days_ago

Today = Callable[[], date]
Flags = Callable[[SeriesSummary], Sequence[AttentionFlag]]
WEEKDAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")


def how_often(series: SeriesView) -> str:
    """ "fortnightly", "every 10 days"."""
    return every(series.interval_days) if series.cadence is Cadence.CUSTOM else series.cadence.value


def rhythm_words(series: SeriesView) -> str:
    """ "fortnightly, Thursdays at 11:30": the cadence as the two people would say it, mid-sentence."""
    when = [WEEKDAYS[series.weekday]] if series.weekday is not None else []
    if series.usual_time is not None:
        when.append(f"at {series.usual_time:%H:%M}")
    return ", ".join([how_often(series), " ".join(when)] if when else [how_often(series)])


def rhythm(series: SeriesView) -> str:
    """ "Fortnightly, Thursdays at 11:30", as a list shows it."""
    words = rhythm_words(series)
    return words[:1].upper() + words[1:]


def days_since_held(summary: SeriesSummary, today: date) -> int | None:
    return (today - summary.last_held_at.date()).days if summary.last_held_at else None


def next_meeting(summary: SeriesSummary) -> str:
    """The next meeting; failing that, one whose time passed with nothing recorded; failing that, a warning."""
    if not summary.series.active:
        return "paused"
    if summary.next_meeting_at is not None:
        return day_and_time(summary.next_meeting_at)
    if summary.unrecorded is not None:
        return f"{day_and_time(summary.unrecorded.scheduled_at)}, not recorded"
    return "none scheduled"


def next_status(summary: SeriesSummary) -> CoachingStatus | None:
    if not summary.series.active or summary.next_meeting_at is not None:
        return None
    return CoachingStatus.OVERDUE if summary.unrecorded is not None else CoachingStatus.DUE_SOON


def series_columns(today: Today, flags: Flags) -> tuple[Column[SeriesSummary], ...]:
    def held_status(summary: SeriesSummary) -> CoachingStatus | None:
        """Red once a whole meeting has gone by since the last one held: the series is slipping."""
        days = days_since_held(summary, today())
        late = days is not None and days > 2 * summary.series.interval_days
        return CoachingStatus.OVERDUE if late and summary.series.active else None

    def attention(summary: SeriesSummary) -> str:
        return ", ".join(ATTENTION_WORDS[f.kind] for f in flags(summary))

    def attention_status(summary: SeriesSummary) -> CoachingStatus | None:
        found = flags(summary)
        return ATTENTION_COLOURS[found[0].kind] if found else None

    return (
        Column("Person", lambda s: s.series.report_name, bold=True),
        Column("Rhythm", lambda s: rhythm(s.series), sort_key=lambda s: s.series.interval_days),
        Column("Next meeting", next_meeting, sort_key=lambda s: s.next_meeting_at, status=next_status),
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
        Column("Manager", lambda s: s.series.manager_name),
        Column(
            "Needs attention",
            attention,
            sort_key=lambda s: min((ORDER[f.kind] for f in flags(s)), default=None),
            status=attention_status,
            tooltip=lambda s: "\n".join(f.reason for f in flags(s)),
            stretch=True,
        ),
    )
