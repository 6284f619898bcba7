"""Changing the notebook's sharing level at any time, with the portal brought in line by the next sync.

The level is applied as changes are sent, so the outbox needs no rewriting; what the portal already holds is
another matter. Lowering to aggregate-only queues, for each shared record, a withdrawal naming its free-text
fields, so the portal erases them from the record, its feed and its history. Raising back to everything queues
those fields again, and records of the tables the aggregate level leaves out whole (docs/sync-protocol.md §10).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import ChangeKind, SharingLevel
from coachdesk.services import privacy
from coachdesk.services.jsonable import jsonable
from coachdesk.sync.capture import outbox_row, queue, whole_record, withheld
from coachdesk.sync.run import enrollment
from coachdesk.sync.sharing import AGGREGATE_TABLES, free_text_columns


def set_sharing_level(notebook: Notebook, level: SharingLevel) -> int:
    """Saves the level and queues what the portal needs to match it; returns how many changes were queued."""
    with notebook.write(capture_changes=False) as session:
        state = enrollment(session)
        if state.sharing is level:
            return 0
        changes = text_withdrawals(session) if level is SharingLevel.AGGREGATE_ONLY else text_again(session)
        queue(session, changes)
        state.sharing = level
        return len(changes)


def sharing_level(notebook: Notebook) -> SharingLevel:
    with notebook.read() as session:
        return enrollment(session).sharing


def text_withdrawals(session: Session) -> list[dict[str, Any]]:
    """A withdrawal of the free text of every record that may have been shared, deleted ones included."""
    changes = []
    for table in privacy.shareable_tables():
        texts = free_text_columns(table)
        if not texts:
            continue
        for found in session.execute(select(table)).mappings():
            row = dict(found)
            if not withheld(session, table, row):
                changes.append(outbox_row(table.name, row["id"], ChangeKind.WITHDRAW, dict.fromkeys(texts)))
    return changes


def text_again(session: Session) -> list[dict[str, Any]]:
    """Each live shared record's free text, and whole the records the aggregate level did not send at all."""
    changes = []
    for table, rows in privacy.shareable_rows(session):
        texts = free_text_columns(table)
        if table.name not in AGGREGATE_TABLES:
            changes += [outbox_row(table.name, row["id"], ChangeKind.EDIT, whole_record(table, row)) for row in rows]
        elif texts:
            changes += [
                outbox_row(table.name, row["id"], ChangeKind.EDIT, {name: jsonable(row[name]) for name in texts})
                for row in rows
            ]
    return changes
