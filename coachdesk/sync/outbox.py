"""The outbox's life beyond capture: filled once at enrollment, read by the push, emptied only by the portal's answer.

An acknowledged push deletes exactly the outbox rows the portal answered, by change id; nothing is ever "marked
clean", so an edit made while a push is on the wire stays queued (docs/sync-protocol.md, "Push").
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coachdesk.models import ChangeKind, OutboxChange, SharingLevel, SyncState
from coachdesk.services import privacy
from coachdesk.sync.capture import ENROLLED, outbox_row, queue, whole_record


@dataclass(frozen=True)
class Enrollment:
    device_id: str
    portal_url: str
    server_id: str
    sharing: SharingLevel = SharingLevel.EVERYTHING_BUT_PRIVATE


@dataclass(frozen=True)
class PendingChange:
    change_id: str
    table: str
    record_id: str
    kind: ChangeKind
    base_version: int
    fields: dict[str, Any]
    made_at: datetime


def enroll(session: Session, enrollment: Enrollment, now: datetime) -> int:
    """Records the enrollment and queues every shareable record as it stands; returns how many were queued.

    Run in a unit of work that does not capture (`capture_changes=False`): the queue is written here, whole.
    """
    session.add(
        SyncState(
            device_id=enrollment.device_id,
            portal_url=enrollment.portal_url,
            server_id=enrollment.server_id,
            sharing=enrollment.sharing,
            cursor="",
            enrolled_at=now,
        )
    )
    session.flush()
    session.info[ENROLLED] = True
    return queue_everything(session, now)


def queue_everything(session: Session, now: datetime) -> int:
    """One change per live shareable record, with all its shareable fields."""
    queued = 0
    for table, rows in privacy.shareable_rows(session):
        queue(
            session, [outbox_row(table.name, row["id"], ChangeKind.EDIT, whole_record(table, row)) for row in rows], now
        )
        queued += len(rows)
    return queued


def pending_changes(session: Session, limit: int | None = None) -> list[PendingChange]:
    """The oldest waiting changes first, as the push sends them."""
    query = select(OutboxChange).order_by(OutboxChange.seq).limit(limit)
    return [
        PendingChange(
            change.change_id,
            change.table_name,
            change.record_id,
            change.kind,
            change.base_version,
            json.loads(change.fields),
            change.made_at,
        )
        for change in session.scalars(query)
    ]


def waiting_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxChange)) or 0


def forget_answered(session: Session, change_ids: Collection[str]) -> None:
    """Removes exactly the changes the portal answered; anything queued since stays."""
    session.execute(delete(OutboxChange).where(OutboxChange.change_id.in_(change_ids)))
