"""The mentor programme: pairings across teams and sites, their sessions, and the mentee's word on each.

A pairing is proposed, then accepted (active), then ended. Anyone may mentor anyone, and a manager may be a mentor
in one pairing and a mentee in another. A mentoring session is a leader-log entry of the kind "mentoring", held by
the mentor with the mentee and linked to the pairing, so it reads like any coaching session; after it, the mentee
rates it from 1 to 5 with a short comment.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.db import Notebook
from coachdesk.errors import ValidationError
from coachdesk.models import (
    LogEntry,
    Mentorship,
    MentorshipStatus,
    Person,
    SessionFeedback,
    Team,
)
from coachdesk.services.base import Clock, alive, live, optional_rating
from coachdesk.services.log import LogService, SessionDraft
from coachdesk.services.settings import ServiceWithSettings, SettingsService

STATUS_ORDER = {MentorshipStatus.ACTIVE: 0, MentorshipStatus.PROPOSED: 1, MentorshipStatus.ENDED: 2}
MENTORING_KIND = "mentoring"


@dataclass(frozen=True)
class PairingDraft:
    mentor_id: str | None
    mentee_id: str | None
    scope: str = ""
    goals: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class MentoringSession:
    entry_id: str
    held_on: date
    what_happened: str
    next_steps: str
    rating: int | None
    """The mentee's rating of the session, 1 to 5; None until they give feedback."""
    comment: str

    @property
    def has_feedback(self) -> bool:
        return self.rating is not None


@dataclass(frozen=True)
class Side:
    """One side of a pairing: who, and where they work."""

    id: str
    name: str
    team: str
    site: str

    @property
    def where(self) -> str:
        return " · ".join(p for p in (self.team, self.site) if p)


@dataclass(frozen=True)
class Pairing:
    id: str
    mentor: Side
    mentee: Side
    status: MentorshipStatus
    started_on: date
    ended_on: date | None
    scope: str
    goals: str
    sessions: tuple[MentoringSession, ...]
    """Newest first."""

    @property
    def crosses(self) -> str:
        """ "across sites", "across teams", or "" when both work side by side."""
        if self.mentor.site and self.mentee.site and self.mentor.site != self.mentee.site:
            return "across sites"
        if self.mentor.team != self.mentee.team:
            return "across teams"
        return ""


