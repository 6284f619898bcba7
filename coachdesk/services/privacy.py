"""What may leave the device: private fields dropped, private records withheld with everything that hangs off them.

The rule is read from the model itself (`PRIVATE` column info and the `is_private` flag), so a new private field
is withheld from exports, review packs and sync the moment it is declared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coachdesk.models import Base

LOCAL_ONLY_TABLES = frozenset({"settings", "sync_state", "sync_records", "sync_outbox", "sync_conflicts"})


def private_columns(table: Table) -> frozenset[str]:
    return frozenset(c.name for c in table.columns if c.info.get("private"))


def shareable_tables() -> list[Table]:
    """Every table of records, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in LOCAL_ONLY_TABLES]


def private_records_tables() -> frozenset[str]:
    """Tables whose records may be private as a whole (the `is_private` flag)."""
    return frozenset(t.name for t in shareable_tables() if "is_private" in t.columns)


def references_to_private(table: Table) -> list[tuple[str, str]]:
    """(column, table) of each reference that may lead to a private record, directly or through other records.

    A record is withheld with anything private it hangs off; references that can never reach one need no look-up.
    """
    reaching = set(private_records_tables())
    tables = shareable_tables()
    while grown := {
        t.name
        for t in tables
        if t.name not in reaching and any(fk.column.table.name in reaching for fk in t.foreign_keys)
    }:
        reaching |= grown
    return [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys if fk.column.table.name in reaching]


def shareable_rows(session: Session, *, include_private: bool = False) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """Live rows of each table as plain dicts, without private content unless the manager asked for it."""
    withheld: set[str] = set()
    for table in shareable_tables():
        rows = [dict(row) for row in session.execute(select(table)).mappings()]
        references = [
            (fk.parent.name, fk.column.table.name) for fk in table.foreign_keys if fk.column.table.name != "settings"
        ]
        kept = rows
        while dropped := [r for r in kept if _withheld(r, references, withheld, include_private)]:
            withheld.update(r["id"] for r in dropped)
            kept = [r for r in kept if r["id"] not in withheld]
        hidden = set() if include_private else private_columns(table)
        yield table, [{k: v for k, v in row.items() if k not in hidden} for row in kept]


def _withheld(
    row: dict[str, Any], references: list[tuple[str, str]], withheld: set[str], include_private: bool
) -> bool:
    if row.get("deleted"):
        return True
    if row.get("is_private") and not include_private:
        return True
    return any(row.get(column) in withheld for column, _target in references)
