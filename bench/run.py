"""`python bench/run.py`: how fast CoachDesk answers on a large notebook, against what SQLite alone could do.

Builds the large demo notebook once (250 agents, five years; a fixed seed and a fixed "today", so every run measures
the same data) and caches it in bench/.cache/, rebuilt when the schema revision or the demo generator changes. Then
each figure is timed through the services and through its floor (bench/floors.py: one hand-written query on the
raw `sqlite3` module; for the KPI chart, bench/kpi_chart.py also paints a bare polyline), and one JSON array goes to
stdout; progress goes to stderr. The sync figures (bench/sync_figures.py) run the notebook through a real portal on
loopback; `--only app` or `--only sync` measures one half.

The exit status is 0 even when a target is missed: each figure says so in `meets_target`, for whoever reads it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import floors
import kpi_chart
import pack_floors
from sync_figures import sync_figures

from coachdesk import demo, migrations
from coachdesk.demo import generate_demo
from coachdesk.reports.content import PackRequest
from coachdesk.reports.gather import gather_pack
from coachdesk.reports.layout import PackLayout, Paper
from coachdesk.reports.render import render_pack
from coachdesk.reports.team import TeamRun, build_team_packs
from coachdesk.services import Services, build_services
from coachdesk.services.workspace import TIMELINE_PAGE
from coachdesk.storage import open_notebook

CACHE = Path(__file__).resolve().parent / ".cache"
COLD_START = Path(__file__).resolve().parent / "cold_start.py"
COLD_START_RATIO = 3
PEAK_MEMORY_MIB = 200
SEED = 7
TODAY = date(2026, 11, 23)
NOW = datetime.combine(TODAY, clock_time(9))
SEARCH_TEXT = "adherence schedule"
PAGE = 100
SEARCH_LIMIT = 50
TEAM_PACKS = 25
PACK_WORKERS = 2
TEAM_RUNS = 3


@dataclass(frozen=True)
class Target:
    """How much slower than its floor a figure may be, and how slow at most."""

    max_ratio: float | None
    max_ms: float

    def __str__(self) -> str:
        limit = f"<= {self.max_ms:g} ms"
        return limit if self.max_ratio is None else f"ratio <= {self.max_ratio:g} and {limit}"

    def met_by(self, median_ms: float, ratio: float) -> bool:
        return (self.max_ratio is None or ratio <= self.max_ratio) and median_ms <= self.max_ms


@dataclass(frozen=True)
class Figure:
    name: str
    measured: Callable[[], object]
    floor: Callable[[], object]
    target: Target
    runs: int | None = None
    """Timed runs for a slow figure; None takes the command line's --runs."""


def main(argv: list[str] | None = None) -> int:
    args = arguments().parse_args(argv)
    path = cached_notebook(args.agents, args.years)
    results = [] if args.only == "sync" else app_figures(path, args)
    if args.only != "app":
        results.extend(sync_figures(CACHE, path, args.runs, progress))
    print(json.dumps(results, indent=2))
    return 0


