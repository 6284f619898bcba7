"""The two-sided commitment ledger: how often each side kept its word, month by month.

Accountability runs both ways: the agents' side counts what agents promised, the manager's side what their
managers promised them (a commitment owned by someone other than the person whose coaching it belongs to).

Commitments are placed in the month they were due. Done counts as kept and missed as not kept; dropped ones are
left out, since both sides agreed they no longer matter. An open commitment counts as not kept from the day after
it fell due: a promise nobody has marked done by its date was not kept on time, and leaving it out would let a
side that never follows up look spotless. Such commitments are also counted on their own (`overdue`), so a screen
can say how many are only waiting for a follow-up. Open commitments not yet due are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import extract, func, or_, select

from coachdesk.models import Commitment, CommitmentStatus
from coachdesk.services.base import alive
from coachdesk.services.people import subtree_ids
from coachdesk.services.settings import ServiceWithSettings
from coachdesk.services.tracker import active_people

MONTHS = 6


@dataclass(frozen=True)
class KeptRate:
    kept: int = 0
    missed: int = 0
    overdue: int = 0
    """Still open past the due date; counted as not kept."""

    @property
    def not_kept(self) -> int:
        return self.missed + self.overdue

    @property
    def counted(self) -> int:
        return self.kept + self.not_kept

    @property
    def rate(self) -> float | None:
        """Kept out of counted, from 0 to 1; None when nothing fell due, which is not the same as 0 %."""
        return self.kept / self.counted if self.counted else None

    def __add__(self, other: KeptRate) -> KeptRate:
        return KeptRate(self.kept + other.kept, self.missed + other.missed, self.overdue + other.overdue)


@dataclass(frozen=True)
class LedgerMonth:
    month: date
    """The first day of the month the commitments were due in."""
    agent_side: KeptRate = field(default_factory=KeptRate)
    manager_side: KeptRate = field(default_factory=KeptRate)

    def __add__(self, other: LedgerMonth) -> LedgerMonth:
        return LedgerMonth(self.month, self.agent_side + other.agent_side, self.manager_side + other.manager_side)


class _SidesOverMonths:
    """Both sides summed over the window, for any ledger made of months."""

    months: tuple[LedgerMonth, ...]

    @property
    def agent_side(self) -> KeptRate:
        return sum((m.agent_side for m in self.months), KeptRate())

    @property
    def manager_side(self) -> KeptRate:
        return sum((m.manager_side for m in self.months), KeptRate())


@dataclass(frozen=True)
class PersonLedger(_SidesOverMonths):
    """One person's ledger: their own commitments, and those their managers made to them."""

    person_id: str
    full_name: str
    manager_name: str | None
    months: tuple[LedgerMonth, ...]


@dataclass(frozen=True)
class CommitmentLedger(_SidesOverMonths):
    months: tuple[LedgerMonth, ...]
    """Everyone in scope together, oldest month first; the last is the current month."""
    people: tuple[PersonLedger, ...]
    """People with anything counted in the window, by name."""


def month_starts(today: date, count: int = MONTHS) -> tuple[date, ...]:
    """The first days of the last `count` months, oldest first, ending with the current month."""
    return tuple(months_after(today.replace(day=1), n) for n in range(1 - count, 1))


def months_after(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class LedgerService(ServiceWithSettings):
    def kept_rates(self, *, under_manager_id: str | None = None) -> CommitmentLedger:
        """The last six months of kept commitments on both sides, for everyone (or everyone below a manager)."""
        today = self.today()
        months = month_starts(today)
        year, month = extract("year", Commitment.due_on), extract("month", Commitment.due_on)
        own = Commitment.owner_id == Commitment.coachee_id
        query = (
            select(Commitment.coachee_id, own, year, month, Commitment.status, func.count())
            .where(
                alive(Commitment),
                Commitment.due_on >= months[0],
                Commitment.due_on < months_after(months[-1], 1),
                or_(
                    Commitment.status.in_((CommitmentStatus.DONE, CommitmentStatus.MISSED)),
                    (Commitment.status == CommitmentStatus.OPEN) & (Commitment.due_on < today),
                ),
            )
            .group_by(Commitment.coachee_id, own, year, month, Commitment.status)
        )
        with self._notebook.read() as session:
            people = active_people(session)
            scope = subtree_ids(session, under_manager_id) if under_manager_id else None
            counts = session.execute(query).all()
        ledgers: defaultdict[str, dict[date, LedgerMonth]] = defaultdict(lambda: {m: LedgerMonth(m) for m in months})
        for coachee_id, is_own, due_year, due_month, status, count in counts:
            if coachee_id not in people or (scope is not None and coachee_id not in scope):
                continue
            rate = KeptRate(
                kept=count if status is CommitmentStatus.DONE else 0,
                missed=count if status is CommitmentStatus.MISSED else 0,
                overdue=count if status is CommitmentStatus.OPEN else 0,
            )
            key = date(int(due_year), int(due_month), 1)
            side = LedgerMonth(key, agent_side=rate) if is_own else LedgerMonth(key, manager_side=rate)
            ledgers[coachee_id][key] += side
        rows = []
        for person_id, by_month in ledgers.items():
            person = people[person_id]
            manager = people.get(person.reports_to_id or "")
            rows.append(
                PersonLedger(
                    person_id, person.full_name, manager.full_name if manager else None, tuple(by_month.values())
                )
            )
        overall = [sum((r.months[i] for r in rows), LedgerMonth(month)) for i, month in enumerate(months)]
        return CommitmentLedger(tuple(overall), tuple(sorted(rows, key=lambda r: r.full_name.casefold())))
