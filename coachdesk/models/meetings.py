"""One-on-ones: a series per manager–report pair, its meetings and their agenda items."""

from __future__ import annotations

import enum
from datetime import datetime, time

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Privatable, Synced, enum_column


class Cadence(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    CUSTOM = "custom"


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    HELD = "held"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    MISSED = "missed"


class AgendaSource(enum.StrEnum):
    TALKING_POINT = "talking_point"
    CARRIED_OVER = "carried_over"
    COMMITMENT = "commitment"
    PLAN_STEP = "plan_step"
    KPI = "kpi"
    RECOGNITION = "recognition"
    TEMPLATE = "template"


class OneOnOneSeries(Synced, Base):
    __tablename__ = "one_on_one_series"
    __table_args__ = (Index("ix_one_on_one_series_manager_id_report_id", "manager_id", "report_id"),)

    manager_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    report_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    cadence: Mapped[Cadence] = enum_column(Cadence, default=Cadence.FORTNIGHTLY)
    interval_days: Mapped[int] = mapped_column(default=14, doc="Days between meetings; set from the cadence.")
    weekday: Mapped[int | None] = mapped_column(doc="Monday is 0, as in Python's datetime.")
    usual_time: Mapped[time | None]
    duration_minutes: Mapped[int] = mapped_column(default=30)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    template_id: Mapped[str | None] = mapped_column(ForeignKey("templates.id"))
    active: Mapped[bool] = mapped_column(default=True)


class Meeting(Synced, Base):
    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_series_id_scheduled_at", "series_id", "scheduled_at"),)

    series_id: Mapped[str] = mapped_column(ForeignKey("one_on_one_series.id"))
    scheduled_at: Mapped[datetime] = mapped_column(doc="Local wall-clock time in the series' time zone.")
    original_scheduled_at: Mapped[datetime | None] = mapped_column(doc="Set when the meeting was moved.")
    duration_minutes: Mapped[int] = mapped_column(default=30)
    status: Mapped[MeetingStatus] = enum_column(MeetingStatus, default=MeetingStatus.SCHEDULED)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    elapsed_seconds: Mapped[int] = mapped_column(default=0, doc="Running time kept so a meeting can resume.")
    notes: Mapped[str] = mapped_column(Text, default="")


class AgendaItem(Synced, Privatable, Base):
    """A talking point; without a meeting it waits in the series for the next one."""

    __tablename__ = "agenda_items"
    __table_args__ = (Index("ix_agenda_items_series_id_meeting_id", "series_id", "meeting_id"),)

    series_id: Mapped[str] = mapped_column(ForeignKey("one_on_one_series.id"))
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    added_by_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    source: Mapped[AgendaSource] = enum_column(AgendaSource, default=AgendaSource.TALKING_POINT)
    carried_from_id: Mapped[str | None] = mapped_column(ForeignKey("agenda_items.id"))
    done: Mapped[bool] = mapped_column(default=False)
    done_at: Mapped[datetime | None]
    deferred: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    seconds_spent: Mapped[int] = mapped_column(default=0)
    commitment_id: Mapped[str | None] = mapped_column(ForeignKey("commitments.id"))
    step_id: Mapped[str | None] = mapped_column(ForeignKey("plan_steps.id"))
    kpi_id: Mapped[str | None] = mapped_column(ForeignKey("kpis.id"))


class MeetingGoal(Synced, Base):
    """A plan goal ticked as worked on during a one-on-one; unticked, it is marked deleted.

    The ticks live with the meeting, like its notes, so they survive a crash; ending the meeting turns them into
    the log entry's `LogEntryGoal` links, the goals' evidence.
    """

    __tablename__ = "meeting_goals"
    __table_args__ = (UniqueConstraint("meeting_id", "goal_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"))
    goal_id: Mapped[str] = mapped_column(ForeignKey("plan_goals.id"))
