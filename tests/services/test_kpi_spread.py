from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.kpi_spread import SpreadBasis, Standing
from coachdesk.services.kpis import KpiValueInput, KpiView
from coachdesk.services.people import PersonDraft
from tests.conftest import Team

FIRST_WEEK = date(2026, 10, 26)


def weekly(services: Services, kpi: KpiView, person_id: str, values: list[float], first: date = FIRST_WEEK) -> None:
    services.kpis.record_values(
        [KpiValueInput(kpi.id, person_id, first + timedelta(weeks=n), v) for n, v in enumerate(values)]
    )


@pytest.fixture
def aht(services: Services, team: Team) -> KpiView:
    """Lower is better; Priya has her own, looser target; the last values are Tomás's best week and Zoë's worst."""
    kpi = services.kpis.define("AHT", unit="s", target=300, higher_is_better=False, period=KpiPeriod.WEEK)
    services.kpis.set_personal_target(kpi.id, team.priya.id, 320)
    weekly(services, kpi, team.priya.id, [250, 330, 310, 300, 315], FIRST_WEEK - timedelta(weeks=1))
    weekly(services, kpi, team.tomas.id, [280, 290, 350, 290])
    weekly(services, kpi, team.new_starter.id, [360, 340])
    return kpi


def test_agents_are_ordered_by_how_far_past_their_own_target_they_are(
    services: Services, team: Team, aht: KpiView
) -> None:
    services.people.add(PersonDraft("Sam Otieno", "A4", reports_to_id=team.leader.id))

    spread = services.kpi_spread.spread(aht.id)

    assert [(a.person_name, a.value, a.target, a.standing) for a in spread.agents] == [
        ("Tomás Ruiz", 290.0, 300.0, Standing.COULD_MENTOR),
        ("Priya Shah", 315.0, 320.0, Standing.COULD_MENTOR),
        ("Zoë Álvarez", 340.0, 300.0, Standing.NEEDS_SUPPORT),
        ("Sam Otieno", None, 300.0, Standing.NOT_MEASURED),
    ]
    assert [a.person_name for a in spread.with_standing(Standing.NEEDS_SUPPORT)] == ["Zoë Álvarez"]
    assert spread.agents[1].own_target
    assert (spread.agents[1].periods_on_target, spread.agents[1].periods_measured) == (3, 4)


def test_on_target_now_but_not_steadily_is_no_mentor_yet(services: Services, team: Team, aht: KpiView) -> None:
    weekly(services, aht, team.new_starter.id, [360, 340, 310, 295])

    zoe = next(a for a in services.kpi_spread.spread(aht.id).agents if a.person_id == team.new_starter.id)

    assert (zoe.value, zoe.periods_on_target, zoe.standing) == (295.0, 1, Standing.ON_TARGET)


def test_the_recent_mean_smooths_one_good_week_away(services: Services, team: Team, aht: KpiView) -> None:
    spread = services.kpi_spread.spread(aht.id, basis=SpreadBasis.RECENT_MEAN)

    tomas = next(a for a in spread.agents if a.person_id == team.tomas.id)
    assert (tomas.value, tomas.standing) == (302.5, Standing.NEEDS_SUPPORT)


def test_a_team_filter_keeps_that_teams_agents(services: Services, team: Team, aht: KpiView) -> None:
    services.people.save(team.priya.id, services.people.draft_of(team.priya.id), "Leeds")
    leeds = services.people.list_teams()[0]

    spread = services.kpi_spread.spread(aht.id, team_id=leeds.id)

    assert [(a.person_name, a.team_name) for a in spread.agents] == [("Priya Shah", "Leeds")]


def test_without_any_target_nobody_is_labelled_for_support(services: Services, team: Team) -> None:
    sales = services.kpis.define("Sales", period=KpiPeriod.WEEK)
    weekly(services, sales, team.priya.id, [5, 9])
    weekly(services, sales, team.tomas.id, [12])

    spread = services.kpi_spread.spread(sales.id)

    assert [(a.person_name, a.standing) for a in spread.agents[:2]] == [
        ("Tomás Ruiz", Standing.NO_TARGET),
        ("Priya Shah", Standing.NO_TARGET),
    ]
