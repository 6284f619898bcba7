"""The KPIs screen: the KPIs and their targets, importing values, the team's spread on one KPI, and whether the
coaching aimed at a KPI moved it by the follow-up date.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout

from coachdesk.services import Services
from coachdesk.services.coaching_effect import CoachingEffect
from coachdesk.services.kpis import KpiDefinition
from coachdesk.services.people import TeamView
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.kpis.definitions_view import DefinitionsView
from coachdesk.ui.kpis.effect_view import EffectView
from coachdesk.ui.kpis.import_dialog import KpiImportDialog
from coachdesk.ui.kpis.kpi_dialog import KpiDialog
from coachdesk.ui.kpis.spread_view import SpreadView
from coachdesk.ui.kpis.targets_dialog import PersonalTargetsDialog
from coachdesk.ui.page import Page
from coachdesk.ui.widgets import heading


@dataclass(frozen=True)
class KpisData:
    definitions: list[KpiDefinition]
    teams: list[TeamView]
    agents: list[tuple[str, str]]
    effect: CoachingEffect


def kpis_data(services: Services) -> KpisData:
    agents = [(p.id, p.full_name) for p in services.people.list_people() if p.is_agent]
    return KpisData(
        services.kpis.definitions(), services.people.list_teams(), agents, services.coaching_effect.effect()
    )


class KpisPage(Page):
    key = "kpis"
    title = "KPIs"
    topics = frozenset({Topic.KPIS, Topic.PEOPLE, Topic.LOG})

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.data = KpisData([], [], [], CoachingEffect(()))
        self.dialog: KpiDialog | KpiImportDialog | PersonalTargetsDialog | None = None
        self.definitions = DefinitionsView()
        self.definitions.add_requested.connect(lambda: self.edit_kpi(None))
        self.definitions.edit_requested.connect(self.edit_kpi)
        self.definitions.retire_requested.connect(self.retire_kpi)
        self.definitions.targets_requested.connect(self.edit_targets)
        self.spread = SpreadView(context)
        self.effect = EffectView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.definitions, "&Definitions")
        self.tabs.addTab(self.spread, "Team &spread")
        self.tabs.addTab(self.effect, "Coaching effect&iveness")
        self.import_button = QPushButton("Import &values…")
        self.import_button.setAccessibleName("Import KPI values")
        self.import_button.setToolTip("Import KPI values from a CSV or Excel export (Ctrl+I)")
        self.import_button.clicked.connect(self.import_values)
        top = QHBoxLayout()
        top.addWidget(heading(self.title))
        top.addStretch(1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        services = self.context.services
        self.context.load(self, lambda: kpis_data(services), self._show)

    def _show(self, data: KpisData) -> None:
        self.data = data
        self.definitions.show_definitions(data.definitions)
        self.spread.set_choices([d.kpi for d in data.definitions], data.teams)
        self.effect.show_effect(data.effect)

    def import_values(self) -> KpiImportDialog:
        dialog = KpiImportDialog(self.context, self)
        self._open(dialog)
        return dialog

    def edit_kpi(self, definition: KpiDefinition | None) -> KpiDialog:
        dialog = KpiDialog(self.context, self.data.teams, definition, self)
        self._open(dialog)
        return dialog

    def edit_targets(self, definition: KpiDefinition) -> PersonalTargetsDialog:
        dialog = PersonalTargetsDialog(self.context, definition, self.data.agents, self)
        self._open(dialog)
        return dialog

    def retire_kpi(self, definition: KpiDefinition) -> None:
        name = definition.kpi.name
        answer = QMessageBox.question(
            self,
            f"Retire {name}?",
            f"Stop listing {name}? Its values stay in the notebook and on agents' histories.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        kpis = self.context.services.kpis

        def retired(_none: None) -> None:
            self.context.navigator.show_saved(f"{name} retired.")

        self.context.change(self, lambda: kpis.retire(definition.kpi.id), retired, Topic.KPIS)

    def _open(self, dialog: KpiDialog | KpiImportDialog | PersonalTargetsDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: KpiDialog | KpiImportDialog | PersonalTargetsDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
