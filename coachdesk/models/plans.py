"""Development plans: measurable goals, the stairway of steps toward each, and the plan's revisions."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Synced, enum_column


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    CLOSED = "closed"


class GoalStatus(enum.StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    MISSED = "missed"
    DROPPED = "dropped"


class DevelopmentPlan(Synced, Base):
    __tablename__ = "development_plans"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), doc="The manager who agreed it.")
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[PlanStatus] = enum_column(PlanStatus, default=PlanStatus.ACTIVE)
    training_needs: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None]
    review_on: Mapped[date | None]
    revision: Mapped[int] = mapped_column(default=1)


class PlanGoal(Synced, Base):
    """A measurable goal: the KPI it moves, from a baseline to a target by a date."""

    __tablename__ = "plan_goals"

    plan_id: Mapped[str] = mapped_column(ForeignKey("development_plans.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    kpi_id: Mapped[str | None] = mapped_column(ForeignKey("kpis.id"))
    baseline_value: Mapped[float | None]
    target_value: Mapped[float | None]
    due_on: Mapped[date | None]
    status: Mapped[GoalStatus] = enum_column(GoalStatus, default=GoalStatus.OPEN)
    notes: Mapped[str] = mapped_column(Text, default="")


class PlanStep(Synced, Base):
    """One stair of the stairway; the step the person is on is the first one not completed."""

    __tablename__ = "plan_steps"

    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goals.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None]
    started_on: Mapped[date | None]
    completed_on: Mapped[date | None]


class PlanBarrier(Synced, Base):
    """Something in the way of a goal, and who has promised to remove it."""

    __tablename__ = "plan_barriers"

    plan_id: Mapped[str] = mapped_column(ForeignKey("development_plans.id"), index=True)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("plan_goals.id"))
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    removed_on: Mapped[date | None]


class PlanRevision(Synced, Base):
    """The plan as it stood before a revision, so revising never overwrites history."""

    __tablename__ = "plan_revisions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    plan_id: Mapped[str] = mapped_column(ForeignKey("development_plans.id"))
    number: Mapped[int]
    snapshot: Mapped[str] = mapped_column(Text, doc="The plan, its goals and steps as JSON.")
    reason: Mapped[str] = mapped_column(Text, default="")
    revised_at: Mapped[datetime]
    author_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
