"""Which one-on-ones need attention: overdue, missed, missed again (seen one step up the line), better weekly.

Grace Okafor manages Dana Whitfield, who owns the notebook and manages Priya, Tomás and Zoë. The clock stands at
Monday 23 November 2026, 09:30.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from coachdesk.models import Cadence, Meeting, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.one_on_one_health import Attention, AttentionFlag
from coachdesk.services.people import PersonDraft
from coachdesk.services.today import today_view
from tests.conftest import TODAY, Team


def meeting(services: Services, series_id: str, day: date, status: MeetingStatus = MeetingStatus.HELD) -> str:
    """A meeting at 10:00 on `day` and how it went, as the agenda view will record it."""
    made = services.meetings.schedule(series_id, datetime.combine(day, time(10, 0)))
    with services.notebook.write() as session:
        stored = session.get(Meeting, made.id)
        assert stored is not None
        stored.status = status
    return made.id


def flags(services: Services) -> list[tuple[Attention, str, str]]:
    return [(f.kind, f.report_name, f.reason) for f in today_view(services).one_on_ones]


def test_a_series_is_overdue_once_a_meeting_and_its_grace_have_gone_by_with_nothing_scheduled(
    services: Services, team: Team
) -> None:
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.WEEKLY)
    priya = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.WEEKLY)
    services.meetings.create_series(team.leader.id, team.new_starter.id)
    meeting(services, tomas.id, date(2026, 11, 13))  # ten days ago: a week and its two days' grace are over
    meeting(services, priya.id, date(2026, 11, 14))  # nine days ago: still within the grace
    assert flags(services) == [
        (
            Attention.OVERDUE,
            "Tomás Ruiz",
            "Last held 10 days ago, on Fri 13 Nov, and nothing is scheduled; the series meets weekly.",
        ),
        (Attention.OVERDUE, "Zoë Álvarez", "No meeting held yet and none scheduled."),
    ]
    services.meetings.schedule_next(tomas.id)
    assert [name for _kind, name, _reason in flags(services)] == ["Zoë Álvarez"]


def test_a_meeting_whose_time_passed_still_marked_scheduled_is_overdue_and_names_the_meeting(
    services: Services, team: Team
) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id)
    meeting(services, series.id, date(2026, 11, 4))
    waiting = meeting(services, series.id, date(2026, 11, 18), MeetingStatus.SCHEDULED)
    services.meetings.schedule_next(series.id)
    [flag] = today_view(services).one_on_ones
    assert (flag.kind, flag.meeting_id, flag.reason) == (
        Attention.OVERDUE,
        waiting,
        "The meeting on Wed 18 Nov at 10:00 is still marked scheduled: start it, move it or mark it missed.",
    )
    assert today_view(services).overdue_one_on_ones == 1
    services.meetings.mark_missed(waiting)
    assert [kind for kind, _name, _reason in flags(services)] == [Attention.MISSED]


def test_a_missed_meeting_is_flagged_until_one_is_held(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id)
    meeting(services, series.id, date(2026, 11, 4))
    meeting(services, series.id, date(2026, 11, 18), MeetingStatus.MISSED)
    services.meetings.schedule_next(series.id)
    assert flags(services) == [(Attention.MISSED, "Priya Shah", "Missed on Wed 18 Nov, and not held since.")]
    meeting(services, series.id, date(2026, 11, 20))
    assert flags(services) == []


def test_missed_twice_is_flagged_to_the_manager_and_to_the_managers_manager(services: Services, team: Team) -> None:
    priya = services.meetings.create_series(team.leader.id, team.priya.id)
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id)
    for series in (priya, tomas):
        meeting(services, series.id, date(2026, 11, 18))
        services.meetings.schedule_next(series.id)
    meeting(services, priya.id, date(2026, 10, 7), MeetingStatus.MISSED)
    meeting(services, priya.id, date(2026, 11, 4), MeetingStatus.MISSED)
    meeting(services, tomas.id, date(2026, 11, 4), MeetingStatus.MISSED)
    meeting(services, tomas.id, date(2026, 8, 5), MeetingStatus.MISSED)  # more than 13 weeks ago
    repeated = "2 meetings missed in 13 weeks, the last on Wed 4 Nov."
    assert flags(services) == [(Attention.MISSED, "Priya Shah", repeated)], "Dana sees her own pattern"

    services.people.set_owner(team.senior.id)
    [seen_by_grace] = today_view(services).one_on_ones
    assert (seen_by_grace.kind, seen_by_grace.manager_name, seen_by_grace.report_name, seen_by_grace.reason) == (
        Attention.REPEATED_MISSES,
        "Dana Whitfield",
        "Priya Shah",
        repeated,
    )

    top = services.people.add(PersonDraft("Ama Boateng", "D1", is_agent=False, is_manager=True))
    services.people.update(team.senior.id, replace(services.people.draft_of(team.senior.id), reports_to_id=top.id))
    services.people.set_owner(top.id)
    assert flags(services) == [], "two steps up the line is too far for one team's one-on-ones"


def test_weekly_is_suggested_when_the_reports_own_coaching_falls_behind(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.senior.id, team.leader.id)
    meeting(services, series.id, date(2026, 11, 18))
    services.meetings.schedule_next(series.id)
    services.people.set_owner(team.senior.id)
    for agent, days_ago in ((team.priya, 3), (team.new_starter, 10), (team.new_starter, 2)):
        services.log.record_session(
            SessionDraft((agent.id,), "Call review.", coach_id=team.leader.id, held_on=TODAY - timedelta(days_ago))
        )
    [suggestion] = today_view(services).one_on_ones
    assert suggestion == AttentionFlag(
        Attention.GO_WEEKLY,
        series.id,
        team.senior.id,
        "Grace Okafor",
        team.leader.id,
        "Dana Whitfield",
        "Dana Whitfield's people had 3 coaching sessions in the last four weeks against 7 due (43 %, below 70 %). "
        "Meeting weekly instead of fortnightly helps the coaching catch up.",
    )
    services.meetings.change_cadence(series.id, Cadence.WEEKLY)
    assert flags(services) == []


def test_a_report_coached_well_enough_gets_no_suggestion(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.senior.id, team.leader.id)
    meeting(services, series.id, date(2026, 11, 18))
    services.meetings.schedule_next(series.id)
    services.people.set_owner(team.senior.id)
    sessions = ((team.priya, 3), (team.tomas, 5), (team.new_starter, 2), (team.new_starter, 9), (team.priya, 17))
    for agent, days_ago in sessions:
        services.log.record_session(SessionDraft((agent.id,), "Call review.", held_on=TODAY - timedelta(days_ago)))
    assert flags(services) == [], "5 of the 7 sessions due is 72 %"
