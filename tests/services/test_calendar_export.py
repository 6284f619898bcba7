"""The one-on-one schedule as iCalendar, read back by an independent parser (vobject) and by a real calendar program."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, time
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
import vobject

from coachdesk.errors import CoachDeskError
from coachdesk.models import Cadence, Meeting, MeetingStatus, OneOnOneSeries
from coachdesk.services import Services
from coachdesk.services.meetings import SeriesView
from tests.conftest import NOW, Team

TEN = time(10, 0)


def parsed(services: Services, **options: Any) -> Any:
    return vobject.readOne(services.calendar.calendar(**options).ical.decode())


def events(calendar: Any, uid: str) -> list[Any]:
    return [event for event in calendar.vevent_list if event.uid.value == uid]


def series_event(calendar: Any, series: SeriesView) -> Any:
    """The recurring event of a series: the one of its UID without a RECURRENCE-ID."""
    (found,) = [event for event in events(calendar, f"{series.id}@coachdesk") if not hasattr(event, "recurrence_id")]
    return found


def wall_clock(event: Any, until: datetime) -> list[datetime]:
    """The occurrences as a person sees them on their clock in the event's zone, up to `until`."""
    occurrences = (moment.replace(tzinfo=None) for moment in event.getrruleset(addRDate=True))
    return list(takewhile(lambda moment: moment <= until, occurrences))


def record(services: Services, meeting_id: str, status: MeetingStatus, *, moved_to: datetime | None = None) -> None:
    """A meeting's outcome, or its move as moving one keeps it: still scheduled, its first planned time kept."""
    with services.notebook.write() as session:
        stored = session.get(Meeting, meeting_id)
        assert stored is not None
        stored.status = status
        if moved_to is not None:
            stored.original_scheduled_at = stored.scheduled_at
            stored.scheduled_at = moved_to


@pytest.fixture
def thursdays(services: Services, team: Team) -> SeriesView:
    """Dana and Priya, fortnightly on Thursdays at 10:00 London time, the next meeting booked for 26 November."""
    series = services.meetings.create_series(
        team.leader.id, team.priya.id, weekday=3, usual_time=TEN, timezone="Europe/London"
    )
    services.meetings.schedule(series.id, datetime(2026, 11, 26, 10, 0))
    return series


def test_a_series_repeats_at_the_same_local_time_across_the_change_to_summer_time(
    services: Services, thursdays: SeriesView
) -> None:
    calendar = parsed(services)
    event = series_event(calendar, thursdays)
    assert str(event.dtstart.value.tzinfo) == "Europe/London"
    assert event.duration.value.total_seconds() == 30 * 60
    assert event.summary.value == "One-on-one: Dana Whitfield ↔ Priya Shah"
    occurrences = wall_clock(event, datetime(2027, 4, 15, 23, 0))
    assert occurrences[:3] == [datetime(2026, 11, 26, 10), datetime(2026, 12, 10, 10), datetime(2026, 12, 24, 10)]
    assert occurrences[-3:] == [datetime(2027, 3, 18, 10), datetime(2027, 4, 1, 10), datetime(2027, 4, 15, 10)]
    london = calendar.vtimezone.gettzinfo()
    assert [moment.replace(tzinfo=london).astimezone(UTC).hour for moment in occurrences[-3:]] == [10, 9, 9]


def test_a_moved_meeting_overrides_its_occurrence_and_cancelled_or_postponed_ones_are_left_out(
    services: Services, thursdays: SeriesView
) -> None:
    moved = services.meetings.schedule(thursdays.id, datetime(2026, 12, 10, 10, 0))
    record(services, moved.id, MeetingStatus.SCHEDULED, moved_to=datetime(2026, 12, 11, 14, 30))
    cancelled = services.meetings.schedule(thursdays.id, datetime(2026, 12, 24, 10, 0))
    record(services, cancelled.id, MeetingStatus.CANCELLED)
    postponed = services.meetings.schedule(thursdays.id, datetime(2027, 1, 7, 10, 0))
    record(services, postponed.id, MeetingStatus.POSTPONED)
    calendar = parsed(services)
    event = series_event(calendar, thursdays)
    assert wall_clock(event, datetime(2027, 1, 21, 23, 0)) == [
        datetime(2026, 11, 26, 10),
        datetime(2026, 12, 10, 10),
        datetime(2027, 1, 21, 10),
    ]
    (override,) = [found for found in events(calendar, event.uid.value) if hasattr(found, "recurrence_id")]
    assert override.recurrence_id.value.replace(tzinfo=None) == datetime(2026, 12, 10, 10, 0)
    assert override.dtstart.value.replace(tzinfo=None) == datetime(2026, 12, 11, 14, 30)
    assert str(override.dtstart.value.tzinfo) == "Europe/London"


