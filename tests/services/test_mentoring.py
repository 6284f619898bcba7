"""The mentor programme: pairings through their life, sessions and the mentee's feedback, and suggestions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from coachdesk.errors import ValidationError
from coachdesk.models import MentorshipStatus, PersonSkill, SkillKind
from coachdesk.models import Team as TeamRecord
from coachdesk.services import Services
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import FocusDraft, SessionDraft
from coachdesk.services.mentoring import PairingDraft
from coachdesk.services.people import PersonDraft
from coachdesk.services.plans import GoalDraft, PlanDraft
from tests.conftest import TODAY, Team

MONDAY = TODAY - timedelta(days=TODAY.weekday())


def test_a_pairing_is_proposed_accepted_and_ended(services: Services, team: Team) -> None:
    mentoring = services.mentoring
    proposed = mentoring.create(
        PairingDraft(team.senior.id, team.leader.id, "First-line leadership", "Run calmer one-on-ones"), proposed=True
    )
    assert proposed.status is MentorshipStatus.PROPOSED

    accepted = mentoring.accept(proposed.id)
    ended = mentoring.end(proposed.id)

    assert accepted.status is MentorshipStatus.ACTIVE
    assert (ended.status, ended.ended_on) == (MentorshipStatus.ENDED, TODAY)
    with pytest.raises(ValidationError):
        mentoring.accept(proposed.id)


def test_a_manager_may_mentor_and_be_mentored_but_not_mentor_themselves(services: Services, team: Team) -> None:
    mentoring = services.mentoring
    mentoring.create(PairingDraft(team.senior.id, team.leader.id))
    mentoring.create(PairingDraft(team.leader.id, team.priya.id))

    with pytest.raises(ValidationError) as themselves:
        mentoring.create(PairingDraft(team.leader.id, team.leader.id))
    with pytest.raises(ValidationError) as twice:
        mentoring.create(PairingDraft(team.senior.id, team.leader.id))
    with pytest.raises(ValidationError) as backwards:
        mentoring.create(PairingDraft(team.tomas.id, team.priya.id, starts_on=TODAY, ends_on=TODAY))

    assert (themselves.value.field, twice.value.field, backwards.value.field) == ("mentee_id", "mentee_id", "ends_on")
    assert [(p.mentor.name, p.mentee.name) for p in mentoring.pairings()] == [
        ("Grace Okafor", "Dana Whitfield"),
        ("Dana Whitfield", "Priya Shah"),
    ]


def test_a_mentoring_session_is_logged_and_the_mentee_rates_it(services: Services, team: Team) -> None:
    pairing = services.mentoring.create(PairingDraft(team.tomas.id, team.priya.id, "Complaint calls"))

    logged = services.mentoring.log_session(pairing.id, "Listened to two calls together", "Try the LEAP steps")
    services.mentoring.give_feedback(logged.entry_id, 4, "  Very practical  ")

    [session] = services.mentoring.get(pairing.id).sessions
    assert (session.what_happened, session.next_steps, session.rating, session.comment) == (
        "Listened to two calls together",
        "Try the LEAP steps",
        4,
        "Very practical",
    )
    entry = services.log.get(logged.entry_id)
    assert (entry.kind.key, entry.coach_id) == ("mentoring", team.tomas.id)
    assert entry.agents == ((team.priya.id, "Priya Shah"),)


def test_feedback_needs_a_rating_from_one_to_five_on_a_mentoring_session(services: Services, team: Team) -> None:
    pairing = services.mentoring.create(PairingDraft(team.tomas.id, team.priya.id))
    logged = services.mentoring.log_session(pairing.id, "Call review")
    coaching = services.log.record_session(SessionDraft((team.priya.id,), "Coaching"))

    for rating, comment in ((None, "Fine"), (0, ""), (6, "")):
        with pytest.raises(ValidationError) as refused:
            services.mentoring.give_feedback(logged.entry_id, rating, comment)
        assert refused.value.field == "rating"
    with pytest.raises(ValidationError):
        services.mentoring.give_feedback(coaching.id, 5)
    assert services.mentoring.get(pairing.id).sessions[0].rating is None


def test_sessions_are_logged_only_while_a_pairing_is_active(services: Services, team: Team) -> None:
    pairing = services.mentoring.create(PairingDraft(team.tomas.id, team.priya.id), proposed=True)

    with pytest.raises(ValidationError):
        services.mentoring.log_session(pairing.id, "Too early")
    services.mentoring.accept(pairing.id)
    with pytest.raises(ValidationError) as empty:
        services.mentoring.log_session(pairing.id, "  ")
    assert empty.value.field == "what_happened"


@pytest.fixture
def other_site(services: Services, team: Team) -> tuple[str, str]:
    """An agent of a field team at another site, and one in the leader's own team, both strong on CSAT."""
    people = services.people
    services.people.save(team.priya.id, people.draft_of(team.priya.id), "Leeds Retentions")
    field = people.save(None, PersonDraft("Ines Moreau", "F1", reports_to_id=team.senior.id), "Field North")
    near = people.save(None, PersonDraft("Ola Berg", "A9", reports_to_id=team.senior.id), "Leeds Retentions")
    with services.notebook.write() as session:
        for row in session.scalars(select(TeamRecord)):
            row.site = "York" if row.name == "Field North" else "Leeds"
    return field.id, near.id


