"""Today's "Recognise this week" prompts: who has earned recognition, why in words, and who is left out."""

from __future__ import annotations

from datetime import timedelta

from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.services.recognition_prompts import LONG_RUN, QUIET_DAYS
from tests.conftest import TODAY, Team

MONDAY = TODAY - timedelta(days=TODAY.weekday())


def weekly_values(services: Services, kpi_id: str, person_id: str, values: list[float]) -> None:
    """Values for the weeks up to this one, the last of `values` this week's."""
    start = MONDAY - timedelta(weeks=len(values) - 1)
    services.kpis.record_values(
        [KpiValueInput(kpi_id, person_id, start + timedelta(weeks=n), v) for n, v in enumerate(values)]
    )


def prompt_words(services: Services) -> dict[str, str]:
    return {p.person_name: p.words for p in services.recognition_prompts.this_week()}


def test_a_kpi_back_on_target_after_being_below_is_worth_recognising(services: Services, team: Team) -> None:
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    weekly_values(services, csat.id, team.priya.id, [88, 80, 91])
    weekly_values(services, csat.id, team.tomas.id, [80, 80, 82])

    prompts = services.recognition_prompts.this_week()

    assert [(p.person_name, p.words) for p in prompts] == [
        ("Priya Shah", "CSAT back on target at 91 %, from 80 % (target 85 %)")
    ]
    assert prompts[0].reasons[0].kpi_id == csat.id


def test_a_lower_is_better_kpi_and_a_personal_target_are_respected(services: Services, team: Team) -> None:
    aht = services.kpis.define("AHT", unit="s", target=400, higher_is_better=False, decimals=0)
    services.kpis.set_personal_target(aht.id, team.tomas.id, 450)
    weekly_values(services, aht.id, team.tomas.id, [470, 440])
    weekly_values(services, aht.id, team.priya.id, [420, 410])

    assert prompt_words(services) == {"Tomás Ruiz": "AHT back on target at 440 s, from 470 s (target 450 s)"}


def test_a_long_run_on_target_counts_the_week_it_is_reached(services: Services, team: Team) -> None:
    fcr = services.kpis.define("FCR", unit="%", target=70, decimals=0)
    weekly_values(services, fcr.id, team.priya.id, [60] + [75] * LONG_RUN)
    weekly_values(services, fcr.id, team.tomas.id, [60] + [75] * (LONG_RUN - 1))
    weekly_values(services, fcr.id, team.new_starter.id, [75] * (LONG_RUN + 3))

    assert prompt_words(services) == {"Priya Shah": f"FCR on target {LONG_RUN} weeks running (target 70 %)"}


def test_values_from_long_ago_prompt_nothing(services: Services, team: Team) -> None:
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    services.kpis.record_values(
        [
            KpiValueInput(csat.id, team.priya.id, MONDAY - timedelta(weeks=6), 80),
            KpiValueInput(csat.id, team.priya.id, MONDAY - timedelta(weeks=5), 90),
        ]
    )

    assert prompt_words(services) == {}


def test_a_plan_step_completed_this_week_is_worth_recognising(services: Services, team: Team) -> None:
    plan = services.plans.create_plan(
        team.priya.id,
        PlanDraft(
            "Calmer calls", (GoalDraft("Handle complaints", steps=(StepDraft("Shadow Tomás"), StepDraft("Lead"))),)
        ),
    )
    services.plans.advance(plan.goals[0].id)

    assert prompt_words(services) == {"Priya Shah": "Completed a plan step: “Shadow Tomás” (Handle complaints)"}


def test_all_commitments_kept_over_the_last_month(services: Services, team: Team) -> None:
    records = ((team.priya, [True, True, True]), (team.tomas, [True, True, False]), (team.new_starter, [True]))
    for owner, kept in records:
        for n, done in enumerate(kept):
            made = services.commitments.add(
                CommitmentDraft(f"Promise {n}", owner.id, TODAY - timedelta(days=3 + n), coachee_id=owner.id)
            )
            services.commitments.follow_up(made.id, CommitmentStatus.DONE if done else CommitmentStatus.MISSED)

    assert prompt_words(services) == {"Priya Shah": "Kept all 3 commitments due in the last month"}


def test_people_recognised_lately_and_people_outside_the_owners_tree_are_left_out(
    services: Services, team: Team
) -> None:
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    for person in (team.priya, team.tomas, team.senior):
        weekly_values(services, csat.id, person.id, [80, 90])
    services.recognition.recognise(team.tomas.id, "Great week", given_on=TODAY - timedelta(days=QUIET_DAYS - 1))
    services.recognition.recognise(team.priya.id, "Long ago", given_on=TODAY - timedelta(days=QUIET_DAYS))

    assert list(prompt_words(services)) == ["Priya Shah"]
