"""One-on-one series up the whole line, with their meetings, agendas and carried-over items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from coachdesk.demo.organisation import Level, Member, Organisation
from coachdesk.demo.phrases.commitments import LEADERSHIP_COMMITMENTS
from coachdesk.demo.phrases.meetings import (
    AGENT_AGENDA,
    MEETING_NOTES,
    MEETING_TIMES,
    SECOND_LINE_AGENDA,
    TALKING_POINT_NOTES,
    TALKING_POINTS,
    TEAM_LEADER_AGENDA,
    AgendaLine,
)
from coachdesk.demo.phrases.recognition import LEADER_RECOGNITION
from coachdesk.demo.promises import Promises
from coachdesk.demo.recognition import recognise
from coachdesk.demo.rows import Row
from coachdesk.demo.world import World, stamp, working_day
from coachdesk.models import AgendaItem, AgendaSource, Cadence, Meeting, MeetingStatus, OneOnOneSeries
from coachdesk.services.agenda_points import REMADE

TIMEZONE = "Europe/London"


@dataclass
class _Series:
    id: str
    manager: Member
    report: Member
    agenda: tuple[AgendaLine, ...]
    talking_points: tuple[str, ...]
    interval: int
    minutes: int
    usual_time: time
    carried: Row | None = None


CADENCE_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14}
LAGGING_RELIABILITY = 0.72


class OneOnOnes:
    """Series up the whole line: agents fortnightly, team leaders weekly where their coaching lags."""

    def __init__(self, world: World, promises: Promises) -> None:
        self.world = world
        self.promises = promises

    def hold(self, organisation: Organisation) -> None:
        for manager in organisation.second_line:
            self.series(
                organisation.senior,
                manager,
                Cadence.FORTNIGHTLY,
                minutes=60,
                agenda=SECOND_LINE_AGENDA,
                relationship="",
            )
        for leader in organisation.leaders:
            cadence = Cadence.WEEKLY if leader.reliability < LAGGING_RELIABILITY else Cadence.FORTNIGHTLY
            self.series(leader.boss, leader, cadence, minutes=45, agenda=TEAM_LEADER_AGENDA, relationship="team_leader")
        for agent in organisation.agents:
            self.series(agent.boss, agent, Cadence.FORTNIGHTLY, minutes=30, agenda=AGENT_AGENDA, relationship="agent")

    def series(
        self,
        manager: Member,
        report: Member,
        cadence: Cadence,
        *,
        minutes: int,
        agenda: tuple[AgendaLine, ...],
        relationship: str,
    ) -> None:
        world = self.world
        first = max(world.since, report.start_date + timedelta(days=7))
        weekday, usual_time = world.rng.randint(0, 4), world.pick(MEETING_TIMES)
        row = world.rows.add(
            OneOnOneSeries,
            stamp(first, 8),
            manager_id=manager.id,
            report_id=report.id,
            cadence=cadence,
            interval_days=CADENCE_DAYS[cadence],
            weekday=weekday,
            usual_time=usual_time,
            duration_minutes=minutes,
            timezone=TIMEZONE,
            template_id=world.builtins.agenda_templates.get(relationship),
        )
        points = TALKING_POINTS[report.level]
        series = _Series(row["id"], manager, report, agenda, points, CADENCE_DAYS[cadence], minutes, usual_time)
        day = first + timedelta(days=(weekday - first.weekday()) % 7)
        while day < world.today:
            self.meet(series, day)
            day += timedelta(days=series.interval)
        self.schedule(series, day, MeetingStatus.SCHEDULED)
        if world.chance(0.25):
            self.leave_talking_points(series)

    def meet(self, series: _Series, day: date) -> None:
        status, held_on = self.outcome(series, day)
        meeting = self.schedule(series, held_on, status)
        if held_on != day:
            meeting["original_scheduled_at"] = datetime.combine(day, series.usual_time)
        if status is MeetingStatus.HELD:
            self.run(series, meeting, held_on)

    def outcome(self, series: _Series, day: date) -> tuple[MeetingStatus, date]:
        """Holidays cancel or move a meeting; a manager's lapse makes them missed; mostly, they are held."""
        world = self.world
        if series.manager.calendar.is_away(day) or series.report.calendar.is_away(day):
            moved = working_day(day + timedelta(days=world.rng.randint(1, 2)))
            if moved < world.today and world.chance(0.3) and not series.manager.calendar.is_away(moved):
                return MeetingStatus.HELD, moved
            return MeetingStatus.CANCELLED, day
        if series.manager.calendar.is_lapsing(day) and world.chance(0.45):
            return MeetingStatus.MISSED, day
        statuses = (MeetingStatus.HELD, MeetingStatus.MISSED, MeetingStatus.CANCELLED)
        return world.rng.choices(statuses, weights=(93, 2, 5))[0], day

    def schedule(self, series: _Series, day: date, status: MeetingStatus) -> Row:
        return self.world.rows.add(
            Meeting,
            stamp(day - timedelta(days=series.interval), 9),
            series_id=series.id,
            scheduled_at=datetime.combine(day, series.usual_time),
            duration_minutes=series.minutes,
            status=status,
        )

    def run(self, series: _Series, meeting: Row, day: date) -> None:
        world = self.world
        began = meeting["scheduled_at"] + timedelta(minutes=world.rng.randint(0, 6))
        elapsed = series.minutes * 60 + world.rng.randint(-8, 12) * 60
        ended = began + timedelta(seconds=elapsed)
        meeting.update(
            started_at=began,
            ended_at=ended,
            elapsed_seconds=elapsed,
            notes=world.pick(MEETING_NOTES) if world.chance(0.3) else "",
            updated_at=ended,
        )
        self.discuss(series, meeting["id"], ended)
        if series.report.level is Level.AGENT:
            series.report.held_meetings[day] = meeting["id"]
        else:
            self.check_commitments(series, meeting["id"], day, ended)

    def discuss(self, series: _Series, meeting_id: str, ended: datetime) -> None:
        """The carried-over item first, then some of the usual lines in order, and maybe the report's own point."""
        world, voice = self.world, {"first": series.report.name.called}
        lines = [series.agenda[i] for i in sorted(world.rng.sample(range(len(series.agenda)), self.line_count(series)))]
        if world.chance(0.3):
            lines.append(
                AgendaLine(world.pick(series.talking_points), AgendaSource.TALKING_POINT, TALKING_POINT_NOTES, True)
            )
        carried, series.carried = series.carried, None
        items: list[tuple[str, AgendaSource, str, str | None, Member]] = []
        if carried is not None:
            items.append(
                (
                    carried["text"],
                    AgendaSource.CARRIED_OVER,
                    "Talked it through this time.",
                    carried["id"],
                    series.manager,
                )
            )
        for line in lines:
            by = series.report if line.by_report else series.manager
            items.append((line.text, line.source, world.say(line.notes, voice) if world.chance(0.7) else "", None, by))
        for position, (item_text, source, notes, carried_from, by) in enumerate(items):
            left_open = world.chance(0.08)
            row = world.rows.add(
                AgendaItem,
                ended - timedelta(days=2),
                series_id=series.id,
                meeting_id=meeting_id,
                position=position,
                text=item_text,
                added_by_id=by.id,
                source=source,
                carried_from_id=carried_from,
                done=not left_open,
                done_at=None if left_open else ended,
                deferred=left_open,
                notes="" if left_open else notes,
                seconds_spent=world.rng.randint(2, 12) * 60,
            )
            if left_open and source not in REMADE:
                series.carried = row

    def line_count(self, series: _Series) -> int:
        low, high = (2, 3) if series.report.level is Level.AGENT else (3, 5)
        return min(len(series.agenda), self.world.rng.randint(low, high))

    def check_commitments(self, series: _Series, meeting_id: str, day: date, ended: datetime) -> None:
        """Leaders' one-on-ones follow up last time's commitments, make new ones, and now and then recognise."""
        world = self.world
        self.promises.follow_up(series.id, day, meeting_id=meeting_id)
        if world.chance(0.45):
            wording, by_report = world.pick(LEADERSHIP_COMMITMENTS)
            owner = series.report if by_report else series.manager
            voice = {"first": series.report.name.called}
            due = day + timedelta(days=series.interval)
            wording = wording.format_map(voice)
            self.promises.make(
                series.id, owner, series.report, text=wording, due_on=due, at=ended, meeting_id=meeting_id
            )
        if world.chance(0.04):
            recognise(
                world, series.report, series.manager, ended, world.pick(LEADER_RECOGNITION), meeting_id=meeting_id
            )

    def leave_talking_points(self, series: _Series) -> None:
        """A point or two waiting for the next meeting, added in the last few days."""
        world = self.world
        for position in range(world.rng.randint(1, 2)):
            by = series.report if world.chance(0.6) else series.manager
            world.rows.add(
                AgendaItem,
                stamp(world.today - timedelta(days=world.rng.randint(1, 9)), 12, world.rng.randint(0, 59)),
                series_id=series.id,
                position=position,
                text=world.pick(series.talking_points),
                added_by_id=by.id,
                source=AgendaSource.TALKING_POINT,
            )
