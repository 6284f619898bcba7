"""Development plans as goals with a stairway of steps, some revised and some with barriers in the way."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from coachdesk.demo.kpis import KPI_BY_KEY, KPI_SPECS
from coachdesk.demo.organisation import NEW_STARTER_DAYS, Member, Organisation, Plan
from coachdesk.demo.phrases.plans import (
    GENERAL_PLAN_TITLES,
    GOAL_NOTES,
    LEADER_CSAT_STEPS,
    LEADER_STEPS,
    REVISION_REASONS,
)
from coachdesk.demo.phrases.topics import Topic, kpi_topic
from coachdesk.demo.rows import Row
from coachdesk.demo.world import World, clamp, stamp
from coachdesk.models import DevelopmentPlan, GoalStatus, PlanBarrier, PlanGoal, PlanRevision, PlanStatus, PlanStep
from coachdesk.services.jsonable import jsonable
from coachdesk.services.plans import GoalView, PlanView, StepView


@dataclass(frozen=True)
class _GoalDraft:
    title: str
    kpi: str | None
    baseline: float | None
    target: float | None
    due_on: date
    steps: tuple[str, ...]


class Plans:
    """Writes each agent's plans, and a couple of team leaders' own, as goals with a stairway of steps."""

    def __init__(self, world: World) -> None:
        self.world = world

    def write(self, organisation: Organisation) -> None:
        for agent in organisation.agents:
            for plan in agent.plans:
                self.write_agent_plan(agent, plan)
        for leader in self.world.rng.sample(organisation.leaders, min(2, len(organisation.leaders))):
            self.write_leader_plan(leader)

    def write_agent_plan(self, agent: Member, plan: Plan) -> None:
        world = self.world
        topics = [kpi_topic(kpi, agent.setting) for kpi in plan.kpis]
        voice = {"first": agent.name.called, "year": str(plan.started_on.year)}
        if agent.is_new_on(plan.started_on):
            title = "First 90 days: finding your feet"
        else:
            title = topics[0].plan_title if len(topics) == 1 else world.say(GENERAL_PLAN_TITLES, voice)
        drafts = [self.agent_goal(agent, plan, topic) for topic in topics]
        plan_row, goals = self.write_plan(
            agent, started=plan.started_on, finished=plan.finished_on, title=title, drafts=drafts, topics=topics
        )
        plan.goal_ids = {kpi: goal["id"] for kpi, (goal, _steps) in zip(plan.kpis, goals, strict=True)}
        for kpi, (goal, _steps) in zip(plan.kpis, goals, strict=True):
            if plan.finished_on is not None:
                goal["status"] = (
                    GoalStatus.ACHIEVED if kpi in plan.improving or world.chance(0.3) else GoalStatus.MISSED
                )
        if plan.finished_on is None and plan.started_on < world.today - timedelta(days=14) and world.chance(0.15):
            self.revise(agent, plan_row, goals)
        if world.chance(0.35):
            self.add_barrier(agent, plan.started_on, plan_row["id"], goals[0][0]["id"], topics[0].plan_barrier)

    def agent_goal(self, agent: Member, plan: Plan, topic: Topic) -> _GoalDraft:
        assert topic.kpi is not None
        spec, started = KPI_BY_KEY[topic.kpi], plan.started_on
        baseline = self.baseline(agent, topic.kpi, started)
        target = agent.target(topic.kpi)
        if spec.shortfall(baseline, target) < 0:
            target = round(clamp(baseline + spec.better * spec.spread / 2, spec.floor, spec.ceiling), spec.decimals)
        due = started + timedelta(days=self.world.rng.randint(84, 126))
        if agent.is_new_on(started):
            due = agent.start_date + timedelta(days=NEW_STARTER_DAYS)
        title = topic.goal_title.format(target=spec.show(target))
        return _GoalDraft(title, topic.kpi, baseline, target, due, self.stairway(topic.stairway))

    def baseline(self, agent: Member, kpi: str, started: date) -> float:
        """The average of the four weeks before the plan, or the underlying level if there were no figures yet."""
        spec, series = KPI_BY_KEY[kpi], agent.values.get(kpi, {})
        before = [v for week, v in series.items() if started - timedelta(days=28) <= week < started]
        level = sum(before) / len(before) if before else agent.trends[kpi].level_on(started, agent.start_date)
        return round(level, spec.decimals)

    def stairway(self, steps: tuple[str, ...]) -> tuple[str, ...]:
        """Three to five steps in order: always the first and the last stair, some of those between."""
        middle = sorted(self.world.rng.sample(range(1, len(steps) - 1), self.world.rng.randint(1, len(steps) - 2)))
        return (steps[0], *(steps[i] for i in middle), steps[-1])

    def write_leader_plan(self, leader: Member) -> None:
        world = self.world
        started = max(leader.start_date, world.today - timedelta(days=world.rng.randint(30, 150)))
        due = started + timedelta(days=120)
        csat = [a.last_value("csat", world.today) for a in leader.team.agents] if leader.team else []
        known = [v for v in csat if v is not None]
        team_csat = round(sum(known) / len(known), 1) if known else None
        drafts = [
            _GoalDraft("Coach every agent on cadence for eight weeks running", None, None, None, due, LEADER_STEPS),
            _GoalDraft("Team CSAT at 82 %", "csat", team_csat, 82.0, due, LEADER_CSAT_STEPS),
        ]
        self.write_plan(
            leader, started=started, finished=None, title="Coaching consistency and quality", drafts=drafts, topics=[]
        )

    def write_plan(
        self,
        person: Member,
        *,
        started: date,
        finished: date | None,
        title: str,
        drafts: list[_GoalDraft],
        topics: list[Topic],
    ) -> tuple[Row, list[tuple[Row, list[Row]]]]:
        world = self.world
        review = started + timedelta(days=90)
        while finished is None and review < world.today - timedelta(days=14):
            review += timedelta(days=90)
        plan = world.rows.add(
            DevelopmentPlan,
            stamp(started, 16),
            person_id=person.id,
            owner_id=person.boss.id,
            title=title,
            status=PlanStatus.ACTIVE if finished is None else PlanStatus.COMPLETED,
            training_needs="; ".join(t.training_need for t in topics) or "Coaching skills refresher (1 day)",
            started_on=started,
            review_on=finished or review,
            revision=1,
        )
        pace = clamp(person.reliability + 0.1, 0.5, 0.95)
        goals = [
            self.write_goal(plan["id"], position, draft, started=started, finished=finished, pace=pace)
            for position, draft in enumerate(drafts)
        ]
        return plan, goals

    def write_goal(
        self, plan_id: str, position: int, draft: _GoalDraft, *, started: date, finished: date | None, pace: float
    ) -> tuple[Row, list[Row]]:
        world = self.world
        goal = world.rows.add(
            PlanGoal,
            stamp(started, 16),
            plan_id=plan_id,
            position=position,
            title=draft.title,
            kpi_id=world.kpi_ids.get(draft.kpi or ""),
            baseline_value=draft.baseline,
            target_value=draft.target,
            due_on=draft.due_on,
            status=GoalStatus.OPEN,
            notes=world.pick(GOAL_NOTES) if world.chance(0.3) else "",
        )
        span = max(len(draft.steps), (draft.due_on - started).days)
        dues = [started + timedelta(days=span * (i + 1) // len(draft.steps)) for i in range(len(draft.steps))]
        steps = [
            world.rows.add(
                PlanStep,
                stamp(started, 16),
                goal_id=goal["id"],
                position=i,
                text=step,
                due_on=due,
                started_on=begun,
                completed_on=done,
            )
            for i, (step, due, (begun, done)) in enumerate(
                zip(draft.steps, dues, self.progress(dues, started, finished, pace), strict=True)
            )
        ]
        return goal, steps

    def progress(
        self, dues: list[date], started: date, finished: date | None, pace: float
    ) -> list[tuple[date | None, date | None]]:
        """(started, completed) for each step: done in order up to the step the person stands on now."""
        result: list[tuple[date | None, date | None]] = []
        cursor: date | None = started
        for due in dues:
            done = self.completion(due, cursor, finished, pace) if cursor else None
            result.append((cursor, done))
            cursor = done
        return result

    def completion(self, due: date, begun: date, finished: date | None, pace: float) -> date | None:
        when = max(begun, due + timedelta(days=self.world.rng.randint(-5, 10)))
        if finished is not None:
            return min(when, finished)
        return when if when < self.world.today and self.world.chance(pace) else None

    def revise(self, agent: Member, plan: Row, goals: list[tuple[Row, list[Row]]]) -> None:
        """Keeps the plan as it stood before its first goal gained its last step, as `PlanService.revise_plan` does."""
        world = self.world
        started: date = plan["started_on"]
        revised_day = world.day_between(started + timedelta(days=7), world.today - timedelta(days=1))
        revised_at = stamp(revised_day, 16, 30)
        kpi_names = {world.kpi_ids[spec.key]: spec.name for spec in KPI_SPECS}
        earlier = PlanView(
            id=plan["id"],
            person_id=agent.id,
            person_name=agent.name.full,
            title=plan["title"],
            status=PlanStatus.ACTIVE,
            training_needs=plan["training_needs"],
            started_on=started,
            review_on=plan["review_on"],
            revision=1,
            goals=tuple(
                goal_as_of(goal, steps[:-1] if position == 0 else steps, revised_day, kpi_names)
                for position, (goal, steps) in enumerate(goals)
            ),
        )
        world.rows.add(
            PlanRevision,
            revised_at,
            plan_id=plan["id"],
            number=1,
            snapshot=json.dumps(jsonable(earlier)),
            reason=world.pick(REVISION_REASONS),
            revised_at=revised_at,
            author_id=agent.boss.id,
        )
        plan.update(revision=2, updated_at=revised_at)

    def add_barrier(self, agent: Member, started: date, plan_id: str, goal_id: str, wording: str) -> None:
        world = self.world
        removed = world.day_between(started, world.today) if world.chance(0.4) else None
        world.rows.add(
            PlanBarrier,
            stamp(started, 16),
            plan_id=plan_id,
            goal_id=goal_id,
            text=wording.format(first=agent.name.called),
            owner_id=world.pick((agent.boss, agent.boss, agent, agent.boss.boss)).id,
            removed_on=removed,
        )


def goal_as_of(goal: Row, steps: list[Row], day: date, kpi_names: dict[str, str]) -> GoalView:
    """A goal as it stood on `day`: steps started or completed later had not been yet."""
    known = [(s, s["started_on"] if s["started_on"] and s["started_on"] <= day else None) for s in steps]
    done = [s["completed_on"] if s["completed_on"] and s["completed_on"] <= day else None for s in steps]
    current = next((s["id"] for s, completed in zip(steps, done, strict=True) if completed is None), None)
    return GoalView(
        id=goal["id"],
        title=goal["title"],
        kpi_id=goal["kpi_id"],
        kpi_name=kpi_names.get(goal["kpi_id"] or ""),
        baseline_value=goal["baseline_value"],
        target_value=goal["target_value"],
        due_on=goal["due_on"],
        status=GoalStatus.OPEN,
        notes=goal["notes"],
        steps=tuple(
            StepView(s["id"], s["position"], s["text"], s["due_on"], begun, completed, s["id"] == current)
            for (s, begun), completed in zip(known, done, strict=True)
        ),
        evidence_count=0,
    )
