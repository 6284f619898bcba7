"""Whether coaching moved the number: each KPI-focused session whose follow-up date has passed, before and after.

Before is the mean of the last few periods ending before the session's own period, so the session's week does not
count for either side. After is the period covering the follow-up date, or, when that period has no value yet, the
mean of the periods between the session and the follow-up. A session whose KPI has no value on one side is counted
as "can't tell", never as a failure: a manager should not learn that coaching failed because an export was missing.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.models import Kpi, KpiTarget, KpiValue, LogEntry, LogEntryAgent, SessionFocus
from coachdesk.services.base import Service, alive, person_names
from coachdesk.services.kpi_import import period_start
from coachdesk.services.kpis import KpiView, kpi_view

BEFORE_PERIODS = 4


class Outcome(enum.StrEnum):
    REACHED = "reached"
    MISSED = "missed"
    CANT_TELL = "cant_tell"


class Grouping(enum.StrEnum):
    AGENT = "agent"
    FOCUS = "focus"
    COACH = "coach"


@dataclass(frozen=True)
class FocusOutcome:
    """One agent's result for one focus of one session."""

    entry_id: str
    held_on: date
    follow_up_on: date
    agent_id: str
    agent_name: str
    coach_id: str
    coach_name: str
    kpi: KpiView
    focus: str
    """The skill worked on, or the KPI's name when the focus names no skill."""
    target: float | None
    before: float | None
    after: float | None
    outcome: Outcome

    @property
    def gain(self) -> float | None:
        """The change from before to after, positive when it went the KPI's good way."""
        if self.before is None or self.after is None:
            return None
        return (self.after - self.before) * (1 if self.kpi.higher_is_better else -1)


@dataclass(frozen=True)
class EffectSummary:
    key: str
    label: str
    sessions: int
    reached: int
    missed: int
    cant_tell: int
    mean_gain: float | None
    """The mean of the changes that could be measured, in the KPI's good direction; only meaningful per KPI."""
    kpi: KpiView | None
    """The KPI when every session summed here worked on the same one, so the gain can be shown in its unit."""

    @property
    def told(self) -> int:
        return self.reached + self.missed

    @property
    def reached_share(self) -> float | None:
        return self.reached / self.told if self.told else None


GROUP_KEYS: dict[Grouping, Callable[[FocusOutcome], tuple[str, str]]] = {
    Grouping.AGENT: lambda o: (o.agent_id, o.agent_name),
    Grouping.FOCUS: lambda o: (f"{o.kpi.id}\x1f{o.focus.casefold()}", o.focus),
    Grouping.COACH: lambda o: (o.coach_id, o.coach_name),
}


@dataclass(frozen=True)
class CoachingEffect:
    outcomes: tuple[FocusOutcome, ...]

    def summary(self, grouping: Grouping) -> list[EffectSummary]:
        """Per agent, focus or coach: most sessions first."""
        groups: dict[str, list[FocusOutcome]] = {}
        labels: dict[str, str] = {}
        for outcome in self.outcomes:
            key, label = GROUP_KEYS[grouping](outcome)
            groups.setdefault(key, []).append(outcome)
            labels[key] = label
        summaries = [summed(key, labels[key], outcomes) for key, outcomes in groups.items()]
        return sorted(summaries, key=lambda s: (-s.sessions, s.label.casefold()))


def summed(key: str, label: str, outcomes: list[FocusOutcome]) -> EffectSummary:
    gains = [gain for o in outcomes if (gain := o.gain) is not None]
    kpis = {o.kpi.id: o.kpi for o in outcomes}
    return EffectSummary(
        key,
        label,
        len(outcomes),
        sum(o.outcome is Outcome.REACHED for o in outcomes),
        sum(o.outcome is Outcome.MISSED for o in outcomes),
        sum(o.outcome is Outcome.CANT_TELL for o in outcomes),
        sum(gains) / len(gains) if gains else None,
        next(iter(kpis.values())) if len(kpis) == 1 else None,
    )


