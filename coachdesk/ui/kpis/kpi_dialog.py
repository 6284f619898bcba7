"""Defining or changing a KPI: what it measures, its target, which way is better, how often it is measured, for whom.

A refused save keeps the dialog open with the reason beside the field, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from coachdesk.models import KpiPeriod
from coachdesk.services.kpis import MAX_DECIMALS, KpiDefinition, KpiDraft, parse_target
from coachdesk.services.people import TeamView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.meetings.form_dialog import FormDialog, Work

PERIOD_WORDS = {KpiPeriod.DAY: "Day", KpiPeriod.WEEK: "Week", KpiPeriod.MONTH: "Month"}
HIGHER, LOWER = "Higher is better", "Lower is better"
EVERY_TEAM = "Every team"


class KpiDialog(FormDialog):
    topics = (Topic.KPIS,)

    def __init__(
        self,
        context: UiContext,
        teams: Sequence[TeamView],
        definition: KpiDefinition | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Add a KPI" if definition is None else f"Edit {definition.kpi.name}"
        super().__init__(context, title, "&Save", parent)
        self.kpi_id = definition.kpi.id if definition else None
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
        self.period.setCurrentIndex(self.period.findData(KpiPeriod.WEEK))
        self.decimals = QSpinBox()
        self.decimals.setRange(0, MAX_DECIMALS)
        self.decimals.setValue(1)
        self.team = QComboBox()
        self.team.addItem(EVERY_TEAM, None)
        for team in teams:
            self.team.addItem(team.name, team.id)
        for label, widget, field in (
            ("&Name:", self.name, "name"),
            ("&Unit:", self.unit, "unit"),
            ("&Target:", self.target, "target"),
            ("&Better:", self.direction, "higher_is_better"),
            ("Measured per &period:", self.period, "period"),
            ("&Decimals shown:", self.decimals, "decimals"),
            ("For t&eam:", self.team, "team_id"),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.add_row(label, widget, field)
        if definition is not None:
            self._fill(definition)
        self.name.setFocus()

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

    def work(self) -> Work:
        kpis, kpi_id, typed = self.context.services.kpis, self.kpi_id, self.target.text()
        name, unit, higher = self.name.text(), self.unit.text(), self.direction.currentText() == HIGHER
        period, decimals, team_id = self.period.currentData(), self.decimals.value(), self.team.currentData()

        def save() -> KpiDefinition:
            draft = KpiDraft(name, unit, parse_target(typed), higher, period, decimals, team_id)
            return kpis.save(kpi_id, draft)

        return save

    def saved_message(self, result: KpiDefinition) -> str:
        return f"{result.kpi.name} {'added' if self.kpi_id is None else 'saved'}."
