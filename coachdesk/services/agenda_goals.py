"""The plan goals a one-on-one worked on: ticked during the meeting, kept with it, and its log entry's evidence.

The ticks are kept on the meeting as they are made (a tick taken back is marked deleted), so a meeting resumed
after a crash still has them; ending the meeting links each to the leader-log entry, where a goal finds its
evidence. Only goals of the report's own plans can be ticked.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import DevelopmentPlan, GoalStatus, LogEntryGoal, MeetingGoal, PlanGoal, PlanStatus
from coachdesk.services.base import alive
from coachdesk.services.log import plan_goals_of


@dataclass(frozen=True)
class GoalWorkedOn:
    """A goal offered in the agenda view, and whether the meeting worked on it."""

    id: str
    title: str
    ticked: bool


def ticked_goal_ids(session: Session, meeting_id: str) -> list[str]:
    query = (
        select(MeetingGoal.goal_id)
        .where(MeetingGoal.meeting_id == meeting_id, alive(MeetingGoal))
        .order_by(MeetingGoal.created_at)
    )
    return list(session.scalars(query))


def meeting_goals(session: Session, meeting_id: str, report_id: str) -> tuple[GoalWorkedOn, ...]:
    """The open goals of the report's active plans, and any goal ticked since closed, each with its tick."""
    ticked = ticked_goal_ids(session, meeting_id)
    query = (
        select(PlanGoal)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanGoal.plan_id)
        .where(
            (PlanGoal.id.in_(ticked))
            | (
                (DevelopmentPlan.person_id == report_id)
                & (DevelopmentPlan.status == PlanStatus.ACTIVE)
                & (PlanGoal.status == GoalStatus.OPEN)
                & alive(DevelopmentPlan)
                & alive(PlanGoal)
            )
        )
        .order_by(DevelopmentPlan.created_at, PlanGoal.position)
    )
    return tuple(GoalWorkedOn(goal.id, goal.title, goal.id in ticked) for goal in session.scalars(query))


def tick_goals(session: Session, meeting_id: str, report_id: str, goal_ids: Collection[str]) -> None:
    """Makes exactly `goal_ids` the goals the meeting worked on; a goal of someone else's plan is refused."""
    wanted = set(plan_goals_of(session, list(goal_ids), [report_id]))
    rows = session.scalars(select(MeetingGoal).where(MeetingGoal.meeting_id == meeting_id))
    known = set()
    for row in rows:
        known.add(row.goal_id)
        row.deleted = row.goal_id not in wanted
    session.add_all(MeetingGoal(meeting_id=meeting_id, goal_id=goal_id) for goal_id in wanted - known)


def link_goals(session: Session, meeting_id: str, entry_id: str) -> None:
    """The goals ticked in the meeting become the log entry's: their evidence."""
    session.add_all(
        LogEntryGoal(entry_id=entry_id, goal_id=goal_id) for goal_id in ticked_goal_ids(session, meeting_id)
    )
