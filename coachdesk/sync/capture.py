"""Every local edit of a synced record becomes an outbox row in the edit's own transaction.

This is done once, for every write session of the notebook, after the unit of work has flushed its SQL and before it
commits: a rolled-back edit therefore leaves no outbox row, and no service has to remember sync. A row holds only
the fields the edit changed, and never private content: private fields are left out, private records (and whatever
hangs off them) are not captured, and a record turning private is withdrawn. When the notebook is not enrolled, or
the unit of work applies a pull (`Notebook.write(capture_changes=False)`), nothing is captured.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Result, Table, event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.state import InstanceState

from coachdesk.db import CAPTURE_CHANGES, Notebook
from coachdesk.models import Base, ChangeKind, OutboxChange, Synced, SyncRecord, SyncState, new_id, utcnow
from coachdesk.services import privacy
from coachdesk.services.jsonable import jsonable

ENROLLED = "sync_enrolled"
"""`Session.info` key caching, for one unit of work, whether the notebook is enrolled."""

ENROLLMENT_QUERY = f"SELECT 1 FROM {SyncState.__tablename__}"
"""Plain SQL: it runs in every write transaction, and skipping the statement compiler keeps sync-off cheap."""

LOCAL_LABELS = frozenset({"updated_at"})
"""Columns that only label a local edit; the portal keeps its own order and never receives them."""


class OutboxBypassed(RuntimeError):
    """A bulk statement would change synced records behind the outbox's back: a bug in the code that sent it."""


def install_capture(notebook: Notebook) -> None:
    event.listen(notebook.write_sessions, "after_flush", _capture_flush)
    event.listen(notebook.write_sessions, "do_orm_execute", _capture_bulk_insert)


def capturing(session: Session) -> bool:
    """Whether this unit of work records its edits: it is a local edit and the notebook is enrolled."""
    if not session.info.get(CAPTURE_CHANGES, True):
        return False
    enrolled = session.info.get(ENROLLED)
    if enrolled is None:
        enrolled = session.connection().exec_driver_sql(ENROLLMENT_QUERY).first() is not None
        session.info[ENROLLED] = enrolled
    return bool(enrolled)


def _capture_bulk_insert(state: ORMExecuteState) -> Result[Any] | None:
    """Queues the records a bulk INSERT adds, read back whole; refuses any other bulk statement on synced records.

    A bulk insert is how large imports stay fast; an update or upsert by statement would hide which fields it
    changed, so those must go through the records instead.
    """
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    if not (isinstance(table, Table) and table.name in synced_tables() and capturing(state.session)):
        return None
    params = state.parameters
    rows: Sequence[Mapping[str, Any]] = params if isinstance(params, list) else [params or {}]  # type: ignore[list-item]
    ids = [row.get("id") for row in rows]
    plain_insert = state.is_insert and getattr(state.statement, "_post_values_clause", None) is None
    if not plain_insert or None in ids:
        raise OutboxBypassed(f"a bulk statement on {table.name} would bypass the sync outbox; change records instead")
    result = state.invoke_statement()
    query = select(table).where(table.c.id.in_(ids))
    added = [dict(row) for row in state.session.connection().execute(query).mappings()]
    queue(
        state.session,
        [
            outbox_row(table.name, row["id"], ChangeKind.EDIT, whole_record(table, row))
            for row in added
            if not withheld(state.session, table, row)
        ],
    )
    return result


def queue(session: Session, changes: list[dict[str, Any]], made_at: datetime | None = None) -> None:
    """Writes outbox rows, each on the portal version its record was last seen at, in the session's transaction."""
    if not changes:
        return
    bases = _base_versions(session, [change["record_id"] for change in changes])
    stamp = made_at or utcnow()
    for change in changes:
        change["base_version"] = bases.get(change["record_id"], 0)
        change["made_at"] = stamp
    session.connection().execute(insert(outbox_table()), changes)


