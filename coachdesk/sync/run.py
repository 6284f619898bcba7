"""One sync: push the outbox in batches, then pull pages after the cursor (docs/sync-protocol.md, sections 6 to 9).

Every local step is one transaction opened without capture: the answers to a batch together with removing exactly
the answered outbox rows; a pulled page together with the cursor that covers it. A dropped connection therefore
leaves either nothing or a whole step done, and the next sync finishes the job.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

import httpx
from sqlalchemy import Date, DateTime, Table, Time, func, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import (
    Base,
    ChangeKind,
    ConflictCopy,
    OutboxChange,
    SharingLevel,
    SyncRecord,
    SyncState,
    utcnow,
)
from coachdesk.services import privacy
from coachdesk.sync.capture import outbox_row, queue, whole_record
from coachdesk.sync.keys import (
    EMPTIED,
    adopt_existing,
    give_back_emptied_keys,
    natural_keys,
    settle_natural_keys,
    stored_keys,
)
from coachdesk.sync.outbox import PendingChange, forget_answered, pending_changes
from coachdesk.sync.sharing import shared_fields
from coachdesk.sync.transport import SyncRefused, check_clock, connection_failed, negotiate

BATCH = 500
"""Changes per push and per pulled page: the protocol's most."""

MASS_DELETE_FLOOR = 50
"""A page deleting fewer records than this is never questioned, however small the notebook."""

REJECTED = "*"
"""`sync_conflicts.field` of a change the portal refused as a whole, kept for review with the portal's reason."""


class MassDeleteRefused(SyncRefused):
    """The portal would delete most of the notebook; nothing of that page was applied."""


class ResyncNeeded(SyncRefused):
    """The portal no longer keeps the changes after this device's cursor: the notebook must be compared whole."""


@dataclass(frozen=True)
class SyncTally:
    pushed: int
    conflicts: int
    rejected: int
    pulled: int


@dataclass(frozen=True)
class Pulled:
    table: str
    record_id: str
    version: int
    fields: dict[str, Any]
    withdrawn: bool


def utc_clock() -> datetime:
    return datetime.now(UTC)


def sync_once(
    notebook: Notebook, portal: httpx.Client, batch: int = BATCH, *, clock: Callable[[], datetime] = utc_clock
) -> SyncTally:
    """Checks the portal, pushes everything waiting, pulls to the end, and pushes again what was edited meanwhile."""
    check_portal(notebook, portal, clock())
    pushed, conflicts, rejected = push_outbox(notebook, portal, batch)
    pulled = pull_all(notebook, portal, batch)
    more = push_outbox(notebook, portal, batch)
    with notebook.write(capture_changes=False) as session:
        state = session.get(SyncState, 1)
        if state is not None:
            state.last_synced_at = utcnow()
    return SyncTally(pushed + more[0], conflicts + more[1], rejected + more[2], pulled)


def check_portal(notebook: Notebook, portal: httpx.Client, now: datetime) -> None:
    """Stops before anything moves if the protocol, the portal's identity or the clocks disagree."""
    with notebook.read() as session:
        state = enrollment(session)
    hello = negotiate(portal, state.device_id)
    if hello.server_id != state.server_id:
        raise SyncRefused(
            f"The Coaching Portal at {state.portal_url} is not the one this notebook was enrolled with (its database "
            "was restored or replaced, or the address now leads elsewhere). Nothing was sent or changed; enroll "
            "again if this is the right portal."
        )
    check_clock(hello.server_time, now)


def push_outbox(notebook: Notebook, portal: httpx.Client, batch: int = BATCH) -> tuple[int, int, int]:
    """Sends the outbox oldest first; (changes answered, conflicts, rejected)."""
    answered = conflicts = rejected = 0
    while True:
        with notebook.read() as session:
            state = enrollment(session)
            waiting = pending_changes(session, limit=batch)
        if not waiting:
            return answered, conflicts, rejected
        sent, withheld = wire_changes(waiting, state.sharing)
        answers = call(portal, "POST", "/v1/push", json={"changes": sent})["answers"] if sent else []
        if sent and not answers:
            raise SyncRefused(f"The Coaching Portal at {portal.base_url} answered none of the changes sent; try later.")
        with notebook.write(capture_changes=False) as session:
            forget_answered(session, [answer["change_id"] for answer in answers] + withheld)
            take_answers(session, {c.change_id: c for c in waiting}, answers)
        answered += len(answers)
        conflicts += sum(answer["result"] == "conflict" for answer in answers)
        rejected += sum(answer["result"] == "rejected" for answer in answers)


