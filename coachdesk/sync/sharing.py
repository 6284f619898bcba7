"""What the portal receives at each sharing level, applied as changes are sent (the outbox keeps them whole).

"Aggregate only" is for organisations where managers' notes stay with them: the portal gets what the coaching
tracker counts (who, when, how long, which kind, what status, which figures) and no free text of any kind.
Free text is every `Text` column, so a note column added later is withheld at this level the day it is declared.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, Text

from coachdesk.models import SharingLevel

AGGREGATE_TABLES = frozenset(
    {
        "people",
        "teams",
        "session_kinds",
        "log_entries",
        "log_entry_agents",
        "one_on_one_series",
        "meetings",
        "commitments",
        "kpis",
        "kpi_targets",
        "kpi_values",
    }
)


def shared_fields(table: Table, fields: dict[str, Any], level: SharingLevel) -> dict[str, Any] | None:
    """The fields sent for one change at this level; None when the record is not sent at all."""
    if level is SharingLevel.EVERYTHING_BUT_PRIVATE:
        return fields
    if table.name not in AGGREGATE_TABLES:
        return None
    return {name: value for name, value in fields.items() if not isinstance(table.c[name].type, Text)}
