"""A person's KPI chart data, and its trend in words judged on the recent series and its noise, not on two points."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.kpi_trends import TrendWord
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.log import FocusDraft, SessionDraft
from tests.conftest import Team

NOISE = (0.9, -1.1, 0.4, -0.6, 1.2, -0.3, 0.7, -1.0, 0.2, -0.8, 1.1, -0.5, 0.6, -0.9)
"""Fixed week-to-week wobble, so every run judges the same series."""
FIRST_MONDAY = date(2026, 8, 17)


def weekly(services: Services, kpi: KpiView, person_id: str, values: list[float]) -> list[date]:
    mondays = [FIRST_MONDAY + timedelta(weeks=week) for week in range(len(values))]
    services.kpis.record_values(
        [KpiValueInput(kpi.id, person_id, monday, value) for monday, value in zip(mondays, values, strict=True)]
    )
    return mondays


@pytest.fixture
def adherence(services: Services) -> KpiView:
    return services.kpis.define("Adherence", unit="%", target=85.0)


@pytest.fixture
def handle_time(services: Services) -> KpiView:
    return services.kpis.define("Average handle time", unit="s", target=420.0, higher_is_better=False, decimals=0)


def test_a_rising_noisy_series_is_improving(services: Services, team: Team, adherence: KpiView) -> None:
    weekly(services, adherence, team.priya.id, [80 + 0.5 * week + NOISE[week] for week in range(12)])

    trend = services.kpi_trends.chart(team.priya.id, adherence.id).trend

    assert trend.word is TrendWord.IMPROVING
    assert trend.sentence.startswith("Improving: up about 5.")
    assert "over the last 12 weeks; on target 2 of 12 weeks." in trend.sentence


def test_a_flat_noisy_series_stays_flat_when_the_last_week_jumps(
    services: Services, team: Team, adherence: KpiView
) -> None:
    values = [86 + NOISE[week] for week in range(11)] + [93.0]
    weekly(services, adherence, team.priya.id, values)

    trend = services.kpi_trends.chart(team.priya.id, adherence.id).trend

    assert trend.word is TrendWord.FLAT
    assert trend.sentence == "Flat: no clear change over the last 12 weeks; on target 11 of 12 weeks."


def test_weeks_without_figures_are_spanned_but_not_counted_as_off_target(
    services: Services, team: Team, adherence: KpiView
) -> None:
    services.kpis.record_values(
        [
            KpiValueInput(adherence.id, team.priya.id, FIRST_MONDAY + timedelta(weeks=week), 86 + NOISE[week])
            for week in range(13)
            if week != 6
        ]
    )

    trend = services.kpi_trends.chart(team.priya.id, adherence.id).trend

    assert trend.sentence == "Flat: no clear change over the last 13 weeks; on target 11 of the 12 weeks with figures."


def test_handle_time_going_up_is_slipping(services: Services, team: Team, handle_time: KpiView) -> None:
    weekly(services, handle_time, team.priya.id, [400 + 6 * week + 10 * NOISE[week] for week in range(12)])

    trend = services.kpi_trends.chart(team.priya.id, handle_time.id).trend

    assert trend.word is TrendWord.SLIPPING
    assert trend.sentence == "Slipping: up about 63 s over the last 12 weeks; on target 4 of 12 weeks."


def test_handle_time_going_down_is_improving(services: Services, team: Team, handle_time: KpiView) -> None:
    weekly(services, handle_time, team.priya.id, [480 - 6 * week + 10 * NOISE[week] for week in range(12)])

    assert services.kpi_trends.chart(team.priya.id, handle_time.id).trend.word is TrendWord.IMPROVING


def test_the_trend_looks_at_the_recent_values_only(services: Services, team: Team, adherence: KpiView) -> None:
    """A year of steady gains, then a quarter of steady losses: the manager needs to hear about the losses."""
    rising = [70 + 0.5 * week for week in range(40)]
    falling = [rising[-1] - 0.6 * week + NOISE[week] for week in range(1, 13)]
    weekly(services, adherence, team.priya.id, rising + falling)

    assert services.kpi_trends.chart(team.priya.id, adherence.id).trend.word is TrendWord.SLIPPING


def test_a_few_values_are_not_enough_to_judge(services: Services, team: Team, adherence: KpiView) -> None:
    weekly(services, adherence, team.priya.id, [80, 84, 88])

    trend = services.kpi_trends.chart(team.priya.id, adherence.id).trend

    assert trend.word is TrendWord.TOO_FEW
    assert trend.sentence == "Not enough values yet: a trend needs 6 weeks of figures, and there are 3."


def test_the_chart_uses_the_persons_own_target(services: Services, team: Team, adherence: KpiView) -> None:
    weekly(services, adherence, team.priya.id, [86 + NOISE[week] for week in range(12)])
    weekly(services, adherence, team.tomas.id, [86 + NOISE[week] for week in range(12)])
    services.kpis.set_personal_target(adherence.id, team.priya.id, 90.0)

    priya = services.kpi_trends.chart(team.priya.id, adherence.id)
    tomas = services.kpi_trends.chart(team.tomas.id, adherence.id)

    assert (priya.target, priya.personal_target) == (90.0, True)
    assert (tomas.target, tomas.personal_target) == (85.0, False)
    assert priya.trend.on_target == 0
    assert tomas.trend.on_target == 11


def test_the_chart_holds_the_series_oldest_first_and_the_sessions_since_it_began(
    services: Services, team: Team, adherence: KpiView
) -> None:
    csat = services.kpis.define("CSAT", unit="%", target=80.0)
    mondays = weekly(services, adherence, team.priya.id, [80.0, 82.5, 81.0])

    def session(day: date, what: str, kpi_id: str | None = None) -> str:
        focuses = (FocusDraft(kpi_id=kpi_id),) if kpi_id else ()
        return services.log.record_session(SessionDraft((team.priya.id,), what, held_on=day, focuses=focuses)).id

    session(FIRST_MONDAY - timedelta(days=30), "Before the first value")
    on_adherence = session(mondays[1] + timedelta(days=2), "Went through the schedule\nand the breaks", adherence.id)
    on_csat = session(mondays[2], "Survey comments", csat.id)

    chart = services.kpi_trends.chart(team.priya.id, adherence.id)

    assert [(p.period_start, p.value) for p in chart.points] == list(zip(mondays, [80.0, 82.5, 81.0], strict=True))
    assert [(m.entry_id, m.held_on, m.title, m.on_this_kpi) for m in chart.sessions] == [
        (on_adherence, mondays[1] + timedelta(days=2), "Coaching: Went through the schedule", True),
        (on_csat, mondays[2], "Coaching: Survey comments", False),
    ]
    assert (chart.kpi.unit, chart.kpi.period, chart.kpi.higher_is_better) == ("%", KpiPeriod.WEEK, True)


def test_choices_list_each_kpi_with_values_with_its_latest_value_and_trend(
    services: Services, team: Team, adherence: KpiView, handle_time: KpiView
) -> None:
    services.kpis.define("CSAT", unit="%", target=80.0)
    weekly(services, adherence, team.priya.id, [70 + week for week in range(20)])
    weekly(services, handle_time, team.priya.id, [430.0, 425.0])
    services.kpis.set_personal_target(handle_time.id, team.priya.id, 440.0)

    choices = services.kpi_trends.choices(team.priya.id)

    assert [
        (c.latest.kpi.name, c.latest.value, c.latest.target, c.latest.meets_target, c.trend.word) for c in choices
    ] == [
        ("Adherence", 89.0, 85.0, True, TrendWord.IMPROVING),
        ("Average handle time", 425.0, 440.0, True, TrendWord.TOO_FEW),
    ]
    assert choices[0].latest.period_start == FIRST_MONDAY + timedelta(weeks=19)
    assert choices[0].trend.values_judged == 12
