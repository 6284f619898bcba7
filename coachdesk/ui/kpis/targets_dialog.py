"""The people whose own target for a KPI differs from the team's: a new starter's looser one, a senior's stretch."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.services.kpis import KpiDefinition, parse_target
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import kpi_value
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.team.refusals import catching
from coachdesk.ui.widgets import muted, row_list

PERSON_ROLE = Qt.ItemDataRole.UserRole + 3


class PersonalTargetsDialog(QDialog):
    """`agents` are (id, name) pairs to choose from."""

    def __init__(
        self,
        context: UiContext,
        definition: KpiDefinition,
        agents: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.definition = definition
        kpi = definition.kpi
        self.setWindowTitle(f"Own targets for {kpi.name} — CoachDesk")
        self.setAccessibleName(f"Own targets for {kpi.name}")
        self.resize(520, 420)
        team_target = "no target" if kpi.target is None else f"a target of {kpi_value(kpi.target, kpi)}"
        self.list = row_list("Own targets", ["Person", "Own target"])
        self.list.setColumnWidth(0, 260)
        self.person = QComboBox()
        self.person.setAccessibleName("Person")
        for person_id, name in agents:
            self.person.addItem(name, person_id)
        self.target = QLineEdit()
        self.target.setPlaceholderText("e.g. 80")
        self.target.setAccessibleName("Own target")
        self.set_button = QPushButton("&Set target")
        self.set_button.clicked.connect(self.set_target)
        self.target.returnPressed.connect(self.set_target)
        self.clear_button = QPushButton("&Clear the selected")
        self.clear_button.setToolTip("The person goes back to the KPI's own target.")
        self.clear_button.clicked.connect(self.clear_target)
        self.problem = problem_label("Problem with the own target")
        self.problems = FieldProblems(self.problem)
        form = QFormLayout()
        form.addRow("&Person:", self.person)
        form.addRow("&Own target:", self.target)
        actions = QHBoxLayout()
        actions.addWidget(self.set_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(f"{kpi.name} has {team_target}. Set a person's own where it differs."))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self._show(definition)

    def _show(self, definition: KpiDefinition) -> None:
        self.definition = definition
        self.list.clear()
        for own in definition.personal_targets:
            item = QTreeWidgetItem([own.person_name, kpi_value(own.target, definition.kpi)])
            item.setData(0, PERSON_ROLE, own.person_id)
            self.list.addTopLevelItem(item)
        self.clear_button.setEnabled(bool(definition.personal_targets))

    def set_target(self) -> None:
        self.problems.clear()
        kpis, kpi_id = self.context.services.kpis, self.definition.kpi.id
        person_id, typed = self.person.currentData(), self.target.text()

        def work() -> KpiDefinition:
            target = parse_target(typed)
            if target is None:
                kpis.clear_personal_target(kpi_id, person_id)
            else:
                kpis.set_personal_target(kpi_id, person_id, target)
            return kpis.definition(kpi_id)

        self.context.change(self, catching(work), self._done, Topic.KPIS)

    def clear_target(self) -> None:
        item = self.list.currentItem() or self.list.topLevelItem(0)
        if item is None:
            return
        kpis, kpi_id, person_id = self.context.services.kpis, self.definition.kpi.id, item.data(0, PERSON_ROLE)

        def work() -> KpiDefinition:
            kpis.clear_personal_target(kpi_id, person_id)
            return kpis.definition(kpi_id)

        self.context.change(self, catching(work), self._done, Topic.KPIS)

    def _done(self, result: KpiDefinition | CoachDeskError) -> None:
        if isinstance(result, CoachDeskError):
            self.problems.show(result)
            return
        self.target.clear()
        self._show(result)
