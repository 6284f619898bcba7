"""Sync with the Coaching Portal: enrollment, the outbox of local changes, base versions and conflict copies.

The tables start empty: a notebook is not enrolled until the user enrolls it, and enrolling queues what exists.

Revision ID: 0004_sync_outbox
Revises: 0003_meeting_goals
Create Date: 2026-11-23 14:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_sync_outbox"
down_revision: str | None = "0003_meeting_goals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("portal_url", sa.String(length=400), nullable=False),
        sa.Column("server_id", sa.String(length=36), nullable=False),
        sa.Column("sharing", sa.Enum("everything", "aggregate", native_enum=False, length=20), nullable=False),
        sa.Column("cursor", sa.String(length=200), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_synced_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("slot = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_records",
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_sync_records")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.Enum("edit", "withdraw", native_enum=False, length=20), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_outbox_change_id")),
    )
    op.create_index(op.f("ix_sync_outbox_record_id"), "sync_outbox", ["record_id"])
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(op.f("ix_sync_conflicts_record_id"), "sync_conflicts", ["record_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_conflicts_record_id"), table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index(op.f("ix_sync_outbox_record_id"), table_name="sync_outbox")
    op.drop_table("sync_outbox")
    op.drop_table("sync_records")
    op.drop_table("sync_state")
