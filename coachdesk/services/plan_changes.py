"""What changed between two versions of a development plan, in the words a manager would use to tell the person.

Both versions are plan snapshots as kept by revisions (a `PlanView` made JSON-ready), so the same comparison reads
stored history and the plan as it is now. Goals, steps and barriers are matched by id, so renaming one is a rename,
not a removal and an addition.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Snapshot = dict[str, Any]
GOAL_FIELDS = (("baseline_value", "baseline"), ("target_value", "target"), ("due_on", "due date"))


def plan_changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Sentences, one per change, in the order of the plan: its own fields, then each goal, then barriers."""
    return [*plan_field_changes(before, after), *goal_changes(before, after), *barrier_changes(before, after)]


def plan_field_changes(before: Snapshot, after: Snapshot) -> Iterator[str]:
    if before.get("title") != after.get("title"):
        yield f"Plan renamed from “{before.get('title')}” to “{after.get('title')}”"
    if before.get("status") != after.get("status"):
        yield f"Status changed from {before.get('status')} to {after.get('status')}"
    if before.get("review_on") != after.get("review_on"):
        was, now = value_words(before.get("review_on")), value_words(after.get("review_on"))
        yield f"Review date changed from {was} to {now}"
    needs = after.get("training_needs", "")
    if before.get("training_needs", "") != needs:
        yield f"Training needs changed to “{needs}”" if needs else "Training needs cleared"


def goal_changes(before: Snapshot, after: Snapshot) -> Iterator[str]:
    old = by_id(before.get("goals", []))
    new = by_id(after.get("goals", []))
    for goal_id, goal in old.items():
        if goal_id not in new:
            yield f"Goal removed: “{goal['title']}”"
    for goal_id, goal in new.items():
        if goal_id not in old:
            yield f"Goal added: “{goal['title']}”"
            continue
        yield from one_goal_changes(old[goal_id], goal)


def one_goal_changes(before: Snapshot, after: Snapshot) -> Iterator[str]:
    title = after["title"]
    if before["title"] != title:
        yield f"Goal renamed from “{before['title']}” to “{title}”"
    for key, words in GOAL_FIELDS:
        if before.get(key) != after.get(key):
            yield f"“{title}”: {words} changed from {value_words(before.get(key))} to {value_words(after.get(key))}"
    if before.get("status") != after.get("status"):
        yield f"“{title}”: marked {after.get('status')}"
    old_steps = by_id(before.get("steps", []))
    new_steps = by_id(after.get("steps", []))
    for step_id, step in old_steps.items():
        if step_id not in new_steps:
            yield f"“{title}”: step removed: “{step['text']}”"
    for step_id, step in new_steps.items():
        was = old_steps.get(step_id)
        if was is None:
            yield f"“{title}”: step added: “{step['text']}”"
            continue
        if was["text"] != step["text"]:
            yield f"“{title}”: step “{was['text']}” reworded to “{step['text']}”"
        if was.get("completed_on") is None and step.get("completed_on") is not None:
            yield f"“{title}”: step completed: “{step['text']}”"
        elif was.get("completed_on") is not None and step.get("completed_on") is None:
            yield f"“{title}”: step reopened: “{step['text']}”"


def barrier_changes(before: Snapshot, after: Snapshot) -> Iterator[str]:
    old = by_id(before.get("barriers", []))
    new = by_id(after.get("barriers", []))
    for barrier_id, barrier in old.items():
        if barrier_id not in new:
            yield f"Barrier dropped: “{barrier['text']}”"
    for barrier_id, barrier in new.items():
        was = old.get(barrier_id)
        if was is None:
            yield f"Barrier added: “{barrier['text']}”"
        elif was.get("removed_on") is None and barrier.get("removed_on") is not None:
            yield f"Barrier removed: “{barrier['text']}”"


def by_id(items: list[Snapshot]) -> dict[str, Snapshot]:
    return {item["id"]: item for item in items}


def value_words(value: object) -> str:
    """A number without a needless ".0", a date as written, or "none"."""
    if value is None or value == "":
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
