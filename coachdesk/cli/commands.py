"""Notebook-wide commands: demo data, roster and KPI import, export, calendar, integrity, backup, people, owner."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from coachdesk.cli.arguments import output_path, positive_float, positive_int
from coachdesk.cli.context import CommandContext
from coachdesk.cli.output import print_json, short_id
from coachdesk.errors import CoachDeskError, ImportRejected, ValidationError

SEVERITY_MARKS = {"ok": "ok     ", "warning": "warning", "problem": "PROBLEM"}


def register(subcommands: Any, common: argparse.ArgumentParser) -> None:
    demo = subcommands.add_parser(
        "demo",
        parents=[common],
        help="fill an empty notebook with realistic sample data",
        description="Fill an empty notebook with a realistic sample team: a hierarchy, years of leader-log "
        "entries with gaps and lapses, commitments, plans, one-on-ones, recognition and KPIs.",
    )
    demo.add_argument("--agents", type=positive_int, default=24, help="how many agents (default 24)")
    demo.add_argument("--years", type=positive_float, default=1.0, help="how many years of history (default 1)")
    demo.add_argument("--seed", type=int, default=7, help="the random seed: same seed, same notebook")
    demo.set_defaults(run=run_demo)

    roster = subcommands.add_parser(
        "import-roster",
        parents=[common],
        help="import people from a CSV or XLSX roster",
        description="Check every row of a roster, show what would change, then import all of it or none. "
        "Columns: name, employee_id (required); role, team, site, reports_to, start_date, email, type, cadence_days.",
    )
    roster.add_argument("file", help="the roster (.csv or .xlsx)")
    roster.add_argument("--dry-run", action="store_true", help="only check and preview; change nothing")
    roster.set_defaults(run=run_import_roster)

    kpis = subcommands.add_parser(
        "import-kpis",
        parents=[common],
        help="import KPI values from a CSV or XLSX export",
        description="Check every row of a KPI export, show what would change, then import all of it or none. "
        "Rows name the person (employee id or full name), the period (a date) and either a KPI and a value "
        "(one row per value) or one column per KPI. The columns are guessed from the headers; a mapping that "
        "imported once is remembered for files with the same headers.",
    )
    kpis.add_argument("file", help="the export (.csv or .xlsx)")
    kpis.add_argument("--dry-run", action="store_true", help="only check and preview; change nothing")
    kpis.add_argument(
        "--map",
        action="append",
        type=column_mapping,
        default=[],
        metavar="COLUMN=FIELD",
        help="what a column holds: person, period, kpi, value, ignore, or a KPI's name (repeat for more columns)",
    )
    kpis.set_defaults(run=run_import_kpis)

    export = subcommands.add_parser(
        "export",
        parents=[common],
        help="write the whole notebook as one JSON document",
        description="Write every record of the notebook as JSON, one array per kind of record. Private notes "
        "and private records are left out unless you ask for them.",
    )
    export.add_argument(
        "-o", "--output", required=True, type=output_path, metavar="FILE", help="the file, or - for stdout"
    )
    export.add_argument("--include-private", action="store_true", help="include private notes (for your own backup)")
    export.set_defaults(run=run_export)

    ics = subcommands.add_parser(
        "ics",
        parents=[common],
        help="write the one-on-one schedule as an iCalendar file",
        description="Write every active one-on-one series as a recurring event in its own time zone, with upcoming "
        "moved and cancelled meetings, for any calendar program to import. Talking points are counted, never "
        "copied, and private ones are left out.",
    )
    ics.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the calendar (.ics)")
    ics.add_argument("--force", action="store_true", help="replace FILE if it exists")
    ics.add_argument("--manager", metavar="PERSON", help="only this manager's series (a name, employee id or id)")
    ics.set_defaults(run=run_ics)

    check = subcommands.add_parser("check", parents=[common], help="check the notebook's integrity")
    check.set_defaults(run=run_check)

    backup = subcommands.add_parser(
        "backup", parents=[common], help="copy the notebook safely, even while the app is open"
    )
    backup.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the copy")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.set_defaults(run=run_backup)

    people = subcommands.add_parser("people", parents=[common], help="list the people in the notebook")
    people.add_argument("--archived", action="store_true", help="include archived people")
    people.add_argument("--format", choices=("text", "json"), default="text")
    people.set_defaults(run=run_people)

    owner = subcommands.add_parser(
        "owner",
        parents=[common],
        help="show or set whose notebook this is",
        description="Show whose notebook this is, or set it: sessions logged without --coach are theirs.",
    )
    owner.add_argument("person", nargs="?", help="a name, employee id or id")
    owner.set_defaults(run=run_owner)


def run_demo(context: CommandContext, args: argparse.Namespace) -> int:
    from coachdesk.demo import generate_demo

    services = context.services
    print(f"Building a demo notebook with {args.agents} agents and {args.years:g} years of history…", file=sys.stderr)
    started = time.perf_counter()
    summary = generate_demo(services.notebook, agents=args.agents, years=args.years, seed=args.seed, today=date.today())
    print(
        f"Demo notebook ready in {time.perf_counter() - started:.1f} s at {context.notebook_file}:\n"
        f"  {summary.people} people ({summary.agents} agents, {summary.managers} managers), "
        f"{summary.log_entries} leader-log entries, {summary.commitments} commitments,\n"
        f"  {summary.plans} development plans, {summary.meetings} one-on-ones, {summary.recognition} recognitions, "
        f"{summary.kpi_values} KPI values, {summary.mentorships} mentorships.\n"
        "Run `coachdesk` to open it."
    )
    return 0


def run_import_roster(context: CommandContext, args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    roster = context.services.roster
    preview = roster.preview(path)
    for row in preview.rows:
        action = "new   " if row.is_new else "update"
        print(f"  row {row.row:>4}  {action}  {row.full_name} ({row.employee_id})")
    if preview.unused_columns:
        print(f"Columns not used: {', '.join(preview.unused_columns)}.")
    if preview.problems:
        raise ImportRejected(preview.source, list(preview.problems))
    if args.dry_run:
        print(f"Dry run: would add {preview.new_count} people and update {preview.update_count}. Nothing changed.")
        return 0
    done = roster.import_file(path)
    print(f"Imported {done.source}: added {done.new_count} people, updated {done.update_count}.")
    return 0


def column_mapping(text: str) -> tuple[str, str]:
    column, equals, target = text.partition("=")
    if not equals or not column.strip() or not target.strip():
        raise argparse.ArgumentTypeError(f"“{text}” should be COLUMN=FIELD, for example “Agent ID=person”")
    return column.strip(), target.strip()


def run_import_kpis(context: CommandContext, args: argparse.Namespace) -> int:
    from coachdesk.services.reminders import counted

    path = Path(args.file).expanduser()
    importer = context.services.kpi_import
    overrides = dict(args.map)
    preview = importer.preview(path, overrides)
    print("Columns: " + ", ".join(f"{column} → {target}" for column, target in preview.mapping.columns.items()))
    for row in preview.rows:
        action, was = ("new   ", "") if row.previous is None else ("update", f" (was {row.previous:g})")
        print(
            f"  row {row.row:>4}  {action}  {row.person_name}  {row.kpi_name}  "
            f"{row.period_start.isoformat()}  {row.value:g}{was}"
        )
    if preview.problems:
        raise ImportRejected(preview.source, list(preview.problems))
    if args.dry_run:
        print(
            f"Dry run: would add {counted(preview.new_count, 'value')} and update {preview.update_count}. "
            "Nothing changed."
        )
        return 0
    done = importer.import_file(path, overrides)
    print(f"Imported {done.source}: added {counted(done.new_count, 'value')}, updated {done.update_count}.")
    return 0


def run_export(context: CommandContext, args: argparse.Namespace) -> int:
    counts = context.services.export.export_to(args.output, include_private=args.include_private)
    if args.output is not None:
        total = sum(counts.values())
        privacy = "including private notes" if args.include_private else "without private notes or private records"
        print(f"Exported {total} records to {args.output}, {privacy}.")
    return 0


def run_ics(context: CommandContext, args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser()
    refuse_to_overwrite(target, force=args.force)
    services = context.services
    manager_id = services.people.find(args.manager).id if args.manager else None
    schedule = services.calendar.export_to(target, manager_id=manager_id)
    print(f"Wrote {schedule.summary} to {target}.")
    if schedule.note:
        print(schedule.note)
    return 0


def run_check(context: CommandContext, args: argparse.Namespace) -> int:
    findings = context.services.integrity.check()
    for finding in findings:
        print(f"{SEVERITY_MARKS[finding.severity]}  {finding.message}")
    problems = sum(f.severity == "problem" for f in findings)
    if problems:
        print(f"{problems} problems found in {context.notebook_file}. Make a backup before changing anything.")
        return 1
    print(f"The notebook at {context.notebook_file} is healthy.")
    return 0


def run_backup(context: CommandContext, args: argparse.Namespace) -> int:
    source, target = context.notebook_file, Path(args.output).expanduser()
    if not source.exists():
        raise CoachDeskError(f"There is no notebook at {source} to back up.")
    refuse_to_overwrite(target, force=args.force)
    from coachdesk.db import copy_database

    copy_database(source, target)
    print(f"Backed up {source} to {target} ({target.stat().st_size / 1e6:.1f} MB).")
    return 0


def refuse_to_overwrite(target: Path, *, force: bool) -> None:
    if target.exists() and not force:
        raise ValidationError(f"{target} already exists; choose another name or add --force.", "output")


def run_people(context: CommandContext, args: argparse.Namespace) -> int:
    people = context.services.people.list_people(include_archived=args.archived)
    if args.format == "json":
        print_json(people)
        return 0
    for person in people:
        kind = "manager" if person.is_manager and not person.is_agent else "agent" if not person.is_manager else "both"
        print(
            f"{short_id(person.id)}  {person.employee_id or '':<8}  {person.full_name:<28}  {kind:<7}  "
            f"{person.team_name or '':<24}  reports to {person.reports_to_name or '—'}"
            f"{'  (archived)' if person.archived else ''}"
        )
    print(f"{len(people)} people.")
    return 0


def run_owner(context: CommandContext, args: argparse.Namespace) -> int:
    people = context.services.people
    if args.person:
        owner = people.set_owner(people.find(args.person).id)
        print(f"This notebook now belongs to {owner.full_name}.")
        return 0
    current = people.owner()
    print(f"This notebook belongs to {current.full_name}." if current else "This notebook has no owner yet.")
    return 0