def test_a_mentee_below_target_is_matched_to_a_strong_mentor_from_another_site(
    services: Services, team: Team, other_site: tuple[str, str]
) -> None:
    field_id, near_id = other_site
    csat = services.kpis.define("CSAT", unit="%", target=85, decimals=0)
    weeks = [MONDAY - timedelta(weeks=n) for n in range(4)]
    services.kpis.record_values(
        [KpiValueInput(csat.id, team.priya.id, weeks[0], 78)]
        + [KpiValueInput(csat.id, person, week, 92) for person in (field_id, near_id) for week in weeks]
    )

    [suggestion] = services.mentor_matching.suggestions()

    assert (suggestion.mentor.name, suggestion.mentee.name, suggestion.area) == ("Ines Moreau", "Priya Shah", "CSAT")
    assert suggestion.reason == (
        "Priya's CSAT is 78 %, target 85 %; Ines has met the CSAT target 4 weeks running · York and Leeds."
    )


def test_plan_goals_focuses_and_recognition_match_and_existing_pairs_are_left_out(
    services: Services, team: Team
) -> None:
    aht = services.kpis.define("AHT", unit="s", target=400, higher_is_better=False, decimals=0)
    services.plans.create_plan(team.priya.id, PlanDraft("Shorter calls", (GoalDraft("Wrap up faster", kpi_id=aht.id),)))
    services.recognition.recognise(team.tomas.id, "Quickest calls on the floor", kpi_id=aht.id)
    focus = FocusDraft("De-escalation")
    services.log.record_session(SessionDraft((team.new_starter.id,), "Hard call", focuses=(focus,)))
    services.recognition.recognise(team.priya.id, "Calmed an angry caller", behaviour="de-escalation")

    found = {(s.mentee.name, s.mentor.name): s.reason for s in services.mentor_matching.suggestions()}

    assert found == {
        ("Priya Shah", "Tomás Ruiz"): "Priya's plan has a goal on AHT: “Wrap up faster”; Tomás was recognised for AHT.",
        ("Zoë Álvarez", "Priya Shah"): "Zoë was coached on “De-escalation”; Priya was recognised for “de-escalation”.",
    }
    services.mentoring.create(PairingDraft(team.tomas.id, team.priya.id))
    assert [s.mentee.name for s in services.mentor_matching.suggestions()] == ["Zoë Álvarez"]


def test_noted_skills_match_and_the_mentees_own_manager_is_not_suggested(services: Services, team: Team) -> None:
    with services.notebook.write() as session:
        session.add_all(
            [
                PersonSkill(person_id=team.priya.id, name="Coaching others", kind=SkillKind.GROWTH_AREA),
                PersonSkill(person_id=team.leader.id, name="coaching others", kind=SkillKind.STRENGTH),
                PersonSkill(person_id=team.senior.id, name="Coaching Others", kind=SkillKind.STRENGTH),
            ]
        )

    [suggestion] = services.mentor_matching.suggestions()

    assert (suggestion.mentor.name, suggestion.mentee.name) == ("Grace Okafor", "Priya Shah")
