"""Where each person stands on each KPI over its last few periods: the raw material of recognition prompts and of
mentoring suggestions.

Only the last few periods of each KPI are read (a window of dates on an indexed column), so asking about everyone
stays cheap however many years of values the notebook holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import Kpi, KpiPeriod, KpiTarget, KpiValue
from coachdesk.services.kpis import KpiPoint, KpiView, kpi_view

PERIOD_DAYS = {KpiPeriod.DAY: 1, KpiPeriod.WEEK: 7, KpiPeriod.MONTH: 31}
PERIOD_WORDS = {KpiPeriod.DAY: ("day", "days"), KpiPeriod.WEEK: ("week", "weeks"), KpiPeriod.MONTH: ("month", "months")}


@dataclass(frozen=True)
class KpiStanding:
    """One person's recent values of one KPI, oldest first, against their own target (or the KPI's)."""

    kpi: KpiView
    person_id: str
    target: float | None
    points: tuple[KpiPoint, ...]

    @property
    def latest(self) -> KpiPoint:
        return self.points[-1]

    def on_target(self, point: KpiPoint) -> bool:
        return self.kpi.meets_target(point.value, self.target) is True

    @property
    def run_on_target(self) -> int:
        """How many periods in a row, up to the latest, met the target."""
        run = 0
        for point in reversed(self.points):
            if not self.on_target(point):
                break
            run += 1
        return run

    @property
    def back_on_target(self) -> bool:
        """The latest value meets the target and the one before did not."""
        return len(self.points) >= 2 and self.on_target(self.points[-1]) and not self.on_target(self.points[-2])

    @property
    def below_target(self) -> bool:
        return self.target is not None and not self.on_target(self.latest)

    def amount(self, value: float) -> str:
        """ "92.5 %": the value as the KPI is usually written."""
        number = f"{value:.{max(self.kpi.decimals, 0)}f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        return f"{number} {self.kpi.unit}" if self.kpi.unit else number

    def periods(self, count: int) -> str:
        one, many = PERIOD_WORDS[self.kpi.period]
        return f"{count} {one if count == 1 else many}"


def kpi_standings(session: Session, today: date, periods: int, person_ids: Collection[str]) -> list[KpiStanding]:
    """The people's standing on every KPI over the last `periods` periods; a KPI not reported for two periods is
    stale and left out, so nobody is praised or picked for a number from long ago.

    The values are read by person, KPI and date, the order of the table's unique index, so each person costs a
    short range of it.
    """
    wanted = sorted(set(person_ids))
    own_targets = {
        (person_id, kpi_id): target
        for kpi_id, person_id, target in session.execute(
            select(KpiTarget.kpi_id, KpiTarget.person_id, KpiTarget.target).where(KpiTarget.deleted.is_(False))
        )
    }
    standings: list[KpiStanding] = []
    for kpi in session.scalars(select(Kpi).where(Kpi.deleted.is_(False), Kpi.active.is_(True)).order_by(Kpi.name)):
        length = PERIOD_DAYS[kpi.period]
        since = today - timedelta(days=length * periods)
        fresh_from = today - timedelta(days=length * 2)
        values: dict[str, list[KpiPoint]] = defaultdict(list)
        rows = session.execute(
            select(KpiValue.person_id, KpiValue.period_start, KpiValue.value)
            .where(
                KpiValue.person_id.in_(wanted),
                KpiValue.kpi_id == kpi.id,
                KpiValue.period_start >= since,
                KpiValue.deleted.is_(False),
            )
            .order_by(KpiValue.person_id, KpiValue.period_start)
        )
        for person_id, period_start, value in rows:
            values[person_id].append(KpiPoint(period_start, value))
        view = kpi_view(kpi)
        standings.extend(
            KpiStanding(view, person_id, own_targets.get((person_id, kpi.id), kpi.target), tuple(points))
            for person_id, points in values.items()
            if points[-1].period_start >= fresh_from
        )
    return standings
