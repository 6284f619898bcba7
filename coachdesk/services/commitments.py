"""Commitments: the next steps each side promised, followed up at the next check-in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.models import Commitment, CommitmentStatus, Person
from coachdesk.services.base import Service, alive, live, person_names, required_text

DEFAULT_DUE_DAYS = 7


@dataclass(frozen=True)
class CommitmentDraft:
    text: str
    owner_id: str
    due_on: date | None = None
    coachee_id: str | None = None
    is_private: bool = False


@dataclass(frozen=True)
class CommitmentView:
    id: str
    text: str
    owner_id: str
    owner_name: str
    coachee_id: str
    coachee_name: str
    due_on: date | None
    status: CommitmentStatus
    resolved_on: date | None
    follow_up_note: str
    source_entry_id: str | None
    source_meeting_id: str | None
    is_private: bool
    overdue: bool

    @property
    def owned_by_coachee(self) -> bool:
        return self.owner_id == self.coachee_id


class CommitmentService(Service):
    def add(self, draft: CommitmentDraft) -> CommitmentView:
        with self._notebook.write() as session:
            commitment = add_commitment(session, draft, self.today(), origin="manual")
            session.flush()
            return commitment_views(session, [commitment], self.today())[0]

    def follow_up(
        self,
        commitment_id: str,
        status: CommitmentStatus,
        note: str = "",
        *,
        entry_id: str | None = None,
        meeting_id: str | None = None,
    ) -> CommitmentView:
        """Records how a commitment turned out, and at which session or meeting that was checked."""
        with self._notebook.write() as session:
            commitment = live(session, Commitment, commitment_id, "commitment")
            commitment.status = status
            commitment.resolved_on = None if status is CommitmentStatus.OPEN else self.today()
            commitment.follow_up_note = note.strip()
            commitment.followed_up_entry_id = entry_id or commitment.followed_up_entry_id
            commitment.followed_up_meeting_id = meeting_id or commitment.followed_up_meeting_id
            return commitment_views(session, [commitment], self.today())[0]

    def open_for(self, person_id: str) -> list[CommitmentView]:
        """Open commitments in a person's coaching, theirs and those their manager made to them."""
        with self._notebook.read() as session:
            query = (
                select(Commitment)
                .where(
                    alive(Commitment),
                    Commitment.status == CommitmentStatus.OPEN,
                    or_(Commitment.coachee_id == person_id, Commitment.owner_id == person_id),
                )
                .order_by(Commitment.due_on.is_(None), Commitment.due_on, Commitment.created_at)
            )
            return commitment_views(session, list(session.scalars(query)), self.today())

    def due_by(self, day: date) -> list[CommitmentView]:
        """Open commitments due on or before `day`, overdue ones first."""
        with self._notebook.read() as session:
            query = (
                select(Commitment)
                .where(alive(Commitment), Commitment.status == CommitmentStatus.OPEN, Commitment.due_on <= day)
                .order_by(Commitment.due_on)
            )
            return commitment_views(session, list(session.scalars(query)), self.today())

    def made_in(self, entry_id: str) -> list[CommitmentView]:
        with self._notebook.read() as session:
            query = select(Commitment).where(alive(Commitment), Commitment.source_entry_id == entry_id)
            return commitment_views(session, list(session.scalars(query)), self.today())


def add_commitment(
    session: Session,
    draft: CommitmentDraft,
    today: date,
    *,
    origin: str,
    entry_id: str | None = None,
    meeting_id: str | None = None,
) -> Commitment:
    text = required_text(draft.text, "commitments", "A commitment")
    live(session, Person, draft.owner_id, "person to own the commitment")
    coachee_id = draft.coachee_id or draft.owner_id
    live(session, Person, coachee_id, "person")
    if draft.due_on is not None and draft.due_on < today - timedelta(days=365):
        raise ValidationError(f"The due date {draft.due_on:%d %b %Y} of “{text}” is over a year ago.", "due_on")
    commitment = Commitment(
        owner_id=draft.owner_id,
        coachee_id=coachee_id,
        text=text,
        due_on=draft.due_on or today + timedelta(days=DEFAULT_DUE_DAYS),
        status=CommitmentStatus.OPEN,
        is_private=draft.is_private,
        origin=origin,
        source_entry_id=entry_id,
        source_meeting_id=meeting_id,
    )
    session.add(commitment)
    return commitment


def commitment_views(
    session: Session, commitments: list[Commitment], today: date, names: Mapping[str, str] | None = None
) -> list[CommitmentView]:
    names = names if names is not None else person_names(session)
    return [
        CommitmentView(
            id=c.id,
            text=c.text,
            owner_id=c.owner_id,
            owner_name=names.get(c.owner_id, "?"),
            coachee_id=c.coachee_id,
            coachee_name=names.get(c.coachee_id, "?"),
            due_on=c.due_on,
            status=c.status,
            resolved_on=c.resolved_on,
            follow_up_note=c.follow_up_note,
            source_entry_id=c.source_entry_id,
            source_meeting_id=c.source_meeting_id,
            is_private=c.is_private,
            overdue=c.status is CommitmentStatus.OPEN and c.due_on is not None and c.due_on < today,
        )
        for c in commitments
    ]
