from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import GoalStatus
from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import BarrierDraft, GoalDraft, PlanDraft, StepDraft
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


def test_barriers_name_their_goal_and_who_removes_them(services: Services, team: Team) -> None:
    draft = replace(adherence_plan(), barriers=(BarrierDraft("No quiet room for call reviews", 0, team.leader.id),))
    plan = services.plans.create_plan(team.priya.id, draft)

    [barrier] = plan.barriers
    assert (barrier.text, barrier.goal_title, barrier.owner_name, barrier.removed_on) == (
        "No quiet room for call reviews",
        "Adherence at 85 %",
        "Dana Whitfield",
        None,
    )
    assert services.plans.draft_of(plan.id).barriers[0].goal_index == 0


def test_the_history_says_what_each_revision_changed(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    draft = services.plans.draft_of(plan.id)
    adherence = draft.goals[0]
    first_step = replace(adherence.steps[0], completed_on=TODAY)
    revised = replace(
        draft,
        training_needs="Adherence workshop; call-review coaching",
        goals=(
            replace(
                adherence,
                title="Adherence at 88 %",
                target_value=88,
                due_on=date(2027, 2, 28),
                steps=(first_step, *adherence.steps[1:2], StepDraft("Coach a peer")),
            ),
            GoalDraft("Lower AHT"),
        ),
        barriers=(BarrierDraft("Rota changes weekly", 0, team.leader.id),),
    )
    services.plans.revise_plan(plan.id, revised, reason="Reached the first target early")

    [revision] = services.plans.history(plan.id)

    assert revision.reason == "Reached the first target early"
    assert revision.author_name == "Dana Whitfield"
    assert revision.changes == (
        "Training needs changed to “Adherence workshop; call-review coaching”",
        "Goal removed: “Handle escalations”",
        "Goal renamed from “Adherence at 85 %” to “Adherence at 88 %”",
        "“Adherence at 88 %”: target changed from 85 to 88",
        "“Adherence at 88 %”: due date changed from 2027-01-31 to 2027-02-28",
        "“Adherence at 88 %”: step removed: “Plan breaks”",
        "“Adherence at 88 %”: step completed: “Know the schedule”",
        "“Adherence at 88 %”: step added: “Coach a peer”",
        "Goal added: “Lower AHT”",
        "Barrier added: “Rota changes weekly”",
    )


def test_a_step_not_moved_for_weeks_is_stalled(services: Services, team: Team) -> None:
    draft = adherence_plan()
    adherence = draft.goals[0]
    steps = (
        replace(adherence.steps[0], started_on=date(2026, 9, 1), completed_on=date(2026, 10, 12)),
        *adherence.steps[1:],
    )
    plan = services.plans.create_plan(team.priya.id, replace(draft, goals=(replace(adherence, steps=steps),)))
    goal = plan.goals[0]

    assert goal.last_moved_on == date(2026, 10, 12)
    assert goal.stalled_weeks(TODAY, services.plans.stall_weeks()) == 6
    assert goal.stalled_weeks(TODAY, 7) is None
    moved = services.plans.advance(goal.id).goals[0]
    assert moved.stalled_weeks(TODAY, 4) is None


def test_the_weeks_before_a_step_counts_as_stalled_is_a_setting(services: Services, team: Team) -> None:
    assert services.plans.stall_weeks() == 4
    services.settings.put("plan_stall_weeks", 6)
    assert services.plans.stall_weeks() == 6


def test_a_goal_is_due_when_open_and_within_a_fortnight(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    goal = plan.goals[0]
    assert not goal.is_due(TODAY)
    assert goal.is_due(date(2027, 1, 20))
    assert goal.is_due(date(2027, 3, 1))
    assert not replace(goal, status=GoalStatus.ACHIEVED).is_due(date(2027, 3, 1))


def test_a_goals_evidence_is_its_sessions_newest_first(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    goal_id = plan.goals[0].id
    for day, text in ((date(2026, 11, 2), "Went through the schedule."), (date(2026, 11, 16), "Set reminders.")):
        services.log.record_session(SessionDraft((team.priya.id,), text, held_on=day, goal_ids=(goal_id,)))
    services.log.record_session(SessionDraft((team.priya.id,), "Talked about something else."))

    evidence = services.plans.evidence(goal_id)

    assert [(e.held_on, e.what_happened, e.coach_name) for e in evidence] == [
        (date(2026, 11, 16), "Set reminders.", "Dana Whitfield"),
        (date(2026, 11, 2), "Went through the schedule.", "Dana Whitfield"),
    ]


def test_a_session_cannot_claim_a_goal_of_someone_elses_plan(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(team.priya.id, adherence_plan())
    with pytest.raises(ValidationError, match="someone else's plan") as refused:
        services.log.record_session(SessionDraft((team.tomas.id,), "Coached.", goal_ids=(plan.goals[0].id,)))
    assert refused.value.field == "goal_ids"
