"""Who has earned recognition this week, and why, in words a manager could say out loud.

The rules, for the notebook owner's people (everyone when the notebook has no owner):

- a KPI back on target after being below it;
- a long run on target: the latest period makes `LONG_RUN` in a row (the milestone, once: someone always on
  target would otherwise be prompted every week, and the list would stop meaning anything);
- a step of their development plan completed in the last seven days;
- every commitment of theirs that fell due in the last month kept (at least `MIN_KEPT` of them).

Whoever was recognised in the last `QUIET_DAYS` days is left out: they have heard it, and a prompt that keeps
coming back after it has been acted on is noise. Today shows this list, so it reads only recent rows: the last
few periods of each KPI, this week's plan steps and last month's commitments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import (
    Commitment,
    CommitmentStatus,
    DevelopmentPlan,
    Person,
    PlanGoal,
    PlanStep,
    Recognition,
)
from coachdesk.services.base import alive
from coachdesk.services.kpi_standing import KpiStanding, kpi_standings
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import ServiceWithSettings

QUIET_DAYS = 14
LONG_RUN = 8
MIN_KEPT = 3
KEPT_WINDOW_DAYS = 30
STEP_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Reason:
    words: str
    kpi_id: str | None = None


@dataclass(frozen=True)
class RecognitionPrompt:
    person_id: str
    person_name: str
    reasons: tuple[Reason, ...]
    """The strongest first: what the Recognise dialog is prefilled with."""

    @property
    def words(self) -> str:
        return "; ".join(r.words for r in self.reasons)


class RecognitionPromptService(ServiceWithSettings):
    def this_week(self, *, quiet_days: int = QUIET_DAYS) -> list[RecognitionPrompt]:
        """The owner's people with something to recognise, by name, leaving out those recognised lately."""
        today = self.today()
        owner_id = self._settings.owner_id()
        with self._notebook.read() as session:
            people = in_scope(session, owner_id)
            recently = set(
                session.scalars(
                    select(Recognition.person_id).where(
                        Recognition.given_on > today - timedelta(days=quiet_days), alive(Recognition)
                    )
                )
            )
            wanted = {pid: name for pid, name in people.items() if pid not in recently}
            reasons: dict[str, list[Reason]] = defaultdict(list)
            for person_id, reason in (
                *kpi_reasons(kpi_standings(session, today, LONG_RUN + 1, wanted)),
                *step_reasons(session, today, wanted),
                *kept_reasons(session, today, wanted),
            ):
                reasons[person_id].append(reason)
        prompts = [RecognitionPrompt(pid, wanted[pid], tuple(found)) for pid, found in reasons.items()]
        return sorted(prompts, key=lambda p: (-len(p.reasons), p.person_name))


def in_scope(session: Session, owner_id: str | None) -> dict[str, str]:
    """The active people below the owner (or everyone), by id, with their names."""
    query = select(Person.id, Person.full_name).where(alive(Person), Person.archived.is_(False))
    people: dict[str, str] = dict(session.execute(query).all())
    if owner_id is None:
        return people
    below = subtree_ids(session, owner_id)
    return {pid: name for pid, name in people.items() if pid in below}


def kpi_reasons(standings: list[KpiStanding]) -> list[tuple[str, Reason]]:
    found = []
    for standing in standings:
        name, latest = standing.kpi.name, standing.latest
        target = f"target {standing.amount(standing.target)}" if standing.target is not None else ""
        if standing.back_on_target:
            before = standing.points[-2]
            words = f"{name} back on target at {standing.amount(latest.value)}, from {standing.amount(before.value)}"
            found.append((standing.person_id, Reason(f"{words} ({target})", standing.kpi.id)))
        elif standing.run_on_target == LONG_RUN and len(standing.points) > LONG_RUN:
            words = f"{name} on target {standing.periods(LONG_RUN)} running ({target})"
            found.append((standing.person_id, Reason(words, standing.kpi.id)))
    return found


def step_reasons(session: Session, today: date, people: dict[str, str]) -> list[tuple[str, Reason]]:
    query = (
        select(DevelopmentPlan.person_id, PlanStep.text, PlanGoal.title, PlanGoal.kpi_id)
        .join(PlanGoal, PlanGoal.id == PlanStep.goal_id)
        .join(DevelopmentPlan, DevelopmentPlan.id == PlanGoal.plan_id)
        .where(
            PlanStep.completed_on > today - timedelta(days=STEP_WINDOW_DAYS),
            PlanStep.completed_on <= today,
            alive(PlanStep),
            alive(PlanGoal),
            alive(DevelopmentPlan),
        )
        .order_by(PlanStep.completed_on, PlanStep.position)
    )
    return [
        (person_id, Reason(f"Completed a plan step: “{text}” ({goal})", kpi_id))
        for person_id, text, goal, kpi_id in session.execute(query)
        if person_id in people
    ]


def kept_reasons(session: Session, today: date, people: dict[str, str]) -> list[tuple[str, Reason]]:
    """All of a person's own commitments due in the last month kept, dropped ones aside."""
    query = select(Commitment.owner_id, Commitment.status).where(
        Commitment.due_on > today - timedelta(days=KEPT_WINDOW_DAYS),
        Commitment.due_on <= today,
        Commitment.status != CommitmentStatus.DROPPED,
        alive(Commitment),
    )
    counts: dict[str, list[bool]] = defaultdict(list)
    for owner_id, status in session.execute(query):
        if owner_id in people:
            counts[owner_id].append(status is CommitmentStatus.DONE)
    return [
        (person_id, Reason(f"Kept all {len(kept)} commitments due in the last month"))
        for person_id, kept in counts.items()
        if len(kept) >= MIN_KEPT and all(kept)
    ]
