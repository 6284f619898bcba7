"""The KPI chart draws what the data says: every value where it belongs, the target line, the sessions on the axis."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.kpi_trends import KpiChartData
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.log import FocusDraft, SessionDraft
from coachdesk.ui.kpi_chart.chart import KpiChart
from coachdesk.ui.kpi_chart.layout import chart_layout
from tests.conftest import Team

FIRST_MONDAY = date(2021, 11, 29)
WEEKS = 260


@pytest.fixture
def adherence(services: Services) -> KpiView:
    return services.kpis.define("Adherence", unit="%", target=85.0)


@pytest.fixture
def five_years(services: Services, team: Team, adherence: KpiView) -> KpiChartData:
    """Five years of weekly values, a personal target, and sessions on this KPI and on something else."""
    values = [
        KpiValueInput(adherence.id, team.tomas.id, FIRST_MONDAY + timedelta(weeks=week), 80 + (week * 7) % 13)
        for week in range(WEEKS)
    ]
    services.kpis.record_values(values)
    services.kpis.set_personal_target(adherence.id, team.tomas.id, 88.0)
    for day, focus in ((date(2023, 3, 8), adherence.id), (date(2024, 6, 12), None), (date(2026, 11, 18), adherence.id)):
        focuses = (FocusDraft(kpi_id=focus),) if focus else (FocusDraft(skill="Empathy"),)
        services.log.record_session(SessionDraft((team.tomas.id,), "Coaching", held_on=day, focuses=focuses))
    return services.kpi_trends.chart(team.tomas.id, adherence.id)


def shown_chart(qtbot: QtBot, data: KpiChartData, width: int = 900, height: int = 420) -> KpiChart:
    chart = KpiChart()
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show_layout(chart_layout(data))
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.mark.parametrize("size", [(900, 420), (420, 300)])
def test_the_plotted_series_is_the_data(qtbot: QtBot, five_years: KpiChartData, size: tuple[int, int]) -> None:
    chart = shown_chart(qtbot, five_years, *size)

    plotted = chart.plotted_series()

    assert [day for day, _ in plotted] == [p.period_start for p in five_years.points]
    assert [value for _, value in plotted] == pytest.approx([p.value for p in five_years.points])
    assert len(plotted) == WEEKS


def test_the_target_line_is_drawn_at_the_persons_target(qtbot: QtBot, five_years: KpiChartData) -> None:
    chart = shown_chart(qtbot, five_years)

    assert chart.plotted_target() == pytest.approx(88.0)
    assert "a personal target of 88.0%" in chart.accessibleDescription()


def test_sessions_are_marked_on_their_dates_and_focus_sessions_stand_out(
    qtbot: QtBot, five_years: KpiChartData
) -> None:
    chart = shown_chart(qtbot, five_years)

    assert chart.plotted_sessions() == [
        (date(2023, 3, 8), True),
        (date(2024, 6, 12), False),
        (date(2026, 11, 18), True),
    ]
    assert "3 coaching sessions marked, 2 with Adherence as their focus." in chart.accessibleDescription()


def test_hovering_a_value_names_its_week_and_value(qtbot: QtBot, five_years: KpiChartData) -> None:
    chart = shown_chart(qtbot, five_years)
    last = chart.plotted_points()[-1]

    assert chart.tooltip_at(last) == "Week of 16 Nov 2026: 86.0% (target 88.0%)"


def test_hovering_a_session_mark_names_the_session(qtbot: QtBot, five_years: KpiChartData) -> None:
    chart = shown_chart(qtbot, five_years)
    first = chart.plotted_session_points()[0]

    assert chart.tooltip_at(first) == "8 Mar 2023 — Coaching: Coaching (focus: Adherence). Click to read it."


def test_without_values_the_chart_says_so(qtbot: QtBot, services: Services, team: Team, adherence: KpiView) -> None:
    chart = shown_chart(qtbot, services.kpi_trends.chart(team.priya.id, adherence.id))

    assert chart.plotted_series() == []
    assert chart.accessibleDescription() == "Adherence: no values yet."
