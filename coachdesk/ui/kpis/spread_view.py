"""One KPI across the team: each agent against their own target, who needs support and who could mentor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from coachdesk.services.kpi_spread import RECENT_PERIODS, AgentStanding, KpiSpread, SpreadBasis, Standing
from coachdesk.services.kpis import KpiView
from coachdesk.services.people import TeamView
from coachdesk.ui.context import UiContext
from coachdesk.ui.formatting import kpi_value, plural
from coachdesk.ui.kpis.target_dot import DOT_ROLE, DotFigures, TargetDotDelegate, shared_scale
from coachdesk.ui.widgets import muted, row_list

STANDING_WORDS = {
    Standing.COULD_MENTOR: "Could mentor",
    Standing.ON_TARGET: "On target",
    Standing.NEEDS_SUPPORT: "Needs support",
    Standing.NO_TARGET: "No target set",
    Standing.NOT_MEASURED: "No values yet",
}
BASIS_WORDS = {
    SpreadBasis.LATEST: "Latest value",
    SpreadBasis.RECENT_MEAN: f"Mean of last {RECENT_PERIODS} periods",
}
HEADERS = ["Agent", "Team", "Value", "Target", "Against target", f"Last {RECENT_PERIODS} periods", "Where they stand"]
AGAINST = HEADERS.index("Against target")
PERSON_ROLE = Qt.ItemDataRole.UserRole + 3


def names(agents: Sequence[AgentStanding]) -> str:
    return ", ".join(a.person_name for a in agents)


def spread_sentence(spread: KpiSpread) -> str:
    """Who needs support and who could mentor, in words."""
    support = spread.with_standing(Standing.NEEDS_SUPPORT)
    mentors = spread.with_standing(Standing.COULD_MENTOR)
    if not any(a.value is not None for a in spread.agents):
        return f"No {spread.kpi.name} values yet: import them with Import values (Ctrl+I)."
    parts = [f"Needs support: {names(support)}." if support else "Nobody is short of their target."]
    steady = f"on target in at least 3 of their last {RECENT_PERIODS} periods"
    parts.append(f"Could mentor ({steady}): {names(mentors)}." if mentors else f"Nobody is yet {steady}.")
    return " ".join(parts)


class SpreadView(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        self.setAccessibleName("Team spread")
        self.kpi_box = QComboBox()
        self.kpi_box.setAccessibleName("KPI")
        self.team_box = QComboBox()
        self.team_box.setAccessibleName("Team")
        self.basis_box = QComboBox()
        self.basis_box.setAccessibleName("Value shown")
        for basis, words in BASIS_WORDS.items():
            self.basis_box.addItem(words, basis)
        for box in (self.kpi_box, self.team_box, self.basis_box):
            box.activated.connect(self.reload)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.sentence = QLabel("")
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName("Who needs support and who could mentor")
        self.table = row_list("Agents against target", HEADERS)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(AGAINST, 260)
        self.table.setItemDelegateForColumn(AGAINST, TargetDotDelegate(self.table))
        self.table.setToolTip("Enter or double-click opens the agent.")
        self.table.itemActivated.connect(self._open)
        controls = QHBoxLayout()
        for text, box in (("&KPI:", self.kpi_box), ("T&eam:", self.team_box), ("Sho&w:", self.basis_box)):
            label = QLabel(text)
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.sentence)
        layout.addWidget(self.table, 1)
        layout.addWidget(muted("The dashed tick is each agent's own target; the dot is their value."))

    def set_choices(self, kpis: Sequence[KpiView], teams: Sequence[TeamView]) -> None:
        """Keeps the KPI and team chosen when they are still there, then shows the spread."""
        chosen_kpi, chosen_team = self.kpi_box.currentData(), self.team_box.currentData()
        self.kpi_box.clear()
        for kpi in kpis:
            self.kpi_box.addItem(kpi.name, kpi.id)
        self.kpi_box.setCurrentIndex(max(0, self.kpi_box.findData(chosen_kpi)))
        self.team_box.clear()
        self.team_box.addItem("All teams", None)
        for team in teams:
            self.team_box.addItem(team.name, team.id)
        self.team_box.setCurrentIndex(max(0, self.team_box.findData(chosen_team)))
        self.reload()

    def choose(self, kpi_id: str, basis: SpreadBasis = SpreadBasis.LATEST) -> None:
        self.kpi_box.setCurrentIndex(max(0, self.kpi_box.findData(kpi_id)))
        self.basis_box.setCurrentIndex(max(0, self.basis_box.findData(basis)))
        self.reload()

    def reload(self) -> None:
        kpi_id, team_id, basis = self.kpi_box.currentData(), self.team_box.currentData(), self.basis_box.currentData()
        if kpi_id is None:
            self.table.clear()
            self.sentence.setText("Add a KPI on the Definitions tab to see how the team spreads on it.")
            return
        spreads = self.context.services.kpi_spread
        self.context.load(self, lambda: spreads.spread(kpi_id, team_id, basis), self.show_spread)

    def show_spread(self, spread: KpiSpread) -> None:
        self.sentence.setText(spread_sentence(spread))
        self.table.clear()
        kpi = spread.kpi
        numbers = [n for a in spread.agents for n in (a.value, a.target) if n is not None and a.value is not None]
        low, high = shared_scale(numbers)
        for agent in spread.agents:
            target = (
                "" if agent.target is None else kpi_value(agent.target, kpi) + (" (own)" if agent.own_target else "")
            )
            recent = (
                f"{agent.periods_on_target} of {agent.periods_measured} on target"
                if agent.periods_measured and agent.target is not None
                else plural(agent.periods_measured, "period")
            )
            value = "" if agent.value is None else kpi_value(agent.value, kpi)
            words = STANDING_WORDS[agent.standing]
            item = QTreeWidgetItem([agent.person_name, agent.team_name or "", value, target, "", recent, words])
            item.setData(0, PERSON_ROLE, agent.person_id)
            if agent.value is not None:
                meets = kpi.meets_target(agent.value, agent.target) if agent.target is not None else None
                item.setData(AGAINST, DOT_ROLE, DotFigures(agent.value, agent.target, meets, low, high))
                item.setToolTip(AGAINST, f"{value} against {target or 'no target'}")
            self.table.addTopLevelItem(item)
        self.table.setAccessibleDescription(self.sentence.text())

    def _open(self, item: QTreeWidgetItem) -> None:
        person_id = item.data(0, PERSON_ROLE)
        if isinstance(person_id, str):
            self.context.navigator.open_agent(person_id)
