"""Which one-on-one series need attention, and why, as the notebook owner should see them.

A manager is shown their own series that are overdue or have missed meetings, and is advised to go weekly with a
report whose own coaching lags. Repeated misses travel one step up the line: the manager's manager sees them
too, since a one-on-one that keeps not happening is something to raise in their own one-on-one.

Pure functions over views the services already return, so Today and the One-on-ones screen agree.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from coachdesk.models import Cadence
from coachdesk.services.meetings import CADENCE_DAYS, SeriesSummary, when_words
from coachdesk.services.tracker import ManagerRollup

if TYPE_CHECKING:
    from coachdesk.services import Services

WEEKLY_DAYS = CADENCE_DAYS[Cadence.WEEKLY]
COVERAGE_FLOOR = 0.7
"""Below 70 % of the sessions their agents' cadences call for, a team leader's coaching is falling behind (the
Today screen shows the same figure in red)."""
REPEATED_MISSES = 2
"""Missed meetings in 13 weeks that make a pattern worth the next manager up knowing about."""


class Attention(enum.StrEnum):
    """Listed in this order: what is late first, advice last."""

    OVERDUE = "overdue"
    MISSED = "missed"
    REPEATED_MISSES = "repeated_misses"
    GO_WEEKLY = "go_weekly"


ORDER = {kind: position for position, kind in enumerate(Attention)}


@dataclass(frozen=True)
class AttentionFlag:
    kind: Attention
    series_id: str
    manager_id: str
    manager_name: str
    report_id: str
    report_name: str
    reason: str
    """The flag in a sentence: what happened, or for advice, why."""
    meeting_id: str | None = None
    """The meeting to act on, when the flag is about one: a meeting whose time passed still marked scheduled."""


def grace_days(interval_days: int) -> int:
    """Days a series may run past its interval before it is overdue: two for weekly, about a week for monthly."""
    return max(2, interval_days // 5)


def attention_flags(
    summaries: Sequence[SeriesSummary],
    managers: Sequence[ManagerRollup],
    *,
    now: datetime,
    viewer_id: str | None,
    viewer_reports: Collection[str] = (),
) -> list[AttentionFlag]:
    """Flags for the series `viewer_id` runs, and repeated misses in the series of their direct reports.

    With no viewer (a notebook nobody has claimed) every series counts as one's own.
    """
    coverage = {m.person_id: m for m in managers}
    flags: list[AttentionFlag] = []
    for summary in summaries:
        series = summary.series
        if not series.active:
            continue
        if viewer_id is None or series.manager_id == viewer_id:
            found = [overdue(summary, now.date()), missed(summary), go_weekly(summary, coverage.get(series.report_id))]
        elif series.manager_id in viewer_reports:
            found = [missed_repeatedly(summary)]
        else:
            continue
        flags.extend(flag for flag in found if flag is not None)
    return sorted(flags, key=lambda f: (ORDER[f.kind], f.report_name.casefold(), f.manager_name.casefold()))


def needing_attention(
    services: Services, summaries: Sequence[SeriesSummary], managers: Sequence[ManagerRollup]
) -> list[AttentionFlag]:
    """The flags the notebook owner should see, from the summaries and rollups a screen has already loaded."""
    owner_id = services.settings.owner_id()
    reports = {person.id for person in services.people.reports_of(owner_id)} if owner_id else set()
    return attention_flags(summaries, managers, now=services.meetings.now(), viewer_id=owner_id, viewer_reports=reports)


def flag(summary: SeriesSummary, kind: Attention, reason: str, meeting_id: str | None = None) -> AttentionFlag:
    series = summary.series
    return AttentionFlag(
        kind,
        series.id,
        series.manager_id,
        series.manager_name,
        series.report_id,
        series.report_name,
        reason,
        meeting_id,
    )


def overdue(summary: SeriesSummary, today: date) -> AttentionFlag | None:
    """A meeting whose time passed with nothing recorded, or no meeting for too long and none to come."""
    if summary.unrecorded is not None:
        reason = f"The meeting on {when_words(summary.unrecorded.scheduled_at)} is still marked scheduled: "
        return flag(summary, Attention.OVERDUE, reason + "start it, move it or mark it missed.", summary.unrecorded.id)
    if summary.next_meeting is not None:
        return None
    interval = summary.series.interval_days
    if summary.last_held_at is None:
        return flag(summary, Attention.OVERDUE, "No meeting held yet and none scheduled.")
    days = (today - summary.last_held_at.date()).days
    if days <= interval + grace_days(interval):
        return None
    return flag(
        summary,
        Attention.OVERDUE,
        f"Last held {days} days ago, on {day_words(summary.last_held_at)}, and nothing is scheduled; the series "
        f"meets {every(interval)}.",
    )


def missed(summary: SeriesSummary) -> AttentionFlag | None:
    """The last meeting missed with none held since, or a pattern of misses."""
    last_missed, count = summary.last_missed_at, summary.missed_recently
    if last_missed is None:
        return None
    if summary.last_held_at is None or summary.last_held_at < last_missed:
        pattern = f"; {count} missed in 13 weeks" if count >= REPEATED_MISSES else ""
        return flag(summary, Attention.MISSED, f"Missed on {day_words(last_missed)}, and not held since{pattern}.")
    return missed_repeatedly(summary, Attention.MISSED)


def missed_repeatedly(summary: SeriesSummary, kind: Attention = Attention.REPEATED_MISSES) -> AttentionFlag | None:
    if summary.missed_recently < REPEATED_MISSES or summary.last_missed_at is None:
        return None
    return flag(
        summary,
        kind,
        f"{summary.missed_recently} meetings missed in 13 weeks, the last on {day_words(summary.last_missed_at)}.",
    )


def go_weekly(summary: SeriesSummary, rollup: ManagerRollup | None) -> AttentionFlag | None:
    """Weekly one-on-ones for a report whose own coaching of their people is below the floor."""
    if rollup is None or summary.series.interval_days <= WEEKLY_DAYS:
        return None
    coverage = rollup.coverage_4w
    if coverage is None or coverage >= COVERAGE_FLOOR:
        return None
    return flag(
        summary,
        Attention.GO_WEEKLY,
        f"{rollup.full_name}'s people had {rollup.sessions_4w} coaching sessions in the last four weeks against "
        f"{rollup.expected_4w:.0f} due ({percent(coverage)}, below {percent(COVERAGE_FLOOR)}). Meeting weekly "
        f"instead of {every(summary.series.interval_days)} helps the coaching catch up.",
    )


def day_words(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b}"


def every(days: int) -> str:
    return {7: "weekly", 14: "fortnightly", 30: "monthly"}.get(days, f"every {days} days")


def percent(rate: float) -> str:
    return f"{round(rate * 100)} %"