def wire_changes(waiting: Sequence[PendingChange], sharing: SharingLevel) -> tuple[list[dict[str, Any]], list[str]]:
    """The changes as sent at the notebook's sharing level, and the ids of those the level keeps home."""
    sent, withheld = [], []
    for change in waiting:
        fields = shared_fields(Base.metadata.tables[change.table], change.fields, sharing, change.kind)
        if fields is None or (change.kind is ChangeKind.EDIT and not fields and change.fields):
            withheld.append(change.change_id)
            continue
        sent.append(
            {
                "change_id": change.change_id,
                "table": change.table,
                "record_id": change.record_id,
                "kind": change.kind.value,
                "base_version": change.base_version,
                "fields": fields,
                "made_at": change.made_at.isoformat(),
            }
        )
    return sent, withheld


def take_answers(session: Session, sent: dict[str, PendingChange], answers: Iterable[dict[str, Any]]) -> None:
    """Keeps each losing value as a conflict copy and takes the portal's values where the answer says so.

    Versions are left to the pull: the base of the next edit is the last version this device has *seen*, so an
    edit from another device that this one has not pulled yet still counts as a conflict.
    """
    now = utcnow()
    answered = [(answer, answered_change(sent, answer)) for answer in answers]
    for answer, change in answered:
        duplicate = sent[answer["change_id"]].record_id
        if duplicate != change.record_id:
            adopt_existing(session, Base.metadata.tables[change.table], duplicate, change.record_id)
    pending = pending_fields(session, {change.record_id for _answer, change in answered})
    for (answer, change), later in zip(answered, changed_later(change for _answer, change in answered), strict=True):
        if answer["result"] == "rejected":
            reason = {"reason": answer.get("reason"), "message": answer.get("message")}
            session.add(conflict_copy(change, REJECTED, reason, change.fields, now))
            continue
        for field, lost in answer.get("lost", {}).items():
            kept = answer["fields"].get(field)
            session.add(conflict_copy(change, field, kept, lost, now))
        held = {**stored_keys(change, answer), **answer.get("fields", {})}
        taken = {k: v for k, v in held.items() if k not in pending[change.record_id] and k not in later}
        write_record(session, Base.metadata.tables[change.table], change.record_id, taken, insert_missing=False)
    give_back_emptied_keys(session)


def changed_later(changes: Iterable[PendingChange]) -> list[set[str]]:
    """Per change of a batch, the fields a later change of the same record in the batch set: the portal's answer
    about the earlier one (a revival's `deleted: false`) must not undo them here."""
    seen: defaultdict[str, set[str]] = defaultdict(set)
    later = []
    for change in reversed(list(changes)):
        later.append(set(seen[change.record_id]))
        seen[change.record_id] |= change.fields.keys()
    return later[::-1]


def answered_change(sent: dict[str, PendingChange], answer: dict[str, Any]) -> PendingChange:
    """The change an answer is about, named by the record the portal folded it into if it was a duplicate."""
    change = sent[answer["change_id"]]
    return replace(change, record_id=answer.get("existing_id") or change.record_id)


def conflict_copy(change: PendingChange, field: str, kept: Any, other: Any, now: datetime) -> ConflictCopy:
    return ConflictCopy(
        table_name=change.table,
        record_id=change.record_id,
        field=field,
        kept_value=json.dumps(kept, ensure_ascii=False),
        other_value=json.dumps(other, ensure_ascii=False),
        found_at=now,
    )


def pull_all(notebook: Notebook, portal: httpx.Client, batch: int = BATCH) -> int:
    """Pulls pages until the portal has no more; each page and its cursor are saved together.

    A cursor the portal no longer serves turns the pull into a resync.
    """
    pulled = 0
    emptied: dict[tuple[str, str], dict[str, Any]] = {}
    while True:
        with notebook.read() as session:
            cursor = enrollment(session).cursor
        try:
            page = call(portal, "GET", "/v1/pull", params={"after": cursor, "limit": batch})
        except ResyncNeeded:
            return pulled + resync(notebook, portal, batch)
        changes = [Pulled(**change) for change in page["changes"]]
        with notebook.write(capture_changes=False) as session:
            session.info[EMPTIED] = emptied
            apply_page(session, changes)
            enrollment(session).cursor = page["cursor"]
        pulled += len(changes)
        if not page["more"]:
            return pulled


