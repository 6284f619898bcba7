from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coachdesk.errors import ValidationError
from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from tests.conftest import TODAY, Team


def adherence_plan() -> PlanDraft:
    return PlanDraft(
        "Ready for the escalations desk",
        training_needs="Adherence workshop",
        goals=(
            GoalDraft(
                "Adherence at 85 %",
                baseline_value=78,
                target_value=85,
                due_on=date(2027, 1, 31),
                steps=(StepDraft("Know the schedule"), StepDraft("Use reminders"), StepDraft("Plan breaks")),
            ),
            GoalDraft("Handle escalations", steps=(StepDraft("Shadow a senior"),)),
        ),
    )


def test_a_plan_knows_the_step_each_goal_is_on(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    goal = plan.goals[0]
    assert (goal.current_step and goal.current_step.text, goal.steps_done) == ("Know the schedule", 0)

    advanced = services.plans.advance(goal.id).goals[0]

    assert advanced.current_step is not None
    assert (advanced.current_step.text, advanced.current_step.started_on, advanced.steps_done) == (
        "Use reminders",
        TODAY,
        1,
    )
    assert advanced.steps[0].completed_on == TODAY


def test_advancing_past_the_last_step_is_refused(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    services.plans.advance(plan.goals[1].id)
    with pytest.raises(ValidationError, match="already done"):
        services.plans.advance(plan.goals[1].id)


def test_revising_a_plan_keeps_the_version_it_replaces(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    draft = services.plans.draft_of(plan.id)
    first_goal = replace(draft.goals[0], target_value=88, steps=(*draft.goals[0].steps, StepDraft("Coach a peer")))
    revised = services.plans.revise_plan(plan.id, replace(draft, goals=(first_goal,)), reason="Priya asked for more")

    assert revised.revision == 2
    assert [(g.title, g.target_value, len(g.steps)) for g in revised.goals] == [("Adherence at 85 %", 88, 4)]
    assert revised.goals[0].id == plan.goals[0].id
    [history] = services.plans.history(plan.id)
    assert (history.number, history.reason) == (1, "Priya asked for more")
    assert [g["title"] for g in history.snapshot["goals"]] == ["Adherence at 85 %", "Handle escalations"]
    assert history.snapshot["goals"][0]["target_value"] == 85


def test_sessions_linked_to_a_goal_are_its_evidence(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    services.log.record_session(SessionDraft((team.priya.id,), "Worked on reminders.", goal_ids=(plan.goals[0].id,)))
    assert [g.evidence_count for g in services.plans.get(plan.id).goals] == [1, 0]
    assert services.plans.active_plan_for(team.priya.id) == services.plans.get(plan.id)
