"""Natural keys: what a notebook holds unique in a table besides the id, read from the models' unique constraints,
and how a device keeps them unique while it takes the portal's values (docs/sync-protocol.md, section 2).

Two offline devices can each make a record with the same natural key under their own ids (a KPI value for one
person, KPI and week); the portal folds the second into the first, and the device adopts the first's id. Edits can
move a key (an employee id) from one person to another, and a device applying the portal's changes in its own order
may meet a key still held by the record it moves from.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ForeignKey, Table, UniqueConstraint, func, select, text, update
from sqlalchemy.orm import Session

from coachdesk.models import Base, ChangeKind, ConflictCopy, OutboxChange
from coachdesk.sync.outbox import PendingChange

EMPTIED = "sync_emptied_keys"
"""`Session.info` key: the natural-key values emptied for the moment while applying the portal's values."""


@cache
def natural_keys(table: str) -> tuple[tuple[str, ...], ...]:
    """The column sets held unique in a table, each in its constraint's order."""
    return tuple(
        tuple(column.name for column in constraint.columns)
        for constraint in Base.metadata.tables[table].constraints
        if isinstance(constraint, UniqueConstraint)
    )


@cache
def clearable_keys(table: str) -> tuple[tuple[str, ...], ...]:
    """The natural keys with a column that may be empty (a person's employee id).

    Edits can move such a key from one record to another, so a device applying the portal's values in its own order
    may meet the key still held by the record it moves from; it empties that column there for the moment, and the
    portal's value for that record follows in the same sync.
    """
    columns = Base.metadata.tables[table].c
    return tuple(key for key in natural_keys(table) if any(columns[name].nullable for name in key))


def stored_keys(change: PendingChange, answer: dict[str, Any]) -> dict[str, Any]:
    """The clearable key values the portal stored from this change, written back in case a pull emptied them here.

    A pull may have moved such a key here to another record while this change waited (see `settle_natural_keys`).
    """
    if change.kind is not ChangeKind.EDIT or answer.get("existing_id"):
        return {}
    columns = {column for key in clearable_keys(change.table) for column in key}
    return {k: v for k, v in change.fields.items() if k in columns and k not in answer.get("lost", {})}


def adopt_existing(session: Session, table: Table, duplicate_id: str, existing_id: str) -> None:
    """This device's record is a duplicate of one the portal had first: it becomes that record (section 2).

    The row takes the existing id, and whatever refers to it, waits to be sent about it or was kept for review
    follows, all in the transaction taking the answer; the pull then brings the existing record's values. When this
    device already has the existing record, the duplicate's row goes: no other device ever had it, and its values
    are in the answer's conflict copies and the outbox.
    """
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    if session.scalar(select(table.c.id).where(table.c.id == existing_id)) is None:
        session.execute(table.update().where(table.c.id == duplicate_id).values(id=existing_id))
    else:
        session.execute(table.delete().where(table.c.id == duplicate_id))
    for fk in references_to(table.name):
        session.execute(fk.parent.table.update().where(fk.parent == duplicate_id).values({fk.parent.name: existing_id}))
    for model in (OutboxChange, ConflictCopy):
        session.execute(update(model).where(model.record_id == duplicate_id).values(record_id=existing_id))


@cache
def references_to(table_name: str) -> list[ForeignKey]:
    return [
        fk for table in Base.metadata.sorted_tables for fk in table.foreign_keys if fk.column.table.name == table_name
    ]


def settle_natural_keys(
    session: Session, table: Table, record_id: str, values: dict[str, Any], *, insert_missing: bool
) -> None:
    """Makes sure the values can be written without two local records sharing a natural key.

    A record arriving new whose key a record made here and not yet sent holds (made after the push that would have
    folded it, while a sync ran) takes that record's place, its values still waiting to be pushed as an edit of it.
    A clearable key (an employee id) another record still holds here is emptied there: the portal holds each key
    once, so that record's own value from the portal follows in this sync.
    """
    exists = session.scalar(select(table.c.id).where(table.c.id == record_id)) is not None
    if not exists and insert_missing:
        for duplicate in unsent_duplicates(session, table, record_id, values):
            adopt_existing(session, table, duplicate, record_id)
    for key in clearable_keys(table.name):
        if not values.keys() & set(key):
            continue
        current = session.execute(select(*(table.c[name] for name in key)).where(table.c.id == record_id))
        merged = {**(current.mappings().first() or {}), **values}
        if any(merged.get(name) is None for name in key):
            continue
        emptied = emptied_keys(session)
        emptied.get((table.name, record_id), {}).clear()
        clearable = [table.c[name] for name in key if table.c[name].nullable]
        holders = select(table.c.id, *clearable).where(
            *(table.c[name] == merged[name] for name in key), table.c.id != record_id
        )
        for holder in session.execute(holders).mappings():
            emptied.setdefault((table.name, holder["id"]), {}).update({c.name: holder[c.name] for c in clearable})
            emptying = {column.name: None for column in clearable}
            session.execute(table.update().where(table.c.id == holder["id"]).values(emptying))


def emptied_keys(session: Session) -> dict[tuple[str, str], dict[str, Any]]:
    """(table, record) → the key values emptied there for the moment, carried from page to page of one pull."""
    emptied: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(EMPTIED, {})
    return emptied


def give_back_emptied_keys(session: Session) -> None:
    """Gives an emptied key back to its record when no other record holds it any more and no value came for it.

    The record emptied may have taken its key by this device's own edit, which the portal does not send back: so
    when a replayed older change moved the key elsewhere only for a while, the record gets it back here.
    """
    emptied = emptied_keys(session)
    for (table_name, record_id), old in list(emptied.items()):
        table = Base.metadata.tables[table_name]
        old_values = {name: value for name, value in old.items() if value is not None}
        holder = select(table.c.id).where(*(table.c[n] == v for n, v in old_values.items()), table.c.id != record_id)
        if session.scalar(holder.limit(1)) is None:
            session.execute(table.update().where(table.c.id == record_id).values(old_values))
            del emptied[table_name, record_id]


def unsent_duplicates(session: Session, table: Table, record_id: str, values: dict[str, Any]) -> list[str]:
    """Records made here and never sent (their whole record still waits in the outbox) holding the values' keys."""
    unsent = select(OutboxChange.record_id).where(func.json_extract(OutboxChange.fields, "$.id").is_not(None))
    found: list[str] = []
    for columns in natural_keys(table.name):
        if all(values.get(column) is not None for column in columns):
            same_key = [table.c[column] == values[column] for column in columns]
            query = select(table.c.id).where(*same_key, table.c.id != record_id, table.c.id.in_(unsent))
            found += session.scalars(query).all()
    return list(dict.fromkeys(found))
