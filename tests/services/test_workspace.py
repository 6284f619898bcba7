from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update

from coachdesk.models import Cadence, CommitmentStatus, LogEntry, MeetingStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.services.tracker import CoachingStatus
from coachdesk.services.workspace import RECENT_RECOGNITION, TIMELINE_PAGE
from tests.conftest import TODAY, Team


def log_session(services: Services, team: Team, days_ago: int, what: str, **changes: Any) -> str:
    draft = SessionDraft((team.priya.id,), what, held_on=TODAY - timedelta(days=days_ago), **changes)
    return services.log.record_session(draft).id


def test_the_overview_gathers_the_agents_page(services: Services, team: Team) -> None:
    log_session(services, team, 40, "First look at adherence.")
    latest = log_session(
        services,
        team,
        23,
        "Adherence review.",
        commitments=(
            CommitmentDraft("Set a reminder before lunch", team.priya.id, TODAY - timedelta(days=2)),
            CommitmentDraft("Swap Priya's break slot", team.leader.id, TODAY + timedelta(days=3)),
            CommitmentDraft("Read the escalation guide", team.priya.id, TODAY + timedelta(days=5)),
        ),
    )
    kept = services.log.get(latest).commitments[2]
    services.commitments.follow_up(kept.id, CommitmentStatus.DONE)
    services.log.record_session(
        SessionDraft(agent_ids=(team.tomas.id,), what_happened="Tomás's session.", held_on=TODAY - timedelta(days=1))
    )
    plan = services.plans.create_plan(
        team.priya.id,
        PlanDraft(
            "Ready for escalations",
            goals=(
                GoalDraft(
                    "Adherence at 85 %",
                    due_on=TODAY + timedelta(days=60),
                    steps=(StepDraft("Know the schedule"), StepDraft("Use reminders"), StepDraft("Plan breaks")),
                ),
            ),
        ),
    )
    services.plans.advance(plan.goals[0].id)
    adherence = services.kpis.define("Adherence", unit="%", target=85)
    services.kpis.record_values(
        [
            KpiValueInput(adherence.id, team.priya.id, TODAY - timedelta(days=14), 80.0),
            KpiValueInput(adherence.id, team.priya.id, TODAY - timedelta(days=7), 86.5),
        ]
    )
    for day in range(RECENT_RECOGNITION + 1):
        services.recognition.recognise(team.priya.id, f"Great call {day}", given_on=TODAY - timedelta(days=day))
    series = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.FORTNIGHTLY)
    services.meetings.schedule(series.id, datetime(2026, 11, 10, 10, 0))
    services.meetings.schedule(series.id, datetime(2026, 11, 26, 10, 0))
    services.meetings.add_agenda_item(series.id, "Rota for December")
    services.recognition.pair(team.tomas.id, team.priya.id, scope="Call control")

    overview = services.workspace.overview(team.priya.id)

    assert (overview.person.full_name, overview.person.reports_to_name) == ("Priya Shah", "Dana Whitfield")
    assert overview.tracker is not None
    assert (overview.tracker.status, overview.tracker.days_since, overview.tracker.target_days) == (
        CoachingStatus.OVERDUE,
        23,
        14,
    )
    assert [e.what_happened for e in overview.timeline.entries] == ["Adherence review.", "First look at adherence."]
    assert overview.timeline.has_more is False
    assert [(c.text, c.owner_name, c.overdue) for c in overview.commitments] == [
        ("Set a reminder before lunch", "Priya Shah", True),
        ("Swap Priya's break slot", "Dana Whitfield", False),
    ]
    assert overview.plan is not None
    goal = overview.plan.goals[0]
    assert (overview.plan.title, goal.current_step and goal.current_step.text) == (
        "Ready for escalations",
        "Use reminders",
    )
    assert [(k.kpi.name, k.value, k.meets_target) for k in overview.kpis] == [("Adherence", 86.5, True)]
    assert overview.kpi_names == {adherence.id: "Adherence"}
    assert [r.reason for r in overview.recognition] == [f"Great call {day}" for day in range(RECENT_RECOGNITION)]
    assert overview.one_on_one is not None
    assert overview.one_on_one.meeting is not None
    assert (overview.one_on_one.meeting.scheduled_at, overview.one_on_one.meeting.status) == (
        datetime(2026, 11, 26, 10, 0),
        MeetingStatus.SCHEDULED,
    )
    assert overview.one_on_one.waiting_points == 1
    assert [(m.mentor_name, m.mentee_name) for m in overview.mentorships] == [("Tomás Ruiz", "Priya Shah")]


def test_a_new_agent_has_an_empty_workspace_and_a_manager_no_cadence(services: Services, team: Team) -> None:
    overview = services.workspace.overview(team.new_starter.id)

    assert overview.tracker is not None
    assert overview.tracker.last_session_on is None
    assert overview.timeline.entries == ()
    assert (overview.commitments, overview.kpis, overview.recognition, overview.mentorships) == ((), (), (), ())
    assert (overview.plan, overview.one_on_one) == (None, None)
    assert services.workspace.overview(team.leader.id).tracker is None


def test_a_series_with_nothing_scheduled_is_still_the_next_one_on_one(services: Services, team: Team) -> None:
    series = services.meetings.create_series(team.leader.id, team.priya.id, Cadence.WEEKLY)
    services.meetings.schedule(series.id, datetime(2026, 11, 16, 10, 0))

    next_one = services.workspace.overview(team.priya.id).one_on_one

    assert next_one is not None
    assert (next_one.series.id, next_one.meeting) == (series.id, None)


def test_the_timeline_pages_through_a_crowded_day_without_gaps_or_repeats(services: Services, team: Team) -> None:
    ids = [log_session(services, team, days_ago, f"Session {n}") for n, days_ago in enumerate((1, 5, 5, 5, 5, 5, 9))]
    with services.notebook.write() as session:
        session.execute(update(LogEntry).values(created_at=datetime(2026, 11, 1, 8, 0)))

    pages, after = [], None
    while True:
        page = services.log.timeline(team.priya.id, limit=2, after=after)
        if not page:
            break
        pages.append([e.id for e in page])
        after = page[-1].id

    seen = [entry_id for page in pages for entry_id in page]
    assert sorted(seen) == sorted(ids)
    assert len(seen) == len(set(seen))
    assert [e.id for e in services.log.timeline(team.priya.id)] == seen
    assert [len(page) for page in pages] == [2, 2, 2, 1]


def test_the_workspace_timeline_says_when_older_pages_remain(services: Services, team: Team) -> None:
    for n in range(TIMELINE_PAGE + 3):
        log_session(services, team, n // 4, f"Session {n}")

    first = services.workspace.overview(team.priya.id).timeline
    rest = services.workspace.timeline_page(team.priya.id, after=first.entries[-1].id)

    assert (len(first.entries), first.has_more) == (TIMELINE_PAGE, True)
    assert (len(rest.entries), rest.has_more) == (3, False)
    assert {e.id for e in first.entries}.isdisjoint(e.id for e in rest.entries)
    every = [*first.entries, *rest.entries]
    assert [e.held_on for e in every] == sorted((e.held_on for e in every), reverse=True)
