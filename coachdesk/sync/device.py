"""This device and the portal: enrolling it with a one-time code, syncing now, what is waiting, and leaving.

The command line and the desktop app both work through these four functions, so both say the same words. Nothing
here holds the token longer than one call: it is read from its store (`credentials.py`) when a sync starts.
"""

from __future__ import annotations

import json
import socket
import uuid
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import ConflictCopy, OutboxChange, Person, Setting, SharingLevel, SyncRecord, SyncState, utcnow
from coachdesk.services.settings import OWNER_KEY
from coachdesk.sync.credentials import NoKeyring, TokenStore
from coachdesk.sync.outbox import Enrollment, enroll, waiting_count
from coachdesk.sync.run import SyncTally, call, enrollment, sync_once
from coachdesk.sync.transport import (
    SyncRefused,
    check_clock,
    checked_portal_url,
    negotiate,
    portal_client,
)

PORTAL_PERSON_KEY = "sync_portal_person"
"""The enrolled person's name and email on the portal (a local setting), by which a new desk finds its owner."""


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    portal_url: str | None
    sharing: SharingLevel | None
    waiting: int
    """Local changes in the outbox, not yet answered by the portal."""
    needs_review: int
    """Conflict copies and refused changes nobody has resolved yet."""
    last_synced_at: datetime | None
    """Naive UTC, as stored."""


def sync_status(notebook: Notebook) -> SyncStatus:
    with notebook.read() as session:
        state = session.get(SyncState, 1)
        waiting = waiting_count(session)
        needs_review = session.scalar(
            select(func.count()).select_from(ConflictCopy).where(ConflictCopy.resolved_at.is_(None))
        )
    if state is None:
        return SyncStatus(False, None, None, waiting, needs_review or 0, None)
    return SyncStatus(True, state.portal_url, state.sharing, waiting, needs_review or 0, state.last_synced_at)


def enroll_device(
    notebook: Notebook,
    portal_url: str,
    code: str,
    *,
    tokens: TokenStore,
    device_name: str | None = None,
    sharing: SharingLevel = SharingLevel.EVERYTHING_BUT_PRIVATE,
    transport: httpx.BaseTransport | None = None,
) -> int:
    """Trades the code for this device's token and queues the whole notebook for the portal; returns how many records.

    Enrolling again with the same portal (after a revocation, a lost token or a replaced portal database) starts
    afresh under a new device id. The local side is one transaction, so a failure leaves the notebook as it was.
    """
    url = checked_portal_url(portal_url)
    with notebook.read() as session:
        previous = session.get(SyncState, 1)
    if previous is not None and previous.portal_url != url:
        raise SyncRefused(
            f"This notebook is enrolled with the Coaching Portal at {previous.portal_url}. Leave that portal first, "
            f"then enroll with {url}."
        )
    device_id = str(uuid.uuid4())
    with portal_client(url, transport=transport) as portal:
        hello = negotiate(portal)
        check_clock(hello.server_time, datetime.now(UTC))
        body = {"code": code.strip(), "device_id": device_id, "device_name": device_name or socket.gethostname()}
        answer = call(portal, "POST", "/v1/enroll", json=body, refusals=(403, 409))
    tokens.save(device_id, answer["token"])
    try:
        with notebook.write(capture_changes=False) as session:
            forget_enrollment(session)
            queued = enroll(session, Enrollment(device_id, url, hello.server_id, sharing), utcnow())
            portal_person = [answer["person_name"], answer["person_email"]]
            session.merge(Setting(key=PORTAL_PERSON_KEY, value=json.dumps(portal_person)))
    except BaseException:
        tokens.forget(device_id)
        raise
    if previous is not None:
        tokens.forget(previous.device_id)
    return queued


def sync_now(notebook: Notebook, tokens: TokenStore, transport: httpx.BaseTransport | None = None) -> SyncTally:
    """One sync with the token from its store; a new desk then knows whose notebook it is."""
    with portal_for(notebook, tokens, transport) as portal:
        tally = sync_once(notebook, portal)
    adopt_owner(notebook)
    return tally


def adopt_owner(notebook: Notebook) -> None:
    """A notebook with no owner yet takes the enrolled person, found among its people by email, else by name.

    A manager's second desk pulls everyone but not who they are (a local setting), and without an owner sessions
    have no coach by default and Today shows everyone. Nothing changes when no single person matches.
    """
    with notebook.read() as session:
        held = session.get(Setting, PORTAL_PERSON_KEY)
        if held is None or session.get(Setting, OWNER_KEY) is not None:
            return
        name, email = json.loads(held.value)
        live = (Person.deleted.is_(False), Person.archived.is_(False))
        candidates = (
            session.scalars(select(Person.id).where(*live, matches).limit(2)).all()
            for matches in (
                func.lower(Person.email) == email.lower(),
                Person.full_name == name,
            )
        )
        owner = next((found[0] for found in candidates if len(found) == 1), None)
    if owner is not None:
        with notebook.write(capture_changes=False) as session:
            session.merge(Setting(key=OWNER_KEY, value=json.dumps(owner)))


def portal_for(notebook: Notebook, tokens: TokenStore, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client for the portal this notebook is enrolled with, carrying its token; without one, enroll again."""
    with notebook.read() as session:
        state = enrollment(session)
    token = tokens.load(state.device_id)
    if token is None:
        raise SyncRefused(
            f"This computer no longer holds the device token for the Coaching Portal at {state.portal_url}, so it "
            "cannot sync. Ask the portal's administrator for a new enrollment code and enroll again."
        )
    return portal_client(state.portal_url, token, transport)


def leave_portal(notebook: Notebook, tokens: TokenStore | None) -> None:
    """Stops syncing: the token is forgotten and the sync tables emptied; the notebook's records all stay.

    Leaving never depends on the keyring: with none working (`tokens` None, or a keyring that stopped answering)
    there is no token it could still hand out, and the notebook leaves all the same.
    Unresolved conflict copies stay too, for "Needs review": they hold the only local copy of a value another
    device's edit displaced. Resolved ones go with the rest.
    """
    with notebook.read() as session:
        state = session.get(SyncState, 1)
    if state is None:
        return
    if tokens is not None:
        with suppress(NoKeyring):
            tokens.forget(state.device_id)
    with notebook.write(capture_changes=False) as session:
        forget_enrollment(session)


def forget_enrollment(session: Session) -> None:
    session.execute(delete(OutboxChange))
    session.execute(delete(SyncRecord))
    session.execute(delete(ConflictCopy).where(ConflictCopy.resolved_at.is_not(None)))
    session.execute(delete(SyncState))
    session.flush()
