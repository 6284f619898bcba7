"""Development plans: measurable goals, the stairway of steps, and revisions that keep the past."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import (
    DevelopmentPlan,
    GoalStatus,
    Kpi,
    LogEntry,
    LogEntryGoal,
    Person,
    PlanBarrier,
    PlanGoal,
    PlanRevision,
    PlanStatus,
    PlanStep,
)
from coachdesk.services.base import alive, live, person_names, required_text
from coachdesk.services.jsonable import jsonable
from coachdesk.services.plan_changes import plan_changes
from coachdesk.services.settings import ServiceWithSettings

STALL_WEEKS_KEY = "plan_stall_weeks"
DEFAULT_STALL_WEEKS = 4
"""A step the person has stood on this many weeks without moving is flagged as stalled."""
DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class StepDraft:
    text: str
    due_on: date | None = None
    started_on: date | None = None
    completed_on: date | None = None
    id: str | None = None


@dataclass(frozen=True)
class GoalDraft:
    title: str
    kpi_id: str | None = None
    baseline_value: float | None = None
    target_value: float | None = None
    due_on: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    notes: str = ""
    steps: tuple[StepDraft, ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class BarrierDraft:
    text: str
    goal_index: int | None = None
    """The goal it stands in the way of, by its place in the draft's goals (new goals have no id yet)."""
    owner_id: str | None = None
    removed_on: date | None = None
    id: str | None = None


@dataclass(frozen=True)
class PlanDraft:
    title: str
    goals: tuple[GoalDraft, ...] = ()
    training_needs: str = ""
    status: PlanStatus = PlanStatus.ACTIVE
    review_on: date | None = None
    barriers: tuple[BarrierDraft, ...] = ()


@dataclass(frozen=True)
class StepView:
    id: str
    position: int
    text: str
    due_on: date | None
    started_on: date | None
    completed_on: date | None
    is_current: bool


@dataclass(frozen=True)
class GoalView:
    id: str
    title: str
    kpi_id: str | None
    kpi_name: str | None
    baseline_value: float | None
    target_value: float | None
    due_on: date | None
    status: GoalStatus
    notes: str
    steps: tuple[StepView, ...]
    evidence_count: int
    last_moved_on: date | None = None
    """When the person last moved on this goal's stairway: the current step started or the one before it ended."""

    @property
    def current_step(self) -> StepView | None:
        return next((s for s in self.steps if s.is_current), None)

    def stalled_weeks(self, today: date, weeks: int) -> int | None:
        """Whole weeks on the current step, when that is at least `weeks`; None when the goal is moving."""
        if self.status is not GoalStatus.OPEN or self.current_step is None or self.last_moved_on is None:
            return None
        still = (today - self.last_moved_on).days // 7
        return still if still >= weeks else None

    def is_due(self, today: date, within_days: int = DUE_SOON_DAYS) -> bool:
        """Open and due within the fortnight, or already past its date."""
        return (
            self.status is GoalStatus.OPEN
            and self.due_on is not None
            and self.due_on <= today + timedelta(days=within_days)
        )

    @property
    def steps_done(self) -> int:
        return sum(1 for s in self.steps if s.completed_on is not None)


@dataclass(frozen=True)
class BarrierView:
    id: str
    text: str
    goal_id: str | None
    goal_title: str | None
    owner_id: str | None
    owner_name: str | None
    removed_on: date | None


@dataclass(frozen=True)
class PlanView:
    id: str
    person_id: str
    person_name: str
    title: str
    status: PlanStatus
    training_needs: str
    started_on: date | None
    review_on: date | None
    revision: int
    goals: tuple[GoalView, ...]
    barriers: tuple[BarrierView, ...] = ()


@dataclass(frozen=True)
class RevisionView:
    number: int
    revised_at: datetime
    reason: str
    author_name: str | None
    snapshot: dict[str, Any]
    """The plan as it stood before this revision."""
    changes: tuple[str, ...] = ()
    """What the revision changed, in words, from this snapshot to the next (or to the plan as it is now)."""


@dataclass(frozen=True)
class EvidenceView:
    """A session or one-on-one that worked on a goal."""

    entry_id: str
    held_on: date
    is_one_on_one: bool
    coach_name: str
    what_happened: str


