"""Each notebook's records on the portal: a version per record and per field, the change feed pulls read, the
answer given to every pushed change, and every value ever pushed (docs/sync-protocol.md, sections 6 to 8).

The change counter of a scope is taken inside the push's transaction, under a lock on the scope's row, so a pull
never sees counter 12 committed while 11 is still on its way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, Text, UniqueConstraint, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from coachdesk_portal.store import PortalBase


class PortalScope(PortalBase):
    """One manager's notebook; its row is locked while a push takes the next change counters."""

    __tablename__ = "portal_scopes"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    counter: Mapped[int] = mapped_column(default=0)


class PortalRecord(PortalBase):
    """A record as the portal holds it now, with the version at which (and the device by which) each field changed."""

    __tablename__ = "portal_records"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    version: Mapped[int]
    fields: Mapped[str] = mapped_column(Text, doc="JSON: the record's current values.")
    changed_at: Mapped[str] = mapped_column(Text, doc="JSON: field → [version, device id] of its last change.")
    withdrawn: Mapped[bool] = mapped_column(default=False)


class PortalChange(PortalBase):
    """The feed pulls read: what one applied push changed, in counter order within the scope."""

    __tablename__ = "portal_changes"
    __table_args__ = (UniqueConstraint("scope", "counter"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(64))
    counter: Mapped[int]
    device_id: Mapped[str] = mapped_column(String(64), doc="The device it came from, which already has it.")
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int]
    fields: Mapped[str] = mapped_column(Text)
    withdrawn: Mapped[bool] = mapped_column(default=False)


class PushedChange(PortalBase):
    """Every change a device pushed, with every value it carried and the answer given: a replay gets this answer."""

    __tablename__ = "portal_pushed"
    __table_args__ = (UniqueConstraint("device_id", "change_id"), Index("ix_portal_pushed_record", "record_id"))

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    change_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36))
    base_version: Mapped[int]
    fields: Mapped[str] = mapped_column(Text, doc="JSON: the values pushed, kept even when they lost.")
    answer: Mapped[str] = mapped_column(Text, doc="JSON: the answer given.")
    received_at: Mapped[datetime]


COMPLETED_BY_PORTAL = ""
"""`portal_changes.device_id` of a change the portal completed (a revival): every device pulls it, the pusher too,
because it holds a value the pusher never sent and must land after the deletion it undoes."""

SET_ONCE = frozenset({"created_at"})
"""Fields the first push of a record sets for good: a second device pushing the same record (a built-in one, made
on each device from the same id) does not contest when it was made."""


@dataclass(frozen=True)
class Caller:
    """Whose notebook a request reads or writes, and from which device."""

    scope: str
    device_id: str


@dataclass(frozen=True)
class Incoming:
    change_id: str
    table: str
    record_id: str
    kind: str
    base_version: int
    fields: dict[str, Any]


@dataclass(frozen=True)
class FeedEntry:
    table: str
    record_id: str
    version: int
    fields: dict[str, Any]
    withdrawn: bool


def lock_scope(session: Session, scope: str) -> None:
    """Takes the scope's write lock (PostgreSQL: its row; SQLite: the database) before anything is read."""
    taken = session.execute(update(PortalScope).where(PortalScope.scope == scope).values(counter=PortalScope.counter))
    if taken.rowcount:  # type: ignore[attr-defined]
        return
    try:
        with session.begin_nested():
            session.add(PortalScope(scope=scope, counter=0))
    except IntegrityError:
        session.execute(update(PortalScope).where(PortalScope.scope == scope).values(counter=PortalScope.counter))


def next_counter(session: Session, scope: str) -> int:
    row = session.execute(
        update(PortalScope)
        .where(PortalScope.scope == scope)
        .values(counter=PortalScope.counter + 1)
        .returning(PortalScope.counter)
    )
    return int(row.scalar_one())


def recorded_answer(session: Session, caller: Caller, change_id: str) -> dict[str, Any] | None:
    query = select(PushedChange.answer).where(
        PushedChange.device_id == caller.device_id, PushedChange.change_id == change_id
    )
    found = session.scalar(query)
    return None if found is None else dict(json.loads(found))


