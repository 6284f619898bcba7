"""The leader's coaching tracker over a real portal: two managers sync a week of coaching from their notebooks, and
each caller sees the rows the reporting tree opens to them, counted the way the desktop tracker counts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from coachdesk.db import Notebook
from coachdesk.models import SharingLevel
from coachdesk.services import Services, build_services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft, PersonView
from coachdesk.storage import open_notebook
from coachdesk.sync.leader_view import LeaderTracker, fetch_tracker, tracker_text
from coachdesk.sync.outbox import Enrollment, enroll
from coachdesk.sync.run import sync_once
from coachdesk.sync.transport import SyncRefused, negotiate, portal_client
from coachdesk_portal.app import create_app
from tests.conftest import NOW, TODAY
from tests.portal.conftest import Organisation, serving, token_of

Tracker = Callable[[str], LeaderTracker]

LAST_WEEK = TODAY - timedelta(days=7)
"""NOW is a Monday: the week before it is ISO week 2026-W47, today's is 2026-W48."""


@dataclass(frozen=True)
class Manager:
    services: Services
    owner: PersonView
    agents: dict[str, PersonView]


def manager_notebook(folder: Path, name: str, agents: dict[str, date]) -> Manager:
    """A manager's own notebook: themselves (not an agent) and their agents by start date."""
    services = build_services(open_notebook(folder / f"{name}.sqlite3"), clock=lambda: NOW)
    owner = services.people.add(PersonDraft(name, is_agent=False, is_manager=True))
    services.people.set_owner(owner.id)
    team = {
        agent: services.people.add(PersonDraft(agent, reports_to_id=owner.id, start_date=start))
        for agent, start in agents.items()
    }
    return Manager(services, owner, team)


def coach(manager: Manager, agent: str, *days: date) -> None:
    for day in days:
        manager.services.log.record_session(SessionDraft((manager.agents[agent].id,), "Call review.", held_on=day))


def hold_one_on_one(manager: Manager, agent: str) -> None:
    """A one-on-one due at ten, started early this morning from its agenda and ended, which writes its log entry."""
    services = manager.services
    series = services.meetings.create_series(
        manager.owner.id, manager.agents[agent].id, first_meeting_at=NOW + timedelta(minutes=30)
    )
    [meeting] = services.meetings.meetings(series.id)
    services.agenda.start(meeting.id)
    services.agenda.end(meeting.id, "Talked about the new rota.")


def sync_as(manager: Manager, portal_url: str, organisation: Organisation, email: str, sharing: SharingLevel) -> None:
    """Enrolls the notebook as the person's device at the sharing level, and syncs it once."""
    notebook: Notebook = manager.services.notebook
    with portal_client(portal_url) as hello, notebook.write(capture_changes=False) as session:
        enroll(session, Enrollment(email, portal_url, negotiate(hello).server_id, sharing), NOW)
    with portal_client(portal_url, token_of(portal_url, organisation, email, email)) as portal:
        sync_once(notebook, portal)


@pytest.fixture
def two_managers_synced(portal_url: str, organisation: Organisation, tmp_path: Path) -> Iterator[None]:
    """Dana (sharing everything) and Sam (aggregate only), both under Lee, each sync a week of coaching."""
    dana = manager_notebook(
        tmp_path,
        "Dana Whitfield",
        {"Priya Shah": date(2025, 12, 1), "Tomás Ruiz": date(2022, 3, 14), "Ola Berg": date(2020, 5, 4)},
    )
    coach(dana, "Priya Shah", LAST_WEEK, LAST_WEEK + timedelta(days=2), TODAY)
    coach(dana, "Tomás Ruiz", LAST_WEEK + timedelta(days=1))
    coach(dana, "Ola Berg", date(2026, 9, 1))
    hold_one_on_one(dana, "Priya Shah")
    ola = dana.agents["Ola Berg"].id
    dana.services.commitments.add(CommitmentDraft("Send the QA form", ola, TODAY - timedelta(days=3), ola))
    sam = manager_notebook(tmp_path, "Sam Lund", {"Ravi Patel": date(2021, 1, 4), "Noor Haddad": date(2026, 10, 1)})
    coach(sam, "Ravi Patel", LAST_WEEK + timedelta(days=3), LAST_WEEK + timedelta(days=4))
    hold_one_on_one(sam, "Ravi Patel")
    sync_as(dana, portal_url, organisation, "dana@example.org", SharingLevel.EVERYTHING_BUT_PRIVATE)
    sync_as(sam, portal_url, organisation, "sam@example.org", SharingLevel.AGGREGATE_ONLY)
    yield
    for manager in (dana, sam):
        manager.services.notebook.close()


