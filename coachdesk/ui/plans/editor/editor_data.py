"""What the plan editor needs from the notebook, gathered in one trip to the worker, and the working copy it edits.

The working copy keeps numbers as typed, so a baseline of "78,5%" is shown back, not lost, when it is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coachdesk.errors import ValidationError
from coachdesk.models import GoalStatus
from coachdesk.services import Services
from coachdesk.services.plans import BarrierDraft, GoalDraft, PlanDraft, StepDraft

Choice = tuple[str, str]
"""An (id, name) pair offered in a drop-down."""


@dataclass(frozen=True)
class PlanEditorData:
    person_id: str
    person_name: str
    today: date
    kpis: list[Choice]
    people: list[Choice]
    plan_id: str | None
    draft: PlanDraft | None


def plan_editor_data(services: Services, person_id: str, plan_id: str | None) -> PlanEditorData:
    people = services.people.list_people()
    return PlanEditorData(
        person_id=person_id,
        person_name=services.people.get(person_id).full_name,
        today=services.plans.today(),
        kpis=[(k.id, k.name) for k in services.kpis.list_kpis()],
        people=[(p.id, p.full_name) for p in people],
        plan_id=plan_id,
        draft=services.plans.draft_of(plan_id) if plan_id else None,
    )


@dataclass
class EditedGoal:
    title: str = ""
    kpi_id: str | None = None
    baseline: str = ""
    target: str = ""
    due_on: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    notes: str = ""
    steps: list[StepDraft] = field(default_factory=list)
    id: str | None = None

    @classmethod
    def of(cls, goal: GoalDraft) -> EditedGoal:
        return cls(
            goal.title,
            goal.kpi_id,
            number_text(goal.baseline_value),
            number_text(goal.target_value),
            goal.due_on,
            goal.status,
            goal.notes,
            list(goal.steps),
            goal.id,
        )

    def draft(self) -> GoalDraft:
        """The goal as the service takes it; a number that is not one is refused with the field to fix."""
        if not self.title.strip():
            raise ValidationError("A goal needs a title: what the person will be able to do.", "goal_title")
        if any(not step.text.strip() for step in self.steps):
            raise ValidationError("A step cannot be empty; type what it is or remove it.", "steps")
        return GoalDraft(
            title=self.title,
            kpi_id=self.kpi_id,
            baseline_value=number_of(self.baseline, "baseline_value", "The baseline"),
            target_value=number_of(self.target, "target_value", "The target"),
            due_on=self.due_on,
            status=self.status,
            notes=self.notes,
            steps=tuple(self.steps),
            id=self.id,
        )


@dataclass
class EditedBarrier:
    text: str = ""
    goal: EditedGoal | None = None
    owner_id: str | None = None
    removed_on: date | None = None
    id: str | None = None

    def draft(self, goals: list[EditedGoal]) -> BarrierDraft:
        if not self.text.strip():
            raise ValidationError("A barrier needs a few words saying what is in the way.", "barriers")
        index = next((i for i, goal in enumerate(goals) if goal is self.goal), None)
        return BarrierDraft(self.text, index, self.owner_id, self.removed_on, self.id)


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() else str(value)


def number_of(text: str, field_name: str, label: str) -> float | None:
    """A number typed as "85", "85 %" or "78,5"; empty means not set."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValidationError(
            f"{label} must be a number, like 85 or 78.5; “{text.strip()}” is not.", field_name
        ) from None
