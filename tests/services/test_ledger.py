"""The two-sided commitment ledger: kept-rates by due month for agents and for their managers."""

from __future__ import annotations

from datetime import date

import pytest

from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.ledger import KeptRate, LedgerMonth, month_starts
from coachdesk.services.people import PersonDraft
from tests.conftest import TODAY, Team

MONTHS = (date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1))


def promise(
    services: Services, owner_id: str, due_on: date, status: CommitmentStatus, coachee_id: str | None = None
) -> None:
    made = services.commitments.add(CommitmentDraft("Do the thing", owner_id, due_on, coachee_id))
    if status is not CommitmentStatus.OPEN:
        services.commitments.follow_up(made.id, status)


@pytest.fixture
def promises(services: Services, team: Team) -> None:
    done, missed, dropped, open_ = (
        CommitmentStatus.DONE,
        CommitmentStatus.MISSED,
        CommitmentStatus.DROPPED,
        CommitmentStatus.OPEN,
    )
    priya, tomas, leader = team.priya.id, team.tomas.id, team.leader.id
    promise(services, priya, date(2026, 11, 10), done)
    promise(services, priya, date(2026, 11, 12), missed)
    promise(services, priya, date(2026, 11, 20), open_)  # overdue: not kept
    promise(services, priya, date(2026, 11, 30), open_)  # not due yet: not counted
    promise(services, priya, date(2026, 10, 5), done)
    promise(services, priya, date(2026, 10, 6), dropped)  # dropped: not counted
    promise(services, priya, date(2026, 5, 20), done)  # before the six months
    promise(services, leader, date(2026, 11, 3), done, coachee_id=priya)
    promise(services, leader, date(2026, 10, 15), missed, coachee_id=priya)
    promise(services, leader, date(2026, 11, 18), open_, coachee_id=priya)
    promise(services, tomas, date(2026, 9, 1), done)
    promise(services, tomas, date(2026, 11, 28), done)  # kept early: counts in the month it was due
    promise(services, tomas, date(2026, 12, 5), done)  # due after this month: not yet in the ledger
    promise(services, leader, date(2026, 11, 2), missed)  # the leader's own, to their manager


def test_the_window_is_the_last_six_months_ending_with_this_one() -> None:
    assert month_starts(TODAY) == MONTHS
    assert month_starts(date(2026, 2, 14), 3) == (date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1))


def test_each_person_has_both_sides_month_by_month(services: Services, team: Team, promises: None) -> None:
    ledger = services.ledger.kept_rates(under_manager_id=team.leader.id)
    assert [p.full_name for p in ledger.people] == ["Priya Shah", "Tomás Ruiz"]
    priya, tomas = ledger.people
    assert priya.manager_name == "Dana Whitfield"
    assert [m.month for m in priya.months] == list(MONTHS)
    assert priya.months[-1] == LedgerMonth(MONTHS[-1], KeptRate(kept=1, missed=1, overdue=1), KeptRate(1, 0, 1))
    assert priya.months[-2] == LedgerMonth(MONTHS[-2], KeptRate(kept=1), KeptRate(missed=1))
    assert (priya.agent_side, priya.manager_side) == (KeptRate(2, 1, 1), KeptRate(1, 1, 1))
    assert (priya.agent_side.rate, priya.manager_side.rate) == (0.5, pytest.approx(1 / 3))
    assert (tomas.agent_side, tomas.manager_side.rate) == (KeptRate(kept=2), None)


def test_everyone_together_by_month(services: Services, team: Team, promises: None) -> None:
    ledger = services.ledger.kept_rates(under_manager_id=team.leader.id)
    assert [(m.agent_side, m.manager_side) for m in ledger.months] == [
        (KeptRate(), KeptRate()),
        (KeptRate(), KeptRate()),
        (KeptRate(), KeptRate()),
        (KeptRate(kept=1), KeptRate()),
        (KeptRate(kept=1), KeptRate(missed=1)),
        (KeptRate(kept=2, missed=1, overdue=1), KeptRate(kept=1, overdue=1)),
    ]
    assert (ledger.agent_side.rate, ledger.manager_side.rate) == (4 / 6, 1 / 3)
    assert (ledger.months[0].agent_side.rate, ledger.months[0].agent_side.counted) == (None, 0)


def test_without_a_scope_everyone_counts_and_archived_people_do_not(
    services: Services, team: Team, promises: None
) -> None:
    everyone = services.ledger.kept_rates()
    assert [p.full_name for p in everyone.people] == ["Dana Whitfield", "Priya Shah", "Tomás Ruiz"]
    assert everyone.people[0].agent_side == KeptRate(missed=1)
    services.people.set_archived(team.tomas.id, archived=True)
    outsider = services.people.add(PersonDraft("Kofi Mensah", "A9"))
    promise(services, outsider.id, date(2026, 11, 2), CommitmentStatus.DONE)
    scoped = services.ledger.kept_rates(under_manager_id=team.leader.id)
    assert [p.full_name for p in scoped.people] == ["Priya Shah"]
