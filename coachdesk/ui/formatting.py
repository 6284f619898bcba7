"""Dates, ratings, KPI values and coaching status in the words a manager uses, the same on every screen."""

from __future__ import annotations

from datetime import date, datetime

from coachdesk.models import RATING_MAX
from coachdesk.services.commitments import CommitmentView
from coachdesk.services.kpis import KpiView
from coachdesk.services.tracker import AgentTracker
from coachdesk.ui.widgets import STATUS_WORDS, days_ago


def day_text(day: date, today: date) -> str:
    """ "Mon 23 Nov" this year, "Mon 23 Nov 2025" otherwise, so old entries never pass for recent ones."""
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def moment_text(moment: datetime, today: date) -> str:
    return f"{day_text(moment.date(), today)} at {moment:%H:%M}"


def due_text(due_on: date | None, today: date) -> str:
    if due_on is None:
        return "no due date"
    if due_on == today:
        return "due today"
    if due_on < today:
        return f"overdue since {day_text(due_on, today)}"
    return f"due {day_text(due_on, today)}"


def span_text(start: date, today: date) -> str:
    """How long ago a date was, in the largest unit that fits: "3 weeks", "1 year 4 months"."""
    months = (today.year - start.year) * 12 + today.month - start.month - (today.day < start.day)
    if months < 1:
        days = (today - start).days
        if days < 14:
            return plural(days, "day")
        return plural(days // 7, "week")
    years, months = divmod(months, 12)
    parts = [plural(years, "year")] if years else []
    if months or not years:
        parts.append(plural(months, "month"))
    return " ".join(parts)


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 session", "3 sessions"; `words` for plurals that are not the word plus s."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def rating_stars(rating: int | None) -> str:
    if rating is None:
        return ""
    return "★" * rating + "☆" * (RATING_MAX - rating)


def rating_words(rating: int | None) -> str:
    return "not rated" if rating is None else f"rated {rating} of {RATING_MAX}"


def kpi_value(value: float, kpi: KpiView) -> str:
    number = f"{value:,.{kpi.decimals}f}"
    if not kpi.unit:
        return number
    return f"{number}{kpi.unit}" if kpi.unit == "%" else f"{number} {kpi.unit}"


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def status_sentence(tracker: AgentTracker) -> str:
    """ "Overdue — last session 23 days ago (target every 14 days)"."""
    last = "no sessions yet" if tracker.last_session_on is None else f"last session {days_ago(tracker.days_since)}"
    return f"{STATUS_WORDS[tracker.status]} — {last} (target every {plural(tracker.target_days, 'day')})"


def commitment_due(commitment: CommitmentView) -> str:
    """When a commitment falls due, read from the commitment alone (its `overdue` flag is set against today)."""
    if commitment.due_on is None:
        return "no due date"
    day = f"{commitment.due_on:%a} {commitment.due_on.day} {commitment.due_on:%b}"
    return f"overdue since {day}" if commitment.overdue else f"due {day}"
