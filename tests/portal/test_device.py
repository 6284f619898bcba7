"""Enrolling, syncing and leaving as the app does them: one portal at a time, a fresh start on enrolling again, and
nothing the user still has to review thrown away on leaving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.models import ConflictCopy, OutboxChange, SharingLevel, SyncRecord, SyncState, utcnow
from coachdesk.services import Services, build_services
from coachdesk.services.log import SessionDraft
from coachdesk.services.people import PersonDraft
from coachdesk.storage import open_notebook
from coachdesk.sync.device import SyncStatus, enroll_device, leave_portal, sync_now, sync_status
from coachdesk.sync.transport import SyncRefused
from coachdesk_portal.organisation import revoke_device
from tests.conftest import NOW, Team
from tests.portal.conftest import Organisation

DANA = "dana@example.org"


class Pocket(dict[str, str]):
    """Tokens held in memory, as a keyring would hold them."""

    def load(self, device_id: str) -> str | None:
        return self.get(device_id)

    def save(self, device_id: str, token: str) -> None:
        self[device_id] = token

    def forget(self, device_id: str) -> None:
        self.pop(device_id, None)


def device_id(services: Services) -> str:
    with services.notebook.read() as session:
        state = session.get(SyncState, 1)
        assert state is not None
        return state.device_id


def test_enrolling_queues_the_notebook_and_keeps_the_token_with_the_store_alone(
    services: Services, team: Team, portal_url: str, organisation: Organisation
) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    tokens = Pocket()

    queued = enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)

    everything = SharingLevel.EVERYTHING_BUT_PRIVATE
    assert sync_status(services.notebook) == SyncStatus(True, portal_url, everything, queued, 0, None)
    assert list(tokens) == [device_id(services)]
    tally = sync_now(services.notebook, tokens)
    assert tally.pushed == queued
    assert sync_status(services.notebook).waiting == 0
    services.notebook.close()
    assert tokens[device_id(services)].encode() not in services.notebook.path.read_bytes()


def test_a_notebook_enrolled_with_one_portal_is_refused_another_until_it_leaves(
    services: Services, team: Team, portal_url: str, organisation: Organisation
) -> None:
    tokens = Pocket()
    enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)
    before = sync_status(services.notebook)

    with pytest.raises(SyncRefused, match=f"enrolled with the Coaching Portal at {portal_url}. Leave that portal"):
        enroll_device(services.notebook, "https://portal.example.org", "ABCD-EFGH-JKLM-NPQR", tokens=tokens)

    assert sync_status(services.notebook) == before
    assert len(tokens) == 1


def test_a_revoked_device_enrolls_again_afresh_and_its_old_token_is_forgotten(
    services: Services, team: Team, portal_url: str, organisation: Organisation
) -> None:
    tokens = Pocket()
    enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)
    sync_now(services.notebook, tokens)
    revoked = device_id(services)
    with Session(organisation.engine) as session, session.begin():
        revoke_device(session, revoked, utcnow())
    with pytest.raises(SyncRefused, match="was revoked on the portal"):
        sync_now(services.notebook, tokens)

    queued = enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)

    assert device_id(services) != revoked
    assert list(tokens) == [device_id(services)]
    assert sync_status(services.notebook).waiting == queued > 0
    assert sync_now(services.notebook, tokens).conflicts == 0


def test_without_its_token_the_device_is_told_to_enroll_again(
    services: Services, team: Team, portal_url: str, organisation: Organisation
) -> None:
    enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=Pocket())

    with pytest.raises(SyncRefused, match=r"no longer holds the device token .* enroll again"):
        sync_now(services.notebook, Pocket())


def test_leaving_forgets_the_token_and_the_sync_tables_but_keeps_what_is_still_to_review(
    services: Services, team: Team, portal_url: str, organisation: Organisation
) -> None:
    tokens = Pocket()
    enroll_device(services.notebook, portal_url, organisation.code_for(DANA), tokens=tokens)
    sync_now(services.notebook, tokens)
    services.log.record_session(SessionDraft((team.priya.id,), "Waiting to be sent."))
    with services.notebook.write(capture_changes=False) as session:
        for resolved in (None, utcnow()):
            session.add(
                ConflictCopy(
                    table_name="people",
                    record_id=team.priya.id,
                    field="role",
                    kept_value=json.dumps("Adviser"),
                    other_value=json.dumps("Senior adviser"),
                    found_at=utcnow(),
                    resolved_at=resolved,
                )
            )

    leave_portal(services.notebook, tokens)

    assert tokens == {}
    assert sync_status(services.notebook) == SyncStatus(False, None, None, 0, 1, None)
    with services.notebook.read() as session:
        for table in (OutboxChange, SyncRecord, SyncState):
            assert session.scalar(select(func.count()).select_from(table)) == 0
        assert session.scalar(select(ConflictCopy.other_value)) == json.dumps("Senior adviser")
    assert services.log.list_entries(agent_id=team.priya.id)[0].what_happened == "Waiting to be sent."


def desks_synced(services: Services, portal_url: str, organisation: Organisation, tmp_path: Path) -> Services:
    """The laptop enrolls as Dana and syncs; then a new, empty desktop does, and is handed back to the test."""
    for notebook in (services.notebook, open_notebook(tmp_path / "desktop" / "notebook.sqlite3")):
        tokens = Pocket()
        enroll_device(notebook, portal_url, organisation.code_for(DANA), tokens=tokens)
        sync_now(notebook, tokens)
    return build_services(notebook, lambda: NOW)


def test_a_second_desk_knows_whose_notebook_it_is_from_the_enrolled_persons_email(
    services: Services, portal_url: str, organisation: Organisation, tmp_path: Path
) -> None:
    dana = services.people.add(PersonDraft("Dana R.", "L1", email="Dana@Example.org", is_agent=False, is_manager=True))
    services.people.set_owner(dana.id)
    services.people.add(PersonDraft("Priya Shah", "A1", reports_to_id=dana.id))

    desktop = desks_synced(services, portal_url, organisation, tmp_path)

    owner = desktop.people.owner()
    assert owner is not None
    assert owner.id == dana.id
    desktop.notebook.close()


def test_a_desk_where_nobody_matches_the_enrolled_person_stays_without_an_owner(
    services: Services, team: Team, portal_url: str, organisation: Organisation, tmp_path: Path
) -> None:
    desktop = desks_synced(services, portal_url, organisation, tmp_path)
    assert desktop.people.get(team.leader.id).full_name == "Dana Whitfield"
    assert desktop.people.owner() is None
    desktop.notebook.close()
