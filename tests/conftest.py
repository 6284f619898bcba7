"""Shared fixtures: a real notebook file in a temporary folder, services on a fixed clock, a small team."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coachdesk.db import Notebook
from coachdesk.models import Meeting, MeetingStatus
from coachdesk.services import Services, build_services
from coachdesk.services.people import PersonDraft, PersonView
from coachdesk.storage import open_notebook
from tests.secret_service import SecretServiceUnavailable, SessionBus, start_secret_service

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture
def notebook_file(tmp_path: Path) -> Path:
    return tmp_path / "notebook.sqlite3"


@pytest.fixture
def notebook(notebook_file: Path) -> Iterator[Notebook]:
    opened = open_notebook(notebook_file)
    yield opened
    opened.close()


@pytest.fixture
def services(notebook: Notebook) -> Services:
    return build_services(notebook, clock=lambda: NOW)


@dataclass(frozen=True)
class Team:
    senior: PersonView
    leader: PersonView
    priya: PersonView
    tomas: PersonView
    new_starter: PersonView


@pytest.fixture
def team(services: Services) -> Team:
    """A senior leader, a team leader who owns the notebook, and three agents of different tenure."""
    people = services.people
    senior = people.add(PersonDraft("Grace Okafor", "S1", role="Senior leader", is_agent=False, is_manager=True))
    leader = people.add(
        PersonDraft(
            "Dana Whitfield", "L1", role="Team leader", is_agent=False, is_manager=True, reports_to_id=senior.id
        )
    )
    people.set_owner(leader.id)
    priya = people.add(PersonDraft("Priya Shah", "A1", reports_to_id=leader.id, start_date=date(2025, 12, 1)))
    tomas = people.add(PersonDraft("Tomás Ruiz", "A2", reports_to_id=leader.id, start_date=date(2022, 3, 14)))
    new_starter = people.add(PersonDraft("Zoë Álvarez", "A3", reports_to_id=leader.id, start_date=date(2026, 11, 2)))
    return Team(senior, leader, priya, tomas, new_starter)


def past_meeting(services: Services, series_id: str, at: datetime, status: MeetingStatus = MeetingStatus.HELD) -> str:
    """A meeting and how it went, written as the agenda view records it (scheduling itself refuses past times)."""
    made = services.meetings.schedule(series_id, at)
    with services.notebook.write() as session:
        stored = session.get(Meeting, made.id)
        assert stored is not None
        stored.status = status
    return made.id


@contextmanager
def keyring_in_use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """The keyring the code under test finds, put back afterwards so no test reaches the user's own."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def secret_service_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SessionBus]:
    """GNOME Keyring on a private bus for the whole run. It must start: a skipped keyring test proves nothing."""
    try:
        bus = start_secret_service(tmp_path_factory.mktemp("keyring"))
    except SecretServiceUnavailable as problem:
        pytest.fail(
            f"A Secret Service keyring could not be started for the sync token tests ({problem}). "
            "`python3 dev.py test` installs the `gnome-keyring` and `dbus` packages on Debian or Ubuntu.",
            pytrace=False,
        )
    yield bus
    bus.stop()


@pytest.fixture
def secret_service(secret_service_bus: SessionBus, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringBackend]:
    """keyring's own Secret Service backend, talking to the run's GNOME Keyring, as the keyring in use."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_bus.address)
    with keyring_in_use(SecretService.Keyring()) as backend:
        yield backend


@pytest.fixture
def no_keyring() -> Iterator[KeyringBackend]:
    """keyring's fail backend, which it picks itself on a computer with no keyring service."""
    with keyring_in_use(fail.Keyring()) as backend:
        yield backend
