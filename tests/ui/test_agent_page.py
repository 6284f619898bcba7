"""The Agent screen: the timeline, a session in full, one-click follow-up of commitments, and paging back in time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coachdesk.models import CommitmentStatus
from coachdesk.services import Services
from coachdesk.services.commitments import CommitmentDraft
from coachdesk.services.kpis import KpiValueInput
from coachdesk.services.log import SessionDraft
from coachdesk.services.workspace import TIMELINE_PAGE
from coachdesk.ui.agent.page import AgentPage
from coachdesk.ui.agent.timeline_model import ENTRY_ROLE
from coachdesk.ui.commitments_panel import CommitmentLine
from coachdesk.ui.context import ChangeNotices, Topic, UiContext
from coachdesk.ui.errors import ErrorReporter
from coachdesk.ui.settings import UiSettings
from tests.conftest import TODAY, Team
from tests.ui.conftest import ManualTaskRunner, RecordingNavigator, show_active


def log_session(services: Services, agent_id: str, days_ago: int, what: str, **changes: Any) -> str:
    draft = SessionDraft((agent_id,), what, held_on=TODAY - timedelta(days=days_ago), **changes)
    return services.log.record_session(draft).id


def open_page(qtbot: QtBot, context: UiContext, person_id: str, entry_id: str | None = None) -> AgentPage:
    page = AgentPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    page.show_agent(person_id, entry_id)
    return page


def shown_entries(page: AgentPage) -> list[str]:
    return [page.model.entry(row).what_happened for row in range(page.model.rowCount())]


def selected_id(page: AgentPage) -> str:
    entry = page.timeline.currentIndex().data(ENTRY_ROLE)
    assert entry is not None
    return str(entry.id)


@pytest.fixture
def busy_history(services: Services, team: Team) -> list[str]:
    """More sessions with Priya than one page holds, several on each day, newest first."""
    ids = [log_session(services, team.priya.id, n // 3, f"Session {n}") for n in range(TIMELINE_PAGE + 7)]
    return [entry.id for entry in services.log.timeline(team.priya.id, limit=len(ids))]


def test_the_timeline_shows_newest_first_and_opens_on_the_newest(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    for days_ago, what in ((30, "A month ago"), (2, "Two days ago"), (9, "Last week")):
        log_session(services, team.priya.id, days_ago, what)

    page = open_page(qtbot, ui_context, team.priya.id)

    assert shown_entries(page) == ["Two days ago", "Last week", "A month ago"]
    assert page.header.name.text() == "Priya Shah"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Sat 21 Nov, Coaching, not rated: Two days ago"
    )
    assert "Two days ago" in page.details.toPlainText()


def test_the_header_says_how_the_agents_coaching_stands(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    log_session(services, team.priya.id, 23, "Adherence review")

    page = open_page(qtbot, ui_context, team.priya.id)

    assert page.header.status.text() == "Overdue — last session 23 days ago (target every 14 days)"
    assert "reports to Dana Whitfield" in page.header.details.text()


def test_selecting_an_entry_shows_it_in_full_with_private_notes_marked(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    log_session(services, team.priya.id, 1, "Quick catch-up")
    log_session(
        services,
        team.priya.id,
        5,
        "Listened to three calls.",
        performance_notes="Took notes, asked good questions.",
        performance_rating=4,
        agent_view="Lunch cover is the problem.",
        barriers="Break rota",
        next_steps="Reminder at 13:55.",
        private_notes="Mentioned caring for her mother.",
        commitments=(CommitmentDraft("Set a reminder for lunch", team.priya.id),),
    )
    page = open_page(qtbot, ui_context, team.priya.id)

    page.timeline.setCurrentIndex(page.model.index(1, 0))

    text = page.details.toPlainText()
    for shown in (
        "Listened to three calls.",
        "Took notes, asked good questions.",
        "Rated 4 of 5",
        "Lunch cover is the problem.",
        "Break rota",
        "Reminder at 13:55.",
        "Set a reminder for lunch",
        "Mentioned caring for her mother.",
    ):
        assert shown in text
    private = text.index("Private notes")
    assert private < text.index("Private — only you see this") < text.index("Mentioned caring for her mother.")
    assert "Quick catch-up" not in text


def test_a_signed_off_entry_shows_its_amendments_beside_the_original(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    entry_id = log_session(services, team.priya.id, 3, "Listened to three calls.", performance_rating=3)
    services.log.sign_off(entry_id)
    services.log.edit(entry_id, {"what_happened": "Listened to four calls."}, reason="miscounted")

    page = open_page(qtbot, ui_context, team.priya.id)

    text = page.details.toPlainText()
    assert "Signed off" in text
    assert text.index("As signed off") < text.index("Listened to three calls.") < text.index("miscounted")
    assert text.index("miscounted") < text.index("Listened to four calls.")
    assert "signed off" in page.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_done_on_an_open_commitment_saves_it_and_takes_it_off_the_list(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    log_session(
        services,
        team.priya.id,
        3,
        "Adherence review",
        commitments=(
            CommitmentDraft("Set a reminder for lunch", team.priya.id),
            CommitmentDraft("Swap Priya's break slot", team.leader.id),
        ),
    )
    page = open_page(qtbot, ui_context, team.priya.id)
    lines = {line.commitment.text: line for line in page.panels.commitments.open_lines()}
    assert set(lines) == {"Set a reminder for lunch", "Swap Priya's break slot"}

    qtbot.mouseClick(lines["Set a reminder for lunch"].done, Qt.MouseButton.LeftButton)

    assert [c.text for c in services.commitments.open_for(team.priya.id)] == ["Swap Priya's break slot"]
    [entry] = services.log.timeline(team.priya.id)
    statuses = {c.text: c.status for c in services.log.get(entry.id).commitments}
    assert statuses["Set a reminder for lunch"] is CommitmentStatus.DONE
    assert [line.commitment.text for line in page.panels.commitments.open_lines()] == ["Swap Priya's break slot"]
    assert page.panels.commitments.title.text() == "Open commitments (1)"
    assert navigator.messages == ["“Set a reminder for lunch” marked done."]


def test_missed_on_the_last_commitment_leaves_a_plain_empty_state(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    log_session(
        services, team.priya.id, 3, "Adherence review", commitments=(CommitmentDraft("Read the guide", team.priya.id),)
    )
    page = open_page(qtbot, ui_context, team.priya.id)
    [line] = page.panels.commitments.open_lines()

    qtbot.mouseClick(line.missed, Qt.MouseButton.LeftButton)

    [saved] = services.log.get(services.log.timeline(team.priya.id)[0].id).commitments
    assert saved.status is CommitmentStatus.MISSED
    assert page.panels.commitments.open_lines() == []
    assert "Nothing open" in page.panels.commitments.lines()[0].accessibleName()
    assert not any(isinstance(w, CommitmentLine) for w in page.panels.commitments.lines())


def test_a_session_logged_elsewhere_appears_and_the_selection_stays(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    log_session(services, team.priya.id, 1, "Newest")
    chosen = log_session(services, team.priya.id, 8, "Chosen")
    page = open_page(qtbot, ui_context, team.priya.id, chosen)

    log_session(services, team.priya.id, 0, "Logged just now")
    ui_context.notices.announce(Topic.LOG)

    assert shown_entries(page) == ["Logged just now", "Newest", "Chosen"]
    assert selected_id(page) == chosen


def test_showing_an_agent_with_an_entry_selects_that_entry(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    log_session(services, team.priya.id, 1, "Newest")
    wanted = log_session(services, team.priya.id, 8, "The one asked for")
    log_session(services, team.priya.id, 20, "Oldest")

    page = open_page(qtbot, ui_context, team.priya.id, wanted)

    assert selected_id(page) == wanted
    assert "The one asked for" in page.details.toPlainText()


def test_an_entry_older_than_the_first_page_is_found_and_selected(
    qtbot: QtBot, ui_context: UiContext, team: Team, busy_history: list[str]
) -> None:
    oldest = busy_history[-1]

    page = open_page(qtbot, ui_context, team.priya.id, oldest)

    assert selected_id(page) == oldest
    assert [page.model.entry(row).id for row in range(page.model.rowCount())] == busy_history


def test_scrolling_to_the_end_appends_older_sessions_without_repeats(
    qtbot: QtBot, ui_context: UiContext, team: Team, busy_history: list[str]
) -> None:
    page = open_page(qtbot, ui_context, team.priya.id)
    assert page.model.rowCount() == TIMELINE_PAGE
    assert page.model.canFetchMore(QModelIndex())

    page.timeline.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > TIMELINE_PAGE)

    assert [page.model.entry(row).id for row in range(page.model.rowCount())] == busy_history
    assert not page.model.canFetchMore(QModelIndex())


def test_new_session_starts_one_for_this_agent(
    qtbot: QtBot, ui_context: UiContext, team: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context, team.new_starter.id)

    qtbot.mouseClick(page.header.new_session, Qt.MouseButton.LeftButton)

    assert navigator.new_sessions == [team.new_starter.id]
    assert "No sessions with Zoë yet" in page.no_sessions.text()
    assert page.timeline_stack.currentWidget() is page.no_sessions


def test_kpis_show_the_latest_value_against_target(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    adherence = services.kpis.define("Adherence", unit="%", target=85)
    handle_time = services.kpis.define("Average handle time", unit="s", target=420, higher_is_better=False)
    week = TODAY - timedelta(days=7)
    services.kpis.record_values(
        [
            KpiValueInput(adherence.id, team.priya.id, week, 82.0),
            KpiValueInput(handle_time.id, team.priya.id, week, 400),
        ]
    )

    page = open_page(qtbot, ui_context, team.priya.id)

    [table] = page.panels.kpis.lines()
    names = {label.accessibleName() for label in table.findChildren(QLabel)}
    assert "Adherence: 82.0%, target 85.0%, below target" in names
    assert "Average handle time: 400.0 s, target 420.0 s, meets target" in names


@pytest.fixture
def held_tasks() -> ManualTaskRunner:
    return ManualTaskRunner()


@pytest.fixture
def held_context(
    services: Services, held_tasks: ManualTaskRunner, tmp_path: Path, ui_settings: UiSettings
) -> UiContext:
    return UiContext(services, held_tasks, ErrorReporter(tmp_path), ChangeNotices(), ui_settings, RecordingNavigator())


def test_switching_agents_quickly_never_shows_the_previous_agents_results(
    qtbot: QtBot, services: Services, team: Team, held_tasks: ManualTaskRunner, held_context: UiContext
) -> None:
    log_session(services, team.priya.id, 2, "Priya's session")
    log_session(services, team.tomas.id, 4, "Tomás's session")
    page = open_page(qtbot, held_context, team.priya.id)

    page.show_agent(team.tomas.id)
    held_tasks.run_next()

    assert page.header.name.text() == "Loading…"
    assert shown_entries(page) == []
    held_tasks.run_all()

    assert page.header.name.text() == "Tomás Ruiz"
    assert shown_entries(page) == ["Tomás's session"]
    assert "Tomás's session" in page.details.toPlainText()
    assert "Priya" not in page.details.toPlainText()


def test_review_pack_leads_to_this_agents_pack(
    qtbot: QtBot, ui_context: UiContext, team: Team, navigator: RecordingNavigator
) -> None:
    page = open_page(qtbot, ui_context, team.priya.id)
    show_active(qtbot, page)
    qtbot.waitUntil(page.review_pack.isEnabled)

    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert navigator.review_packs == [team.priya.id]
