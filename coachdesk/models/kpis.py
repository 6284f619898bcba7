"""KPI definitions, per-person targets and the values per period."""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Synced, enum_column


class KpiPeriod(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Kpi(Synced, Base):
    __tablename__ = "kpis"

    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(20), default="")
    target: Mapped[float | None]
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    period: Mapped[KpiPeriod] = enum_column(KpiPeriod, default=KpiPeriod.WEEK)
    decimals: Mapped[int] = mapped_column(default=1)
    description: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), doc="None: every team.")
    active: Mapped[bool] = mapped_column(default=True)


class KpiTarget(Synced, Base):
    """A person's own target where it differs from the KPI's."""

    __tablename__ = "kpi_targets"
    __table_args__ = (UniqueConstraint("kpi_id", "person_id"),)

    kpi_id: Mapped[str] = mapped_column(ForeignKey("kpis.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    target: Mapped[float]


class KpiValue(Synced, Base):
    __tablename__ = "kpi_values"
    __table_args__ = (UniqueConstraint("person_id", "kpi_id", "period_start"),)

    kpi_id: Mapped[str] = mapped_column(ForeignKey("kpis.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    period_start: Mapped[date]
    value: Mapped[float]
    source: Mapped[str] = mapped_column(String(200), default="", doc="Where the value came from: a file name.")
