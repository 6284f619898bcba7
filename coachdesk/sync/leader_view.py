"""A leader's view of their managers' coaching, read from the Coaching Portal's tracker (`GET /v1/tracker`).

The portal decides whose rows the caller sees (their own notebook and everyone's below them); this side only reads
the answer and lays it out for a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from coachdesk.sync.run import call

DEFAULT_WEEKS = 8
NO_NOTEBOOKS = (
    "No notebook of yours or of anyone below you has synced with the Coaching Portal yet; the tracker fills in as "
    "managers sync."
)


@dataclass(frozen=True)
class OverdueAgent:
    name: str
    last_session_on: date | None
    due_on: date


@dataclass(frozen=True)
class ManagerCoaching:
    """One manager's notebook: counts per week, oldest week first, as the tracker's `weeks` run."""

    name: str
    email: str
    sessions: tuple[int, ...]
    one_on_ones: tuple[int, ...]
    agents: int
    overdue_agents: tuple[OverdueAgent, ...]
    overdue_commitments: int


@dataclass(frozen=True)
class LeaderTracker:
    today: date
    weeks: tuple[str, ...]
    """ISO weeks, e.g. `2026-W48`, oldest first."""
    managers: tuple[ManagerCoaching, ...]


def fetch_tracker(portal: httpx.Client, weeks: int = DEFAULT_WEEKS) -> LeaderTracker:
    """The tracker the portal shows this device's person; refusals and dropped connections raise `SyncRefused`."""
    answer = call(portal, "GET", "/v1/tracker", params={"weeks": weeks})
    return LeaderTracker(
        today=date.fromisoformat(answer["today"]),
        weeks=tuple(week["label"] for week in answer["weeks"]),
        managers=tuple(manager_coaching(manager) for manager in answer["managers"]),
    )


def manager_coaching(row: dict[str, Any]) -> ManagerCoaching:
    return ManagerCoaching(
        name=row["owner_name"],
        email=row["owner_email"],
        sessions=tuple(row["sessions"]),
        one_on_ones=tuple(row["one_on_ones"]),
        agents=row["agents"],
        overdue_agents=tuple(
            OverdueAgent(
                agent["name"],
                None if agent["last_session_on"] is None else date.fromisoformat(agent["last_session_on"]),
                date.fromisoformat(agent["due_on"]),
            )
            for agent in row["overdue_agents"]
        ),
        overdue_commitments=row["overdue_commitments"],
    )


def tracker_text(tracker: LeaderTracker) -> str:
    """A plain table: a row per manager with sessions per week, one-on-ones held, overdue agents, then who they are."""
    if not tracker.managers:
        return NO_NOTEBOOKS + "\n"
    header = tracker_header(tracker)
    rows = [manager_figures(manager) for manager in tracker.managers]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = [
        f"Coaching tracker on {tracker.today:%d %b %Y}: sessions held per ISO week ({tracker.weeks[0]} to "
        f"{tracker.weeks[-1]}), then those weeks' one-on-ones.",
        "",
        *(table_line(row, widths) for row in [header, *rows]),
    ]
    overdue = [manager for manager in tracker.managers if manager.overdue_agents]
    if overdue:
        lines += ["", "Overdue for coaching:"]
        lines += [f"  {manager.name}: {', '.join(map(overdue_words, manager.overdue_agents))}" for manager in overdue]
    return "\n".join(lines) + "\n"


def tracker_header(tracker: LeaderTracker) -> list[str]:
    """Column titles: the manager, each week by its ISO number, then the period's totals."""
    weeks = [label.split("-")[1] for label in tracker.weeks]
    return ["Manager", *weeks, "1:1s", "Overdue agents", "Commitments past due"]


def manager_figures(manager: ManagerCoaching) -> list[str]:
    """One manager's row: the name, sessions per week, one-on-ones held, overdue agents of all, commitments late."""
    return [
        manager.name,
        *map(str, manager.sessions),
        str(sum(manager.one_on_ones)),
        f"{len(manager.overdue_agents)} of {manager.agents}",
        str(manager.overdue_commitments),
    ]


def table_line(cells: list[str], widths: list[int]) -> str:
    """The manager's name to the left, every figure to the right of its column."""
    first, *figures = cells
    aligned = (cell.rjust(width) for cell, width in zip(figures, widths[1:], strict=True))
    return "  ".join([first.ljust(widths[0]), *aligned])


def overdue_words(agent: OverdueAgent) -> str:
    last = "never coached" if agent.last_session_on is None else f"last coached {agent.last_session_on:%d %b}"
    return f"{agent.name} ({last}, due {agent.due_on:%d %b})"
