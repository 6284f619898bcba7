"""The report's plan goals, ticked during the meeting when it worked on them: when it ends they become the goals'
evidence in the leader log. Each tick is saved at once, so a meeting resumed after a crash still has it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.models import MeetingStatus
from coachdesk.services.agenda import AgendaView
from coachdesk.services.meetings import UPCOMING
from coachdesk.ui.editor.goal_checklist import GoalChecklist

BOX_MINIMUM_WIDTH = 120
"""A long goal is cut short in a narrow window rather than widening it; its tooltip holds it whole."""


class GoalsPanel(QWidget):
    ticked = Signal(tuple)
    """The ids of every goal now ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Plan goals worked on")
        self.checklist = GoalChecklist()
        self.checklist.changed.connect(lambda: self.ticked.emit(self.checklist.checked_ids()))
        label = QLabel("&Plan goals worked on")
        label.setBuddy(self.checklist)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(label)
        layout.addWidget(self.checklist)

    def show_goals(self, view: AgendaView) -> None:
        """Every open goal while the meeting is to come (to tick once started); afterwards the ones it worked on."""
        to_come = view.status in UPCOMING
        if to_come:
            note = f"{view.report_name.split()[0]} has no open goals in a development plan."
        else:
            note = "The meeting worked on no plan goal."
        goals = view.goals if to_come else tuple(g for g in view.goals if g.ticked)
        self.checklist.set_goals([(g.id, g.title) for g in goals], note, {g.id for g in goals if g.ticked})
        for box in self.checklist.boxes:
            box.setMinimumWidth(BOX_MINIMUM_WIDTH)
            box.setToolTip(box.text())
        self.setEnabled(view.status is MeetingStatus.IN_PROGRESS)
