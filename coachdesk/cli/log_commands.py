"""`coachdesk log`: add, list, show, edit and delete leader-log entries from scripts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coachdesk.cli.arguments import iso_date, positive_int
from coachdesk.cli.context import CommandContext
from coachdesk.cli.output import day, excerpt, print_json, short_id

if TYPE_CHECKING:
    from coachdesk.services import Services
    from coachdesk.services.log import EntryView

EDIT_OPTIONS = {
    "what": "what_happened",
    "performance": "performance_notes",
    "rating": "performance_rating",
    "agent_view": "agent_view",
    "barriers": "barriers",
    "next_steps": "next_steps",
    "private_notes": "private_notes",
    "date": "held_on",
    "duration": "duration_minutes",
    "kind": "kind",
}


def register(subcommands: Any, common: argparse.ArgumentParser) -> None:
    log = subcommands.add_parser("log", parents=[common], help="add, list, show, edit or delete leader-log entries")
    actions = log.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", parents=[common], help="log a coaching session")
    add.add_argument(
        "--agent",
        action="append",
        required=True,
        metavar="PERSON",
        help="the agent (name, employee id or id); repeat for a group session",
    )
    add.add_argument("--what", required=True, help="what happened in the session")
    add.add_argument("--kind", default="coaching", help="coaching, side_by_side, call_review, feedback, ... ")
    add.add_argument("--coach", metavar="PERSON", help="who coached (default: the notebook's owner)")
    add.add_argument("--commit", action="append", default=[], metavar="TEXT", help="a commitment the agent made")
    add.add_argument(
        "--my-commit", action="append", default=[], metavar="TEXT", help="a commitment the coach made to the agent"
    )
    add.add_argument("--due", type=iso_date, help="when the commitments are due (default: in a week)")
    add.add_argument("--focus", metavar="SKILL", help="the skill or KPI the session focused on")
    add.add_argument("--target", default="", help="the target, e.g. '85 %% adherence'")
    add.add_argument("--follow-up", type=iso_date, metavar="DATE", help="when to check the target")
    add.add_argument("--private", action="store_true", help="keep the whole entry private to you")
    add_fields(add)
    add.add_argument("--format", choices=("text", "json"), default="text")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", parents=[common], help="list entries, newest first")
    listing.add_argument("--agent", metavar="PERSON")
    listing.add_argument("--coach", metavar="PERSON")
    listing.add_argument("--from", dest="since", type=iso_date, metavar="DATE")
    listing.add_argument("--to", dest="until", type=iso_date, metavar="DATE")
    listing.add_argument("--limit", type=positive_int, default=50)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(run=run_list)

    show = actions.add_parser("show", parents=[common], help="show one entry in full")
    show.add_argument("id", help="the entry's id (the first eight characters are enough)")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=run_show)

    edit = actions.add_parser("edit", parents=[common], help="change an entry (signed-off entries get amendments)")
    edit.add_argument("id")
    add_fields(edit)
    edit.add_argument("--what", help="what happened")
    edit.add_argument("--kind")
    edit.add_argument("--reason", default="", help="why, for an amendment")
    edit.add_argument("--format", choices=("text", "json"), default="text")
    edit.set_defaults(run=run_edit)

    delete = actions.add_parser("delete", parents=[common], help="delete an entry that is not signed off")
    delete.add_argument("id")
    delete.set_defaults(run=run_delete)


def add_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=iso_date, help="when the session was held (default: today)")
    parser.add_argument("--duration", type=int, metavar="MINUTES")
    parser.add_argument("--performance", help="how the agent performed and responded")
    parser.add_argument("--rating", type=int, choices=range(1, 6), metavar="1-5")
    parser.add_argument("--agent-view", help="the agent's own view")
    parser.add_argument("--barriers")
    parser.add_argument("--next-steps")
    parser.add_argument("--private-notes", help="notes only you will ever see")


def run_add(context: CommandContext, args: argparse.Namespace) -> int:
    from coachdesk.services.commitments import CommitmentDraft
    from coachdesk.services.log import FocusDraft, SessionDraft

    services = context.services
    agents = tuple(services.people.find(name).id for name in args.agent)
    coach_id = services.people.find(args.coach).id if args.coach else services.settings.owner_id()
    commitments = tuple(CommitmentDraft(text, agents[0], args.due) for text in args.commit)
    if coach_id:
        commitments += tuple(CommitmentDraft(text, coach_id, args.due, agents[0]) for text in args.my_commit)
    focuses = (FocusDraft(args.focus, target_text=args.target, follow_up_on=args.follow_up),) if args.focus else ()
    entry = services.log.record_session(
        SessionDraft(
            agent_ids=agents,
            what_happened=args.what,
            kind=args.kind,
            held_on=args.date,
            duration_minutes=args.duration if args.duration is not None else 30,
            performance_notes=args.performance or "",
            performance_rating=args.rating,
            agent_view=args.agent_view or "",
            barriers=args.barriers or "",
            next_steps=args.next_steps or "",
            private_notes=args.private_notes or "",
            is_private=args.private,
            focuses=focuses,
            commitments=commitments,
            coach_id=coach_id,
        )
    )
    if args.format == "json":
        print_json(entry)
    else:
        names = ", ".join(name for _id, name in entry.agents)
        print(f"Logged {entry.kind.name.lower()} with {names} on {day(entry.held_on)} (id {short_id(entry.id)}).")
    return 0


def run_list(context: CommandContext, args: argparse.Namespace) -> int:
    services = context.services
    entries = services.log.list_entries(
        agent_id=person_id(services, args.agent),
        coach_id=person_id(services, args.coach),
        since=args.since,
        until=args.until,
        limit=args.limit,
    )
    if args.format == "json":
        print_json(entries)
        return 0
    for e in entries:
        lock = "signed" if e.signed_off else "      "
        private = " (private)" if e.is_private else ""
        print(
            f"{short_id(e.id)}  {e.held_on}  {lock}  {e.kind_name:<13}  {', '.join(e.agent_names):<26}  "
            f"{excerpt(e.what_happened, 60)}{private}"
        )
    print(f"{len(entries)} entries.")
    return 0


def run_show(context: CommandContext, args: argparse.Namespace) -> int:
    log = context.services.log
    entry = log.get(log.resolve_id(args.id))
    if args.format == "json":
        print_json(entry)
    else:
        print_entry(entry)
    return 0


def run_edit(context: CommandContext, args: argparse.Namespace) -> int:
    log = context.services.log
    entry_id = log.resolve_id(args.id)
    changes = {
        field: getattr(args, option) for option, field in EDIT_OPTIONS.items() if getattr(args, option) is not None
    }
    if not changes:
        print("Nothing to change: give at least one of --what, --performance, --rating, --date, ...")
        return 2
    entry = log.edit(entry_id, changes, reason=args.reason)
    if args.format == "json":
        print_json(entry)
    elif entry.locked:
        print(
            f"The entry is signed off: your changes were kept as amendments beside the original ({short_id(entry.id)})."
        )
    else:
        print(f"Changed entry {short_id(entry.id)}.")
    return 0


def run_delete(context: CommandContext, args: argparse.Namespace) -> int:
    log = context.services.log
    entry_id = log.resolve_id(args.id)
    log.delete(entry_id)
    print(f"Deleted entry {short_id(entry_id)}.")
    return 0


def person_id(services: Services, name: str | None) -> str | None:
    return services.people.find(name).id if name else None


def print_entry(entry: EntryView) -> None:
    from coachdesk.services.log import FIELD_LABELS

    names = ", ".join(name for _id, name in entry.agents)
    print(
        f"{entry.kind.name} with {names} — {day(entry.held_on)}, {entry.duration_minutes} min, coach {entry.coach_name}"
    )
    print(
        f"id {entry.id}{'  · signed off ' + day(entry.signed_off_at.date()) if entry.signed_off_at else ''}"
        f"{'  · private' if entry.is_private else ''}"
    )
    for field in ("what_happened", "performance_notes", "agent_view", "barriers", "next_steps"):
        value = getattr(entry, field)
        if value:
            print(f"\n{FIELD_LABELS[field]}:\n  {value}")
    if entry.performance_rating:
        print(f"\nRating: {entry.performance_rating} of 5")
    for focus in entry.focuses:
        print(f"\nFocus: {focus.skill} {focus.target_text} (follow up {day(focus.follow_up_on)})")
    if entry.commitments:
        print("\nCommitments:")
        for c in entry.commitments:
            print(f"  [{c.status.value}] {c.owner_name}: {c.text} (due {day(c.due_on)})")
    for ack in entry.acknowledgements:
        print(f"\nAcknowledged by {ack.agent_name} on {day(ack.acknowledged_at.date())}: {ack.comment}")
    for amendment in entry.amendments:
        label = FIELD_LABELS.get(amendment.field, amendment.field)
        why = f" — {amendment.reason}" if amendment.reason else ""
        print(f"\nAmendment {day(amendment.amended_at.date())} to {label}: {amendment.new_value}{why}")
        print(f"  (originally: {amendment.original_value})")
    if entry.private_notes:
        print(f"\nPrivate notes (yours alone):\n  {entry.private_notes}")
