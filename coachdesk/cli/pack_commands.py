"""`coachdesk pack`: review packs as PDF files, for one agent or a whole team."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from coachdesk.cli.arguments import iso_date, positive_int
from coachdesk.cli.context import CommandContext
from coachdesk.errors import CoachDeskError

SECTION_WORDS = (
    "summary",
    "plan",
    "kpis",
    "log",
    "acknowledgements",
    "recognition",
    "mentoring",
    "one-on-ones",
    "sign-off",
    "response",
)
"""The words of `coachdesk.reports.content.Section`, spelled out so `--help` needs no import of the report code."""


def section_list(text: str) -> tuple[str, ...]:
    words = tuple(word.strip().lower() for word in text.split(",") if word.strip())
    unknown = [word for word in words if word not in SECTION_WORDS]
    if unknown or not words:
        raise argparse.ArgumentTypeError(
            f"“{', '.join(unknown) or text}” is not a section; choose from {', '.join(SECTION_WORDS)}"
        )
    return words


def register(subcommands: Any, common: argparse.ArgumentParser) -> None:
    pack = subcommands.add_parser(
        "pack",
        parents=[common],
        help="write review packs (PDF) for an agent or a whole team",
        description="Write a performance review pack: cover, summary in numbers, development plan, KPI trends, "
        "leader-log evidence, acknowledgements and amendments, recognition, mentoring, one-on-ones, a sign-off "
        "block and a page for the agent's response. Private notes are left out unless you ask for them.",
    )
    who = pack.add_mutually_exclusive_group(required=True)
    who.add_argument("--agent", metavar="NAME_OR_ID", help="one agent: a name, employee id or id")
    who.add_argument("--team", metavar="NAME", help="every active agent of a team: one PDF each, in -o DIR")
    pack.add_argument("--from", dest="first_day", type=iso_date, metavar="DATE", help="first day (default: a year ago)")
    pack.add_argument("--to", dest="last_day", type=iso_date, metavar="DATE", help="last day (default: today)")
    pack.add_argument(
        "--sections",
        type=section_list,
        metavar="LIST",
        help=f"comma-separated sections to include (default: all): {', '.join(SECTION_WORDS)}",
    )
    pack.add_argument("--private", action="store_true", help="include private notes and private records")
    pack.add_argument("--paper", choices=("a4", "letter"), help="paper size (default: from your locale)")
    pack.add_argument(
        "--organisation",
        metavar="NAME",
        help="the organisation's name, on every page (default: the name last used in the app)",
    )
    pack.add_argument(
        "--combined", action="store_true", help="with --team: one PDF holding every agent's pack, written to -o FILE"
    )
    pack.add_argument(
        "--jobs", type=positive_int, metavar="N", help="with --team: packs built at once (default: the cores)"
    )
    pack.add_argument("-o", "--output", required=True, metavar="PATH", help="the PDF to write (a folder for --team)")
    pack.set_defaults(run=run_pack)


def run_pack(context: CommandContext, args: argparse.Namespace) -> int:
    from coachdesk.reports.content import ALL_SECTIONS, PackRequest, Section, default_first_day
    from coachdesk.reports.gather import checked_period
    from coachdesk.reports.layout import PackLayout, Paper, paper_for_locale

    if args.combined and not args.team:
        raise CoachDeskError("--combined goes with --team; a single agent's pack is already one file.")
    last_day = args.last_day or date.today()
    first_day = args.first_day or default_first_day(last_day)
    checked_period(first_day, last_day)
    sections = tuple(Section(word) for word in args.sections) if args.sections else ALL_SECTIONS
    organisation = context.services.settings.organisation() if args.organisation is None else args.organisation
    layout = PackLayout(Paper(args.paper) if args.paper else paper_for_locale(), organisation)
    request = PackRequest("", first_day, last_day, sections, args.private)
    target = Path(args.output).expanduser()
    if args.team:
        return run_team_pack(context, args, request, layout, target)
    return run_agent_pack(context, args.agent, request, layout, target)


def run_agent_pack(context: CommandContext, agent: str, request: Any, layout: Any, target: Path) -> int:
    from dataclasses import replace

    from coachdesk.reports.content import period_words
    from coachdesk.reports.files import writable_file
    from coachdesk.reports.team import write_agent_pack

    writable_file(target)
    services = context.services
    person = services.people.find(agent)
    built = write_agent_pack(services, replace(request, agent_id=person.id), layout, target)
    first, last = request.first_day, request.last_day
    print(
        f"Wrote the review pack for {built.agent_name} ({period_words(first, last)}, {built.pages} pages) to {target}."
    )
    return 0


def run_team_pack(context: CommandContext, args: argparse.Namespace, request: Any, layout: Any, target: Path) -> int:
    from coachdesk.reports.files import writable_file, writable_folder
    from coachdesk.reports.team import TeamRun, build_combined_pack, build_team_packs, team_agents

    team_name, agent_ids = team_agents(context.services, args.team)
    if args.combined:
        writable_file(target)
    else:
        writable_folder(target)
    run = TeamRun(context.notebook_file, datetime.now(), request, layout)
    started = time.perf_counter()
    print(f"Making review packs for {len(agent_ids)} agents of {team_name}…", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        print(f"\r  {done} of {total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    if args.combined:
        built = build_combined_pack(run, agent_ids, target, team_name, workers=args.jobs, progress=progress)
        print(f"Wrote {len(agent_ids)} packs for {team_name} ({built.pages} pages) to {target}.")
    else:
        packs = build_team_packs(run, agent_ids, target, workers=args.jobs, progress=progress)
        for pack in packs:
            print(f"  {pack.path.name}  ({pack.pages} pages)")
        print(f"Wrote {len(packs)} packs for {team_name} to {target} in {time.perf_counter() - started:.1f} s.")
    return 0
