"""Saving a person as the Team screen's dialog does: a team by name, private notes, and refusals with their field."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coachdesk.errors import ValidationError
from coachdesk.services import Services
from coachdesk.services.people import PersonDraft
from tests.conftest import Team


def test_a_new_team_name_makes_the_team_and_an_existing_one_is_reused(services: Services, team: Team) -> None:
    ana = services.people.save(None, PersonDraft("Ana Lopez", "N1"), team_name="Harbour")
    ben = services.people.save(None, PersonDraft("Ben Stone", "N2"), team_name="harbour")

    assert (ana.team_name, ben.team_name, ana.team_id) == ("Harbour", "Harbour", ben.team_id)
    assert [t.name for t in services.people.list_teams()] == ["Harbour"]


def test_a_refused_person_leaves_no_stray_team(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError) as refused:
        services.people.save(None, PersonDraft("Copy of Priya", "A1"), team_name="Lighthouse")

    assert refused.value.field == "employee_id"
    assert services.people.list_teams() == []


def test_notes_are_kept_and_survive_an_edit_of_other_fields(services: Services, team: Team) -> None:
    draft = replace(services.people.draft_of(team.priya.id), notes="Prefers feedback in writing.")
    services.people.update(team.priya.id, draft)

    services.people.update(team.priya.id, replace(services.people.draft_of(team.priya.id), role="Senior adviser"))

    priya = services.people.get(team.priya.id)
    assert (priya.notes, priya.role) == ("Prefers feedback in writing.", "Senior adviser")


def test_an_email_without_a_domain_is_refused_at_its_field(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError, match="not an email address") as refused:
        services.people.add(PersonDraft("Ana Lopez", "N1", email="ana.lopez"))
    assert refused.value.field == "email"
