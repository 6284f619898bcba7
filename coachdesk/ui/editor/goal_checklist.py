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
        """Offers (id, title) goals to tick, keeping ticked those in `checked`; `note` says why there are none.

        The same goals again only update the ticks, so the box holding the focus keeps it.
        """
        if [(str(box.property("goal_id")), box.text()) for box in self.boxes] == list(goals):
            for box in self.boxes:
                box.blockSignals(True)
                box.setChecked(box.property("goal_id") in checked)
                box.blockSignals(False)
        else:
            self._make_boxes(goals, checked)
        self.note.setText(note)
        self.note.setVisible(not goals)

    def _make_boxes(self, goals: Sequence[tuple[str, str]], checked: Collection[str]) -> None:
        """Boxes shown at once (a layout would show them on the next turn of the event loop), so a key that
        moves the focus to the list right after it changed finds them."""
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
            box.show()
            self.boxes.append(box)
        self.setFocusProxy(self.boxes[0] if self.boxes else self.note)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.boxes else Qt.FocusPolicy.NoFocus)

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(str(box.property("goal_id")) for box in self.boxes if box.isChecked())
