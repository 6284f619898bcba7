"""The four KPIs the demo reports, and how one person's level on a KPI moves over time."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from coachdesk.demo.world import BOTH, CC
from coachdesk.models import TeamSetting


@dataclass(frozen=True)
class KpiSpec:
    """A KPI and how it behaves across a workforce: spread between people, weekly noise, a new starter's gap."""

    key: str
    name: str
    unit: str
    target: float
    higher_is_better: bool
    decimals: int
    description: str
    source: str
    settings: tuple[TeamSetting, ...]
    mean: float
    spread: float
    noise: float
    learning: float
    floor: float
    ceiling: float

    @property
    def better(self) -> int:
        return 1 if self.higher_is_better else -1

    def show(self, value: float) -> str:
        if self.unit == "s":
            seconds = round(value)
            return f"{seconds // 60}:{seconds % 60:02d}"
        return f"{round(value, self.decimals):g} {self.unit}"

    def shortfall(self, value: float, target: float) -> float:
        """How far a value falls short of the target, in spreads; negative when it beats it."""
        return self.better * (target - value) / self.spread


@dataclass
class Trend:
    """A person's underlying level on a KPI: a baseline, a new starter's learning curve, and shifts that ramp in."""

    spec: KpiSpec
    baseline: float
    shifts: list[tuple[date, int, float]] = field(default_factory=list)

    LEARNING_WEEKS = 6.0

    def level_on(self, day: date, start_date: date) -> float:
        weeks = max(0.0, (day - start_date).days / 7)
        level = self.baseline - self.spec.better * self.spec.learning * math.exp(-weeks / self.LEARNING_WEEKS)
        for begin, ramp_days, delta in self.shifts:
            if day > begin:
                level += delta * min(1.0, (day - begin).days / ramp_days)
        return level


KPI_SPECS = (
    KpiSpec(
        key="adherence",
        name="Adherence",
        unit="%",
        target=85.0,
        higher_is_better=True,
        decimals=1,
        description="Share of scheduled time spent in the planned activity, from the weekly WFM export.",
        source="WFM weekly export",
        settings=BOTH,
        mean=86.5,
        spread=4.0,
        noise=2.2,
        learning=6.0,
        floor=50.0,
        ceiling=100.0,
    ),
    KpiSpec(
        key="aht",
        name="Average handle time",
        unit="s",
        target=420.0,
        higher_is_better=False,
        decimals=0,
        description="Talk, hold and after-call work per call, in seconds. Contact-centre agents only.",
        source="WFM weekly export",
        settings=(CC,),
        mean=430.0,
        spread=55.0,
        noise=25.0,
        learning=180.0,
        floor=180.0,
        ceiling=1200.0,
    ),
    KpiSpec(
        key="csat",
        name="CSAT",
        unit="%",
        target=80.0,
        higher_is_better=True,
        decimals=1,
        description="Customers who rated the contact 4 or 5 out of 5 in the post-contact survey.",
        source="Customer survey",
        settings=BOTH,
        mean=81.0,
        spread=6.0,
        noise=4.0,
        learning=8.0,
        floor=30.0,
        ceiling=100.0,
    ),
    KpiSpec(
        key="fcr",
        name="First contact resolution",
        unit="%",
        target=70.0,
        higher_is_better=True,
        decimals=1,
        description="Contacts (or visits) with no repeat contact on the same issue within seven days.",
        source="Repeat-contact report",
        settings=BOTH,
        mean=71.0,
        spread=7.0,
        noise=4.5,
        learning=12.0,
        floor=20.0,
        ceiling=100.0,
    ),
)
KPI_BY_KEY = {spec.key: spec for spec in KPI_SPECS}
