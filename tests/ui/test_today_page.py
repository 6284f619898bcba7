"""The Today screen: who needs coaching, what is due, this week's meetings, the trend chart and the ledger."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coachdesk.models import Cadence, CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.tracker import CoachingStatus
from coachdesk.ui.context import Topic, UiContext
from coachdesk.ui.today.page import TodayPage
from coachdesk.ui.widgets import status_colour
from tests.conftest import TODAY, Team
from tests.ui.conftest import RecordingNavigator, column_texts


def coach(services: Services, agent_id: str, days_ago: int) -> None:
    services.log.record_session(SessionDraft((agent_id,), "Call review.", held_on=TODAY - timedelta(days=days_ago)))


def click(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def coached(services: Services, team: Team) -> None:
    """Tomás on track, Priya due in two days, Zoë (a new starter, weekly) never coached: overdue."""
    coach(services, team.tomas.id, days_ago=3)
    coach(services, team.priya.id, days_ago=12)


@pytest.fixture
def page(qtbot: QtBot, ui_context: UiContext, coached: None) -> TodayPage:
    today = TodayPage(ui_context)
    qtbot.addWidget(today)
    today.resize(1100, 750)
    today.show()
    return today


def test_overdue_agents_come_first_in_red_and_due_soon_in_amber(page: TodayPage) -> None:
    section = page.needs_coaching
    assert section.heading.text() == "Needs coaching — 1 overdue, 1 due soon"
    assert column_texts(section.table, 0) == ["Zoë Álvarez", "Priya Shah"]
    assert column_texts(section.table, 1) == ["Overdue", "Due soon"]
    assert column_texts(section.table, 2) == ["14 days late", "in 2 days"]
    assert column_texts(section.table, 3) == ["never", "12 days ago"]
    model = section.model
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.OVERDUE, page.palette()
    )
    assert model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.DUE_SOON, page.palette()
    )
    assert page.subtitle.text() == "Monday 23 November 2026 · the people below Dana Whitfield"


def test_a_click_or_enter_on_a_line_opens_the_agent(
    qtbot: QtBot, page: TodayPage, team: Team, navigator: RecordingNavigator
) -> None:
    table = page.needs_coaching.table
    click(qtbot, table, 0)
    assert navigator.opened_agents == [team.new_starter.id]
    click(qtbot, table, 0)  # a double-click is a click, then the double-click itself
    qtbot.mouseDClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(0, 0)).center()
    )
    assert navigator.opened_agents == [team.new_starter.id] * 2, "a double-click opens the agent once"
    table.setCurrentIndex(table.model().index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert navigator.opened_agents == [team.new_starter.id, team.new_starter.id, team.priya.id]


def test_a_new_session_takes_the_agent_off_the_overdue_list(
    page: TodayPage, services: Services, team: Team, ui_context: UiContext
) -> None:
    coach(services, team.new_starter.id, days_ago=0)
    ui_context.notices.announce(Topic.LOG)
    assert column_texts(page.needs_coaching.table, 0) == ["Priya Shah"]
    assert page.needs_coaching.heading.text() == "Needs coaching — 0 overdue, 1 due soon"
    assert page.chart.figures.counts[-1] == 1


def test_the_chart_shows_the_service_figures_for_the_chosen_team(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, coached: None
) -> None:
    billing = services.people.add_team("Billing")
    services.people.update(team.priya.id, replace(services.people.draft_of(team.priya.id), team_id=billing.id))
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    trends = services.trends.sessions_per_week(under_manager_id=team.leader.id)
    figures = page.chart.figures
    assert (figures.label, figures.weeks, figures.counts) == ("All teams", trends.weeks, trends.overall.counts)
    assert figures.target == trends.overall.target_per_week == 1.73
    assert "target of 1.7 a week" in page.chart.accessibleDescription()
    assert "This week so far: 0" in page.chart.accessibleDescription()
    choices = [page.trend_choice.itemText(i) for i in range(page.trend_choice.count())]
    assert [c for c in choices if c] == ["All teams", "Billing", "No team"]
    page.trend_choice.setCurrentIndex(page.trend_choice.findText("Billing"))
    billing_trend = next(t for t in trends.teams if t.label == "Billing")
    assert (page.chart.figures.label, page.chart.figures.counts) == ("Billing", billing_trend.counts)
    assert page.chart.figures.agents == 1
    ui_context.notices.announce(Topic.LOG)
    assert page.trend_choice.currentText() == "Billing"


def test_commitments_due_say_whose_they_are_and_open_the_agent(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    services.commitments.add(
        CommitmentDraft("Book a side-by-side", team.leader.id, TODAY - timedelta(2), team.priya.id)
    )
    services.commitments.add(CommitmentDraft("Finish the module", team.tomas.id, TODAY + timedelta(4)))
    services.commitments.add(CommitmentDraft("Next week's", team.tomas.id, TODAY + timedelta(7)))
    services.commitments.add(CommitmentDraft("Send the rota", team.leader.id, TODAY + timedelta(1)))
    services.commitments.add(CommitmentDraft("Not in Dana's notebook", team.senior.id, TODAY))
    settled = services.commitments.add(CommitmentDraft("Already done", team.tomas.id, TODAY))
    services.commitments.follow_up(settled.id, CommitmentStatus.DONE)
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    section = page.commitments
    assert section.heading.text() == "Commitments due — 1 overdue, 2 more by Sunday"
    assert column_texts(section.table, 0) == ["overdue since Sat 21 Nov", "due Tue 24 Nov", "due Fri 27 Nov"]
    assert column_texts(section.table, 1) == ["Dana Whitfield, to Priya Shah", "Dana Whitfield", "Tomás Ruiz"]
    assert column_texts(section.table, 2) == ["Book a side-by-side", "Send the rota", "Finish the module"]
    assert section.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == status_colour(
        CoachingStatus.OVERDUE, page.palette()
    )
    click(qtbot, section.table, 0)
    assert navigator.opened_agents == [team.priya.id]


def test_this_weeks_one_on_ones_are_listed_in_time_order(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    priya = services.meetings.create_series(team.leader.id, team.priya.id)
    tomas = services.meetings.create_series(team.leader.id, team.tomas.id, Cadence.MONTHLY)
    services.meetings.schedule(priya.id, datetime(2026, 11, 26, 14, 0))
    services.meetings.schedule(tomas.id, datetime(2026, 11, 24, 9, 30))
    services.meetings.schedule(tomas.id, datetime(2026, 11, 30, 9, 30))
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.meetings.heading.text() == "This week's one-on-ones — 2"
    assert column_texts(page.meetings.table, 0) == ["Tue 24 Nov, 09:30", "Thu 26 Nov, 14:00"]
    assert column_texts(page.meetings.table, 1) == ["Tomás Ruiz", "Priya Shah"]
    assert column_texts(page.meetings.table, 4) == ["Scheduled", "Scheduled"]


def test_team_leaders_are_rolled_up_only_for_a_manager_of_managers(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, coached: None
) -> None:
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.leaders.isHidden()
    services.people.set_owner(team.senior.id)
    ui_context.notices.announce(Topic.PEOPLE)
    assert not page.leaders.isHidden()
    assert page.leaders.heading.text() == "Team leaders — 1 manager, 1 agent overdue between them"
    assert column_texts(page.leaders.table, 0) == ["Dana Whitfield"]
    assert column_texts(page.leaders.table, 1) == ["3"]
    assert page.subtitle.text().endswith("the people below Grace Okafor")


def test_the_ledger_shows_both_sides_per_person_and_by_month(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    for owner, status in ((team.priya.id, CommitmentStatus.DONE), (team.priya.id, CommitmentStatus.MISSED)):
        made = services.commitments.add(CommitmentDraft("Own", owner, TODAY - timedelta(days=5)))
        services.commitments.follow_up(made.id, status)
    services.commitments.add(CommitmentDraft("Manager's", team.leader.id, TODAY - timedelta(days=3), team.priya.id))
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.ledger_heading.text() == ("Commitment ledger — agents kept 50 % (1 of 2), managers kept 0 % (0 of 1)")
    people = page.ledger_people.table
    assert (column_texts(people, 0), column_texts(people, 1), column_texts(people, 2)) == (
        ["Priya Shah"],
        ["50 % (1 of 2)"],
        ["0 % (0 of 1)"],
    )
    assert people.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == (
        "0 kept, 0 missed, 1 still open past the due date."
    )
    months = page.ledger_months.table
    assert column_texts(months, 0)[-1] == "November 2026"
    assert column_texts(months, 1) == ["–"] * 5 + ["50 % (1 of 2)"]


def test_the_lists_are_sound_item_models(page: TodayPage, qtmodeltester: ModelTester) -> None:
    for section in (page.needs_coaching, page.commitments, page.meetings, page.leaders, page.ledger_people):
        qtmodeltester.check(section.model)


def test_sorting_by_last_session_puts_never_coached_last_either_way(page: TodayPage) -> None:
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.needs_coaching.table.sortByColumn(3, order)
        assert column_texts(page.needs_coaching.table, 3) == ["12 days ago", "never"]


def test_an_empty_notebook_says_what_to_do(qtbot: QtBot, ui_context: UiContext) -> None:
    page = TodayPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.shows_empty
    assert page.subtitle.text() == "Monday 23 November 2026 · everyone in this notebook"
