"""Coaching on the portal: for a leader, each manager below them with sessions per week, one-on-ones and who is
overdue; for a manager, their own row. The portal decides whose rows the caller may see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.context import UiContext
from coachdesk.ui.tasks import TaskRunner
from coachdesk.ui.widgets import muted

if TYPE_CHECKING:
    from coachdesk.sync.leader_view import LeaderTracker, ManagerCoaching


class LeaderDialog(QDialog):
    def __init__(self, context: UiContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle("Coaching on the portal")
        self.setAccessibleName("Coaching on the portal")
        self.summary = QLabel("Asking the Coaching Portal…")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary")
        self.table = QTableWidget()
        self.table.setAccessibleName("Managers")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.overdue = muted("")
        self.overdue.setAccessibleName("Overdue for coaching")
        self.overdue.setWordWrap(True)
        self.overdue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.overdue)
        layout.addWidget(buttons)
        self.resize(900, 420)
        runner.submit(self._fetch, self.show_tracker, self._refused)

    def _fetch(self) -> LeaderTracker:
        from coachdesk.sync.credentials import token_store_for
        from coachdesk.sync.device import portal_for
        from coachdesk.sync.leader_view import fetch_tracker

        notebook = self._context.services.notebook
        with portal_for(notebook, token_store_for(notebook)) as portal:
            return fetch_tracker(portal)

    def show_tracker(self, tracker: LeaderTracker) -> None:
        from coachdesk.sync.leader_view import NO_NOTEBOOKS, manager_figures, tracker_header

        if not tracker.managers:
            self.summary.setText(NO_NOTEBOOKS)
            self.table.hide()
            return
        self.summary.setText(
            f"Sessions per week from {tracker.weeks[0]} to {tracker.weeks[-1]}, one-on-ones held in those weeks, "
            f"and who is overdue for coaching on {tracker.today:%d %b %Y}."
        )
        headers = tracker_header(tracker)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(tracker.managers))
        for row, manager in enumerate(tracker.managers):
            for column, text in enumerate(manager_figures(manager)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.overdue.setText(overdue_lines(tracker.managers))

    def _refused(self, error: BaseException) -> None:
        self.summary.setText(self._context.errors.message_for(error))
        self.table.hide()


def overdue_lines(managers: tuple[ManagerCoaching, ...]) -> str:
    from coachdesk.sync.leader_view import overdue_words

    lines = [
        f"{manager.name}: {', '.join(map(overdue_words, manager.overdue_agents))}"
        for manager in managers
        if manager.overdue_agents
    ]
    return "Overdue for coaching —\n" + "\n".join(lines) if lines else "Nobody is overdue for coaching."
