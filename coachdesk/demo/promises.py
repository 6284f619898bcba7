"""Commitments made at sessions and meetings, and whether they were kept when followed up."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from coachdesk.demo.organisation import Member
from coachdesk.demo.phrases.commitments import EARLY_NOTES, FOLLOW_UP_NOTES
from coachdesk.demo.rows import Row
from coachdesk.demo.world import World, stamp
from coachdesk.models import Commitment, CommitmentStatus


@dataclass
class _Promise:
    row: Row
    keeper: Member


class Promises:
    """Commitments made at a session or meeting, followed up at the next check-in with the same person."""

    CHECKED_AHEAD = timedelta(days=7)
    OVERLOOKED = 0.015

    def __init__(self, world: World) -> None:
        self.world = world
        self.waiting: dict[str, list[_Promise]] = defaultdict(list)

    def make(
        self,
        key: str,
        owner: Member,
        coachee: Member,
        *,
        text: str,
        due_on: date,
        at: datetime,
        entry_id: str | None = None,
        meeting_id: str | None = None,
        is_private: bool = False,
    ) -> None:
        row = self.world.rows.add(
            Commitment,
            at,
            owner_id=owner.id,
            coachee_id=coachee.id,
            text=text,
            due_on=due_on,
            status=CommitmentStatus.OPEN,
            source_entry_id=entry_id,
            source_meeting_id=meeting_id,
            origin="session" if entry_id else "meeting",
            is_private=is_private,
        )
        promise = _Promise(row, owner)
        if not (self.world.chance(owner.reliability * 0.35) and self.settled_early(promise, at.date())):
            self.waiting[key].append(promise)

    def settled_early(self, promise: _Promise, made_on: date) -> bool:
        """Reliable people finish some commitments before the due date, and the leader ticks them off there and then."""
        world = self.world
        day = world.day_between(made_on + timedelta(days=1), promise.row["due_on"])
        if day >= world.today:
            return False
        promise.row.update(
            status=CommitmentStatus.DONE,
            resolved_on=day,
            follow_up_note=world.pick(EARLY_NOTES),
            updated_at=stamp(day, 16),
        )
        return True

    def follow_up(self, key: str, day: date, *, entry_id: str | None = None, meeting_id: str | None = None) -> None:
        """Settles what is due by the coming week; now and then a recent one is overlooked and stays open."""
        later = []
        for promise in self.waiting.pop(key, []):
            due: date = promise.row["due_on"]
            if due > day + self.CHECKED_AHEAD:
                later.append(promise)
            elif not self.overlooked(due):
                self.settle(promise, day, entry_id, meeting_id)
        if later:
            self.waiting[key] = later

    def overlooked(self, due: date) -> bool:
        return (self.world.today - due).days < 60 and self.world.chance(self.OVERLOOKED)

    def settle(self, promise: _Promise, day: date, entry_id: str | None, meeting_id: str | None) -> None:
        world = self.world
        done = promise.keeper.reliability - 0.22
        status = world.rng.choices(
            (CommitmentStatus.DONE, CommitmentStatus.MISSED, CommitmentStatus.DROPPED),
            weights=(done, (1 - done) * 0.67, (1 - done) * 0.33),
        )[0]
        promise.row.update(
            status=status,
            resolved_on=day,
            follow_up_note=world.pick(FOLLOW_UP_NOTES[status]),
            followed_up_entry_id=entry_id,
            followed_up_meeting_id=meeting_id,
            updated_at=stamp(day, 17),
        )