class PlanService(ServiceWithSettings):
    def create_plan(self, person_id: str, draft: PlanDraft) -> PlanView:
        with self._notebook.write() as session:
            live(session, Person, person_id, "person")
            plan = DevelopmentPlan(
                person_id=person_id,
                owner_id=self._settings.owner_id(),
                started_on=self.today(),
                revision=1,
            )
            session.add(plan)
            self._apply(session, plan, draft)
            session.flush()
            return plan_view(session, plan)

    def get(self, plan_id: str) -> PlanView:
        with self._notebook.read() as session:
            return plan_view(session, live(session, DevelopmentPlan, plan_id, "development plan"))

    def plans_for(self, person_id: str) -> list[PlanView]:
        with self._notebook.read() as session:
            query = (
                select(DevelopmentPlan)
                .where(DevelopmentPlan.person_id == person_id, alive(DevelopmentPlan))
                .order_by(DevelopmentPlan.started_on.desc())
            )
            return plan_views(session, list(session.scalars(query)))

    def active_plan_for(self, person_id: str) -> PlanView | None:
        return next((p for p in self.plans_for(person_id) if p.status is PlanStatus.ACTIVE), None)

    def active_plans(self, *, include_archived: bool = False) -> list[PlanView]:
        """Every active plan in the notebook, by person, for the Plans list; archived people's only when asked."""
        with self._notebook.read() as session:
            return active_plans(session, include_archived=include_archived)

    def draft_of(self, plan_id: str) -> PlanDraft:
        """The plan as an editable draft, ids kept, for `revise_plan`."""
        plan = self.get(plan_id)
        return PlanDraft(
            title=plan.title,
            training_needs=plan.training_needs,
            status=plan.status,
            review_on=plan.review_on,
            goals=tuple(
                GoalDraft(
                    title=g.title,
                    kpi_id=g.kpi_id,
                    baseline_value=g.baseline_value,
                    target_value=g.target_value,
                    due_on=g.due_on,
                    status=g.status,
                    notes=g.notes,
                    id=g.id,
                    steps=tuple(StepDraft(s.text, s.due_on, s.started_on, s.completed_on, s.id) for s in g.steps),
                )
                for g in plan.goals
            ),
            barriers=tuple(
                BarrierDraft(
                    b.text,
                    next((i for i, g in enumerate(plan.goals) if g.id == b.goal_id), None),
                    b.owner_id,
                    b.removed_on,
                    b.id,
                )
                for b in plan.barriers
            ),
        )

    def revise_plan(self, plan_id: str, draft: PlanDraft, reason: str = "") -> PlanView:
        """Applies a new version of the plan and keeps the one it replaces as a revision."""
        with self._notebook.write() as session:
            plan = live(session, DevelopmentPlan, plan_id, "development plan")
            session.add(
                PlanRevision(
                    plan_id=plan.id,
                    number=plan.revision,
                    snapshot=json.dumps(jsonable(plan_view(session, plan))),
                    reason=reason.strip(),
                    revised_at=self._clock(),
                    author_id=self._settings.owner_id(),
                )
            )
            self._apply(session, plan, draft)
            plan.revision += 1
            session.flush()
            return plan_view(session, plan)

    def history(self, plan_id: str) -> list[RevisionView]:
        """Every revision, oldest first, each with what it changed in words."""
        with self._notebook.read() as session:
            names = person_names(session)
            plan = live(session, DevelopmentPlan, plan_id, "development plan")
            revisions = list(
                session.scalars(
                    select(PlanRevision)
                    .where(PlanRevision.plan_id == plan_id, alive(PlanRevision))
                    .order_by(PlanRevision.number)
                )
            )
            snapshots = [json.loads(r.snapshot) for r in revisions]
            afterwards = [*snapshots[1:], jsonable(plan_view(session, plan))]
            return [
                RevisionView(
                    r.number,
                    r.revised_at,
                    r.reason,
                    names.get(r.author_id or ""),
                    before,
                    tuple(plan_changes(before, after)),
                )
                for r, before, after in zip(revisions, snapshots, afterwards, strict=True)
            ]

    def evidence(self, goal_id: str) -> list[EvidenceView]:
        """The sessions and one-on-ones that worked on a goal, newest first."""
        with self._notebook.read() as session:
            live(session, PlanGoal, goal_id, "plan goal")
            names = person_names(session)
            entries = session.scalars(
                select(LogEntry)
                .join(LogEntryGoal, LogEntryGoal.entry_id == LogEntry.id)
                .where(LogEntryGoal.goal_id == goal_id, alive(LogEntryGoal), alive(LogEntry))
                .order_by(LogEntry.held_on.desc(), LogEntry.created_at.desc())
            )
            return [
                EvidenceView(e.id, e.held_on, e.meeting_id is not None, names.get(e.coach_id, "?"), e.what_happened)
                for e in entries
            ]

    def stall_weeks(self) -> int:
        """How many weeks on one step count as stalled: the notebook's setting, four unless changed."""
        return int(self._settings.get(STALL_WEEKS_KEY, DEFAULT_STALL_WEEKS))

    def advance(self, goal_id: str) -> PlanView:
        """Marks the step the person is on as done and starts the next one."""
        with self._notebook.write() as session:
            goal = live(session, PlanGoal, goal_id, "plan goal")
            steps = live_steps(session, goal.id)
            pending = [s for s in steps if s.completed_on is None]
            if not pending:
                raise ValidationError(f"Every step of “{goal.title}” is already done.", "steps")
            pending[0].completed_on = self.today()
            pending[0].started_on = pending[0].started_on or self.today()
            if len(pending) > 1:
                pending[1].started_on = pending[1].started_on or self.today()
            plan = session.get(DevelopmentPlan, goal.plan_id)
            assert plan is not None
            session.flush()
            return plan_view(session, plan)

    def _apply(self, session: Session, plan: DevelopmentPlan, draft: PlanDraft) -> None:
        plan.title = required_text(draft.title, "title", "A plan's title")
        plan.training_needs = draft.training_needs.strip()
        plan.status = draft.status
        plan.review_on = draft.review_on
        session.flush()
        existing = {g.id: g for g in live_goals(session, plan.id)}
        for position, goal_draft in enumerate(draft.goals):
            goal = existing.pop(goal_draft.id, None) if goal_draft.id else None
            if goal is None:
                goal = PlanGoal(plan_id=plan.id)
                session.add(goal)
            apply_goal(session, goal, goal_draft, position)
        for removed in existing.values():
            removed.deleted = True
            for step in live_steps(session, removed.id):
                step.deleted = True
        session.flush()
        apply_barriers(session, plan, draft, [g.id for g in live_goals(session, plan.id)])


