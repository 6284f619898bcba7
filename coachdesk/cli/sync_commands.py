"""`coachdesk sync`: enroll this notebook with a Coaching Portal, sync once, say what is waiting, or leave.

Exit status as for every command (0 done, 1 refused or failed, 2 the command line was wrong), and 3 when the
portal could not be reached: nothing was lost, and a script may simply try again later.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coachdesk.cli.context import CommandContext
from coachdesk.errors import CoachDeskError

if TYPE_CHECKING:
    from coachdesk.db import Notebook
    from coachdesk.sync.device import SyncStatus
    from coachdesk.sync.run import SyncTally

EXIT_OFFLINE = 3
SHARING_WORDS = {"everything": "everything but private content", "aggregate": "aggregate only (counts and dates)"}


def register(subcommands: Any, common: argparse.ArgumentParser) -> None:
    sync = subcommands.add_parser(
        "sync",
        parents=[common],
        help="sync with your organisation's Coaching Portal (enroll with --portal and --code)",
        description="Without options, sync once: send the changes waiting here and receive those made on your other "
        "devices. Enroll this notebook first with --portal and the one-time --code the portal's administrator gave "
        "you. Private notes and private records never leave this computer.",
    )
    what = sync.add_mutually_exclusive_group()
    what.add_argument(
        "--portal", metavar="URL", help="enroll with the portal at URL (https://, or http:// on this computer)"
    )
    what.add_argument("--status", action="store_true", help="say whether this notebook syncs and what is waiting")
    what.add_argument("--leave", action="store_true", help="stop syncing: forget the device token; records all stay")
    what.add_argument(
        "--leader",
        action="store_true",
        help="show the coaching tracker the portal keeps for you and everyone below you: sessions per week, "
        "one-on-ones, who is overdue",
    )
    sync.add_argument("--code", metavar="CODE", help="with --portal: the one-time enrollment code")
    sync.add_argument(
        "--sharing",
        choices=tuple(SHARING_WORDS),
        help="with --portal: what the portal receives: everything but private content (default), or aggregate: "
        "the coaching tracker's counts and dates, no note text",
    )
    sync.add_argument("--device-name", metavar="NAME", help="with --portal: this device's name (default: the host's)")
    sync.add_argument(
        "--token-file",
        type=Path,
        metavar="PATH",
        help="with --portal: keep the device token in this new file, readable by you alone, where no keyring "
        "works; later syncs find it",
    )
    sync.set_defaults(run=run_sync)


def run_sync(context: CommandContext, args: argparse.Namespace) -> int:
    if args.portal is None and (args.code or args.sharing or args.token_file or args.device_name):
        print("coachdesk: --code, --sharing, --token-file and --device-name go with --portal URL.", file=sys.stderr)
        return 2
    if args.portal is not None and not args.code:
        print("coachdesk: enrolling needs the one-time code: add --code CODE.", file=sys.stderr)
        return 2
    try:
        from coachdesk.sync import device
        from coachdesk.sync.transport import PortalUnreachable
    except ModuleNotFoundError as missing:
        raise CoachDeskError(
            f"Sync needs the {missing.name} package, which is not installed: pip install 'coachdesk[sync]'."
        ) from None
    notebook = context.services.notebook
    if args.status:
        print_status(device.sync_status(notebook))
        return 0
    try:
        if args.leave:
            return leave(notebook)
        if args.leader:
            print(leader_tracker(notebook), end="")
            return 0
        if args.portal is not None:
            enroll(notebook, args)
        print_tally(notebook, sync_with_stored_token(notebook))
    except PortalUnreachable as offline:
        print(f"coachdesk: offline. {offline.message}", file=sys.stderr)
        return EXIT_OFFLINE
    return 0


def enroll(notebook: Notebook, args: argparse.Namespace) -> None:
    """The token's store is settled before the code is spent, so a missing keyring costs the person no code."""
    from coachdesk.models import SharingLevel
    from coachdesk.sync.credentials import TokenFile, token_store_for
    from coachdesk.sync.device import enroll_device
    from coachdesk.sync.transport import checked_portal_url

    url = checked_portal_url(args.portal)
    tokens = TokenFile(notebook, args.token_file) if args.token_file else token_store_for(notebook)
    sharing = SharingLevel(args.sharing) if args.sharing else SharingLevel.EVERYTHING_BUT_PRIVATE
    queued = enroll_device(notebook, url, args.code, tokens=tokens, device_name=args.device_name, sharing=sharing)
    print(f"Enrolled this notebook with the Coaching Portal at {url}; {queued:,} records to send.")


def sync_with_stored_token(notebook: Notebook) -> SyncTally:
    from coachdesk.sync.credentials import token_store_for
    from coachdesk.sync.device import sync_now, sync_status
    from coachdesk.sync.transport import SyncRefused

    if not sync_status(notebook).enrolled:
        raise SyncRefused(
            "This notebook is not enrolled with a Coaching Portal. Enroll it with the one-time code from the "
            "portal's administrator: coachdesk sync --portal URL --code CODE"
        )
    return sync_now(notebook, token_store_for(notebook))


def leader_tracker(notebook: Notebook) -> str:
    from coachdesk.sync.credentials import token_store_for
    from coachdesk.sync.device import portal_for
    from coachdesk.sync.leader_view import fetch_tracker, tracker_text

    with portal_for(notebook, token_store_for(notebook)) as portal:
        return tracker_text(fetch_tracker(portal))


def print_tally(notebook: Notebook, tally: SyncTally) -> None:
    from coachdesk.services.reminders import counted
    from coachdesk.sync.device import sync_status

    status = sync_status(notebook)
    print(
        f"Synced with the Coaching Portal at {status.portal_url}: sent {counted(tally.pushed, 'change')}, "
        f"received {counted(tally.pulled, 'change')}."
    )
    if tally.conflicts or tally.rejected:
        print(
            f"{counted(tally.conflicts + tally.rejected, 'value')} kept for review: another device changed the same "
            "field, or the portal refused a change. Open Needs review in the app."
        )


def print_status(status: SyncStatus) -> None:
    from coachdesk.services.reminders import counted

    if not status.enrolled:
        print("Sync is off: this notebook is not enrolled with a Coaching Portal.")
        print("Enroll it with: coachdesk sync --portal URL --code CODE")
    else:
        sharing = SHARING_WORDS[status.sharing.value] if status.sharing else "—"
        print(f"Enrolled with the Coaching Portal at {status.portal_url}.")
        print(f"Sharing: {sharing}.")
        print(f"Last synced: {local_time(status.last_synced_at)}.")
    print(f"{counted(status.waiting, 'change')} waiting to be sent.")
    print(f"{counted(status.needs_review, 'value')} to review.")


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d %b %Y %H:%M %Z")


def leave(notebook: Notebook) -> int:
    from coachdesk.sync.credentials import held_token_store
    from coachdesk.sync.device import leave_portal, sync_status

    status = sync_status(notebook)
    if not status.enrolled:
        print("This notebook is not enrolled with a Coaching Portal; there is nothing to leave.")
        return 0
    leave_portal(notebook, held_token_store(notebook))
    print(
        f"This notebook no longer syncs with the Coaching Portal at {status.portal_url}; every record stays here. "
        "The portal keeps what it received."
    )
    if status.needs_review:
        print(f"{status.needs_review} values still to review stay in Needs review.")
    return 0