def whole_record(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """Every shareable field of a record, as a new record travels."""
    hidden = privacy.private_columns(table) | LOCAL_LABELS
    return {name: jsonable(value) for name, value in row.items() if name not in hidden}


def _capture_flush(session: Session, _flush: UOWTransaction) -> None:
    if not capturing(session):
        return
    removed = set(session.deleted)
    states = [
        inspect(record)
        for record in (*session.new, *session.dirty, *removed)
        if isinstance(record, Synced) and record.__table__.name in synced_tables()  # type: ignore[attr-defined]
    ]
    queue(session, [change for state in states for change in _change_of(session, state, state.obj() in removed)])


def _change_of(session: Session, state: InstanceState[Any], removed: bool) -> list[dict[str, Any]]:
    """The outbox rows for one flushed record: none when the portal must hear nothing of it.

    A record changing between private and shared takes what hangs off it along: withdrawn with it, or sent again.
    """
    table: Table = state.mapper.local_table  # type: ignore[assignment]
    record_id = state.dict["id"]
    was_shared = not state.pending and not withheld(session, table, _values(state, before=True))
    if withheld(session, table, _values(state, before=False)):
        if not was_shared:
            return []
        return [outbox_row(table.name, record_id, ChangeKind.WITHDRAW, {}), *_descendants(session, table, record_id)]
    fields = {"deleted": True} if removed else _shareable_values(state, table, changed_only=was_shared)
    rows = [outbox_row(table.name, record_id, ChangeKind.EDIT, fields)] if fields else []
    if not was_shared and not state.pending:
        rows.extend(_descendants(session, table, record_id))
    return rows


def _descendants(
    session: Session, table: Table, record_id: str, seen: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Rows for the records hanging off one whose privacy changed: withdrawn if now withheld, else sent whole."""
    rows = []
    for child, column in _children(table.name):
        for found in session.connection().execute(select(child).where(child.c[column] == record_id)).mappings():
            record = dict(found)
            if record["id"] in seen:
                continue
            if withheld(session, child, record):
                rows.append(outbox_row(child.name, record["id"], ChangeKind.WITHDRAW, {}))
            else:
                rows.append(outbox_row(child.name, record["id"], ChangeKind.EDIT, whole_record(child, record)))
            rows.extend(_descendants(session, child, record["id"], seen | {record_id}))
    return rows


def outbox_row(table_name: str, record_id: str, kind: ChangeKind, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "table_name": table_name,
        "record_id": record_id,
        "kind": kind,
        "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
    }


def _shareable_values(state: InstanceState[Any], table: Table, *, changed_only: bool) -> dict[str, Any]:
    hidden = privacy.private_columns(table) | LOCAL_LABELS
    return {
        prop.columns[0].name: jsonable(state.dict.get(prop.key))
        for prop in state.mapper.column_attrs
        if prop.columns[0].name not in hidden and (not changed_only or state.attrs[prop.key].history.has_changes())
    }


def _values(state: InstanceState[Any], *, before: bool) -> dict[str, Any]:
    """The record's privacy flag and references by column name, as they are now or were before this edit."""
    table: Table = state.mapper.local_table  # type: ignore[assignment]
    names = ["is_private", *(column for column, _target in references_to_private(table.name))]
    values = {}
    for prop in state.mapper.column_attrs:
        name = prop.columns[0].name
        if name not in names:
            continue
        history = state.attrs[prop.key].history
        values[name] = history.deleted[0] if before and history.deleted else state.dict.get(prop.key)
    return values


def withheld(session: Session, table: Table, values: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
    """Private, or hanging (through any chain of references, `seen` guarding against loops) off a private record."""
    if values.get("is_private"):
        return True
    for column, target_table in references_to_private(table.name):
        target_id = values.get(column)
        if target_id is None or target_id in seen:
            continue
        target = session.get(model_of(target_table), target_id)
        if target is None:
            continue
        parent = _values(inspect(target), before=False)
        if withheld(session, Base.metadata.tables[target_table], parent, seen | {target_id}):
            return True
    return False


def _base_versions(session: Session, record_ids: Iterable[str]) -> dict[str, int]:
    query = select(SyncRecord.record_id, SyncRecord.version).where(SyncRecord.record_id.in_(set(record_ids)))
    return {row.record_id: row.version for row in session.connection().execute(query)}


@cache
def synced_tables() -> frozenset[str]:
    return frozenset(t.name for t in privacy.shareable_tables())


@cache
def references_to_private(table_name: str) -> list[tuple[str, str]]:
    return privacy.references_to_private(Base.metadata.tables[table_name])


@cache
def _children(table_name: str) -> list[tuple[Table, str]]:
    """(table, column) of each reference to this table through which privacy passes."""
    return [
        (child, column)
        for child in privacy.shareable_tables()
        for column, target in references_to_private(child.name)
        if target == table_name
    ]


def outbox_table() -> Table:
    return Base.metadata.tables[OutboxChange.__tablename__]


@cache
def model_of(table_name: str) -> type[Base]:
    models: dict[str, type[Base]] = {
        getattr(mapper.class_, "__tablename__", ""): mapper.class_ for mapper in Base.registry.mappers
    }
    return models[table_name]
