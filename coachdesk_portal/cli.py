"""`coachdesk-portal`: starts the Coaching Portal on a host and port, over a database URL; `org …` administers it."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path

import uvicorn
from platformdirs import user_data_dir

from coachdesk_portal.app import create_app
from coachdesk_portal.org_cli import add_org_commands, run_org_command
from coachdesk_portal.store import NewerPortalDatabase, open_portal_database


def default_database() -> str:
    folder = Path(user_data_dir("CoachDesk Portal", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'portal.sqlite3'}"


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coachdesk-portal", description="Run the Coaching Portal server.")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL: sqlite:///path/portal.sqlite3 (the default, in the user data folder) or "
        "postgresql+psycopg://user@host/dbname",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on; 0 picks a free one (default: 8765)")
    add_org_commands(parser.add_subparsers(dest="command", metavar="COMMAND", help="without one: run the server"))
    return parser


def main(argv: list[str] | None = None) -> int:
    options = arguments().parse_args(argv)
    try:
        engine = open_portal_database(options.db or default_database())
    except NewerPortalDatabase as problem:
        print(problem, file=sys.stderr)
        return 2
    if options.command == "org":
        try:
            return run_org_command(options, engine)
        finally:
            engine.dispose()
    app = create_app(engine)
    listener = listening_socket(options.host, options.port)
    host, port = listener.getsockname()[:2]
    print(f"Coaching Portal listening on http://{host}:{port}", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listener])
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A listening socket that names the TCP protocol, as `socket.create_server` does not: asyncio turns Nagle's
    algorithm off only on connections to such a socket, and without that every answer waits some 40 ms for the
    client's delayed acknowledgement."""
    family, kind, protocol, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    listener = socket.socket(family, kind, protocol or socket.IPPROTO_TCP)
    if os.name == "posix":
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(address)
    listener.listen()
    return listener


if __name__ == "__main__":
    sys.exit(main())