def apply_change(session: Session, caller: Caller, change: Incoming, now: datetime) -> dict[str, Any]:
    """Merges one pushed change field by field against its base version; answers as the protocol says."""
    record = session.get(PortalRecord, (caller.scope, change.record_id))
    if record is not None and record.table_name != change.table:
        return _remember(
            session, caller, change, now, _rejected(change, "table", "The record belongs to another table.")
        )
    if change.kind == "withdraw":
        return _remember(session, caller, change, now, _withdraw(session, caller, change, record))
    current: dict[str, Any] = json.loads(record.fields) if record else {}
    pushed = {k: v for k, v in change.fields.items() if record is None or k not in SET_ONCE}
    changed_at: dict[str, list[Any]] = json.loads(record.changed_at) if record else {}

    def changed_elsewhere(field: str) -> bool:
        version, device = changed_at.get(field, (0, caller.device_id))
        return bool(version > change.base_version and device != caller.device_id)

    kept = {
        field: current[field]
        for field, value in pushed.items()
        if field in current and current[field] != value and changed_elsewhere(field)
    }
    deleting = pushed.get("deleted") is True and record is not None and not current.get("deleted")
    if deleting and any(changed_elsewhere(field) for field in changed_at):
        kept["deleted"] = False
    applied = {field: value for field, value in pushed.items() if field not in kept and current.get(field) != value}
    revived = bool(current.get("deleted")) and "deleted" not in pushed and bool(applied)
    if revived:
        applied["deleted"] = False
    version = record.version if record else 0
    if applied:
        counter = next_counter(session, caller.scope)
        version = counter
        for field in applied:
            changed_at[field] = [counter, caller.device_id]
        current.update(applied)
        if record is None:
            record = PortalRecord(scope=caller.scope, record_id=change.record_id, table_name=change.table)
            session.add(record)
        record.version, record.fields, record.changed_at = counter, _dumps(current), _dumps(changed_at)
        record.withdrawn = False
        _add_to_feed(session, caller, change, counter, applied, completed_by_portal=revived)
    answer: dict[str, Any] = {"change_id": change.change_id, "result": "conflict" if kept else "applied"}
    answer["version"] = version
    answer["fields"] = {**kept, **({"deleted": False} if revived else {})}
    if kept:
        answer["lost"] = {field: change.fields[field] for field in kept}
    return _remember(session, caller, change, now, answer)


def _withdraw(session: Session, caller: Caller, change: Incoming, record: PortalRecord | None) -> dict[str, Any]:
    """Erases the named fields, or the whole record's content, from the record, the feed and the history."""
    if record is None:
        return {"change_id": change.change_id, "result": "applied", "version": 0, "fields": {}}
    current: dict[str, Any] = json.loads(record.fields)
    erased = set(change.fields) or set(current)
    counter = next_counter(session, caller.scope)
    record.fields = _dumps({} if not change.fields else {k: v for k, v in current.items() if k not in erased})
    record.version, record.withdrawn = counter, not change.fields
    for stored in session.scalars(
        select(PushedChange).where(PushedChange.scope == caller.scope, PushedChange.record_id == change.record_id)
    ):
        stored.fields = _dumps({k: v for k, v in json.loads(stored.fields).items() if k not in erased})
    for fed in session.scalars(
        select(PortalChange).where(PortalChange.scope == caller.scope, PortalChange.record_id == change.record_id)
    ):
        fed.fields = _dumps({k: v for k, v in json.loads(fed.fields).items() if k not in erased})
    _add_to_feed(session, caller, change, counter, dict.fromkeys(change.fields), withdrawn=not change.fields)
    return {"change_id": change.change_id, "result": "applied", "version": counter, "fields": {}}


def _add_to_feed(
    session: Session,
    caller: Caller,
    change: Incoming,
    counter: int,
    fields: dict[str, Any],
    *,
    withdrawn: bool = False,
    completed_by_portal: bool = False,
) -> None:
    session.add(
        PortalChange(
            scope=caller.scope,
            counter=counter,
            device_id=COMPLETED_BY_PORTAL if completed_by_portal else caller.device_id,
            table_name=change.table,
            record_id=change.record_id,
            version=counter,
            fields=_dumps(fields),
            withdrawn=withdrawn,
        )
    )


def reject(
    session: Session, caller: Caller, change: Incoming, now: datetime, problem: tuple[str, str]
) -> dict[str, Any]:
    """Keeps the refused change and its values, and says why in words."""
    return _remember(session, caller, change, now, _rejected(change, *problem))


def _rejected(change: Incoming, reason: str, message: str) -> dict[str, Any]:
    return {"change_id": change.change_id, "result": "rejected", "reason": reason, "message": message}


def _remember(
    session: Session, caller: Caller, change: Incoming, now: datetime, answer: dict[str, Any]
) -> dict[str, Any]:
    session.add(
        PushedChange(
            scope=caller.scope,
            device_id=caller.device_id,
            change_id=change.change_id,
            table_name=change.table,
            record_id=change.record_id,
            base_version=change.base_version,
            fields=_dumps(change.fields),
            answer=_dumps(answer),
            received_at=now,
        )
    )
    return answer


def feed_after(session: Session, caller: Caller, after: int, limit: int) -> tuple[list[FeedEntry], int, bool]:
    """One page of the scope's changes after a counter, leaving out the caller's own; the page's last counter."""
    rows = list(
        session.scalars(
            select(PortalChange)
            .where(PortalChange.scope == caller.scope, PortalChange.counter > after)
            .order_by(PortalChange.counter)
            .limit(limit)
        )
    )
    entries = [
        FeedEntry(row.table_name, row.record_id, row.version, json.loads(row.fields), row.withdrawn)
        for row in rows
        if row.device_id != caller.device_id
    ]
    return entries, (rows[-1].counter if rows else after), len(rows) == limit


def history_of(session: Session, scope: str, record_id: str) -> list[dict[str, Any]]:
    """Every set of values pushed for one record, in the order received, winners and losers alike."""
    query = select(PushedChange.fields).where(PushedChange.scope == scope, PushedChange.record_id == record_id)
    return [json.loads(fields) for fields in session.scalars(query.order_by(PushedChange.id))]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
