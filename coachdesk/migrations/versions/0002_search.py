"""Full-text search over the notebook, kept in step by triggers.

Triggers run inside the very statement that changes a row, so the index can never drift from the data, whatever
path wrote it. `search_keys` gives each searchable record a stable integer document id: FTS5 needs one, and a
table's own rowid may change on VACUUM when its key is a UUID.

Revision ID: 0002_search
Revises: 0001_core
Create Date: 2026-11-23 09:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search"
down_revision: str | None = "0001_core"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHABLE = {
    "log_entries": (
        "log_entry",
        ("what_happened", "performance_notes", "agent_view", "barriers", "next_steps", "private_notes"),
    ),
    "agenda_items": ("agenda_item", ("text", "notes")),
    "development_plans": ("plan", ("title", "training_needs")),
    "plan_goals": ("goal", ("title", "notes")),
    "plan_steps": ("step", ("text",)),
    "plan_barriers": ("barrier", ("text",)),
    "commitments": ("commitment", ("text", "follow_up_note")),
    "recognition": ("recognition", ("reason", "behaviour")),
    "people": ("person", ("full_name", "role", "employee_id", "email", "notes")),
    "amendments": ("amendment", ("new_value", "reason")),
    "acknowledgements": ("acknowledgement", ("comment",)),
    "mentorships": ("mentorship", ("scope", "goals")),
}


def _document(columns: Sequence[str]) -> str:
    return " || char(10) || ".join(f"coalesce(new.{column}, '')" for column in columns)


def _forget() -> str:
    return (
        "DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_keys WHERE record_id = old.id);\n"
        "    DELETE FROM search_keys WHERE record_id = old.id;"
    )


def _remember(kind: str, columns: Sequence[str]) -> str:
    return (
        f"INSERT INTO search_keys (record_id, kind) SELECT new.id, '{kind}' WHERE new.deleted = 0;\n"
        f"    INSERT INTO search_index (rowid, body) SELECT doc, {_document(columns)}\n"
        "        FROM search_keys WHERE record_id = new.id AND new.deleted = 0;"
    )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_keys (doc INTEGER PRIMARY KEY, record_id VARCHAR(36) NOT NULL UNIQUE, "
        "kind VARCHAR(20) NOT NULL)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for table, (kind, columns) in SEARCHABLE.items():
        watched = ", ".join((*columns, "deleted"))
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN\n    {_remember(kind, columns)}\nEND"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {watched} ON {table} BEGIN\n"
            f"    {_forget()}\n    {_remember(kind, columns)}\nEND"
        )
        op.execute(f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN\n    {_forget()}\nEND")
        op.execute(f"INSERT INTO search_keys (record_id, kind) SELECT id, '{kind}' FROM {table} WHERE deleted = 0")
        document = _document(columns).replace("new.", "t.")
        op.execute(
            f"INSERT INTO search_index (rowid, body) SELECT k.doc, {document} "
            f"FROM {table} AS t JOIN search_keys AS k ON k.record_id = t.id WHERE t.deleted = 0"
        )


def downgrade() -> None:
    for table in SEARCHABLE:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER search_{table}_{event}")
    op.execute("DROP TABLE search_index")
    op.execute("DROP TABLE search_keys")
