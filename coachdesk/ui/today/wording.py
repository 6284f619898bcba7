"""Dates, rates and statuses in the words a manager would use, shared by the Today and One-on-ones screens."""

from __future__ import annotations

from datetime import date, datetime

from coachdesk.models import MeetingStatus
from coachdesk.services.ledger import KeptRate
from coachdesk.services.one_on_one_health import Attention
from coachdesk.ui.formatting import plural

MEETING_STATUS_WORDS = {
    MeetingStatus.SCHEDULED: "Scheduled",
    MeetingStatus.IN_PROGRESS: "In progress",
    MeetingStatus.HELD: "Held",
    MeetingStatus.POSTPONED: "Postponed",
    MeetingStatus.CANCELLED: "Cancelled",
    MeetingStatus.MISSED: "Missed",
}

ATTENTION_WORDS = {
    Attention.OVERDUE: "Overdue",
    Attention.MISSED: "Missed",
    Attention.REPEATED_MISSES: "Missed repeatedly",
    Attention.GO_WEEKLY: "Suggest weekly",
}


def short_day(day: date) -> str:
    """ "Mon 23 Nov": the day of the month without a leading zero, on every platform."""
    return f"{day:%a} {day.day} {day:%b}"


def day_and_time(moment: datetime) -> str:
    return f"{short_day(moment)}, {moment:%H:%M}"


def long_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def due_in(due_on: date, today: date) -> str:
    """How far a due date is from today: "3 days late", "today", "in 2 days"."""
    days = (due_on - today).days
    if days < 0:
        return f"{plural(-days, 'day')} late"
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def every(days: int) -> str:
    return {7: "weekly", 14: "fortnightly"}.get(days, f"every {days} days")


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)} %"


def kept_words(kept: KeptRate) -> str:
    """ "75 % (6 of 8)", or a dash when nothing fell due: no record is not a bad record."""
    if not kept.counted:
        return "–"
    return f"{percent(kept.rate)} ({kept.kept} of {kept.counted})"


def kept_details(kept: KeptRate) -> str:
    """The tooltip behind a kept-rate: what was missed and what is only waiting for a follow-up."""
    if not kept.counted:
        return "Nothing fell due in this period."
    parts = [f"{kept.kept} kept", f"{kept.missed} missed"]
    if kept.overdue:
        parts.append(f"{kept.overdue} still open past the due date")
    return ", ".join(parts) + "."