def app_figures(path: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    starts = start_figures(path, args.starts)
    notebook = open_notebook(path)
    raw = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        services = build_services(notebook, clock=lambda: NOW)
        results = [measure(figure, figure.runs or args.runs) for figure in figures(services, raw, path)]
    finally:
        raw.close()
        notebook.close()
    return results + starts


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--agents", type=int, default=250, help="agents in the demo notebook (default 250)")
    parser.add_argument("--years", type=float, default=5.0, help="years of history (default 5)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure, after one warm-up (default 15)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts of the app and of a bare window (default 5)")
    parser.add_argument("--only", choices=["app", "sync"], help="measure only the app's figures, or only sync's")
    return parser


def figures(services: Services, raw: sqlite3.Connection, path: Path) -> list[Figure]:
    """The figures a manager waits for: the Today tracker, an agent's timeline and page, search, a KPI chart, packs."""
    agent_id = floors.busiest_agent(raw)
    charted, kpi_id = floors.longest_kpi_series(raw)
    kpi_chart.application()
    return [
        Figure(
            "tracker, all agents",
            services.tracker.agents,
            lambda: floors.tracker(raw, TODAY),
            Target(max_ratio=3, max_ms=50),
        ),
        Figure(
            f"timeline, {PAGE} entries",
            lambda: services.log.timeline(agent_id, limit=PAGE),
            lambda: floors.timeline(raw, agent_id, PAGE),
            Target(max_ratio=3, max_ms=50),
        ),
        Figure(
            "open an agent with five years of history",
            lambda: services.workspace.overview(agent_id),
            lambda: floors.agent_page(raw, agent_id, TODAY, TIMELINE_PAGE),
            Target(max_ratio=None, max_ms=100),
        ),
        Figure(
            "full-text search",
            lambda: services.search.search(SEARCH_TEXT, limit=SEARCH_LIMIT),
            lambda: floors.search(raw, SEARCH_TEXT, SEARCH_LIMIT),
            Target(max_ratio=3, max_ms=50),
        ),
        Figure(
            "KPI chart, 5 years of weekly values, opens",
            lambda: kpi_chart.open_chart(services, charted, kpi_id),
            lambda: kpi_chart.open_polyline(raw, charted, kpi_id),
            Target(max_ratio=None, max_ms=100),
        ),
        *pack_figures(services, raw, path),
    ]


def pack_figures(services: Services, raw: sqlite3.Connection, path: Path) -> list[Figure]:
    """Review packs for a year: the busiest agent's, and 25 agents' at once on two worker processes."""
    year = PackRequest(floors.busiest_agent(raw), TODAY.replace(year=TODAY.year - 1), TODAY)
    layout = PackLayout(Paper.A4)
    pages = render_pack(gather_pack(services, year), layout, io.BytesIO())
    team = [p.id for p in services.people.list_people() if p.is_agent][:TEAM_PACKS]
    scratch = CACHE / "packs"
    scratch.mkdir(exist_ok=True)
    run = TeamRun(path, NOW, year, layout)
    team_pages = [pack.pages for pack in build_team_packs(run, team, scratch, workers=PACK_WORKERS)]
    return [
        Figure(
            f"one agent's one-year review pack ({pages} pages)",
            lambda: render_pack(gather_pack(services, year), layout, io.BytesIO()),
            lambda: pack_floors.bare_document(pages),
            Target(max_ratio=None, max_ms=500),
            runs=5,
        ),
        Figure(
            f"{TEAM_PACKS} agents' review packs on {PACK_WORKERS} processes ({sum(team_pages)} pages)",
            lambda: build_team_packs(run, team, scratch, workers=PACK_WORKERS),
            lambda: pack_floors.bare_documents(team_pages, PACK_WORKERS),
            Target(max_ratio=None, max_ms=8000),
            runs=TEAM_RUNS,
        ),
    ]


def measure(figure: Figure, runs: int) -> dict[str, Any]:
    progress(f"measuring {figure.name}…")
    median_ms = median_time_ms(figure.measured, runs)
    floor_ms = median_time_ms(figure.floor, runs)
    ratio = median_ms / floor_ms
    return {
        "name": figure.name,
        "median_ms": round(median_ms, 3),
        "floor_ms": round(floor_ms, 3),
        "ratio": round(ratio, 2),
        "target": str(figure.target),
        "unit": "ms",
        "runs": runs,
        "meets_target": figure.target.met_by(median_ms, ratio),
    }


def start_figures(path: Path, starts: int) -> list[dict[str, Any]]:
    """Cold start of the whole app on the notebook against a bare Qt window, each a fresh process, and peak memory."""
    progress("measuring cold starts…")
    app = [cold_start("app", str(path)) for _ in range(starts)]
    bare = [cold_start("bare") for _ in range(starts)]
    floor_ms = statistics.median(start.ready_ms for start in bare)
    window_ms = statistics.median(start.interactive_ms for start in app)
    today_ms = statistics.median(start.ready_ms for start in app)
    memory_mib, floor_mib = max(s.peak_mib for s in app), max(s.peak_mib for s in bare)
    common = {"runs": starts}
    return [
        {
            "name": "cold start to an interactive main window",
            "median_ms": round(window_ms, 1),
            "floor_ms": round(floor_ms, 1),
            "ratio": round(window_ms / floor_ms, 2),
            "target": f"ratio <= {COLD_START_RATIO}",
            "unit": "ms",
            **common,
            "meets_target": window_ms / floor_ms <= COLD_START_RATIO,
        },
        {
            "name": "cold start until Today shows the notebook",
            "median_ms": round(today_ms, 1),
            "floor_ms": round(floor_ms, 1),
            "ratio": round(today_ms / floor_ms, 2),
            "target": "none yet (reported)",
            "unit": "ms",
            **common,
            "meets_target": None,
        },
        {
            "name": "peak memory at start",
            "peak_mib": round(memory_mib, 1),
            "floor_mib": round(floor_mib, 1),
            "ratio": round(memory_mib / floor_mib, 2),
            "target": f"<= {PEAK_MEMORY_MIB} MiB",
            "unit": "MiB",
            **common,
            "meets_target": memory_mib <= PEAK_MEMORY_MIB,
        },
    ]


@dataclass(frozen=True)
class ColdStart:
    interactive_ms: float
    ready_ms: float
    peak_mib: float


def cold_start(*arguments: str) -> ColdStart:
    """Milliseconds from launching a process to its window answering, and to its data shown; its peak memory."""
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, str(COLD_START), *arguments], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        interactive = child.stdout.readline()
        interactive_ms = (time.perf_counter() - started) * 1000
        ready = child.stdout.readline()
        ready_ms = (time.perf_counter() - started) * 1000
        child.wait(timeout=60)
    if interactive.strip() != "interactive" or not ready.startswith("ready "):
        raise RuntimeError(f"the cold-start process ended without becoming ready (exit status {child.returncode})")
    return ColdStart(interactive_ms, ready_ms, int(ready.split()[1]) / 1024)


