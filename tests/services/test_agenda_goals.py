"""The plan goals a one-on-one worked on, and items kept private, from the agenda."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import AgendaItem, Commitment
from coachdesk.services import Services
from coachdesk.services.plans import GoalDraft, PlanDraft, PlanView
from coachdesk.services.privacy import shareable_rows
from tests.conftest import Team
from tests.services.test_agenda import MONDAY, weekly_series


def plan_for(services: Services, person_id: str, *titles: str) -> PlanView:
    return services.plans.create_plan(person_id, PlanDraft("Growth", goals=tuple(GoalDraft(t) for t in titles)))


def started_meeting(services: Services, team: Team) -> str:
    meeting = services.meetings.schedule(weekly_series(services, team.leader.id, team.priya.id).id, MONDAY)
    services.agenda.start(meeting.id)
    return meeting.id


def test_the_agenda_offers_the_reports_open_goals_and_ending_makes_the_ticked_ones_evidence(
    services: Services, team: Team
) -> None:
    plan = plan_for(services, team.priya.id, "Fewer escalations", "Shorter holds")
    plan_for(services, team.tomas.id, "Tomás's own goal")
    meeting_id = started_meeting(services, team)
    escalations, holds = (goal.id for goal in plan.goals)

    offered = services.agenda.agenda(meeting_id).goals
    assert [(g.title, g.ticked) for g in offered] == [("Fewer escalations", False), ("Shorter holds", False)]
    services.agenda.work_on_goals(meeting_id, [escalations, holds])
    services.agenda.work_on_goals(meeting_id, [holds])
    ended = services.agenda.end(meeting_id)

    assert [e.entry_id for e in services.plans.evidence(holds)] == [ended.entry_id]
    assert services.plans.evidence(holds)[0].is_one_on_one
    assert services.plans.evidence(escalations) == []
    assert services.log.get(ended.entry_id).goal_ids == (holds,)


def test_ticked_goals_are_kept_with_the_meeting_so_a_resumed_meeting_still_has_them(
    services: Services, team: Team
) -> None:
    plan = plan_for(services, team.priya.id, "Fewer escalations", "Shorter holds")
    meeting_id = started_meeting(services, team)
    services.agenda.work_on_goals(meeting_id, [plan.goals[1].id])

    resumed = services.agenda.start(meeting_id)

    assert [(g.title, g.ticked) for g in resumed.goals] == [("Fewer escalations", False), ("Shorter holds", True)]


def test_a_goal_of_someone_elses_plan_is_refused_and_nothing_is_ticked(services: Services, team: Team) -> None:
    own = plan_for(services, team.priya.id, "Fewer escalations")
    other = plan_for(services, team.tomas.id, "Tomás's own goal")
    meeting_id = started_meeting(services, team)

    with pytest.raises(ValidationError, match="someone else's plan") as refused:
        services.agenda.work_on_goals(meeting_id, [own.goals[0].id, other.goals[0].id])

    assert refused.value.field == "goal_ids"
    assert not any(g.ticked for g in services.agenda.agenda(meeting_id).goals)


def test_goals_cannot_be_ticked_once_the_meeting_has_ended(services: Services, team: Team) -> None:
    plan = plan_for(services, team.priya.id, "Fewer escalations")
    meeting_id = started_meeting(services, team)
    services.agenda.end(meeting_id)

    with pytest.raises(ValidationError, match="has already ended"):
        services.agenda.work_on_goals(meeting_id, [plan.goals[0].id])


def shared_ids(services: Services, table_name: str) -> set[str]:
    with services.notebook.read() as session:
        return next({row["id"] for row in rows} for table, rows in shareable_rows(session) if table.name == table_name)


def test_an_item_marked_private_in_the_meeting_stays_out_of_what_is_shared(services: Services, team: Team) -> None:
    meeting_id = started_meeting(services, team)
    point = services.agenda.add_item(meeting_id, "Health worries")

    private = services.agenda.set_private(point.id, True)

    assert private.is_private
    assert point.id not in shared_ids(services, AgendaItem.__tablename__)
    assert not services.agenda.set_private(point.id, False).is_private
    assert point.id in shared_ids(services, AgendaItem.__tablename__)


def test_a_commitment_item_marked_private_makes_its_commitment_private_too(services: Services, team: Team) -> None:
    meeting_id = started_meeting(services, team)
    commitment = services.agenda.capture_commitment(meeting_id, "Book the GP", team.priya.id, date(2026, 11, 30))
    item = next(i for i in services.agenda.agenda(meeting_id).items if i.commitment_id == commitment.id)

    services.agenda.set_private(item.id, True)

    assert commitment.id not in shared_ids(services, Commitment.__tablename__)
    ended = services.agenda.end(meeting_id)
    entry = services.log.get(ended.entry_id)
    assert "Book the GP" not in entry.next_steps
    assert "Book the GP" in entry.private_notes


def test_the_meeting_in_progress_is_the_one_started_last_and_not_ended(services: Services, team: Team) -> None:
    assert services.agenda.in_progress() is None
    meeting_id = started_meeting(services, team)

    running = services.agenda.in_progress()

    assert running is not None
    assert running.id == meeting_id
    services.agenda.end(meeting_id)
    assert services.agenda.in_progress() is None
