"""One-on-one series, their meetings and agenda items.

The next meeting of a series should always be known: `propose_next` finds it from the cadence, and scheduling,
moving, cancelling and marking a meeting missed each refuse, in plain words, what would leave the series muddled.
"""

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
MAX_INTERVAL_DAYS = 92
MIN_DURATION_MINUTES, MAX_DURATION_MINUTES = 5, 240
MAX_DAYS_AHEAD = 366
DEFAULT_TIME = time(10, 0)
"""When a series has no usual time and no meeting to take the time from."""
WORKING_DAYS = range(5)
NOT_PENDING = {
    MeetingStatus.HELD: "was held",
    MeetingStatus.IN_PROGRESS: "is under way",
    MeetingStatus.POSTPONED: "was postponed",
    MeetingStatus.CANCELLED: "was cancelled",
    MeetingStatus.MISSED: "was marked missed",
}
"""Why a meeting can no longer be moved, cancelled or marked missed, in the words that finish the sentence."""


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
    original_scheduled_at: datetime | None = None
    """Where a moved meeting was first planned."""


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
    last_missed_at: datetime | None = None
    next_meeting: MeetingView | None = None
    """The next meeting still to happen (or in progress): what moving or cancelling "the next one" acts on."""
    unrecorded: MeetingView | None = None
    """The earliest meeting whose time has passed while it is still marked scheduled: nobody said how it went."""


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
    def now(self) -> datetime:
        """The local time meetings are compared with: whether one has passed, or is still to come."""
        return self._clock()

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
        first_meeting_at: datetime | None = None,
    ) -> SeriesView:
        """Sets up a series and, with `first_meeting_at`, its first meeting in the same transaction."""
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
            if weekday is not None and weekday not in range(7):
                raise ValidationError("The usual day is a day of the week, Monday to Sunday.", "weekday")
            series = OneOnOneSeries(
                manager_id=manager_id,
                report_id=report_id,
                cadence=cadence,
                interval_days=valid_interval(cadence, interval_days),
                weekday=weekday,
                usual_time=usual_time,
                duration_minutes=valid_duration(duration_minutes),
                timezone=timezone,
            )
            session.add(series)
            session.flush()
            if first_meeting_at is not None:
                self._check_time(session, series, first_meeting_at, "first_meeting_at")
                session.add(
                    Meeting(series_id=series.id, scheduled_at=first_meeting_at, duration_minutes=duration_minutes)
                )
            return series_view(session, series)

    def list_series(self, *, manager_id: str | None = None) -> list[SeriesView]:
        with self._notebook.read() as session:
            query = select(OneOnOneSeries).where(alive(OneOnOneSeries))
            if manager_id:
                query = query.where(OneOnOneSeries.manager_id == manager_id)
            return series_views(session, list(session.scalars(query)))

    def summaries(self, *, under_manager_id: str | None = None) -> list[SeriesSummary]:
        """Every live series (or those of people below a manager), by the report's name, from two queries."""
        now = self._clock()
        missed_since = datetime.combine(now.date() - timedelta(days=MISSED_WINDOW_DAYS), time())
        when = Meeting.scheduled_at
        missed = (Meeting.status == MeetingStatus.MISSED) & (when >= missed_since)
        figures = (
            select(
                Meeting.series_id,
                func.max(case((Meeting.status == MeetingStatus.HELD, when))),
                func.sum(case((missed, 1), else_=0)),
                func.max(case((missed, when))),
            )
            .where(alive(Meeting))
            .group_by(Meeting.series_id)
        )
        pending = select(Meeting).where(alive(Meeting), Meeting.status.in_(UPCOMING)).order_by(when)
        with self._notebook.read() as session:
            found = {row[0]: row[1:] for row in session.execute(figures)}
            next_of: dict[str, MeetingView] = {}
            unrecorded_of: dict[str, MeetingView] = {}
            for meeting in session.scalars(pending):
                passed = meeting.status is MeetingStatus.SCHEDULED and ends_at(meeting) <= now
                (unrecorded_of if passed else next_of).setdefault(meeting.series_id, meeting_view(meeting))
            summaries = []
            for view in series_views(session, self._series_in_scope(session, under_manager_id)):
                last_held, missed_count, last_missed = found.get(view.id, (None, 0, None))
                following = next_of.get(view.id)
                summaries.append(
                    SeriesSummary(
                        series=view,
                        next_meeting_at=following.scheduled_at if following else None,
                        last_held_at=last_held,
                        missed_recently=missed_count,
                        last_missed_at=last_missed,
                        next_meeting=following,
                        unrecorded=unrecorded_of.get(view.id),
                    )
                )
        return sorted(summaries, key=lambda s: (s.series.report_name.casefold(), s.series.manager_name.casefold()))

    def between(
        self, first: date, last: date, *, under_manager_id: str | None = None, report_id: str | None = None
    ) -> list[CalendarMeeting]:
        """Meetings from `first` to `last` inclusive (of people below a manager, or of one report), earliest first."""
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
        if report_id is not None:
            query = query.where(OneOnOneSeries.report_id == report_id)
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
        """Records a meeting at any time, past ones included (as an import would); `schedule_next` is for planning."""
        with self._notebook.write() as session:
            series = live(session, OneOnOneSeries, series_id, "one-on-one series")
            meeting = Meeting(series_id=series.id, scheduled_at=at, duration_minutes=series.duration_minutes)
            session.add(meeting)
            session.flush()
            return meeting_view(meeting)

    def propose_next(self, series_id: str) -> datetime:
        """When the next meeting should be by the cadence: see `next_slot`."""
        with self._notebook.read() as session:
            series = live(session, OneOnOneSeries, series_id, "one-on-one series")
            return self._proposal(session, series)

    def schedule_next(self, series_id: str, at: datetime | None = None) -> MeetingView:
        """Schedules the series' next meeting at `at`, or where the cadence puts it when `at` is None."""
        with self._notebook.write() as session:
            series = live(session, OneOnOneSeries, series_id, "one-on-one series")
            if not series.active:
                raise ValidationError("This one-on-one series is paused, so it has no next meeting.", "series_id")
            when = self._proposal(session, series) if at is None else at
            self._check_time(session, series, when, "at")
            meeting = Meeting(series_id=series.id, scheduled_at=when, duration_minutes=series.duration_minutes)
            session.add(meeting)
            session.flush()
            return meeting_view(meeting)

    def move_meeting(self, meeting_id: str, to: datetime) -> MeetingView:
        """Postpones (or brings forward) a meeting still to happen; where it was first planned is kept."""
        with self._notebook.write() as session:
            meeting = self._pending(session, meeting_id, "moved")
            if to == meeting.scheduled_at:
                raise ValidationError(f"The meeting is already on {when_words(to)}.", "to")
            series = live(session, OneOnOneSeries, meeting.series_id, "one-on-one series")
            self._check_time(session, series, to, "to", moving=meeting)
            meeting.original_scheduled_at = meeting.original_scheduled_at or meeting.scheduled_at
            meeting.scheduled_at = to
            return meeting_view(meeting)

    def cancel_meeting(self, meeting_id: str) -> MeetingView:
        """Cancels a meeting still to happen, or one whose time passed with nothing recorded."""
        with self._notebook.write() as session:
            meeting = self._pending(session, meeting_id, "cancelled")
            meeting.status = MeetingStatus.CANCELLED
            return meeting_view(meeting)

    def mark_missed(self, meeting_id: str) -> MeetingView:
        """Records that a meeting whose time has come did not take place."""
        with self._notebook.write() as session:
            meeting = self._pending(session, meeting_id, "marked missed")
            if meeting.scheduled_at > self._clock():
                raise ValidationError(
                    f"The meeting on {when_words(meeting.scheduled_at)} has not come yet, so it cannot have been "
                    "missed. Cancel it if it will not happen.",
                    "meeting_id",
                )
            meeting.status = MeetingStatus.MISSED
            return meeting_view(meeting)

    def change_cadence(self, series_id: str, cadence: Cadence, interval_days: int | None = None) -> SeriesView:
        """Meetings already scheduled keep their dates; the new cadence sets the ones proposed after them."""
        with self._notebook.write() as session:
            series = live(session, OneOnOneSeries, series_id, "one-on-one series")
            series.interval_days = valid_interval(cadence, interval_days)
            series.cadence = cadence
            return series_view(session, series)

    def _proposal(self, session: Session, series: OneOnOneSeries) -> datetime:
        last = session.scalar(
            select(func.max(Meeting.scheduled_at)).where(
                Meeting.series_id == series.id,
                alive(Meeting),
                Meeting.status.in_((MeetingStatus.HELD, *UPCOMING)),
            )
        )
        return next_slot(last, series.interval_days, series.weekday, series.usual_time, self._clock())

    def _pending(self, session: Session, meeting_id: str, verb: str) -> Meeting:
        """The meeting, if it is still only scheduled; otherwise why it cannot be `verb`."""
        meeting = live(session, Meeting, meeting_id, "meeting")
        if meeting.status is not MeetingStatus.SCHEDULED:
            raise ValidationError(
                f"The meeting on {when_words(meeting.scheduled_at)} {NOT_PENDING[meeting.status]}, so it cannot be "
                f"{verb}.",
                "meeting_id",
            )
        return meeting

    def _check_time(
        self, session: Session, series: OneOnOneSeries, at: datetime, field: str, *, moving: Meeting | None = None
    ) -> None:
        """A planned meeting is in the future, within a year, and on a day the series has no other meeting."""
        now = self._clock()
        if at <= now:
            raise ValidationError(f"{when_words(at)} has passed: choose a time still to come.", field)
        if at > now + timedelta(days=MAX_DAYS_AHEAD):
            raise ValidationError(f"{when_words(at)} is more than a year ahead.", field)
        query = select(Meeting.scheduled_at).where(
            Meeting.series_id == series.id,
            alive(Meeting),
            Meeting.status.in_(UPCOMING),
            Meeting.scheduled_at >= datetime.combine(at.date(), time()),
            Meeting.scheduled_at < datetime.combine(at.date() + timedelta(days=1), time()),
        )
        if moving is not None:
            query = query.where(Meeting.id != moving.id)
        if (same_day := session.scalar(query)) is not None:
            raise ValidationError(f"This series already has a meeting on {when_words(same_day)}.", field)

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
        original_scheduled_at=meeting.original_scheduled_at,
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


