"""A Coaching Portal running for real on loopback, on a port the system picks, over SQLite and over PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk_portal.app import create_app
from coachdesk_portal.cli import listening_socket
from coachdesk_portal.organisation import add_person, create_enrollment_code
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


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The socket is bound before the server starts, so requests queue until it accepts them: no waiting needed."""
    listener = listening_socket("127.0.0.1", 0)
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()


@pytest.fixture
def portal_url(portal_engine: Engine) -> Iterator[str]:
    with serving(create_app(portal_engine)) as url:
        yield url


@dataclass(frozen=True)
class Organisation:
    """Morgan leads Lee and Kim; Dana and Sam are managers under Lee. Kim is Lee's peer, Sam is Dana's."""

    engine: Engine
    ids: dict[str, str]

    def code_for(self, email: str, now: datetime | None = None) -> str:
        with Session(self.engine) as session, session.begin():
            return create_enrollment_code(session, email, now or datetime.now(UTC).replace(tzinfo=None))


@pytest.fixture
def organisation(portal_engine: Engine) -> Organisation:
    now = datetime.now(UTC).replace(tzinfo=None)
    tree = [
        ("morgan@example.org", "Morgan Hale", None),
        ("lee@example.org", "Lee Park", "morgan@example.org"),
        ("kim@example.org", "Kim Osei", "morgan@example.org"),
        ("dana@example.org", "Dana Reyes", "lee@example.org"),
        ("sam@example.org", "Sam Lund", "lee@example.org"),
    ]
    with Session(portal_engine) as session, session.begin():
        ids = {email: add_person(session, email, name, boss, now).id for email, name, boss in tree}
    return Organisation(portal_engine, ids)


def enroll(portal_url: str, code: str, device_id: str = "device-laptop") -> httpx.Response:
    return httpx.post(f"{portal_url}/v1/enroll", json={"code": code, "device_id": device_id, "device_name": "Laptop"})


def token_of(portal_url: str, organisation: Organisation, email: str, device_id: str = "device-laptop") -> str:
    response = enroll(portal_url, organisation.code_for(email), device_id)
    assert response.status_code == 200, response.text
    token: str = response.json()["token"]
    return token


def notebooks(portal_url: str, token: str) -> httpx.Response:
    return httpx.get(f"{portal_url}/v1/notebooks", headers={"Authorization": f"Bearer {token}"})
