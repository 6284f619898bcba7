"""Recognition given for good work."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Privatable, Synced


class Recognition(Synced, Privatable, Base):
    __tablename__ = "recognition"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    given_by_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    given_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    behaviour: Mapped[str] = mapped_column(String(200), default="")
    kpi_id: Mapped[str | None] = mapped_column(ForeignKey("kpis.id"))
    entry_id: Mapped[str | None] = mapped_column(ForeignKey("log_entries.id"))
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"))
