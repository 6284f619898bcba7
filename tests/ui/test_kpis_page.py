"""The KPIs screen: defining KPIs, importing values all or nothing, the team spread and coaching effectiveness."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.kpi_spread import SpreadBasis
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.log import FocusDraft, SessionDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.kpis.import_dialog import KpiImportDialog
from coachdesk.ui.kpis.kpi_dialog import KpiDialog
from coachdesk.ui.kpis.page import KpisPage
from coachdesk.ui.kpis.target_dot import DOT_ROLE, DotFigures
from coachdesk.ui.kpis.targets_dialog import PersonalTargetsDialog
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, tree_lines

HEADER = "Employee ID,KPI,Date,Value\n"


@pytest.fixture
def aht(services: Services, team: Team) -> KpiView:
    return services.kpis.define("AHT", unit="s", target=300, higher_is_better=False, period=KpiPeriod.WEEK)


def shown_page(qtbot: QtBot, context: UiContext) -> KpisPage:
    page = KpisPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def open_import(qtbot: QtBot, page: KpisPage) -> KpiImportDialog:
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, KpiImportDialog)
    return page.dialog


def test_a_file_with_a_bad_row_is_refused_then_the_corrected_file_imports(
    qtbot: QtBot,
    ui_context: UiContext,
    team: Team,
    aht: KpiView,
    tmp_path: Path,
) -> None:
    services = ui_context.services
    dialog = open_import(qtbot, shown_page(qtbot, ui_context))
    path = tmp_path / "aht.csv"
    path.write_text(HEADER + "A1,AHT,2026-11-16,312\nA9,AHT,2026-11-16,290\nA2,AHT,2026-11-16,slow\n", "utf-8")

    dialog.preview_file(path)

    assert tree_lines(dialog.problems) == [
        ["3", "nobody in the notebook has the employee id or name “A9”"],
        ["4", "the AHT value “slow” in column value is not a number"],
    ]
    assert not dialog.import_button.isEnabled()
    assert "Nothing is imported until every row is valid: fix rows 3 and 4 in the file" in dialog.summary.text()
    assert services.kpis.series(team.priya.id, aht.id) == []

    path.write_text(HEADER + "A1,AHT,2026-11-16,312\nA2,AHT,2026-11-16,290\n", "utf-8")
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)

    assert dialog.problems.isHidden()
    assert [line[:5] for line in tree_lines(dialog.rows)] == [
        ["2", "Priya Shah", "AHT", "Mon 16 Nov", "312"],
        ["3", "Tomás Ruiz", "AHT", "Mon 16 Nov", "290"],
    ]
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert dialog.summary.text().startswith("Imported 2 values from aht.csv")
    assert isinstance(ui_context.navigator, RecordingNavigator)
    assert ui_context.navigator.messages[-1].startswith("Imported 2 values")
    assert [p.value for p in services.kpis.series(team.tomas.id, aht.id)] == [290.0]


def test_a_column_the_guess_missed_is_chosen_in_its_box(
    qtbot: QtBot, ui_context: UiContext, team: Team, aht: KpiView, tmp_path: Path
) -> None:
    dialog = open_import(qtbot, shown_page(qtbot, ui_context))
    path = tmp_path / "weekly.csv"
    path.write_text("Staff,Week,AHT\nA1,2026-11-16,305\n", "utf-8")
    dialog.preview_file(path)
    assert not dialog.import_button.isEnabled()
    assert "no column names the person" in tree_lines(dialog.problems)[0][1]

    staff = next(b for b in dialog.columns.findChildren(QComboBox) if b.accessibleName() == "Column Staff")
    assert [dialog.column_form.labelForField(box).text() for box in dialog.column_boxes.values()] == [
        "Staff:",
        "Week:",
        "AHT:",
    ]
    staff.setCurrentIndex(staff.findData("person"))
    staff.activated.emit(staff.currentIndex())

    assert tree_lines(dialog.rows)[0][:5] == ["2", "Priya Shah", "AHT", "Mon 16 Nov", "305"]
    assert dialog.import_button.isEnabled()


def test_a_target_that_is_not_a_number_is_refused_beside_the_field(
    qtbot: QtBot, ui_context: UiContext, services: Services
) -> None:
    page = shown_page(qtbot, ui_context)
    qtbot.mouseClick(page.definitions.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, KpiDialog)
    dialog.name.setText("Adherence")
    dialog.unit.setText("%")
    dialog.target.setText("eighty-five")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    problem = dialog.problems.labels["target"]
    assert problem.isVisible()
    assert "“eighty-five” is not a number" in problem.text()
    assert dialog.isVisible()
    assert services.kpis.definitions() == []

    dialog.target.setText("85")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert tree_lines(page.definitions.table) == [
        ["Adherence", "%", "85.0%", "Higher is better", "Week", "Every team", ""]
    ]


def test_the_spread_lists_agents_best_first_with_who_needs_support(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, aht: KpiView
) -> None:
    monday = date(2026, 11, 16)
    services.kpis.record_values(
        [
            KpiValueInput(aht.id, agent.id, monday - timedelta(weeks=weeks), value)
            for agent, value in ((team.priya, 330.0), (team.tomas, 280.0))
            for weeks in range(4)
        ]
    )
    page = shown_page(qtbot, ui_context)
    page.tabs.setCurrentWidget(page.spread)

    page.spread.choose(aht.id, SpreadBasis.RECENT_MEAN)

    lines = tree_lines(page.spread.table)
    assert [(line[0], line[2], line[6]) for line in lines] == [
        ("Tomás Ruiz", "280.0 s", "Could mentor"),
        ("Priya Shah", "330.0 s", "Needs support"),
        ("Zoë Álvarez", "", "No values yet"),
    ]
    assert page.spread.sentence.text().startswith("Needs support: Priya Shah.")
    dot = page.spread.table.topLevelItem(0).data(4, DOT_ROLE)
    assert isinstance(dot, DotFigures)
    assert (dot.value, dot.target, dot.meets) == (280.0, 300.0, True)


def test_coaching_effectiveness_says_per_focus_how_often_the_target_was_reached(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, aht: KpiView
) -> None:
    first = date(2026, 9, 14)
    services.kpis.record_values(
        [
            KpiValueInput(aht.id, agent.id, first + timedelta(weeks=n), value)
            for agent, values in ((team.priya, [320, 320, 320, 320, 310, 295]), (team.tomas, [330] * 6))
            for n, value in enumerate(values)
        ]
    )
    focus = FocusDraft("Call control", aht.id, None, "", date(2026, 10, 21))
    for agent in (team.priya, team.tomas, team.new_starter):
        services.log.record_session(
            SessionDraft((agent.id,), "Listened to calls.", held_on=date(2026, 10, 14), focuses=(focus,))
        )
    page = shown_page(qtbot, ui_context)
    page.tabs.setCurrentWidget(page.effect)

    assert tree_lines(page.effect.table) == [["Call control", "3", "1", "1", "1", "50%", "12.5 s better"]]
    assert page.effect.sentence.text() == (
        "Sessions focused on Call control reached target by the follow-up 1 time out of 2; 1 more can't tell yet."
    )

    qtbot.mouseClick(page.effect.buttons.buttons()[1], Qt.MouseButton.LeftButton)

    assert [line[0] for line in tree_lines(page.effect.table)] == ["Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]
    assert page.effect.table.headerItem().text(0) == "Agent"


def test_an_agents_own_target_is_set_and_cleared(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, aht: KpiView
) -> None:
    page = shown_page(qtbot, ui_context)
    qtbot.mouseClick(page.definitions.targets_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PersonalTargetsDialog)
    dialog.person.setCurrentIndex(dialog.person.findText("Zoë Álvarez"))
    dialog.target.setText("360")

    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)

    assert tree_lines(dialog.list) == [["Zoë Álvarez", "360.0 s"]]
    assert tree_lines(page.definitions.table)[0][6] == "Zoë Álvarez 360.0 s"

    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)

    assert tree_lines(dialog.list) == []
    assert services.kpis.definitions()[0].personal_targets == ()