@pytest.fixture
def tracker_of(portal_engine: Engine, portal_url: str, organisation: Organisation) -> Iterator[Tracker]:
    """Reads the tracker as a person's new device, from a second portal process on the same database whose clock
    says NOW (the first one keeps the real clock, which the sync's clock check compares with)."""
    with serving(create_app(portal_engine, clock=lambda: NOW.replace(tzinfo=UTC))) as leader_url:

        def read(email: str) -> LeaderTracker:
            token = token_of(portal_url, organisation, email, f"{email} tracker")
            with portal_client(leader_url, token) as portal:
                return fetch_tracker(portal)

        yield read


@pytest.mark.usefixtures("two_managers_synced")
def test_a_leader_sees_both_managers_below_them_with_their_week_of_coaching(tracker_of: Tracker) -> None:
    tracker = tracker_of("lee@example.org")
    assert tracker.today == TODAY
    assert tracker.weeks[-2:] == ("2026-W47", "2026-W48")
    assert len(tracker.weeks) == 8
    dana, sam = tracker.managers
    assert (dana.name, sam.name) == ("Dana Reyes", "Sam Lund")
    assert dana.sessions == (0, 0, 0, 0, 0, 0, 3, 1)
    assert dana.one_on_ones == (0, 0, 0, 0, 0, 0, 0, 1)
    assert [(agent.name, agent.last_session_on) for agent in dana.overdue_agents] == [("Ola Berg", date(2026, 9, 1))]
    assert (dana.agents, dana.overdue_commitments) == (3, 1)
    assert sam.sessions == (0, 0, 0, 0, 0, 0, 2, 0)
    assert sam.one_on_ones == (0, 0, 0, 0, 0, 0, 0, 1)
    assert [(agent.name, agent.last_session_on) for agent in sam.overdue_agents] == [("Noor Haddad", None)]
    assert (sam.agents, sam.overdue_commitments) == (2, 0)


@pytest.mark.usefixtures("two_managers_synced")
def test_a_manager_sees_only_their_own_row_and_a_peer_leader_neither(tracker_of: Tracker) -> None:
    assert [manager.name for manager in tracker_of("dana@example.org").managers] == ["Dana Reyes"]
    assert tracker_of("kim@example.org").managers == ()
    assert [manager.name for manager in tracker_of("morgan@example.org").managers] == ["Dana Reyes", "Sam Lund"]


@pytest.mark.usefixtures("two_managers_synced")
def test_the_tracker_prints_as_a_table_with_a_row_per_manager_and_who_is_overdue(tracker_of: Tracker) -> None:
    lines = tracker_text(tracker_of("lee@example.org")).splitlines()
    header = next(line for line in lines if line.startswith("Manager"))
    weeks = " ".join(f"W{week}" for week in range(41, 49))
    assert header.split() == f"Manager {weeks} 1:1s Overdue agents Commitments past due".split()
    dana = next(line for line in lines if line.startswith("Dana Reyes"))
    assert dana.split()[2:] == ["0", "0", "0", "0", "0", "0", "3", "1", "1", "1", "of", "3", "1"]
    assert "  Sam Lund: Noor Haddad (never coached, due 08 Oct)" in lines


def test_a_tracker_nobody_synced_for_says_so(tracker_of: Tracker) -> None:
    assert "has synced with the Coaching Portal yet" in tracker_text(tracker_of("lee@example.org"))


def test_a_tracker_without_a_device_token_is_refused_in_words(portal_url: str) -> None:
    with portal_client(portal_url) as portal, pytest.raises(SyncRefused, match="needs the device's token"):
        fetch_tracker(portal)


def test_a_tracker_of_no_weeks_is_refused(portal_url: str, organisation: Organisation) -> None:
    token = token_of(portal_url, organisation, "lee@example.org")
    answer = httpx.get(f"{portal_url}/v1/tracker?weeks=0", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 422
