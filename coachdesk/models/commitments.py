"""Commitments: the next steps both sides promised, and whether they kept them."""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Privatable, Synced, enum_column


class CommitmentStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    MISSED = "missed"
    DROPPED = "dropped"


class Commitment(Synced, Privatable, Base):
    """An action item owned by an agent or by their manager.

    `coachee_id` is the person whose coaching the commitment belongs to, so a manager's promise to an agent
    counts in that agent's two-sided ledger.
    """

    __tablename__ = "commitments"
    __table_args__ = (
        Index("ix_commitments_status_coachee_id", "status", "coachee_id"),
        Index("ix_commitments_status_owner_id", "status", "owner_id"),
    )

    owner_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    coachee_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None]
    status: Mapped[CommitmentStatus] = enum_column(CommitmentStatus, default=CommitmentStatus.OPEN)
    resolved_on: Mapped[date | None]
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    source_entry_id: Mapped[str | None] = mapped_column(ForeignKey("log_entries.id"), index=True)
    source_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    followed_up_entry_id: Mapped[str | None] = mapped_column(ForeignKey("log_entries.id"))
    followed_up_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
    origin: Mapped[str] = mapped_column(String(20), default="session", doc="session, meeting or manual.")