def test_a_meeting_off_the_rhythm_is_an_event_of_its_own(services: Services, thursdays: SeriesView) -> None:
    extra = services.meetings.schedule(thursdays.id, datetime(2026, 12, 2, 16, 0))
    calendar = parsed(services)
    (single,) = events(calendar, f"{extra.id}@coachdesk")
    assert single.dtstart.value.replace(tzinfo=None) == datetime(2026, 12, 2, 16, 0)
    assert not hasattr(single, "rrule")
    assert single.summary.value == "One-on-one: Dana Whitfield ↔ Priya Shah"
    assert len(calendar.vevent_list) == 2


@pytest.mark.parametrize(
    ("cadence", "rule", "dates"),
    [
        (Cadence.WEEKLY, "FREQ=WEEKLY;INTERVAL=1", [datetime(2026, 12, 3, 10), datetime(2026, 12, 10, 10)]),
        (Cadence.MONTHLY, "FREQ=WEEKLY;INTERVAL=4", [datetime(2026, 12, 24, 10), datetime(2027, 1, 21, 10)]),
        (Cadence.CUSTOM, "FREQ=DAILY;INTERVAL=10", [datetime(2026, 12, 6, 10), datetime(2026, 12, 16, 10)]),
    ],
)
def test_each_cadence_becomes_a_rule_every_calendar_repeats_the_same_way(
    services: Services, team: Team, cadence: Cadence, rule: str, dates: list[datetime]
) -> None:
    """Custom series here meet every ten days."""
    series = services.meetings.create_series(
        team.leader.id, team.tomas.id, cadence, interval_days=10, weekday=3, usual_time=TEN
    )
    event = series_event(parsed(services), series)
    assert event.rrule.value == rule
    assert wall_clock(event, dates[-1]) == [datetime(2026, 11, 26, 10), *dates]


def test_without_a_booked_meeting_the_series_starts_on_its_usual_day_in_utc(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY, weekday=4, usual_time=TEN)
    ical = services.calendar.calendar().ical.decode()
    assert "DTSTART:20261127T100000Z" in ical.splitlines()
    assert "VTIMEZONE" not in ical
    assert series_event(vobject.readOne(ical), series).dtstart.value == datetime(2026, 11, 27, 10, tzinfo=UTC)


def test_an_unknown_time_zone_gives_floating_times(services: Services, team: Team) -> None:
    series = services.meetings.create_series(
        team.leader.id, team.tomas.id, weekday=0, usual_time=TEN, timezone="Europe/Atlantis"
    )
    event = series_event(parsed(services), series)
    assert event.dtstart.value == datetime(2026, 11, 23, 10, 0)
    assert event.dtstart.value.tzinfo is None


def test_the_calendar_names_itself_and_is_stamped_by_the_clock(services: Services, thursdays: SeriesView) -> None:
    calendar = parsed(services)
    assert calendar.prodid.value == "-//CoachDesk//One-on-ones//EN"
    assert calendar.version.value == "2.0"
    event = series_event(calendar, thursdays)
    assert event.uid.value == f"{thursdays.id}@coachdesk"
    assert event.dtstamp.value == NOW.astimezone(UTC)


