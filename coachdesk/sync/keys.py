"""Natural keys: what a notebook holds unique in a table besides the id, read from the models' unique constraints.

Two offline devices can each make a record with the same natural key under their own ids (a KPI value for one
person, KPI and week); both sides of sync use these to fold one into the other (docs/sync-protocol.md, section 2).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import UniqueConstraint

from coachdesk.models import Base


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
