"""The agent page's KPIs tab: choose a KPI, see its chart and its trend in words, never another agent's figures."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.log import FocusDraft, SessionDraft
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.context import ChangeNotices, Topic, UiContext
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.settings import UiSettings
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, press, show_active
from tests.ui.test_agent_page import ManualTaskRunner, open_page, selected_id

FIRST_MONDAY = date(2026, 6, 1)


@pytest.fixture
def kpis(services: Services) -> tuple[KpiView, KpiView]:
    adherence = services.kpis.define("Adherence", unit="%", target=85.0)
    handle_time = services.kpis.define(
        "Average handle time", unit="s", target=420.0, higher_is_better=False, decimals=0
    )
    return adherence, handle_time


def record_weeks(services: Services, kpi: KpiView, person_id: str, values: list[float]) -> None:
    services.kpis.record_values(
        [KpiValueInput(kpi.id, person_id, FIRST_MONDAY + timedelta(weeks=n), v) for n, v in enumerate(values)]
    )


def open_kpis_tab(qtbot: QtBot, context: UiContext, person_id: str) -> AgentPage:
    page = open_page(qtbot, context, person_id)
    show_active(qtbot, page)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    return page


def choice_texts(page: AgentPage) -> list[str]:
    return [page.kpis.choices.item(row).text() for row in range(page.kpis.choices.count())]


def test_choosing_a_kpi_shows_its_chart_and_trend(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    adherence, handle_time = kpis
    record_weeks(services, adherence, team.priya.id, [78 + week for week in range(12)])
    record_weeks(services, handle_time, team.priya.id, [430, 425, 440])

    page = open_kpis_tab(qtbot, ui_context, team.priya.id)

    assert page.tabs.currentWidget() is page.kpis
    assert choice_texts(page) == [
        "Adherence — 89.0% (target 85.0%) · improving",
        "Average handle time — 440 s (target 420 s) · not enough values yet",
    ]
    assert (
        page.kpis.sentence.text() == "Improving: up about 11.0 points over the last 12 weeks; on target 5 of 12 weeks."
    )
    assert [value for _, value in page.kpis.chart.plotted_series()] == pytest.approx([78 + w for w in range(12)])

    page.kpis.choices.setCurrentRow(1)

    assert page.kpis.chart.plotted_series() == [
        (FIRST_MONDAY, pytest.approx(430)),
        (FIRST_MONDAY + timedelta(weeks=1), pytest.approx(425)),
        (FIRST_MONDAY + timedelta(weeks=2), pytest.approx(440)),
    ]
    assert page.kpis.chart.plotted_target() == pytest.approx(420)
    assert page.kpis.sentence.text().startswith("Not enough values yet")


def test_clicking_a_session_mark_opens_that_session(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    adherence, _ = kpis
    record_weeks(services, adherence, team.priya.id, [80.0, 82.0, 84.0, 85.0])
    focus = (FocusDraft(kpi_id=adherence.id),)
    worked_on = SessionDraft((team.priya.id,), "Went through the schedule", held_on=FIRST_MONDAY, focuses=focus)
    chosen = services.log.record_session(worked_on).id
    services.log.record_session(
        SessionDraft((team.priya.id,), "A later catch-up", held_on=FIRST_MONDAY + timedelta(20))
    )
    page = open_kpis_tab(qtbot, ui_context, team.priya.id)

    mark = page.kpis.chart.plotted_session_points()[0]
    qtbot.mouseClick(page.kpis.chart, Qt.MouseButton.LeftButton, pos=mark.toPoint())

    assert page.tabs.currentWidget() is page.details
    assert selected_id(page) == chosen
    assert "Went through the schedule" in page.details.toPlainText()


def test_the_chosen_kpi_stays_chosen_for_the_next_agent(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    adherence, handle_time = kpis
    for person in (team.priya, team.tomas):
        record_weeks(services, adherence, person.id, [85.0, 86.0])
        record_weeks(services, handle_time, person.id, [400.0, 410.0])
    page = open_kpis_tab(qtbot, ui_context, team.priya.id)
    page.kpis.choices.setCurrentRow(1)

    page.show_agent(team.tomas.id)

    assert page.kpis.choices.currentItem().text().startswith("Average handle time")
    assert page.kpis.chart.layout_shown is not None
    assert page.kpis.chart.layout_shown.data.person_id == team.tomas.id


def test_an_agent_without_values_is_told_how_to_get_them(
    qtbot: QtBot, ui_context: UiContext, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    page = open_kpis_tab(qtbot, ui_context, team.new_starter.id)

    assert page.kpis.body.shows_empty
    assert "No KPI values for this agent yet" in page.kpis.empty.text()


def test_new_values_show_when_kpis_change(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    adherence, _ = kpis
    page = open_kpis_tab(qtbot, ui_context, team.priya.id)
    assert page.kpis.body.shows_empty

    record_weeks(services, adherence, team.priya.id, [84.0])
    ui_context.notices.announce(Topic.KPIS)

    assert not page.kpis.body.shows_empty
    assert choice_texts(page) == ["Adherence — 84.0% (target 85.0%) · not enough values yet"]


@pytest.fixture
def held() -> ManualTaskRunner:
    return ManualTaskRunner()


@pytest.fixture
def held_context(services: Services, held: ManualTaskRunner, tmp_path: Path, ui_settings: UiSettings) -> UiContext:
    return UiContext(services, held, ErrorReporter(tmp_path), ChangeNotices(), ui_settings, RecordingNavigator())


@pytest.fixture
def two_agents(services: Services, team: Team, kpis: tuple[KpiView, KpiView]) -> None:
    adherence, _ = kpis
    record_weeks(services, adherence, team.priya.id, [80.0, 81.0])
    record_weeks(services, adherence, team.tomas.id, [90.0, 91.0])


@pytest.mark.usefixtures("two_agents")
def test_a_late_chart_for_the_previous_agent_is_dropped(
    qtbot: QtBot, team: Team, held: ManualTaskRunner, held_context: UiContext
) -> None:
    page = open_kpis_tab(qtbot, held_context, team.priya.id)
    held.run_all()
    page.show_agent(team.tomas.id)
    held.run_all()
    page.show_agent(team.priya.id)
    held.run_next()
    page.show_agent(team.tomas.id)

    held.run_next()
    held.run_next()
    assert page.kpis.chart.layout_shown is None
    held.run_all()
    shown = page.kpis.chart.layout_shown
    assert shown is not None
    assert shown.data.person_id == team.tomas.id
    assert [value for _, value in page.kpis.chart.plotted_series()] == pytest.approx([90.0, 91.0])


def test_alt_k_and_alt_p_put_the_keyboard_in_the_tab_they_open(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, kpis: tuple[KpiView, KpiView]
) -> None:
    record_weeks(services, kpis[0], team.priya.id, [80.0, 82.0, 84.0])
    page = open_kpis_tab(qtbot, ui_context, team.priya.id)
    assert QApplication.focusWidget() is page.kpis.choices
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.plan_tab.goals
