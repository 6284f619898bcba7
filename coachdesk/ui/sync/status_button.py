"""The status bar's sync state: one flat button that says where sync stands and acts on a click.

A click opens "Needs review" when copies wait there, otherwise it syncs now. Hidden while the notebook is not
enrolled: the app is complete without sync, and says nothing about it until the person sets it up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QPushButton, QWidget

from coachdesk.ui.sync.controller import SyncController
from coachdesk.ui.sync.status_text import SyncView, status_words


class SyncStatusButton(QPushButton):
    def __init__(
        self,
        controller: SyncController,
        open_review: Callable[[], None],
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._open_review = open_review
        self._clock = clock
        self.setFlat(True)
        self.setAccessibleName("Sync state")
        self.hide()
        controller.changed.connect(self.show_view)
        self.clicked.connect(self._act)

    def show_view(self, view: SyncView) -> None:
        words = status_words(view, self._clock())
        self.setText(words.text)
        self.setToolTip(words.tooltip)
        self.setAccessibleDescription(words.tooltip)
        self.setVisible(bool(words.text))

    def _act(self) -> None:
        status = self._controller.view.status
        if status is not None and status.needs_review:
            self._open_review()
        else:
            self._controller.sync_now(asked=True)
