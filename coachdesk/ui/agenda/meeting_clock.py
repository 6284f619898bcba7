"""The running time of a meeting and of each agenda item, counted on the monotonic clock.

Only time the laptop is awake counts: a gap between two readings longer than `ASLEEP_AFTER` seconds (a closed
lid, a suspended machine) adds nothing, so a meeting resumes where it was. Pure Python, so it is tested without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from time import monotonic

ASLEEP_AFTER = 5.0
"""The display ticks every second; a longer silence means the machine was asleep, not that the meeting went on."""


class MeetingClock:
    def __init__(self) -> None:
        self.meeting_id: str | None = None
        self._elapsed = 0.0
        self._items: dict[str, float] = {}
        self._current: str | None = None
        self._last: float | None = None
        self._saved_at = 0

    @property
    def running(self) -> bool:
        return self._last is not None

    def resume(self, meeting_id: str, elapsed_seconds: int, item_seconds: Mapping[str, int]) -> None:
        """Runs on from the time the notebook kept for this meeting and its items."""
        self.meeting_id = meeting_id
        self._elapsed = float(elapsed_seconds)
        self._items = {item_id: float(seconds) for item_id, seconds in item_seconds.items()}
        self._saved_at = elapsed_seconds
        self._last = monotonic()

    def stop(self) -> None:
        self._advance()
        self._last = None

    def focus(self, item_id: str | None) -> None:
        """From now on the time goes to this item (the one on screen)."""
        self._advance()
        self._current = item_id
        if item_id is not None:
            self._items.setdefault(item_id, 0.0)

    def keep_only(self, item_ids: set[str]) -> None:
        """Drops the items no longer on the agenda, so saving never names one the notebook no longer has."""
        self._advance()
        self._items = {item_id: seconds for item_id, seconds in self._items.items() if item_id in item_ids}
        if self._current not in item_ids:
            self._current = None

    def elapsed(self) -> int:
        self._advance()
        return int(self._elapsed)

    def item_seconds(self, item_id: str) -> int:
        self._advance()
        return int(self._items.get(item_id, 0.0))

    def snapshot(self) -> tuple[int, dict[str, int]]:
        """The meeting's time and every item's, to keep in the notebook; it counts as saved from here."""
        self._advance()
        self._saved_at = int(self._elapsed)
        return self._saved_at, {item_id: int(seconds) for item_id, seconds in self._items.items()}

    def unsaved_seconds(self) -> int:
        return self.elapsed() - self._saved_at

    def _advance(self) -> None:
        if self._last is None:
            return
        now = monotonic()
        gap, self._last = now - self._last, now
        if gap > ASLEEP_AFTER:
            return
        self._elapsed += gap
        if self._current is not None:
            self._items[self._current] = self._items.get(self._current, 0.0) + gap
