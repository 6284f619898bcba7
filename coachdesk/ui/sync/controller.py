"""Background sync: every few minutes and on demand, on its own worker, so the window never waits on the network.

Sync runs on a worker of its own rather than the notebook's: a slow portal must not hold up a screen's reads.
Both workers share the notebook file; SQLite's busy timeout lets their short transactions take turns.
The sync code (and httpx with it) is imported on that worker, only once sync is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from coachdesk.errors import CoachDeskError
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.sync.status_text import Activity, SyncView
from coachdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from coachdesk.sync.device import SyncStatus
    from coachdesk.sync.run import SyncTally

SYNC_EVERY_MS = 5 * 60_000
FIRST_SYNC_MS = 3_000
"""Soon after the window opens, once the screens have read what they show first."""


@dataclass(frozen=True)
class Synced:
    tally: SyncTally
    status: SyncStatus


class SyncController(QObject):
    """Owns when sync runs and what the window knows of it; `changed` carries each new `SyncView`."""

    changed = Signal(object)

    def __init__(self, context: UiContext, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner
        self._window = parent
        self.view = SyncView()
        self._again = False
        self._first_sync_ms = FIRST_SYNC_MS
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_EVERY_MS)
        self._timer.timeout.connect(self.sync_now)
        context.notices.changed.connect(lambda _topics: self.refresh())

    def start(self, first_sync_ms: int = FIRST_SYNC_MS) -> None:
        """Reads the sync state; an enrolled notebook syncs `first_sync_ms` after, then every few minutes."""
        self._first_sync_ms = first_sync_ms
        self._context.load(self._window, self._read_status, self._first_status)

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        """Re-reads the counts the status bar shows (changes waiting, copies to review)."""
        self._context.load(self._window, self._read_status, self._show_status)

    def sync_now(self, *, asked: bool = False) -> None:
        """Starts a sync, or another one as soon as the running one ends (edits made meanwhile go with it).

        `asked` (the person chose Sync now) shows a refusal in a message rather than only in the status bar.
        """
        if not self.view.enrolled:
            return
        if self.view.activity is Activity.SYNCING:
            self._again = True
            return
        self._publish(SyncView(self.view.status, Activity.SYNCING))
        self._runner.submit(self._sync, self._synced, lambda error: self._failed(error, asked=asked))

    def _read_status(self) -> SyncStatus:
        from coachdesk.sync.device import sync_status

        return sync_status(self._context.services.notebook)

    def _sync(self) -> Synced:
        from coachdesk.sync.credentials import token_store_for
        from coachdesk.sync.device import sync_now, sync_status

        notebook = self._context.services.notebook
        tally = sync_now(notebook, token_store_for(notebook))
        return Synced(tally, sync_status(notebook))

    def _first_status(self, status: SyncStatus) -> None:
        self._show_status(status)
        if status.enrolled:
            QTimer.singleShot(self._first_sync_ms, self, self.sync_now)

    def _show_status(self, status: SyncStatus) -> None:
        activity = self.view.activity if status.enrolled else Activity.IDLE
        self._publish(SyncView(status, activity, self.view.problem))
        if status.enrolled and not self._timer.isActive():
            self._timer.start()
        if not status.enrolled:
            self._timer.stop()

    def _synced(self, synced: Synced) -> None:
        self._publish(SyncView(synced.status, Activity.IDLE))
        if synced.tally.pulled or synced.tally.conflicts:
            self._context.notices.announce(*Topic.ALL)
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self.sync_now()

    def _failed(self, error: BaseException, *, asked: bool) -> None:
        from coachdesk.sync.transport import PortalUnreachable

        activity = Activity.OFFLINE if isinstance(error, PortalUnreachable) else Activity.STOPPED
        if isinstance(error, CoachDeskError) and not (asked and activity is Activity.STOPPED):
            problem = error.message
        else:
            problem = self._context.errors.show(self._window, error, "Sync").text()
        self._publish(SyncView(self.view.status, activity, problem))
        self.refresh()
        self._run_again()

    def _publish(self, view: SyncView) -> None:
        self.view = view
        self.changed.emit(view)