def resync(notebook: Notebook, portal: httpx.Client, batch: int = BATCH) -> int:
    """Compares the whole notebook with the portal's copy when the feed after this device's cursor is gone.

    Every record the portal holds is read, then the feed after the position the first page was read at, and all of
    it applied in one local transaction with the new cursor, by the rules of a pulled page: a field this device has
    a change waiting for keeps its local value. A local record the portal lacks is never removed; one with nothing
    waiting is queued whole, so the comparison goes both ways and nothing is pushed or pulled blindly.
    """
    records, cursor = portal_records(portal, batch)
    try:
        feed, cursor = changes_after(portal, cursor, batch)
    except ResyncNeeded as expired:
        raise SyncRefused(
            f"The Coaching Portal at {portal.base_url} dropped old changes while this notebook was being compared "
            "with it; nothing was changed here. Sync again."
        ) from expired
    with notebook.write(capture_changes=False) as session:
        apply_page(session, [*records, *feed])
        queue_what_the_portal_lacks(session, {record.record_id for record in records})
        enrollment(session).cursor = cursor
    return len(records) + len(feed)


def portal_records(portal: httpx.Client, batch: int) -> tuple[list[Pulled], str]:
    """Every record the portal holds for this notebook, and the feed's position as the first page was read."""
    records: list[Pulled] = []
    cursor: str | None = None
    while True:
        after = records[-1].record_id if records else ""
        page = call(portal, "GET", "/v1/records", params={"after": after, "limit": batch})
        records.extend(Pulled(**record) for record in page["records"])
        cursor = page["cursor"] if cursor is None else cursor
        if not page["more"]:
            return records, cursor


def changes_after(portal: httpx.Client, cursor: str, batch: int) -> tuple[list[Pulled], str]:
    """Every change the feed holds after a cursor, and the cursor at its end."""
    changes: list[Pulled] = []
    while True:
        page = call(portal, "GET", "/v1/pull", params={"after": cursor, "limit": batch})
        changes.extend(Pulled(**change) for change in page["changes"])
        cursor = page["cursor"]
        if not page["more"]:
            return changes, cursor


def queue_what_the_portal_lacks(session: Session, held: set[str]) -> None:
    """Queues, whole, each live shareable record the portal does not hold and no waiting change will bring it."""
    waiting = set(session.scalars(select(OutboxChange.record_id)))
    changes = [
        outbox_row(table.name, row["id"], ChangeKind.EDIT, whole_record(table, row))
        for table, rows in privacy.shareable_rows(session)
        for row in rows
        if row["id"] not in held and row["id"] not in waiting
    ]
    queue(session, changes)


def apply_page(session: Session, changes: Sequence[Pulled]) -> None:
    """Writes each pulled change in order, leaving alone every field this device has an unsent edit of.

    Re-applying a page writes the same values again, so a crash before its transaction commits costs nothing.
    """
    refuse_mass_delete(session, changes)
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    pending = pending_fields(session, {change.record_id for change in changes})
    present = records_present(session, changes)
    arriving: dict[str, tuple[Table, dict[str, Any]]] = {}
    for change in changes:
        table = known_table(change.table)
        fields = {"deleted": True} if change.withdrawn else change.fields
        values = {k: v for k, v in fields.items() if k in table.c and k not in pending[change.record_id]}
        if change.record_id in arriving:
            arriving[change.record_id][1].update(values)
        elif change.record_id in present or natural_keys(table.name):
            write_record(session, table, change.record_id, values, insert_missing=not change.withdrawn)
        elif values and not change.withdrawn:
            arriving[change.record_id] = (table, dict(values))
    insert_records(session, arriving)
    remember_versions(session, changes)
    give_back_emptied_keys(session)


def records_present(session: Session, changes: Sequence[Pulled]) -> set[str]:
    """Which of the page's records this device already has: those are updated, the others inserted together."""
    by_table: defaultdict[str, set[str]] = defaultdict(set)
    for change in changes:
        by_table[change.table].add(change.record_id)
    present: set[str] = set()
    for name, record_ids in by_table.items():
        table = known_table(name)
        present.update(session.scalars(select(table.c.id).where(table.c.id.in_(record_ids))))
    return present


def insert_records(session: Session, arriving: dict[str, tuple[Table, dict[str, Any]]]) -> None:
    """A page's new records, one statement per table and set of fields: a first sync inserts the whole notebook."""
    batches: defaultdict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for record_id, (table, fields) in arriving.items():
        row = {name: from_json(table, name, value) for name, value in fields.items()} | {"id": record_id}
        batches[table.name, tuple(sorted(row))].append(row)
    for (name, _columns), rows in batches.items():
        session.execute(Base.metadata.tables[name].insert(), rows)