def median_time_ms(work: Callable[[], object], runs: int) -> float:
    """The median of `runs` timings after one warm-up run, which fills caches the way a second look would."""
    work()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def cached_notebook(agents: int, years: float) -> Path:
    """The demo notebook for this size, built once and kept while the schema and the generator stay the same."""
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n", encoding="utf-8")
    path = CACHE / f"demo-{agents}-agents-{years:g}-years.sqlite3"
    stamp = path.with_suffix(".json")
    wanted = {"revision": migrations.HEAD, "generator": generator_fingerprint(), "seed": SEED, "today": str(TODAY)}
    if path.exists() and stamp.exists() and json.loads(stamp.read_text(encoding="utf-8")) == wanted:
        progress(f"using the cached notebook {path.name}")
        return path
    build_notebook(path, agents, years)
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    return path


def build_notebook(path: Path, agents: int, years: float) -> None:
    """Builds in a scratch file and copies it into place, so an interrupted build never leaves a cache behind."""
    scratch = path.with_name(path.name + ".building")
    for leftover in (scratch, *(scratch.with_name(scratch.name + suffix) for suffix in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    progress(f"building the demo notebook: {agents} agents, {years:g} years…")
    started = time.perf_counter()
    notebook = open_notebook(scratch)
    try:
        summary = generate_demo(notebook, agents=agents, years=years, seed=SEED, today=TODAY)
        notebook.backup_to(path)
    finally:
        notebook.close()
    scratch.unlink(missing_ok=True)
    progress(f"built in {time.perf_counter() - started:.1f} s: {summary}")


def generator_fingerprint() -> str:
    """Changes whenever any module of the demo generator does, so the cache never measures data it no longer makes."""
    package = Path(demo.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
