"""What leaves this laptop: the records and fields the portal would receive, shown before they are sent.

Once enrolled, the preview is the outbox put through the very function the push uses (`run.wire_changes`) at the
chosen level, so it cannot disagree with what is sent. Before enrollment it is what enrolling would queue (every
live shareable record, whole) put through the same function. Private notes and private records are never in it:
they are never queued; the preview only counts them, so the person sees they stay here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.models import Base, ChangeKind, SharingLevel, SyncState, utcnow
from coachdesk.services import privacy
from coachdesk.sync.capture import whole_record
from coachdesk.sync.outbox import PendingChange, pending_changes
from coachdesk.sync.run import wire_changes
from coachdesk.sync.words import describe_record, field_label, table_words, value_words

EXAMPLES = 3
"""Example records shown per table: enough to recognise them, few enough to read."""

LEVEL_WORDS = {
    SharingLevel.EVERYTHING_BUT_PRIVATE: (
        "Everything but private",
        "Your senior leaders see your sessions, commitments, plans and notes as you write them. Private notes "
        "and entries you mark private never leave this laptop.",
    ),
    SharingLevel.AGGREGATE_ONLY: (
        "Counts and dates only",
        "The portal gets what the coaching tracker counts — who was coached, when, for how long, which kind, "
        "commitments' due dates and statuses, KPI figures — and no text you wrote: notes stay with you.",
    ),
}


@dataclass(frozen=True)
class Example:
    record: str
    values: tuple[tuple[str, str], ...]
    """(field in words, value in words) as sent; empty when the record's content is withdrawn."""


@dataclass(frozen=True)
class TableOutgoing:
    table: str
    words: str
    record_ids: frozenset[str]
    fields: tuple[str, ...]
    """Column names whose values are sent for at least one record, in the table's order."""
    labels: tuple[str, ...]
    erased: tuple[str, ...]
    """Column names the portal is told to erase (a withdrawal); a whole-record withdrawal names none."""
    erased_labels: tuple[str, ...]
    kept_labels: tuple[str, ...]
    """Fields of these records the sharing level keeps here."""
    withdrawn: int
    """Records whose content (some fields, or all) the portal is told to erase."""
    examples: tuple[Example, ...]

    @property
    def count(self) -> int:
        return len(self.record_ids)


@dataclass(frozen=True)
class Outgoing:
    level: SharingLevel
    enrolled: bool
    tables: tuple[TableOutgoing, ...]
    kept_home: int
    """Records with changes the sharing level keeps here entirely (their whole table is left out)."""
    kept_kinds: tuple[str, ...]
    """The kinds of those records, in words."""
    private_records: int
    private_notes: int

    @property
    def record_count(self) -> int:
        return sum(table.count for table in self.tables)

    def summary(self) -> str:
        if self.tables:
            records = records_words(self.record_count)
            sent = (
                f"The next sync sends {records} to the portal."
                if self.enrolled
                else (f"Enrolling sends {records} to the portal, then each edit as you make it.")
            )
        elif self.enrolled:
            sent = "Nothing is waiting to be sent: the portal has everything it should."
        else:
            sent = "This notebook has nothing to send yet: enrolling sends only what you add from then on."
        if self.kept_home:
            stay = "stays" if self.kept_home == 1 else "stay"
            sent += f" At this level {records_words(self.kept_home)} {stay} here: {', '.join(self.kept_kinds)}."
        return sent

    def private_line(self) -> str:
        parts = []
        if self.private_records:
            parts.append(f"{self.private_records:,} private record{'s' if self.private_records != 1 else ''}")
        if self.private_notes:
            parts.append(f"{self.private_notes:,} private note{'s' if self.private_notes != 1 else ''}")
        if not parts:
            return "Nothing here is private. Private notes and entries you mark private would stay on this laptop."
        one = self.private_records + self.private_notes == 1
        stays, are = ("stays", "is") if one else ("stay", "are")
        return f"{' and '.join(parts)} {stays} on this laptop and {are} never sent."


def records_words(count: int) -> str:
    return f"{count:,} record{'s' if count != 1 else ''}"


