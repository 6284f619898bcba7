"""The Team screen's roster: what each row shows, finding people, sorting by urgency, opening and archiving."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.team.page import TeamPage
from coachdesk.ui.team.roster_table_model import Column, RosterTableModel
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator


def coach(services: Services, agent_id: str, days_ago: int) -> None:
    services.log.record_session(SessionDraft((agent_id,), "Call review.", held_on=TODAY - timedelta(days=days_ago)))


def cell(page: TeamPage, row: int, column: Column, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    return page.proxy.index(row, column).data(role)


def shown(page: TeamPage, column: Column = Column.NAME) -> list[object]:
    return [cell(page, row, column) for row in range(page.proxy.rowCount())]


def row_of(page: TeamPage, name: str) -> int:
    return shown(page).index(name)


def click_header(qtbot: QtBot, page: TeamPage, column: Column) -> None:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def open_page(qtbot: QtBot, context: UiContext) -> TeamPage:
    page = TeamPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


@pytest.fixture
def coached(services: Services, team: Team) -> Team:
    """Priya a week late on her fortnightly cadence, Tomás fine, Zoë never coached two weeks past her first week."""
    coach(services, team.priya.id, days_ago=20)
    coach(services, team.tomas.id, days_ago=3)
    services.commitments.add(CommitmentDraft("Finish the module", team.priya.id, TODAY - timedelta(days=2)))
    services.plans.create_plan(
        team.tomas.id,
        PlanDraft("Ready for escalations", goals=(GoalDraft("Adherence", steps=(StepDraft("Know the schedule"),)),)),
    )
    return team


def test_the_roster_model_is_a_well_behaved_table(
    qtmodeltester: ModelTester, services: Services, coached: Team
) -> None:
    model = RosterTableModel()
    model.set_lines(services.roster_view.lines(), TODAY)
    qtmodeltester.check(model, force_py=True)


def test_each_row_shows_coaching_commitments_and_plan(qtbot: QtBot, ui_context: UiContext, coached: Team) -> None:
    page = open_page(qtbot, ui_context)

    priya, tomas = row_of(page, "Priya Shah"), row_of(page, "Tomás Ruiz")
    assert [cell(page, priya, c) for c in Column] == [
        "Priya Shah",
        "",
        "Dana Whitfield",
        "Tue 3 Nov",
        "20 days",
        "1",
        "1",
        "1",
        "No plan",
    ]
    assert cell(page, tomas, Column.PLAN) == "Ready for escalations — Know the schedule"
    assert cell(page, row_of(page, "Zoë Álvarez"), Column.DAYS_SINCE) == "never"
    assert "Overdue since" in str(cell(page, priya, Column.DAYS_SINCE, Qt.ItemDataRole.ToolTipRole))
    assert page.count.text() == "5 people shown"


def test_managers_show_no_figures_of_their_own_and_sum_up_their_people(
    qtbot: QtBot, ui_context: UiContext, coached: Team
) -> None:
    page = open_page(qtbot, ui_context)

    dana = row_of(page, "Dana Whitfield")
    assert cell(page, dana, Column.DAYS_SINCE) == "—"
    assert "Leads 3 agents (3 direct reports): 2 overdue" in str(
        cell(page, dana, Column.NAME, Qt.ItemDataRole.ToolTipRole)
    )


def test_the_most_overdue_come_first_and_clicking_days_since_keeps_them_first(
    qtbot: QtBot, ui_context: UiContext, coached: Team
) -> None:
    page = open_page(qtbot, ui_context)
    most_overdue_first = ["Zoë Álvarez", "Priya Shah", "Tomás Ruiz"]
    assert shown(page)[:3] == most_overdue_first

    click_header(qtbot, page, Column.NAME)
    assert shown(page) == ["Dana Whitfield", "Grace Okafor", "Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]
    click_header(qtbot, page, Column.DAYS_SINCE)
    assert shown(page)[:3] == most_overdue_first
    click_header(qtbot, page, Column.DAYS_SINCE)
    assert shown(page)[-3:] == list(reversed(most_overdue_first))


def test_typing_in_the_filter_box_narrows_the_roster_whatever_the_accents(
    qtbot: QtBot, ui_context: UiContext, coached: Team
) -> None:
    page = open_page(qtbot, ui_context)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    assert page.filter_box.hasFocus()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_box.hasFocus()

    qtbot.keyClicks(page.filter_box, "alvarez")
    assert shown(page) == ["Zoë Álvarez"]
    assert page.count.text() == "1 person shown of 5"

    page.filter_box.clear()
    qtbot.keyClicks(page.filter_box, "dana")
    assert sorted(map(str, shown(page))) == ["Dana Whitfield", "Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]

    qtbot.keyClicks(page.filter_box, " nobody")
    assert shown(page) == []
    assert "Nobody matches" in page.count.text()


def test_the_team_box_shows_one_team(qtbot: QtBot, ui_context: UiContext, services: Services, team: Team) -> None:
    draft = services.people.draft_of(team.priya.id)
    services.people.save(team.priya.id, draft, team_name="Harbour")
    page = open_page(qtbot, ui_context)

    page.team_box.setCurrentIndex(page.team_box.findText("Harbour"))
    assert shown(page) == ["Priya Shah"]
    page.team_box.setCurrentIndex(page.team_box.findText("No team"))
    assert "Priya Shah" not in shown(page)
    assert len(shown(page)) == 4


def test_enter_on_a_row_opens_the_person(
    qtbot: QtBot, ui_context: UiContext, coached: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context)
    page.select(coached.priya.id)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(row_of(page, "Priya Shah"), Column.NAME))

    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    assert navigator.opened_agents == [coached.priya.id]


def test_archiving_takes_a_person_off_the_roster_and_undo_brings_them_back(
    qtbot: QtBot, ui_context: UiContext, services: Services, coached: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context)
    page.select(coached.tomas.id)
    assert page.archive_button.text() == "A&rchive"

    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)

    assert "Tomás Ruiz" not in shown(page)
    assert services.people.get(coached.tomas.id).archived
    assert page.undo_bar.isVisibleTo(page)
    assert "Tomás Ruiz is archived" in page.undo_message.text()
    assert navigator.messages == ["Tomás Ruiz archived."]

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)

    assert "Tomás Ruiz" in shown(page)
    assert not services.people.get(coached.tomas.id).archived
    assert not page.undo_bar.isVisibleTo(page)


def test_archived_people_can_be_shown_and_restored(
    qtbot: QtBot, ui_context: UiContext, services: Services, coached: Team
) -> None:
    services.people.set_archived(coached.tomas.id, True)
    page = open_page(qtbot, ui_context)
    assert "Tomás Ruiz" not in shown(page)

    page.show_archived.setChecked(True)
    assert "Tomás Ruiz (archived)" in shown(page)
    page.select(coached.tomas.id)
    assert page.archive_button.text() == "Resto&re"

    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)

    assert "Tomás Ruiz" in shown(page)
    assert not services.people.get(coached.tomas.id).archived


def test_an_empty_notebook_says_how_to_fill_the_roster(qtbot: QtBot, ui_context: UiContext) -> None:
    page = open_page(qtbot, ui_context)

    assert page.body.currentWidget() is page.empty
    assert "Import roster" in page.empty.text()
    assert not page.edit_button.isEnabled()
    assert not page.count.isVisible()
