"""The ground every part of the demo stands on.

One seeded generator, drawn from by every part in a fixed order, is what makes a seed give the same notebook; the
date and wording helpers here are the ones several parts need.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.demo.rows import Rows
from coachdesk.models import SessionKind, TeamSetting, Template, TemplateKind
from coachdesk.services.base import alive

DAYS_PER_YEAR = 365.25

CC = TeamSetting.CONTACT_CENTRE
FIELD = TeamSetting.FIELD
BOTH = (CC, FIELD)

T = TypeVar("T")
Voice = dict[str, str]


@dataclass(frozen=True)
class Builtins:
    """The ids of the built-in session kinds and templates the migration seeded."""

    kinds: dict[str, str]
    session_templates: dict[str, str]
    agenda_templates: dict[str, str]

    @classmethod
    def read(cls, session: Session) -> Builtins:
        kinds = dict(session.execute(select(SessionKind.key, SessionKind.id).where(alive(SessionKind))).all())
        templates = session.execute(
            select(Template.kind, Template.session_kind_id, Template.relationship, Template.id).where(
                alive(Template), Template.builtin.is_(True)
            )
        ).all()
        by_kind, by_relationship = {}, {}
        for kind, session_kind_id, relationship, template_id in templates:
            if kind is TemplateKind.SESSION and session_kind_id:
                by_kind[session_kind_id] = template_id
            elif kind is TemplateKind.AGENDA:
                by_relationship[relationship] = template_id
        return cls(kinds, by_kind, by_relationship)


class World:
    """What every part of the demo shares: the seeded dice, the rows being made, the period and the built-ins."""

    def __init__(self, seed: int, today: date, years: float, builtins: Builtins) -> None:
        self.rng = random.Random(seed)
        self.rows = Rows(seed)
        self.today = today
        self.since = today - timedelta(days=round(years * DAYS_PER_YEAR))
        self.builtins = builtins
        self.kpi_ids: dict[str, str] = {}

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def say(self, options: Sequence[str], voice: Voice) -> str:
        return self.pick(options).format_map(voice)

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))


def stamp(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def working_day(day: date) -> date:
    """The day itself, or the Monday after a weekend: coaching happens on working days."""
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def clamp(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


def lower_first(sentence: str) -> str:
    return sentence[:1].lower() + sentence[1:]


def spoken_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass
class Calendar:
    """Spans someone is away (holidays, sickness) and spans their coaching slips (peak season, covering a team)."""

    away: list[tuple[date, date]] = field(default_factory=list)
    lapses: list[tuple[date, date]] = field(default_factory=list)

    def is_away(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.away)

    def is_lapsing(self, day: date) -> bool:
        return any(first <= day <= last for first, last in self.lapses)
