"""Natural keys and resync: the keys each record holds (as hashes) and the ids folded into another record, so two
devices making one key under two ids end with one record; and how far the feed was forgotten, so an older cursor
is told to resync rather than silently skipping changes.

Revision ID: 0002_natural_keys
Revises: 0001_portal
Create Date: 2026-11-23 17:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_natural_keys"
down_revision: str | None = "0001_portal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("portal_scopes", sa.Column("forgotten_through", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "portal_keys",
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("scope", "table_name", "key"),
    )
    op.create_index("ix_portal_keys_record", "portal_keys", ["scope", "record_id"], unique=False)
    op.create_table(
        "portal_aliases",
        sa.Column("scope", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("existing_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("scope", "record_id"),
    )


def downgrade() -> None:
    op.drop_table("portal_aliases")
    op.drop_index("ix_portal_keys_record", table_name="portal_keys")
    op.drop_table("portal_keys")
    op.drop_column("portal_scopes", "forgotten_through")
