"""Mentor–mentee pairings; a manager can be a mentor and a mentee at once."""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Synced, enum_column


class MentorshipStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    ENDED = "ended"


class Mentorship(Synced, Base):
    __tablename__ = "mentorships"

    mentor_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    mentee_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    status: Mapped[MentorshipStatus] = enum_column(MentorshipStatus, default=MentorshipStatus.ACTIVE)
    scope: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
