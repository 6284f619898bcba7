"""Recognition for good work, and mentor–mentee pairings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import Kpi, Mentorship, MentorshipStatus, Person, Recognition
from coachdesk.services.base import alive, live, person_names, required_text
from coachdesk.services.settings import ServiceWithSettings


@dataclass(frozen=True)
class RecognitionView:
    id: str
    person_id: str
    person_name: str
    given_by_name: str | None
    given_on: date
    reason: str
    behaviour: str
    kpi_id: str | None
    is_private: bool


@dataclass(frozen=True)
class MentorshipView:
    id: str
    mentor_id: str
    mentor_name: str
    mentee_id: str
    mentee_name: str
    started_on: date
    ended_on: date | None
    status: MentorshipStatus
    scope: str
    goals: str


class RecognitionService(ServiceWithSettings):
    def recognise(
        self,
        person_id: str,
        reason: str,
        *,
        given_on: date | None = None,
        given_by_id: str | None = None,
        behaviour: str = "",
        kpi_id: str | None = None,
        entry_id: str | None = None,
        meeting_id: str | None = None,
        is_private: bool = False,
    ) -> RecognitionView:
        day = given_on or self.today()
        if day > self.today():
            raise ValidationError("Recognition is for what was already done: choose today or earlier.", "given_on")
        with self._notebook.write() as session:
            live(session, Person, person_id, "person")
            if kpi_id is not None:
                live(session, Kpi, kpi_id, "KPI")
            recognition = Recognition(
                person_id=person_id,
                reason=required_text(reason, "reason", "What the recognition is for"),
                given_on=day,
                given_by_id=given_by_id or self._settings.owner_id(),
                behaviour=behaviour.strip(),
                kpi_id=kpi_id,
                entry_id=entry_id,
                meeting_id=meeting_id,
                is_private=is_private,
            )
            session.add(recognition)
            session.flush()
            return recognition_views(session, [recognition])[0]

    def for_person(self, person_id: str) -> list[RecognitionView]:
        with self._notebook.read() as session:
            query = (
                select(Recognition)
                .where(Recognition.person_id == person_id, alive(Recognition))
                .order_by(Recognition.given_on.desc())
            )
            return recognition_views(session, list(session.scalars(query)))

    def pair(
        self, mentor_id: str, mentee_id: str, *, started_on: date | None = None, scope: str = "", goals: str = ""
    ) -> MentorshipView:
        """Pairs a mentor with a mentee; anyone may be both, in different pairings."""
        with self._notebook.write() as session:
            live(session, Person, mentor_id, "mentor")
            live(session, Person, mentee_id, "mentee")
            if mentor_id == mentee_id:
                raise ValidationError("A person cannot mentor themselves.", "mentee_id")
            mentorship = Mentorship(
                mentor_id=mentor_id,
                mentee_id=mentee_id,
                started_on=started_on or self.today(),
                scope=scope.strip(),
                goals=goals.strip(),
            )
            session.add(mentorship)
            session.flush()
            return mentorship_view(session, mentorship)

    def mentorships_of(self, person_id: str) -> list[MentorshipView]:
        with self._notebook.read() as session:
            query = select(Mentorship).where(
                alive(Mentorship), or_(Mentorship.mentor_id == person_id, Mentorship.mentee_id == person_id)
            )
            return [mentorship_view(session, m) for m in session.scalars(query)]


def recognition_views(session: Session, records: list[Recognition]) -> list[RecognitionView]:
    names = person_names(session)
    return [
        RecognitionView(
            r.id,
            r.person_id,
            names.get(r.person_id, "?"),
            names.get(r.given_by_id or ""),
            r.given_on,
            r.reason,
            r.behaviour,
            r.kpi_id,
            r.is_private,
        )
        for r in records
    ]


def mentorship_view(session: Session, m: Mentorship) -> MentorshipView:
    names = person_names(session)
    return MentorshipView(
        m.id,
        m.mentor_id,
        names.get(m.mentor_id, "?"),
        m.mentee_id,
        names.get(m.mentee_id, "?"),
        m.started_on,
        m.ended_on,
        m.status,
        m.scope,
        m.goals,
    )
