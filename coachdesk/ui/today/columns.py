"""What each list on the Today screen shows, column by column; the one-on-ones columns serve that screen too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import attrgetter

from coachdesk.models import MeetingStatus
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.ledger import KeptRate, LedgerMonth, PersonLedger
from coachdesk.services.meetings import CalendarMeeting
from coachdesk.services.one_on_one_health import ORDER, Attention, AttentionFlag
from coachdesk.services.tracker import AgentTracker, CoachingStatus, ManagerRollup
from coachdesk.ui.formatting import commitment_due
from coachdesk.ui.today.rows_table_model import Column, Row
from coachdesk.ui.today.wording import (
    ATTENTION_WORDS,
    MEETING_STATUS_WORDS,
    day_and_time,
    due_in,
    every,
    kept_details,
    kept_words,
    percent,
)
from coachdesk.ui.widgets import STATUS_WORDS, days_ago

Today = Callable[[], date]

COVERAGE_BANDS = (0.9, 0.7)
"""Coverage from 90 % is green, from 70 % amber, below that red: a team coached at 70 % of its cadence has
someone waiting far longer than they should every few weeks."""
KEPT_BANDS = (0.8, 0.6)
"""Kept-rates from 80 % are green, from 60 % amber, below that red: below 60 % promises are closer to a coin toss
than to a habit."""

MEETING_STATUS_COLOURS = {
    MeetingStatus.HELD: CoachingStatus.ON_TRACK,
    MeetingStatus.POSTPONED: CoachingStatus.DUE_SOON,
    MeetingStatus.CANCELLED: CoachingStatus.DUE_SOON,
    MeetingStatus.MISSED: CoachingStatus.OVERDUE,
}


def rate_status(rate: float | None, bands: tuple[float, float]) -> CoachingStatus | None:
    if rate is None:
        return None
    good, fair = bands
    if rate >= good:
        return CoachingStatus.ON_TRACK
    return CoachingStatus.DUE_SOON if rate >= fair else CoachingStatus.OVERDUE


def needs_coaching_columns(today: Today) -> tuple[Column[AgentTracker], ...]:
    def status(agent: AgentTracker) -> CoachingStatus:
        return agent.status

    return (
        Column("Agent", lambda a: a.full_name, status=status, bold=True),
        Column("Status", lambda a: STATUS_WORDS[a.status], sort_key=lambda a: a.next_due_on, status=status),
        Column(
            "Coaching due", lambda a: due_in(a.next_due_on, today()), sort_key=lambda a: a.next_due_on, status=status
        ),
        Column("Last session", lambda a: days_ago(a.days_since), sort_key=lambda a: a.days_since),
        Column("Cadence", lambda a: every(a.target_days), sort_key=lambda a: a.target_days),
        Column("Manager", lambda a: a.manager_name or "–", stretch=True),
    )


def commitment_owner(commitment: CommitmentView) -> str:
    """Whose promise it is; a manager's promise to an agent says so."""
    if commitment.owned_by_coachee:
        return commitment.owner_name
    return f"{commitment.owner_name}, to {commitment.coachee_name}"


def commitment_status(commitment: CommitmentView) -> CoachingStatus | None:
    return CoachingStatus.OVERDUE if commitment.overdue else None


COMMITMENT_COLUMNS: tuple[Column[CommitmentView], ...] = (
    Column("Due", commitment_due, sort_key=lambda c: c.due_on, status=commitment_status),
    Column("Whose", commitment_owner),
    Column("Commitment", lambda c: c.text, tooltip=lambda c: c.text, stretch=True),
)

MEETING_COLUMNS: tuple[Column[CalendarMeeting], ...] = (
    Column("When", lambda m: day_and_time(m.scheduled_at), sort_key=lambda m: m.scheduled_at),
    Column("With", lambda m: m.person_name, bold=True),
    Column("Manager", lambda m: m.manager_name),
    Column("Length", lambda m: f"{m.duration_minutes} min", sort_key=lambda m: m.duration_minutes, number=True),
    Column(
        "Status",
        lambda m: MEETING_STATUS_WORDS[m.status],
        status=lambda m: MEETING_STATUS_COLOURS.get(m.status),
        stretch=True,
    ),
)

