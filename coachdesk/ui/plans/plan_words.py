"""A development plan in a few words, the same on every screen that lists plans."""

from __future__ import annotations

from coachdesk.services.plans import GoalView, PlanView


def step_words(goal: GoalView) -> str:
    """The step the person is on in this goal, or why there is none."""
    current = goal.current_step
    if current is not None:
        return current.text
    return "all steps done" if goal.steps else "no steps yet"


def next_step_words(plan: PlanView) -> str:
    """The first step still to do across the plan's goals, or why there is none."""
    pending = next((g for g in plan.goals if g.current_step is not None), None)
    if pending is not None:
        return step_words(pending)
    if any(g.steps for g in plan.goals):
        return "all steps done"
    return "no steps yet" if plan.goals else "no goals yet"


def plan_words(plan: PlanView) -> str:
    """The title and the next step: what a manager asks about next."""
    return f"{plan.title} — {next_step_words(plan)}"


def steps_done_words(done: int, steps: int) -> str:
    if not steps:
        return "no steps yet"
    return f"{done} of {steps} step" if steps == 1 else f"{done} of {steps} steps"


def goal_progress_words(goal: GoalView) -> str:
    return steps_done_words(goal.steps_done, len(goal.steps))


def progress_words(plan: PlanView) -> str:
    goals = len(plan.goals)
    steps = steps_done_words(sum(g.steps_done for g in plan.goals), sum(len(g.steps) for g in plan.goals))
    return f"{'1 goal' if goals == 1 else f'{goals} goals'} · {steps}"
