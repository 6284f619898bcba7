"""KPI definitions, per-person targets and values."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import Kpi, KpiPeriod, KpiTarget, KpiValue, Person, Team, new_id, utcnow
from coachdesk.services.base import Service, alive, live, person_names, required_text
from coachdesk.services.tabular import parse_number

MAX_DECIMALS = 4


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
class KpiDraft:
    name: str
    unit: str = ""
    target: float | None = None
    higher_is_better: bool = True
    period: KpiPeriod = KpiPeriod.WEEK
    decimals: int = 1
    team_id: str | None = None


@dataclass(frozen=True)
class PersonalTarget:
    person_id: str
    person_name: str
    target: float


@dataclass(frozen=True)
class KpiDefinition:
    """A KPI with who it is for: one team or every team, and the people whose own target differs."""

    kpi: KpiView
    team_id: str | None
    team_name: str | None
    personal_targets: tuple[PersonalTarget, ...]

    def draft(self) -> KpiDraft:
        kpi = self.kpi
        return KpiDraft(kpi.name, kpi.unit, kpi.target, kpi.higher_is_better, kpi.period, kpi.decimals, self.team_id)


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
        return self.save(None, KpiDraft(name, unit, target, higher_is_better, period, decimals)).kpi

    def save(self, kpi_id: str | None, draft: KpiDraft) -> KpiDefinition:
        """Adds a KPI (no id) or changes one; its values and personal targets stay as they are."""
        name = required_text(draft.name, "name", "A KPI's name")
        if draft.target is not None and not math.isfinite(draft.target):
            raise ValidationError("A target must be a number.", "target")
        if not 0 <= draft.decimals <= MAX_DECIMALS:
            raise ValidationError(
                f"Show from 0 to {MAX_DECIMALS} decimals; {draft.decimals} is out of range.", "decimals"
            )
        with self._notebook.write() as session:
            same_name = select(Kpi.id).where(Kpi.name == name, Kpi.active.is_(True), alive(Kpi))
            if kpi_id is not None:
                same_name = same_name.where(Kpi.id != kpi_id)
            if session.scalar(same_name):
                raise ValidationError(f"There is already a KPI called {name}.", "name")
            if draft.team_id is not None:
                live(session, Team, draft.team_id, "team")
            kpi = Kpi() if kpi_id is None else live(session, Kpi, kpi_id, "KPI")
            kpi.name, kpi.unit, kpi.target = name, draft.unit.strip(), draft.target
            kpi.higher_is_better, kpi.period, kpi.decimals = draft.higher_is_better, draft.period, draft.decimals
            kpi.team_id = draft.team_id
            session.add(kpi)
            session.flush()
            return kpi_definition(session, kpi)

    def retire(self, kpi_id: str) -> None:
        """Stops listing a KPI no longer measured; its values stay, so agents' histories keep them."""
        with self._notebook.write() as session:
            live(session, Kpi, kpi_id, "KPI").active = False

    def list_kpis(self) -> list[KpiView]:
        with self._notebook.read() as session:
            return [kpi_view(k) for k in session.scalars(measured_kpis())]

    def definitions(self) -> list[KpiDefinition]:
        with self._notebook.read() as session:
            return [kpi_definition(session, kpi) for kpi in session.scalars(measured_kpis())]

    def definition(self, kpi_id: str) -> KpiDefinition:
        with self._notebook.read() as session:
            return kpi_definition(session, live(session, Kpi, kpi_id, "KPI"))

    def set_personal_target(self, kpi_id: str, person_id: str, target: float) -> None:
        if not math.isfinite(target):
            raise ValidationError("A target must be a number.", "target")
        with self._notebook.write() as session:
            live(session, Kpi, kpi_id, "KPI")
            live(session, Person, person_id, "person")
            existing = session.scalar(
                select(KpiTarget).where(KpiTarget.kpi_id == kpi_id, KpiTarget.person_id == person_id)
            )
            record = existing or KpiTarget(kpi_id=kpi_id, person_id=person_id)
            record.target, record.deleted = target, False
            session.add(record)

    def clear_personal_target(self, kpi_id: str, person_id: str) -> None:
        """The person goes back to the KPI's own target."""
        with self._notebook.write() as session:
            for record in session.scalars(
                select(KpiTarget).where(KpiTarget.kpi_id == kpi_id, KpiTarget.person_id == person_id, alive(KpiTarget))
            ):
                record.deleted = True

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
            targets = own_targets_of_person(session, person_id)
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


