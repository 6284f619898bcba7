"""The leader's coaching tracker: per manager below the caller, sessions and one-on-ones per ISO week, the agents
overdue for coaching and the commitments past due, counted from the records their notebooks synced.

It reads only what both sharing levels send (dates, kinds, statuses, names; never free text), so a notebook shared
at the aggregate level counts the same as one sharing everything. The overdue rule is the desktop tracker's
(`coachdesk/services/tracker.py`) with the default cadence policy, because a notebook's own policy is a local
setting the portal never receives; docs/sync-protocol.md (section 13) says where else the two can differ.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.services.cadence import target_cadence_days
from coachdesk.services.people import MAX_CADENCE_DAYS
from coachdesk.services.settings import CadencePolicy
from coachdesk_portal.access import readable_notebooks
from coachdesk_portal.organisation import PersonView
from coachdesk_portal.records import PortalRecord, PortalScope

TRACKED_TABLES = ("people", "session_kinds", "log_entries", "log_entry_agents", "meetings", "commitments")
MAX_WEEKS = 53

Records = dict[str, list[dict[str, Any]]]
"""A notebook's live records of the tracked tables, each as its fields, by table name."""


@dataclass(frozen=True)
class Week:
    label: str
    """The ISO week, e.g. `2026-W48`."""
    starts_on: date
    """Its Monday."""


@dataclass(frozen=True)
class OverdueAgent:
    person_id: str
    name: str
    last_session_on: date | None
    """The last session counting toward the cadence; null when the portal has none."""
    due_on: date


@dataclass(frozen=True)
class ManagerCoaching:
    """One manager's notebook as the portal holds it; the lists run week by week, oldest first."""

    owner_id: str
    owner_name: str
    owner_email: str
    sessions: tuple[int, ...]
    """Live leader-log entries held in each week, one-on-ones' own entries left out (they count as one-on-ones)."""
    one_on_ones: tuple[int, ...]
    """One-on-one meetings held in each week."""
    agents: int
    """Active agents in the notebook."""
    overdue_agents: tuple[OverdueAgent, ...]
    overdue_commitments: int
    """Open commitments whose due day has passed."""


@dataclass(frozen=True)
class Tracker:
    today: date
    weeks: tuple[Week, ...]
    managers: tuple[ManagerCoaching, ...]


def coaching_tracker(session: Session, reader_id: str, today: date, weeks: int) -> Tracker:
    """The reader's own notebook and everyone's below them that has synced; nobody above or beside them."""
    calendar = last_weeks(today, weeks)
    synced = set(session.scalars(select(PortalScope.scope)))
    managers = tuple(
        manager_coaching(person, tracked_records(session, person.id), calendar, today)
        for person, _access in readable_notebooks(session, reader_id)
        if person.id in synced
    )
    return Tracker(today, calendar, managers)


def last_weeks(today: date, count: int) -> tuple[Week, ...]:
    """The `count` ISO weeks ending with today's, oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=back) for back in range(count - 1, -1, -1)]
    return tuple(Week(f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}", monday) for monday in mondays)


def tracked_records(session: Session, scope: str) -> Records:
    query = select(PortalRecord.table_name, PortalRecord.record_id, PortalRecord.fields).where(
        PortalRecord.scope == scope,
        PortalRecord.table_name.in_(TRACKED_TABLES),
        PortalRecord.withdrawn.is_(False),
    )
    records: Records = defaultdict(list)
    for table, record_id, fields in session.execute(query):
        values = json.loads(fields)
        if isinstance(values, dict) and values.get("deleted") is not True:
            records[table].append({**values, "id": record_id})
    return records


def manager_coaching(owner: PersonView, records: Records, calendar: tuple[Week, ...], today: date) -> ManagerCoaching:
    sessions = [entry for entry in records["log_entries"] if not entry.get("meeting_id")]
    held = [meeting for meeting in records["meetings"] if meeting.get("status") == "held"]
    agents = [
        person for person in records["people"] if person.get("is_agent", True) and not person.get("archived", False)
    ]
    return ManagerCoaching(
        owner_id=owner.id,
        owner_name=owner.name,
        owner_email=owner.email,
        sessions=per_week([day_of(entry.get("held_on")) for entry in sessions], calendar, today),
        one_on_ones=per_week([day_of(meeting_day(meeting)) for meeting in held], calendar, today),
        agents=len(agents),
        overdue_agents=overdue_agents(agents, last_sessions(records, today), today),
        overdue_commitments=sum(
            commitment.get("status") == "open" and (day_of(commitment.get("due_on")) or today) < today
            for commitment in records["commitments"]
        ),
    )


def per_week(days: list[date | None], calendar: tuple[Week, ...], today: date) -> tuple[int, ...]:
    """How many of the days fall in each week of the calendar, none after today."""
    counts = [0] * len(calendar)
    first = calendar[0].starts_on
    for day in days:
        if day is not None and first <= day <= today:
            counts[(day - first).days // 7] += 1
    return tuple(counts)


def meeting_day(meeting: dict[str, Any]) -> Any:
    """The day a meeting was held: when it started, or when it was scheduled if it was never started here."""
    return meeting.get("started_at") or meeting.get("scheduled_at")


def last_sessions(records: Records, today: date) -> dict[str, date]:
    """Each agent's last session up to today, of the kinds that count toward the coaching cadence."""
    not_counted = {kind["id"] for kind in records["session_kinds"] if kind.get("counts_toward_cadence") is False}
    held_on = {
        entry["id"]: day
        for entry in records["log_entries"]
        if text_of(entry.get("kind_id")) not in not_counted
        and (day := day_of(entry.get("held_on"))) is not None
        and day <= today
    }
    last: dict[str, date] = {}
    for link in records["log_entry_agents"]:
        day = held_on.get(text_of(link.get("entry_id")) or "")
        agent = text_of(link.get("agent_id"))
        if day is not None and agent is not None and (agent not in last or last[agent] < day):
            last[agent] = day
    return last


def overdue_agents(agents: list[dict[str, Any]], last: dict[str, date], today: date) -> tuple[OverdueAgent, ...]:
    """Agents whose next session fell due before today, most overdue first, as the desktop tracker decides."""
    policy = CadencePolicy()
    overdue = []
    for agent in agents:
        start = day_of(agent.get("start_date"))
        chosen = agent.get("cadence_days")
        valid = isinstance(chosen, int) and 1 <= chosen <= MAX_CADENCE_DAYS
        target = target_cadence_days(start, chosen if valid else None, today, policy)
        last_on = last.get(agent["id"])
        due = (last_on or start or today) + timedelta(days=target)
        if due < today:
            overdue.append(OverdueAgent(agent["id"], str(agent.get("full_name", "")), last_on, due))
    return tuple(sorted(overdue, key=lambda agent: (agent.due_on, agent.name)))


def day_of(value: Any) -> date | None:
    """The day of a travelled date or datetime (ISO text); None when it is missing or not a date a notebook makes."""
    try:
        day = date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None
    return day if day is not None and date.min.year < day.year < date.max.year else None


def text_of(value: Any) -> str | None:
    """A travelled reference, or None: a record pushed by a faulty client must not stop the leader's view."""
    return value if isinstance(value, str) else None