def valid_interval(cadence: Cadence, interval_days: int | None) -> int:
    """The days between meetings: fixed by the cadence, or chosen for a custom one."""
    days = interval_days if cadence is Cadence.CUSTOM else CADENCE_DAYS[cadence]
    if not days or not 1 <= days <= MAX_INTERVAL_DAYS:
        raise ValidationError(
            f"A custom cadence needs between 1 and {MAX_INTERVAL_DAYS} days between meetings.", "interval"
        )
    return days


def valid_duration(minutes: int) -> int:
    if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise ValidationError(
            f"A one-on-one lasts between {MIN_DURATION_MINUTES} minutes and {MAX_DURATION_MINUTES // 60} hours; "
            f"{minutes} minutes is out of range.",
            "duration_minutes",
        )
    return minutes


def ends_at(meeting: Meeting) -> datetime:
    return meeting.scheduled_at + timedelta(minutes=meeting.duration_minutes)


def when_words(moment: datetime) -> str:
    """ "Wed 25 Nov at 10:00", as refusals and reasons say it."""
    return f"{moment:%a} {moment.day} {moment:%b} at {moment:%H:%M}"


def soonest_slot(now: datetime, weekday: int | None, at: time) -> datetime:
    """The first time at `at` still to come on the usual weekday, or on a working day when there is none."""
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        candidate = datetime.combine(day, at)
        fits = day.weekday() == weekday if weekday is not None else day.weekday() in WORKING_DAYS
        if fits and candidate > now:
            return candidate
    raise AssertionError("every week has each weekday")


def next_slot(
    last: datetime | None, interval_days: int, weekday: int | None, usual_time: time | None, now: datetime
) -> datetime:
    """One interval after the last meeting held or scheduled, on the usual weekday at the usual time.

    A meeting moved a day or two keeps the rhythm: the next one goes back to the nearest usual weekday. With no
    usual weekday a date falling on a weekend moves to the Monday. A series with no meeting yet, or one so
    late that the date has passed, gets the soonest usual slot instead: never a time in the past.
    """
    at = usual_time or (last.time() if last else DEFAULT_TIME)
    if last is None:
        return soonest_slot(now, weekday, at)
    day = last.date() + timedelta(days=interval_days)
    if weekday is not None:
        day += timedelta(days=(weekday - day.weekday() + 3) % 7 - 3)
        if day <= last.date():
            day += timedelta(days=7)
    elif day.weekday() not in WORKING_DAYS:
        day += timedelta(days=7 - day.weekday())
    candidate = datetime.combine(day, at)
    return candidate if candidate > now else soonest_slot(now, weekday, at)
