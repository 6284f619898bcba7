"""A Coaching Portal running for real on loopback, on a port the system picks, over SQLite and over PostgreSQL."""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import Engine

from coachdesk_portal.app import create_app
from coachdesk_portal.store import open_portal_database
from tests.portal.postgres import Cluster, PostgresUnavailable, start_cluster


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """One cluster for the whole run. It must start: CI installs PostgreSQL, so a missing one is a failure."""
    try:
        cluster = start_cluster()
    except PostgresUnavailable as problem:
        pytest.fail(
            f"PostgreSQL could not be started for the portal tests ({problem}). `python3 dev.py test` installs the "
            "`postgresql` package on Debian or Ubuntu; elsewhere install PostgreSQL's server.",
            pytrace=False,
        )
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def portal_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The portal's database URL: an SQLite file, or a fresh database in the test run's PostgreSQL cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'portal.sqlite3'}"
        return
    cluster: Cluster = request.getfixturevalue("postgres")
    name = f"portal_{uuid.uuid4().hex}"
    yield cluster.create_database(name)
    cluster.drop_database(name)


@contextmanager
def opened(url: str) -> Iterator[Engine]:
    """A portal database, its pooled connections closed at the end so none outlives the test's database."""
    engine = open_portal_database(url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def portal_engine(portal_db: str) -> Iterator[Engine]:
    with opened(portal_db) as engine:
        yield engine


@pytest.fixture
def portal_url(portal_engine: Engine) -> Iterator[str]:
    """The socket is bound before the server starts, so requests queue until it accepts them: no waiting needed."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(portal_engine), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()
