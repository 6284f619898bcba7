"""The team roster as one table: each person with their coaching figures and where their development plan stands.

The Team screen shows every person at once, so the figures come from the tracker's grouped queries and one query
set for plans, never from a query per person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from coachdesk.models import Person, Team
from coachdesk.services.base import alive
from coachdesk.services.plans import PlanView, active_plans
from coachdesk.services.settings import ServiceWithSettings
from coachdesk.services.tracker import AgentTracker, ManagerRollup, agent_rows, descendants, rollup


@dataclass(frozen=True)
class RosterLine:
    """One person on the roster.

    `coaching` holds the person's own figures and is set for agents only; a manager's figures for the people
    below them are in `leads`, kept apart so a column never mixes one person's figures with a team's.
    """

    person_id: str
    full_name: str
    employee_id: str | None
    role: str
    team_name: str | None
    manager_name: str | None
    is_agent: bool
    is_manager: bool
    archived: bool
    coaching: AgentTracker | None
    leads: ManagerRollup | None
    plan: PlanView | None


class RosterViewService(ServiceWithSettings):
    def lines(self, *, include_archived: bool = False) -> list[RosterLine]:
        """Everyone on the roster by name, with archived people only when asked for."""
        today = self.today()
        policy = self._settings.cadence_policy()
        with self._notebook.read() as session:
            query = select(Person).where(alive(Person)).order_by(Person.full_name)
            if not include_archived:
                query = query.where(Person.archived.is_(False))
            people = {p.id: p for p in session.scalars(query)}
            names = dict(session.execute(select(Person.id, Person.full_name)).all())
            teams = dict(session.execute(select(Team.id, Team.name)).all())
            agents = [p for p in people.values() if p.is_agent]
            coaching = {row.person_id: row for row in agent_rows(session, agents, people, today, policy)}
            active = {p.id: p for p in people.values() if not p.archived}
            children: dict[str | None, list[str]] = defaultdict(list)
            for person in active.values():
                children[person.reports_to_id].append(person.id)
            active_coaching = {key: row for key, row in coaching.items() if key in active}
            plans: dict[str, PlanView] = {}
            for plan in active_plans(session, include_archived=include_archived):
                plans.setdefault(plan.person_id, plan)
            return [
                RosterLine(
                    person_id=person.id,
                    full_name=person.full_name,
                    employee_id=person.employee_id,
                    role=person.role,
                    team_name=teams.get(person.team_id or ""),
                    manager_name=names.get(person.reports_to_id or ""),
                    is_agent=person.is_agent,
                    is_manager=person.is_manager,
                    archived=person.archived,
                    coaching=coaching.get(person.id),
                    leads=(
                        rollup(person, descendants(person.id, children), len(children[person.id]), active_coaching)
                        if person.is_manager
                        else None
                    ),
                    plan=plans.get(person.id),
                )
                for person in people.values()
            ]
