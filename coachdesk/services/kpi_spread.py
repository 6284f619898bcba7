"""One KPI across a team: where each agent stands against their own target, who needs support and who could mentor.

An agent's standing is their latest value, or the mean of their last few, so one bad week does not decide it. A
mentor is someone on target now and in most of their recent periods: steady, not lucky once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.models import Kpi, KpiValue, Person, Team
from coachdesk.services.base import Service, alive, live
from coachdesk.services.kpis import KpiView, kpi_view, own_targets_for_kpi

RECENT_PERIODS = 4
STEADY_PERIODS = 3
"""On target in at least this many of the recent periods makes someone a possible mentor."""


class SpreadBasis(enum.StrEnum):
    LATEST = "latest"
    RECENT_MEAN = "recent_mean"


class Standing(enum.StrEnum):
    COULD_MENTOR = "could_mentor"
    ON_TARGET = "on_target"
    NEEDS_SUPPORT = "needs_support"
    NO_TARGET = "no_target"
    NOT_MEASURED = "not_measured"


@dataclass(frozen=True)
class AgentStanding:
    person_id: str
    person_name: str
    team_name: str | None
    value: float | None
    target: float | None
    own_target: bool
    latest_period: date | None
    periods_on_target: int
    periods_measured: int
    standing: Standing

    def margin(self, kpi: KpiView) -> float | None:
        """How far past the target, in the KPI's good direction: negative means short of it."""
        if self.value is None or self.target is None:
            return None
        return (self.value - self.target) * (1 if kpi.higher_is_better else -1)


@dataclass(frozen=True)
class KpiSpread:
    kpi: KpiView
    basis: SpreadBasis
    agents: tuple[AgentStanding, ...]
    """Best first, in the KPI's good direction; agents with no values last."""

    def with_standing(self, standing: Standing) -> tuple[AgentStanding, ...]:
        return tuple(a for a in self.agents if a.standing is standing)


class KpiSpreadService(Service):
    def spread(self, kpi_id: str, team_id: str | None = None, basis: SpreadBasis = SpreadBasis.LATEST) -> KpiSpread:
        """Every current agent the KPI applies to (of one team, if given), against their effective target."""
        with self._notebook.read() as session:
            kpi = live(session, Kpi, kpi_id, "KPI")
            view = kpi_view(kpi)
            own = own_targets_for_kpi(session, kpi_id)
            agents = select(Person.id, Person.full_name, Team.name).outerjoin(Team, Team.id == Person.team_id)
            agents = agents.where(alive(Person), Person.is_agent.is_(True), Person.archived.is_(False))
            for team in {kpi.team_id, team_id} - {None}:
                agents = agents.where(Person.team_id == team)
            people = session.execute(agents).all()
            recent = recent_values(session, kpi_id, [person_id for person_id, _name, _team in people])
        standings = [
            standing_of(
                view,
                (person_id, name, team),
                recent.get(person_id, []),
                target=own.get(person_id, view.target),
                own_target=person_id in own,
                basis=basis,
            )
            for person_id, name, team in people
        ]
        return KpiSpread(view, basis, tuple(sorted(standings, key=lambda a: spread_order(a, view))))


def recent_values(session: Session, kpi_id: str, person_ids: list[str]) -> dict[str, list[tuple[date, float]]]:
    """Each person's last few values, newest first: one query however long the history."""
    newest_first = func.row_number().over(partition_by=KpiValue.person_id, order_by=KpiValue.period_start.desc())
    ranked = (
        select(KpiValue.person_id, KpiValue.period_start, KpiValue.value, newest_first.label("rank"))
        .where(KpiValue.kpi_id == kpi_id, alive(KpiValue), KpiValue.person_id.in_(person_ids))
        .subquery()
    )
    query = select(ranked.c.person_id, ranked.c.period_start, ranked.c.value).where(ranked.c.rank <= RECENT_PERIODS)
    found: dict[str, list[tuple[date, float]]] = {}
    for person_id, day, value in session.execute(query.order_by(ranked.c.person_id, ranked.c.rank)):
        found.setdefault(person_id, []).append((day, value))
    return found


def standing_of(
    kpi: KpiView,
    agent: tuple[str, str, str | None],
    recent: list[tuple[date, float]],
    *,
    target: float | None,
    own_target: bool,
    basis: SpreadBasis,
) -> AgentStanding:
    """`agent` is (id, name, team name); `recent` their last values, newest first."""
    person_id, name, team = agent
    values = [value for _day, value in recent]
    if not values:
        return AgentStanding(person_id, name, team, None, target, own_target, None, 0, 0, Standing.NOT_MEASURED)
    value = values[0] if basis is SpreadBasis.LATEST else sum(values) / len(values)
    on_target = sum(bool(kpi.meets_target(v, target)) for v in values) if target is not None else 0
    if target is None:
        standing = Standing.NO_TARGET
    elif not kpi.meets_target(value, target):
        standing = Standing.NEEDS_SUPPORT
    elif on_target >= STEADY_PERIODS:
        standing = Standing.COULD_MENTOR
    else:
        standing = Standing.ON_TARGET
    latest = recent[0][0]
    return AgentStanding(person_id, name, team, value, target, own_target, latest, on_target, len(values), standing)


def spread_order(agent: AgentStanding, kpi: KpiView) -> tuple[int, float, str]:
    """Furthest past their target first; without a target, by the value itself; unmeasured last."""
    if agent.value is None:
        return (2, 0.0, agent.person_name.casefold())
    margin = agent.margin(kpi)
    if margin is None:
        return (1, -agent.value * (1 if kpi.higher_is_better else -1), agent.person_name.casefold())
    return (0, -margin, agent.person_name.casefold())
