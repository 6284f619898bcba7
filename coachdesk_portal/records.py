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

from sqlalchemy import Index, String, Text, UniqueConstraint, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from coachdesk.sync.keys import natural_keys
from coachdesk_portal.natural_keys import Aliases, hold_keys, holder_of, tables_with_keys
from coachdesk_portal.store import PortalBase


class PortalScope(PortalBase):
    """One manager's notebook; its row is locked while a push takes the next change counters."""

    __tablename__ = "portal_scopes"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    counter: Mapped[int] = mapped_column(default=0)
    forgotten_through: Mapped[int] = mapped_column(
        default=0, doc="The feed holds no entry up to this counter: an older cursor must resync."
    )


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

SET_ONCE = frozenset({"id", "created_at"})
"""Fields the first push of a record sets for good: a second device pushing the same record (a built-in one, made
on each device from the same id, or a duplicate folded into it) contests neither its id nor when it was made."""


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


def apply_change(session: Session, caller: Caller, change: Incoming, now: datetime, aliases: Aliases) -> dict[str, Any]:
    """Merges one pushed change field by field against its base version; answers as the protocol says.

    A new record holding a natural key another record holds is folded into that one (section 2): its values are
    merged as an edit of it on the pushed base, and the answer names the record it now is.
    """
    target = aliases.resolve(change.record_id)
    record = session.get(PortalRecord, (caller.scope, target))
    if record is not None and record.table_name != change.table:
        return _remember(
            session, caller, change, now, _rejected(change, "table", "The record belongs to another table.")
        )
    if change.kind == "withdraw":
        withdrawn = _withdraw(session, caller, change, aliases.names_of(target), record)
        return _remember(session, caller, change, now, withdrawn)
    pushed = aliases.references_resolved(change.table, change.fields)
    folded = False
    if record is None:
        holder = holder_of(session, caller.scope, change.table, pushed)
        if holder is not None:
            aliases.fold(session, change.record_id, holder)
            target, record, folded = holder, session.get(PortalRecord, (caller.scope, holder)), True
    current: dict[str, Any] = json.loads(record.fields) if record else {}
    if record is not None:
        pushed = {k: v for k, v in pushed.items() if k not in SET_ONCE}
    changed_at: dict[str, list[Any]] = json.loads(record.changed_at) if record else {}

    def changed_elsewhere(field: str) -> bool:
        """Changed since the base by another device; a folded duplicate never knew the record, so by anyone."""
        version, device = changed_at.get(field, (0, caller.device_id))
        return bool(version > change.base_version and (folded or device != caller.device_id))

    kept = {
        field: current[field]
        for field, value in pushed.items()
        if field in current and current[field] != value and changed_elsewhere(field)
    }
    deleting = pushed.get("deleted") is True and record is not None and not current.get("deleted")
    if deleting and any(changed_elsewhere(field) for field in changed_at):
        kept["deleted"] = False
    applied = {field: value for field, value in pushed.items() if field not in kept and current.get(field) != value}
    merged = {**current, **applied}
    taken = (
        _keys_held_elsewhere(session, caller.scope, change.table, record_id=target, merged=merged, applied=applied)
        if record
        else []
    )
    for field in taken:
        kept[field] = current.get(field)
        del applied[field]
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
            record = PortalRecord(scope=caller.scope, record_id=target, table_name=change.table)
            session.add(record)
        record.version, record.fields, record.changed_at = counter, _dumps(current), _dumps(changed_at)
        record.withdrawn = False
        if record.table_name in tables_with_keys():
            hold_keys(session, caller.scope, change.table, target, current)
        entry = FeedEntry(change.table, target, counter, applied, withdrawn=False)
        _add_to_feed(session, caller, entry, completed_by_portal=revived)
    answer: dict[str, Any] = {"change_id": change.change_id, "result": "conflict" if kept or folded else "applied"}
    answer["version"] = version
    answer["fields"] = {**kept, **({"deleted": False} if revived else {})}
    if kept:
        answer["lost"] = {field: change.fields[field] for field in kept}
    if taken or folded:
        answer["reason"] = "duplicate"
    if target != change.record_id:
        answer["existing_id"] = target
        answer["fields"] = {k: v for k, v in current.items() if k in pushed or k in SET_ONCE - {"id"}}
    return _remember(session, caller, change, now, answer)


def _keys_held_elsewhere(
    session: Session, scope: str, table: str, *, record_id: str, merged: dict[str, Any], applied: dict[str, Any]
) -> list[str]:
    """The applied fields that would give the record a natural key another record holds: those stay as they are."""
    holder = holder_of(session, scope, table, merged, only=frozenset(applied))
    if holder is None or holder == record_id:
        return []
    columns = {column for key in natural_keys(table) for column in key}
    return [field for field in applied if field in columns]


