from __future__ import annotations

from sqlalchemy import text

from coachdesk.services import Services
from coachdesk.services.integrity import Severity
from coachdesk.services.log import SessionDraft
from tests.conftest import Team


def problems(services: Services) -> list[str]:
    return [f.message for f in services.integrity.check() if f.severity is Severity.PROBLEM]


def test_a_healthy_notebook_passes_every_check(services: Services, team: Team) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    findings = services.integrity.check()
    assert {f.severity for f in findings} == {Severity.OK}
    assert len(findings) == 5


def test_records_missing_from_the_search_index_are_reported(services: Services, team: Team) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Call review."))
    with services.notebook.write() as session:
        session.execute(text("DELETE FROM search_keys WHERE kind = 'log_entry'"))
    assert problems(services) == ["1 records are missing from the search index."]


def test_a_loop_in_the_reporting_tree_is_reported(services: Services, team: Team) -> None:
    with services.notebook.write() as session:
        session.execute(
            text("UPDATE people SET reports_to_id = :p WHERE id = :s"), {"p": team.priya.id, "s": team.senior.id}
        )
    [problem] = problems(services)
    assert problem.startswith("The reporting tree has a loop through: Dana Whitfield, Grace Okafor, Priya Shah")