def test_private_talking_points_never_appear_and_are_not_counted(
    services: Services, team: Team, thursdays: SeriesView
) -> None:
    meetings = services.meetings
    meetings.add_agenda_item(thursdays.id, "Ask about the shift swap")
    meetings.add_agenda_item(thursdays.id, "Her health appointment on Friday", is_private=True)
    meetings.close_agenda_item(meetings.add_agenda_item(thursdays.id, "Already settled").id)
    (next_meeting,) = meetings.meetings(thursdays.id)
    meetings.add_agenda_item(thursdays.id, "Quality scores for October", meeting_id=next_meeting.id)
    ical = services.calendar.calendar().ical.decode()
    for text in ("shift swap", "health", "Already settled", "Quality scores"):
        assert text not in ical
    event = series_event(vobject.readOne(ical), thursdays)
    assert event.description.value.startswith("2 talking points waiting for this one-on-one.")


def test_only_active_placeable_series_are_written_and_the_rest_are_named(
    services: Services, team: Team, thursdays: SeriesView
) -> None:
    unplaced = services.meetings.create_series(team.leader.id, team.tomas.id)
    paused = services.meetings.create_series(team.leader.id, team.new_starter.id, weekday=1, usual_time=TEN)
    with services.notebook.write() as session:
        stored = session.get(OneOnOneSeries, paused.id)
        assert stored is not None
        stored.active = False
    schedule = services.calendar.calendar()
    assert (schedule.series_count, schedule.left_out) == (1, ("Dana Whitfield ↔ Tomás Ruiz",))
    assert schedule.summary == "1 one-on-one series"
    assert "Dana Whitfield ↔ Tomás Ruiz" in schedule.note
    calendar = vobject.readOne(schedule.ical.decode())
    assert [event.uid.value for event in calendar.vevent_list] == [f"{thursdays.id}@coachdesk"]
    assert unplaced.id not in schedule.ical.decode()


def test_one_managers_series_only(services: Services, team: Team, thursdays: SeriesView) -> None:
    upward = services.meetings.create_series(team.senior.id, team.leader.id, weekday=1, usual_time=TEN)
    calendar = parsed(services, manager_id=team.senior.id)
    assert [event.uid.value for event in calendar.vevent_list] == [f"{upward.id}@coachdesk"]


def test_writing_to_a_missing_folder_says_so(services: Services, thursdays: SeriesView, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "one-on-ones.ics"
    with pytest.raises(CoachDeskError, match=re.escape(f"Could not write {target}: No such file or directory.")):
        services.calendar.export_to(target)
    assert not target.exists()


@pytest.fixture
def calcurse(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """calcurse on throwaway data and configuration folders, on London time, never touching the real home."""
    program = shutil.which("calcurse")
    if program is None:
        pytest.skip("calcurse is not installed; `python3 dev.py test` installs it on Debian and Ubuntu")
    home = tmp_path / "calcurse"
    (home / "data").mkdir(parents=True)
    (home / "config").mkdir()
    environment = {**os.environ, "HOME": str(home), "TZ": "Europe/London"}

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        command = [program, "-D", str(home / "data"), "-C", str(home / "config"), *arguments]
        return subprocess.run(
            command, env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, check=False
        )

    return run


def test_calcurse_imports_the_file_without_errors_and_lists_the_meetings(
    services: Services, thursdays: SeriesView, tmp_path: Path, calcurse: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    cancelled = services.meetings.schedule(thursdays.id, datetime(2026, 12, 10, 10, 0))
    record(services, cancelled.id, MeetingStatus.CANCELLED)
    target = tmp_path / "one-on-ones.ics"
    services.calendar.export_to(target)
    imported = calcurse("-i", str(target))
    assert imported.returncode == 0, imported.stderr
    assert "1 app / 0 events / 0 todos / 0 skipped" in imported.stdout
    listed = calcurse(
        "-Q", "--from", "11/23/2026", "--days", "45", "--format-recur-apt", "%(start:%Y-%m-%d %H:%M) %d %m\n"
    )
    assert listed.returncode == 0, listed.stderr
    assert [line for line in listed.stdout.splitlines() if "One-on-one" in line] == [
        "2026-11-26 10:00 1800 One-on-one: Dana Whitfield ↔ Priya Shah",
        "2026-12-24 10:00 1800 One-on-one: Dana Whitfield ↔ Priya Shah",
    ]
