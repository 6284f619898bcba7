"""Needs review: the values that lost their place in a sync, in words, and the person's decision about each.

A conflict copy is the value one device wrote into a field another device had changed first (the portal's value is
in place). Taking the other value, or writing a third, is an ordinary edit of the record made in an ordinary write,
so the outbox captures it and the next push carries it to the portal and the other devices; the copy is marked
resolved in that same transaction, so a crash never leaves a decision half made. A change the portal rejected as a
whole (field `*`) is set aside or sent again as a new change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Enum, String, Table, func, inspect, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.models import Base, ChangeKind, ConflictCopy, SyncState, utcnow
from coachdesk.sync.capture import model_of, outbox_row, queue
from coachdesk.sync.run import REJECTED, from_json
from coachdesk.sync.words import day_words, describe_record, field_label, record_kind, shortened, value_words


class ReviewGone(CoachDeskError):
    """The copy cannot be resolved that way any more: already resolved, or its record deleted meanwhile."""

    code = "review_gone"


@dataclass(frozen=True)
class ReviewItem:
    copy_id: str
    record: str
    """The record in a sentence: "Session with Rania Haddad on 12 Nov 2026"."""
    field: str
    """The field in words ("What happened"), or "The whole change" for a change the portal rejected."""
    in_place: str
    """What the notebook holds now, in words; for a rejected change, the portal's reason."""
    other: str
    """The value that lost, in words; for a rejected change, what it would have set."""
    found_at: datetime
    rejected: bool
    writable: bool
    """Whether a third text may be written (a text field of a record still here)."""
    draft: str
    """The text in place, to start a third text from."""


def open_copies(notebook: Notebook) -> list[ReviewItem]:
    """Every unresolved copy, oldest first."""
    with notebook.read() as session:
        query = select(ConflictCopy).where(ConflictCopy.resolved_at.is_(None))
        copies = session.scalars(query.order_by(ConflictCopy.found_at, ConflictCopy.record_id, ConflictCopy.field))
        return [review_item(session, copy) for copy in copies]


def open_count(notebook: Notebook) -> int:
    with notebook.read() as session:
        query = select(func.count()).select_from(ConflictCopy).where(ConflictCopy.resolved_at.is_(None))
        return session.scalar(query) or 0


def review_item(session: Session, copy: ConflictCopy) -> ReviewItem:
    table = Base.metadata.tables[copy.table_name]
    record = describe_record(session, copy.table_name, copy.record_id)
    words = record or f"{record_kind(copy.table_name)} no longer in this notebook"
    kept, other = json.loads(copy.kept_value), json.loads(copy.other_value)
    if copy.field == REJECTED:
        reason = kept.get("message") or kept.get("reason") or "no reason given"
        return ReviewItem(
            copy.id,
            words,
            "The whole change",
            f"The portal refused it: {reason}",
            fields_words(session, table, other),
            copy.found_at,
            rejected=True,
            writable=False,
            draft="",
        )
    current = current_value(session, table, copy.record_id, copy.field)
    in_place = kept if current is None else current
    return ReviewItem(
        copy.id,
        words,
        field_label(copy.table_name, copy.field),
        value_words(session, table, copy.field, in_place),
        value_words(session, table, copy.field, other),
        copy.found_at,
        rejected=False,
        writable=record is not None and is_free_text(table, copy.field),
        draft=in_place if isinstance(in_place, str) else "",
    )


def fields_words(session: Session, table: Table, fields: dict[str, Any]) -> str:
    lines = [
        f"{field_label(table.name, name)}: {value_words(session, table, name, value)}" for name, value in fields.items()
    ]
    return "\n".join(lines) or "(no fields)"


def current_value(session: Session, table: Table, record_id: str, field: str) -> Any:
    """The field as the notebook holds it now, as it would travel; None when the record is gone."""
    if field not in table.c:
        return None
    found = session.execute(select(table.c[field]).where(table.c.id == record_id)).first()
    if found is None:
        return None
    value = found[0]
    return value.isoformat() if hasattr(value, "isoformat") else value