ATTENTION_COLOURS = {
    Attention.OVERDUE: CoachingStatus.OVERDUE,
    Attention.MISSED: CoachingStatus.OVERDUE,
    Attention.REPEATED_MISSES: CoachingStatus.DUE_SOON,
    Attention.GO_WEEKLY: CoachingStatus.DUE_SOON,
}
"""Late or missed in red; a pattern further down the line, or advice, in amber."""

ATTENTION_COLUMNS: tuple[Column[AttentionFlag], ...] = (
    Column("With", lambda f: f.report_name, bold=True),
    Column(
        "What",
        lambda f: ATTENTION_WORDS[f.kind],
        sort_key=lambda f: ORDER[f.kind],
        status=lambda f: ATTENTION_COLOURS[f.kind],
    ),
    Column("Manager", lambda f: f.manager_name),
    Column("Why", lambda f: f.reason, tooltip=lambda f: f.reason, stretch=True),
)


def coverage_tooltip(manager: ManagerRollup) -> str:
    return (
        f"{manager.sessions_4w} sessions in the last four weeks against {manager.expected_4w:g} due by their "
        f"agents' cadences; {manager.sessions_13w} against {manager.expected_13w:g} over 13 weeks."
    )


LEADER_COLUMNS: tuple[Column[ManagerRollup], ...] = (
    Column("Manager", lambda m: m.full_name, bold=True, stretch=True),
    Column("Agents", lambda m: str(m.agents), sort_key=lambda m: m.agents, number=True),
    Column("Sessions (4 wks)", lambda m: str(m.sessions_4w), sort_key=lambda m: m.sessions_4w, number=True),
    Column("Expected", lambda m: f"{m.expected_4w:.1f}", sort_key=lambda m: m.expected_4w, number=True),
    Column(
        "Coverage",
        lambda m: percent(m.coverage_4w),
        sort_key=lambda m: m.coverage_4w,
        status=lambda m: rate_status(m.coverage_4w, COVERAGE_BANDS),
        tooltip=coverage_tooltip,
        number=True,
    ),
    Column(
        "Overdue agents",
        lambda m: str(m.overdue_agents),
        sort_key=lambda m: m.overdue_agents,
        status=lambda m: CoachingStatus.OVERDUE if m.overdue_agents else None,
        number=True,
    ),
    Column("Due soon", lambda m: str(m.due_soon_agents), sort_key=lambda m: m.due_soon_agents, number=True),
    Column(
        "Overdue commitments",
        lambda m: str(m.overdue_commitments),
        sort_key=lambda m: m.overdue_commitments,
        number=True,
    ),
)


def kept_column(header: str, side: Callable[[Row], KeptRate]) -> Column[Row]:
    return Column(
        header,
        lambda row: kept_words(side(row)),
        sort_key=lambda row: side(row).rate,
        status=lambda row: rate_status(side(row).rate, KEPT_BANDS),
        tooltip=lambda row: kept_details(side(row)),
        number=True,
    )


LEDGER_PEOPLE_COLUMNS: tuple[Column[PersonLedger], ...] = (
    Column("Person", lambda p: p.full_name, bold=True),
    kept_column("Kept by them", attrgetter("agent_side")),
    kept_column("Kept by their manager", attrgetter("manager_side")),
    Column("Manager", lambda p: p.manager_name or "–", stretch=True),
)

LEDGER_MONTH_COLUMNS: tuple[Column[LedgerMonth], ...] = (
    Column("Month due", lambda m: f"{m.month:%B %Y}", sort_key=lambda m: m.month),
    kept_column("Agents kept", attrgetter("agent_side")),
    kept_column("Managers kept", attrgetter("manager_side")),
)
