"""The agent page's KPIs tab: the agent's KPIs with their latest value and trend, and the chart of the chosen one.

It loads only when shown, and again when KPI values or sessions change. Every result carries the person (and KPI)
it was asked for, so one that arrives after the manager moved to another agent is dropped. The chosen KPI is kept
from agent to agent: a manager going through the team on handle time stays on handle time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from coachdesk.services.kpi_trends import KpiChoice
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.formatting import kpi_value
from coachdesk.ui.kpi_chart.chart import KpiChart
from coachdesk.ui.kpi_chart.layout import ChartLayout, chart_layout
from coachdesk.ui.page import EmptyOrContent, Page
from coachdesk.ui.widgets import column, muted

KPI_ROLE = Qt.ItemDataRole.UserRole
NO_VALUES = (
    "No KPI values for this agent yet.\n\nImport a weekly export on the KPIs screen (or with "
    "coachdesk import-kpis FILE) and a chart of each KPI appears here, with the coaching sessions marked on it."
)
VISIBLE_CHOICES = 5


def choice_text(choice: KpiChoice) -> str:
    """ "Adherence — 86.4% (target 85.0%) · improving"."""
    latest = choice.latest
    target = "" if latest.target is None else f" (target {kpi_value(latest.target, latest.kpi)})"
    return f"{latest.kpi.name} — {kpi_value(latest.value, latest.kpi)}{target} · {choice.trend.word}"


class AgentKpis(Page):
    key = "agent-kpis"
    title = "KPIs"
    topics = frozenset({Topic.KPIS, Topic.LOG})
    session_chosen = Signal(str)
    """An entry id: the manager clicked a session's mark to read it."""

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.person_id: str | None = None
        self.kpi_id: str | None = None

        self.choices = QListWidget()
        self.choices.setAccessibleName("KPIs with latest value and trend")
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices.currentItemChanged.connect(lambda current, _previous: self._choose(current))
        choices_label = QLabel("KPI to &chart")
        choices_label.setBuddy(self.choices)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = KpiChart()
        self.chart.session_clicked.connect(self.session_chosen)
        self.empty = muted(NO_VALUES)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.body = EmptyOrContent(
            column(choices_label, self.choices, self.sentence, self.chart, spacing=8), self.empty
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.body)

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self._clear()
        self.mark_stale()

    def refresh(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        trends = self.context.services.kpi_trends
        self.context.load(self, lambda: trends.choices(person_id), lambda found: self._show_choices(person_id, found))

    def _show_choices(self, person_id: str, found: list[KpiChoice]) -> None:
        if person_id != self.person_id:
            return
        self.body.show_empty(not found)
        wanted = self.kpi_id
        self.choices.blockSignals(True)
        self.choices.clear()
        for choice in found:
            item = QListWidgetItem(choice_text(choice))
            item.setData(KPI_ROLE, choice.latest.kpi.id)
            self.choices.addItem(item)
        self.choices.blockSignals(False)
        if found:
            rows = min(len(found), VISIBLE_CHOICES)
            self.choices.setFixedHeight(self.choices.sizeHintForRow(0) * rows + 2 * self.choices.frameWidth() + 2)
            ids = [choice.latest.kpi.id for choice in found]
            self.choices.setCurrentRow(ids.index(wanted) if wanted in ids else 0)

    def _choose(self, item: QListWidgetItem | None) -> None:
        person_id = self.person_id
        if item is None or person_id is None:
            return
        kpi_id: str = item.data(KPI_ROLE)
        self.kpi_id = kpi_id
        trends = self.context.services.kpi_trends
        self.context.load(self, lambda: chart_layout(trends.chart(person_id, kpi_id)), self._show_chart)

    def _show_chart(self, layout: ChartLayout) -> None:
        if layout.data.person_id != self.person_id or layout.data.kpi.id != self.kpi_id:
            return
        self.sentence.setText(layout.data.trend.sentence)
        self.sentence.setAccessibleName(layout.data.trend.sentence)
        self.chart.show_layout(layout)

    def _clear(self) -> None:
        self.choices.blockSignals(True)
        self.choices.clear()
        self.choices.blockSignals(False)
        self.sentence.clear()
        self.chart.show_layout(None)
        self.body.show_empty(False)