def own_targets_of_person(session: Session, person_id: str) -> dict[str, float]:
    """A person's own targets by KPI id, where they differ from the KPIs' own."""
    query = select(KpiTarget.kpi_id, KpiTarget.target).where(KpiTarget.person_id == person_id, alive(KpiTarget))
    return dict(session.execute(query).all())


def upsert_kpi_values(session: Session, values: list[KpiValueInput]) -> None:
    """Replaces the value of each person, KPI and period, or adds it; a later value for the same key wins.

    Only values that differ are changed, record by record, so the sync outbox sees exactly what moved; new values
    go in with one bulk insert, since a year's export holds thousands.
    """
    if not values:
        return
    first, last = min(v.period_start for v in values), max(v.period_start for v in values)
    stored = {
        (row.person_id, row.kpi_id, row.period_start): row
        for row in session.execute(
            select(
                KpiValue.id,
                KpiValue.person_id,
                KpiValue.kpi_id,
                KpiValue.period_start,
                KpiValue.value,
                KpiValue.source,
                KpiValue.deleted,
            ).where(KpiValue.kpi_id.in_({v.kpi_id for v in values}), KpiValue.period_start.between(first, last))
        )
    }
    changed: dict[str, KpiValueInput] = {}
    added: dict[tuple[str, str, date], KpiValueInput] = {}
    for value in values:
        key = (value.person_id, value.kpi_id, value.period_start)
        row = stored.get(key)
        if row is None:
            added[key] = value
        elif (row.value, row.source, row.deleted) != (value.value, value.source, False) or row.id in changed:
            changed[row.id] = value
    for record in session.scalars(select(KpiValue).where(KpiValue.id.in_(changed))):
        update = changed[record.id]
        record.value, record.source, record.deleted = update.value, update.source, False
    now = utcnow()
    if added:
        session.execute(
            insert(KpiValue),
            [
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
                for v in added.values()
            ],
        )


def parse_target(text: str) -> float | None:
    """A target as a person types it ("85", "85 %", "3,5"); empty means no target."""
    if not text.strip():
        return None
    number = parse_number(text)
    if number is None:
        raise ValidationError(
            f"“{text.strip()}” is not a number: write the target as 85 or 92.5, or leave it empty.", "target"
        )
    return number


def measured_kpis() -> Select[Kpi]:
    """The KPIs still measured, by name; retired ones keep their values but leave the lists."""
    return select(Kpi).where(alive(Kpi), Kpi.active.is_(True)).order_by(Kpi.name)


def own_targets_for_kpi(session: Session, kpi_id: str) -> dict[str, float]:
    """The people whose own target for a KPI differs from the KPI's, by person id."""
    query = select(KpiTarget.person_id, KpiTarget.target).where(KpiTarget.kpi_id == kpi_id, alive(KpiTarget))
    return dict(session.execute(query).all())


def kpi_definition(session: Session, kpi: Kpi) -> KpiDefinition:
    team = session.get(Team, kpi.team_id) if kpi.team_id else None
    names = person_names(session)
    targets = sorted(
        (
            PersonalTarget(person_id, names.get(person_id, "Someone removed"), target)
            for person_id, target in own_targets_for_kpi(session, kpi.id).items()
        ),
        key=lambda t: t.person_name.casefold(),
    )
    return KpiDefinition(kpi_view(kpi), kpi.team_id, team.name if team else None, tuple(targets))


def kpi_view(kpi: Kpi) -> KpiView:
    return KpiView(kpi.id, kpi.name, kpi.unit, kpi.target, kpi.higher_is_better, kpi.period, kpi.decimals)
