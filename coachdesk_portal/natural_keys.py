"""Natural keys on the portal: two records of one notebook never hold the same one (docs/sync-protocol.md, section 2).

A notebook refuses two KPI values for one person, KPI and period (and likewise a person's employee id, a session
kind's key, one acknowledgement per entry and agent…), deleted or not. Two offline devices can still each make one
under their own id. The portal keeps every held key as a hash, and a second record arriving with a held key is
folded into the record that holds it: its id becomes an alias of that record, so whatever the device sends under
it later, or refers to it by, lands on the one record every device has.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Index, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from coachdesk.models import Base
from coachdesk.services import privacy
from coachdesk.sync.keys import natural_keys
from coachdesk_portal.store import PortalBase


class PortalKey(PortalBase):
    """A natural key a record holds: the SHA-256 of its columns and values, never the values themselves."""

    __tablename__ = "portal_keys"
    __table_args__ = (Index("ix_portal_keys_record", "scope", "record_id"),)

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36))


class PortalAlias(PortalBase):
    """A duplicate's id, pointing for good at the record that held its natural key first."""

    __tablename__ = "portal_aliases"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    existing_id: Mapped[str] = mapped_column(String(36))


@cache
def reference_columns(table: str) -> frozenset[str]:
    return frozenset(fk.parent.name for fk in Base.metadata.tables[table].foreign_keys)


@cache
def tables_with_keys() -> frozenset[str]:
    return frozenset(table.name for table in privacy.shareable_tables() if natural_keys(table.name))


def key_hashes(table: str, values: Mapping[str, Any], only: frozenset[str] | None = None) -> Iterator[str]:
    """A hash per natural key the values fill in whole (a key with a null in it is no key, as in SQL).

    With `only`, just the keys made of at least one of those columns.
    """
    for columns in natural_keys(table):
        if only is not None and not only & set(columns):
            continue
        parts = [values.get(column) for column in columns]
        if None in parts:
            continue
        text = json.dumps([table, columns, parts], sort_keys=True, ensure_ascii=False)
        yield hashlib.sha256(text.encode()).hexdigest()


def holder_of(
    session: Session, scope: str, table: str, values: Mapping[str, Any], only: frozenset[str] | None = None
) -> str | None:
    """The record already holding one of the natural keys these values fill in, if any."""
    if table not in tables_with_keys():
        return None
    hashes = list(key_hashes(table, values, only))
    if not hashes:
        return None
    query = select(PortalKey.record_id).where(
        PortalKey.scope == scope, PortalKey.table_name == table, PortalKey.key.in_(hashes)
    )
    found: str | None = session.scalar(query.limit(1))
    return found


def hold_keys(session: Session, scope: str, table: str, record_id: str, values: Mapping[str, Any]) -> None:
    """Makes the record's held keys those of its current values."""
    if table not in tables_with_keys():
        return
    session.execute(delete(PortalKey).where(PortalKey.scope == scope, PortalKey.record_id == record_id))
    session.add_all(
        PortalKey(scope=scope, table_name=table, key=key, record_id=record_id) for key in key_hashes(table, values)
    )


@dataclass
class Aliases:
    """A scope's duplicate ids and the records they were folded into, read once per push."""

    scope: str
    existing: dict[str, str]

    @classmethod
    def of(cls, session: Session, scope: str) -> Aliases:
        rows = session.execute(select(PortalAlias.record_id, PortalAlias.existing_id).where(PortalAlias.scope == scope))
        return cls(scope, dict(rows.all()))

    def resolve(self, record_id: str) -> str:
        return self.existing.get(record_id, record_id)

    def names_of(self, record_id: str) -> set[str]:
        """The record's id and those of the duplicates folded into it."""
        return {record_id, *(duplicate for duplicate, existing in self.existing.items() if existing == record_id)}

    def references_resolved(self, table: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The fields with every reference to a duplicate turned to the record it was folded into."""
        references = reference_columns(table)
        return {
            name: self.existing.get(value, value) if name in references and isinstance(value, str) else value
            for name, value in fields.items()
        }

    def fold(self, session: Session, duplicate_id: str, existing_id: str) -> None:
        session.add(PortalAlias(scope=self.scope, record_id=duplicate_id, existing_id=existing_id))
        self.existing[duplicate_id] = existing_id
