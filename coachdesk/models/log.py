"""The leader log: one entry per coaching or development session, and what hangs off it."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import PRIVATE, Base, Privatable, Synced

RATING_MIN, RATING_MAX = 1, 5


class SessionKind(Synced, Base):
    """An extensible list; built-in kinds carry fixed ids so every device agrees on them."""

    __tablename__ = "session_kinds"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    counts_toward_cadence: Mapped[bool] = mapped_column(default=True)
    builtin: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)


class LogEntry(Synced, Privatable, Base):
    __tablename__ = "log_entries"
    __table_args__ = (
        CheckConstraint(
            f"performance_rating IS NULL OR performance_rating BETWEEN {RATING_MIN} AND {RATING_MAX}",
            name="rating_range",
        ),
        CheckConstraint("duration_minutes >= 0", name="duration_not_negative"),
        Index("ix_log_entries_held_on", "held_on"),
        Index("ix_log_entries_coach_id_held_on", "coach_id", "held_on"),
    )

    coach_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    kind_id: Mapped[str] = mapped_column(ForeignKey("session_kinds.id"))
    held_on: Mapped[date]
    started_at: Mapped[time | None]
    duration_minutes: Mapped[int] = mapped_column(default=30)
    what_happened: Mapped[str] = mapped_column(Text, default="")
    performance_notes: Mapped[str] = mapped_column(Text, default="")
    performance_rating: Mapped[int | None]
    agent_view: Mapped[str] = mapped_column(Text, default="")
    barriers: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="", info=PRIVATE)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    mentorship_id: Mapped[str | None] = mapped_column(ForeignKey("mentorships.id"), index=True)
    template_id: Mapped[str | None] = mapped_column(ForeignKey("templates.id"))
    signed_off_at: Mapped[datetime | None]
    signed_off_by_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))


class LogEntryAgent(Synced, Base):
    """Who was coached: one row per agent, so group sessions count for each of them."""

    __tablename__ = "log_entry_agents"
    __table_args__ = (
        UniqueConstraint("entry_id", "agent_id"),
        Index("ix_log_entry_agents_agent_id", "agent_id"),
    )

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"))
    agent_id: Mapped[str] = mapped_column(ForeignKey("people.id"))


class SessionFocus(Synced, Base):
    """A skill or KPI the session worked on, with the target and when to check it ("adherence 85 % in 2 weeks")."""

    __tablename__ = "session_focuses"

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"), index=True)
    skill: Mapped[str] = mapped_column(String(120), default="")
    kpi_id: Mapped[str | None] = mapped_column(ForeignKey("kpis.id"), index=True)
    target_value: Mapped[float | None]
    target_text: Mapped[str] = mapped_column(String(200), default="")
    follow_up_on: Mapped[date | None]


class Acknowledgement(Synced, Base):
    """The agent's own acknowledgement of a session, captured on the manager's laptop."""

    __tablename__ = "acknowledgements"
    __table_args__ = (UniqueConstraint("entry_id", "agent_id"),)

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"))
    agent_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    acknowledged_at: Mapped[datetime]
    comment: Mapped[str] = mapped_column(Text, default="")


class SessionFeedback(Synced, Base):
    """The coached person's view of the session's quality: the coaching survey, and a mentee's feedback."""

    __tablename__ = "session_feedback"
    __table_args__ = (
        CheckConstraint(
            f"rating IS NULL OR rating BETWEEN {RATING_MIN} AND {RATING_MAX}", name="feedback_rating_range"
        ),
    )

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    rating: Mapped[int | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    given_at: Mapped[datetime]


class Amendment(Synced, Base):
    """A change to a signed-off entry, kept beside the original instead of over it."""

    __tablename__ = "amendments"

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"), index=True)
    field: Mapped[str] = mapped_column(String(60))
    original_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    amended_at: Mapped[datetime]
    author_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))


class LogEntryGoal(Synced, Base):
    """Links a session to the development-plan goal it worked on: the goal's evidence."""

    __tablename__ = "log_entry_goals"
    __table_args__ = (UniqueConstraint("entry_id", "goal_id"),)

    entry_id: Mapped[str] = mapped_column(ForeignKey("log_entries.id"))
    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goals.id"), index=True)
