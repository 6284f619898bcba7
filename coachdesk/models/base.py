"""The declarative base and the columns every synced record carries.

Every record that may one day travel to the Coaching Portal has a client-made UUID, so two offline devices never
mint the same key, plus created/updated stamps and a soft-delete flag, so a deletion can be synced like an edit.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Enum, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PRIVATE: dict[str, Any] = {"private": True}
"""Column `info` for content that is the manager's alone and never leaves the device."""


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC, because SQLite stores no zone and every stamp in the notebook is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(enum_type: type[enum.Enum], **kwargs: Any) -> Any:
    """Stores an enum by its value as plain text, so the file stays readable by any SQLite tool."""
    return mapped_column(
        Enum(
            enum_type,
            native_enum=False,
            create_constraint=False,
            length=20,
            values_callable=lambda members: [m.value for m in members],
            validate_strings=True,
        ),
        **kwargs,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Mixin for records that carry identity and history fit for sync."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted: Mapped[bool] = mapped_column(default=False)


class Privatable:
    """Mixin for records the manager may mark private as a whole."""

    is_private: Mapped[bool] = mapped_column(default=False)
