"""Searching everything from one box: grouped results with the matched words highlighted, opened by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coachdesk.services import Services
from coachdesk.services.log import SessionDraft
from coachdesk.ui.context import UiContext
from coachdesk.ui.search.page import SearchPage
from tests.conftest import Team
from tests.ui.conftest import RecordingNavigator, show_active


def search_page(qtbot: QtBot, ui_context: UiContext) -> SearchPage:
    page = SearchPage(ui_context)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.focus_box()
    return page


def test_results_arrive_as_you_type_grouped_and_highlighted(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Worked on the escalation script with Priya."))
    page = search_page(qtbot, ui_context)
    qtbot.keyClicks(page.box, "escal")
    qtbot.waitUntil(lambda: page.results.topLevelItemCount() > 0)
    group = page.results.topLevelItem(0)
    assert group.text(0).startswith("<b>Leader log</b>")
    hit = group.child(0).text(0)
    assert "Coaching with Priya Shah" in hit
    assert "<b><u>escalation</u></b>" in hit
    assert page.summary.text().startswith("1 results")


def test_enter_opens_the_best_result_and_arrows_walk_the_rest(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team, navigator: RecordingNavigator
) -> None:
    entry = services.log.record_session(SessionDraft((team.tomas.id,), "Call review of a refund complaint."))
    page = search_page(qtbot, ui_context)
    qtbot.keyClicks(page.box, "refund")
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    assert navigator.opened_entries == [entry.id]
    qtbot.keyClick(page.box, Qt.Key.Key_Down)
    assert page.results.hasFocus()
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert navigator.opened_entries == [entry.id, entry.id]


def test_a_person_found_by_name_opens_their_page(
    qtbot: QtBot, ui_context: UiContext, team: Team, navigator: RecordingNavigator
) -> None:
    page = search_page(qtbot, ui_context)
    qtbot.keyClicks(page.box, "tomas")
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    assert navigator.opened_agents == [team.tomas.id]


def test_text_that_looks_like_markup_is_shown_as_text_and_no_match_says_so(
    qtbot: QtBot, ui_context: UiContext, services: Services, team: Team
) -> None:
    services.log.record_session(SessionDraft((team.priya.id,), "Said <b>never</b> again about overtime."))
    page = search_page(qtbot, ui_context)
    qtbot.keyClicks(page.box, "overtime")
    qtbot.waitUntil(lambda: page.results.topLevelItemCount() > 0)
    assert "&lt;b&gt;never&lt;/b&gt;" in page.results.topLevelItem(0).child(0).text(0)
    page.box.setText("zebra")
    qtbot.waitUntil(lambda: page.summary.text() == "Nothing in the notebook matches “zebra”.")
    assert page.results.topLevelItemCount() == 0
