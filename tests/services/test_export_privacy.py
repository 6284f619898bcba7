"""Private notes and private records never leave the device: not in exports for others."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import FocusDraft, SessionDraft
from tests.conftest import Team

SECRETS = ("SECRET-NOTE", "SECRET-ENTRY", "SECRET-COMMITMENT", "SECRET-FOCUS", "SECRET-PERSON", "SECRET-RECOGNITION")


def fill_with_private_content(services: Services, team: Team) -> None:
    services.log.record_session(
        SessionDraft((team.priya.id,), "Shared session about adherence.", private_notes="SECRET-NOTE about health")
    )
    services.log.record_session(
        SessionDraft(
            (team.tomas.id,),
            "SECRET-ENTRY: a difficult conversation.",
            is_private=True,
            focuses=(FocusDraft("SECRET-FOCUS"),),
            commitments=(CommitmentDraft("SECRET-COMMITMENT to see HR", team.tomas.id),),
        )
    )
    services.recognition.recognise(team.priya.id, "SECRET-RECOGNITION for a personal matter", is_private=True)
    services.recognition.recognise(team.priya.id, "Great save on a complaint call")
    draft = services.people.draft_of(team.priya.id)
    services.people.update(team.priya.id, replace(draft, role="Adviser"))
    from sqlalchemy import update

    from coachdesk.models import Person

    with services.notebook.write() as session:
        session.execute(update(Person).where(Person.id == team.priya.id).values(notes="SECRET-PERSON"))


def test_the_export_holds_every_kind_of_record_as_an_array(services: Services, team: Team, tmp_path: Path) -> None:
    services.log.record_session(
        SessionDraft((team.priya.id,), "Call review.", commitments=(CommitmentDraft("Re-listen", team.priya.id),))
    )
    target = tmp_path / "export.json"
    counts = services.export.export_to(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    for kind in (
        "people",
        "log_entries",
        "commitments",
        "development_plans",
        "meetings",
        "agenda_items",
        "recognition",
        "kpi_values",
        "mentorships",
    ):
        assert isinstance(document[kind], list), kind
    assert len(document["people"]) == counts["people"] == 5
    assert [e["what_happened"] for e in document["log_entries"]] == ["Call review."]
    assert document["log_entry_agents"][0]["agent_id"] == team.priya.id
    assert document["export"]["includes_private_content"] is False


def test_private_content_never_reaches_an_export_for_others(services: Services, team: Team, tmp_path: Path) -> None:
    fill_with_private_content(services, team)
    target = tmp_path / "export.json"
    services.export.export_to(target)
    text = target.read_text(encoding="utf-8")
    assert [secret for secret in SECRETS if secret in text] == []
    document = json.loads(text)
    assert "private_notes" not in document["log_entries"][0]
    assert [e["what_happened"] for e in document["log_entries"]] == ["Shared session about adherence."]
    assert [r["reason"] for r in document["recognition"]] == ["Great save on a complaint call"]
    assert {a["agent_id"] for a in document["log_entry_agents"]} == {team.priya.id}
    assert document["session_focuses"] == []


def test_the_manager_can_include_private_content_in_their_own_backup(
    services: Services, team: Team, tmp_path: Path
) -> None:
    fill_with_private_content(services, team)
    target = tmp_path / "mine.json"
    services.export.export_to(target, include_private=True)
    text = target.read_text(encoding="utf-8")
    assert [secret for secret in SECRETS if secret not in text] == []
    assert json.loads(text)["export"]["includes_private_content"] is True


def test_deleted_records_are_not_exported(services: Services, team: Team) -> None:
    entry = services.log.record_session(SessionDraft((team.priya.id,), "Logged by mistake."))
    services.log.delete(entry.id)
    document = services.export.document()
    assert document["log_entries"] == []
    assert document["log_entry_agents"] == []
