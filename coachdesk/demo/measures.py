"""Each agent's weekly KPI figures, shaped by their trends and by the plans agreed to move them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from coachdesk.demo.kpis import KPI_SPECS, Trend
from coachdesk.demo.organisation import Member, Plan
from coachdesk.demo.world import World, clamp, stamp
from coachdesk.models import Kpi, KpiPeriod, KpiTarget, KpiValue


class Measures:
    """Four KPIs, and each agent's weekly figures: some improving once coached, some flat, some slipping."""

    MISSING_WEEK = 0.03

    def __init__(self, world: World) -> None:
        self.world = world

    def define_kpis(self) -> None:
        for spec in KPI_SPECS:
            row = self.world.rows.add(
                Kpi,
                stamp(self.world.since, 8),
                name=spec.name,
                unit=spec.unit,
                target=spec.target,
                higher_is_better=spec.higher_is_better,
                period=KpiPeriod.WEEK,
                decimals=spec.decimals,
                description=spec.description,
            )
            self.world.kpi_ids[spec.key] = row["id"]

    def shape_performance(self, agent: Member) -> None:
        self.draw_trends(agent)
        self.set_personal_targets(agent)
        self.agree_plans(agent)
        self.let_some_slip(agent)
        self.record_values(agent)

    def draw_trends(self, agent: Member) -> None:
        for spec in KPI_SPECS:
            if agent.setting in spec.settings:
                agent.trends[spec.key] = Trend(spec, self.world.rng.gauss(spec.mean, spec.spread))

    def set_personal_targets(self, agent: Member) -> None:
        """New starters get a gentler handle-time target; a few strong agents a stretch on satisfaction."""
        world = self.world
        if "aht" in agent.trends and agent.is_new_on(world.today):
            self.set_target(agent, "aht", 540.0)
        elif agent.quality > 4.0 and world.chance(0.3):
            self.set_target(agent, "csat", 85.0)

    def set_target(self, agent: Member, kpi: str, target: float) -> None:
        agent.targets[kpi] = target
        day = max(self.world.since, agent.start_date)
        self.world.rows.add(
            KpiTarget, stamp(day, 10), kpi_id=self.world.kpi_ids[kpi], person_id=agent.id, target=target
        )

    def agree_plans(self, agent: Member) -> None:
        """Most agents have a plan now; some with a long history also finished one before."""
        world = self.world
        first_day = max(world.since, agent.start_date + timedelta(days=30))
        if (world.today - first_day).days > 540 and world.chance(0.4):
            started = world.day_between(first_day, world.today - timedelta(days=400))
            self.agree_plan(agent, started, started + timedelta(days=world.rng.randint(100, 150)))
        if agent.is_new_on(world.today):
            started = min(world.today - timedelta(days=1), agent.start_date + timedelta(days=world.rng.randint(5, 14)))
            self.agree_plan(agent, started, None)
        elif world.chance(0.85):
            earliest = max(
                [agent.start_date + timedelta(days=30), *(p.finished_on or p.started_on for p in agent.plans)]
            )
            started = max(earliest + timedelta(days=7), world.today - timedelta(days=world.rng.randint(21, 240)))
            if started < world.today:
                self.agree_plan(agent, started, None)

    def agree_plan(self, agent: Member, started: date, finished: date | None) -> None:
        """The plan works on the KPIs furthest from target; coaching lifts most of them from the day it starts."""
        rng = self.world.rng
        count = rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
        ranked = sorted(agent.trends, key=lambda kpi: -self.shortfall(agent, kpi, started))
        plan = Plan(started, finished, ranked[:count])
        for kpi in plan.kpis:
            if self.world.chance(0.65):
                trend = agent.trends[kpi]
                gap = max(0.0, self.shortfall(agent, kpi, started)) + rng.uniform(0.2, 0.8)
                trend.shifts.append((started, rng.randint(56, 140), trend.spec.better * gap * trend.spec.spread))
                plan.improving.append(kpi)
        agent.plans.append(plan)

    def shortfall(self, agent: Member, kpi: str, day: date) -> float:
        trend = agent.trends[kpi]
        return trend.spec.shortfall(trend.level_on(day, agent.start_date), agent.target(kpi))

    def let_some_slip(self, agent: Member) -> None:
        world = self.world
        worked_on = {kpi for plan in agent.plans for kpi in plan.kpis}
        for kpi, trend in agent.trends.items():
            if kpi not in worked_on and world.chance(0.1):
                begin = world.today - timedelta(days=world.rng.randint(56, 200))
                trend.shifts.append((begin, 90, -trend.spec.better * world.rng.uniform(0.6, 1.4) * trend.spec.spread))

    def record_values(self, agent: Member) -> None:
        """One figure per complete week worked; weeks away, and the odd missing report, have none."""
        world = self.world
        weeks = list(complete_weeks(max(world.since, agent.start_date), world.today))
        for kpi, trend in agent.trends.items():
            spec, series = trend.spec, agent.values.setdefault(kpi, {})
            for monday in weeks:
                if agent.calendar.is_away(monday + timedelta(days=2)) or world.chance(self.MISSING_WEEK):
                    continue
                level = trend.level_on(monday + timedelta(days=3), agent.start_date)
                value = round(clamp(level + world.rng.gauss(0, spec.noise), spec.floor, spec.ceiling), spec.decimals)
                series[monday] = value
                world.rows.add(
                    KpiValue,
                    stamp(monday + timedelta(days=7), 6),
                    kpi_id=world.kpi_ids[kpi],
                    person_id=agent.id,
                    period_start=monday,
                    value=value,
                    source=f"{spec.source} {monday:%G-W%V}",
                )


def complete_weeks(first: date, today: date) -> Iterator[date]:
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    while monday + timedelta(days=6) < today:
        yield monday
        monday += timedelta(weeks=1)
