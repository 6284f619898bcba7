"""Notebook-wide settings that belong with the data (not with the window layout)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, utcnow


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, doc="JSON.")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
