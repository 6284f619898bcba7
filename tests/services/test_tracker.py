from __future__ import annotations

from datetime import date, timedelta

from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.tracker import CoachingStatus
from tests.conftest import TODAY, Team


def coach(services: Services, agent_id: str, days_ago: int, kind: str = "coaching") -> str:
    draft = SessionDraft((agent_id,), "Reviewed calls together.", kind=kind, held_on=TODAY - timedelta(days=days_ago))
    return services.log.record_session(draft).id


def test_agents_are_overdue_due_soon_or_on_track_against_their_own_cadence(services: Services, team: Team) -> None:
    coach(services, team.new_starter.id, days_ago=9)  # weekly: two days late
    coach(services, team.priya.id, days_ago=12)  # fortnightly: due in two days
    coach(services, team.tomas.id, days_ago=3)  # monthly: fine
    rows = {row.full_name: row for row in services.tracker.agents()}
    assert rows["Zoë Álvarez"].status is CoachingStatus.OVERDUE
    assert rows["Zoë Álvarez"].next_due_on == TODAY - timedelta(days=2)
    assert rows["Priya Shah"].status is CoachingStatus.DUE_SOON
    assert rows["Tomás Ruiz"].status is CoachingStatus.ON_TRACK
    assert services.tracker.agents()[0].full_name == "Zoë Álvarez"


def test_an_agent_never_coached_is_overdue_one_cadence_after_starting(services: Services, team: Team) -> None:
    [row] = [r for r in services.tracker.agents() if r.full_name == "Zoë Álvarez"]
    assert (row.last_session_on, row.days_since, row.status) == (None, None, CoachingStatus.OVERDUE)
    assert row.next_due_on == date(2026, 11, 9)


def test_sessions_are_counted_in_four_and_thirteen_week_windows(services: Services, team: Team) -> None:
    for days_ago in (1, 20, 27, 28, 60, 90, 91, 200):
        coach(services, team.tomas.id, days_ago)
    [row] = [r for r in services.tracker.agents() if r.full_name == "Tomás Ruiz"]
    assert (row.sessions_4w, row.sessions_13w, row.last_session_on, row.days_since) == (3, 6, TODAY - timedelta(1), 1)
    assert (row.expected_4w, row.expected_13w) == (0.93, 3.03)


def test_the_last_session_is_found_even_long_ago(services: Services, team: Team) -> None:
    coach(services, team.tomas.id, days_ago=400)
    [row] = [r for r in services.tracker.agents() if r.full_name == "Tomás Ruiz"]
    assert (row.last_session_on, row.sessions_13w, row.status) == (TODAY - timedelta(400), 0, CoachingStatus.OVERDUE)


def test_mentoring_and_deleted_sessions_do_not_count_as_coaching(services: Services, team: Team) -> None:
    coach(services, team.priya.id, days_ago=1, kind="mentoring")
    services.log.delete(coach(services, team.priya.id, days_ago=2))
    [row] = [r for r in services.tracker.agents() if r.full_name == "Priya Shah"]
    assert (row.sessions_4w, row.last_session_on) == (0, None)


def test_open_and_overdue_commitments_count_both_sides(services: Services, team: Team) -> None:
    services.commitments.add(CommitmentDraft("Finish the module", team.priya.id, TODAY - timedelta(days=1)))
    services.commitments.add(
        CommitmentDraft("Book a side-by-side", team.leader.id, TODAY + timedelta(3), team.priya.id)
    )
    [row] = [r for r in services.tracker.agents() if r.full_name == "Priya Shah"]
    assert (row.open_commitments, row.overdue_commitments) == (2, 1)


def test_managers_see_their_teams_rolled_up(services: Services, team: Team) -> None:
    coach(services, team.priya.id, days_ago=5)
    coach(services, team.tomas.id, days_ago=10)
    services.commitments.add(CommitmentDraft("Finish the module", team.priya.id, TODAY - timedelta(days=1)))
    rollups = {r.full_name: r for r in services.tracker.managers()}
    leader, senior = rollups["Dana Whitfield"], rollups["Grace Okafor"]
    assert (leader.direct_reports, leader.agents, leader.overdue_agents, leader.sessions_4w) == (3, 3, 1, 2)
    assert (senior.direct_reports, senior.agents, senior.sessions_4w, senior.overdue_commitments) == (1, 3, 2, 1)
    assert leader.expected_4w == round(28 / 7 + 28 / 14 + 28 / 30, 2)
    assert leader.coverage_4w is not None
    assert round(leader.coverage_4w, 2) == round(2 / leader.expected_4w, 2)


def test_the_tracker_can_be_scoped_to_one_managers_people(services: Services, team: Team) -> None:
    from coachdesk.services.people import PersonDraft

    other = services.people.add(PersonDraft("Ola Nordmann", "L2", is_agent=False, is_manager=True))
    services.people.add(PersonDraft("Kofi Mensah", "A9", reports_to_id=other.id))
    scoped = [r.full_name for r in services.tracker.agents(under_manager_id=team.senior.id)]
    assert sorted(scoped) == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]
    assert [r.full_name for r in services.tracker.managers(under_manager_id=team.senior.id)] == ["Dana Whitfield"]
