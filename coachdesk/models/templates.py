"""Templates that pre-fill a session of a given kind or a one-on-one agenda."""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import Base, Synced, enum_column


class TemplateKind(enum.StrEnum):
    SESSION = "session"
    AGENDA = "agenda"


class Template(Synced, Base):
    __tablename__ = "templates"

    kind: Mapped[TemplateKind] = enum_column(TemplateKind)
    name: Mapped[str] = mapped_column(String(120))
    session_kind_id: Mapped[str | None] = mapped_column(ForeignKey("session_kinds.id"))
    relationship: Mapped[str] = mapped_column(
        String(20), default="", doc="For agenda templates: agent or team_leader; empty for any."
    )
    body: Mapped[str] = mapped_column(Text, default="{}", doc="JSON: field prompts or agenda lines.")
    builtin: Mapped[bool] = mapped_column(default=False)
