"""Scheduling one-on-ones: the next meeting by the cadence, moving, cancelling, missing, changing the cadence.

The clock stands at Monday 23 November 2026, 09:30.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import Cadence, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.meetings import SeriesSummary, SeriesView
from tests.conftest import Team, past_meeting

MONDAY, TUESDAY, WEDNESDAY = 0, 1, 2


def fortnightly_on_wednesdays(services: Services, team: Team) -> SeriesView:
    return services.meetings.create_series(
        team.leader.id, team.priya.id, weekday=WEDNESDAY, usual_time=time(10, 0), duration_minutes=45
    )


def summary_of(services: Services, series_id: str) -> SeriesSummary:
    return next(s for s in services.meetings.summaries() if s.series.id == series_id)


def test_the_next_meeting_is_one_interval_after_the_last_held_at_the_usual_day_and_time(
    services: Services, team: Team
) -> None:
    series = fortnightly_on_wednesdays(services, team)
    past_meeting(services, series.id, datetime(2026, 11, 11, 10, 0))
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 25, 10, 0)
    made = services.meetings.schedule_next(series.id)
    assert (made.scheduled_at, made.duration_minutes, made.status) == (
        datetime(2026, 11, 25, 10, 0),
        45,
        MeetingStatus.SCHEDULED,
    )
    assert summary_of(services, series.id).next_meeting == made


def test_a_meeting_moved_a_day_does_not_shift_the_rhythm(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    past_meeting(services, series.id, datetime(2026, 11, 12, 15, 0))  # held on the Thursday that week
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 25, 10, 0)


def test_a_late_series_gets_the_soonest_usual_slot_never_one_already_gone(services: Services, team: Team) -> None:
    series = services.meetings.create_series(
        team.leader.id, team.tomas.id, Cadence.WEEKLY, weekday=MONDAY, usual_time=time(9, 0)
    )
    past_meeting(services, series.id, datetime(2026, 11, 2, 9, 0))
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 30, 9, 0), "09:00 today has gone"


def test_missed_and_cancelled_meetings_are_not_where_the_cadence_counts_from(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.tomas.id, weekday=TUESDAY, usual_time=time(11, 0))
    past_meeting(services, series.id, datetime(2026, 11, 3, 11, 0))
    past_meeting(services, series.id, datetime(2026, 11, 17, 11, 0), MeetingStatus.CANCELLED)
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 24, 11, 0)


def test_without_a_usual_day_the_time_comes_from_the_last_meeting_and_weekends_are_skipped(
    services: Services, team: Team
) -> None:
    series = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.CUSTOM, interval_days=3)
    services.meetings.schedule_next(series.id, datetime(2026, 11, 25, 14, 15))
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 30, 14, 15), "Sat 28 Nov → Monday"


def test_a_first_meeting_is_the_next_working_day_slot(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.tomas.id)
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 23, 10, 0)


def test_a_series_can_be_created_with_its_first_meeting(services: Services, team: Team) -> None:
    series = services.meetings.create_series(
        team.leader.id, team.priya.id, weekday=WEDNESDAY, first_meeting_at=datetime(2026, 11, 25, 10, 0)
    )
    assert [m.scheduled_at for m in services.meetings.meetings(series.id)] == [datetime(2026, 11, 25, 10, 0)]
    with pytest.raises(ValidationError, match="Mon 23 Nov at 09:00 has passed") as refused:
        services.meetings.create_series(team.leader.id, team.tomas.id, first_meeting_at=datetime(2026, 11, 23, 9))
    assert refused.value.field == "first_meeting_at"
    assert [s.report_name for s in services.meetings.list_series()] == ["Priya Shah"], "nothing half-made is kept"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"duration_minutes": 300}, "duration_minutes", "between 5 minutes and 4 hours"),
        ({"weekday": 7}, "weekday", "Monday to Sunday"),
        ({"cadence": Cadence.CUSTOM}, "interval", "between 1 and 92 days"),
    ],
)
def test_a_series_is_refused_in_plain_words(
    services: Services, team: Team, changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError, match=words) as refused:
        services.meetings.create_series(team.leader.id, team.priya.id, **changes)
    assert refused.value.field == field


def test_scheduling_refuses_the_past_far_future_and_a_second_meeting_on_a_day(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    services.meetings.schedule_next(series.id)
    with pytest.raises(ValidationError, match="Fri 20 Nov at 10:00 has passed"):
        services.meetings.schedule_next(series.id, datetime(2026, 11, 20, 10, 0))
    with pytest.raises(ValidationError, match="more than a year ahead"):
        services.meetings.schedule_next(series.id, datetime(2028, 1, 5, 10, 0))
    with pytest.raises(ValidationError, match="already has a meeting on Wed 25 Nov at 10:00") as refused:
        services.meetings.schedule_next(series.id, datetime(2026, 11, 25, 16, 0))
    assert refused.value.field == "at"
    assert services.meetings.propose_next(series.id) == datetime(2026, 12, 9, 10, 0), "a fortnight after the next"


def test_moving_a_meeting_keeps_when_it_was_first_planned(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    made = services.meetings.schedule_next(series.id, datetime(2026, 11, 25, 10, 0))
    services.meetings.move_meeting(made.id, datetime(2026, 11, 25, 15, 0))
    moved = services.meetings.move_meeting(made.id, datetime(2026, 11, 27, 9, 0))
    assert (moved.scheduled_at, moved.original_scheduled_at, moved.status) == (
        datetime(2026, 11, 27, 9, 0),
        datetime(2026, 11, 25, 10, 0),
        MeetingStatus.SCHEDULED,
    )
    with pytest.raises(ValidationError, match="already on Fri 27 Nov at 09:00"):
        services.meetings.move_meeting(made.id, datetime(2026, 11, 27, 9, 0))
    with pytest.raises(ValidationError, match="has passed") as refused:
        services.meetings.move_meeting(made.id, datetime(2026, 11, 23, 9, 0))
    assert refused.value.field == "to"


def test_only_a_meeting_still_to_happen_can_be_moved_or_cancelled(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    held = past_meeting(services, series.id, datetime(2026, 11, 11, 10, 0))
    with pytest.raises(ValidationError, match="The meeting on Wed 11 Nov at 10:00 was held, so it cannot be moved"):
        services.meetings.move_meeting(held, datetime(2026, 11, 26, 10, 0))
    with pytest.raises(ValidationError, match="was held, so it cannot be cancelled"):
        services.meetings.cancel_meeting(held)


def test_a_cancelled_meeting_leaves_the_series_with_nothing_scheduled(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    made = services.meetings.schedule_next(series.id)
    assert services.meetings.cancel_meeting(made.id).status is MeetingStatus.CANCELLED
    summary = summary_of(services, series.id)
    assert (summary.next_meeting_at, summary.next_meeting) == (None, None)
    with pytest.raises(ValidationError, match="was cancelled, so it cannot be cancelled"):
        services.meetings.cancel_meeting(made.id)


def test_a_meeting_is_missed_only_once_its_time_has_come(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    gone = services.meetings.schedule(series.id, datetime(2026, 11, 18, 10, 0))
    coming = services.meetings.schedule_next(series.id)  # a fortnight after the one still marked scheduled
    assert summary_of(services, series.id).unrecorded == gone
    with pytest.raises(ValidationError, match="Wed 2 Dec at 10:00 has not come yet") as refused:
        services.meetings.mark_missed(coming.id)
    assert refused.value.field == "meeting_id"
    assert services.meetings.mark_missed(gone.id).status is MeetingStatus.MISSED
    summary = summary_of(services, series.id)
    assert (summary.missed_recently, summary.last_missed_at, summary.unrecorded) == (
        1,
        datetime(2026, 11, 18, 10, 0),
        None,
    )


def test_a_meeting_earlier_today_is_unrecorded_not_next(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY, duration_minutes=30)
    this_morning = services.meetings.schedule(series.id, datetime(2026, 11, 23, 8, 30))
    running = services.meetings.schedule(series.id, datetime(2026, 11, 23, 9, 15))
    summary = summary_of(services, series.id)
    assert (summary.unrecorded, summary.next_meeting) == (this_morning, running), "09:15–09:45 is still on"


def test_the_cadence_can_change_and_the_proposals_follow_it(services: Services, team: Team) -> None:
    series = fortnightly_on_wednesdays(services, team)
    past_meeting(services, series.id, datetime(2026, 11, 18, 10, 0))
    weekly = services.meetings.change_cadence(series.id, Cadence.WEEKLY)
    assert (weekly.cadence, weekly.interval_days) == (Cadence.WEEKLY, 7)
    assert services.meetings.propose_next(series.id) == datetime(2026, 11, 25, 10, 0)
    custom = services.meetings.change_cadence(series.id, Cadence.CUSTOM, interval_days=21)
    assert (custom.cadence, custom.interval_days) == (Cadence.CUSTOM, 21)
    with pytest.raises(ValidationError, match="between 1 and 92 days") as refused:
        services.meetings.change_cadence(series.id, Cadence.CUSTOM, interval_days=0)
    assert refused.value.field == "interval"
    assert services.meetings.list_series()[0].interval_days == 21
