"""The coaching tracker: who is overdue for coaching, who is due soon, and how each manager's teams are doing.

Consistency is the point of a leader log, so these figures must be cheap enough to show on every start: they come
from a few grouped queries over a 13-week window, not from loading entries.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from coachdesk.models import Commitment, CommitmentStatus, LogEntry, LogEntryAgent, Person, SessionKind, Team
from coachdesk.services.base import alive
from coachdesk.services.cadence import target_cadence_days
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import CadencePolicy, ServiceWithSettings

SHORT_WINDOW_DAYS = 28
LONG_WINDOW_DAYS = 91


class CoachingStatus(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"


@dataclass(frozen=True)
class AgentTracker:
    person_id: str
    full_name: str
    team_name: str | None
    manager_id: str | None
    manager_name: str | None
    target_days: int
    last_session_on: date | None
    days_since: int | None
    next_due_on: date
    sessions_4w: int
    sessions_13w: int
    expected_4w: float
    expected_13w: float
    open_commitments: int
    overdue_commitments: int
    status: CoachingStatus


@dataclass(frozen=True)
class ManagerRollup:
    """A manager's coaching rolled up over everyone below them."""

    person_id: str
    full_name: str
    direct_reports: int
    agents: int
    overdue_agents: int
    due_soon_agents: int
    sessions_4w: int
    expected_4w: float
    sessions_13w: int
    expected_13w: float
    open_commitments: int
    overdue_commitments: int

    @property
    def coverage_4w(self) -> float | None:
        """Sessions held against sessions due over four weeks; 1.0 is on target."""
        return self.sessions_4w / self.expected_4w if self.expected_4w else None