def _withdraw(
    session: Session, caller: Caller, change: Incoming, names: set[str], record: PortalRecord | None
) -> dict[str, Any]:
    """Erases the named fields, or the whole record's content, from the record, the feed and the history.

    Erasing fields is the portal forgetting them, not an edit: the feed says only that the record moved on, so the
    manager's other devices keep their own text. A whole-record withdrawal is fed as one, for them to drop it.

    `names` are the record's id and those of the duplicates folded into it, whose history goes too.
    """
    if record is None:
        return {"change_id": change.change_id, "result": "applied", "version": 0, "fields": {}}
    current: dict[str, Any] = json.loads(record.fields)
    erased = set(change.fields) or set(current)
    counter = next_counter(session, caller.scope)
    record.fields = _dumps({} if not change.fields else {k: v for k, v in current.items() if k not in erased})
    record.version, record.withdrawn = counter, not change.fields
    for stored in session.scalars(
        select(PushedChange).where(PushedChange.scope == caller.scope, PushedChange.record_id.in_(names))
    ):
        stored.fields = _dumps({k: v for k, v in json.loads(stored.fields).items() if k not in erased})
    for fed in session.scalars(
        select(PortalChange).where(PortalChange.scope == caller.scope, PortalChange.record_id == record.record_id)
    ):
        fed.fields = _dumps({k: v for k, v in json.loads(fed.fields).items() if k not in erased})
    erasure = FeedEntry(change.table, record.record_id, counter, {}, not change.fields)
    _add_to_feed(session, caller, erasure)
    return {"change_id": change.change_id, "result": "applied", "version": counter, "fields": {}}


def _add_to_feed(session: Session, caller: Caller, entry: FeedEntry, *, completed_by_portal: bool = False) -> None:
    session.add(
        PortalChange(
            scope=caller.scope,
            counter=entry.version,
            device_id=COMPLETED_BY_PORTAL if completed_by_portal else caller.device_id,
            table_name=entry.table,
            record_id=entry.record_id,
            version=entry.version,
            fields=_dumps(entry.fields),
            withdrawn=entry.withdrawn,
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


class CursorExpired(Exception):
    """The cursor is older than the feed the portal keeps, or was never issued by it: the device must resync."""


def feed_after(session: Session, caller: Caller, after: int, limit: int) -> tuple[list[FeedEntry], int, bool]:
    """One page of the scope's changes after a counter, leaving out the caller's own; the page's last counter."""
    scope = session.get(PortalScope, caller.scope)
    counter, forgotten = (scope.counter, scope.forgotten_through) if scope else (0, 0)
    if after < forgotten or after > counter:
        raise CursorExpired
    rows = list(
        session.scalars(
            select(PortalChange)
            .where(PortalChange.scope == caller.scope, PortalChange.counter > after)
            .order_by(PortalChange.counter)
            .limit(limit)
        )
    )
    entries = [
        FeedEntry(row.table_name, row.record_id, row.version, _fed_fields(session, caller, row), row.withdrawn)
        for row in rows
        if row.device_id != caller.device_id
    ]
    return entries, (rows[-1].counter if rows else after), len(rows) == limit


def _fed_fields(session: Session, caller: Caller, row: PortalChange) -> dict[str, Any]:
    """What a feed entry tells the caller, less what a revival would undo of the caller's own later changes.

    A revival goes to every device, its pusher too; a field that pusher changed again afterwards reaches nobody's
    feed from it (a device is not sent its own changes), so replaying the revival's value there would stick.
    """
    fields: dict[str, Any] = json.loads(row.fields)
    if row.device_id != COMPLETED_BY_PORTAL:
        return fields
    record = session.get(PortalRecord, (caller.scope, row.record_id))
    changed_at: dict[str, list[Any]] = json.loads(record.changed_at) if record else {}
    return {
        field: value
        for field, value in fields.items()
        if not (changed_at.get(field, [0, ""])[1] == caller.device_id and changed_at[field][0] > row.counter)
    }


def records_after(session: Session, scope: str, after: str, limit: int) -> tuple[list[FeedEntry], int, bool]:
    """One page of the scope's records as they are now, in id order; and the scope's counter as this page was read.

    A resync reads every page, then the feed after the *first* page's counter: whatever changed while it read is
    applied again on top, in order, so the result is the portal's state however the pushes interleaved.
    """
    scope_row = session.get(PortalScope, scope)
    rows = list(
        session.scalars(
            select(PortalRecord)
            .where(PortalRecord.scope == scope, PortalRecord.record_id > after)
            .order_by(PortalRecord.record_id)
            .limit(limit)
        )
    )
    entries = [
        FeedEntry(row.table_name, row.record_id, row.version, json.loads(row.fields), row.withdrawn) for row in rows
    ]
    return entries, (scope_row.counter if scope_row else 0), len(rows) == limit


def forget_feed(session: Session, scope: str, through: int) -> int:
    """Drops the scope's feed entries up to a counter, so the feed does not grow for ever; how many went.

    Devices whose cursor is older are answered "resync" and compare the whole notebook instead (section 7).
    """
    lock_scope(session, scope)
    row = session.scalars(select(PortalScope).where(PortalScope.scope == scope)).one()
    row.forgotten_through = max(row.forgotten_through, min(through, row.counter))
    dropped = session.execute(
        delete(PortalChange).where(PortalChange.scope == scope, PortalChange.counter <= row.forgotten_through)
    )
    return int(dropped.rowcount)  # type: ignore[attr-defined]


def history_of(session: Session, scope: str, record_id: str) -> list[dict[str, Any]]:
    """Every set of values pushed for one record, in the order received, winners and losers alike."""
    query = select(PushedChange.fields).where(PushedChange.scope == scope, PushedChange.record_id == record_id)
    return [json.loads(fields) for fields in session.scalars(query.order_by(PushedChange.id))]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
