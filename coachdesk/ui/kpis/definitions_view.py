"""The KPIs the team is measured on: what each measures, its target, which way is better, and for whom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTreeWidgetItem, QVBoxLayout, QWidget

from coachdesk.services.kpis import KpiDefinition
from coachdesk.ui.formatting import kpi_value
from coachdesk.ui.kpis.kpi_dialog import EVERY_TEAM, HIGHER, LOWER, PERIOD_WORDS
from coachdesk.ui.page import EmptyOrContent
from coachdesk.ui.widgets import muted, row_list

NO_KPIS = (
    "No KPIs yet. Add the measures your team is judged on (adherence, handling time, customer satisfaction) with "
    "Add KPI, then bring in their values from your contact-centre tool's export with Import values (Ctrl+I)."
)
HEADERS = ["KPI", "Unit", "Target", "Better", "Period", "For", "Own targets"]
KPI_ROLE = Qt.ItemDataRole.UserRole + 3


def own_targets_words(definition: KpiDefinition) -> str:
    return ", ".join(
        f"{own.person_name} {kpi_value(own.target, definition.kpi)}" for own in definition.personal_targets
    )


class DefinitionsView(QWidget):
    """Asks the page to add, edit, retire or set own targets; the page owns the dialogs and the notebook work."""

    add_requested = Signal()
    edit_requested = Signal(object)
    retire_requested = Signal(object)
    targets_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("KPI definitions")
        self._definitions: dict[str, KpiDefinition] = {}
        self.table = row_list("KPIs", HEADERS)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(2, 100)
        self.table.setColumnWidth(3, 130)
        self.table.setColumnWidth(5, 130)
        self.table.itemActivated.connect(lambda _item: self._request(self.edit_requested))
        self.table.currentItemChanged.connect(self._update_buttons)
        self.add_button = QPushButton("&Add KPI…")
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.targets_button = QPushButton("Own &targets…")
        self.targets_button.setToolTip("Set or clear a person's own target where it differs from the KPI's.")
        self.targets_button.clicked.connect(lambda: self._request(self.targets_requested))
        self.retire_button = QPushButton("&Retire")
        self.retire_button.setToolTip("Stop listing a KPI no longer measured; its values are kept.")
        self.retire_button.clicked.connect(lambda: self._request(self.retire_requested))
        empty = muted(NO_KPIS)
        empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body = EmptyOrContent(self.table, empty)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.targets_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.body, 1)
        self._update_buttons()

    def show_definitions(self, definitions: Sequence[KpiDefinition]) -> None:
        chosen = self.selected()
        self._definitions = {d.kpi.id: d for d in definitions}
        self.table.clear()
        for definition in definitions:
            kpi = definition.kpi
            cells = [
                kpi.name,
                kpi.unit,
                "" if kpi.target is None else kpi_value(kpi.target, kpi),
                HIGHER if kpi.higher_is_better else LOWER,
                PERIOD_WORDS[kpi.period],
                definition.team_name or EVERY_TEAM,
                own_targets_words(definition),
            ]
            item = QTreeWidgetItem(cells)
            item.setData(0, KPI_ROLE, kpi.id)
            item.setToolTip(6, cells[6])
            self.table.addTopLevelItem(item)
            if chosen is not None and chosen.kpi.id == kpi.id:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self.body.show_empty(not definitions)
        self._update_buttons()

    def selected(self) -> KpiDefinition | None:
        item = self.table.currentItem()
        return self._definitions.get(item.data(0, KPI_ROLE)) if item is not None else None

    def _request(self, signal: SignalInstance) -> None:
        definition = self.selected()
        if definition is not None:
            signal.emit(definition)

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.targets_button, self.retire_button):
            button.setEnabled(chosen)
