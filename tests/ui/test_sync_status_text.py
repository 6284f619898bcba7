"""What the status bar says about sync in each state a person meets."""

from __future__ import annotations

from datetime import UTC, datetime

from coachdesk.models import SharingLevel
from coachdesk.sync.device import SyncStatus
from coachdesk.ui.sync.status_text import Activity, SyncView, status_words

NOW = datetime(2026, 11, 23, 15, 0)


def status(waiting: int = 0, review: int = 0, synced: datetime | None = None, *, enrolled: bool = True) -> SyncStatus:
    portal = "https://portal.example.org" if enrolled else None
    level = SharingLevel.EVERYTHING_BUT_PRIVATE if enrolled else None
    return SyncStatus(enrolled, portal, level, waiting, review, synced)


def utc(local: datetime) -> datetime:
    """The notebook keeps naive UTC; the status bar reads local time."""
    return local.astimezone(UTC).replace(tzinfo=None)


def test_a_notebook_that_never_enrolled_says_nothing_about_sync() -> None:
    assert status_words(SyncView(status(enrolled=False)), NOW).text == ""


def test_changes_waiting_are_counted_until_they_are_sent() -> None:
    assert status_words(SyncView(status(waiting=3)), NOW).text == "3 changes waiting"
    assert status_words(SyncView(status(waiting=1)), NOW).text == "1 change waiting"


def test_a_finished_sync_says_when_in_local_time() -> None:
    assert status_words(SyncView(status(synced=utc(datetime(2026, 11, 23, 10, 42)))), NOW).text == "Synced 10:42"
    yesterday = status(synced=utc(datetime(2026, 11, 22, 16, 5)))
    assert status_words(SyncView(yesterday), NOW).text == "Synced yesterday 16:05"
    assert status_words(SyncView(status()), NOW).text == "Not synced yet"


def test_offline_keeps_saying_what_waits_and_what_needs_review() -> None:
    view = SyncView(status(waiting=2, review=1), Activity.OFFLINE, "The Coaching Portal cannot be reached.")
    words = status_words(view, NOW)
    assert words.text == "Offline · 2 changes waiting · 1 to review"
    assert "cannot be reached" in words.tooltip


def test_a_refused_sync_says_it_stopped_and_why_in_the_tooltip() -> None:
    view = SyncView(status(), Activity.STOPPED, "This computer's clock is 9 minutes ahead of the Coaching Portal's.")
    words = status_words(view, NOW)
    assert words.text == "Sync stopped"
    assert "9 minutes ahead" in words.tooltip


def test_syncing_shows_while_it_runs() -> None:
    assert status_words(SyncView(status(waiting=4), Activity.SYNCING), NOW).text == "Syncing…"
