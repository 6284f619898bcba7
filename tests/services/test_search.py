from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.log import SessionDraft
from coachdesk.services.plans import GoalDraft, PlanDraft, StepDraft
from coachdesk.services.search import fts_query
from tests.conftest import Team


def record(services: Services, team: Team, text: str, **changes: object) -> str:
    return services.log.record_session(SessionDraft((team.priya.id,), text, **changes)).id  # type: ignore[arg-type]


def test_search_finds_sessions_with_highlighted_snippets(services: Services, team: Team) -> None:
    entry_id = record(services, team, "Worked on schedule adherence after lunch breaks.")
    [hit] = services.search.search("adherence")
    assert (hit.group, hit.title, hit.open_kind, hit.open_id) == (
        "Leader log",
        "Coaching with Priya Shah",
        "log_entry",
        entry_id,
    )
    assert ("adherence", True) in hit.snippet_parts()


def test_words_match_as_you_type_and_all_must_match(services: Services, team: Team) -> None:
    record(services, team, "Worked on schedule adherence.")
    assert len(services.search.search("sched adh")) == 1
    assert services.search.search("schedules") == []
    assert services.search.search("schedule lunch") == []


def test_the_index_follows_edits_and_deletions(services: Services, team: Team) -> None:
    entry_id = record(services, team, "Talked about empathy statements.")
    services.log.edit(entry_id, {"what_happened": "Talked about call control."})
    assert services.search.search("empathy") == []
    assert len(services.search.search("control")) == 1
    services.log.delete(entry_id)
    assert services.search.search("control") == []


def test_search_covers_people_commitments_plans_and_private_notes(services: Services, team: Team) -> None:
    record(services, team, "Side-by-side.", private_notes="Worried about burnout")
    services.commitments.add(CommitmentDraft("Shadow the escalations desk", team.priya.id))
    services.plans.create_plan(
        team.priya.id, PlanDraft("Escalations ready", (GoalDraft("Handle escalations", steps=(StepDraft("Shadow"),)),))
    )
    groups = {hit.group for hit in services.search.search("escalations")}
    assert groups == {"Commitments", "Development plans"}
    assert [h.title for h in services.search.search("burnout")] == ["Coaching with Priya Shah"]
    assert [h.title for h in services.search.search("tomas")] == ["Tomás Ruiz"]


def test_typed_operators_and_quotes_are_searched_as_words(services: Services, team: Team) -> None:
    record(services, team, 'She said "NOT today" AND left (early).')
    assert len(services.search.search('"NOT today" AND')) == 1
    assert services.search.search("  *** ") == []


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_whatever_is_typed_never_breaks_the_query(typed: str) -> None:
    query = fts_query(typed)
    assert query is None or query.count('"') % 2 == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=30))
def test_search_answers_any_input_without_error(services: Services, team: Team, typed: str) -> None:
    """Searching only reads, so one notebook serves every example."""
    hits = services.search.search(typed)
    assert all(hit.title for hit in hits)