class CoachingEffectService(Service):
    def effect(self) -> CoachingEffect:
        """Every KPI focus of a session whose follow-up date is before today, one outcome per agent coached,
        oldest session first."""
        today = self.today()
        query = (
            select(
                LogEntry.id,
                LogEntry.held_on,
                LogEntry.coach_id,
                LogEntryAgent.agent_id,
                SessionFocus.kpi_id,
                SessionFocus.skill,
                SessionFocus.target_value,
                SessionFocus.follow_up_on,
            )
            .join(LogEntryAgent, LogEntryAgent.entry_id == LogEntry.id)
            .join(SessionFocus, SessionFocus.entry_id == LogEntry.id)
            .where(
                alive(LogEntry),
                alive(LogEntryAgent),
                alive(SessionFocus),
                SessionFocus.kpi_id.is_not(None),
                SessionFocus.follow_up_on < today,
            )
            .order_by(LogEntry.held_on, LogEntry.id)
        )
        with self._notebook.read() as session:
            rows = session.execute(query).all()
            kpis = {k.id: kpi_view(k) for k in session.scalars(select(Kpi).where(alive(Kpi)))}
            names = person_names(session)
            own = own_targets(session)
            series = value_series(session, {row[4] for row in rows if row[4] is not None})
        outcomes = []
        for entry_id, held_on, coach_id, agent_id, kpi_id, skill, target_value, follow_up_on in rows:
            if kpi_id is None or follow_up_on is None or kpi_id not in kpis:
                continue
            kpi = kpis[kpi_id]
            target = target_value if target_value is not None else own.get((kpi_id, agent_id), kpi.target)
            days, values = series.get((agent_id, kpi_id), ([], []))
            before, after = before_and_after(kpi, days, values, held_on, follow_up_on)
            outcomes.append(
                FocusOutcome(
                    entry_id,
                    held_on,
                    follow_up_on,
                    agent_id,
                    names.get(agent_id, ""),
                    coach_id,
                    names.get(coach_id, ""),
                    kpi,
                    skill.strip() or kpi.name,
                    target,
                    before,
                    after,
                    outcome_of(kpi, target, before, after),
                )
            )
        return CoachingEffect(tuple(sorted(outcomes, key=lambda o: (o.held_on, o.agent_name.casefold(), o.focus))))


def own_targets(session: Session) -> dict[tuple[str, str], float]:
    query = select(KpiTarget.kpi_id, KpiTarget.person_id, KpiTarget.target).where(alive(KpiTarget))
    return {(kpi_id, person_id): target for kpi_id, person_id, target in session.execute(query)}


def value_series(session: Session, kpi_ids: set[str]) -> dict[tuple[str, str], tuple[list[date], list[float]]]:
    """Each person's values of the coached KPIs, oldest first, as parallel lists to search by date."""
    query = (
        select(KpiValue.person_id, KpiValue.kpi_id, KpiValue.period_start, KpiValue.value)
        .where(alive(KpiValue), KpiValue.kpi_id.in_(kpi_ids))
        .order_by(KpiValue.period_start)
    )
    found: dict[tuple[str, str], tuple[list[date], list[float]]] = {}
    for person_id, kpi_id, day, value in session.execute(query):
        days, values = found.setdefault((person_id, kpi_id), ([], []))
        days.append(day)
        values.append(value)
    return found


def before_and_after(
    kpi: KpiView, days: list[date], values: list[float], held_on: date, follow_up_on: date
) -> tuple[float | None, float | None]:
    session_period = period_start(held_on, kpi.period)
    follow_up_period = period_start(follow_up_on, kpi.period)
    first_before, first_after = bisect_left(days, session_period), bisect_right(days, session_period)
    before = values[max(0, first_before - BEFORE_PERIODS) : first_before]
    at_follow_up = bisect_left(days, follow_up_period)
    if first_after <= at_follow_up < len(days) and days[at_follow_up] == follow_up_period:
        after: list[float] = [values[at_follow_up]]
    else:
        after = values[first_after:at_follow_up]
    return mean(before), mean(after)


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def outcome_of(kpi: KpiView, target: float | None, before: float | None, after: float | None) -> Outcome:
    if before is None or after is None or target is None:
        return Outcome.CANT_TELL
    return Outcome.REACHED if kpi.meets_target(after, target) else Outcome.MISSED
