"""What every screen is handed: the services, the worker, the error reporter, change notices and navigation.

The main window builds one `UiContext` once the notebook is open; screens never reach for globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from coachdesk.services import Services
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.settings import UiSettings
from coachdesk.ui.tasks import TaskRunner

T = TypeVar("T")


class Topic:
    """What a write changed, so each screen reloads only when its own data moved."""

    PEOPLE = "people"
    LOG = "log"
    COMMITMENTS = "commitments"
    MEETINGS = "meetings"
    PLANS = "plans"
    KPIS = "kpis"
    RECOGNITION = "recognition"
    MENTORING = "mentoring"
    ALL = frozenset({PEOPLE, LOG, COMMITMENTS, MEETINGS, PLANS, KPIS, RECOGNITION, MENTORING})


class ChangeNotices(QObject):
    """Says when a write starts and what it changed, so screens refresh and the status bar says "saved"."""

    saving = Signal()
    changed = Signal(frozenset)
    failed = Signal()

    def announce(self, *topics: str) -> None:
        self.changed.emit(frozenset(topics))


class Navigator(Protocol):
    """Where a click can take the person: implemented by the main window."""

    def open_agent(self, person_id: str) -> None: ...

    def open_entry(self, entry_id: str) -> None: ...

    def open_plan(self, person_id: str) -> None: ...

    def new_session(self, agent_id: str | None = None) -> None: ...

    def open_meeting(self, meeting_id: str) -> None: ...

    def review_pack(self, person_id: str) -> None: ...

    def show_saved(self, message: str) -> None: ...


@dataclass(frozen=True)
class UiContext:
    services: Services
    tasks: TaskRunner
    errors: ErrorReporter
    notices: ChangeNotices
    settings: UiSettings
    navigator: Navigator

    def load(self, parent: QWidget, work: Callable[[], T], show: Callable[[T], None]) -> None:
        """Runs a read on the worker and hands the result to `show` on the GUI thread; errors become a message."""
        self.tasks.submit(work, show, lambda error: self.errors.show(parent, error))

    def change(self, parent: QWidget, work: Callable[[], T], done: Callable[[T], None], *topics: str) -> None:
        """Runs a write on the worker, then tells every screen listening to `topics` that its data moved."""

        def finished(result: T) -> None:
            self.notices.announce(*topics)
            done(result)

        def refused(error: BaseException) -> None:
            self.notices.failed.emit()
            self.errors.show(parent, error)

        self.notices.saving.emit()
        self.tasks.submit(work, finished, refused)
