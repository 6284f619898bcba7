"""What stands in the way of the plan's goals, and who has promised to remove each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.plans.editor.editor_data import Choice, EditedBarrier, EditedGoal
from coachdesk.ui.plans.editor.record_list import RecordList
from coachdesk.ui.problem_text import FieldProblems, problem_label


class BarriersBox(QWidget):
    def __init__(self, problems: FieldProblems) -> None:
        super().__init__()
        self._goals: list[EditedGoal] = []
        self.today = date.today()
        self.list = QListWidget()
        self.list.setAccessibleName("Barriers")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QLineEdit()
        self.text.setAccessibleName("Barrier")
        self.text.setPlaceholderText("What is in the way, e.g. No quiet room for call reviews")
        self.goal = QComboBox()
        self.goal.setAccessibleName("Goal it blocks")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Removed by")
        self.owner.addItem("Nobody yet", None)
        self.removed = QCheckBox("Re&moved")
        self.removed.setAccessibleName("Barrier removed")
        self.add = QPushButton("Add barrier")
        self.add.clicked.connect(self.add_barrier)
        self.remove = QPushButton("Drop barrier")
        self.remove.setToolTip("Take the barrier off the plan (tick Removed when it has been dealt with)")
        for button in (self.add, self.remove):
            button.setAutoDefault(False)
        self.problem = problem_label("Barrier problem")
        problems.add("barriers", self.problem, self.text)
        self.records = RecordList(self.list, EditedBarrier, self._store, self._load, "(new barrier)")
        self.text.textEdited.connect(self.records.rename_shown)
        self.remove.clicked.connect(self.records.remove_shown)

        list_label = QLabel("What's in the &way")
        list_label.setBuddy(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        fields = QGridLayout()
        goal_label, owner_label = QLabel("In the way o&f"), QLabel("Removed b&y")
        goal_label.setBuddy(self.goal)
        owner_label.setBuddy(self.owner)
        fields.addWidget(self.text, 0, 0, 1, 4)
        fields.addWidget(goal_label, 1, 0)
        fields.addWidget(self.goal, 1, 1)
        fields.addWidget(owner_label, 1, 2)
        fields.addWidget(self.owner, 1, 3)
        fields.addWidget(self.removed, 2, 0, 1, 2)
        fields.addWidget(self.problem, 3, 0, 1, 4)
        fields.setColumnStretch(1, 1)
        fields.setColumnStretch(3, 1)
        side = QVBoxLayout()
        side.addWidget(list_label)
        side.addWidget(self.list)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(side, 2)
        layout.addLayout(fields, 3)
        self._load(None)

    @property
    def barriers(self) -> list[EditedBarrier]:
        return self.records.records

    def set_people(self, people: list[Choice]) -> None:
        for person_id, name in people:
            self.owner.addItem(name, person_id)

    def set_barriers(self, barriers: list[EditedBarrier], goals: list[EditedGoal]) -> None:
        self.set_goals(goals)
        self.records.set_records(barriers, [b.text for b in barriers])

    def set_goals(self, goals: list[EditedGoal]) -> None:
        """Offers the goals as they are now; a barrier whose goal was removed then stands in the plan's way."""
        self.records.store()
        self._goals = goals
        self.goal.clear()
        self.goal.addItem("The whole plan", None)
        for index, goal in enumerate(goals):
            self.goal.addItem(goal.title.strip() or f"Goal {index + 1}", index)
        for barrier in self.barriers:
            if barrier.goal is not None and barrier.goal not in goals:
                barrier.goal = None
        self.records.reload()

    def add_barrier(self) -> None:
        self.records.add()
        self.text.setFocus()

    def store(self) -> None:
        self.records.store()

    def _store(self, barrier: EditedBarrier) -> None:
        barrier.text = self.text.text()
        index = self.goal.currentData()
        barrier.goal = self._goals[index] if isinstance(index, int) and index < len(self._goals) else None
        barrier.owner_id = self.owner.currentData()
        if not self.removed.isChecked():
            barrier.removed_on = None
        elif barrier.removed_on is None:
            barrier.removed_on = self.today

    def _load(self, barrier: EditedBarrier | None) -> None:
        self.text.setText(barrier.text if barrier else "")
        goal_index = next((i for i, g in enumerate(self._goals) if barrier and g is barrier.goal), None)
        self.goal.setCurrentIndex(max(self.goal.findData(goal_index), 0))
        self.owner.setCurrentIndex(max(self.owner.findData(barrier.owner_id if barrier else None), 0))
        self.removed.setChecked(bool(barrier and barrier.removed_on))
        for widget in (self.text, self.goal, self.owner, self.removed, self.remove):
            widget.setEnabled(barrier is not None)