def apply_barriers(session: Session, plan: DevelopmentPlan, draft: PlanDraft, goal_ids: list[str]) -> None:
    existing = {b.id: b for b in live_barriers(session, [plan.id])}
    for barrier_draft in draft.barriers:
        barrier = existing.pop(barrier_draft.id, None) if barrier_draft.id else None
        if barrier is None:
            barrier = PlanBarrier(plan_id=plan.id)
            session.add(barrier)
        barrier.text = required_text(barrier_draft.text, "barriers", "A barrier")
        index = barrier_draft.goal_index
        if index is not None and not 0 <= index < len(goal_ids):
            raise ValidationError("A barrier stands in the way of a goal that is not in the plan.", "barriers")
        barrier.goal_id = goal_ids[index] if index is not None else None
        if barrier_draft.owner_id is not None:
            live(session, Person, barrier_draft.owner_id, "person")
        barrier.owner_id = barrier_draft.owner_id
        barrier.removed_on = barrier_draft.removed_on
    for removed in existing.values():
        removed.deleted = True


def apply_goal(session: Session, goal: PlanGoal, draft: GoalDraft, position: int) -> None:
    goal.title = required_text(draft.title, "goals", "A goal")
    if draft.kpi_id is not None:
        live(session, Kpi, draft.kpi_id, "KPI")
    goal.kpi_id = draft.kpi_id
    goal.baseline_value = draft.baseline_value
    goal.target_value = draft.target_value
    goal.due_on = draft.due_on
    goal.status = draft.status
    goal.notes = draft.notes.strip()
    goal.position = position
    session.flush()
    existing = {s.id: s for s in live_steps(session, goal.id)}
    for step_position, step_draft in enumerate(draft.steps):
        step = existing.pop(step_draft.id, None) if step_draft.id else None
        if step is None:
            step = PlanStep(goal_id=goal.id)
            session.add(step)
        step.text = required_text(step_draft.text, "steps", "A step")
        step.position = step_position
        step.due_on = step_draft.due_on
        step.started_on = step_draft.started_on
        step.completed_on = step_draft.completed_on
    for removed in existing.values():
        removed.deleted = True


def live_goals(session: Session, plan_id: str) -> list[PlanGoal]:
    query = select(PlanGoal).where(PlanGoal.plan_id == plan_id, alive(PlanGoal)).order_by(PlanGoal.position)
    return list(session.scalars(query))


def live_barriers(session: Session, plan_ids: list[str]) -> list[PlanBarrier]:
    query = select(PlanBarrier).where(PlanBarrier.plan_id.in_(plan_ids), alive(PlanBarrier))
    return list(session.scalars(query.order_by(PlanBarrier.created_at)))


