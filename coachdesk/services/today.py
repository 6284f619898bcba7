"""Everything the Today screen shows, gathered in one call so the screen makes one trip to the worker.

Today is about the notebook owner's people: everyone below the owner, or the whole notebook when nobody has said
whose notebook it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coachdesk.services.commitments import CommitmentView
from coachdesk.services.ledger import CommitmentLedger
from coachdesk.services.meetings import CalendarMeeting
from coachdesk.services.one_on_one_health import Attention, AttentionFlag, needing_attention
from coachdesk.services.tracker import AgentTracker, CoachingStatus, ManagerRollup
from coachdesk.services.trends import SessionTrends

if TYPE_CHECKING:
    from coachdesk.services import Services


@dataclass(frozen=True)
class TodayView:
    today: date
    owner_name: str | None
    people: int
    """Active agents and managers in scope; none means there is nobody to coach yet."""
    needs_coaching: tuple[AgentTracker, ...]
    """Overdue and due-soon agents, the most overdue first."""
    commitments_due: tuple[CommitmentView, ...]
    """Open commitments due by the end of this week, overdue first."""
    meetings: tuple[CalendarMeeting, ...]
    """This week's one-on-ones, Monday to Sunday."""
    one_on_ones: tuple[AttentionFlag, ...]
    """One-on-one series needing attention: overdue, missed, or better weekly; the most pressing first."""
    trends: SessionTrends
    managers: tuple[ManagerRollup, ...]
    """The managers in scope, each rolled up over their people; empty when the owner manages agents only."""
    ledger: CommitmentLedger

    @property
    def overdue_agents(self) -> int:
        return sum(a.status is CoachingStatus.OVERDUE for a in self.needs_coaching)

    @property
    def due_soon_agents(self) -> int:
        return sum(a.status is CoachingStatus.DUE_SOON for a in self.needs_coaching)

    @property
    def overdue_commitments(self) -> int:
        return sum(c.overdue for c in self.commitments_due)

    @property
    def overdue_one_on_ones(self) -> int:
        return sum(f.kind is Attention.OVERDUE for f in self.one_on_ones)


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the week `day` falls in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def today_view(services: Services) -> TodayView:
    today = services.settings.today()
    owner = services.people.owner()
    scope = owner.id if owner else None
    agents = services.tracker.agents(under_manager_id=scope)
    managers = services.tracker.managers(under_manager_id=scope)
    monday, sunday = week_of(today)
    people = {a.person_id for a in agents} | {m.person_id for m in managers}
    # Commitments in the coaching of the owner's people, and in the owner's own coaching by their manager.
    coaching_of = people | {owner.id} if owner else people
    due = services.commitments.due_by(sunday)
    return TodayView(
        today=today,
        owner_name=owner.full_name if owner else None,
        people=len(people),
        needs_coaching=tuple(a for a in agents if a.status is not CoachingStatus.ON_TRACK),
        commitments_due=tuple(c for c in due if owner is None or c.coachee_id in coaching_of),
        meetings=tuple(services.meetings.between(monday, sunday, under_manager_id=scope)),
        one_on_ones=tuple(needing_attention(services, services.meetings.summaries(under_manager_id=scope), managers)),
        trends=services.trends.sessions_per_week(under_manager_id=scope),
        managers=tuple(managers),
        ledger=services.ledger.kept_rates(under_manager_id=scope),
    )
