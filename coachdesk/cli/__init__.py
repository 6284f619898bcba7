"""The `coachdesk` command: no subcommand starts the desktop app; subcommands script the notebook.

Exit status: 0 done, 1 refused or failed (the message says why), 2 the command line itself was wrong, 3 (`sync`)
the portal could not be reached: nothing was lost, try again later.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from coachdesk import __version__
from coachdesk.cli import commands, log_commands, pack_commands, sync_commands
from coachdesk.cli.context import CommandContext
from coachdesk.crashlog import log_exception
from coachdesk.errors import CoachDeskError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the folder holding the notebook (default: $COACHDESK_DATA_DIR, else your user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="coachdesk",
        description="CoachDesk, the offline coaching notebook. Without a command, the desktop app starts.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.register(subcommands, common)
    log_commands.register(subcommands, common)
    pack_commands.register(subcommands, common)
    sync_commands.register(subcommands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    context = CommandContext(getattr(args, "data_dir", None))
    if args.command is None:
        from coachdesk.app import run_app

        exit_code: int = run_app(context.folder)
        return exit_code
    try:
        status: int = args.run(context, args)
    except CoachDeskError as error:
        print(f"coachdesk: {error.message}", file=sys.stderr)
        for problem in getattr(error, "problems", []):
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("coachdesk: stopped.", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:
        log_file = log_exception(context.folder, error)
        print(
            f"coachdesk: something went wrong that should not have. Details are in {log_file}.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    finally:
        context.close()
    return status
