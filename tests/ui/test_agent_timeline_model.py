"""The timeline model: a well-behaved Qt model that pages older sessions in and ignores pages that arrive late."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.services.workspace import TIMELINE_PAGE
from coachdesk.ui.agent.timeline_model import ENTRY_ROLE, TimelineModel
from tests.conftest import TODAY, Team


def fill_history(services: Services, team: Team, count: int) -> None:
    for n in range(count):
        services.log.record_session(
            SessionDraft((team.priya.id,), f"Session {n}\nSecond line", held_on=TODAY - timedelta(days=n // 2))
        )


def paging_model(services: Services, person_id: str) -> TimelineModel:
    """A model whose older pages are loaded on the spot, as `ImmediateTaskRunner` would."""
    model = TimelineModel()
    model.older_wanted.connect(
        lambda who, after: model.append_page(who, after, services.workspace.timeline_page(who, after=after))
    )
    model.show_first_page(person_id, TODAY, services.workspace.overview(person_id).timeline)
    return model


def test_the_model_passes_the_model_tester_while_paging(
    qtmodeltester: ModelTester, services: Services, team: Team
) -> None:
    fill_history(services, team, TIMELINE_PAGE + 4)
    model = paging_model(services, team.priya.id)

    qtmodeltester.check(model)

    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert model.rowCount() == TIMELINE_PAGE + 4


def test_each_row_shows_the_day_kind_and_first_line(services: Services, team: Team) -> None:
    fill_history(services, team, 1)
    model = paging_model(services, team.priya.id)

    index = model.index(0, 0)

    assert index.data(Qt.ItemDataRole.DisplayRole) == "Mon 23 Nov · Coaching — Session 0"
    assert index.data(ENTRY_ROLE).what_happened == "Session 0\nSecond line"


def test_a_page_that_arrives_after_the_list_moved_on_is_ignored(services: Services, team: Team) -> None:
    fill_history(services, team, TIMELINE_PAGE + 2)
    model = TimelineModel()
    first = services.workspace.overview(team.priya.id).timeline
    model.show_first_page(team.priya.id, TODAY, first)
    asked: list[tuple[str, str]] = []
    model.older_wanted.connect(lambda who, after: asked.append((who, after)))

    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    [(who, after)] = asked
    older = services.workspace.timeline_page(who, after=after)
    model.show_first_page(team.tomas.id, TODAY, services.workspace.overview(team.tomas.id).timeline)
    model.append_page(who, after, older)

    assert model.rowCount() == 0
