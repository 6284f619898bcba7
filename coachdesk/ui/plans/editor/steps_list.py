"""A goal's stairway as an ordered list: type a step in place, tick it done, move it with Ctrl+↑ and Ctrl+↓."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from coachdesk.services.plans import StepDraft

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class StepsList(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Steps, in order")
        self.setToolTip("F2 renames a step, Space ticks it done, Ctrl+↑ and Ctrl+↓ move it.")
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.today = date.today()

    def set_steps(self, steps: list[StepDraft]) -> None:
        self.clear()
        for step in steps:
            self.addItem(step_item(step))
        if steps:
            self.setCurrentRow(0)

    def steps(self) -> list[StepDraft]:
        """The steps as listed, each done or not as ticked: ticking stamps today, unticking clears the day."""
        drafts = []
        for row in range(self.count()):
            item = self.item(row)
            step: StepDraft = item.data(STEP_ROLE)
            done = item.checkState() == Qt.CheckState.Checked
            completed = (step.completed_on or self.today) if done else None
            drafts.append(replace(step, text=item.text(), completed_on=completed))
        return drafts

    def add_step(self, text: str) -> None:
        self.addItem(step_item(StepDraft(text.strip())))
        self.setCurrentRow(self.count() - 1)

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.takeItem(row)

    def set_current_due(self, due_on: date | None) -> None:
        item = self.currentItem()
        if item is not None:
            item.setData(STEP_ROLE, replace(item.data(STEP_ROLE), due_on=due_on))

    def current_due(self) -> date | None:
        item = self.currentItem()
        step: StepDraft | None = item.data(STEP_ROLE) if item is not None else None
        return step.due_on if step is not None else None

    def move_current(self, by: int) -> None:
        row = self.currentRow()
        target = row + by
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in moves:
            self.move_current(moves[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)


def step_item(step: StepDraft) -> QListWidgetItem:
    item = QListWidgetItem(step.text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if step.completed_on else Qt.CheckState.Unchecked)
    item.setData(STEP_ROLE, step)
    return item
