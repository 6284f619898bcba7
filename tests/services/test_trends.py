"""Sessions per week against the target, per scope, team and manager."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from tests.conftest import TODAY, Team

FIRST_MONDAY = date(2026, 8, 31)
TARGET = round(7 / 7 + 7 / 14 + 7 / 30, 2)
"""Zoë is new (weekly), Priya developing (fortnightly), Tomás established (monthly)."""


def coach(services: Services, agent_ids: tuple[str, ...], days_ago: int, kind: str = "coaching") -> str:
    draft = SessionDraft(agent_ids, "Listened to calls.", kind=kind, held_on=TODAY - timedelta(days=days_ago))
    return services.log.record_session(draft).id


def weeks(**counts: int) -> tuple[int, ...]:
    """Thirteen weekly counts, zero except the weeks named `w0` (oldest) to `w12` (this week)."""
    return tuple(counts.get(f"w{week}", 0) for week in range(13))


@pytest.fixture
def sessions(services: Services, team: Team) -> None:
    tomas, priya, zoe = team.tomas.id, team.priya.id, team.new_starter.id
    for days_ago in (0, 1, 7, 8, 84, 85):  # Mon 23 Nov, Sun 22, Mon 16, Sun 15, Mon 31 Aug, Sun 30 Aug
        coach(services, (tomas,), days_ago)
    coach(services, (priya, zoe), days_ago=2)  # a group session counts once for each agent
    coach(services, (priya,), days_ago=3, kind="mentoring")
    services.log.delete(coach(services, (zoe,), days_ago=4))


def test_sessions_are_counted_in_monday_weeks_against_the_cadence_target(
    services: Services, team: Team, sessions: None
) -> None:
    trends = services.trends.sessions_per_week()
    assert trends.weeks[0] == FIRST_MONDAY
    assert trends.weeks[-1] == TODAY
    assert len(trends.weeks) == 13
    overall = trends.overall
    assert overall.counts == weeks(w0=1, w10=1, w11=4, w12=1)
    assert (overall.agents, overall.target_per_week) == (3, TARGET)
    assert overall.average == pytest.approx(6 / 12)
    assert overall.weeks_on_target == 1


def test_each_team_and_each_manager_has_its_own_trend(services: Services, team: Team, sessions: None) -> None:
    billing = services.people.add_team("Billing")
    for agent in (team.priya, team.tomas):
        services.people.update(agent.id, replace(services.people.draft_of(agent.id), team_id=billing.id))
    trends = services.trends.sessions_per_week()
    assert [(t.label, t.agents, t.counts) for t in trends.teams] == [
        ("Billing", 2, weeks(w0=1, w10=1, w11=3, w12=1)),
        ("No team", 1, weeks(w11=1)),
    ]
    assert [(t.label, t.agents, t.target_per_week) for t in trends.teams] == [
        ("Billing", 2, round(7 / 14 + 7 / 30, 2)),
        ("No team", 1, 1.0),
    ]
    assert [(t.label, t.counts) for t in trends.managers] == [
        ("Dana Whitfield", trends.overall.counts),
        ("Grace Okafor", trends.overall.counts),
    ]


def test_the_scope_is_everyone_below_a_manager(services: Services, team: Team, sessions: None) -> None:
    elsewhere = services.people.add(PersonDraft("Ola Nordmann", "L2", is_agent=False, is_manager=True))
    kofi = services.people.add(PersonDraft("Kofi Mensah", "A9", reports_to_id=elsewhere.id))
    coach(services, (kofi.id,), days_ago=0)
    assert services.trends.sessions_per_week().overall.counts[-1] == 2
    below_senior = services.trends.sessions_per_week(under_manager_id=team.senior.id)
    assert (below_senior.overall.agents, below_senior.overall.counts[-1]) == (3, 1)
    assert [t.label for t in below_senior.managers] == ["Dana Whitfield"]
    below_leader = services.trends.sessions_per_week(under_manager_id=team.leader.id)
    assert (below_leader.overall.counts, below_leader.managers) == (weeks(w0=1, w10=1, w11=4, w12=1), ())


def test_archived_agents_leave_the_figures_and_the_target(services: Services, team: Team, sessions: None) -> None:
    services.people.set_archived(team.tomas.id, archived=True)
    overall = services.trends.sessions_per_week().overall
    assert (overall.agents, overall.target_per_week, overall.counts) == (2, 1.5, weeks(w11=2))


def test_an_empty_notebook_has_empty_weeks(services: Services) -> None:
    trends = services.trends.sessions_per_week()
    assert (trends.overall.agents, trends.overall.counts, trends.teams, trends.managers) == (0, weeks(), (), ())
    assert trends.overall.average == 0.0
