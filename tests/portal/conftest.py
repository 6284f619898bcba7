"""A Coaching Portal running for real on loopback, on a port the system picks."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from coachdesk_portal.app import create_app
from coachdesk_portal.store import open_portal_database


@pytest.fixture
def portal_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'portal.sqlite3'}"


@pytest.fixture
def portal_url(portal_db: str) -> Iterator[str]:
    """The socket is bound before the server starts, so requests queue until it accepts them: no waiting needed."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(open_portal_database(portal_db)), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()
