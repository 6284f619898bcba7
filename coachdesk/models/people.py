"""People, teams and the reporting tree."""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.models.base import PRIVATE, Base, Synced, enum_column


class TeamSetting(enum.StrEnum):
    CONTACT_CENTRE = "contact_centre"
    FIELD = "field"


class SkillKind(enum.StrEnum):
    STRENGTH = "strength"
    GROWTH_AREA = "growth_area"


class Team(Synced, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120))
    site: Mapped[str] = mapped_column(String(120), default="")
    setting: Mapped[TeamSetting] = enum_column(TeamSetting, default=TeamSetting.CONTACT_CENTRE)
    archived: Mapped[bool] = mapped_column(default=False)


class Person(Synced, Base):
    """An agent, a manager, or both; `reports_to_id` builds the tree up to the senior leader."""

    __tablename__ = "people"
    __table_args__ = (Index("ix_people_reports_to_id", "reports_to_id"),)

    full_name: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[str | None] = mapped_column(String(60), unique=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(120), default="")
    is_agent: Mapped[bool] = mapped_column(default=True)
    is_manager: Mapped[bool] = mapped_column(default=False)
    reports_to_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    start_date: Mapped[date | None]
    archived: Mapped[bool] = mapped_column(default=False)
    archived_on: Mapped[date | None]
    cadence_days: Mapped[int | None] = mapped_column(
        doc="The manager's own choice of days between sessions; None means the tenure default."
    )
    notes: Mapped[str] = mapped_column(Text, default="", info=PRIVATE)


class PersonSkill(Synced, Base):
    """A strength or a growth area, used to match mentees with mentors."""

    __tablename__ = "person_skills"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[SkillKind] = enum_column(SkillKind)