def what_leaves(notebook: Notebook, level: SharingLevel | None = None) -> Outgoing:
    """What the portal would receive at `level` (the notebook's own level when enrolled, else everything)."""
    with notebook.read() as session:
        state = session.get(SyncState, 1)
        chosen = level or (state.sharing if state is not None else SharingLevel.EVERYTHING_BUT_PRIVATE)
        shared = list(privacy.shareable_rows(session))
        changes = pending_changes(session) if state is not None else enrollment_changes(shared)
        sent, kept = wire_changes(changes, chosen)
        tables = tuple(
            table_outgoing(session, name, [c for c in sent if c["table"] == name], changes) for name in order(sent)
        )
        kept_ids = set(kept)
        sent_ids = {c["record_id"] for c in sent}
        kept_home = {c.record_id: c.table for c in changes if c.change_id in kept_ids and c.record_id not in sent_ids}
        kinds = tuple(table_words(t.name) for t in privacy.shareable_tables() if t.name in set(kept_home.values()))
        private_records, private_notes = private_counts(session, shared)
        return Outgoing(chosen, state is not None, tables, len(kept_home), kinds, private_records, private_notes)


def enrollment_changes(shared: Sequence[tuple[Table, list[dict[str, Any]]]]) -> list[PendingChange]:
    """What enrolling would queue (`outbox.queue_everything`): every live shareable record, whole, on base 0."""
    now = utcnow()
    return [
        PendingChange(row["id"], table.name, row["id"], ChangeKind.EDIT, 0, whole_record(table, row), now)
        for table, rows in shared
        for row in rows
    ]


def order(sent: Sequence[dict[str, Any]]) -> list[str]:
    """Tables in the order the notebook lists them: parents first, as a person would read them."""
    names = {change["table"] for change in sent}
    return [table.name for table in privacy.shareable_tables() if table.name in names]


def table_outgoing(
    session: Session, name: str, sent: Sequence[dict[str, Any]], queued: Sequence[PendingChange]
) -> TableOutgoing:
    table = Base.metadata.tables[name]
    edited = in_table_order(table, {f for c in sent if c["kind"] == ChangeKind.EDIT.value for f in c["fields"]})
    erased = in_table_order(table, {f for c in sent if c["kind"] == ChangeKind.WITHDRAW.value for f in c["fields"]})
    ids = {change["record_id"] for change in sent}
    queued_names = {field for change in queued if change.record_id in ids for field in change.fields}
    kept = in_table_order(table, queued_names - set(edited) - set(erased))
    last: dict[str, dict[str, Any]] = {change["record_id"]: change for change in sent}
    examples = tuple(example(session, table, change) for change in list(last.values())[:EXAMPLES])
    return TableOutgoing(
        name,
        table_words(name),
        frozenset(ids),
        edited,
        labels_of(name, edited),
        erased,
        labels_of(name, erased),
        labels_of(name, kept),
        sum(change["kind"] == ChangeKind.WITHDRAW.value for change in sent),
        examples,
    )


def in_table_order(table: Table, names: set[str]) -> tuple[str, ...]:
    return tuple(column.name for column in table.columns if column.name in names)


def labels_of(table_name: str, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(field_label(table_name, name) for name in names)


def example(session: Session, table: Table, change: dict[str, Any]) -> Example:
    record = describe_record(session, table.name, change["record_id"]) or "A record no longer here"
    if change["kind"] == ChangeKind.WITHDRAW.value:
        erased = ", ".join(field_label(table.name, name) for name in change["fields"]) or "everything"
        return Example(f"{record} — the portal erases: {erased}", ())
    values = tuple(
        (field_label(table.name, name), value_words(session, table, name, value))
        for name, value in change["fields"].items()
        if name not in {"id", "created_at", "deleted"}
    )
    return Example(record, values)


def private_counts(session: Session, shared: Sequence[tuple[Table, list[dict[str, Any]]]]) -> tuple[int, int]:
    """(live records withheld as private or hanging off one, filled private notes of shared records)."""
    records = notes = 0
    for table, rows in shared:
        ids = {row["id"] for row in rows}
        live = set(session.scalars(select(table.c.id).where(table.c.deleted.is_(False))))
        records += len(live - ids)
        for column in privacy.private_columns(table):
            filled = select(table.c.id).where(table.c.deleted.is_(False), table.c[column] != "")
            notes += sum(record_id in ids for record_id in session.scalars(filled))
    return records, notes
