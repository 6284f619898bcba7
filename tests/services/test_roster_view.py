"""The roster's figures: each person's coaching, their plan, and a manager's people, from a fixed set of queries."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from sqlalchemy import event

from coachdesk.models import PlanStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.services.tracker import CoachingStatus
from tests.conftest import TODAY, Team


def coach(services: Services, agent_id: str, days_ago: int) -> None:
    services.log.record_session(SessionDraft((agent_id,), "Call review.", held_on=TODAY - timedelta(days=days_ago)))


def a_plan(title: str = "Ready for escalations") -> PlanDraft:
    return PlanDraft(
        title,
        goals=(
            GoalDraft("Adherence at 85 %", due_on=date(2027, 1, 31), steps=(StepDraft("Know the schedule"),)),
            GoalDraft("Handle escalations", steps=(StepDraft("Shadow a senior"), StepDraft("Take one alone"))),
        ),
    )


@contextmanager
def counted_queries(services: Services) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = services.notebook.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_each_agent_has_their_coaching_commitments_and_plan(services: Services, team: Team) -> None:
    coach(services, team.priya.id, days_ago=20)
    services.commitments.add(CommitmentDraft("Finish the module", team.priya.id, TODAY - timedelta(days=1)))
    services.plans.create_plan(team.priya.id, a_plan())

    lines = {line.full_name: line for line in services.roster_view.lines()}

    priya = lines["Priya Shah"]
    assert priya.coaching is not None
    assert (priya.coaching.days_since, priya.coaching.status) == (20, CoachingStatus.OVERDUE)
    assert (priya.coaching.open_commitments, priya.coaching.overdue_commitments) == (1, 1)
    assert (priya.manager_name, priya.leads) == ("Dana Whitfield", None)
    assert priya.plan is not None
    assert priya.plan.title == "Ready for escalations"
    assert [g.current_step and g.current_step.text for g in priya.plan.goals] == [
        "Know the schedule",
        "Shadow a senior",
    ]
    assert lines["Tomás Ruiz"].plan is None


def test_managers_are_listed_with_their_people_rolled_up_not_their_own_figures(services: Services, team: Team) -> None:
    coach(services, team.priya.id, days_ago=2)
    coach(services, team.tomas.id, days_ago=3)

    lines = {line.full_name: line for line in services.roster_view.lines()}

    dana, grace = lines["Dana Whitfield"], lines["Grace Okafor"]
    assert (dana.coaching, grace.coaching) == (None, None)
    assert dana.leads is not None
    assert grace.leads is not None
    assert (dana.leads.agents, dana.leads.direct_reports, dana.leads.sessions_4w) == (3, 3, 2)
    assert (grace.leads.agents, grace.leads.direct_reports) == (3, 1)
    assert dana.leads.overdue_agents == 1  # Zoë started three weeks ago and was never coached


def test_archived_people_are_listed_only_when_asked_for(services: Services, team: Team) -> None:
    services.people.set_archived(team.tomas.id, True)

    assert "Tomás Ruiz" not in [line.full_name for line in services.roster_view.lines()]
    archived = {line.full_name: line for line in services.roster_view.lines(include_archived=True)}
    assert archived["Tomás Ruiz"].archived
    dana = archived["Dana Whitfield"].leads
    assert dana is not None
    assert dana.agents == 2


def test_the_roster_takes_the_same_queries_for_five_people_or_fifty(services: Services, team: Team) -> None:
    for agent in (team.priya, team.tomas):
        coach(services, agent.id, days_ago=4)
        services.plans.create_plan(agent.id, a_plan())
    with counted_queries(services) as few:
        services.roster_view.lines()
    for number in range(45):
        person = services.people.add(PersonDraft(f"Agent {number}", f"X{number}", reports_to_id=team.leader.id))
        coach(services, person.id, days_ago=number % 30)
        services.plans.create_plan(person.id, a_plan(f"Plan {number}"))

    with counted_queries(services) as many:
        lines = services.roster_view.lines()

    assert len(lines) == 50
    assert len(many) == len(few)


def test_the_plans_list_holds_active_plans_of_people_on_the_roster(services: Services, team: Team) -> None:
    services.plans.create_plan(team.priya.id, a_plan())
    closed = services.plans.create_plan(team.tomas.id, a_plan("Old plan"))
    services.plans.revise_plan(closed.id, PlanDraft("Old plan", status=PlanStatus.CLOSED))
    services.plans.create_plan(team.new_starter.id, a_plan("First ninety days"))
    services.people.set_archived(team.new_starter.id, True)

    assert [(p.person_name, p.title) for p in services.plans.active_plans()] == [
        ("Priya Shah", "Ready for escalations")
    ]
    assert len(services.plans.active_plans(include_archived=True)) == 2