def live_steps(session: Session, goal_id: str) -> list[PlanStep]:
    query = select(PlanStep).where(PlanStep.goal_id == goal_id, alive(PlanStep)).order_by(PlanStep.position)
    return list(session.scalars(query))


def plan_view(session: Session, plan: DevelopmentPlan) -> PlanView:
    return plan_views(session, [plan])[0]


def plan_views(session: Session, plans: list[DevelopmentPlan]) -> list[PlanView]:
    """Views of many plans from the same handful of queries, however many plans, goals and steps there are."""
    plan_ids = [p.id for p in plans]
    goals_of: dict[str, list[PlanGoal]] = defaultdict(list)
    goal_query = select(PlanGoal).where(PlanGoal.plan_id.in_(plan_ids), alive(PlanGoal)).order_by(PlanGoal.position)
    for goal in session.scalars(goal_query):
        goals_of[goal.plan_id].append(goal)
    goal_ids = [g.id for goals in goals_of.values() for g in goals]
    steps_of: dict[str, list[PlanStep]] = defaultdict(list)
    step_query = select(PlanStep).where(PlanStep.goal_id.in_(goal_ids), alive(PlanStep)).order_by(PlanStep.position)
    for step in session.scalars(step_query):
        steps_of[step.goal_id].append(step)
    evidence = dict(
        session.execute(
            select(LogEntryGoal.goal_id, func.count())
            .where(LogEntryGoal.goal_id.in_(goal_ids), alive(LogEntryGoal))
            .group_by(LogEntryGoal.goal_id)
        ).all()
    )
    kpis = dict(session.execute(select(Kpi.id, Kpi.name)).all())
    names = person_names(session)
    goal_titles = {g.id: g.title for goals in goals_of.values() for g in goals}
    barriers_of: dict[str, list[BarrierView]] = defaultdict(list)
    for barrier in live_barriers(session, plan_ids):
        barriers_of[barrier.plan_id].append(
            BarrierView(
                barrier.id,
                barrier.text,
                barrier.goal_id,
                goal_titles.get(barrier.goal_id or ""),
                barrier.owner_id,
                names.get(barrier.owner_id or ""),
                barrier.removed_on,
            )
        )
    return [
        PlanView(
            id=plan.id,
            person_id=plan.person_id,
            person_name=names.get(plan.person_id, "?"),
            title=plan.title,
            status=plan.status,
            training_needs=plan.training_needs,
            started_on=plan.started_on,
            review_on=plan.review_on,
            revision=plan.revision,
            goals=tuple(
                goal_view(goal, steps_of[goal.id], evidence.get(goal.id, 0), kpis, plan.started_on)
                for goal in goals_of[plan.id]
            ),
            barriers=tuple(barriers_of[plan.id]),
        )
        for plan in plans
    ]


def goal_view(
    goal: PlanGoal, steps: list[PlanStep], evidence_count: int, kpis: dict[str, str], plan_started_on: date | None
) -> GoalView:
    current = next((s.id for s in steps if s.completed_on is None), None)
    return GoalView(
        id=goal.id,
        title=goal.title,
        kpi_id=goal.kpi_id,
        kpi_name=kpis.get(goal.kpi_id or ""),
        baseline_value=goal.baseline_value,
        target_value=goal.target_value,
        due_on=goal.due_on,
        status=goal.status,
        notes=goal.notes,
        steps=tuple(
            StepView(s.id, s.position, s.text, s.due_on, s.started_on, s.completed_on, s.id == current) for s in steps
        ),
        evidence_count=evidence_count,
        last_moved_on=last_moved_on(steps, plan_started_on),
    )


def last_moved_on(steps: list[PlanStep], plan_started_on: date | None) -> date | None:
    """When the current step began: its start, else the day the step before it was done, else the plan's start."""
    position = next((i for i, s in enumerate(steps) if s.completed_on is None), None)
    if position is None:
        return None
    current = steps[position]
    previous = steps[position - 1].completed_on if position else None
    return current.started_on or previous or plan_started_on


def active_plans(session: Session, *, include_archived: bool = False) -> list[PlanView]:
    """The active plans of live people, by person and then newest first."""
    query = (
        select(DevelopmentPlan)
        .join(Person, Person.id == DevelopmentPlan.person_id)
        .where(alive(DevelopmentPlan), alive(Person), DevelopmentPlan.status == PlanStatus.ACTIVE)
        .order_by(Person.full_name, DevelopmentPlan.started_on.desc())
    )
    if not include_archived:
        query = query.where(Person.archived.is_(False))
    return plan_views(session, list(session.scalars(query)))
