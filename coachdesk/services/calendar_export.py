"""The one-on-one schedule as an iCalendar file, so meetings sit in the calendar a manager already lives in.

Each active series is one recurring event, starting at its next meeting (or, with none booked, at its usual weekday
and time from today), in the series' own time zone. Upcoming meetings that differ from the rhythm travel with it:
a moved meeting overrides its occurrence (RECURRENCE-ID), a cancelled one is removed from it (EXDATE), and a meeting
off the rhythm is an event of its own.

Monthly series repeat every four weeks on the same weekday (FREQ=WEEKLY;INTERVAL=4): one-on-ones are held on a
weekday, and a month-day rule would move them across the week from one month to the next.

Nothing private leaves in the file: the description counts the talking points waiting, without their words, and
leaves private ones out of the count.

icalendar is imported where a calendar is built, not at the top: every service loads when the notebook opens, and
only an export needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import false, func, or_, select, true
from sqlalchemy.orm import Session

from coachdesk.errors import CoachDeskError
from coachdesk.models import AgendaItem, Cadence, Meeting, MeetingStatus, OneOnOneSeries
from coachdesk.services.base import Service, alive
from coachdesk.services.meetings import SeriesView, series_views

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//CoachDesk//One-on-ones//EN"
CALENDAR_UID = "one-on-ones@coachdesk"
CALENDAR_NAME = "One-on-ones"
WEEKLY_RULES = {Cadence.WEEKLY: 1, Cadence.FORTNIGHTLY: 2, Cadence.MONTHLY: 4}
"""Weeks between meetings for the cadences a calendar repeats weekly; custom cadences repeat every n days."""


@dataclass(frozen=True)
class ScheduleCalendar:
    """The file's content and what a person is told about it."""

    ical: bytes
    series_count: int
    left_out: tuple[str, ...]
    """Series that could not be placed in a calendar: no meeting booked and no usual time ("Dana ↔ Priya")."""

    @property
    def summary(self) -> str:
        return f"{self.series_count} one-on-one series"

    @property
    def note(self) -> str:
        """Why some series are missing from the file, or nothing when none are."""
        if not self.left_out:
            return ""
        return (
            f"Left out, with no meeting booked and no usual time to repeat from: {', '.join(self.left_out)}. "
            "Book their next meeting or give them a usual time."
        )


@dataclass(frozen=True)
class _Booking:
    """An upcoming meeting as the calendar sees it: the slot it holds in the rhythm, and when it really is."""

    id: str
    slot: datetime
    at: datetime
    minutes: int
    happens: bool


class CalendarExportService(Service):
    def calendar(self, *, manager_id: str | None = None) -> ScheduleCalendar:
        """Every active series (or one manager's) as iCalendar text, with upcoming changes to their rhythm."""
        from icalendar import Calendar

        now = self._clock()
        today = now.date()
        with self._notebook.read() as session:
            series = _active_series(session, manager_id)
            ids = [s.id for s in series]
            bookings = _upcoming_bookings(session, ids, datetime.combine(today, time()))
            waiting = _waiting_counts(session, ids, bookings)
        stamp = now.astimezone(UTC)
        calendar = Calendar.new(prodid=PRODID, uid=CALENDAR_UID, name=CALENDAR_NAME)
        left_out = []
        for view in series:
            events = series_events(view, bookings.get(view.id, []), waiting.get(view.id, 0), today, stamp)
            for event in events:
                calendar.add_component(event)
            if not events:
                left_out.append(pair(view))
        booked = [booking for found in bookings.values() for booking in found]
        calendar.add_missing_timezones(first_date=min([today, *(min(b.slot, b.at).date() for b in booked)]))
        return ScheduleCalendar(calendar.to_ical(), len(series) - len(left_out), tuple(left_out))

    def export_to(self, target: Path, *, manager_id: str | None = None) -> ScheduleCalendar:
        """Writes the calendar through a temporary file, so an interrupted export never leaves half a file."""
        schedule = self.calendar(manager_id=manager_id)
        partial = target.with_name(target.name + ".partial")
        try:
            partial.write_bytes(schedule.ical)
            partial.replace(target)
        except OSError as error:
            raise CoachDeskError(f"Could not write {target}: {error.strerror or error}.") from error
        return schedule


