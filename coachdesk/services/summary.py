"""A few counts that tell a person what their notebook holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.models import Commitment, CommitmentStatus, DevelopmentPlan, LogEntry, Person, Synced
from coachdesk.services.base import Service, alive


@dataclass(frozen=True)
class NotebookSummary:
    people: int
    agents: int
    log_entries: int
    open_commitments: int
    plans: int

    @property
    def empty(self) -> bool:
        return self.people == 0


class SummaryService(Service):
    def summary(self) -> NotebookSummary:
        with self._notebook.read() as session:
            return NotebookSummary(
                people=_count(session, Person),
                agents=_count(session, Person, Person.is_agent.is_(True), Person.archived.is_(False)),
                log_entries=_count(session, LogEntry),
                open_commitments=_count(session, Commitment, Commitment.status == CommitmentStatus.OPEN),
                plans=_count(session, DevelopmentPlan),
            )


def _count(session: Session, model: type[Synced], *conditions: object) -> int:
    query = select(func.count()).select_from(model).where(alive(model), *conditions)  # type: ignore[arg-type]
    return int(session.scalar(query) or 0)