def due_soon_margin(target_days: int) -> int:
    """How many days before the due date an agent turns amber: two for weekly coaching, more for monthly."""
    return max(2, target_days // 5)


class TrackerService(ServiceWithSettings):
    def agents(self, *, under_manager_id: str | None = None) -> list[AgentTracker]:
        """Every active agent (or every one below a manager), most overdue first."""
        today = self.today()
        policy = self._settings.cadence_policy()
        with self._notebook.read() as session:
            people = active_people(session)
            scope = subtree_ids(session, under_manager_id) if under_manager_id else None
            agents = [p for p in people.values() if p.is_agent and (scope is None or p.id in scope)]
            return sorted(
                agent_rows(session, agents, people, today, policy),
                key=lambda a: (a.next_due_on, a.full_name),
            )

    def managers(self, *, under_manager_id: str | None = None) -> list[ManagerRollup]:
        """Each manager's figures summed over the agents below them, at any depth."""
        today = self.today()
        policy = self._settings.cadence_policy()
        with self._notebook.read() as session:
            people = active_people(session)
            scope = subtree_ids(session, under_manager_id) if under_manager_id else None
            agents = [p for p in people.values() if p.is_agent]
            rows = {a.person_id: a for a in agent_rows(session, agents, people, today, policy)}
            children: dict[str | None, list[str]] = defaultdict(list)
            for person in people.values():
                children[person.reports_to_id].append(person.id)
            managers = [p for p in people.values() if p.is_manager and (scope is None or p.id in scope)]
            return sorted(
                (rollup(m, descendants(m.id, children), len(children[m.id]), rows) for m in managers),
                key=lambda r: r.full_name,
            )


def active_people(session: Session) -> dict[str, Person]:
    query = select(Person).where(alive(Person), Person.archived.is_(False))
    return {p.id: p for p in session.scalars(query)}


def descendants(manager_id: str, children: dict[str | None, list[str]]) -> list[str]:
    found, stack, seen = [], list(children[manager_id]), {manager_id}
    while stack:
        person_id = stack.pop()
        if person_id in seen:
            continue
        seen.add(person_id)
        found.append(person_id)
        stack.extend(children[person_id])
    return found


def rollup(manager: Person, below: Iterable[str], direct: int, rows: dict[str, AgentTracker]) -> ManagerRollup:
    agents = [rows[p] for p in below if p in rows]
    return ManagerRollup(
        person_id=manager.id,
        full_name=manager.full_name,
        direct_reports=direct,
        agents=len(agents),
        overdue_agents=sum(a.status is CoachingStatus.OVERDUE for a in agents),
        due_soon_agents=sum(a.status is CoachingStatus.DUE_SOON for a in agents),
        sessions_4w=sum(a.sessions_4w for a in agents),
        expected_4w=round(sum(a.expected_4w for a in agents), 2),
        sessions_13w=sum(a.sessions_13w for a in agents),
        expected_13w=round(sum(a.expected_13w for a in agents), 2),
        open_commitments=sum(a.open_commitments for a in agents),
        overdue_commitments=sum(a.overdue_commitments for a in agents),
    )


def agent_rows(
    session: Session, agents: list[Person], people: dict[str, Person], today: date, policy: CadencePolicy
) -> list[AgentTracker]:
    sessions = session_counts(session, today)
    missing = [a.id for a in agents if a.id not in sessions]
    earlier = last_sessions_before(session, missing, today - timedelta(days=LONG_WINDOW_DAYS - 1))
    commitments = commitment_counts(session, today)
    teams = dict(session.execute(select(Team.id, Team.name)).all())
    rows = []
    for agent in agents:
        last, count_4w, count_13w = sessions.get(agent.id, (earlier.get(agent.id), 0, 0))
        target = target_cadence_days(agent.start_date, agent.cadence_days, today, policy)
        next_due = (last or agent.start_date or today) + timedelta(days=target)
        if next_due < today:
            status = CoachingStatus.OVERDUE
        elif (next_due - today).days <= due_soon_margin(target):
            status = CoachingStatus.DUE_SOON
        else:
            status = CoachingStatus.ON_TRACK
        open_count, overdue_count = commitments.get(agent.id, (0, 0))
        manager = people.get(agent.reports_to_id or "")
        rows.append(
            AgentTracker(
                person_id=agent.id,
                full_name=agent.full_name,
                team_name=teams.get(agent.team_id or ""),
                manager_id=agent.reports_to_id,
                manager_name=manager.full_name if manager else None,
                target_days=target,
                last_session_on=last,
                days_since=(today - last).days if last else None,
                next_due_on=next_due,
                sessions_4w=count_4w,
                sessions_13w=count_13w,
                expected_4w=round(SHORT_WINDOW_DAYS / target, 2),
                expected_13w=round(LONG_WINDOW_DAYS / target, 2),
                open_commitments=open_count,
                overdue_commitments=overdue_count,
                status=status,
            )
        )
    return rows


def counted_sessions(today: date, since: date) -> tuple[object, ...]:
    """Filters for live sessions of kinds that count toward the coaching cadence, in a date window."""
    return (
        alive(LogEntry),
        alive(LogEntryAgent),
        SessionKind.counts_toward_cadence.is_(True),
        LogEntry.held_on >= since,
        LogEntry.held_on <= today,
    )


def session_counts(session: Session, today: date) -> dict[str, tuple[date, int, int]]:
    """Per agent, within the last 13 weeks: the last session, and the sessions in 4 and 13 weeks."""
    short_start = today - timedelta(days=SHORT_WINDOW_DAYS)
    query = (
        select(
            LogEntryAgent.agent_id,
            func.max(LogEntry.held_on),
            func.sum(case((LogEntry.held_on > short_start, 1), else_=0)),
            func.count(),
        )
        .select_from(LogEntry)
        .join(LogEntryAgent, LogEntryAgent.entry_id == LogEntry.id)
        .join(SessionKind, SessionKind.id == LogEntry.kind_id)
        .where(*counted_sessions(today, today - timedelta(days=LONG_WINDOW_DAYS - 1)))  # type: ignore[arg-type]
        .group_by(LogEntryAgent.agent_id)
    )
    return {row[0]: (row[1], int(row[2]), int(row[3])) for row in session.execute(query)}


def last_sessions_before(session: Session, agent_ids: list[str], before: date) -> dict[str, date]:
    """The last session of agents with none in the window: few, so found one index walk each."""
    if not agent_ids:
        return {}
    query = (
        select(LogEntryAgent.agent_id, func.max(LogEntry.held_on))
        .select_from(LogEntryAgent)
        .join(LogEntry, LogEntryAgent.entry_id == LogEntry.id)
        .join(SessionKind, SessionKind.id == LogEntry.kind_id)
        .where(
            LogEntryAgent.agent_id.in_(agent_ids),
            alive(LogEntry),
            alive(LogEntryAgent),
            SessionKind.counts_toward_cadence.is_(True),
            LogEntry.held_on < before,
        )
        .group_by(LogEntryAgent.agent_id)
    )
    return {row[0]: row[1] for row in session.execute(query) if row[1] is not None}


def commitment_counts(session: Session, today: date) -> dict[str, tuple[int, int]]:
    """Open and overdue commitments in each person's coaching, whoever owns them."""
    query = (
        select(
            Commitment.coachee_id,
            func.count(),
            func.sum(case((and_(Commitment.due_on.is_not(None), Commitment.due_on < today), 1), else_=0)),
        )
        .where(Commitment.status == CommitmentStatus.OPEN, alive(Commitment))
        .group_by(Commitment.coachee_id)
    )
    return {row[0]: (int(row[1]), int(row[2])) for row in session.execute(query)}