def known_table(name: str) -> Table:
    """A pulled table this CoachDesk keeps; an unknown one stops the sync rather than being dropped unseen."""
    table = Base.metadata.tables.get(name)
    if table is None or name in privacy.LOCAL_ONLY_TABLES:
        raise SyncRefused(
            f"The Coaching Portal sent records of a kind this CoachDesk does not know ({name}). "
            "Update CoachDesk, then sync again; nothing of that page was applied."
        )
    return table


def refuse_mass_delete(session: Session, changes: Sequence[Pulled]) -> None:
    """Stops before a page that would delete more than half of the notebook's live records (and over 50)."""
    deleting = {c.record_id for c in changes if c.withdrawn or c.fields.get("deleted") is True}
    if len(deleting) <= MASS_DELETE_FLOOR:
        return
    live = doomed = 0
    for table in privacy.shareable_tables():
        is_live = table.c.deleted.is_(False)
        live += session.scalar(select(func.count()).select_from(table).where(is_live)) or 0
        doomed += session.scalar(select(func.count()).where(is_live, table.c.id.in_(deleting))) or 0
    if doomed > MASS_DELETE_FLOOR and doomed * 2 > live:
        portal = enrollment(session).portal_url
        raise MassDeleteRefused(
            f"The Coaching Portal at {portal} says {doomed:,} of your {live:,} records were deleted. Nothing was "
            "changed here; if that is wrong, ask whoever runs the portal before syncing again."
        )


def write_record(
    session: Session, table: Table, record_id: str, fields: dict[str, Any], *, insert_missing: bool = True
) -> None:
    """Updates the record, or inserts it when this device has never had it (a withdrawn one it need not have)."""
    if not fields:
        return
    values = {name: from_json(table, name, value) for name, value in fields.items()}
    if natural_keys(table.name):
        settle_natural_keys(session, table, record_id, values, insert_missing=insert_missing)
    updated = session.execute(table.update().where(table.c.id == record_id).values(values))
    if insert_missing and not updated.rowcount:  # type: ignore[attr-defined]
        session.execute(table.insert().values({**values, "id": record_id}))


def from_json(table: Table, name: str, value: Any) -> Any:
    """A travelled value back in the column's own type (dates, times and datetimes travel as ISO text)."""
    column_type = table.c[name].type
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Time):
        return time.fromisoformat(value)
    return value


def remember_versions(session: Session, changes: Sequence[Pulled]) -> None:
    """Each record's version takes the pulled one, never going down."""
    if not changes:
        return
    statement = sqlite_insert(SyncRecord.__table__)  # type: ignore[arg-type]
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[SyncRecord.record_id],
            set_={"version": func.max(SyncRecord.version, statement.excluded.version)},
        ),
        [{"record_id": c.record_id, "table_name": c.table, "version": c.version} for c in changes],
    )


def pending_fields(session: Session, record_ids: Collection[str]) -> defaultdict[str, set[str]]:
    """Per record, the fields an outbox change still waiting for the portal names."""
    pending: defaultdict[str, set[str]] = defaultdict(set)
    query = select(OutboxChange.record_id, OutboxChange.fields).where(OutboxChange.record_id.in_(record_ids))
    for record_id, fields in session.execute(query):
        pending[record_id].update(json.loads(fields))
    return pending


def enrollment(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:
        raise SyncRefused("This notebook is not enrolled with a Coaching Portal: enroll it first.")
    return state


def call(
    portal: httpx.Client, method: str, path: str, *, refusals: Collection[int] = (401, 403), **kwargs: Any
) -> dict[str, Any]:
    """One request, its failure put in plain words; nothing local is changed when it fails.

    An answer with a status in `refusals` carries the portal's own words for why, and they are passed on.
    """
    try:
        response = portal.request(method, path, **kwargs)
    except httpx.TransportError as error:
        raise connection_failed(error, portal.base_url, "stopped answering") from error
    except httpx.HTTPError as error:
        raise SyncRefused(
            f"The Coaching Portal at {portal.base_url} stopped answering ({error}); sync again later."
        ) from error
    if response.status_code == 410 and response.json().get("error") == "resync":
        raise ResyncNeeded(str(response.json().get("message")))
    if response.status_code in refusals:
        raise SyncRefused(str(response.json().get("message", "The Coaching Portal refused this device.")))
    if response.status_code != 200:
        raise SyncRefused(f"The Coaching Portal at {portal.base_url} answered {response.status_code} to {path}.")
    answer: dict[str, Any] = response.json()
    return answer
