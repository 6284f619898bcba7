"""What the session editor needs from the notebook, gathered in one trip to the worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachdesk.models import GoalStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.log import KindView, TemplateView
from coachdesk.services.people import PersonView, folded_name
from coachdesk.ui.formatting import day_text
from coachdesk.ui.widgets import days_ago


@dataclass(frozen=True)
class EditorData:
    today: date
    agents: list[PersonView]
    coaches: list[PersonView]
    owner: PersonView | None
    kinds: list[KindView]
    templates: dict[str, TemplateView]
    kpis: dict[str, str]
    """KPI ids by folded name, so a focus typed as a KPI's name is linked to it."""


@dataclass(frozen=True)
class AgentContext:
    """What to follow up with an agent: their last session and their open commitments."""

    agent_id: str
    today: date
    last_session_words: str
    open_commitments: list[CommitmentView]
    plan_goals: list[tuple[str, str]]
    """The (id, title) of each open goal of the agent's active plan, to tick as worked on."""
    plan_words: str


def editor_data(services: Services) -> EditorData:
    people = services.people.list_people()
    return EditorData(
        today=services.log.today(),
        agents=[p for p in people if p.is_agent],
        coaches=[p for p in people if p.is_manager],
        owner=services.people.owner(),
        kinds=services.log.kinds(),
        templates=services.log.session_templates(),
        kpis={folded_name(kpi.name): kpi.id for kpi in services.kpis.list_kpis()},
    )


def agent_context(services: Services, agent_id: str) -> AgentContext:
    today = services.log.today()
    last = services.log.timeline(agent_id, limit=1)
    if not last:
        words = "No sessions logged yet: this is their first."
    else:
        entry = last[0]
        when = days_ago((today - entry.held_on).days)
        next_steps = f" Next steps agreed: {entry.next_steps}" if entry.next_steps else ""
        words = f"Last session {when} ({entry.kind_name.lower()}, {day_text(entry.held_on, today)}).{next_steps}"
    plan = services.plans.active_plan_for(agent_id)
    goals = [(g.id, g.title) for g in plan.goals if g.status is GoalStatus.OPEN] if plan else []
    plan_words = (
        ""
        if goals
        else "No open goals in their plan."
        if plan
        else "No development plan yet; start one on the Plan tab."
    )
    return AgentContext(agent_id, today, words, services.commitments.open_for(agent_id), goals, plan_words)
