from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachdesk.errors import ValidationError
from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import FocusDraft, SessionDraft
from tests.conftest import TODAY, Team


def session_with(team: Team, **changes: object) -> SessionDraft:
    values: dict[str, object] = {
        "agent_ids": (team.priya.id,),
        "what_happened": "Listened to three calls; schedule slips after lunch.",
        "held_on": TODAY - timedelta(days=3),
        "performance_notes": "Open to feedback, took notes.",
        "performance_rating": 3,
        "agent_view": "Lunch cover is the problem.",
        "barriers": "Break rota",
        "next_steps": "Reminder at 13:55; rota change.",
        "private_notes": "Mentioned caring for her mother.",
    }
    values.update(changes)
    return SessionDraft(**values)  # type: ignore[arg-type]


def test_a_session_is_saved_with_its_focus_and_next_steps_as_commitments(services: Services, team: Team) -> None:
    entry = services.log.record_session(
        session_with(
            team,
            focuses=(FocusDraft("Adherence", target_text="85 % within two weeks", follow_up_on=TODAY + timedelta(14)),),
            commitments=(
                CommitmentDraft("Set a reminder for the end of lunch", team.priya.id),
                CommitmentDraft("Move Priya's break slot", team.leader.id, TODAY + timedelta(days=2)),
            ),
        )
    )
    saved = services.log.get(entry.id)
    assert saved.coach_name == "Dana Whitfield"
    assert saved.agents == ((team.priya.id, "Priya Shah"),)
    assert saved.kind.name == "Coaching"
    assert saved.focuses[0].target_text == "85 % within two weeks"
    owners = {(c.owner_name, c.coachee_name, c.due_on) for c in saved.commitments}
    assert owners == {
        ("Priya Shah", "Priya Shah", TODAY + timedelta(days=7)),
        ("Dana Whitfield", "Priya Shah", TODAY + timedelta(days=2)),
    }
    assert [c.text for c in services.commitments.open_for(team.priya.id)] == [
        "Move Priya's break slot",
        "Set a reminder for the end of lunch",
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"agent_ids": ()}, "Choose the agent"),
        ({"what_happened": "   "}, "What happened cannot be empty"),
        ({"held_on": TODAY + timedelta(days=1)}, "in the future"),
        ({"performance_rating": 6}, "from 1 to 5"),
        ({"duration_minutes": -5}, "out of range"),
        ({"kind": "interrogation"}, "not a kind of session. Known kinds: coaching"),
    ],
)
def test_bad_sessions_are_refused_in_plain_words(
    services: Services, team: Team, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.log.record_session(session_with(team, **changes))
    assert services.log.timeline(team.priya.id) == []


def test_a_refused_commitment_saves_nothing_of_the_session(services: Services, team: Team) -> None:
    draft = session_with(team, commitments=(CommitmentDraft("  ", team.priya.id),))
    with pytest.raises(ValidationError, match="A commitment cannot be empty"):
        services.log.record_session(draft)
    assert services.log.timeline(team.priya.id) == []
    assert services.commitments.open_for(team.priya.id) == []


def test_a_coach_cannot_coach_themselves_and_archived_agents_are_refused(services: Services, team: Team) -> None:
    with pytest.raises(ValidationError, match="themselves"):
        services.log.record_session(session_with(team, agent_ids=(team.leader.id,)))
    services.people.set_archived(team.tomas.id, True)
    with pytest.raises(ValidationError, match="Tomás Ruiz is archived"):
        services.log.record_session(session_with(team, agent_ids=(team.tomas.id,)))


def test_a_group_session_appears_in_each_agents_timeline(services: Services, team: Team) -> None:
    entry = services.log.record_session(
        session_with(team, agent_ids=(team.priya.id, team.tomas.id), kind="call review")
    )
    for agent in (team.priya, team.tomas):
        [line] = services.log.timeline(agent.id)
        assert (line.id, line.kind_name, line.agent_names) == (entry.id, "Call review", ("Priya Shah", "Tomás Ruiz"))


def test_the_timeline_is_newest_first_and_pages_backwards(services: Services, team: Team) -> None:
    for days_ago in (30, 2, 16, 9):
        services.log.record_session(session_with(team, held_on=TODAY - timedelta(days=days_ago)))
    first_page = services.log.timeline(team.priya.id, limit=3)
    assert [e.held_on for e in first_page] == [TODAY - timedelta(days=d) for d in (2, 9, 16)]
    rest = services.log.timeline(team.priya.id, limit=3, before=first_page[-1].held_on)
    assert [e.held_on for e in rest] == [TODAY - timedelta(days=30)]


def test_a_signed_off_entry_keeps_its_original_and_records_amendments(services: Services, team: Team) -> None:
    entry = services.log.record_session(session_with(team))
    services.log.sign_off(entry.id)

    amended = services.log.edit(
        entry.id, {"what_happened": "Listened to four calls.", "performance_rating": 4}, reason="miscounted"
    )

    assert amended.what_happened == "Listened to three calls; schedule slips after lunch."
    assert amended.performance_rating == 3
    assert amended.amended("what_happened") == "Listened to four calls."
    assert amended.amended("performance_rating") == "4"
    assert {(a.field, a.original_value, a.reason) for a in amended.amendments} == {
        ("what_happened", "Listened to three calls; schedule slips after lunch.", "miscounted"),
        ("performance_rating", "3", "miscounted"),
    }
    again = services.log.edit(entry.id, {"what_happened": "Listened to five calls."})
    assert [a.original_value for a in again.amendments if a.field == "what_happened"] == [
        "Listened to three calls; schedule slips after lunch.",
        "Listened to four calls.",
    ]


def test_private_notes_of_a_signed_off_entry_change_in_place(services: Services, team: Team) -> None:
    entry = services.log.record_session(session_with(team))
    services.log.sign_off(entry.id)
    edited = services.log.edit(entry.id, {"private_notes": "Follow up with HR about flexible hours."})
    assert edited.private_notes == "Follow up with HR about flexible hours."
    assert edited.amendments == ()


def test_a_signed_off_entry_cannot_be_deleted_but_a_draft_can(services: Services, team: Team) -> None:
    signed = services.log.record_session(session_with(team))
    services.log.sign_off(signed.id)
    with pytest.raises(ValidationError, match="signed off and cannot be deleted"):
        services.log.delete(signed.id)

    loose = services.log.record_session(
        session_with(team, held_on=TODAY, commitments=(CommitmentDraft("Read the adherence guide", team.priya.id),))
    )
    services.log.delete(loose.id)
    assert [e.id for e in services.log.timeline(team.priya.id)] == [signed.id]
    assert services.commitments.open_for(team.priya.id) == []


def test_only_an_agent_in_the_session_can_acknowledge_it(services: Services, team: Team) -> None:
    entry = services.log.record_session(session_with(team))
    with pytest.raises(ValidationError, match="Only an agent who was in the session"):
        services.log.acknowledge(entry.id, team.tomas.id, "Not me")
    services.log.acknowledge(entry.id, team.priya.id, "Fair summary")
    acknowledged = services.log.acknowledge(entry.id, team.priya.id, "Fair summary; rota agreed")
    assert [(a.agent_name, a.comment) for a in acknowledged.acknowledgements] == [
        ("Priya Shah", "Fair summary; rota agreed")
    ]


def test_a_new_kind_of_session_can_be_added_and_used(services: Services, team: Team) -> None:
    kind = services.log.add_kind("Floor walk")
    entry = services.log.record_session(session_with(team, kind="floor walk"))
    assert (kind.key, entry.kind.name) == ("floor_walk", "Floor walk")
    with pytest.raises(ValidationError, match="already a session kind"):
        services.log.add_kind("floor  WALK")


def test_an_entry_is_found_by_the_start_of_its_id(services: Services, team: Team) -> None:
    entry = services.log.record_session(session_with(team))
    assert services.log.resolve_id(entry.id[:8]) == entry.id


def test_following_up_a_commitment_records_the_outcome(services: Services, team: Team) -> None:
    entry = services.log.record_session(
        session_with(team, commitments=(CommitmentDraft("Shadow a senior", team.priya.id),))
    )
    [commitment] = entry.commitments
    done = services.commitments.follow_up(commitment.id, CommitmentStatus.DONE, "Did it on Tuesday")
    assert (done.status, done.resolved_on, done.follow_up_note) == (CommitmentStatus.DONE, TODAY, "Did it on Tuesday")
    assert services.commitments.open_for(team.priya.id) == []


def test_overdue_commitments_are_marked(services: Services, team: Team) -> None:
    services.commitments.add(CommitmentDraft("Finish the module", team.priya.id, date(2026, 11, 20)))
    services.commitments.add(
        CommitmentDraft("Book the side-by-side", team.leader.id, date(2026, 11, 30), team.priya.id)
    )
    due = services.commitments.due_by(TODAY)
    assert [(c.text, c.overdue) for c in due] == [("Finish the module", True)]
    assert [c.overdue for c in services.commitments.open_for(team.priya.id)] == [True, False]