class MentoringService(ServiceWithSettings):
    def __init__(self, notebook: Notebook, clock: Clock, settings: SettingsService, log: LogService) -> None:
        super().__init__(notebook, clock, settings)
        self._log = log

    def pairings(self) -> list[Pairing]:
        """Every pairing: the active ones first, then those proposed, then those ended; the newest first in each."""
        with self._notebook.read() as session:
            records = list(session.scalars(select(Mentorship).where(alive(Mentorship))))
            records.sort(key=lambda m: (STATUS_ORDER[m.status], -m.started_on.toordinal(), m.created_at))
            return pairing_views(session, records)

    def get(self, pairing_id: str) -> Pairing:
        with self._notebook.read() as session:
            return pairing_views(session, [live(session, Mentorship, pairing_id, "mentoring pairing")])[0]

    def create(self, draft: PairingDraft, *, proposed: bool = False) -> Pairing:
        """A new pairing, agreed (active) or only proposed; the same two cannot be paired twice at once."""
        if draft.mentor_id is None:
            raise ValidationError("Choose the mentor.", "mentor_id")
        if draft.mentee_id is None:
            raise ValidationError("Choose the mentee.", "mentee_id")
        if draft.mentor_id == draft.mentee_id:
            raise ValidationError("A person cannot mentor themselves; choose someone else.", "mentee_id")
        starts = draft.starts_on or self.today()
        if draft.ends_on is not None and draft.ends_on <= starts:
            raise ValidationError("The pairing has to end after it starts.", "ends_on")
        with self._notebook.write() as session:
            mentor = live(session, Person, draft.mentor_id, "mentor")
            mentee = live(session, Person, draft.mentee_id, "mentee")
            if session.scalar(
                select(Mentorship.id).where(
                    Mentorship.mentor_id == mentor.id,
                    Mentorship.mentee_id == mentee.id,
                    Mentorship.status != MentorshipStatus.ENDED,
                    alive(Mentorship),
                )
            ):
                raise ValidationError(
                    f"{mentor.full_name} already mentors {mentee.full_name} (or it is proposed).", "mentee_id"
                )
            pairing = Mentorship(
                mentor_id=mentor.id,
                mentee_id=mentee.id,
                started_on=starts,
                ended_on=draft.ends_on,
                status=MentorshipStatus.PROPOSED if proposed else MentorshipStatus.ACTIVE,
                scope=draft.scope.strip(),
                goals=draft.goals.strip(),
            )
            session.add(pairing)
            session.flush()
            return pairing_views(session, [pairing])[0]

    def accept(self, pairing_id: str) -> Pairing:
        """A proposed pairing agreed by both: it is active from now on."""
        with self._notebook.write() as session:
            pairing = live(session, Mentorship, pairing_id, "mentoring pairing")
            if pairing.status is not MentorshipStatus.PROPOSED:
                raise ValidationError(f"This pairing is {pairing.status.value}; only a proposed one can be accepted.")
            pairing.status = MentorshipStatus.ACTIVE
            pairing.started_on = min(pairing.started_on, self.today())
            return pairing_views(session, [pairing])[0]

    def end(self, pairing_id: str) -> Pairing:
        with self._notebook.write() as session:
            pairing = live(session, Mentorship, pairing_id, "mentoring pairing")
            if pairing.status is MentorshipStatus.ENDED:
                raise ValidationError("This pairing has already ended.")
            pairing.status = MentorshipStatus.ENDED
            pairing.ended_on = max(self.today(), pairing.started_on)
            return pairing_views(session, [pairing])[0]

    def log_session(
        self, pairing_id: str, what_happened: str, next_steps: str = "", *, held_on: date | None = None
    ) -> MentoringSession:
        """A mentoring session of an active pairing, written to the leader log as the mentor's with the mentee."""
        pairing = self.get(pairing_id)
        if pairing.status is not MentorshipStatus.ACTIVE:
            raise ValidationError(f"This pairing is {pairing.status.value}; sessions are logged while it is active.")
        entry = self._log.record_session(
            SessionDraft(
                agent_ids=(pairing.mentee.id,),
                what_happened=what_happened,
                kind=MENTORING_KIND,
                held_on=held_on,
                next_steps=next_steps,
                coach_id=pairing.mentor.id,
                mentorship_id=pairing.id,
            )
        )
        return MentoringSession(entry.id, entry.held_on, entry.what_happened, entry.next_steps, None, "")

    def give_feedback(self, entry_id: str, rating: int | None, comment: str = "") -> MentoringSession:
        """The mentee's rating and comment on a mentoring session; given again, it replaces the first."""
        if rating is None:
            raise ValidationError("Choose a rating from 1 (not useful) to 5 (very useful).", "rating")
        optional_rating(rating, "rating")
        with self._notebook.write() as session:
            entry = live(session, LogEntry, entry_id, "mentoring session")
            pairing = session.get(Mentorship, entry.mentorship_id) if entry.mentorship_id else None
            if pairing is None:
                raise ValidationError("Feedback here is for mentoring sessions; this entry is not one.")
            feedback = session.scalar(
                select(SessionFeedback).where(
                    SessionFeedback.entry_id == entry_id, SessionFeedback.person_id == pairing.mentee_id
                )
            ) or SessionFeedback(entry_id=entry_id, person_id=pairing.mentee_id)
            feedback.rating, feedback.comment, feedback.deleted = rating, comment.strip(), False
            feedback.given_at = self._clock()
            session.add(feedback)
            return MentoringSession(
                entry.id, entry.held_on, entry.what_happened, entry.next_steps, rating, feedback.comment
            )


def pairing_views(session: Session, records: list[Mentorship]) -> list[Pairing]:
    """Views of the pairings with their sessions and feedback, in a few queries whatever their number."""
    sides = people_sides(session)
    ids = [m.id for m in records]
    sessions: dict[str, list[MentoringSession]] = defaultdict(list)
    if ids:
        query = (
            select(LogEntry, SessionFeedback.rating, SessionFeedback.comment)
            .outerjoin(
                SessionFeedback,
                (SessionFeedback.entry_id == LogEntry.id) & SessionFeedback.deleted.is_(False),
            )
            .where(LogEntry.mentorship_id.in_(ids), alive(LogEntry))
            .order_by(LogEntry.held_on.desc(), LogEntry.created_at.desc())
        )
        for entry, rating, comment in session.execute(query):
            sessions[entry.mentorship_id or ""].append(
                MentoringSession(entry.id, entry.held_on, entry.what_happened, entry.next_steps, rating, comment or "")
            )
    return [
        Pairing(
            m.id,
            sides.get(m.mentor_id, Side(m.mentor_id, "?", "", "")),
            sides.get(m.mentee_id, Side(m.mentee_id, "?", "", "")),
            m.status,
            m.started_on,
            m.ended_on,
            m.scope,
            m.goals,
            tuple(sessions[m.id]),
        )
        for m in records
    ]


def people_sides(session: Session) -> dict[str, Side]:
    """Everyone's name, team and site, by id, from one query."""
    rows = session.execute(
        select(Person.id, Person.full_name, Team.name, Team.site).outerjoin(Team, Team.id == Person.team_id)
    )
    return {pid: Side(pid, name, team or "", site or "") for pid, name, team, site in rows}
