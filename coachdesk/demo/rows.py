"""The demo's records as plain rows, one bulk insert per table: a large demo holds far too many for the ORM."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Table, insert, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from coachdesk.models import (
    Base,
    Commitment,
    DevelopmentPlan,
    KpiValue,
    LogEntry,
    Meeting,
    Mentorship,
    Person,
    Recognition,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo` made, for the command that asked to say so."""

    people: int
    agents: int
    managers: int
    log_entries: int
    commitments: int
    plans: int
    meetings: int
    recognition: int
    kpi_values: int
    mentorships: int


class Rows:
    """Records waiting for one bulk insert per table, stamped as synced records made at a given moment."""

    def __init__(self, seed: int) -> None:
        self._ids = random.Random(f"coachdesk-demo-ids-{seed}")
        self._by_model: dict[type[Base], list[Row]] = defaultdict(list)

    def add(self, model: type[Base], at: datetime, **values: Any) -> Row:
        row = {"id": self.new_id(), "created_at": at, "updated_at": at, "deleted": False, **values}
        self._by_model[model].append(row)
        return row

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def of(self, model: type[Base]) -> list[Row]:
        return self._by_model.get(model, [])

    def insert_into(self, session: Session) -> None:
        """Parents first; foreign keys are checked at commit, so rows that point into their own table need no order."""
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        by_table = {model.__table__: rows for model, rows in self._by_model.items()}
        for table in Base.metadata.sorted_tables:
            if rows := by_table.get(table):
                session.execute(insert(table), with_defaults(table, rows))

    def summary(self) -> DemoSummary:
        people = self.of(Person)
        return DemoSummary(
            people=len(people),
            agents=sum(p["is_agent"] for p in people),
            managers=sum(p["is_manager"] for p in people),
            log_entries=len(self.of(LogEntry)),
            commitments=len(self.of(Commitment)),
            plans=len(self.of(DevelopmentPlan)),
            meetings=len(self.of(Meeting)),
            recognition=len(self.of(Recognition)),
            kpi_values=len(self.of(KpiValue)),
            mentorships=len(self.of(Mentorship)),
        )


def with_defaults(table: Table, rows: list[Row]) -> list[Row]:
    """Every row with every column, as one executemany needs; columns a row leaves out get their plain default."""
    defaults = {column.name: plain_default(column) for column in table.columns}
    return [defaults | row for row in rows]


def plain_default(column: Column[Any]) -> Any:
    default = column.default
    return default.arg if isinstance(default, ScalarElementColumnDefault) else None
