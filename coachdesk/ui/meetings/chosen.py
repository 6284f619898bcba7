"""What the One-on-ones buttons act on: the chosen line's series, and its meeting.

A line of this week's meetings is that meeting. A line of the series list stands for the meeting of the series
that needs acting on: one whose time passed unrecorded, or else the next one. So "Move…" on a series moves its
next meeting, which is what a manager means by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from coachdesk.models import MeetingStatus
from coachdesk.services.meetings import UPCOMING, CalendarMeeting, SeriesSummary
from coachdesk.ui.meetings.series_columns import rhythm_words
from coachdesk.ui.today.wording import MEETING_STATUS_WORDS, day_and_time


@dataclass(frozen=True)
class Chosen:
    summary: SeriesSummary
    meeting_id: str | None
    meeting_at: datetime | None
    status: MeetingStatus | None

    @property
    def person_name(self) -> str:
        return self.summary.series.report_name

    @property
    def pending(self) -> bool:
        """Still only scheduled: it can be moved, cancelled, or (once its time comes) marked missed."""
        return self.status is MeetingStatus.SCHEDULED

    def can_start(self, monday: date, sunday: date) -> bool:
        """A meeting of this week still to hold (or to resume) opens in the agenda view."""
        return self.status in UPCOMING and self.meeting_at is not None and monday <= self.meeting_at.date() <= sunday

    def can_mark_missed(self, now: datetime) -> bool:
        return self.pending and self.meeting_at is not None and self.meeting_at <= now

    def describe(self) -> str:
        """ "Priya Shah with Dana Whitfield · fortnightly, Wednesdays at 10:00 · Wed 25 Nov, 10:00, scheduled"."""
        series = self.summary.series
        parts = [f"{series.report_name} with {series.manager_name}", rhythm_words(series)]
        if self.meeting_at is not None and self.status is not None:
            parts.append(f"{day_and_time(self.meeting_at)}, {self.status_words()}")
        else:
            parts.append("nothing scheduled")
        return " · ".join(parts)

    def status_words(self) -> str:
        unrecorded = self.summary.unrecorded
        if unrecorded is not None and unrecorded.id == self.meeting_id:
            return "not recorded"
        return MEETING_STATUS_WORDS[self.status].lower() if self.status else ""


def chosen_meeting(meeting: CalendarMeeting, summaries: Sequence[SeriesSummary]) -> Chosen | None:
    summary = next((s for s in summaries if s.series.id == meeting.series_id), None)
    return None if summary is None else Chosen(summary, meeting.id, meeting.scheduled_at, meeting.status)


def chosen_series(summary: SeriesSummary) -> Chosen:
    meeting = summary.unrecorded or summary.next_meeting
    if meeting is None:
        return Chosen(summary, None, None, None)
    return Chosen(summary, meeting.id, meeting.scheduled_at, meeting.status)
