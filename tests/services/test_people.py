from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coachdesk.errors import AmbiguousName, NotFound, ValidationError
from coachdesk.services import Services
from coachdesk.services.cadence import Tenure
from coachdesk.services.people import PersonDraft
from coachdesk.services.settings import CadencePolicy
from tests.conftest import Team


def test_people_are_found_by_id_employee_id_name_or_a_unique_part_of_it(services: Services, team: Team) -> None:
    find = services.people.find
    assert find(team.priya.id).full_name == "Priya Shah"
    assert find("a2").full_name == "Tomás Ruiz"
    assert find("priya shah").full_name == "Priya Shah"
    assert find("alvarez").full_name == "Zoë Álvarez"
    assert find("tomas ruiz").full_name == "Tomás Ruiz"


def test_a_name_that_fits_several_people_asks_for_more(services: Services, team: Team) -> None:
    with pytest.raises(AmbiguousName, match="Tomás Ruiz \\(A2\\), Zoë Álvarez \\(A3\\)"):
        services.people.find("z")
    with pytest.raises(NotFound, match="Nobody"):
        services.people.find("Wanda")


def test_an_employee_id_belongs_to_one_person(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError, match="A1 already belongs"):
        services.people.add(PersonDraft("Another Priya", "A1"))


def test_nobody_can_report_to_someone_below_them(services: Services, team: Team) -> None:
    draft = replace(services.people.draft_of(team.senior.id), reports_to_id=team.priya.id)
    with pytest.raises(ValidationError, match="reports to them"):
        services.people.update(team.senior.id, draft)
    assert services.people.get(team.senior.id).reports_to_id is None


def test_target_cadence_follows_tenure_unless_the_manager_overrides_it(services: Services, team: Team) -> None:
    people = services.people
    assert (people.get(team.new_starter.id).tenure, people.get(team.new_starter.id).cadence_days) == (Tenure.NEW, 7)
    assert (people.get(team.priya.id).tenure, people.get(team.priya.id).cadence_days) == (Tenure.DEVELOPING, 14)
    assert (people.get(team.tomas.id).tenure, people.get(team.tomas.id).cadence_days) == (Tenure.ESTABLISHED, 30)

    people.update(team.tomas.id, replace(people.draft_of(team.tomas.id), cadence_days=10))
    assert people.get(team.tomas.id).cadence_days == 10
    assert people.get(team.tomas.id).cadence_overridden

    services.settings.set_cadence_policy(CadencePolicy(established_days=21))
    assert people.get(team.tomas.id).cadence_days == 10
    assert people.get(team.senior.id).cadence_days == 21


def test_a_cadence_outside_a_year_is_refused(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError, match="between 1 and 365 days"):
        services.people.update(team.priya.id, replace(services.people.draft_of(team.priya.id), cadence_days=0))


def test_archived_people_leave_the_roster_but_not_the_notebook(services: Services, team: Team) -> None:
    services.people.set_archived(team.tomas.id, True)
    assert "Tomás Ruiz" not in [p.full_name for p in services.people.list_people()]
    archived = services.people.get(team.tomas.id)
    assert archived.archived
    assert "Tomás Ruiz" in [p.full_name for p in services.people.list_people(include_archived=True)]


def test_reports_are_found_directly_or_through_the_whole_tree(services: Services, team: Team) -> None:
    direct = [p.full_name for p in services.people.reports_of(team.senior.id)]
    everyone = [p.full_name for p in services.people.reports_of(team.senior.id, recursive=True)]
    assert direct == ["Dana Whitfield"]
    assert everyone == ["Dana Whitfield", "Priya Shah", "Tomás Ruiz", "Zoë Álvarez"]


def test_the_owner_is_who_the_notebook_belongs_to(services: Services, team: Team) -> None:
    owner = services.people.owner()
    assert owner is not None
    assert owner.full_name == "Dana Whitfield"


def test_a_person_must_be_an_agent_a_manager_or_both(services: Services) -> None:
    with pytest.raises(ValidationError, match="agent, a manager, or both"):
        services.people.add(PersonDraft("Nobody Atall", is_agent=False, is_manager=False, start_date=date(2025, 1, 1)))
