"""Coaching sessions per week against the target, for everyone in scope, each team and each manager's people.

Thirteen weekly bars show whether coaching is steady or comes in bursts before reviews. The target is what the
agents' cadences add up to: an agent coached every 14 days should get half a session a week. Sessions are counted
per agent, as the tracker counts them, so a group session with three agents counts three times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.models import LogEntry, LogEntryAgent, SessionKind, Team
from coachdesk.services.cadence import target_cadence_days
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import ServiceWithSettings
from coachdesk.services.tracker import active_people, counted_sessions, descendants

WEEKS = 13
ALL_KEY = "all"


@dataclass(frozen=True)
class WeeklyTrend:
    """One group's sessions in each week, oldest first; the last week is the current one, so far."""

    key: str
    label: str
    agents: int
    target_per_week: float
    counts: tuple[int, ...]

    @property
    def complete_weeks(self) -> tuple[int, ...]:
        return self.counts[:-1]

    @property
    def average(self) -> float:
        """Sessions a week over the complete weeks: the current week would drag it down every Monday."""
        weeks = self.complete_weeks
        return sum(weeks) / len(weeks) if weeks else 0.0

    @property
    def weeks_on_target(self) -> int:
        return sum(count >= self.target_per_week for count in self.complete_weeks)


@dataclass(frozen=True)
class SessionTrends:
    weeks: tuple[date, ...]
    """The Monday of each week, oldest first."""
    overall: WeeklyTrend
    teams: tuple[WeeklyTrend, ...]
    managers: tuple[WeeklyTrend, ...]


class TrendService(ServiceWithSettings):
    def sessions_per_week(self, *, under_manager_id: str | None = None) -> SessionTrends:
        """The last 13 Monday-based weeks for everyone (or everyone below a manager), each team and each manager."""
        today = self.today()
        policy = self._settings.cadence_policy()
        first = today - timedelta(days=today.weekday(), weeks=WEEKS - 1)
        with self._notebook.read() as session:
            people = active_people(session)
            scope = subtree_ids(session, under_manager_id) if under_manager_id else None
            agents = {p.id: p for p in people.values() if p.is_agent and (scope is None or p.id in scope)}
            weekly = weekly_counts(session, first, today)
            targets = {
                a.id: 7 / target_cadence_days(a.start_date, a.cadence_days, today, policy) for a in agents.values()
            }
            team_names = dict(session.execute(select(Team.id, Team.name)).all())

        def trend(key: str, label: str, members: Iterable[str]) -> WeeklyTrend:
            ids = [m for m in members if m in agents]
            counts = [sum(weekly[m][week] for m in ids) for week in range(WEEKS)]
            return WeeklyTrend(key, label, len(ids), round(sum(targets[m] for m in ids), 2), tuple(counts))

        by_team: dict[str | None, list[str]] = defaultdict(list)
        for agent in agents.values():
            by_team[agent.team_id].append(agent.id)
        teams = sorted(
            (trend(team_id or "", team_names.get(team_id or "", "No team"), ids) for team_id, ids in by_team.items()),
            key=lambda t: (t.key == "", t.label.casefold()),
        )
        children: dict[str | None, list[str]] = defaultdict(list)
        for person in people.values():
            children[person.reports_to_id].append(person.id)
        managers = [
            trend(m.id, m.full_name, descendants(m.id, children))
            for m in sorted(people.values(), key=lambda p: p.full_name.casefold())
            if m.is_manager and (scope is None or m.id in scope)
        ]
        return SessionTrends(
            weeks=tuple(first + timedelta(weeks=week) for week in range(WEEKS)),
            overall=trend(ALL_KEY, "All teams", agents),
            teams=tuple(teams),
            managers=tuple(m for m in managers if m.agents),
        )


def weekly_counts(session: Session, first: date, today: date) -> defaultdict[str, list[int]]:
    """Each agent's counted sessions per week since `first`, from one query grouped by agent and day."""
    query = (
        select(LogEntryAgent.agent_id, LogEntry.held_on, func.count())
        .select_from(LogEntry)
        .join(LogEntryAgent, LogEntryAgent.entry_id == LogEntry.id)
        .join(SessionKind, SessionKind.id == LogEntry.kind_id)
        .where(*counted_sessions(today, first))  # type: ignore[arg-type]
        .group_by(LogEntryAgent.agent_id, LogEntry.held_on)
    )
    weekly: defaultdict[str, list[int]] = defaultdict(lambda: [0] * WEEKS)
    for agent_id, held_on, count in session.execute(query):
        weekly[agent_id][(held_on - first).days // 7] += count
    return weekly
