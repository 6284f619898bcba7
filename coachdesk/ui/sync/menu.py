"""The Sync menu: sync now, set up or leave the portal, see what leaves this laptop, and review conflict copies.

Each item is enabled by the notebook's sync state as the controller last read it.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.sync.controller import SyncController
from coachdesk.ui.sync.status_text import SyncView
from coachdesk.ui.tasks import TaskRunner


class SyncMenu:
    def __init__(self, window: QMainWindow, context: UiContext, controller: SyncController, runner: TaskRunner) -> None:
        self._window = window
        self._context = context
        self._controller = controller
        self._runner = runner
        menu = window.menuBar().addMenu("S&ync")
        self.sync_now = menu.addAction("&Sync now", QKeySequence("Ctrl+Shift+S"), self.sync_or_set_up)
        self.set_up = menu.addAction("Set &up sync…", self.set_up_sync)
        self.what_leaves = menu.addAction("&What leaves this laptop…", self.show_what_leaves)
        self.review = menu.addAction("&Needs review…", QKeySequence("Ctrl+Shift+R"), self.open_review)
        self.leader = menu.addAction("&Coaching on the portal…", self.show_leader_view)
        menu.addSeparator()
        self.leave = menu.addAction("&Leave the portal…", self.leave_portal)
        window.addActions([self.sync_now, self.review])
        controller.changed.connect(self._enable)
        self._enable(controller.view)

    def sync_or_set_up(self) -> None:
        if self._controller.view.enrolled:
            self._controller.sync_now(asked=True)
        else:
            self.set_up_sync()

    def set_up_sync(self) -> None:
        from coachdesk.ui.sync.enroll_dialog import EnrollDialog

        dialog = EnrollDialog(self._context, self._runner, self._window)
        dialog.enrolled.connect(self._enrolled)
        dialog.open()

    def show_what_leaves(self) -> None:
        from coachdesk.ui.sync.preview_dialog import WhatLeavesDialog

        WhatLeavesDialog(self._context, self._window, enrolled=self._controller.view.enrolled).open()

    def open_review(self) -> None:
        from coachdesk.ui.sync.review_dialog import ReviewDialog

        dialog = ReviewDialog(self._context, self._window)
        dialog.finished.connect(lambda _result: self._controller.refresh())
        dialog.open()

    def show_leader_view(self) -> None:
        from coachdesk.ui.sync.leader_dialog import LeaderDialog

        LeaderDialog(self._context, self._runner, self._window).open()

    def leave_portal(self) -> None:
        answer = QMessageBox.question(
            self._window,
            "Leave the portal",
            "Stop syncing this notebook? Your notebook stays as it is on this laptop; changes not yet sent are not "
            "sent, and the portal keeps what it already has.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._context.change(self._window, self._leave, lambda _none: self._controller.refresh(), *Topic.ALL)

    def _leave(self) -> None:
        from coachdesk.sync.credentials import held_token_store
        from coachdesk.sync.device import leave_portal

        notebook = self._context.services.notebook
        leave_portal(notebook, held_token_store(notebook))

    def _enrolled(self, queued: int) -> None:
        self._context.navigator.show_saved(f"Enrolled: {queued:,} records will be sent at the first sync.")
        self._controller.start(first_sync_ms=0)

    def _enable(self, view: SyncView) -> None:
        self.set_up.setEnabled(not view.enrolled)
        self.leave.setEnabled(view.enrolled)
        self.review.setEnabled(view.enrolled)
        self.leader.setEnabled(view.enrolled)
