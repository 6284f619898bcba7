"""Reminders: a nudge to prepare the agenda before each one-on-one, and once a day for commitments due.

The desktop app asks every minute, so the question must stay cheap: the meetings about to start are found through
the index on (series, scheduled time), and anything already reminded of is skipped before its agenda is counted.
Each reminder has a stable key, so whoever shows them can say "already sent" across checks and restarts.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from coachdesk.db import Notebook
from coachdesk.models import AgendaSource, Meeting, MeetingStatus, OneOnOneSeries
from coachdesk.services.base import Clock, alive
from coachdesk.services.commitments import CommitmentService
from coachdesk.services.meetings import MeetingService, MeetingView, SeriesView, meeting_view, series_views
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import ServiceWithSettings, SettingsService


@dataclass(frozen=True)
class Reminder:
    key: str
    """Stable for what it reminds of (a meeting on its day, or a day's commitments), so it is sent once."""
    day: date
    """The day it is about: once that day has passed its key can be forgotten."""
    title: str
    message: str
    text: str
    """Title and message on one line, for a status bar."""
    person_id: str | None = None
    """Whom a click on it should open: the report the meeting is with."""
    meeting_id: str | None = None


class ReminderService(ServiceWithSettings):
    def __init__(
        self,
        notebook: Notebook,
        clock: Clock,
        settings: SettingsService,
        meetings: MeetingService,
        commitments: CommitmentService,
    ) -> None:
        super().__init__(notebook, clock, settings)
        self._meetings = meetings
        self._commitments = commitments

    def due(self, lead_minutes: int, already_sent: Collection[str] = ()) -> list[Reminder]:
        """What to remind the notebook's owner of now that `already_sent` does not hold yet, meetings first.

        A meeting is reminded of once it starts within `lead_minutes` and until it starts; commitments due today or
        overdue once a day. Without an owner every series and every commitment counts.
        """
        now = self._clock()
        owner_id = self._settings.owner_id()
        reminders = [
            self._meeting_reminder(meeting, series)
            for meeting, series in self._starting_soon(now, lead_minutes, owner_id)
            if meeting_key(meeting) not in already_sent
        ]
        if commitments_key(now.date()) not in already_sent:
            reminders.extend(self._commitments_reminder(now.date(), owner_id))
        return reminders

    def _starting_soon(
        self, now: datetime, lead_minutes: int, manager_id: str | None
    ) -> list[tuple[MeetingView, SeriesView]]:
        """Scheduled meetings starting after `now` and within the lead time, of the manager's series or all."""
        in_scope = select(OneOnOneSeries.id).where(alive(OneOnOneSeries))
        if manager_id:
            in_scope = in_scope.where(OneOnOneSeries.manager_id == manager_id)
        # Series first, then the (series, time) index: a join would scan every meeting ever held.
        query = (
            select(Meeting)
            .where(
                Meeting.series_id.in_(in_scope),
                alive(Meeting),
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.scheduled_at > now,
                Meeting.scheduled_at <= now + timedelta(minutes=lead_minutes),
            )
            .order_by(Meeting.scheduled_at)
        )
        with self._notebook.read() as session:
            meetings = list(session.scalars(query))
            if not meetings:
                return []
            series = session.scalars(
                select(OneOnOneSeries).where(OneOnOneSeries.id.in_({m.series_id for m in meetings}))
            )
            series_of = {view.id: view for view in series_views(session, list(series))}
            return [(meeting_view(m), series_of[m.series_id]) for m in meetings]

    def _meeting_reminder(self, meeting: MeetingView, series: SeriesView) -> Reminder:
        points = sum(
            not item.done and item.source is AgendaSource.TALKING_POINT
            for item in [*self._meetings.agenda(series.id, meeting.id), *self._meetings.agenda(series.id)]
        )
        commitments = sum(c.coachee_id == series.report_id for c in self._commitments.open_for(series.report_id))
        title = f"One-on-one with {series.report_name} at {meeting.scheduled_at:%H:%M}"
        agenda = f"{counted(points, 'talking point')}, {counted(commitments, 'open commitment')}"
        return Reminder(
            key=meeting_key(meeting),
            day=meeting.scheduled_at.date(),
            title=title,
            message=f"Prepare the agenda: {agenda}.",
            text=f"{title} — prepare the agenda: {agenda}",
            person_id=series.report_id,
            meeting_id=meeting.id,
        )

    def _commitments_reminder(self, today: date, owner_id: str | None) -> list[Reminder]:
        """Commitments due today or overdue that the owner or their people hold; none when there are none."""
        holders = self._people_of(owner_id) if owner_id else None
        due = [c for c in self._commitments.due_by(today) if holders is None or c.owner_id in holders]
        if not due:
            return []
        overdue = sum(c.overdue for c in due)
        due_today = len(due) - overdue
        if due_today and overdue:
            text = f"{counted(due_today, 'commitment')} due today, {overdue} overdue"
        elif due_today:
            text = f"{counted(due_today, 'commitment')} due today"
        else:
            text = f"{counted(overdue, 'commitment')} overdue"
        return [Reminder(commitments_key(today), today, "Commitments to follow up", f"{text}.", text)]

    def _people_of(self, owner_id: str) -> set[str]:
        """The owner and everyone below them."""
        with self._notebook.read() as session:
            return subtree_ids(session, owner_id) | {owner_id}


def meeting_key(meeting: MeetingView) -> str:
    """A moved meeting gets a new key, so it is reminded of again on its new day."""
    return f"meeting:{meeting.id}:{meeting.scheduled_at.date().isoformat()}"


def commitments_key(day: date) -> str:
    return f"commitments:{day.isoformat()}"


def counted(count: int, word: str) -> str:
    """ "no talking points", "1 talking point", "3 talking points"."""
    return f"{count or 'no'} {word if count == 1 else word + 's'}"