def is_free_text(table: Table, field: str) -> bool:
    if field not in table.c:
        return False
    column = table.c[field]
    return isinstance(column.type, String) and not isinstance(column.type, Enum) and not column.foreign_keys


def keep_in_place(notebook: Notebook, copy_id: str) -> str:
    """The value in place stays: nothing to send, the copy is set aside."""
    with notebook.write() as session:
        copy = unresolved(session, copy_id)
        copy.resolved_at = utcnow()
        return f"Kept what is in place in {field_label(copy.table_name, copy.field)}."


def take_other(notebook: Notebook, copy_id: str) -> str:
    """The other value replaces the one in place, as an edit the next sync sends everywhere."""
    with notebook.write() as session:
        copy = unresolved(session, copy_id)
        other = json.loads(copy.other_value)
        edit_field(session, copy, other)
        copy.resolved_at = utcnow()
        return f"Took the other value for {field_label(copy.table_name, copy.field)}."


def write_own(notebook: Notebook, copy_id: str, text: str) -> str:
    """A third text, written by the person, replaces both."""
    if not text.strip():
        raise ValidationError("Write the text to keep, or keep one of the two values as it is.", "text")
    with notebook.write() as session:
        copy = unresolved(session, copy_id)
        if not is_free_text(Base.metadata.tables[copy.table_name], copy.field):
            raise ValidationError("Only a text can be written here: keep one of the two values instead.", "text")
        edit_field(session, copy, text)
        copy.resolved_at = utcnow()
        return f"Saved your text for {field_label(copy.table_name, copy.field)}."


def dismiss(notebook: Notebook, copy_id: str) -> str:
    """A rejected change is set aside: the portal never gets it."""
    with notebook.write() as session:
        copy = unresolved(session, copy_id)
        copy.resolved_at = utcnow()
        return "Set the refused change aside; the portal will not get it."


def retry(notebook: Notebook, copy_id: str) -> str:
    """A rejected change goes back into the outbox as a new change, for the next sync to send again."""
    with notebook.write() as session:
        copy = unresolved(session, copy_id)
        if copy.field != REJECTED:
            raise ReviewGone("Only a change the portal refused can be sent again.")
        if session.get(SyncState, 1) is None:
            raise ReviewGone("This notebook is no longer enrolled with a Coaching Portal, so nothing can be sent.")
        queue(session, [outbox_row(copy.table_name, copy.record_id, ChangeKind.EDIT, json.loads(copy.other_value))])
        copy.resolved_at = utcnow()
        return "The change will be sent again at the next sync."


def unresolved(session: Session, copy_id: str) -> ConflictCopy:
    copy = session.get(ConflictCopy, copy_id)
    if copy is None:
        raise ReviewGone("That copy is no longer in this notebook.")
    if copy.resolved_at is not None:
        raise ReviewGone(f"That was already resolved on {day_words(copy.resolved_at.date())}; nothing more to do.")
    return copy


def edit_field(session: Session, copy: ConflictCopy, value: Any) -> None:
    """Sets one field of the record through the ORM, so the edit is captured like any other."""
    table = Base.metadata.tables[copy.table_name]
    record = session.get(model_of(copy.table_name), copy.record_id)
    described = describe_record(session, copy.table_name, copy.record_id)
    if record is None or (getattr(record, "deleted", False) and copy.field != "deleted"):
        what = described or f"The {record_kind(copy.table_name).lower()}"
        raise ReviewGone(
            f"{shortened(what)} was deleted since this copy was made, so there is nothing to change. "
            "Keep this to set the copy aside."
        )
    column = table.c[copy.field]
    typed = from_json(table, copy.field, value)
    if isinstance(column.type, Enum) and column.type.enum_class is not None:
        typed = column.type.enum_class(typed)
    key = inspect(type(record)).get_property_by_column(column).key
    setattr(record, key, typed)
