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
