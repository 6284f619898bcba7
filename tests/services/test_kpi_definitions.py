from __future__ import annotations

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import KpiPeriod
from coachdesk.services import Services
from coachdesk.services.kpis import KpiDraft, PersonalTarget, parse_target
from tests.conftest import Team


def test_changing_a_kpi_keeps_its_id_and_says_who_it_is_for(services: Services, team: Team) -> None:
    leeds = services.people.add_team("Leeds")
    kpi = services.kpis.define("Adherence", unit="%", target=85)

    changed = services.kpis.save(
        kpi.id, KpiDraft("Schedule adherence", "%", 88.0, True, KpiPeriod.MONTH, 0, team_id=leeds.id)
    )

    assert changed.kpi.id == kpi.id
    assert (changed.kpi.name, changed.kpi.target, changed.kpi.period, changed.team_name) == (
        "Schedule adherence",
        88.0,
        KpiPeriod.MONTH,
        "Leeds",
    )
    assert [d.kpi.name for d in services.kpis.definitions()] == ["Schedule adherence"]


def test_a_kpi_cannot_take_another_kpis_name(services: Services) -> None:
    services.kpis.define("AHT")
    csat = services.kpis.define("CSAT")

    with pytest.raises(ValidationError) as refused:
        services.kpis.save(csat.id, KpiDraft("AHT"))

    assert refused.value.field == "name"


@pytest.mark.parametrize("typed", ["eighty", "85 calls", "--"])
def test_a_target_that_is_not_a_number_is_refused_at_the_target_field(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_target(typed)

    assert refused.value.field == "target"
    assert typed.strip() in refused.value.message


def test_targets_are_read_as_people_type_them() -> None:
    assert (parse_target("85 %"), parse_target("3,5"), parse_target("  ")) == (85.0, 3.5, None)


def test_a_retired_kpi_leaves_the_lists_but_its_name_can_be_used_again(services: Services) -> None:
    old = services.kpis.define("Sales")
    services.kpis.retire(old.id)

    assert services.kpis.definitions() == []
    assert services.kpis.define("Sales").id != old.id


def test_a_personal_target_can_be_set_and_cleared(services: Services, team: Team) -> None:
    aht = services.kpis.define("AHT", target=300, higher_is_better=False)
    services.kpis.set_personal_target(aht.id, team.new_starter.id, 360)
    services.kpis.set_personal_target(aht.id, team.priya.id, 320)

    assert services.kpis.definitions()[0].personal_targets == (
        PersonalTarget(team.priya.id, "Priya Shah", 320.0),
        PersonalTarget(team.new_starter.id, "Zoë Álvarez", 360.0),
    )

    services.kpis.clear_personal_target(aht.id, team.priya.id)

    assert [t.person_name for t in services.kpis.definitions()[0].personal_targets] == ["Zoë Álvarez"]
