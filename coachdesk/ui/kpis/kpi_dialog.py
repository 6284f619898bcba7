"""Defining or changing a KPI: what it measures, its target, which way is better, how often it is measured, for whom.

A refused save keeps the dialog open with the reason beside the field, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError
from coachdesk.models import KpiPeriod
from coachdesk.services.kpis import MAX_DECIMALS, KpiDefinition, KpiDraft, parse_target
from coachdesk.services.people import TeamView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.problem_text import FieldProblems, problem_label
from coachdesk.ui.team.refusals import catching

PERIOD_WORDS = {KpiPeriod.DAY: "Day", KpiPeriod.WEEK: "Week", KpiPeriod.MONTH: "Month"}
HIGHER, LOWER = "Higher is better", "Lower is better"
EVERY_TEAM = "Every team"


class KpiDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        teams: Sequence[TeamView],
        definition: KpiDefinition | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.kpi_id = definition.kpi.id if definition else None
        title = "Add a KPI" if definition is None else f"Edit {definition.kpi.name}"
        self.setWindowTitle(f"{title} — CoachDesk")
        self.setAccessibleName(title)
        self.setMinimumWidth(520)
        self.problem = problem_label("Problem")
        self.problems = FieldProblems(self.problem)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Schedule adherence")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("e.g. %, s, calls")
        self.target = QLineEdit()
        self.target.setPlaceholderText("e.g. 85 — leave empty if there is none")
        self.direction = QComboBox()
        self.direction.addItems([HIGHER, LOWER])
        self.period = QComboBox()
        for period, words in PERIOD_WORDS.items():
            self.period.addItem(words, period)
        self.decimals = QSpinBox()
        self.decimals.setRange(0, MAX_DECIMALS)
        self.decimals.setValue(1)
        self.period.setCurrentIndex(self.period.findData(KpiPeriod.WEEK))
        self.team = QComboBox()
        self.team.addItem(EVERY_TEAM, None)
        for team in teams:
            self.team.addItem(team.name, team.id)
        form = QFormLayout()
        self._row(form, "&Name:", "name", self.name)
        self._row(form, "&Unit:", "unit", self.unit)
        self._row(form, "&Target:", "target", self.target)
        self._row(form, "&Better:", "higher_is_better", self.direction)
        self._row(form, "Measured per &period:", "period", self.period)
        self._row(form, "&Decimals shown:", "decimals", self.decimals)
        self._row(form, "For t&eam:", "team_id", self.team)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save KPI")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if definition is not None:
            self._fill(definition)
        self.name.setFocus()

    def _row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.problems.add_row(form, label, field, widget)

    def _fill(self, definition: KpiDefinition) -> None:
        kpi = definition.kpi
        self.name.setText(kpi.name)
        self.name.selectAll()
        self.unit.setText(kpi.unit)
        self.target.setText("" if kpi.target is None else f"{kpi.target:g}")
        self.direction.setCurrentText(HIGHER if kpi.higher_is_better else LOWER)
        self.period.setCurrentIndex(self.period.findData(kpi.period))
        self.decimals.setValue(kpi.decimals)
        self.team.setCurrentIndex(max(0, self.team.findData(definition.team_id)))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.problems.clear()
        kpis, kpi_id, typed = self.context.services.kpis, self.kpi_id, self.target.text()
        name, unit, higher = self.name.text(), self.unit.text(), self.direction.currentText() == HIGHER
        period, decimals, team_id = self.period.currentData(), self.decimals.value(), self.team.currentData()

        def work() -> KpiDefinition:
            draft = KpiDraft(name, unit, parse_target(typed), higher, period, decimals, team_id)
            return kpis.save(kpi_id, draft)

        self.save_button.setEnabled(False)
        self.context.change(self, catching(work), self._saved, Topic.KPIS)

    def _saved(self, result: KpiDefinition | CoachDeskError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(result, CoachDeskError):
            self.problems.show(result)
            return
        self.context.navigator.show_saved(f"{result.kpi.name} {'added' if self.kpi_id is None else 'saved'}.")
        self.accept()
