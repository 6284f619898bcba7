"""One-on-one series, their meetings and agenda items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import AgendaItem, AgendaSource, Cadence, Meeting, MeetingStatus, OneOnOneSeries, Person
from coachdesk.services.base import alive, live, person_names, required_text
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import ServiceWithSettings

CADENCE_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14, Cadence.MONTHLY: 30}
MISSED_WINDOW_DAYS = 91
UPCOMING = (MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS)


@dataclass(frozen=True)
class SeriesView:
    id: str
    manager_id: str
    manager_name: str
    report_id: str
    report_name: str
    cadence: Cadence
    interval_days: int
    weekday: int | None
    usual_time: time | None
    duration_minutes: int
    timezone: str
    active: bool


@dataclass(frozen=True)
class MeetingView:
    id: str
    series_id: str
    scheduled_at: datetime
    duration_minutes: int
    status: MeetingStatus
    started_at: datetime | None
    ended_at: datetime | None
    elapsed_seconds: int


@dataclass(frozen=True)
class CalendarMeeting:
    """A meeting as a calendar shows it: with whom, when, and how it went."""

    id: str
    series_id: str
    person_id: str
    person_name: str
    manager_id: str
    manager_name: str
    scheduled_at: datetime
    duration_minutes: int
    status: MeetingStatus


@dataclass(frozen=True)
class SeriesSummary:
    """A series with what a list of them needs: when the next meeting is, when the last was held, what was missed."""

    series: SeriesView
    next_meeting_at: datetime | None
    last_held_at: datetime | None
    missed_recently: int
    """Meetings marked missed in the last 13 weeks."""


@dataclass(frozen=True)
class AgendaItemView:
    id: str
    series_id: str
    meeting_id: str | None
    position: int
    text: str
    added_by_name: str | None
    source: AgendaSource
    carried_from_id: str | None
    done: bool
    deferred: bool
    notes: str
    is_private: bool


class MeetingService(ServiceWithSettings):
    def create_series(
        self,
        manager_id: str,
        report_id: str,
        cadence: Cadence = Cadence.FORTNIGHTLY,
        *,
        interval_days: int | None = None,
        weekday: int | None = None,
        usual_time: time | None = None,
        duration_minutes: int = 30,
        timezone: str = "UTC",
    ) -> SeriesView:
        with self._notebook.write() as session:
            live(session, Person, manager_id, "manager")
            live(session, Person, report_id, "report")
            if manager_id == report_id:
                raise ValidationError("A one-on-one needs two different people.", "report_id")
            if session.scalar(
                select(OneOnOneSeries.id).where(
                    OneOnOneSeries.manager_id == manager_id,
                    OneOnOneSeries.report_id == report_id,
                    alive(OneOnOneSeries),
                )
            ):
                raise ValidationError("These two already have a one-on-one series.", "report_id")
            days = interval_days if cadence is Cadence.CUSTOM else CADENCE_DAYS[cadence]
            if not days or not 1 <= days <= 92:
                raise ValidationError("A custom cadence needs between 1 and 92 days between meetings.", "interval")
            series = OneOnOneSeries(
                manager_id=manager_id,
                report_id=report_id,
                cadence=cadence,
                interval_days=days,
                weekday=weekday,
                usual_time=usual_time,
                duration_minutes=duration_minutes,
                timezone=timezone,
            )
            session.add(series)
            session.flush()
            return series_view(session, series)

    def list_series(self, *, manager_id: str | None = None) -> list[SeriesView]:
        with self._notebook.read() as session:
            query = select(OneOnOneSeries).where(alive(OneOnOneSeries))
            if manager_id:
                query = query.where(OneOnOneSeries.manager_id == manager_id)
            return series_views(session, list(session.scalars(query)))

    def summaries(self, *, under_manager_id: str | None = None) -> list[SeriesSummary]:
        """Every live series (or those of people below a manager), by the report's name, from one grouped query."""
        today = self.today()
        start_of_today = datetime.combine(today, time())
        missed_since = datetime.combine(today - timedelta(days=MISSED_WINDOW_DAYS), time())
        when = Meeting.scheduled_at
        figures = (
            select(
                Meeting.series_id,
                func.min(case((Meeting.status.in_(UPCOMING) & (when >= start_of_today), when))),
                func.max(case((Meeting.status == MeetingStatus.HELD, when))),
                func.sum(case(((Meeting.status == MeetingStatus.MISSED) & (when >= missed_since), 1), else_=0)),
            )
            .where(alive(Meeting))
            .group_by(Meeting.series_id)
        )
        with self._notebook.read() as session:
            found = {row[0]: row[1:] for row in session.execute(figures)}
            summaries = [
                SeriesSummary(view, *found.get(view.id, (None, None, 0)))
                for view in series_views(session, self._series_in_scope(session, under_manager_id))
            ]
        return sorted(summaries, key=lambda s: (s.series.report_name.casefold(), s.series.manager_name.casefold()))

    def between(self, first: date, last: date, *, under_manager_id: str | None = None) -> list[CalendarMeeting]:
        """Meetings from `first` to `last` inclusive (or those of people below a manager), earliest first."""
        query = (
            select(Meeting, OneOnOneSeries.report_id, OneOnOneSeries.manager_id)
            .join(OneOnOneSeries, OneOnOneSeries.id == Meeting.series_id)
            .where(
                alive(Meeting),
                alive(OneOnOneSeries),
                Meeting.scheduled_at >= datetime.combine(first, time()),
                Meeting.scheduled_at < datetime.combine(last + timedelta(days=1), time()),
            )
            .order_by(Meeting.scheduled_at)
        )
        with self._notebook.read() as session:
            scope = subtree_ids(session, under_manager_id) if under_manager_id else None
            names = person_names(session)
            return [
                CalendarMeeting(
                    id=meeting.id,
                    series_id=meeting.series_id,
                    person_id=report_id,
                    person_name=names.get(report_id, "?"),
                    manager_id=manager_id,
                    manager_name=names.get(manager_id, "?"),
                    scheduled_at=meeting.scheduled_at,
                    duration_minutes=meeting.duration_minutes,
                    status=meeting.status,
                )
                for meeting, report_id, manager_id in session.execute(query)
                if scope is None or report_id in scope
            ]

    def _series_in_scope(self, session: Session, under_manager_id: str | None) -> list[OneOnOneSeries]:
        query = select(OneOnOneSeries).where(alive(OneOnOneSeries))
        if under_manager_id:
            query = query.where(OneOnOneSeries.report_id.in_(subtree_ids(session, under_manager_id)))
        return list(session.scalars(query))

    def schedule(self, series_id: str, at: datetime) -> MeetingView:
        with self._notebook.write() as session:
            series = live(session, OneOnOneSeries, series_id, "one-on-one series")
            meeting = Meeting(series_id=series.id, scheduled_at=at, duration_minutes=series.duration_minutes)
            session.add(meeting)
            session.flush()
            return meeting_view(meeting)

    def meetings(self, series_id: str) -> list[MeetingView]:
        with self._notebook.read() as session:
            query = (
                select(Meeting)
                .where(Meeting.series_id == series_id, alive(Meeting))
                .order_by(Meeting.scheduled_at.desc())
            )
            return [meeting_view(m) for m in session.scalars(query)]

    def add_agenda_item(
        self,
        series_id: str,
        text: str,
        *,
        meeting_id: str | None = None,
        added_by_id: str | None = None,
        source: AgendaSource = AgendaSource.TALKING_POINT,
        is_private: bool = False,
    ) -> AgendaItemView:
        """Adds a talking point; without a meeting it waits in the series for the next one."""
        with self._notebook.write() as session:
            live(session, OneOnOneSeries, series_id, "one-on-one series")
            if meeting_id is not None and live(session, Meeting, meeting_id, "meeting").series_id != series_id:
                raise ValidationError("That meeting belongs to another one-on-one series.", "meeting_id")
            count = session.scalar(
                select(func.count(AgendaItem.id)).where(
                    AgendaItem.series_id == series_id, AgendaItem.meeting_id == meeting_id, alive(AgendaItem)
                )
            )
            item = AgendaItem(
                series_id=series_id,
                meeting_id=meeting_id,
                text=required_text(text, "text", "An agenda item"),
                added_by_id=added_by_id or self._settings.owner_id(),
                source=source,
                position=count or 0,
                is_private=is_private,
            )
            session.add(item)
            session.flush()
            return agenda_item_views(session, [item])[0]

    def close_agenda_item(self, item_id: str, notes: str | None = None) -> AgendaItemView:
        return self._set_done(item_id, done=True, notes=notes)

    def reopen_agenda_item(self, item_id: str) -> AgendaItemView:
        return self._set_done(item_id, done=False, notes=None)

    def agenda(self, series_id: str, meeting_id: str | None = None) -> list[AgendaItemView]:
        """A meeting's items in order, or (with no meeting) the talking points waiting for the next one."""
        with self._notebook.read() as session:
            query = (
                select(AgendaItem)
                .where(AgendaItem.series_id == series_id, AgendaItem.meeting_id == meeting_id, alive(AgendaItem))
                .order_by(AgendaItem.position, AgendaItem.created_at)
            )
            return agenda_item_views(session, list(session.scalars(query)))

    def _set_done(self, item_id: str, *, done: bool, notes: str | None) -> AgendaItemView:
        with self._notebook.write() as session:
            item = live(session, AgendaItem, item_id, "agenda item")
            item.done = done
            item.done_at = self._clock() if done else None
            if notes is not None:
                item.notes = notes.strip()
            return agenda_item_views(session, [item])[0]


