"""What the portal receives at each sharing level, applied as changes are sent (the outbox keeps them whole).

"Aggregate only" is for organisations where managers' notes stay with them: the portal gets what the coaching
tracker counts (who, when, how long, which kind, what status, which figures) and no free text of any kind.
Free text is every `Text` column, so a note column added later is withheld at this level the day it is declared.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, Text

from coachdesk.models import ChangeKind, SharingLevel
from coachdesk.services import privacy

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


def shared_fields(
    table: Table, fields: dict[str, Any], level: SharingLevel, kind: ChangeKind = ChangeKind.EDIT
) -> dict[str, Any] | None:
    """The fields sent for one change at this level; None when the record is not sent at all.

    A withdrawal is sent as it is at every level: it carries no content, only which content the portal must erase.
    """
    if level is SharingLevel.EVERYTHING_BUT_PRIVATE or kind is ChangeKind.WITHDRAW:
        return fields
    if table.name not in AGGREGATE_TABLES:
        return None
    return {name: value for name, value in fields.items() if not isinstance(table.c[name].type, Text)}


def free_text_columns(table: Table) -> list[str]:
    """The shareable columns the aggregate level keeps home: notes, descriptions, what was said."""
    private = privacy.private_columns(table)
    return [c.name for c in table.columns if isinstance(c.type, Text) and c.name not in private]
