"""An agenda item in the words the agenda view shows under it: where it came from, when it is due, how it stands.

The parts are kept apart, each with its own status colour, so the list can draw "overdue since Tue 3 Nov" in red
beside a muted "Commitment", and a screen reader hears the same words joined into one sentence.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from coachdesk.models import AgendaSource, CommitmentStatus
from coachdesk.services.agenda import AgendaEntry
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.formatting import day_text, due_text

SOURCE_WORDS = {
    AgendaSource.TALKING_POINT: "Talking point",
    AgendaSource.CARRIED_OVER: "Carried over",
    AgendaSource.COMMITMENT: "Commitment",
    AgendaSource.PLAN_STEP: "Plan step",
    AgendaSource.KPI: "KPI",
    AgendaSource.RECOGNITION: "Recognition",
    AgendaSource.TEMPLATE: "Standing item",
}
DUE_SOON_DAYS = 2
"""A commitment or step due within this many days is shown in amber: it is the meeting to raise it in."""


class Part(NamedTuple):
    text: str
    status: CoachingStatus | None = None
    """The colour the part is drawn in (red, amber, green); None draws it muted."""


def item_parts(entry: AgendaEntry, today: date) -> list[Part]:
    """ "Commitment · overdue since Tue 3 Nov", "Carried over from Thu 12 Nov · deferred to next time"."""
    parts = [Part(source_words(entry, today))]
    if entry.source is AgendaSource.TALKING_POINT and entry.added_by_name:
        parts.append(Part(f"from {entry.added_by_name}"))
    if entry.commitment_status is CommitmentStatus.DONE:
        parts.append(Part("kept", CoachingStatus.ON_TRACK))
    elif entry.commitment_status is CommitmentStatus.MISSED:
        parts.append(Part("missed", CoachingStatus.OVERDUE))
    elif entry.made_here:
        parts.append(Part(f"agreed today, {due_text(entry.due_on, today)}", CoachingStatus.ON_TRACK))
    elif entry.due_on is not None:
        parts.append(Part(due_text(entry.due_on, today), due_status(entry, today)))
    if entry.deferred:
        parts.append(Part("deferred to next time", CoachingStatus.DUE_SOON))
    if entry.is_private:
        parts.append(Part("private"))
    return parts


def source_words(entry: AgendaEntry, today: date) -> str:
    if entry.carried_from_at is None:
        return SOURCE_WORDS[entry.source]
    carried = f"carried over from {day_text(entry.carried_from_at.date(), today)}"
    if entry.source is AgendaSource.CARRIED_OVER:
        return carried[0].upper() + carried[1:]
    return f"{SOURCE_WORDS[entry.source]}, {carried}"


def due_status(entry: AgendaEntry, today: date) -> CoachingStatus | None:
    if entry.overdue:
        return CoachingStatus.OVERDUE
    if entry.due_on is not None and (entry.due_on - today).days <= DUE_SOON_DAYS:
        return CoachingStatus.DUE_SOON
    return None


def parts_text(parts: list[Part]) -> str:
    return " · ".join(part.text for part in parts)


def state_words(entry: AgendaEntry) -> str:
    if entry.deferred:
        return "Deferred"
    return "Done" if entry.done else "Open"


def clock_text(seconds: int) -> str:
    """ "4:05", "1:02:09": a running clock, as a stopwatch shows it."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def minutes_words(seconds: int) -> str:
    """ "under a minute", "1 minute", "12 minutes": time spent, as a person says it."""
    minutes = seconds // 60
    if minutes < 1:
        return "under a minute"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
