"""The notebook's side of sync with the Coaching Portal: enrollment, the outbox, base versions, conflict copies.

None of these tables ever leaves the device, and none is `Synced`: they describe the sync, they are not synced.
docs/sync-protocol.md says how they are used.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, enum_column, new_id


class SharingLevel(enum.StrEnum):
    EVERYTHING_BUT_PRIVATE = "everything"
    AGGREGATE_ONLY = "aggregate"


class ChangeKind(enum.StrEnum):
    EDIT = "edit"
    """Fields set on a record; a record the portal has never seen is an edit on base version 0."""
    WITHDRAW = "withdraw"
    """The record became private (or hangs off one that did): the portal forgets its content."""


class SyncState(Base):
    """The notebook's enrollment; no row means sync is off, and then nothing is captured at all."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("slot = 1", name="single_row"),)

    slot: Mapped[int] = mapped_column(primary_key=True, default=1)
    device_id: Mapped[str] = mapped_column(String(36))
    portal_url: Mapped[str] = mapped_column(String(400))
    server_id: Mapped[str] = mapped_column(String(36), doc="The portal's identity; a change means stop.")
    sharing: Mapped[SharingLevel] = enum_column(SharingLevel, default=SharingLevel.EVERYTHING_BUT_PRIVATE)
    cursor: Mapped[str] = mapped_column(String(200), default="", doc="Opaque, issued by the portal.")
    enrolled_at: Mapped[datetime]
    last_synced_at: Mapped[datetime | None]


class SyncRecord(Base):
    """The portal's version of each record as last applied here: the base version of the next local change."""

    __tablename__ = "sync_records"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60))
    version: Mapped[int]


class OutboxChange(Base):
    """One local change waiting for the portal's answer; written in the edit's own transaction, never rewritten."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[ChangeKind] = enum_column(ChangeKind, default=ChangeKind.EDIT)
    base_version: Mapped[int] = mapped_column(default=0)
    fields: Mapped[str] = mapped_column(Text, default="{}", doc="JSON: each changed shareable field's new value.")
    made_at: Mapped[datetime]


class ConflictCopy(Base):
    """A value that lost its place to another device's edit of the same field, kept for "Needs review"."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str] = mapped_column(Text, doc="JSON.")
    other_value: Mapped[str] = mapped_column(Text, doc="JSON.")
    found_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