def series_events(
    series: SeriesView, bookings: list[_Booking], waiting: int, today: date, stamp: datetime
) -> list[Event]:
    """The recurring event of one series and its exceptions; none when there is nothing to repeat from."""
    happening = [b.slot for b in bookings if b.happens]
    anchor = min(happening) if happening else usual_slot(series, today)
    if anchor is None:
        return []
    from icalendar import Event

    zone = series_zone(series.timezone)
    rule, step = recurrence(series)
    description = waiting_description(waiting)

    def event(uid: str, start: datetime, minutes: int, recurrence_id: datetime | None = None) -> Event:
        made = Event.new(
            uid=uid,
            stamp=stamp,
            start=start.replace(tzinfo=zone),
            recurrence_id=recurrence_id.replace(tzinfo=zone) if recurrence_id else None,
            summary=f"One-on-one: {pair(series)}",
            description=description,
        )
        made.add("duration", timedelta(minutes=minutes))
        return made

    uid = f"{series.id}@coachdesk"
    recurring = event(uid, anchor, series.duration_minutes)
    recurring.add("rrule", rule)
    events = [recurring]
    claimed: set[datetime] = set()
    for booking in sorted(bookings, key=lambda b: (b.slot, not b.happens)):
        delta = booking.slot - anchor
        in_rhythm = delta >= timedelta(0) and delta % step == timedelta(0) and booking.slot not in claimed
        if in_rhythm:
            claimed.add(booking.slot)
        if not booking.happens:
            if in_rhythm:
                recurring.add("exdate", booking.slot.replace(tzinfo=zone))
        elif not in_rhythm:
            events.append(event(f"{booking.id}@coachdesk", booking.at, booking.minutes))
        elif (booking.at, booking.minutes) != (booking.slot, series.duration_minutes):
            events.append(event(uid, booking.at, booking.minutes, recurrence_id=booking.slot))
    return events


def recurrence(series: SeriesView) -> tuple[dict[str, str | int], timedelta]:
    """The rule a calendar repeats the series by, and the step between two of its occurrences."""
    weeks = WEEKLY_RULES.get(series.cadence)
    if weeks is not None:
        return {"freq": "WEEKLY", "interval": weeks}, timedelta(weeks=weeks)
    return {"freq": "DAILY", "interval": series.interval_days}, timedelta(days=series.interval_days)


def usual_slot(series: SeriesView, today: date) -> datetime | None:
    """The first usual weekday from today at the usual time; without a usual time there is no slot to offer."""
    if series.usual_time is None:
        return None
    ahead = 0 if series.weekday is None else (series.weekday - today.weekday()) % 7
    return datetime.combine(today + timedelta(days=ahead), series.usual_time)


def series_zone(name: str) -> tzinfo | None:
    """The series' time zone; an unknown name gives floating times, right on the wall clock wherever it is opened."""
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def waiting_description(count: int) -> str:
    if count == 0:
        return "No talking points waiting yet. Prepare the agenda in CoachDesk."
    noun = "talking point" if count == 1 else "talking points"
    return f"{count} {noun} waiting for this one-on-one. Prepare the agenda in CoachDesk."


def pair(series: SeriesView) -> str:
    return f"{series.manager_name} ↔ {series.report_name}"


def _active_series(session: Session, manager_id: str | None) -> list[SeriesView]:
    query = select(OneOnOneSeries).where(alive(OneOnOneSeries), OneOnOneSeries.active == true())
    if manager_id:
        query = query.where(OneOnOneSeries.manager_id == manager_id)
    views = series_views(session, list(session.scalars(query)))
    return sorted(views, key=lambda s: (s.manager_name.casefold(), s.report_name.casefold()))


def _upcoming_bookings(session: Session, series_ids: list[str], since: datetime) -> dict[str, list[_Booking]]:
    """Meetings from today on, by series: postponed ones with no new time, and cancelled ones, do not happen."""
    query = select(Meeting).where(
        alive(Meeting),
        Meeting.series_id.in_(series_ids),
        or_(Meeting.scheduled_at >= since, Meeting.original_scheduled_at >= since),
    )
    found: dict[str, list[_Booking]] = {}
    for meeting in session.scalars(query):
        slot = meeting.original_scheduled_at or meeting.scheduled_at
        moved = slot != meeting.scheduled_at
        happens = meeting.status is not MeetingStatus.CANCELLED and (
            meeting.status is not MeetingStatus.POSTPONED or moved
        )
        booking = _Booking(meeting.id, slot, meeting.scheduled_at, meeting.duration_minutes, happens)
        found.setdefault(meeting.series_id, []).append(booking)
    return found


def _waiting_counts(session: Session, series_ids: list[str], bookings: dict[str, list[_Booking]]) -> dict[str, int]:
    """Open, shareable talking points per series: those waiting for a meeting and those on the next one."""
    next_ids = []
    for found in bookings.values():
        happening = [booking for booking in found if booking.happens]
        if happening:
            next_ids.append(min(happening, key=lambda booking: booking.at).id)
    query = (
        select(AgendaItem.series_id, func.count(AgendaItem.id))
        .where(
            alive(AgendaItem),
            AgendaItem.series_id.in_(series_ids),
            AgendaItem.done == false(),
            AgendaItem.is_private == false(),
            or_(AgendaItem.meeting_id.is_(None), AgendaItem.meeting_id.in_(next_ids)),
        )
        .group_by(AgendaItem.series_id)
    )
    return dict(session.execute(query).all())