def series_view(session: Session, series: OneOnOneSeries) -> SeriesView:
    return series_views(session, [series])[0]


def series_views(session: Session, series: list[OneOnOneSeries]) -> list[SeriesView]:
    names = person_names(session)
    return [
        SeriesView(
            id=s.id,
            manager_id=s.manager_id,
            manager_name=names.get(s.manager_id, "?"),
            report_id=s.report_id,
            report_name=names.get(s.report_id, "?"),
            cadence=s.cadence,
            interval_days=s.interval_days,
            weekday=s.weekday,
            usual_time=s.usual_time,
            duration_minutes=s.duration_minutes,
            timezone=s.timezone,
            active=s.active,
        )
        for s in series
    ]


def meeting_view(meeting: Meeting) -> MeetingView:
    return MeetingView(
        id=meeting.id,
        series_id=meeting.series_id,
        scheduled_at=meeting.scheduled_at,
        duration_minutes=meeting.duration_minutes,
        status=meeting.status,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        elapsed_seconds=meeting.elapsed_seconds,
    )


def agenda_item_views(session: Session, items: list[AgendaItem]) -> list[AgendaItemView]:
    names = person_names(session)
    return [
        AgendaItemView(
            id=i.id,
            series_id=i.series_id,
            meeting_id=i.meeting_id,
            position=i.position,
            text=i.text,
            added_by_name=names.get(i.added_by_id or ""),
            source=i.source,
            carried_from_id=i.carried_from_id,
            done=i.done,
            deferred=i.deferred,
            notes=i.notes,
            is_private=i.is_private,
        )
        for i in items
    ]
