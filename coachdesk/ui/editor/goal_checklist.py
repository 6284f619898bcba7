"""The goals of the agent's active development plan, ticked when a session worked on them: the goals' evidence."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from coachdesk.ui.widgets import muted

NO_AGENT = "Choose an agent to see the goals of their development plan."


class GoalChecklist(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Plan goals worked on")
        self.boxes: list[QCheckBox] = []
        self.note = muted(NO_AGENT)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.note)

    def set_goals(self, goals: Sequence[tuple[str, str]], note: str, checked: Collection[str] = ()) -> None:
        """Offers (id, title) goals to tick, keeping ticked those in `checked`; `note` says why there are none."""
        for box in self.boxes:
            box.setParent(None)
            box.deleteLater()
        self.boxes = []
        for goal_id, title in goals:
            box = QCheckBox(title)
            box.setProperty("goal_id", goal_id)
            box.setChecked(goal_id in checked)
            box.toggled.connect(self.changed)
            self._layout.addWidget(box)
            self.boxes.append(box)
        self.note.setText(note)
        self.note.setVisible(not goals)
        self.setFocusProxy(self.boxes[0] if self.boxes else self.note)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.boxes else Qt.FocusPolicy.NoFocus)

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(str(box.property("goal_id")) for box in self.boxes if box.isChecked())
