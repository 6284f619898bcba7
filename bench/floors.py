"""The floors the benchmark measures CoachDesk against: the same figures from one hand-written query each.

Each floor runs through the plain `sqlite3` module on the same file and fetches every row, so the ratio of a service
to its floor is what the service itself adds: the ORM, building views, extra look-ups. The queries use the same
windows and rules as the services, so a floor can never win by answering an easier question.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from coachdesk.services.search import HIGHLIGHT_END, HIGHLIGHT_START, fts_query
from coachdesk.services.tracker import LONG_WINDOW_DAYS, SHORT_WINDOW_DAYS

TRACKER = """
WITH recent AS (
    SELECT a.agent_id,
           max(e.held_on) AS last_on,
           sum(e.held_on > :short_start) AS sessions_4w,
           count(*) AS sessions_13w
    FROM log_entries AS e
    JOIN session_kinds AS k ON k.id = e.kind_id AND k.counts_toward_cadence = 1
    JOIN log_entry_agents AS a ON a.entry_id = e.id AND a.deleted = 0
    WHERE e.deleted = 0 AND e.held_on BETWEEN :long_start AND :today
    GROUP BY a.agent_id
),
promises AS (
    SELECT coachee_id,
           count(*) AS open_count,
           sum(due_on IS NOT NULL AND due_on < :today) AS overdue_count
    FROM commitments
    WHERE status = 'open' AND deleted = 0
    GROUP BY coachee_id
)
SELECT p.id,
       coalesce(r.last_on, (
           SELECT max(e.held_on)
           FROM log_entry_agents AS a
           JOIN log_entries AS e ON e.id = a.entry_id
           JOIN session_kinds AS k ON k.id = e.kind_id
           WHERE a.agent_id = p.id AND a.deleted = 0 AND e.deleted = 0
             AND k.counts_toward_cadence = 1 AND e.held_on < :long_start
       )) AS last_on,
       coalesce(r.sessions_4w, 0),
       coalesce(r.sessions_13w, 0),
       coalesce(c.open_count, 0),
       coalesce(c.overdue_count, 0)
FROM people AS p
LEFT JOIN recent AS r ON r.agent_id = p.id
LEFT JOIN promises AS c ON c.coachee_id = p.id
WHERE p.deleted = 0 AND p.archived = 0 AND p.is_agent = 1
"""

TIMELINE = """
SELECT e.id, e.held_on, k.name, e.coach_id, coach.full_name, e.performance_rating, e.what_happened, e.next_steps,
       e.is_private, e.signed_off_at IS NOT NULL,
       (SELECT group_concat(p.full_name, ', ') FROM log_entry_agents AS ea JOIN people AS p ON p.id = ea.agent_id
        WHERE ea.entry_id = e.id AND ea.deleted = 0) AS agent_names
