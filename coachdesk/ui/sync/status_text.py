"""What the status bar says about sync, in a few words and a longer tooltip.

Kept apart from the widgets so every wording can be checked without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coachdesk.sync.device import SyncStatus


class Activity(Enum):
    IDLE = "idle"
    SYNCING = "syncing"
    OFFLINE = "offline"
    STOPPED = "stopped"


@dataclass(frozen=True)
class SyncView:
    """The notebook's sync state as last read, what sync is doing now, and the words of the last refusal."""

    status: SyncStatus | None = None
    activity: Activity = Activity.IDLE
    problem: str = ""

    @property
    def enrolled(self) -> bool:
        return self.status is not None and self.status.enrolled


@dataclass(frozen=True)
class StatusWords:
    text: str
    tooltip: str


def status_words(view: SyncView, now: datetime) -> StatusWords:
    """A short line for the status bar; `now` is local time, as the person reads the clock."""
    status = view.status
    if status is None or not status.enrolled:
        return StatusWords("", "")
    waiting = plural(status.waiting, "change") + " waiting"
    review = f"{status.needs_review} to review" if status.needs_review else ""
    portal = f"Coaching Portal: {status.portal_url}"
    if view.activity is Activity.SYNCING:
        return StatusWords("Syncing…", f"{portal}\nSending and fetching changes.")
    if view.activity is Activity.OFFLINE:
        text = joined("Offline", waiting if status.waiting else "", review)
        return StatusWords(text, f"{portal}\n{view.problem}\nYour work is kept here and goes at the next sync.")
    if view.activity is Activity.STOPPED:
        return StatusWords(joined("Sync stopped", review), f"{portal}\n{view.problem}")
    synced = last_synced(status.last_synced_at, now)
    text = joined(waiting if status.waiting else synced, review)
    hint = "Needs review: Sync ▸ Needs review… (Ctrl+Shift+R)" if status.needs_review else "Sync now: Ctrl+Shift+S"
    return StatusWords(text, f"{portal}\n{synced}; {waiting}.\n{hint}")


def last_synced(when: datetime | None, now: datetime) -> str:
    """`when` is naive UTC as the notebook keeps it; said in local time, with the day only when not today."""
    if when is None:
        return "Not synced yet"
    local = when.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    if local.date() == now.date():
        return f"Synced {local:%H:%M}"
    if (now.date() - local.date()).days == 1:
        return f"Synced yesterday {local:%H:%M}"
    return f"Synced {local.day} {local:%b %H:%M}"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)
