"""Many packs at once: one process per core, each with its own connection to the notebook.

Rendering is CPU-bound Python, so threads would take turns; processes build packs side by side. Workers are
started with "spawn", which is safe beside a running Qt event loop. reportlab loads on first use, so the window's
screens (which import this) open without waiting for it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path

from coachdesk.errors import CoachDeskError
from coachdesk.reports.content import PackContent, PackRequest
from coachdesk.reports.files import pack_file_name, write_atomically
from coachdesk.reports.gather import gather_pack
from coachdesk.reports.layout import PackLayout
from coachdesk.services import Services

Progress = Callable[[int, int], None]
"""Called with (packs done, packs in all) as each pack finishes."""


@dataclass(frozen=True)
class BuiltPack:
    agent_name: str
    path: Path
    pages: int


@dataclass(frozen=True)
class TeamRun:
    """What every worker needs to build packs: where the notebook is and what "now" is for this run."""

    notebook_file: Path
    now: datetime
    request: PackRequest
    """The period, sections and privacy; `agent_id` is set per pack."""
    layout: PackLayout


_worker_services: Services | None = None


def _open_notebook(notebook_file: Path, now: datetime) -> None:
    global _worker_services  # noqa: PLW0603 (one notebook per worker process, opened once)
    from coachdesk.services import build_services
    from coachdesk.storage import open_notebook

    _worker_services = build_services(open_notebook(notebook_file), clock=lambda: now)


def _gather(request: PackRequest) -> PackContent:
    assert _worker_services is not None
    return gather_pack(_worker_services, request)


def _build_one(request: PackRequest, layout: PackLayout, folder: Path) -> BuiltPack:
    assert _worker_services is not None
    return write_agent_pack(_worker_services, request, layout, folder)


def write_agent_pack(services: Services, request: PackRequest, layout: PackLayout, target: Path) -> BuiltPack:
    """One agent's pack, written whole or not at all; a folder as `target` gets a file named for the agent."""
    from coachdesk.reports.render import render_pack

    content = gather_pack(services, request)
    path = target / pack_file_name(content.agent.name, content.agent.employee_id) if target.is_dir() else target
    pages = write_atomically(path, partial(render_pack, content, layout))
    return BuiltPack(content.agent.name, path, pages)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def build_team_packs(
    run: TeamRun,
    agent_ids: Sequence[str],
    folder: Path,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[BuiltPack]:
    """One PDF per agent in `folder`, in the order the agents were given; stops early when `cancelled()`."""
    jobs = [replace(run.request, agent_id=agent_id) for agent_id in agent_ids]
    results = _in_parallel(
        run, [partial(_build_one, job, run.layout, folder) for job in jobs], workers, progress, cancelled
    )
    return [result for result in results if isinstance(result, BuiltPack)]


def build_combined_pack(
    run: TeamRun,
    agent_ids: Sequence[str],
    path: Path,
    team_name: str,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> BuiltPack:
    """All the agents' packs in one PDF: gathered side by side, then laid out one after another."""
    from coachdesk.reports.render import render_combined

    jobs = [partial(_gather, replace(run.request, agent_id=agent_id)) for agent_id in agent_ids]
    contents = [c for c in _in_parallel(run, jobs, workers, progress, cancelled) if isinstance(c, PackContent)]
    pages = write_atomically(path, partial(render_combined, contents, run.layout, team=team_name))
    return BuiltPack(team_name, path, pages)


def _in_parallel(
    run: TeamRun,
    jobs: Sequence[Callable[[], object]],
    workers: int | None,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> list[object]:
    """Each job's result, in the jobs' order; raises the first failure in plain words."""
    results: list[object] = [None] * len(jobs)
    count = min(len(jobs), workers or default_workers())
    if not jobs:
        return results
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_open_notebook,
        initargs=(run.notebook_file, run.now),
    ) as pool:
        futures: dict[Future[object], int] = {pool.submit(job): index for index, job in enumerate(jobs)}
        for done, future in enumerate(as_completed(futures), start=1):
            if cancelled():
                pool.shutdown(cancel_futures=True)
                raise PacksCancelled(done - 1, len(jobs))
            results[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(jobs))
    return results


class PacksCancelled(CoachDeskError):
    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"Stopped after {done} of {total} packs.")
        self.done = done


def team_agents(services: Services, team_name: str) -> tuple[str, list[str]]:
    """The team's own spelling of its name and its active agents' ids, by name; unknown teams named in the error."""
    teams = services.people.list_teams()
    wanted = team_name.strip().casefold()
    team = next((t for t in teams if t.name.casefold() == wanted), None)
    if team is None:
        known = ", ".join(t.name for t in teams) or "none yet"
        raise CoachDeskError(f"There is no team called “{team_name}”. Teams in the notebook: {known}.")
    members = [p.id for p in services.people.list_people() if p.team_id == team.id and p.is_agent]
    if not members:
        raise CoachDeskError(f"The team {team.name} has no active agents to make packs for.")
    return team.name, members
