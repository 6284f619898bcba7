"""KPI definitions, per-person targets and values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import Kpi, KpiPeriod, KpiTarget, KpiValue, Person, new_id, utcnow
from coachdesk.services.base import Service, alive, live, required_text


@dataclass(frozen=True)
class KpiView:
    id: str
    name: str
    unit: str
    target: float | None
    higher_is_better: bool
    period: KpiPeriod
    decimals: int

    def meets_target(self, value: float, target: float | None = None) -> bool | None:
        goal = self.target if target is None else target
        if goal is None:
            return None
        return value >= goal if self.higher_is_better else value <= goal


@dataclass(frozen=True)
class KpiValueInput:
    kpi_id: str
    person_id: str
    period_start: date
    value: float
    source: str = ""


@dataclass(frozen=True)
class KpiPoint:
    period_start: date
    value: float


@dataclass(frozen=True)
class LatestKpi:
    kpi: KpiView
    target: float | None
    period_start: date
    value: float
    meets_target: bool | None


class KpiService(Service):
    def define(
        self,
        name: str,
        *,
        unit: str = "",
        target: float | None = None,
        higher_is_better: bool = True,
        period: KpiPeriod = KpiPeriod.WEEK,
        decimals: int = 1,
    ) -> KpiView:
        label = required_text(name, "name", "A KPI's name")
        with self._notebook.write() as session:
            if session.scalar(select(Kpi.id).where(Kpi.name == label, alive(Kpi))):
                raise ValidationError(f"There is already a KPI called {label}.", "name")
            kpi = Kpi(
                name=label,
                unit=unit.strip(),
                target=target,
                higher_is_better=higher_is_better,
                period=period,
                decimals=decimals,
            )
            session.add(kpi)
            session.flush()
            return kpi_view(kpi)

    def list_kpis(self) -> list[KpiView]:
        with self._notebook.read() as session:
            return [kpi_view(k) for k in session.scalars(select(Kpi).where(alive(Kpi)).order_by(Kpi.name))]

    def set_personal_target(self, kpi_id: str, person_id: str, target: float) -> None:
        with self._notebook.write() as session:
            live(session, Kpi, kpi_id, "KPI")
            live(session, Person, person_id, "person")
            existing = session.scalar(
                select(KpiTarget).where(KpiTarget.kpi_id == kpi_id, KpiTarget.person_id == person_id)
            )
            record = existing or KpiTarget(kpi_id=kpi_id, person_id=person_id)
            record.target, record.deleted = target, False
            session.add(record)

    def record_values(self, values: list[KpiValueInput]) -> int:
        """Stores values, replacing any earlier value for the same person, KPI and period, in one transaction."""
        with self._notebook.write() as session:
            upsert_kpi_values(session, values)
        return len(values)

    def series(self, person_id: str, kpi_id: str, since: date | None = None) -> list[KpiPoint]:
        query = (
            select(KpiValue.period_start, KpiValue.value)
            .where(KpiValue.person_id == person_id, KpiValue.kpi_id == kpi_id, alive(KpiValue))
            .order_by(KpiValue.period_start)
        )
        if since is not None:
            query = query.where(KpiValue.period_start >= since)
        with self._notebook.read() as session:
            return [KpiPoint(day, value) for day, value in session.execute(query)]

    def latest_for(self, person_id: str) -> list[LatestKpi]:
        """Each KPI's most recent value for a person, against their own target where they have one."""
        with self._notebook.read() as session:
            targets = personal_targets(session, person_id)
            result = []
            for kpi in session.scalars(select(Kpi).where(alive(Kpi)).order_by(Kpi.name)):
                latest = session.execute(
                    select(KpiValue.period_start, KpiValue.value)
                    .where(KpiValue.person_id == person_id, KpiValue.kpi_id == kpi.id, alive(KpiValue))
                    .order_by(KpiValue.period_start.desc())
                    .limit(1)
                ).first()
                if latest is not None:
                    view = kpi_view(kpi)
                    target = targets.get(kpi.id, kpi.target)
                    result.append(LatestKpi(view, target, latest[0], latest[1], view.meets_target(latest[1], target)))
            return result


def personal_targets(session: Session, person_id: str) -> dict[str, float]:
    """A person's own targets by KPI id, where they differ from the KPIs' own."""
    query = select(KpiTarget.kpi_id, KpiTarget.target).where(KpiTarget.person_id == person_id, alive(KpiTarget))
    return dict(session.execute(query).all())


def upsert_kpi_values(session: Session, values: list[KpiValueInput]) -> None:
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "kpi_id": v.kpi_id,
            "person_id": v.person_id,
            "period_start": v.period_start,
            "value": v.value,
            "source": v.source,
            "created_at": now,
            "updated_at": now,
            "deleted": False,
        }
        for v in values
    ]
    if not rows:
        return
    statement = insert(KpiValue)
    statement = statement.on_conflict_do_update(
        index_elements=["person_id", "kpi_id", "period_start"],
        set_={
            "value": statement.excluded.value,
            "source": statement.excluded.source,
            "updated_at": now,
            "deleted": False,
        },
    )
    session.execute(statement, rows)


def kpi_view(kpi: Kpi) -> KpiView:
    return KpiView(kpi.id, kpi.name, kpi.unit, kpi.target, kpi.higher_is_better, kpi.period, kpi.decimals)
