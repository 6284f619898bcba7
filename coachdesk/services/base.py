"""What every service shares: the notebook it works on, the clock, and lookups that fail in plain words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.errors import NotFound, ValidationError
from coachdesk.models import Base, Person, Synced

Clock = Callable[[], datetime]
"""Local wall-clock time; injected so tests and the demo can set "today"."""

SyncedT = TypeVar("SyncedT", bound=Synced)


class Service:
    def __init__(self, notebook: Notebook, clock: Clock) -> None:
        self._notebook = notebook
        self._clock = clock

    def today(self) -> date:
        return self._clock().date()


def alive(model: type[Base]) -> ColumnElement[bool]:
    column: Any = model.deleted  # type: ignore[attr-defined]
    return column == false()  # type: ignore[no-any-return]


def live(session: Session, model: type[SyncedT], record_id: str, what: str) -> SyncedT:
    record = session.get(model, record_id)
    if record is None or record.deleted:
        raise NotFound(f"There is no {what} with id {record_id}.")
    return record


def person_names(session: Session) -> dict[str, str]:
    """Every person's name by id: a notebook holds hundreds of people, so one query beats a join per view."""
    return dict(session.execute(select(Person.id, Person.full_name)).all())


def required_text(value: str, field: str, label: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(f"{label} cannot be empty.", field)
    return text


def optional_rating(value: int | None, field: str = "performance_rating") -> int | None:
    from coachdesk.models import RATING_MAX, RATING_MIN

    if value is not None and not RATING_MIN <= value <= RATING_MAX:
        raise ValidationError(f"A rating goes from {RATING_MIN} to {RATING_MAX}; {value} is out of range.", field)
    return value
