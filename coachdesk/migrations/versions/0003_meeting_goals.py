"""The plan goals a one-on-one worked on, ticked during the meeting and kept with it until it ends.

Revision ID: 0003_meeting_goals
Revises: 0002_search
Create Date: 2026-11-23 14:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_meeting_goals"
down_revision: str | None = "0002_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_goals",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["plan_goals.id"], name=op.f("fk_meeting_goals_goal_id_plan_goals")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_goals_meeting_id_meetings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_goals")),
        sa.UniqueConstraint("meeting_id", "goal_id", name=op.f("uq_meeting_goals_meeting_id_goal_id")),
    )


def downgrade() -> None:
    op.drop_table("meeting_goals")