FROM log_entry_agents AS a
JOIN log_entries AS e ON e.id = a.entry_id
JOIN session_kinds AS k ON k.id = e.kind_id
JOIN people AS coach ON coach.id = e.coach_id
WHERE a.agent_id = :agent_id AND a.deleted = 0 AND e.deleted = 0
ORDER BY e.held_on DESC, e.created_at DESC, e.id DESC
LIMIT :limit
"""

AGENT_PAGE = (
    """SELECT p.*, t.name, m.full_name FROM people AS p LEFT JOIN teams AS t ON t.id = p.team_id
       LEFT JOIN people AS m ON m.id = p.reports_to_id WHERE p.id = :agent_id""",
    """SELECT max(e.held_on), sum(e.held_on >= :short_start), sum(e.held_on >= :long_start)
       FROM log_entry_agents AS a JOIN log_entries AS e ON e.id = a.entry_id
       JOIN session_kinds AS k ON k.id = e.kind_id AND k.counts_toward_cadence = 1
       WHERE a.agent_id = :agent_id AND a.deleted = 0 AND e.deleted = 0""",
    """SELECT c.*, o.full_name FROM commitments AS c JOIN people AS o ON o.id = c.owner_id
       WHERE c.coachee_id = :agent_id AND c.status = 'open' AND c.deleted = 0 ORDER BY c.due_on""",
    """SELECT g.*, s.* FROM development_plans AS d JOIN plan_goals AS g ON g.plan_id = d.id AND g.deleted = 0
       LEFT JOIN plan_steps AS s ON s.goal_id = g.id AND s.deleted = 0
       WHERE d.id = (SELECT id FROM development_plans WHERE person_id = :agent_id AND status = 'active'
                     AND deleted = 0 ORDER BY started_on DESC LIMIT 1)
       ORDER BY g.position, s.position""",
    """SELECT k.name, k.target, v.value, max(v.period_start) FROM kpi_values AS v JOIN kpis AS k ON k.id = v.kpi_id
       WHERE v.person_id = :agent_id AND v.deleted = 0 GROUP BY v.kpi_id""",
    """SELECT r.*, g.full_name FROM recognition AS r LEFT JOIN people AS g ON g.id = r.given_by_id
       WHERE r.person_id = :agent_id AND r.deleted = 0 ORDER BY r.given_on DESC LIMIT 5""",
    """SELECT s.*, m.* FROM one_on_one_series AS s JOIN meetings AS m ON m.series_id = s.id
       WHERE s.report_id = :agent_id AND s.active = 1 AND m.scheduled_at >= :today AND m.deleted = 0
       ORDER BY m.scheduled_at LIMIT 1""",
    """SELECT * FROM mentorships WHERE (mentor_id = :agent_id OR mentee_id = :agent_id) AND status != 'ended'
       AND deleted = 0""",
)

SEARCH = """
SELECT k.kind, k.record_id, snippet(search_index, 0, :start, :end, '…', 12)
FROM search_index JOIN search_keys AS k ON k.doc = search_index.rowid
WHERE search_index MATCH :query
ORDER BY rank
LIMIT :limit
"""

BUSIEST_AGENT = """
SELECT a.agent_id
FROM log_entry_agents AS a JOIN log_entries AS e ON e.id = a.entry_id
WHERE a.deleted = 0 AND e.deleted = 0
GROUP BY a.agent_id
ORDER BY count(*) DESC, a.agent_id
LIMIT 1
"""

LONGEST_KPI_SERIES = """
SELECT person_id, kpi_id
FROM kpi_values
WHERE deleted = 0
GROUP BY person_id, kpi_id
ORDER BY count(*) DESC, person_id, kpi_id
LIMIT 1
"""


def tracker(connection: sqlite3.Connection, today: date) -> list[Any]:
    """Per active agent: the last counted session, sessions in 4 and 13 weeks, open and overdue commitments."""
    windows = {
        "today": today.isoformat(),
        "short_start": (today - timedelta(days=SHORT_WINDOW_DAYS)).isoformat(),
        "long_start": (today - timedelta(days=LONG_WINDOW_DAYS - 1)).isoformat(),
    }
    return connection.execute(TRACKER, windows).fetchall()


def timeline(connection: sqlite3.Connection, agent_id: str, limit: int) -> list[Any]:
    return connection.execute(TIMELINE, {"agent_id": agent_id, "limit": limit}).fetchall()


def agent_page(connection: sqlite3.Connection, agent_id: str, today: date, page: int) -> list[Any]:
    """What the agent page shows as it opens: the person, their cadence figures, a timeline page and the side panels."""
    values = {
        "agent_id": agent_id,
        "today": today.isoformat(),
        "short_start": (today - timedelta(days=SHORT_WINDOW_DAYS)).isoformat(),
        "long_start": (today - timedelta(days=LONG_WINDOW_DAYS - 1)).isoformat(),
    }
    results = [connection.execute(sql, values).fetchall() for sql in AGENT_PAGE]
    return [*results, timeline(connection, agent_id, page + 1)]


def search(connection: sqlite3.Connection, typed: str, limit: int) -> list[Any]:
    """The FTS5 query the search service runs, with its snippets, on what it makes of the same typed words."""
    query = {"start": HIGHLIGHT_START, "end": HIGHLIGHT_END, "query": fts_query(typed), "limit": limit}
    return connection.execute(SEARCH, query).fetchall()


def busiest_agent(connection: sqlite3.Connection) -> str:
    """The agent with the most leader-log entries: the longest timeline to page through."""
    row = connection.execute(BUSIEST_AGENT).fetchone()
    if row is None:
        raise SystemExit("The benchmark notebook has no leader-log entries.")
    return str(row[0])


def longest_kpi_series(connection: sqlite3.Connection) -> tuple[str, str]:
    """The person and KPI with the most values: years of weekly figures to chart."""
    row = connection.execute(LONGEST_KPI_SERIES).fetchone()
    if row is None:
        raise SystemExit("The benchmark notebook has no KPI values.")
    return str(row[0]), str(row[1])
