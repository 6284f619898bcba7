"""Sync's place in the main window, built in one piece: the controller, the Sync menu and the status bar's button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QMainWindow

from coachdesk.ui.context import UiContext
from coachdesk.ui.sync.controller import SyncController
from coachdesk.ui.sync.menu import SyncMenu
from coachdesk.ui.sync.status_button import SyncStatusButton
from coachdesk.ui.tasks import TaskRunner


class SyncDesk:
    def __init__(
        self, window: QMainWindow, context: UiContext, runner: TaskRunner, clock: Callable[[], datetime]
    ) -> None:
        self.controller = SyncController(context, runner, window)
        self.menu = SyncMenu(window, context, self.controller, runner)
        self.status_button = SyncStatusButton(self.controller, self.menu.open_review, clock)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()
