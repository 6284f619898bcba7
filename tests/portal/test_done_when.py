"""Issue 7's "done when", end to end against one real portal on loopback: two desks of one manager exchange a day of
work both ways; one entry edited on both while offline gives one copy to review and loses neither text; the leader's
view shows both managers below them; a network cable pulled mid-sync loses nothing, and the next sync finishes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select

from coachdesk.cli import main
from coachdesk.db import Notebook
from coachdesk.demo import generate_demo
from coachdesk.models import ConflictCopy, LogEntry
from coachdesk.services import Services, build_services, privacy
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.storage import open_notebook
from coachdesk.sync.credentials import KeyringTokens
from coachdesk.sync.device import enroll_device, sync_now, sync_status
from coachdesk.sync.transport import PortalUnreachable
from tests.conftest import NOW, TODAY
from tests.portal.conftest import Organisation

pytestmark = pytest.mark.parametrize("portal_db", ["sqlite"], indirect=True)
DANA, SAM, LEE = "dana@example.org", "sam@example.org", "lee@example.org"


class PulledCable(httpx.BaseTransport):
    """The network as it was until `requests` requests had gone through; after that, the cable is out."""

    def __init__(self, requests: int) -> None:
        self._left = requests
        self._wire = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._left == 0:
            raise httpx.ConnectError("the network cable was pulled", request=request)
        self._left -= 1
        return self._wire.handle_request(request)

    def close(self) -> None:
        self._wire.close()


@pytest.fixture
def desks(
    tmp_path: Path, secret_service: KeyringBackend, portal_url: str, organisation: Organisation
) -> Iterator[dict[str, Services]]:
    """Dana's laptop with a season of coaching and her empty desktop; Sam's laptop; Lee's laptop, all enrolled."""
    opened = {
        name: build_services(open_notebook(tmp_path / name / "notebook.sqlite3"), lambda: NOW)
        for name in ("dana-laptop", "dana-desktop", "sam-laptop", "lee-laptop")
    }
    generate_demo(opened["dana-laptop"].notebook, agents=6, years=0.3, seed=7, today=TODAY)
    sam = opened["sam-laptop"].people
    owner = sam.add(PersonDraft("Sam Lund", "L9", is_agent=False, is_manager=True))
    sam.set_owner(owner.id)
    sam.add(PersonDraft("Ravi Patel", "A90", reports_to_id=owner.id))
    for name, email in (("dana-laptop", DANA), ("sam-laptop", SAM), ("lee-laptop", LEE)):
        enroll_device(opened[name].notebook, portal_url, organisation.code_for(email), tokens=KeyringTokens())
    yield opened
    for services in opened.values():
        services.notebook.close()


def sync(services: Services, transport: httpx.BaseTransport | None = None) -> None:
    sync_now(services.notebook, KeyringTokens(), transport)


def shared_records(notebook: Notebook) -> dict[str, dict[str, object]]:
    """Every shareable record's id and its shareable fields but the local edit stamp, as the portal may hold them."""
    with notebook.read() as session:
        return {
            row["id"]: {k: v for k, v in row.items() if k != "updated_at"}
            for _table, rows in privacy.shareable_rows(session)
            for row in rows
        }


def test_a_pulled_cable_mid_sync_loses_nothing_and_the_next_sync_finishes_the_job(
    desks: dict[str, Services], portal_url: str, organisation: Organisation
) -> None:
    laptop = desks["dana-laptop"]
    waiting = sync_status(laptop.notebook).waiting
    assert waiting > 1000, "enough to need several pushes"
    with pytest.raises(PortalUnreachable):
        sync(laptop, PulledCable(requests=2))
    left = sync_status(laptop.notebook).waiting
    assert 0 < left < waiting, "the first batch was answered and forgotten; the rest still waits"
    sync(laptop)
    assert sync_status(laptop.notebook).waiting == 0

    desktop = desks["dana-desktop"]
    enroll_device(desktop.notebook, portal_url, organisation.code_for(DANA), tokens=KeyringTokens())
    with pytest.raises(PortalUnreachable):
        sync(desktop, PulledCable(requests=3))
    sync(desktop)
    assert shared_records(desktop.notebook) == shared_records(laptop.notebook)


def test_two_desks_exchange_a_day_of_work_and_one_entry_edited_on_both_keeps_both_texts(
    desks: dict[str, Services], portal_url: str, organisation: Organisation
) -> None:
    laptop, desktop = desks["dana-laptop"], desks["dana-desktop"]
    sync(laptop)
    enroll_device(desktop.notebook, portal_url, organisation.code_for(DANA), tokens=KeyringTokens())
    sync(desktop)
    owner = laptop.people.owner()
    assert owner is not None
    desktop.people.set_owner(owner.id)
    agents = [person for person in laptop.people.list_people() if person.is_agent][:2]
    morning = laptop.log.record_session(SessionDraft((agents[0].id,), "Laptop: call review, morning."))
    laptop.commitments.add(CommitmentDraft("Laptop: send the QA form", agents[0].id, TODAY + timedelta(days=3)))
    afternoon = desktop.log.record_session(SessionDraft((agents[1].id,), "Desktop: side-by-side, afternoon."))
    sync(laptop)
    sync(desktop)
    sync(laptop)
    assert shared_records(desktop.notebook) == shared_records(laptop.notebook)
    assert {morning.id, afternoon.id} <= shared_records(desktop.notebook).keys()

    laptop.log.edit(morning.id, {"what_happened": "Laptop, offline: role-played the refund call."})
    desktop.log.edit(morning.id, {"what_happened": "Desktop, offline: listened to three calls together."})
    sync(desktop)
    sync(laptop)
    sync(desktop)
    assert sync_status(laptop.notebook).needs_review == 1
    with laptop.notebook.read() as session:
        [copy] = session.scalars(select(ConflictCopy))
        in_place = session.get(LogEntry, morning.id)
        assert in_place is not None
        texts = {in_place.what_happened, copy.kept_value.strip('"'), copy.other_value.strip('"')}
    assert {
        "Laptop, offline: role-played the refund call.",
        "Desktop, offline: listened to three calls together.",
    } <= texts
    assert shared_records(desktop.notebook) == shared_records(laptop.notebook)


def test_the_leaders_view_shows_both_managers_below_them(
    desks: dict[str, Services], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sync(desks["dana-laptop"])
    sync(desks["sam-laptop"])
    lee = desks["lee-laptop"]
    assert main(["--data-dir", str(lee.notebook.path.parent), "sync", "--leader"]) == 0
    shown = capsys.readouterr().out
    assert "Dana Reyes" in shown
    assert "Sam Lund" in shown
